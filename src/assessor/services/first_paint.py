"""What the window shows first, read without SQLAlchemy (see store.snapshot for why), and
the loading of SQLAlchemy that follows."""

from __future__ import annotations

from pathlib import Path

from assessor.services.agency_reads import AgencyRow, agency_rows
from assessor.store import snapshot


def agency_summaries(path: Path) -> list[AgencyRow] | None:
    """The agency list of a file ready to open as it is; None means: open it the normal way."""
    if not snapshot.is_free(path):
        return None
    return snapshot.read_current(path, agency_rows)


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
        "assessor.services.assessments",
    ):
        importlib.import_module(module)
    from sqlalchemy.orm import configure_mappers

    configure_mappers()
