"""The meeting editor: every change saved as made, nothing lost on close, undo/redo."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from datetime import date, datetime

import pytest
from PySide6.QtCore import QDateTime, Qt

from assessor.services import meetings
from assessor.store.db import Database
from assessor.ui.meeting_editor import MeetingEditor


def _editor(window, sample) -> MeetingEditor:
    page = window.show_page("agencies")
    page.select_agency(sample["agency"])
    editor = page.open_meeting(sample["agency"], sample["meeting"])
    assert isinstance(editor, MeetingEditor)
    return editor


def _meeting(db, meeting_id):
    with db.read() as s:
        from assessor.services.rows import get_live
        from assessor.store.models import Meeting

        return get_live(s, Meeting, meeting_id)


def _type_at_end(qtbot, edit, text: str) -> None:
    edit.setFocus()
    cursor = edit.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    edit.setTextCursor(cursor)
    qtbot.keyClicks(edit, text)


def test_typing_is_saved_without_a_save_button_and_survives_reopening(
    window, sample, db, db_path, qtbot
) -> None:
    editor = _editor(window, sample)
    _type_at_end(qtbot, editor.notes_edit, " Digitala tjanster diskuterades.")
    editor.place_edit.setFocus()
    editor.place_edit.selectAll()
    qtbot.keyClicks(editor.place_edit, "Stockholm")

    # after the short pause the edit is in the file, seen by another connection: a killed
    # program loses nothing (at most the last half second of typing)
    def saved() -> bool:
        con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            notes, place = con.execute(
                "SELECT notes, place FROM meeting WHERE id = ?", (sample["meeting"],)
            ).fetchone()
        finally:
            con.close()
        return notes.endswith("diskuterades.") and place == "Stockholm"

    qtbot.waitUntil(saved, timeout=3000)

    # close everything without any explicit save, reopen the database: the edits are there
    window.close()
    db.close()
    reopened = Database(db_path)
    try:
        m = _meeting(reopened, sample["meeting"])
        assert m.notes == "Första mötet. Digitala tjanster diskuterades."
        assert m.place == "Stockholm"
    finally:
        reopened.close()


def test_closing_the_window_right_after_typing_saves_the_last_keystrokes(
    window, sample, db, db_path, qtbot
) -> None:
    editor = _editor(window, sample)
    _type_at_end(qtbot, editor.notes_edit, " Slut.")
    window.close()  # before the debounce fired
    db.close()
    reopened = Database(db_path)
    try:
        assert _meeting(reopened, sample["meeting"]).notes == "Första mötet. Slut."
    finally:
        reopened.close()


def test_undo_and_redo_restore_notes_and_place(window, sample, db, qtbot) -> None:
    editor = _editor(window, sample)
    _type_at_end(qtbot, editor.notes_edit, " Mer.")
    editor.place_edit.setFocus()  # leaving notes saves them (one undo step)
    editor.place_edit.selectAll()
    qtbot.keyClicks(editor.place_edit, "Kiruna")
    qtbot.keyClick(editor.place_edit, Qt.Key.Key_Return)
    assert _meeting(db, sample["meeting"]).place == "Kiruna"

    # Ctrl+Z in the place field goes to the window's undo stack, not the field's own
    qtbot.keyClick(editor.place_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _meeting(db, sample["meeting"]).place == "Gävle"
    assert editor.place_edit.text() == "Gävle"

    window.edits.undo()
    assert _meeting(db, sample["meeting"]).notes == "Första mötet."
    assert editor.notes_edit.toPlainText() == "Första mötet."

    window.redo_action.trigger()
    assert _meeting(db, sample["meeting"]).notes == "Första mötet. Mer."
    assert editor.notes_edit.toPlainText() == "Första mötet. Mer."
    qtbot.keyClick(
        editor.notes_edit,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _meeting(db, sample["meeting"]).place == "Kiruna"
    assert editor.place_edit.text() == "Kiruna"


def test_consecutive_typing_in_one_field_is_one_undo_step(window, sample, db, qtbot) -> None:
    editor = _editor(window, sample)
    stack = window.edits.stack
    before = stack.count()
    _type_at_end(qtbot, editor.notes_edit, " a")
    editor.bindings["notes"].commit()
    qtbot.keyClicks(editor.notes_edit, "b")
    editor.bindings["notes"].commit()
    qtbot.keyClicks(editor.notes_edit, "c")
    editor.bindings["notes"].commit()
    assert stack.count() == before + 1
    assert _meeting(db, sample["meeting"]).notes == "Första mötet. abc"
    window.edits.undo()
    assert _meeting(db, sample["meeting"]).notes == "Första mötet."


def test_undo_works_while_typing_is_not_yet_saved(window, sample, db, qtbot) -> None:
    editor = _editor(window, sample)
    _type_at_end(qtbot, editor.notes_edit, "!")
    assert window.undo_action.isEnabled()  # pending typing counts
    window.undo_action.trigger()  # saves the pending text, then undoes it
    assert _meeting(db, sample["meeting"]).notes == "Första mötet."
    assert editor.notes_edit.toPlainText() == "Första mötet."


def test_an_end_before_the_start_is_explained_and_the_value_kept(window, sample, db, qtbot):
    editor = _editor(window, sample)
    early = QDateTime(datetime(2025, 3, 4, 8, 0))
    editor.ends_edit.setDateTime(early)
    editor.bindings["ends_at"].commit()
    assert editor.time_error.isVisible()
    assert "ends before it starts" in editor.time_error.text()
    assert editor.ends_edit.dateTime() == early
    assert _meeting(db, sample["meeting"]).ends_at == datetime(2025, 3, 4, 11, 0)
    # moving the start earlier makes the kept end valid
    editor.ends_edit.setDateTime(QDateTime(datetime(2025, 3, 4, 12, 0)))
    editor.bindings["ends_at"].commit()
    assert not editor.time_error.isVisible()
    assert _meeting(db, sample["meeting"]).ends_at == datetime(2025, 3, 4, 12, 0)


def test_kind_and_confidential_are_saved_and_undoable(window, sample, db, qtbot) -> None:
    editor = _editor(window, sample)
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData("workshop"))
    editor.confidential_check.setChecked(True)
    m = _meeting(db, sample["meeting"])
    assert (m.kind, m.confidential) == ("workshop", True)
    window.edits.undo()
    window.edits.undo()
    m = _meeting(db, sample["meeting"])
    assert (m.kind, m.confidential) == ("visit", False)
    assert editor.kind_combo.currentData() == "visit"
    assert not editor.confidential_check.isChecked()


def test_participants_from_contacts_and_by_name_with_undo(window, sample, db, qtbot) -> None:
    editor = _editor(window, sample)
    index = editor.people.contact_combo.findData(sample["contact"])
    editor.people.contact_combo.setCurrentIndex(index)
    editor.people.add_contact_participant()
    editor.people.free_name_edit.setText("Gästföreläsare Eva")
    editor.people.add_named_participant()

    def names() -> list[str]:
        with db.read() as s:
            return [p.name for p in meetings.list_participants(s, sample["meeting"])]

    assert names() == ["Anna Andersson", "Gästföreläsare Eva"]
    assert editor.people.participants.rowCount() == 2
    window.edits.undo()
    assert names() == ["Anna Andersson"]
    assert editor.people.participants.rowCount() == 1
    window.edits.redo()
    assert names() == ["Anna Andersson", "Gästföreläsare Eva"]


def test_action_items_are_added_edited_and_undone(window, sample, db, qtbot) -> None:
    editor = _editor(window, sample)
    action_id = editor.action_box.add_action_item()
    model = editor.action_box.action_items
    row = [r.id for r in model.rows()].index(action_id)
    assert model.setData(model.index(row, 0), "Skicka arkitekturbeskrivning")
    assert model.setData(model.index(row, 1), "Anna")
    from PySide6.QtCore import QDate

    assert model.setData(model.index(row, 2), QDate(2025, 4, 1))
    assert model.setData(
        model.index(row, 3), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )

    def item():
        with db.read() as s:
            items = meetings.list_action_items(s, sample["meeting"])
        return items[0] if items else None

    got = item()
    assert (got.title, got.owner, got.due_on, got.done) == (
        "Skicka arkitekturbeskrivning",
        "Anna",
        date(2025, 4, 1),
        True,
    )
    window.edits.undo()  # done
    window.edits.undo()  # due date
    assert item().done is False and item().due_on is None
    assert model.index(row, 3).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    window.edits.undo()  # owner
    window.edits.undo()  # title
    window.edits.undo()  # the item itself
    assert item() is None
    assert model.rowCount() == 0
    window.edits.redo()
    assert item() is not None and model.rowCount() == 1


KILLED_CHILD = """
import os, signal, sys
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from assessor.ui import settings
settings.use_folder(Path(sys.argv[3]))
from assessor.store.db import Database
from assessor.ui.app import build_window
app = QApplication([])
db = Database(Path(sys.argv[1]))
window = build_window(db, "en")
window.show()
page = window.show_page("agencies")
page.select_agency(sys.argv[2].split(",")[0])
editor = page.open_meeting(*sys.argv[2].split(","))
editor.notes_edit.setFocus()
cursor = editor.notes_edit.textCursor()
cursor.movePosition(cursor.MoveOperation.End)
editor.notes_edit.setTextCursor(cursor)
QTest.keyClicks(editor.notes_edit, " Killed after this.")
QTest.qWait(1500)  # longer than the pause after which typing is saved
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_typing_survives_the_program_being_killed(db, db_path, sample, tmp_path) -> None:
    db.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            KILLED_CHILD,
            str(db_path),
            f"{sample['agency']},{sample['meeting']}",
            str(tmp_path / "settings-child"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    reopened = Database(db_path)  # the lock died with the process
    try:
        assert _meeting(reopened, sample["meeting"]).notes == "Första mötet. Killed after this."
    finally:
        reopened.close()


def test_advisors_are_ticked_saved_and_undone(window, sample, db, qtbot) -> None:
    from assessor.services.advisors import create_advisor

    with db.transaction() as s:
        advisor_id = create_advisor(s, name="Magnus Wallin")
    editor = _editor(window, sample)
    editor.people.reload_advisors()
    item = editor.people.advisors_list.item(0)
    assert item.text() == "Magnus Wallin"
    item.setCheckState(Qt.CheckState.Checked)

    def present() -> list[str]:
        with db.read() as s:
            return meetings.meeting_advisor_ids(s, sample["meeting"])

    assert present() == [advisor_id]
    window.edits.undo()
    assert present() == []
    qtbot.waitUntil(
        lambda: editor.people.advisors_list.item(0).checkState() == Qt.CheckState.Unchecked,
        timeout=2000,
    )
    window.edits.redo()
    assert present() == [advisor_id]


def test_delete_clears_an_action_items_due_date_undoably(window, sample, db, qtbot) -> None:
    with db.transaction() as s:
        action_id = meetings.create_action_item(
            s,
            sample["agency"],
            meeting_id=sample["meeting"],
            title="Skicka underlag",
            due_on=date(2025, 6, 1),
        )
    editor = _editor(window, sample)
    model = editor.action_box.action_items
    editor.action_box.actions_view.setFocus()
    editor.action_box.actions_view.setCurrentIndex(model.index(0, 1))
    qtbot.keyClick(editor.action_box.actions_view, Qt.Key.Key_Delete)

    def due():
        with db.read() as s:
            return {a.id: a.due_on for a in meetings.list_action_items(s, sample["meeting"])}

    assert due()[action_id] is None
    assert model.index(0, 2).data() == ""
    window.edits.undo()
    assert due()[action_id] == date(2025, 6, 1)


def test_notes_written_in_meeting_mode_are_shown_in_the_meeting_editor(window, sample, db) -> None:
    from datetime import datetime

    from assessor.services.answers import add_meeting_note

    with db.transaction() as s:
        add_meeting_note(
            s,
            sample["meeting"],
            text="Arkitekturen beskrevs",
            written_at=datetime(2025, 3, 4, 9, 40),
        )
    page = window.show_page("agencies")
    editor = page.open_meeting(sample["agency"], sample["meeting"])
    model = editor.timed_notes.model()
    assert model.rowCount() == 1
    assert model.index(0, 1).data() == "Arkitekturen beskrevs"
    assert "9:40" in model.index(0, 0).data() or "09:40" in model.index(0, 0).data()
    assert "(1)" in editor.tabs.tabText(editor.tabs.indexOf(editor.timed_notes))


def test_files_from_the_meeting_attach_in_their_own_tab_with_undo(qtbot, tmp_path) -> None:
    from datetime import datetime

    from assessor.services import attachments as att
    from assessor.services.agencies import create_agency
    from assessor.services.meetings import create_meeting
    from assessor.services.setup import init_database
    from assessor.ui import tasks
    from assessor.ui.context import AppContext
    from assessor.ui.meeting_editor import MeetingEditor

    with init_database(tmp_path / "a.db") as db:
        with db.transaction() as s:
            agency = create_agency(s, name="Boverket")
            meeting = create_meeting(
                s, agency, title="Uppstart", starts_at=datetime(2026, 3, 2, 9, 0)
            )
        context = AppContext.standalone(db, "en")
        editor = MeetingEditor(context, meeting)
        qtbot.addWidget(editor)
        index = editor.tabs.indexOf(editor.files)
        assert editor.tabs.tabText(index) == "Fi&les (0)"
        with tasks.synchronous():
            assert editor.files.attach_bytes(b"%PDF-1.7 agenda", "agenda.pdf")
        with db.read() as s:
            rows = att.list_attachments(s, target_table="meeting", target_ids=[meeting])
        assert [r.file_name for r in rows] == ["agenda.pdf"]
        assert editor.tabs.tabText(index) == "Fi&les (1)"
        context.edits.stack.undo()
        assert editor.tabs.tabText(index) == "Fi&les (0)"
        with db.read() as s:
            assert att.list_attachments(s, target_table="meeting", target_ids=[meeting]) == []
        context.edits.stack.redo()
        assert editor.files.list.count() == 1


def test_a_participants_name_stays_on_one_line_beside_a_long_role(window, sample, qtbot) -> None:  # type: ignore[no-untyped-def]
    # at Qt's 100 px name column "Annika Lindberg" broke over two lines
    window.resize(1100, 720)
    editor = _editor(window, sample)
    people = editor.people
    for name in ("Annika Lindberg", "Margareta Söderström-Lindqvist"):
        people.free_name_edit.setText(name)
        people.add_named_participant()
    qtbot.wait(20)
    view = people.participants_view
    width = view.horizontalHeader().sectionSize(0)
    model = view.model()
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "Annika Lindberg" in names
    assert all(view.fontMetrics().horizontalAdvance(n) < width for n in names)
    assert view.horizontalHeader().sectionSize(1) > 0
