"""Two advisors each create the same agency on their own laptop; one imports the other's."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from assessor.services import agencies, assessments, meetings
from assessor.services import sync as sync_service
from assessor.services.setup import init_database
from assessor.store.db import Database
from assessor.store.models import Checklist


def two_laptops_same_agency(folder: Path) -> tuple[Path, str, str]:
    """Anna's database (closed) after importing Bo's package, and the ids of Anna's and Bo's
    agency: the same organisation number, each with a contact, a meeting and an assessment."""
    anna_path, bo_path = folder / "anna.db", folder / "bo.db"
    init_database(anna_path).close()
    shutil.copyfile(anna_path, bo_path)
    ids = []
    laptops = ((anna_path, "Skatteverket", "Eva"), (bo_path, "Skatteverket HK", "Per"))
    for path, name, who in laptops:
        with Database(path) as db, db.transaction() as s:
            checklist = s.scalars(select(Checklist)).first()
            assert checklist is not None
            agency = agencies.create_agency(s, name=name, org_number="202100-5448")
            agencies.create_contact(s, agency, name=who)
            meetings.create_meeting(s, agency, starts_at=datetime(2026, 3, 2, 9, 0))
            assessments.create_assessment(
                s, agency, checklist_id=checklist.id, assessed_on=date(2026, 3, 2)
            )
            ids.append(agency)
    with Database(bo_path) as db:
        sync_service.export_package(db, folder / "bo.assessor")
    with Database(anna_path) as db:
        sync_service.import_package(db, folder / "bo.assessor")
    return anna_path, ids[0], ids[1]
