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

from assessor.domain import rowclock
from assessor.domain.errors import BadInput, NotFound
from assessor.services.files import check_output
from assessor.store import clocks, stamping
from assessor.store.db import Database, backup_file
from assessor.store.models import (
    ImportedPackage,
    Meta,
    SyncConflict,
    Synced,
    derived_id,
    table_of,
)
from assessor.sync import package, safety

BACKUPS_KEPT = 3


def read_passphrase(path: Path) -> str:
    """The passphrase in a file: its first line, without the line end."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise BadInput(
            f"{path}: the passphrase file is not UTF-8 text", code="passphrase.not_utf8", path=path
        ) from None
    except IsADirectoryError:
        raise BadInput(
            f"{path} is a folder; give the file that holds the passphrase",
            code="passphrase.folder",
            path=path,
        ) from None
    lines = text.splitlines()
    phrase = lines[0] if lines else ""
    if not phrase:
        raise BadInput(f"{path}: the passphrase file is empty", code="passphrase.empty", path=path)
    return phrase


def known_peers(session: Session) -> dict[str, dict[str, int]]:
    """The sites whose packages were imported here, with what each had seen then."""
    prefix = stamping.PEER_PREFIX
    rows = session.execute(select(Meta.key, Meta.value).where(Meta.key.startswith(prefix)))
    return {key[len(prefix) :]: json.loads(value) for key, value in rows}


def find_peer(session: Session, peer: str) -> str:
    """A peer's site id from its id, the start of it (at least 4 characters) or the name of
    the advisor who uses it."""
    from assessor.services.advisors import site_names

    peers = known_peers(session)
    wanted = peer.strip().lower()
    names = site_names(session)
    found = [s for s in peers if s == wanted or (len(wanted) >= 4 and s.startswith(wanted))]
    if not found:
        found = [s for s in peers if names.get(s, "").strip().lower() == wanted]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise BadInput(
            f"{peer} names more than one laptop; give more of its site id",
            code="peer.ambiguous",
            peer=peer,
        )
    raise BadInput(
        f"no package from {peer} has been imported here, so what it lacks is not known: "
        "export a full package for it instead",
        code="peer.unknown",
        peer=peer,
    )


def export_package(
    db: Database,
    out: Path,
    passphrase: str | None = None,
    *,
    for_peer: str | None = None,
    with_contents: bool = True,
) -> dict[str, Any]:
    """Write this database's synced state to one file: all of it, or with `for_peer` only
    what that peer has not seen (a delta); without contents, the evidence files' contents
    stay out (their attachments travel). Returns the manifest as data."""
    out = Path(out)
    check_output(out, db_path=db.path, header=None, what="package")
    if out.is_file() and out.stat().st_size:
        with out.open("rb") as fh:
            head = fh.read(64)
        if not head.startswith((package.ZIP_MAGIC, package.AGE_MAGIC, package.AGE_ARMOR)):
            raise BadInput(
                f"{out} already exists and is not a sync package; choose another name",
                code="syncfile.exists_foreign",
                path=out,
            )
    base = None
    with db.transaction() as session:
        stamping.backfill(session.connection())
        if for_peer is not None:
            base = known_peers(session)[find_peer(session, for_peer)]
    manifest = package.export_package(
        db.path, Path(out), passphrase, base=base, with_contents=with_contents
    )
    return {
        "kind": manifest.kind,
        "package_id": manifest.package_id,
        "site_id": manifest.site_id,
        "clock": manifest.clock,
        "schema_revision": manifest.schema_revision,
        "counts": manifest.counts,
        "sha256": manifest.sha256,
        "file": str(out),
        "encrypted": manifest.encrypted,
    }


BACKUP_LABEL = "before-import"


def import_backups(path: Path) -> list[Path]:
    """The backups imports made of this database file, oldest first (other files never)."""
    prefix, suffix = f"{path.name}.{BACKUP_LABEL}-", ".bak"
    # not glob: a database name may hold glob characters ([, *, ?)
    found = [
        p
        for p in path.parent.iterdir()
        if p.name.startswith(prefix) and p.name.endswith(suffix) and p.is_file()
    ]
    return sorted(found, key=lambda p: p.name)  # the name holds a fixed-width UTC stamp


def _prune_backups(path: Path, keep: int = BACKUPS_KEPT) -> None:
    for stale in import_backups(path)[:-keep]:
        stale.unlink(missing_ok=True)


def import_package(
    db: Database,
    source: Path,
    passphrase: str | None = None,
    *,
    allow_older_encryption: bool = False,
) -> dict[str, Any]:
    """Check a package and merge it; returns what was added, changed, deleted and conflicted.

    An import that changed the database leaves a backup of it as it was before; the backups of
    the last BACKUPS_KEPT such imports are kept, older ones removed. An older version's
    costlier passphrase protection opens only with `allow_older_encryption` (sync/age.py).
    """
    result = safety.import_file(
        db.path,
        Path(source),
        passphrase,
        backup=lambda p: backup_file(p, BACKUP_LABEL),
        allow_older_encryption=allow_older_encryption,
    )
    if result.changed_database:
        after_changing_import(db)
    data = result.as_dict()
    data["backup"] = str(result.backup) if result.backup else None
    return data


def after_changing_import(db: Database) -> None:
    """What follows an import that changed the database (pruned only now: a refused or empty
    import must not cost an older backup)."""
    _prune_backups(db.path)
    _search_index_is_stale(db)


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
        raise NotFound(f"no synced table {table_name}", code="synced.no_table", table=table_name)
    return model


def raw_row(session: Session, table_name: str, row_id: str) -> dict[str, Any] | None:
    table = table_of(_model(table_name))
    cols = ", ".join(f'"{c.name}"' for c in table.columns)
    row = (
        session.connection()
        .exec_driver_sql(f'SELECT {cols} FROM "{table_name}" WHERE id = ?', (row_id,))
        .first()
    )
    return dict(zip([c.name for c in table.columns], row, strict=True)) if row else None


def _live(session: Session) -> list[ConflictView]:
    """The conflicts the rows' clocks hold now (a function of the writes this database has)."""
    conn = session.connection()
    sites: dict[int, str] = {
        int(n): str(s) for n, s in conn.exec_driver_sql("SELECT no, site_id FROM sync_site")
    }
    out: list[ConflictView] = []
    for table_name, row_id, text in conn.exec_driver_sql(
        "SELECT table_name, row_id, clock FROM sync_row WHERE conflicted = 1"
    ).all():
        row = raw_row(session, table_name, row_id)
        if row is None:
            continue
        groups = stamping.groups_of(table_name)
        state = clocks.decode(text, groups, row, sites.__getitem__)
        for c in rowclock.conflicts(state):
            out.append(
                ConflictView(
                    id=live_conflict_id(c.kind, table_name, row_id, c.group, c.other),
                    kind=c.kind,
                    table_name=table_name,
                    row_id=row_id,
                    field_group=c.group,
                    current={k: row.get(k) for k in groups[c.group]},
                    other=dict(c.other.value),
                    winner_site=c.shown.site,
                    winner_hlc=clocks.hlc_text(c.shown.hlc),
                    loser_site=c.other.site,
                    loser_hlc=clocks.hlc_text(c.other.hlc),
                    row_deleted=row.get("deleted_at") is not None,
                    resolved=False,
                )
            )
    return out


