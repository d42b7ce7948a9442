"""A database rebuilt from the handover archive syncs like any other."""

from __future__ import annotations

from pathlib import Path

from assessor.services import agencies
from assessor.services import sync as sync_service
from assessor.services.archive import export_archive, import_archive
from assessor.store import stamping
from assessor.store.db import Database
from assessor.store.digest import digest


def test_a_rebuilt_database_is_stamped_and_its_package_gives_the_same_digest(
    db: Database, tmp_path: Path
) -> None:
    with db.transaction() as s:
        a = agencies.create_agency(s, name="Boverket", org_number="202100-5000")
        agencies.create_agency(s, name="Gone")
        agencies.delete_agency(s, agencies.create_agency(s, name="Deleted one"))
        agencies.update_agency(s, a, notes="first visit")
    with db.read() as s:
        export_archive(s, tmp_path / "archive")
        before = digest(s)
    rebuilt = Database(tmp_path / "rebuilt.db", create=True)
    with rebuilt.transaction() as s:
        import_archive(s, tmp_path / "archive")
    with rebuilt.transaction() as s:
        assert stamping.backfill(s.connection()) == 0, "the archive import left rows unstamped"
    sync_service.export_package(rebuilt, tmp_path / "rebuilt.assessor")
    rebuilt.close()
    with Database(tmp_path / "empty.db", create=True) as empty:
        result = sync_service.import_package(empty, tmp_path / "rebuilt.assessor")
        assert result["added"] >= 2
        with empty.read() as s:
            assert digest(s) == before
