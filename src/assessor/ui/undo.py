"""The one undo command for work already done, and the one helper for an undoable
delete/restore of a row.

Every change in the window is written first (saved as made); only a write that succeeded is
pushed as an undo step, so the first ``redo`` (Qt calls it on push) does nothing. Undo and redo
then call two functions through ``run``, which turns a refused write into words for the user
instead of an exception in Qt's event loop.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from assessor.ui.changes import Change
    from assessor.ui.context import AppContext

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


RowWrite = Callable[[Any, str], None]  # a service taking (session, row id)


def push_row_step(
    context: AppContext, text: str, row_id: str, *, remove: RowWrite, restore: RowWrite,
    created: bool, change: Change, after: Step | None = None,
) -> None:
    """Record a row already created (undo removes it, redo brings it back) or already removed
    (undo brings it back), each write through a service in its own transaction; ``after``
    runs after each (the owner reloads what it shows)."""
    db = context.db

    def writer(service: RowWrite) -> Step:
        def write() -> None:
            with db.transaction() as s:
                service(s, row_id)
            if after is not None:
                after()

        return write

    do, undo = (writer(restore), writer(remove)) if created else (writer(remove), writer(restore))
    context.edits.push_done(text, do, undo, change)
