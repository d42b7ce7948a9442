"""Opening a database: lock, pragmas, migrations (with a backup first), sessions."""

from __future__ import annotations

import json
import shutil
import sqlite3
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from assessor.domain.errors import (
    DamagedDatabase,
    DatabaseLocked,
    NewerSchema,
    NotAnAssessorDatabase,
    NotFound,
)
from assessor.domain.messages import os_reason
from assessor.store import schema

SQLITE_HEADER = b"SQLite format 3\x00"


def _set_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA trusted_schema=OFF")
    cur.close()


def _set_reader_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA trusted_schema=OFF")
    cur.execute("PRAGMA query_only=ON")
    cur.close()


def _read_only_uri(path: Path) -> str:
    # as_uri quotes '?', '#' and '%' in a folder's name, which a hand-made URI would misread
    return f"{path.absolute().as_uri()}?mode=ro"


def current_revision(path: Path) -> str | None:
    """The schema revision stored in the file, or None for an empty database."""
    con = sqlite3.connect(_read_only_uri(path), uri=True)
    try:
        has = con.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has:
            if con.execute("SELECT 1 FROM sqlite_master WHERE type='table'").fetchone():
                # another program's database: migrating would write our tables into it
                raise NotAnAssessorDatabase(
                    f"{path} is not an Assessor database (an SQLite file of another program)",
                    code="db.other_program",
                    path=path,
                )
            return None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None:
            return None
        if not (
            isinstance(row[0], str) and len(row[0]) == 4 and row[0].isascii() and row[0].isdigit()
        ):
            raise NotAnAssessorDatabase(
                f"{path} is not an Assessor database (its version marker is not one)",
                code="db.bad_version",
                path=path,
            )
        return row[0]
    except sqlite3.DatabaseError as exc:
        raise NotAnAssessorDatabase(
            f"{path} is not an Assessor database ({exc})", code="db.damaged", path=path, reason=exc
        ) from None
    except UnicodeDecodeError:  # its schema's text is not UTF-8: damaged bytes
        raise NotAnAssessorDatabase(
            f"{path} is not an Assessor database (text that is not UTF-8)",
            code="db.damaged",
            path=path,
            reason="text that is not UTF-8",
        ) from None
    finally:
        con.close()


def check_regular(path: Path) -> None:
    """Refuse anything but a regular file before reading it: a named pipe would hang the
    read for ever, a device (/dev/zero) would never end."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise NotAnAssessorDatabase(
            f"{path} cannot be read ({exc.strerror})",
            code="db.unreadable",
            path=path,
            reason=os_reason(exc),
        ) from None
    if not stat.S_ISREG(mode):
        raise NotAnAssessorDatabase(
            f"{path} is not a regular file (a pipe, a device or a socket), not an Assessor "
            "database",
            code="db.not_regular",
            path=path,
        )


def _check_is_sqlite(path: Path, *, may_be_empty: bool) -> None:
    check_regular(path)
    with path.open("rb") as fh:
        header = fh.read(16)
    if not header:
        if may_be_empty:
            return
        raise NotAnAssessorDatabase(
            f"{path} is an empty file, not an Assessor database "
            "(create one with 'assessor db init')",
            code="db.empty",
            path=path,
        )
    if header != SQLITE_HEADER:
        raise NotAnAssessorDatabase(
            f"{path} is not an Assessor database (not an SQLite file)",
            code="db.not_sqlite",
            path=path,
        )


def _check_is_ours(path: Path) -> str:
    """The file's revision; an SQLite file without our tables is not taken for a new database."""
    rev = current_revision(path)
    if rev is None:
        raise NotAnAssessorDatabase(
            f"{path} holds no Assessor data (create a database with 'assessor db init')",
            code="db.no_data",
            path=path,
        )
    if rev == schema.HEAD:
        _check_tables(path)
    if rev not in schema.REVISIONS:
        raise NewerSchema(
            f"{path} was written by a newer version of Assessor (schema {rev}); "
            "install the newer version to open it",
            code="db.newer",
            path=path,
            revision=rev,
        )
    return rev


