"""Every page and dialog walked with real Tab and Shift+Tab presses, in both languages: no
trap, no control Tab cannot reach, no control without an accessible name, no Alt letter used
twice in one view, no label whose text its accessible name hides (EN 301 549 chapter 11: WCAG
1.3.1, 2.1.1, 2.1.2, 2.4.3, 4.1.2)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget
from tests.ui.a11y.walk import duplicated, hidden_texts, walk


def _check(view: QWidget, what: str) -> list[str]:
    QApplication.processEvents()
    problems = []
    forward = walk(view)
    backward = walk(view, backwards=True)
    for w in (forward, backward):
        problems += [f"{what}: trap: {t}" for t in w.traps]
    problems += [f"{what}: unreachable by Tab: {u}" for u in forward.unreachable]
    problems += [f"{what}: no accessible name: {u}" for u in forward.unnamed]
    problems += [f"{what}: {d}" for d in duplicated(view)]
    problems += [f"{what}: {h}" for h in hidden_texts(view)]
    return problems


def _views(visit) -> list[tuple[str, Callable[[], QWidget]]]:
    win = visit.window

    def page(key: str) -> Callable[[], QWidget]:
        def show() -> QWidget:
            win.show_page(key)
            return win

        return show

    def agency() -> QWidget:
        win.show_page("agencies").show_agency(visit.agency)
        return win

    def meeting() -> QWidget:
        win.show_page("agencies").open_meeting(visit.agency, visit.meeting)
        return win

    def part(index: int) -> Callable[[], QWidget]:
        def show() -> QWidget:
            ws = _workspace(visit)
            ws.tabs.setCurrentIndex(index)
            return win

        return show

    def meeting_mode() -> QWidget:
        return _workspace(visit).meeting_mode()

    return [
        ("agencies", page("agencies")),
        ("agency", agency),
        ("meeting", meeting),
        ("scoring", part(0)),
        ("findings", part(1)),
        ("recommendations", part(2)),
        ("follow-up", part(3)),
        ("other models", part(4)),
        ("meeting mode", meeting_mode),
        ("portfolio", page("portfolio")),
        ("checklists", page("checklists")),
        ("sync", page("sync")),
    ]


def _workspace(visit) -> Any:
    from assessor.ui.workspace.workspace import AssessmentWorkspace

    holder = visit.window.show_page("agencies").open_assessment(visit.agency, visit.assessment)
    return (
        holder if isinstance(holder, AssessmentWorkspace) else holder.findChild(AssessmentWorkspace)
    )


def _dialogs(visit) -> list[tuple[str, Callable[[], QWidget]]]:
    from assessor.ui.agency_dialogs import ContactDialog, NewAgencyDialog
    from assessor.ui.attachment_dialog import AttachmentDialog
    from assessor.ui.duplicates_dialog import DuplicatesDialog
    from assessor.ui.identity_dialog import IdentityDialog
    from assessor.ui.report_dialog import ExportReportDialog
    from assessor.ui.workspace.assessments import NewAssessmentDialog
    from assessor.ui.workspace.search_dialog import SearchDialog
    from assessor.ui.workspace.templates import TemplateLibrary

    win = visit.window
    db = win.context.db
    return [
        ("new agency", lambda: NewAgencyDialog(win)),
        ("contact", lambda: ContactDialog(win)),
        ("report", lambda: ExportReportDialog(db, visit.assessment, win)),
        ("duplicates", lambda: DuplicatesDialog(db, win)),
        ("identity", lambda: IdentityDialog(db, win)),
        ("new assessment", lambda: NewAssessmentDialog(db, visit.agency, visit.language, win)),
        ("search", lambda: SearchDialog(db, win)),
        ("recommendation library", lambda: TemplateLibrary(db, [], visit.language, win)),
        ("evidence file details", lambda: AttachmentDialog(_attachment(), win)),
    ]


def _attachment() -> object:
    from datetime import datetime

    from assessor.services.attachments import AttachmentRow

    return AttachmentRow(
        "a1",
        "answer",
        "x",
        "Strategi 2026",
        "Från mötet",
        "strategi.pdf",
        "application/pdf",
        "0" * 64,
        1200,
        "Anna Berg",
        datetime(2026, 3, 2, 9, 30),
        True,
        True,
    )


def test_every_view_and_dialog_is_walkable_by_tab(visit, qtbot) -> None:
    problems: list[str] = []
    for what, show in _views(visit):
        view = show()
        qtbot.waitExposed(view)
        problems += _check(view, f"[{visit.language}] {what}")
        if view is not visit.window:
            view.close()
    for what, make in _dialogs(visit):
        dialog = make()
        dialog.show()
        qtbot.waitExposed(dialog)
        problems += _check(dialog, f"[{visit.language}] {what} dialog")
        dialog.reject()
        dialog.deleteLater()
    assert not problems, "\n".join(problems)
