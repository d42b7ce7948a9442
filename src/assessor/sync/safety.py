"""The safe import: every check on a private copy first, then one transaction on the database.

Order matters. The package is copied into a private folder, decrypted, unpacked with capped
sizes, brought to the head schema in the copy and validated row by row; only then is the local
database backed up and the merge run in a single IMMEDIATE transaction. Any failure before the
commit, a kill included, leaves the database as it was (SQLite's journal sees to the kill).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assessor.domain import hlc
from assessor.store import clocks
from assessor.store.stamping import PEER_PREFIX, SEEN_KEY, read_seen
from assessor.sync.clockcheck import normalise
from assessor.sync.errors import PackageRefused, unusable
from assessor.sync.hlc import future_limit
from assessor.sync.merge import MergeSummary, merge_attached
from assessor.sync.package import Manifest, private_folder, uri
from assessor.sync.package_read import open_package
from assessor.sync.validate import upgrade_state, validate_state

TIME_FORMAT = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy stores a DateTime in SQLite
READS = frozenset({sqlite3.SQLITE_READ, sqlite3.SQLITE_SELECT, sqlite3.SQLITE_FUNCTION})


@dataclass
class ImportResult:
    package_id: str
    from_site: str
    file_name: str
    summary: MergeSummary
    changed_database: bool
    backup: Path | None = None
    manifest: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "package_id": self.package_id,
            "from_site": self.from_site,
            "file": self.file_name,
            "changed_database": self.changed_database,
            **self.summary.as_dict(),
        }


def _merge_authorizer(
    action: int, _arg1: str | None, _arg2: str | None, db: str | None, _source: str | None
) -> int:
    """The package is only ever read; no statement may attach or detach anything more."""
    if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH):
        return sqlite3.SQLITE_DENY
    if db == "pkg" and action not in READS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def now_text() -> str:
    return datetime.now(UTC).replace(tzinfo=None).strftime(TIME_FORMAT)


def import_file(
    db_path: Path,
    source: Path,
    passphrase: str | None = None,
    *,
    backup: Any = None,
    now_millis: int | None = None,
    allow_older_encryption: bool = False,
) -> ImportResult:
    """Check and merge one package into the database file. `backup(path)` copies the file;
    `allow_older_encryption`: the user agreed to an older version's costlier passphrase
    protection (sync/age.py)."""
    source = Path(source)
    with private_folder() as work:
        manifest = _prepare(source, work, passphrase, allow_older_encryption)
        state = work / "state.sqlite"
        try:
            normalise(state, _local_sites(db_path))
        except (sqlite3.DatabaseError, UnicodeDecodeError):  # text that is not UTF-8
            raise unusable("the database inside cannot be read") from None
        con = sqlite3.connect(uri(db_path, "mode=rw"), uri=True, isolation_level=None)
        backup_path: Path | None = None
        changed = False
        try:
            for pragma in ("foreign_keys=ON", "busy_timeout=5000", "trusted_schema=OFF"):
                con.execute(f"PRAGMA {pragma}")
            con.execute("ATTACH DATABASE ? AS pkg", (uri(state, "mode=ro&immutable=1"),))
            con.set_authorizer(_merge_authorizer)
            if backup is not None:
                backup_path = backup(db_path)
            con.execute("BEGIN IMMEDIATE")
            try:
                con.execute("PRAGMA defer_foreign_keys=ON")
                _check_base(con, manifest)
                limit = clocks.hlc_int(future_limit(now_millis))
                summary = merge_attached(con, limit=limit)
                if not summary.held_back:
                    summary.writes += _record_seen(con, manifest)
                changed = summary.writes > 0
                if changed:
                    con.execute(
                        "INSERT OR REPLACE INTO main.local_import (package_id, imported_at, "
                        "file_name, from_site, summary) VALUES (?, ?, ?, ?, ?)",
                        (
                            manifest.package_id,
                            now_text(),
                            source.name,
                            manifest.site_id,
                            json.dumps(summary.as_dict(), sort_keys=True),
                        ),
                    )
                    con.execute("COMMIT")
                else:
                    con.execute("ROLLBACK")
            except sqlite3.IntegrityError:
                raise PackageRefused(
                    "the package refers to rows that neither it nor this database has; "
                    "nothing was imported",
                    code="syncfile.dangling",
                ) from None
            except sqlite3.DatabaseError as exc:
                raise PackageRefused(
                    f"the merge failed and was undone ({exc})",
                    code="syncfile.merge_failed",
                    reason=exc,
                ) from None
            finally:
                if con.in_transaction:
                    con.execute("ROLLBACK")
        except BaseException:
            if backup_path is not None:
                backup_path.unlink(missing_ok=True)
            raise
        finally:
            con.close()
        if not changed and backup_path is not None:
            backup_path.unlink(missing_ok=True)
            backup_path = None
    return ImportResult(
        package_id=manifest.package_id,
        from_site=manifest.site_id,
        file_name=source.name,
        summary=summary,
        changed_database=changed,
        backup=backup_path,
        manifest={
            "created_at": manifest.created_at,
            "clock": manifest.clock,
            "schema_revision": manifest.schema_revision,
            "counts": manifest.counts,
        },
    )


def _local_sites(db_path: Path) -> dict[str, int]:
    con = sqlite3.connect(uri(db_path, "mode=ro"), uri=True)
    try:
        return {str(s): int(n) for n, s in con.execute("SELECT no, site_id FROM sync_site")}
    finally:
        con.close()


def _execute(con: sqlite3.Connection) -> Any:
    return lambda sql, params=(): con.execute(sql, params)


def _check_base(con: sqlite3.Connection, manifest: Manifest) -> None:
    """A delta only holds what its base lacks: refuse it where that base is not all here."""
    if manifest.base is None:
        return
    seen = read_seen(_execute(con))
    if any(seen.get(site, -1) < h for site, h in manifest.base.items()):
        raise PackageRefused(
            f"this package holds only the changes since an earlier exchange that this database "
            f"has not received (it was written for another copy, or an earlier package was not "
            f"imported). Ask the sender (site {manifest.site_id[:8]}) for a full package, or "
            "import their earlier packages first; nothing was imported",
            code="syncfile.delta_base",
            site=manifest.site_id[:8],
        )


def _record_seen(con: sqlite3.Connection, manifest: Manifest) -> int:
    """Join what the package's writer had seen into this database's version vector (and
    remember it as the peer's, for deltas written for it). Not called when writes were held
    back (too far ahead): this database lacks some of them still. A package written before
    version vectors existed tells nothing. Returns how many values changed."""
    if not manifest.seen:
        return 0
    own = read_seen(_execute(con))
    mine = dict(
        json.loads(
            con.execute(
                "SELECT coalesce((SELECT value FROM main.local_meta WHERE key = ?), '{}')",
                (SEEN_KEY,),
            ).fetchone()[0]
        )
    )
    site = con.execute("SELECT value FROM main.local_meta WHERE key = 'sync.site_id'").fetchone()[0]
    if manifest.site_id == site:
        return 0  # this database's own package tells it nothing it did not know
    changes = 0
    grown = dict(mine)
    for s, h in manifest.seen.items():
        # a package without file contents: this database lacks some of what it saw
        if s != site and own.get(s, -1) < h and manifest.contents:
            grown[s] = h
    if grown != mine:
        con.execute(
            "INSERT OR REPLACE INTO main.local_meta (key, value) VALUES (?, ?)",
            (SEEN_KEY, clocks.dumps(grown)),
        )
        changes += 1
    key = PEER_PREFIX + manifest.site_id
    found = con.execute("SELECT value FROM main.local_meta WHERE key = ?", (key,)).fetchone()
    peer = dict(json.loads(found[0])) if found else {}
    joined = {s: max(h, peer.get(s, -1)) for s, h in manifest.seen.items()}
    joined.update({s: h for s, h in peer.items() if s not in joined})
    if joined != peer:
        con.execute(
            "INSERT OR REPLACE INTO main.local_meta (key, value) VALUES (?, ?)",
            (key, clocks.dumps(joined)),
        )
        changes += 1
    return changes


def _prepare(source: Path, work: Path, passphrase: str | None, older_ok: bool) -> Manifest:
    manifest, state = open_package(source, work, passphrase, allow_older_encryption=older_ok)
    try:
        hlc.Hlc.parse(manifest.clock)
    except ValueError:
        raise unusable("the manifest's clock is bad") from None
    upgrade_state(state, manifest)
    validate_state(state, manifest)
    return manifest
