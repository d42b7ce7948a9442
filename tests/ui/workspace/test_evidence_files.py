"""Evidence files in the scoring view: a drop and a paste attach, the thumbnail shows beside
the answer, detach is one undo step."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QImage

from assessor.services import attachments as att
from assessor.ui import tasks


def _workspace(qtbot, db, setup, undo_stack):
    from assessor.ui.workspace.workspace import AssessmentWorkspace

    ws = AssessmentWorkspace(db, setup.assessment_id, undo_stack, lang="en")
    qtbot.addWidget(ws)
    ws.resize(1366, 768)
    ws.show()
    qtbot.waitExposed(ws)
    return ws


def _drop(widget, mime: QMimeData) -> None:
    event = QDropEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    widget.dropEvent(event)


def test_drop_and_paste_attach_and_the_thumbnail_shows_beside_the_answer(
    qtbot, db, setup, undo_stack, tmp_path: Path
) -> None:
    ws = _workspace(qtbot, db, setup, undo_stack)
    box = ws.scoring.panel.files
    question = ws.scoring.current_question()
    photo = tmp_path / "whiteboard.png"
    Image.new("RGB", (640, 480), (20, 120, 200)).save(photo)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    with tasks.synchronous():
        _drop(box, mime)
        image = QImage(200, 100, QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.red)
        QGuiApplication.clipboard().setImage(image)
        box.list.setFocus()
        box.paste()
    with db.read() as s:
        rows = att.for_assessment(s, setup.assessment_id)[question]
    assert rows[0].file_name == "whiteboard.png"
    assert rows[1].file_name.startswith("Pasted image") and rows[1].media_type == "image/png"
    assert box.list.count() == 2
    assert all(box.has_thumbnail(r.id) for r in rows)
    icon = box.list.item(0).icon().pixmap(96, 96).toImage()
    assert icon.pixelColor(48, 48).blue() > 150  # the photo's own colour, not a file icon

    box.list.setCurrentRow(0)
    box.detach_selected()
    assert box.list.count() == 1
    undo_stack.undo()
    assert box.list.count() == 2
    undo_stack.undo()  # the paste
    assert box.list.count() == 1


def _one_page_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.rect(0, 0, 600, 900, fill=1)  # a black page
    page.save()
    return out.getvalue()


def test_a_pdf_shows_its_first_page_and_a_fake_pdf_or_a_bomb_no_thumbnail(
    qtbot, db, setup, undo_stack
) -> None:
    ws = _workspace(qtbot, db, setup, undo_stack)
    box = ws.scoring.panel.files
    bomb = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(bomb, format="PNG")
    with tasks.synchronous():
        assert box.attach_bytes(_one_page_pdf(), "strategi.pdf")
        assert box.attach_bytes(b"%PDF-1.7 fake", "fake.pdf")
        assert box.attach_bytes(bomb.getvalue(), "bomb.png")
    assert box.list.count() == 3
    ids = [box.list.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(3)]
    assert [box.has_thumbnail(i) for i in ids] == [True, False, False]
    page = box.list.item(0).icon().pixmap(96, 96).toImage()
    assert page.pixelColor(48, 48).lightness() < 40  # the drawn page, not a file icon


def test_a_file_whose_content_has_not_arrived_says_so_and_cannot_be_opened(
    qtbot, db, setup, undo_stack
) -> None:
    from sqlalchemy import delete

    from assessor.store.models import FileContent

    ws = _workspace(qtbot, db, setup, undo_stack)
    box = ws.scoring.panel.files
    with tasks.synchronous():
        assert box.attach_bytes(b"minutes of the meeting", "minutes.txt")
    with db.transaction() as s:  # as after a package sent without contents
        s.execute(delete(FileContent))
    box.reload()
    item = box.list.item(0)
    assert "not on this laptop yet" in item.text()
    assert "sync" in item.toolTip()
    box.list.setCurrentRow(0)
    assert not box.open_button.isEnabled() and not box.save_button.isEnabled()
    assert box.detach_button.isEnabled()


def test_findings_and_recommendations_take_files_too(qtbot, db, setup, undo_stack) -> None:
    from assessor.services.findings import create_finding
    from assessor.services.recommendations import create_recommendation

    with db.transaction() as s:
        finding = create_finding(s, setup.assessment_id, kind="weakness", title="Ingen plan")
        rec = create_recommendation(s, setup.assessment_id, title="Gör en plan")
    ws = _workspace(qtbot, db, setup, undo_stack)
    for editor, table, row_id in (
        (ws.findings, "finding", finding),
        (ws.recommendations, "recommendation", rec),
    ):
        box = editor.files
        editor.new_button.click()
        assert not box.attach_button.isEnabled()  # nothing to attach to before it is added
        editor.select(row_id)
        assert box.attach_button.isEnabled()
        with tasks.synchronous():
            assert box.attach_bytes(_one_page_pdf(), "plan.pdf")
        with db.read() as s:
            rows = att.list_attachments(s, target_table=table, target_ids=[row_id])
        assert [r.file_name for r in rows] == ["plan.pdf"]
        assert box.list.count() == 1 and box.has_thumbnail(rows[0].id)
        undo_stack.undo()
        assert box.list.count() == 0
        with db.read() as s:
            assert att.list_attachments(s, target_table=table, target_ids=[row_id]) == []
        undo_stack.redo()
        assert box.list.count() == 1


def test_a_file_on_a_finding_of_a_delivered_assessment_asks_first(
    qtbot, db, setup, undo_stack
) -> None:
    from assessor.services.assessments import update_assessment
    from assessor.services.findings import create_finding

    with db.transaction() as s:
        finding = create_finding(s, setup.assessment_id, kind="risk", title="Beroende")
        update_assessment(s, setup.assessment_id, status="delivered")
    ws = _workspace(qtbot, db, setup, undo_stack)
    ws.state.confirm_reopen = lambda: False
    ws.findings.select(finding)
    with tasks.synchronous():
        assert not ws.findings.files.attach_bytes(b"notes", "notes.txt")
    with db.read() as s:
        assert att.list_attachments(s, target_table="finding", target_ids=[finding]) == []


def test_a_note_in_meeting_mode_takes_files_beside_it(qtbot, db, setup, undo_stack) -> None:
    from assessor.ui.workspace.meeting_mode import MeetingMode

    mode = MeetingMode(db, setup.agency_id, setup.assessment_id, undo_stack=undo_stack, lang="en")
    qtbot.addWidget(mode)
    mode.show()
    mode.start_meeting()
    mode.editor.setPlainText("Whiteboard: the three priorities")
    note = mode.add_note()
    assert note
    assert not mode.files.attach_button.isEnabled()  # no note chosen yet
    mode.notes.selectRow(0)
    assert mode.files.attach_button.isEnabled()
    with tasks.synchronous():
        assert mode.files.attach_bytes(_one_page_pdf(), "whiteboard.pdf")
    with db.read() as s:
        rows = att.list_attachments(s, target_table="meeting_note", target_ids=[note])
    assert [r.file_name for r in rows] == ["whiteboard.pdf"]
    undo_stack.undo()
    assert mode.files.list.count() == 0
    undo_stack.redo()
    assert mode.files.list.count() == 1


def test_a_files_title_description_and_confidential_flag_change_with_undo(
    qtbot, db, setup, undo_stack
) -> None:
    from assessor.ui.attachment_dialog import AttachmentDialog

    ws = _workspace(qtbot, db, setup, undo_stack)
    box = ws.scoring.panel.files
    with tasks.synchronous():
        assert box.attach_bytes(b"strategy", "strategi.txt")
    box.list.setCurrentRow(0)
    assert box.edit_button.isEnabled()
    (row,) = box._rows.values()
    dialog = AttachmentDialog(row)
    qtbot.addWidget(dialog)
    dialog.title.setText("  ")
    dialog._accept()
    assert dialog.result() != AttachmentDialog.DialogCode.Accepted and dialog.error.text()
    assert box.set_details(row, "Digitaliseringsstrategi 2026", "Från mötet", True)
    with db.read() as s:
        (now,) = att.list_attachments(s, target_table="answer")
    assert (now.title, now.description, now.confidential) == (
        "Digitaliseringsstrategi 2026",
        "Från mötet",
        True,
    )
    assert box.list.item(0).text() == "Digitaliseringsstrategi 2026 (confidential)"
    undo_stack.undo()
    with db.read() as s:
        (back,) = att.list_attachments(s, target_table="answer")
    assert (back.title, back.confidential) == ("strategi.txt", False)
    assert box.list.item(0).text() == "strategi.txt"
