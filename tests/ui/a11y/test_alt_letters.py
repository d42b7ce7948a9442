"""The main actions of the agency, the meeting, the assessment, the checklists and the sync
sections each have an Alt letter in both languages (none had one; the Tab walk checks that no
letter is used twice among the controls visible together, menus included)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton


def _letter(button: QAbstractButton) -> str | None:
    found = re.search(r"&(\w)", button.text())
    return found.group(1) if found else None


def test_main_actions_have_an_alt_letter(visit, qtbot) -> None:
    win = visit.window
    page = win.show_page("agencies")
    detail = page.show_agency(visit.agency)
    meeting = page.open_meeting(visit.agency, visit.meeting)
    from tests.ui.a11y.test_tab_walk import _workspace

    workspace = _workspace(visit)
    checklists = win.show_page("checklists")
    sync = win.show_page("sync")
    actions = {
        "add contact": detail.add_contact_button,
        "edit contact": detail.edit_contact_button,
        "new meeting": detail.new_meeting_button,
        "meeting mode": detail.meeting_mode_button,
        "participant from the contacts": meeting.people.add_contact_button,
        "action item": meeting.action_box.add_action_button,
        "import checklist": checklists.import_button,
        "export package": sync.export_button,
        "import package": sync.import_button,
        "keep this one": sync.conflicts.keep_this,
        "keep the other": sync.conflicts.keep_other,
    }
    missing = [f"{what}: {b.text()!r}" for what, b in actions.items() if _letter(b) is None]
    assert missing == [], visit.language
    # each says what it deletes (the recommendations' said "Delete" alone)
    deletes = [workspace.findings.delete_button, workspace.recommendations.delete_button]
    assert all(len(b.text().split()) >= 2 for b in deletes), [b.text() for b in deletes]