def live_conflict_id(
    kind: str, table: str, row_id: str, group: str, other: rowclock.Version
) -> str:
    return derived_id("conflict", kind, table, row_id, group, str(other.hlc), other.site)


def list_conflicts(session: Session, *, include_resolved: bool = False) -> list[ConflictView]:
    """The live conflicts, and with include_resolved the settled ones kept on record."""
    out = _live(session)
    if include_resolved:
        for c in session.scalars(select(SyncConflict).where(SyncConflict.deleted_at.is_(None))):
            row = raw_row(session, c.table_name, c.row_id) or {}
            shown = dict(c.loser_value)
            cols = stamping.groups_of(c.table_name).get(c.field_group, tuple(shown))
            out.append(
                ConflictView(
                    id=c.id,
                    kind=c.kind,
                    table_name=c.table_name,
                    row_id=c.row_id,
                    field_group=c.field_group,
                    current={k: row.get(k) for k in cols},
                    other=shown,
                    winner_site=c.winner_site,
                    winner_hlc=c.winner_hlc,
                    loser_site=c.loser_site,
                    loser_hlc=c.loser_hlc,
                    row_deleted=row.get("deleted_at") is not None,
                    resolved=True,
                )
            )
    return sorted(out, key=lambda c: (c.resolved, c.loser_hlc, c.id))


def find_conflict(session: Session, conflict_id: str) -> ConflictView:
    for c in _live(session):
        if c.id == conflict_id:
            return c
    raise NotFound(
        f"no open conflict with id {conflict_id}", code="conflict.not_found", id=conflict_id
    )


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
    """Settle a conflict: keep "current" as it is, or put "other" (the value not shown) back.

    Either way it is a new write, made holding both values, so it supersedes both everywhere
    it goes; what it ended is kept on record (sync_conflict). For a delete conflict, "other"
    restores the deleted row and "current" deletes it again.
    """
    if keep not in ("current", "other"):
        raise BadInput("keep must be 'current' or 'other'", code="conflict.bad_keep")
    conflict = find_conflict(session, conflict_id)
    model = _model(conflict.table_name)
    row = session.get(model, conflict.row_id)
    if row is None:
        raise NotFound(
            f"the {conflict.table_name} row of this conflict is gone",
            code="conflict.row_gone",
            table=conflict.table_name,
        )
    if keep == "other" and conflict.kind == "delete":
        row.deleted_at = None
        session.flush()
        return
    if keep == "other":
        table = table_of(model)
        for name, raw in conflict.other.items():
            if name in table.c and name not in stamping.UNSTAMPED:
                setattr(row, name, _python_value(table.c[name], raw))
        session.flush()
        if not _still_open(session, conflict_id):
            return
    group = stamping.DELETED_GROUP if conflict.kind == "delete" else conflict.field_group
    stamping.write_groups(session.connection(), conflict.table_name, conflict.row_id, [group])
    session.expire(row)


def _still_open(session: Session, conflict_id: str) -> bool:
    return any(c.id == conflict_id for c in _live(session))


def restore_deleted(session: Session, table_name: str, row_id: str) -> None:
    """Bring back a deleted row (with the data it kept); a new edit like any other."""
    row = session.get(_model(table_name), row_id)
    if row is None:
        raise NotFound(
            f"no {table_name} row with id {row_id}",
            code="synced.no_row",
            table=table_name,
            id=row_id,
        )
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
