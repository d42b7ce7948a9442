"""assessor list agencies | assessments [--json]"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from sqlalchemy import select

from assessor.cli.common import add_db_option, print_json, read_db
from assessor.cli.output import show
from assessor.domain.messages import language
from assessor.domain.vocabulary import word
from assessor.services.agencies import list_agencies
from assessor.store.models import Agency, Assessment


def register(sub: Any) -> None:
    p = sub.add_parser("list", help="list agencies or assessments")
    p.add_argument("what", choices=("agencies", "assessments"))
    add_db_option(p)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_list)


def cmd_list(args: argparse.Namespace) -> int:
    with read_db(args) as db, db.read() as session:
        if args.what == "agencies":
            rows: list[dict[str, Any]] = [asdict(r) for r in list_agencies(session)]
            columns = ("id", "org_number", "name", "meetings", "assessments")
        else:
            result = session.execute(
                select(
                    Assessment.id,
                    Agency.name,
                    Assessment.title,
                    Assessment.assessed_on,
                    Assessment.status,
                )
                .join(Agency, Agency.id == Assessment.agency_id)
                .where(Assessment.deleted_at.is_(None), Agency.deleted_at.is_(None))
                .order_by(Agency.name, Assessment.assessed_on, Assessment.id)
            )
            rows = [
                {
                    "id": r[0],
                    "agency": r[1],
                    "title": r[2],
                    "assessed_on": r[3].isoformat(),
                    "status": r[4],
                }
                for r in result
            ]
            columns = ("id", "assessed_on", "status", "agency", "title")
    if args.json:  # codes, the same in every language
        print_json(rows)
        return 0
    for row in rows:
        if "status" in row:  # a word for people, in their language
            row["status"] = word("assessment_status", row["status"], language())
        show("\t".join(str(row[c]) for c in columns))
    return 0
