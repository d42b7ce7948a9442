"""The one helper for an undoable delete/restore of a row (a participant, an action item, a
meeting): the row is already created or removed; undo and redo call the two services that
remove and restore it, each in a transaction of its own. The undo command itself is
ui/edits.DoneCommand."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assessor.ui.changes import Change
    from assessor.ui.context import AppContext

Step = Callable[[], None]
RowWrite = Callable[[Any, str], None]  # a service taking (session, row id)


def push_row_step(
    context: AppContext,
    text: str,
    row_id: str,
    *,
    remove: RowWrite,
    restore: RowWrite,
    created: bool,
    change: Change,
    after: Step | None = None,
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
