"""Reading a handover archive back: every byte of it is a stranger's until checked.

An archive comes from another laptop or a shared folder, and its checksums are in the same
folder as its files: a forger updates both. So the checksums prove only that the files are the
ones the manifest lists; the content is then checked as a sync package's is. The manifest names
relative paths inside the archive only, and every file present is listed and verified (a file
left out of the list could otherwise be changed freely). Every JSON file is bounded in size and
depth; every row is typed by its column (the same rules as a package's rows, sync/validate.py),
ids and references must hold, and a checklist's id and version pass the patterns of
`checklist import`. Any failure is one BadInput; the caller rolls the transaction back.
"""

from __future__ import annotations

import hashlib
import json
import stat
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any

import sqlalchemy.exc
from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from assessor.domain.errors import BadInput
from assessor.domain.messages import Detail
from assessor.services.rows import sql_connection
from assessor.services.tables import from_plain
from assessor.store import schema, stamping
from assessor.store.models import SYNCED_MODELS, Attachment, FileContent, table_of, utcnow
from assessor.store.stamping import read_site_and_clock
from assessor.sync.contents import content_id
from assessor.sync.validate import (
    MAPPING_ROWS,
    bad_columns,
    check_checklist_names,
    mapping_rows_problem,
)

FORMAT = "assessor-archive/1"
MANIFEST = "manifest.json"
MAX_MANIFEST_BYTES = 64 << 20
MAX_JSON_BYTES = 1 << 30
"""One table's JSON; the 300-agency demo's largest (answers) is some tens of megabytes."""
MAX_PATH_CHARS = 400
SHA256_CHARS = frozenset("0123456789abcdef")
Progress = Callable[[str], None]


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _bad_json(path: Path, folder: Path, reason: str, **params: object) -> BadInput:
    name = path.relative_to(folder).as_posix() if path.is_relative_to(folder) else path.name
    why = Detail(reason, **params)
    return BadInput(
        f"{name}: not readable JSON ({why.english_text()})",
        code="archive.bad_json",
        path=name,
        reason=why,
    )


