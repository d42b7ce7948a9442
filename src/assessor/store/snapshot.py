"""Reading a database file with the standard library only, for the window's first paint.

Importing SQLAlchemy costs more than the rest of the window's start-up together, so the first
screen (the agency list) is read with plain sqlite3, read-only, and the full Database is opened
right after it is painted. Anything unusual (no file, not ours, another schema revision, held
by another program) answers None, and the caller takes the normal path, which explains it.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from assessor.store import schema

SQLITE_HEADER = b"SQLite format 3\x00"
LOCK_SUFFIX = ".lock"  # the same lock file as store.db.Database takes


def is_free(path: Path) -> bool:
    """Whether no other Assessor holds the file right now (Database checks again, for real)."""
    lock_path = str(path) + LOCK_SUFFIX
    if os.name == "posix":
        return _posix_free(lock_path)
    from filelock import FileLock, Timeout  # the package's import costs more than the window

    lock = FileLock(lock_path, timeout=0, is_singleton=False)
    try:
        lock.acquire()
    except Timeout:
        return False
    except OSError:
        return False
    lock.release()
    return True


def _posix_free(lock_path: str) -> bool:
    # the same lock filelock's UnixFileLock takes: flock on the lock file
    import fcntl

    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return True
    finally:
        os.close(fd)


def read_current(
    path: Path, sql: str, params: tuple[Any, ...] = ()
) -> list[tuple[Any, ...]] | None:
    """Rows of ``sql`` from a file at the head revision; None if the file is not such a file."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
        with path.open("rb") as fh:
            if fh.read(16) != SQLITE_HEADER:
                return None
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except OSError:
        return None
    try:
        con.execute("PRAGMA query_only=ON")
        con.execute("PRAGMA trusted_schema=OFF")
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None or row[0] != schema.HEAD:
            return None
        return [tuple(r) for r in con.execute(sql, params)]
    except sqlite3.Error:
        return None
    finally:
        con.close()
