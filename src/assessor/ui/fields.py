"""Form fields that save themselves: a binding per widget, and the error label beside it.

A binding writes the widget's value through a service when the user finishes (editingFinished,
leaving the field, or 500 ms after the last keystroke in a text box), via
:meth:`Edits.set_field`, so every save is one short transaction and one undo step. A value a
rule refuses stays in the widget, with the reason in words beside it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Hashable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, SignalInstance
from PySide6.QtGui import QGuiApplication, QKeyEvent, QPalette
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from assessor.domain.errors import AssessorError, ValidationError
from assessor.ui.changes import Change
from assessor.ui.edits import Edits, is_undo_or_redo

DEBOUNCE_MS = 500


def end_form(
    dialog: QDialog, form: QFormLayout, error: QWidget, accept: Callable[[], None]
) -> None:
    """The last rows of a dialog's form: the words saying why a value is refused, then OK (runs
    ``accept``, which closes the dialog only when all is well) and Cancel."""
    form.addRow(error)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)


class ErrorLabel(QLabel):
    """Text beside a field saying what is wrong with it; hidden while all is well."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # the message may quote user text
        self.setObjectName("fieldError")
        self.hide()
        self._restyle()

    def _restyle(self) -> None:
        # a red that reads on both light and dark palettes; the text itself says it is an error
        window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
        dark = window.lightness() < 128
        self.setStyleSheet("color: #ff8a80;" if dark else "color: #b3261e;")

    def changeEvent(self, event: QEvent) -> None:
        # the application's palette, not our own: setStyleSheet changes ours (and would loop)
        if event.type() in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.ThemeChange):
            self._restyle()
        super().changeEvent(event)

    def show_error(self, text: str) -> None:
        self.setText(text)
        self.setAccessibleName(text)
        self.show()

    def clear_error(self) -> None:
        self.setText("")
        self.hide()

    def has_error(self) -> bool:
        return not self.isHidden() and bool(self.text())


class UndoKeysToWindow(QObject):
    """Lets Ctrl+Z / Ctrl+Shift+Z in a text field reach the window's undo, not the field's own."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and is_undo_or_redo(event)
        ):
            event.ignore()
            return True
        return False


_undo_keys: UndoKeysToWindow | None = None


def route_undo_keys(widget: QWidget) -> None:
    global _undo_keys
    if _undo_keys is None:
        _undo_keys = UndoKeysToWindow()
    widget.installEventFilter(_undo_keys)


class FieldBinding(QObject):
    """Keeps one widget and one stored field in step (see module doc)."""

    def __init__(
        self,
        edits: Edits,
        widget: QWidget,
        *,
        key: Hashable,
        undo_text: str,
        get: Callable[[], Any],
        put: Callable[[Any], None],
        write: Callable[[Any], None],
        saved: Any,
        changed: SignalInstance | None = None,
        finished: SignalInstance | None = None,
        error_label: ErrorLabel | None = None,
        message: Callable[[AssessorError, Any], str] | None = None,
        change: Change | None = None,
        debounce_ms: int = DEBOUNCE_MS,
    ) -> None:
        super().__init__(widget)
        self.edits = edits
        self.widget = widget
        self.key = key
        self.undo_text = undo_text
        self._get = get
        self._put = put
        self._write = write
        self.saved = saved
        self.error_label = error_label
        self._message = message
        self.change = change
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.commit)
        self._loading = False
        if changed is not None:
            changed.connect(self._on_changed)
        if finished is not None:
            finished.connect(self.commit)
        widget.installEventFilter(self)
        route_undo_keys(widget)
        edits.add_flusher(self.commit)
        edits.value_restored.connect(self._on_restored)
        widget.destroyed.connect(self._detach)
        self._alive = True

    def _detach(self, *_: Any) -> None:
        if self._alive:
            self._alive = False
            self.edits.remove_flusher(self.commit)
            self.edits.mark_pending(self, False)
            with contextlib.suppress(RuntimeError, TypeError):
                self.edits.value_restored.disconnect(self._on_restored)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.commit()
            self.edits.seal()
        return False

    def _on_changed(self, *_: Any) -> None:
        if self._loading:
            return
        self.edits.mark_pending(self, True)
        self._timer.start()

    def commit(self) -> bool:
        """Save the widget's value now if it differs from the stored one."""
        self._timer.stop()
        if not self._alive:
            return False
        self.edits.mark_pending(self, False)
        new = self._get()
        if new == self.saved:
            if self.error_label is not None:
                self.error_label.clear_error()
            return False
        try:
            self.edits.set_field(
                self.key, self.undo_text, self._write, self.saved, new, self.change
            )
        except AssessorError as exc:
            if self.error_label is not None:
                text = self._message(exc, new) if self._message else exc.message
                self.error_label.show_error(text)
            elif self.edits.parent() is not None:
                self.edits.failed.emit(exc.message)
            return False
        self.saved = new
        if self.error_label is not None:
            self.error_label.clear_error()
        return True

    def _on_restored(self, key: Hashable, value: Any) -> None:
        if key != self.key or not self._alive:
            return
        self._timer.stop()
        self.saved = value
        self.set_value(value)
        if self.error_label is not None:
            self.error_label.clear_error()

    def set_value(self, value: Any) -> None:
        """Show ``value`` without saving it."""
        self._loading = True
        blocked = self.widget.blockSignals(True)
        try:
            self._put(value)
        finally:
            self.widget.blockSignals(blocked)
            self._loading = False


def is_field_error(exc: BaseException, field: str) -> bool:
    return isinstance(exc, ValidationError) and exc.field == field