def _check_tables(path: Path) -> None:
    """A file at the head revision has every table and column the program reads: one whose
    schema was edited by hand (a column renamed, a table dropped) is refused here, in one line,
    rather than failing in the middle of a command."""
    from assessor.store.models import Base

    con = sqlite3.connect(_read_only_uri(path), uri=True)
    try:
        for table in Base.metadata.sorted_tables:
            found = {str(row[1]) for row in con.execute(f'PRAGMA table_info("{table.name}")')}
            if not {c.name for c in table.columns} <= found:
                raise NotAnAssessorDatabase(
                    f"{path} is not an Assessor database as this version knows it (the table "
                    f"{table.name} lacks columns or is missing)",
                    code="db.bad_schema",
                    path=path,
                    table=table.name,
                )
    except (sqlite3.DatabaseError, UnicodeDecodeError):
        raise NotAnAssessorDatabase(
            f"{path} is not an Assessor database (the file cannot be read as SQLite)",
            code="db.damaged",
            path=path,
            reason="the file cannot be read as SQLite",
        ) from None
    finally:
        con.close()


def _copy_consistently(path: Path, target: Path) -> None:
    src = sqlite3.connect(_read_only_uri(path), uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def backup_file(path: Path, label: str) -> Path:
    """Copy the database, consistently, beside itself before a risky change."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = path.with_name(f"{path.name}.{label}-{stamp}.bak")
    _copy_consistently(path, target)
    return target


def migrate(path: Path) -> Path | None:
    """Bring the file to the head revision. Returns the backup made, if a migration ran."""
    rev = current_revision(path)
    if rev == schema.HEAD:
        return None
    if rev is not None and rev not in schema.REVISIONS:
        raise NewerSchema(
            f"{path} was written by a newer version of Assessor (schema {rev}); "
            "install the newer version to open it",
            code="db.newer",
            path=path,
            revision=rev,
        )
    backup = backup_file(path, f"before-{schema.HEAD}") if rev is not None else None
    from assessor.store.migrate import upgrade  # Alembic is imported only when needed

    upgrade(path)
    return backup


def _upgrade_copy(path: Path) -> None:
    """Migrate a private copy; a file whose version marker lies about its tables cannot be
    brought up to date, and that is the file's fault, said in one line."""
    import sqlalchemy.exc

    from assessor.store.migrate import upgrade

    try:
        upgrade(path)
    except (sqlite3.Error, sqlalchemy.exc.SQLAlchemyError):
        raise NotAnAssessorDatabase(
            f"{path.name} says it is of an older version, but its tables do not match it; "
            "it cannot be read",
            code="db.bad_marker",
            path=path.name,
        ) from None


def _migrate_file(path: Path) -> Path | None:
    import sqlalchemy.exc

    try:
        return migrate(path)
    except (sqlite3.Error, sqlalchemy.exc.SQLAlchemyError):
        raise NotAnAssessorDatabase(
            f"{path} says it is of an older version, but its tables do not match it; it "
            "cannot be opened (the copy made before the attempt is beside it)",
            code="db.bad_marker_file",
            path=path,
        ) from None


class Database:
    """One open database file: the single writer on it while this object lives."""

    def __init__(self, path: Path, *, create: bool = False, lock: bool = True) -> None:
        self.path = Path(path)
        if not self.path.exists():
            if not create:
                raise NotFound(
                    f"no database at {self.path} (create one with 'assessor db init')",
                    code="db.missing",
                    path=self.path,
                )
            if not self.path.parent.is_dir():
                raise NotFound(
                    f"no such folder: {self.path.parent}",
                    code="file.no_folder",
                    folder=self.path.parent,
                )
        elif self.path.is_dir():
            raise NotFound(
                f"{self.path} is a folder, not a database file",
                code="file.is_folder",
                path=self.path,
            )
        else:
            # only a command that creates may fill an empty file; any other open would
            # silently turn a user's mistake into a new database
            _check_is_sqlite(self.path, may_be_empty=create)
            if not create:
                _check_is_ours(self.path)
        self._lock: FileLock | None = None
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        if lock:
            self._lock = FileLock(str(self.path) + ".lock", timeout=0, is_singleton=False)
            try:
                self._lock.acquire()
            except Timeout:
                raise DatabaseLocked(
                    f"{self.path} is already open in another Assessor window or command; "
                    "close that one first",
                    code="db.locked",
                    path=self.path,
                ) from None
        try:
            fresh = not self.path.exists() or self.path.stat().st_size == 0
            if not self.path.exists():
                sqlite3.connect(self.path).close()
            self.backup_path = _migrate_file(self.path)
            con = sqlite3.connect(self.path)
            con.execute("PRAGMA journal_mode=WAL")  # persistent: set once on the file
            con.close()
        except BaseException:
            self._release()
            raise
        self.engine: Engine = create_engine(
            f"sqlite:///{self.path}", json_deserializer=json_reader(self.path)
        )
        event.listen(self.engine, "connect", _set_pragmas)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        # here, not at the top: stamping loads the models, which the window's first paint
        # (it imports this module) does without
        from assessor.store import stamping

        stamping.install(self.path, self.sessions)
        if fresh or self.backup_path is not None:
            # rows a migration wrote (mapping sets moved in from the data folder by 0006) get
            # their clocks now, under this file's own site, so the next package carries them
            with self.transaction() as session:
                stamping.backfill(session.connection())

    @classmethod
    def reader(cls, path: Path) -> Database:
        """Open for reading only, beside a window that may have the file open for writing.

        Takes no lock and never writes: a missing, empty or foreign file is refused, and a
        file of an older schema is read from a migrated copy in a temporary folder.
        """
        path = Path(path)
        if not path.exists():
            raise NotFound(
                f"no database at {path} (create one with 'assessor db init')",
                code="db.missing",
                path=path,
            )
        if path.is_dir():
            raise NotFound(
                f"{path} is a folder, not a database file", code="file.is_folder", path=path
            )
        _check_is_sqlite(path, may_be_empty=False)
        rev = _check_is_ours(path)
        db = cls.__new__(cls)
        db._lock = None
        db.backup_path = None
        db._scratch = None
        db.path = path
        source = path
        if rev != schema.HEAD:
            db._scratch = tempfile.TemporaryDirectory(prefix="assessor-read-")
            source = Path(db._scratch.name) / path.name
            try:
                _copy_consistently(path, source)
                _upgrade_copy(source)
            except BaseException:
                db._scratch.cleanup()
                raise
        uri = _read_only_uri(source)
        db.engine = create_engine(
            "sqlite://",
            creator=lambda: sqlite3.connect(uri, uri=True),
            json_deserializer=json_reader(path),
        )
        event.listen(db.engine, "connect", _set_reader_pragmas)
        db.sessions = sessionmaker(db.engine, expire_on_commit=False)
        return db

    def _release(self) -> None:
        if self._lock is not None and self._lock.is_locked:
            self._lock.release()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on an error."""
        with self.sessions() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
        self._release()
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def copy_database(src: Path, dst: Path) -> None:
    shutil.copyfile(src, dst)


def json_reader(path: Path) -> Any:
    """How the JSON columns are read back: a value damaged inside an otherwise sound file
    (a flipped byte in a page) is a damaged database, said in one line, not a traceback from
    deep inside a query."""

    def read(text: str) -> Any:
        try:
            return json.loads(text)
        except ValueError:  # JSONDecodeError, and text that is not valid UTF-8 once decoded
            from assessor.domain.messages import Detail

            raise DamagedDatabase(
                "the database file is damaged or cannot be used",
                code="db.damaged_file",
                path=path,
                reason=Detail("a stored value is not readable JSON"),
            ) from None

    return read
