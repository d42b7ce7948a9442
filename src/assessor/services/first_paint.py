"""What the window shows first, read without SQLAlchemy (see store.snapshot for why)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assessor.store import snapshot

# the same rows, in the same order, as services.agencies.list_agencies
_AGENCIES_SQL = """
SELECT a.id, a.name, a.org_number, a.ministry,
       (SELECT count(*) FROM meeting m WHERE m.agency_id = a.id AND m.deleted_at IS NULL),
       (SELECT count(*) FROM assessment s WHERE s.agency_id = a.id AND s.deleted_at IS NULL)
FROM agency a
WHERE a.deleted_at IS NULL
ORDER BY a.name, a.id
"""


@dataclass(frozen=True)
class AgencyRow:
    """A row of the agency list, from this quick read or from services.agencies.list_agencies
    (which hands out this same type; it lives here because this module must not load the ORM)."""

    id: str
    name: str
    org_number: str
    ministry: str
    meetings: int
    assessments: int


def agency_summaries(path: Path) -> list[AgencyRow] | None:
    """The agency list of a file ready to open as it is; None means: open it the normal way."""
    if not snapshot.is_free(path):
        return None
    rows = snapshot.read_current(path, _AGENCIES_SQL)
    if rows is None:
        return None
    return [
        AgencyRow(str(r[0]), str(r[1]), str(r[2] or ""), str(r[3] or ""), int(r[4]), int(r[5]))
        for r in rows
    ]


def warm_up() -> None:
    """Import the database layer and configure the ORM mappers, ahead of opening the file.

    Run off the UI thread right after the first paint, so the window stays responsive while
    SQLAlchemy loads; opening the Database afterwards is then quick.
    """
    import importlib

    for module in (
        "assessor.store.db",
        "assessor.store.stamping",
        "assessor.services.agencies",
        "assessor.services.meetings",
    ):
        importlib.import_module(module)
    from sqlalchemy.orm import configure_mappers

    configure_mappers()
