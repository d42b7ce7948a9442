"""Creating and checking databases."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from assessor.domain.errors import BadInput
from assessor.domain.messages import worded
from assessor.store.db import Database


def init_database(path: Path) -> Database:
    """A new database with the default checklist; refuses to overwrite an existing file."""
    if path.exists() and path.stat().st_size > 0:
        raise BadInput(
            f"{path} already exists; choose another file or delete it first",
            code="db.exists",
            path=path,
        )
    db = Database(path, create=True)
    seed_new_database(db)
    return db


def seed_new_database(db: Database) -> None:
    """What every new database starts with."""
    from assessor.services import checklists

    with db.transaction() as session:
        checklists.ensure_default(session)


def check_database(path: Path) -> list[str]:
    """Integrity and schema problems, as lines for a user (in the messages' language, SQLite's
    own words inside in English); empty when all is well."""
    problems: list[str] = []

    def problem(code: str, **params: object) -> None:
        problems.append(worded(code, params) or code)

    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        for (line,) in con.execute("PRAGMA integrity_check"):
            if line != "ok":
                problem("cli.check_integrity", detail=line)
        for row in con.execute("PRAGMA foreign_key_check"):
            problem("cli.check_foreign_key", table=row[0], row=row[1], parent=row[2])
    except sqlite3.DatabaseError as exc:
        problem("cli.check_unusable", reason=exc)
    finally:
        con.close()
    return problems
