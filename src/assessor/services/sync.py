"""Sync use cases for the window and the command line: export, import, the conflict log."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.domain.errors import BadInput, NotFound
from assessor.services.files import check_output
from assessor.store import stamping
from assessor.store.db import Database, backup_file
from assessor.store.models import ImportedPackage, Meta, SyncConflict, Synced, table_of
from assessor.sync import conflicts as conflict_values
from assessor.sync import package, safety

BACKUPS_KEPT = 3


def read_passphrase(path: Path) -> str:
    """The passphrase in a file: its first line, without the line end."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise BadInput(f"{path}: the passphrase file is not UTF-8 text") from None
    except IsADirectoryError:
        raise BadInput(f"{path} is a folder; give the file that holds the passphrase") from None
    lines = text.splitlines()
    phrase = lines[0] if lines else ""
    if not phrase:
        raise BadInput(f"{path}: the passphrase file is empty")
    return phrase


def export_package(db: Database, out: Path, passphrase: str | None = None) -> dict[str, Any]:
    """Write this database's full synced state to one file; returns the manifest as data."""
    out = Path(out)
    check_output(out, db_path=db.path, header=None, what="package")
    if out.is_file() and out.stat().st_size:
        with out.open("rb") as fh:
            head = fh.read(64)
        if not head.startswith((package.ZIP_MAGIC, package.AGE_MAGIC, package.AGE_ARMOR)):
            raise BadInput(f"{out} already exists and is not a sync package; choose another name")
    with db.transaction() as session:
        stamping.backfill(session.connection())
    manifest = package.export_package(db.path, Path(out), passphrase)
    return {
        "package_id": manifest.package_id, "site_id": manifest.site_id,
        "clock": manifest.clock, "schema_revision": manifest.schema_revision,
        "counts": manifest.counts, "sha256": manifest.sha256, "file": str(out),
        "encrypted": manifest.encrypted,
    }


BACKUP_LABEL = "before-import"


def import_backups(path: Path) -> list[Path]:
    """The backups imports made of this database file, oldest first (other files never)."""
    prefix, suffix = f"{path.name}.{BACKUP_LABEL}-", ".bak"
    # not glob: a database name may hold glob characters ([, *, ?)
    found = [
        p for p in path.parent.iterdir()
        if p.name.startswith(prefix) and p.name.endswith(suffix) and p.is_file()
    ]
    return sorted(found, key=lambda p: p.name)  # the name holds a fixed-width UTC stamp


def _prune_backups(path: Path, keep: int = BACKUPS_KEPT) -> None:
    for stale in import_backups(path)[:-keep]:
        stale.unlink(missing_ok=True)


def import_package(db: Database, source: Path, passphrase: str | None = None) -> dict[str, Any]:
    """Check a package and merge it; returns what was added, changed, deleted and conflicted.

    An import that changed the database leaves a backup of it as it was before; the backups of
    the last BACKUPS_KEPT such imports are kept, older ones removed.
    """
    result = safety.import_file(
        db.path, Path(source), passphrase, backup=lambda p: backup_file(p, BACKUP_LABEL)
    )
    if result.changed_database:
        # pruned only now: a refused or empty import must not cost an older backup
        _prune_backups(db.path)
        _search_index_is_stale(db)
    data = result.as_dict()
    data["backup"] = str(result.backup) if result.backup else None
    return data


def _search_index_is_stale(db: Database) -> None:
    """Merged rows keep their own updated_at, older than the index's watermark: drop the
    watermark so that the next search rebuilds the (local) index."""
    from assessor.services import search

    with db.transaction() as session:
        session.execute(sa.delete(Meta).where(Meta.key == search.WATERMARK_KEY))


# --- the conflict log ----------------------------------------------------------------------


@dataclass(frozen=True)
class ConflictView:
    id: str
    kind: str  # "edit" or "delete"
    table_name: str
    row_id: str
    field_group: str
    current: dict[str, Any]  # the row's value of the group now
    other: dict[str, Any]  # the value that lost
    winner_site: str
    winner_hlc: str
    loser_site: str
    loser_hlc: str
    row_deleted: bool
    resolved: bool


