"""An agency with the default checklist, one assessment, a meeting with notes, a template."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pytest

from assessor.services.agencies import create_agency, create_contact
from assessor.services.answers import add_meeting_note
from assessor.services.assessments import create_assessment
from assessor.services.checklists import list_checklists
from assessor.services.meetings import create_meeting
from assessor.services.templates import create_template
from assessor.store.db import Database


@dataclass(frozen=True)
class Setup:
    agency_id: str
    checklist_id: str
    assessment_id: str
    meeting_id: str
    contact_id: str
    template_id: str


@pytest.fixture
def setup(db: Database) -> Setup:
    with db.transaction() as s:
        checklist_id = list_checklists(s)[0].id
        agency_id = create_agency(s, name="Skatteverket", org_number="202100-5448")
        contact_id = create_contact(s, agency_id, name="Anna Andersson", title="CIO")
        assessment_id = create_assessment(
            s,
            agency_id,
            checklist_id=checklist_id,
            assessed_on=date(2026, 3, 1),
            title="Våren 2026",
        )
        meeting_id = create_meeting(
            s,
            agency_id,
            starts_at=datetime(2026, 2, 20, 9),
            title="Inledande möte",
            notes="Strategin är under revision.",
            assessment_id=assessment_id,
        )
        add_meeting_note(
            s,
            meeting_id,
            text="IT-chefen visade förvaltningsplanen",
            written_at=datetime(2026, 2, 20, 9, 30),
        )
        template_id = create_template(
            s,
            title="Inför portföljstyrning",
            text="Samla alla digitala satsningar i en portfölj.",
            dimension_key="governance",
            tags="styrning,portfölj",
        )
    return Setup(agency_id, checklist_id, assessment_id, meeting_id, contact_id, template_id)


@pytest.fixture
def undo_stack(qtbot):
    from PySide6.QtGui import QUndoStack

    return QUndoStack()
