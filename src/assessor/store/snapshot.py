"""Reading a database file with the standard library only, for the window's first paint.

Importing SQLAlchemy costs more than the rest of the window's start-up together, so the first
screen (the agency list) is read with plain sqlite3, read-only, and the full Database is opened
right after it is painted. Anything unusual (no file, not ours, another schema revision, held
by another program) answers None, and the caller takes the normal path, which explains it.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from assessor.store import schema

SQLITE_HEADER = b"SQLite format 3\x00"
T = TypeVar("T")
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


def connect_current(path: Path) -> sqlite3.Connection | None:
    """A read-only connection to a file at the head revision; None if it is not such a file."""
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
    except sqlite3.Error:
        row = None
    if row is None or row[0] != schema.HEAD:
        con.close()
        return None
    return con


def read_current(path: Path, read: Callable[[sqlite3.Connection], T]) -> T | None:
    """What ``read`` makes of a file at the head revision; None if the file is not such a
    file or ``read`` fails on it (the caller then takes the normal path, which explains it)."""
    con = connect_current(path)
    if con is None:
        return None
    try:
        return read(con)
    except (sqlite3.Error, ValueError):
        return None
    finally:
        con.close()
