"""Screenshots of the scoring view and meeting mode, in light and dark palettes.

    xvfb-run -a python docs/images/screenshots.py [OUT_FOLDER]

Makes a small database with the default checklist, one agency, an assessment partly scored
against targets and a meeting with notes, then saves four PNG files beside this script.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date, datetime
from pathlib import Path


def dark_palette():
    from PySide6.QtGui import QColor, QPalette

    p = QPalette()
    role = QPalette.ColorRole
    for r, c in (
        (role.Window, "#2b2b2b"),
        (role.WindowText, "#e8e8e8"),
        (role.Base, "#1f1f1f"),
        (role.AlternateBase, "#2f2f2f"),
        (role.ToolTipBase, "#3a3a3a"),
        (role.ToolTipText, "#f0f0f0"),
        (role.Text, "#e8e8e8"),
        (role.Button, "#353535"),
        (role.ButtonText, "#e8e8e8"),
        (role.BrightText, "#ff6b6b"),
        (role.Highlight, "#3d8fd8"),
        (role.HighlightedText, "#ffffff"),
        (role.Link, "#6cb4ff"),
        (role.PlaceholderText, "#9a9a9a"),
        (role.Mid, "#444444"),
        (role.Dark, "#202020"),
        (role.Light, "#4a4a4a"),
    ):
        p.setColor(r, QColor(c))
    p.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor("#7a7a7a"))
    p.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor("#7a7a7a"))
    p.setColor(QPalette.ColorGroup.Disabled, role.WindowText, QColor("#7a7a7a"))
    return p


def fill(db):
    from assessor.services.agencies import create_agency, create_contact
    from assessor.services.answers import add_evidence, add_meeting_note, set_answer
    from assessor.services.assessments import create_assessment
    from assessor.services.checklists import list_checklists
    from assessor.services.meetings import add_participant, create_meeting
    from assessor.services.workspace import load_checklist_info

    with db.transaction() as s:
        checklist_id = list_checklists(s)[0].id
        info = load_checklist_info(s, checklist_id)
        agency = create_agency(
            s,
            name="Lantmäteriet",
            org_number="202100-4888",
            ministry="Landsbygds- och infrastrukturdepartementet",
        )
        anna = create_contact(s, agency, name="Anna Lindqvist", title="CIO")
        create_contact(s, agency, name="Erik Sandberg", title="Verksamhetsarkitekt")
        targets = {
            d.id: t for d, t in zip(info.dimensions, (3, 3, 3.5, 3, 2.5, 3.5, 3, 3), strict=False)
        }
        assessment = create_assessment(
            s,
            agency,
            checklist_id=checklist_id,
            assessed_on=date(2026, 4, 14),
            title="Våren 2026",
            targets=targets,
        )
        meeting = create_meeting(
            s,
            agency,
            starts_at=datetime(2026, 4, 14, 9, 0),
            ends_at=datetime(2026, 4, 14, 11, 30),
            title="Besök i Gävle",
            place="Gävle",
            notes="Genomgång av strategi och förvaltning.",
            assessment_id=assessment,
        )
        add_participant(s, meeting, contact_id=anna)
        levels = [
            2,
            3,
            1,
            None,
            2,
            3,
            2,
            2,
            None,
            1,
            3,
            4,
            2,
            1,
            2,
            3,
            2,
            2,
            1,
            3,
            2,
            1,
            0,
            2,
            3,
            2,
            1,
            2,
            2,
            3,
            1,
            2,
        ]
        questions = info.questions()
        for q, level in zip(questions, levels, strict=False):
            if level is None:
                set_answer(s, assessment, q.id, not_applicable=True)
            else:
                set_answer(s, assessment, q.id, level=level, confidence="high")
        set_answer(
            s,
            assessment,
            questions[0].id,
            comment="Strategin beslutades av GD i mars 2025; mål finns i verksamhetsplanen "
            "men följs inte upp med indikatorer.",
            for_review=True,
        )
        notes = [
            (9, 5, "GD inledde: digitaliseringen ska stödja samhällsbyggnadsprocessen.", 0),
            (9, 20, "Strategin från 2025 är kopplad till regleringsbrevet.", 0),
            (9, 42, "Nyttorealisering följs upp per projekt, inte per portfölj.", 5),
            (10, 5, "Arkitekturråd finns men saknar mandat att stoppa satsningar.", None),
            (10, 31, "Öppna geodata publiceras via Geodataportalen; API-nycklar krävs.", None),
        ]
        for h, m, text, qi in notes:
            note = add_meeting_note(
                s,
                meeting,
                text=text,
                written_at=datetime(2026, 4, 14, h, m),
                question_id=questions[qi].id if qi is not None else None,
            )
            del note
        add_evidence(s, assessment, questions[0].id, meeting)
    return agency, assessment


def swedish(app, folder: Path) -> None:
    """The Swedish texts, as the program shows them: its own translations and Qt's, and the
    words for codes (statuses, kinds) from the vocabulary in the same language."""
    from assessor.ui import translations_build
    from assessor.ui.app import install_translations

    translations_build.build()
    install_translations(app, "sv")


def main() -> int:
    import os

    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication, QStyleFactory

    from assessor.services.setup import init_database
    from assessor.ui.workspace.meeting_mode import MeetingMode
    from assessor.ui.workspace.workspace import AssessmentWorkspace

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyle(QStyleFactory.create("Fusion"))
    from PySide6.QtGui import QCursor

    QCursor.setPos(4000, 4000)  # no button under the pointer: nothing drawn as hovered
    light = app.style().standardPalette()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ASSESSOR_DATA_DIR"] = tmp
        swedish(app, Path(tmp))
        db = init_database(Path(tmp) / "shots.db")
        agency, assessment = fill(db)
        for name, palette in (("light", light), ("dark", dark_palette())):
            app.setPalette(palette)
            stack = QUndoStack()
            ws = AssessmentWorkspace(db, assessment, stack, lang="sv")
            ws.resize(1360, 860)
            ws.show()
            ws.scoring.summary.explain_button.setChecked(False)
            for _ in range(10):
                app.processEvents()
            ws.grab().save(str(out / f"scoring-view-{name}.png"))
            ws.close()
            mode = MeetingMode(
                db,
                agency,
                assessment,
                undo_stack=stack,
                lang="sv",
                now=lambda: datetime(2026, 4, 14, 10, 48),
            )
            mode.resize(1100, 720)
            mode.show()
            mode.editor.setPlainText(
                "Förvaltningsobjekten har egna budgetar; prioritering sker i objektsledningen."
            )
            mode.question.setCurrentIndex(7)
            for _ in range(10):
                app.processEvents()
            mode.grab().save(str(out / f"meeting-mode-{name}.png"))
            mode.editor.clear()  # else closing asks whether to discard the typed note
            mode.close()
        db.close()
    print(f"saved to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
