"""Change notices are typed values, and an undone or redone step says what it touched."""

from __future__ import annotations

from typing import Any

from assessor.domain.errors import NotFound
from assessor.ui.changes import EVERYTHING, Change, Table


def test_a_change_touches_only_its_tables_and_everything_touches_all() -> None:
    meeting = Change.of(Table.MEETING)
    assert meeting.touches(Table.AGENCY, Table.MEETING)
    assert not meeting.touches(Table.CONTACT)
    assert EVERYTHING.touches(Table.CONTACT) and EVERYTHING.everything
    assert not meeting.everything


def test_undo_and_redo_announce_the_steps_own_change(qtbot: Any) -> None:
    from assessor.ui.edits import Edits

    edits = Edits()
    heard: list[Change] = []
    edits.changed.connect(heard.append)
    done: list[str] = []
    edits.push_done(
        "add", lambda: done.append("do"), lambda: done.append("undo"), Change.of(Table.ACTION_ITEM)
    )
    edits.undo()
    edits.redo()
    assert done == ["undo", "do"]  # the push itself does not run the step again
    assert heard == [Change.of(Table.ACTION_ITEM)] * 3


def test_a_refused_undo_is_told_not_raised(qtbot: Any) -> None:
    from assessor.ui.edits import Edits

    edits = Edits()
    failures: list[str] = []
    edits.failed.connect(failures.append)

    def refuse() -> None:
        raise NotFound("no meeting with id m1")

    edits.push_done("delete meeting", lambda: None, refuse, Change.of(Table.MEETING))
    edits.undo()
    assert failures == ["no meeting with id m1"]