def _model(table_name: str) -> type[Synced]:
    model = stamping.MODELS_BY_TABLE.get(table_name)
    if model is None:
        raise NotFound(f"no synced table {table_name}")
    return model


def raw_row(session: Session, table_name: str, row_id: str) -> dict[str, Any] | None:
    table = table_of(_model(table_name))
    cols = ", ".join(f'"{c.name}"' for c in table.columns)
    row = session.connection().exec_driver_sql(
        f'SELECT {cols} FROM "{table_name}" WHERE id = ?', (row_id,)
    ).first()
    return dict(zip([c.name for c in table.columns], row, strict=True)) if row else None


def list_conflicts(session: Session, *, include_resolved: bool = False) -> list[ConflictView]:
    query = select(SyncConflict).where(SyncConflict.deleted_at.is_(None))
    if not include_resolved:
        query = query.where(SyncConflict.resolved.is_(False))
    out: list[ConflictView] = []
    for c in session.scalars(query.order_by(SyncConflict.loser_hlc, SyncConflict.id)):
        row = raw_row(session, c.table_name, c.row_id) or {}
        shown = conflict_values.shown_value(dict(c.loser_value))
        cols = stamping.groups_of(c.table_name).get(c.field_group, tuple(shown))
        out.append(ConflictView(
            id=c.id, kind=c.kind, table_name=c.table_name, row_id=c.row_id,
            field_group=c.field_group, current={k: row.get(k) for k in cols},
            other=shown, winner_site=c.winner_site, winner_hlc=c.winner_hlc,
            loser_site=c.loser_site, loser_hlc=c.loser_hlc,
            row_deleted=row.get("deleted_at") is not None, resolved=c.resolved,
        ))
    return out


def _python_value(column: sa.Column[Any], raw: Any) -> Any:
    if raw is None:
        return None
    kind = column.type
    if isinstance(kind, sa.Boolean):
        return bool(raw)
    if isinstance(kind, sa.DateTime):
        return datetime.fromisoformat(raw)
    if isinstance(kind, sa.Date):
        return date.fromisoformat(raw)
    if isinstance(kind, sa.JSON):
        return json.loads(raw)
    return raw


def resolve_conflict(session: Session, conflict_id: str, keep: str) -> None:
    """Settle a conflict: keep "current" as it is, or put "other" (the losing value) back.

    Either way it is a new edit, stamped and synced like any other. For a delete conflict,
    "other" restores the deleted row.
    """
    if keep not in ("current", "other"):
        raise BadInput("keep must be 'current' or 'other'")
    conflict = session.get(SyncConflict, conflict_id)
    if conflict is None or conflict.deleted_at is not None:
        raise NotFound(f"no conflict with id {conflict_id}")
    if keep == "other":
        model = _model(conflict.table_name)
        row = session.get(model, conflict.row_id)
        if row is None:
            raise NotFound(f"the {conflict.table_name} row of this conflict is gone")
        table = table_of(model)
        for name, raw in conflict.loser_value.items():
            if name in table.c and name not in stamping.UNSTAMPED:
                setattr(row, name, _python_value(table.c[name], raw))
        if conflict.kind == "delete":
            row.deleted_at = None
    conflict.resolved = True
    session.flush()


def restore_deleted(session: Session, table_name: str, row_id: str) -> None:
    """Bring back a deleted row (with the data it kept); a new edit like any other."""
    row = session.get(_model(table_name), row_id)
    if row is None:
        raise NotFound(f"no {table_name} row with id {row_id}")
    row.deleted_at = None
    session.flush()


@dataclass(frozen=True)
class ImportRecord:
    package_id: str
    imported_at: datetime
    file_name: str
    from_site: str
    summary: dict[str, Any]


def import_history(session: Session) -> list[ImportRecord]:
    rows = session.scalars(select(ImportedPackage).order_by(ImportedPackage.imported_at.desc()))
    return [
        ImportRecord(r.package_id, r.imported_at, r.file_name, r.from_site, dict(r.summary))
        for r in rows
    ]


def site_id(session: Session) -> str:
    site, _clock = stamping.read_site_and_clock(session.connection())
    return site
