"""Small form helpers: a field with its error shown beside it in words (typed text kept)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from assessor.domain.errors import AssessorError, ValidationError

if TYPE_CHECKING:
    from assessor.ui.workspace.state import WorkspaceState


def scrolled_body(owner: QWidget, name: str) -> tuple[QScrollArea, QWidget]:
    """Fill ``owner`` with a frameless scroll area read aloud as ``name``; the widget returned
    beside it is the body to lay the content out in."""
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea(owner)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setAccessibleName(name)
    outer.addWidget(scroll)
    body = QWidget(scroll)
    scroll.setWidget(body)
    return scroll, body


class ErrorLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setVisible(False)
        pal = self.palette()
        from PySide6.QtGui import QColor

        pal.setColor(
            self.foregroundRole(),
            QColor("#c62828") if pal.window().color().lightness() > 128 else QColor("#ff8a80"),
        )
        self.setPalette(pal)

    def show_error(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_error(self) -> None:
        self.show_error("")


def with_error(field: QWidget, parent: QWidget | None = None) -> tuple[QWidget, ErrorLabel]:
    """The field with an error label beside (below) it, as one widget for a form row."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    row = QHBoxLayout()
    row.addWidget(field, 1)
    layout.addLayout(row)
    error = ErrorLabel(box)
    layout.addWidget(error)
    field.setParent(box)
    return box, error


def show_error(errors: dict[str, ErrorLabel], exc: AssessorError, fallback: str) -> None:
    """Put a service's error beside its field (or beside ``fallback``)."""
    for label in errors.values():
        label.clear_error()
    field = exc.field if isinstance(exc, ValidationError) else fallback
    (errors.get(field) or errors[fallback]).show_error(exc.message)


def save_row_field(
    state: WorkspaceState,
    text: str,
    update: Callable[..., Any],
    row_id: str,
    field: str,
    old: Any,
    new: Any,
    changed: Any,
    errors: dict[str, ErrorLabel],
    general: ErrorLabel,
) -> None:
    """One field of a finding or recommendation: saved now through ``update(session, row_id,
    field=value)``, undoable; a refused value is explained beside its field, the text kept."""

    def write(value: Any) -> None:
        with state.db.transaction() as s:
            update(s, row_id, **{field: value})

    try:
        state.field_changed(text, write, old, new, changed)
    except AssessorError as exc:
        show_error(errors, exc, "")
        return
    errors.get(field, general).clear_error()
