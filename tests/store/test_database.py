from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from assessor.domain.errors import DatabaseError, DatabaseLocked, NewerSchema, NotFound
from assessor.store import schema
from assessor.store.db import Database


def test_new_database_is_at_head_in_wal_with_foreign_keys(db: Database) -> None:
    con = sqlite3.connect(db.path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == schema.HEAD
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_known_revisions_match_the_alembic_scripts() -> None:
    from assessor.store.migrate import script_revisions

    assert tuple(script_revisions()) == schema.REVISIONS


def test_second_open_of_the_same_file_is_refused_politely(db: Database) -> None:
    with pytest.raises(DatabaseLocked, match="already open"):
        Database(db.path)


def test_lock_is_released_on_close(db_path: Path) -> None:
    Database(db_path, create=True).close()
    Database(db_path).close()


def test_newer_schema_is_refused_and_file_untouched(db_path: Path) -> None:
    Database(db_path, create=True).close()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num='9999'")
    con.commit()
    con.close()
    before = db_path.read_bytes()
    with pytest.raises(NewerSchema, match="newer version"):
        Database(db_path)
    assert db_path.read_bytes() == before
    # the lock was released: opening again gives the same message, not "already open"
    with pytest.raises(NewerSchema):
        Database(db_path)


def test_upgrade_backs_up_the_file_first(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An older file is copied before the migration runs; a file at head is not."""
    import assessor.store.migrate as migrate_module
    from assessor.store import db as db_module

    Database(db_path, create=True).close()
    assert not list(db_path.parent.glob("*.bak"))
    old_head = schema.HEAD
    seen: list[bool] = []

    def fake_upgrade(path: Path, revision: str = "head") -> None:
        seen.append(any(path.parent.glob("*.bak")))  # the backup exists before the upgrade
        con = sqlite3.connect(path)
        con.execute("UPDATE alembic_version SET version_num='9000'")
        con.commit()
        con.close()

    monkeypatch.setattr(db_module.schema, "REVISIONS", (*schema.REVISIONS, "9000"))
    monkeypatch.setattr(db_module.schema, "HEAD", "9000")
    monkeypatch.setattr(migrate_module, "upgrade", fake_upgrade)
    with Database(db_path) as opened:
        assert seen == [True]
        assert opened.backup_path is not None
        con = sqlite3.connect(opened.backup_path)
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == old_head
        con.close()
    with Database(db_path) as again:
        assert again.backup_path is None
    assert seen == [True]


def test_real_upgrade_from_the_first_revision(db_path: Path) -> None:
    from assessor.store.migrate import upgrade

    sqlite3.connect(db_path).close()
    upgrade(db_path, schema.REVISIONS[0])
    with Database(db_path) as opened:
        if len(schema.REVISIONS) > 1:
            assert opened.backup_path is not None and opened.backup_path.exists()
        con = sqlite3.connect(db_path)
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == schema.HEAD
        con.close()


def test_missing_file_and_non_database_are_reported(tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="no database"):
        Database(tmp_path / "missing.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 10)
    with pytest.raises(DatabaseError, match="not an Assessor database"):
        Database(junk)
