"""Creating and checking databases."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from assessor.domain.errors import BadInput
from assessor.store.db import Database


def init_database(path: Path) -> Database:
    """A new database with the default checklist; refuses to overwrite an existing file."""
    if path.exists() and path.stat().st_size > 0:
        raise BadInput(f"{path} already exists; choose another file or delete it first")
    db = Database(path, create=True)
    seed_new_database(db)
    return db


def seed_new_database(db: Database) -> None:
    """What every new database starts with."""
    from assessor.services import checklists

    with db.transaction() as session:
        checklists.ensure_default(session)


def check_database(path: Path) -> list[str]:
    """Integrity and schema problems, as lines for a user; empty when all is well."""
    problems: list[str] = []
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        for (line,) in con.execute("PRAGMA integrity_check"):
            if line != "ok":
                problems.append(f"integrity: {line}")
        for row in con.execute("PRAGMA foreign_key_check"):
            problems.append(f"foreign key: table {row[0]} row {row[1]} points to missing {row[2]}")
    except sqlite3.DatabaseError as exc:
        problems.append(f"not a usable database: {exc}")
    finally:
        con.close()
    return problems