def load_json(path: Path, folder: Path, limit: int = MAX_JSON_BYTES) -> Any:
    """A JSON file of the archive: a regular file, bounded in size, UTF-8, nested less deeply
    than the decoder's own bound (it raises RecursionError, caught here)."""
    info = path.lstat()
    if not stat.S_ISREG(info.st_mode):
        raise _bad_json(path, folder, "not a regular file")
    if info.st_size > limit:
        raise _bad_json(path, folder, "larger than {limit} bytes", limit=f"{limit:,}")
    try:
        return json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        raise _bad_json(path, folder, "not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise _bad_json(path, folder, "not JSON from line {line}", line=exc.lineno) from None
    except RecursionError:
        raise _bad_json(path, folder, "nested too deeply") from None
    except ValueError:  # a number of thousands of digits, which Python will not read
        raise _bad_json(path, folder, "a number too long to read") from None


def _read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    if not path.is_file():
        raise BadInput(
            f"{folder} is not an Assessor archive (no manifest.json)",
            code="archive.no_manifest",
            path=folder,
        )
    manifest = load_json(path, folder, MAX_MANIFEST_BYTES)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BadInput(
            f"{path}: not an archive of format {FORMAT}",
            code="archive.bad_format",
            path=path,
            format=FORMAT,
        )
    revision = manifest.get("schema_revision")
    if revision not in schema.REVISIONS:
        shown = str(revision)[:20]
        raise BadInput(
            f"{path}: written by a newer version of Assessor (schema {shown}); "
            "install the newer version to read it",
            code="archive.newer",
            path=path,
            revision=shown,
        )
    return manifest


def _safe_relative(name: object) -> str | None:
    """The name as a relative path inside the archive, or None: no absolute path, no '..',
    no backslash or drive, nothing a checksum list has no business naming."""
    if not isinstance(name, str) or not name or len(name) > MAX_PATH_CHARS:
        return None
    if "\\" in name or "\x00" in name or ":" in name:
        return None
    path = PurePosixPath(name)
    if path.is_absolute() or any(part in ("", ".", "..") for part in name.split("/")):
        return None
    return path.as_posix()


def _present_files(folder: Path) -> set[str]:
    """Every file in the archive but the manifest; anything but folders and regular files
    (a link, a pipe) is refused: a link could point anywhere, a pipe hang the read."""
    found: set[str] = set()
    for path in sorted(folder.rglob("*")):
        mode = path.lstat().st_mode
        rel = path.relative_to(folder).as_posix()
        if stat.S_ISDIR(mode):
            continue
        if not stat.S_ISREG(mode):
            raise BadInput(
                f"{folder}: {rel} is not a regular file (a link, a pipe or a device)",
                code="archive.not_regular",
                folder=folder,
                file=rel,
            )
        if rel != MANIFEST:
            found.add(rel)
    return found


def verify_archive(folder: Path) -> dict[str, Any]:
    """Check the manifest and every file's checksum; returns the manifest."""
    manifest = _read_manifest(folder)
    files = manifest.get("files", {})
    if not isinstance(files, dict):
        raise BadInput(
            f"{folder}: the manifest's list of files is not a list of checksums",
            code="archive.bad_checksums",
            folder=folder,
        )
    listed: dict[str, str] = {}
    for name, digest in files.items():
        rel = _safe_relative(name)
        if rel is None:
            shown = str(name)[:80]
            raise BadInput(
                f"{folder}: the manifest names {shown!r}, which is not a file inside the archive",
                code="archive.bad_path",
                folder=folder,
                file=shown,
            )
        if not (isinstance(digest, str) and len(digest) == 64 and set(digest) <= SHA256_CHARS):
            raise BadInput(
                f"{folder}: the manifest's checksum of {rel} is not a SHA-256",
                code="archive.bad_checksum",
                folder=folder,
                file=rel,
            )
        listed[rel] = digest
    present = _present_files(folder)
    for rel in sorted(present - set(listed)):
        raise BadInput(
            f"{folder}: {rel} is not listed in the manifest, so it cannot be checked",
            code="archive.unlisted_file",
            folder=folder,
            file=rel,
        )
    for rel, digest in sorted(listed.items()):
        path = folder / rel
        if rel not in present:
            raise BadInput(
                f"{folder}: {rel} is missing from the archive",
                code="archive.missing_file",
                folder=folder,
                file=rel,
            )
        if sha256_of(path) != digest:
            raise BadInput(
                f"{folder}: {rel} was changed or damaged (checksum differs)",
                code="archive.changed_file",
                folder=folder,
                file=rel,
            )
    return manifest


def _bad_row(name: str, number: int, reason: Detail) -> BadInput:
    return BadInput(
        f"json/{name}.json: row {number}: {reason.english_text()}",
        code="archive.bad_row",
        table=name,
        row=number,
        reason=reason,
    )


def _table_rows(folder: Path, table: Table, manifest: dict[str, Any]) -> list[dict[str, Any]]:
    path = folder / "json" / f"{table.name}.json"
    known = manifest.get("counts")
    if not path.is_file() and isinstance(known, dict) and table.name not in known:
        return []  # an archive of an older version, written before the table existed
    if not path.is_file():
        raise BadInput(
            f"{folder}: json/{table.name}.json is missing",
            code="archive.missing_file",
            folder=folder,
            file=f"json/{table.name}.json",
        )
    doc = load_json(path, folder)
    if not isinstance(doc, dict) or not isinstance(doc.get("rows", []), list):
        raise _bad_json(path, folder, "not an object with a list of rows")
    columns = {c.name: c for c in table.columns}
    rows = []
    for number, raw in enumerate(doc.get("rows", []), start=1):
        if not isinstance(raw, dict):
            raise _bad_row(table.name, number, Detail("not an object"))
        unknown = set(raw) - set(columns)
        if unknown:
            raise _bad_row(
                table.name,
                number,
                Detail("unknown field {field}", field=repr(sorted(unknown)[0][:40])),
            )
        try:
            rows.append({k: from_plain(columns[k].type, v) for k, v in raw.items()})
        except ValueError as exc:
            reason = (
                exc.args[0]
                if exc.args and isinstance(exc.args[0], Detail)
                else Detail("a value has the wrong type")
            )
            raise _bad_row(table.name, number, reason) from None
    return rows


def _check_typed(session: Session, table: Table) -> None:
    """The rows as stored pass the rules a sync package's rows pass."""
    con = sql_connection(session)
    bad = bad_columns(con, table)
    if bad:
        column, count = bad[0]
        raise BadInput(
            f"json/{table.name}.json: {count} value(s) of {column} have the wrong type or form",
            code="archive.bad_values",
            table=table.name,
            column=column,
            count=count,
        )
    if table.name in ("checklist", "checklist_dimension", "checklist_question"):
        version = "version" if table.name == "checklist" else "NULL"
        rows = con.execute(f'SELECT key, {version} FROM "{table.name}"')
        if not check_checklist_names(rows):
            raise BadInput(
                f"json/{table.name}.json: a checklist's id or version is not one a "
                "checklist file may have",
                code="archive.bad_checklist",
                table=table.name,
            )
    if table.name == "mapping_set":
        problem = mapping_rows_problem(con.execute(MAPPING_ROWS))
        if problem is not None:
            raise BadInput(
                f"json/mapping_set.json: {problem}",
                code="archive.bad_mapping",
                reason=Detail(problem),
            )


def import_archive(
    session: Session, folder: Path, progress: Progress | None = None
) -> dict[str, int]:
    """Rebuild the rows of an archive into an empty database, ids and all."""
    manifest = verify_archive(folder)
    counts: dict[str, int] = {}
    for model in SYNCED_MODELS:
        table = table_of(model)
        if session.execute(select(table.c.id).limit(1)).first() is not None:
            raise BadInput(
                f"the database already holds {table.name} rows; import into a new one",
                code="archive.database_not_empty",
                table=table.name,
            )
        if progress:
            progress(table.name)
        rows = _table_rows(folder, table, manifest)
        try:
            if rows:
                session.execute(insert(table), _parents_first(table, rows))
        except sqlalchemy.exc.IntegrityError:
            raise BadInput(
                f"json/{table.name}.json: an id appears twice, or a row refers to "
                "a row the archive lacks",
                code="archive.broken_rows",
                table=table.name,
            ) from None
        except (sqlalchemy.exc.StatementError, OverflowError):
            # a value the driver cannot store (a number beyond 64 bits, an object as text)
            raise BadInput(
                f"json/{table.name}.json: a value has the wrong type",
                code="archive.wrong_type",
                table=table.name,
            ) from None
        _check_typed(session, table)
        counts[table.name] = len(rows)
    _import_evidence(session, folder)
    # plain inserts carry no sync stamps: stamp the rebuilt rows so they sync right away
    stamping.backfill(session.connection())
    return counts


def _import_evidence(session: Session, folder: Path) -> None:
    """The files in evidence/ become contents again, found by their hash (never by name),
    stored as this laptop's (their ids name this site, see sync/contents.py)."""
    wanted = set(session.scalars(select(Attachment.sha256)))
    site = read_site_and_clock(session.connection())[0]
    evidence = folder / "evidence"
    for path in sorted(evidence.iterdir()) if evidence.is_dir() else []:
        if not path.is_file() or path.is_symlink():
            continue
        data = path.read_bytes()
        sha256 = hashlib.sha256(data).hexdigest()
        if sha256 in wanted:
            wanted.discard(sha256)
            session.execute(
                insert(table_of(FileContent)),
                [
                    {
                        "id": content_id(sha256, site),
                        "sha256": sha256,
                        "size": len(data),
                        "content": data,
                        "created_at": utcnow(),
                        "updated_at": utcnow(),
                    }
                ],
            )


def _parents_first(table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Order rows so that one pointing to a row of its own table (a recommendation following
    up an earlier one) comes after that row; foreign keys are checked as rows are inserted."""
    self_refs = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    if not self_refs:
        return rows
    ids = {row.get("id") for row in rows}
    placed: set[Any] = set()
    ordered: list[dict[str, Any]] = []
    pending = rows
    while pending:
        ready = [
            r
            for r in pending
            if all(r.get(c) is None or r[c] in placed or r[c] not in ids for c in self_refs)
        ]
        if not ready:  # a cycle: let the database report the broken reference
            ready = pending
        ordered.extend(ready)
        placed.update(r.get("id") for r in ready)
        pending = [r for r in pending if r.get("id") not in placed]
    return ordered
