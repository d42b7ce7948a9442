"""Saving edits as they are made, with undo/redo: one `Edits` (and one QUndoStack) per window.

A form field calls :meth:`Edits.set_field` when its value settles (editingFinished, or a
debounced textChanged). That writes through a service function in its own short transaction
first; only when the write succeeded is an undo command pushed. Undo and redo write the old or
new value through the same function and announce it with :attr:`Edits.value_restored`, so an
open form can show it (a closed form simply is not listening).

Consecutive edits of one field merge into one undo step until the field is left (``seal``).
Any other step already carried out (a row added or removed) is a :class:`DoneCommand`, the one
undo command for done work in the window (the workspace pushes them on the same stack).
Forms with typing not yet saved register a flusher, called before undo/redo and on quit.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack

from assessor.domain.errors import AssessorError
from assessor.ui.changes import EVERYTHING, Change

Writer = Callable[[Any], None]
FIELD_COMMAND_ID = 4711


def attempt(fn: Callable[[], object], failed: SignalInstance) -> bool:
    """Run ``fn``; a refusal (an AssessorError) is said through ``failed``, not raised. True when
    ``fn`` ran through."""
    try:
        fn()
    except AssessorError as exc:
        failed.emit(exc.message)
        return False
    return True


class FieldCommand(QUndoCommand):
    """Set one field of one row from ``old`` to ``new`` (already written when pushed)."""

    def __init__(
        self,
        edits: Edits,
        key: Hashable,
        text: str,
        write: Writer,
        old: Any,
        new: Any,
        change: Change = EVERYTHING,
    ) -> None:
        super().__init__(text)
        self.edits = edits
        self.key = key
        self.change = change
        self.write = write
        self.old = old
        self.new = new
        self.sealed = False
        self._pushed = False

    def id(self) -> int:
        return FIELD_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, FieldCommand) or self.sealed or other.key != self.key:
            return False
        self.new = other.new
        if self.new == self.old:
            self.setObsolete(True)
        return True

    def redo(self) -> None:
        if not self._pushed:  # the first redo is the push itself: the value is already saved
            self._pushed = True
            return
        self.edits._apply(self.key, self.write, self.new, self.change)

    def undo(self) -> None:
        self.edits._apply(self.key, self.write, self.old, self.change)


Step = Callable[[], None]
Runner = Callable[[Step], object]


def _call(fn: Step) -> None:
    fn()


class DoneCommand(QUndoCommand):
    """A step already carried out when pushed, undone and redone by two callables."""

    def __init__(self, text: str, do: Step, undo: Step, run: Runner = _call) -> None:
        super().__init__(text)
        self._do = do
        self._undo = undo
        self._run = run
        self._skip = True

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._run(self._do)

    def undo(self) -> None:
        self._run(self._undo)


class Edits(QObject):
    """The window's undo stack plus the bookkeeping of saving as you type."""

    # key, value: a field was set back by undo/redo; forms showing it update their widget
    value_restored = Signal(object, object)
    # a Change (assessor.ui.changes): which tables' rows changed (lists refresh)
    changed = Signal(object)
    # a write failed (the row was deleted meanwhile, a rule was broken): text for the status bar
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = QUndoStack(self)
        self._flushers: list[Callable[[], object]] = []
        self._pending: set[int] = set()
        self._refreshers: list[Callable[[], None]] = []

    # --- saving ---

    def set_field(
        self,
        key: Hashable,
        text: str,
        write: Writer,
        old: Any,
        new: Any,
        change: Change | None = None,
    ) -> bool:
        """Write ``new`` now; on success push an undoable step. Raises the service's error."""
        if old == new:
            return False
        write(new)
        self.stack.push(FieldCommand(self, key, text, write, old, new, change or EVERYTHING))
        if change is not None:
            self.changed.emit(change)
        return True

    def push_done(
        self,
        text: str,
        do: Callable[[], None],
        undo: Callable[[], None],
        change: Change | None = None,
    ) -> None:
        """Record a step already carried out (``do`` has run), undoable by ``undo``."""
        told = change or EVERYTHING

        def run(fn: Callable[[], None]) -> None:
            self._run(fn, told)

        self.stack.push(DoneCommand(text, do, undo, run))
        if change is not None:
            self.changed.emit(change)

    def seal(self) -> None:
        """The user left a field: the next edit of it is a new undo step."""
        top = self.stack.command(self.stack.index() - 1) if self.stack.index() > 0 else None
        if isinstance(top, FieldCommand):
            top.sealed = True

    def _apply(self, key: Hashable, write: Writer, value: Any, change: Change) -> None:
        if attempt(lambda: write(value), self.failed):
            self.value_restored.emit(key, value)
            self.changed.emit(change)

    def _run(self, fn: Callable[[], None], change: Change = EVERYTHING) -> None:
        if attempt(fn, self.failed):
            self.changed.emit(change)

    # --- typing not yet saved ---

    def add_flusher(self, fn: Callable[[], object]) -> None:
        self._flushers.append(fn)

    def remove_flusher(self, fn: Callable[[], object]) -> None:
        if fn in self._flushers:
            self._flushers.remove(fn)

    def flush(self) -> None:
        for fn in list(self._flushers):
            fn()

    def mark_pending(self, owner: object, pending: bool) -> None:
        """A form has typing not saved yet: keep Undo enabled, it will save then undo."""
        before = bool(self._pending)
        if pending:
            self._pending.add(id(owner))
        else:
            self._pending.discard(id(owner))
        if before != bool(self._pending):
            for fn in self._refreshers:
                fn()

    def undo(self) -> None:
        self.flush()
        self.seal()
        self.stack.undo()

    def redo(self) -> None:
        self.flush()
        self.stack.redo()

    # --- menu actions ---

    def make_actions(self, parent: QObject) -> tuple[QAction, QAction]:
        undo = QAction(self.tr("&Undo"), parent)
        undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        undo.triggered.connect(self.undo)
        redo = QAction(self.tr("&Redo"), parent)
        keys = [QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Shift+Z")]
        unique: list[QKeySequence] = []
        for k in keys:
            if not k.isEmpty() and k not in unique:
                unique.append(k)
        redo.setShortcuts(unique)
        redo.triggered.connect(self.redo)

        def refresh() -> None:
            try:
                undo_text = self.stack.undoText()
                redo_text = self.stack.redoText()
            except RuntimeError:  # the stack is being destroyed with the window
                return
            undo.setText(
                self.tr("&Undo %1").replace("%1", undo_text) if undo_text else self.tr("&Undo")
            )
            redo.setText(
                self.tr("&Redo %1").replace("%1", redo_text) if redo_text else self.tr("&Redo")
            )
            undo.setEnabled(self.stack.canUndo() or bool(self._pending))
            redo.setEnabled(self.stack.canRedo())

        self.stack.indexChanged.connect(lambda _i: refresh())
        self.stack.cleanChanged.connect(lambda _c: refresh())
        self._refreshers.append(refresh)
        refresh()
        return undo, redo


def is_undo_or_redo(event: Any) -> bool:
    """A key event asking for undo or redo (so text fields can let the window handle it)."""
    return bool(
        event.matches(QKeySequence.StandardKey.Undo)
        or event.matches(QKeySequence.StandardKey.Redo)
        or QKeySequence(event.keyCombination()) == QKeySequence("Ctrl+Shift+Z")
    )
