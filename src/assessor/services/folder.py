"""Sync through a shared folder: every laptop leaves its package for the team there and merges
everyone else's.

Each laptop writes files named `<site id>.<its clock>.assessor`, so two laptops never write
the same name and a laptop's files sort oldest first. A file is written to a hidden temporary
name and renamed, so a reader never sees half of it (a cloud folder may still deliver a file
half-copied: the safe import refuses it, and the laptop's older file, when one is still
there, is tried instead).

Which package: a delta based on the least of what every laptop in the folder has seen (their
version vectors as their own packages reported them). Every laptop in the folder has seen at
least that much, so every one of them can merge it; a laptop whose package has not been
merged here yet (a newcomer) is not known, so the package is then written full. The choice
and its figures are in docs/team.md.

Old files of this laptop are removed once every laptop in the folder has seen them; the
newest is always kept.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from assessor.domain.errors import BadInput
from assessor.domain.messages import os_reason, worded
from assessor.services import sync as sync_service
from assessor.services.archive_import import sha256_of
from assessor.services.meta import read_meta, read_time, stamp_now, write_meta
from assessor.store import stamping
from assessor.store.db import Database, backup_file
from assessor.store.models import Meta
from assessor.sync import package, safety
from assessor.sync.errors import PackageRefused

SUFFIX = ".assessor"
NAME = re.compile(
    r"^(?P<site>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
    r"\.(?P<clock>[0-9]{19})\.assessor$"
)
MERGED_KEY = "sync.folder.merged"  # file name -> SHA-256 of the file as it was merged
OWN_KEY = "sync.folder.own"  # the newest file written here: name, seen, base
FOLDER_KEY = "sync.folder.dir"  # the folder the window syncs with (a setting of this file)
LAST_KEY = "sync.folder.last"  # when this laptop last synced with a folder (UTC, ISO)


@dataclass
class FolderFile:
    path: Path
    site: str
    clock: int


@dataclass
class FolderResult:
    imported: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    written: str | None = None
    written_kind: str | None = None
    written_rows: int = 0
    pruned: list[str] = field(default_factory=list)
    backup: str | None = None

    @property
    def changed_database(self) -> bool:
        return any(i["changed_database"] for i in self.imported)

    def as_dict(self) -> dict[str, Any]:
        return {
            "imported": self.imported,
            "skipped": self.skipped,
            "written": self.written,
            "written_kind": self.written_kind,
            "written_rows": self.written_rows,
            "pruned": self.pruned,
            "backup": self.backup,
            "changed_database": self.changed_database,
        }


def file_name(site: str, clock: int) -> str:
    return f"{site}.{clock:019d}{SUFFIX}"


def scan(folder: Path) -> tuple[dict[str, list[FolderFile]], list[str]]:
    """The packages in the folder by site, oldest first, and the names of foreign files
    (hidden files, such as our own temporary ones, are neither)."""
    by_site: dict[str, list[FolderFile]] = {}
    foreign: list[str] = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        found = NAME.match(entry.name)
        if found is None or not entry.is_file():
            foreign.append(entry.name)
            continue
        by_site.setdefault(found["site"], []).append(
            FolderFile(entry, found["site"], int(found["clock"]))
        )
    for files in by_site.values():
        files.sort(key=lambda f: f.clock)
    return by_site, foreign


def check_folder(folder: Path) -> Path:
    folder = Path(folder)
    if not folder.is_dir():
        raise BadInput(f"no such folder: {folder}", code="file.no_folder", folder=folder)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BadInput(
            f"the folder {folder} is not writable: this laptop cannot leave its changes there",
            code="folder.not_writable",
            folder=folder,
        )
    return folder


def folder_setting(db: Database) -> Path | None:
    value = read_meta(db, FOLDER_KEY)
    return Path(value) if value else None


def set_folder_setting(db: Database, folder: Path | None) -> None:
    if folder is None:
        with db.transaction() as session:
            session.execute(sa.delete(Meta).where(Meta.key == FOLDER_KEY))
        return
    write_meta(db, FOLDER_KEY, str(check_folder(folder)))


def team_base(peers: dict[str, dict[str, int]], team: set[str]) -> dict[str, int] | None:
    """What every laptop of the team has seen for certain (per site, the least), or None
    (write everything) when one of them has not been heard from yet."""
    if not team:
        return None
    if any(site not in peers for site in team):
        return None
    vectors = [peers[site] for site in team]
    common = set.intersection(*(set(v) for v in vectors))
    return {s: min(v[s] for v in vectors) for s in sorted(common)}


def _covers(base: dict[str, int] | None, older: dict[str, int] | None) -> bool:
    """Whether every laptop that covers `base` also covers `older` (so a package based on
    `older` is still usable by all of them)."""
    if older is None:
        return True
    if base is None:
        return not older
    return all(base.get(s, -1) >= h for s, h in older.items())


def sync_folder(
    db: Database,
    folder: Path,
    passphrase: str | None = None,
    *,
    allow_older_encryption: bool = False,
) -> FolderResult:
    """Merge every other laptop's newest usable package in the folder, then leave this
    laptop's own, then prune this laptop's files that everyone has seen. A package an older
    version encrypted at a costlier work factor is skipped (its code in the skipped entry)
    unless `allow_older_encryption` (sync/age.py)."""
    folder = check_folder(folder)
    result = FolderResult()
    with db.read() as session:
        me = sync_service.site_id(session)
    merged: dict[str, str] = read_meta(db, MERGED_KEY) or {}
    by_site, foreign = scan(folder)
    foreign_reason = worded("syncfile.foreign_name", {}) or "not a package of this folder"
    result.skipped.extend({"file": name, "reason": foreign_reason} for name in foreign)
    backup_made: Path | None = None
    # a delta refused because its base is not here yet may become usable once another
    # laptop's package is merged: try again while a pass merges something
    pending = sorted(s for s in by_site if s != me)
    refusals: dict[str, list[dict[str, str]]] = {}
    progress = True
    while pending and progress:
        progress = False
        for site in list(pending):
            refusals[site] = []
            for item in reversed(by_site[site]):  # newest first; an older one if it fails
                try:
                    digest = sha256_of(item.path)
                except OSError as exc:
                    refusals[site].append({"file": item.path.name, "reason": str(exc)})
                    continue
                if merged.get(item.path.name) == digest:
                    pending.remove(site)  # its newest merged file: older ones hold no more
                    break
                backup = None if backup_made else (lambda p: backup_file(p, "before-import"))
                try:
                    outcome = safety.import_file(
                        db.path,
                        item.path,
                        passphrase,
                        backup=backup,
                        allow_older_encryption=allow_older_encryption,
                    )
                except PackageRefused as exc:
                    refused = {"file": item.path.name, "reason": exc.message}
                    refused["code"] = exc.code or ""
                    if "factor" in exc.params:  # what the window asks about (sync/age.py)
                        refused["factor"] = str(exc.params["factor"])
                    refusals[site].append(refused)
                    continue
                if outcome.backup is not None:
                    backup_made = outcome.backup
                merged[item.path.name] = digest
                result.imported.append({"file": item.path.name, **outcome.as_dict()})
                pending.remove(site)
                progress = True
                break
    for site in sorted(refusals):
        result.skipped.extend(refusals[site])
    present = {f.path.name for files in by_site.values() for f in files}
    write_meta(db, MERGED_KEY, {k: v for k, v in merged.items() if k in present})
    if backup_made is not None:
        result.backup = str(backup_made)
        sync_service.after_changing_import(db)
    team = {s for s in by_site if s != me}
    _write_own(db, folder, me, team, by_site.get(me, []), passphrase, result)
    _prune_own(db, me, team, folder, result)
    stamp_now(db, LAST_KEY)
    return result


def last_sync(db: Database) -> datetime | None:
    return read_time(db, LAST_KEY)


def _write_own(
    db: Database,
    folder: Path,
    me: str,
    team: set[str],
    own: list[FolderFile],
    passphrase: str | None,
    result: FolderResult,
) -> None:
    with db.transaction() as session:
        stamping.backfill(session.connection())
        peers = sync_service.known_peers(session)
        seen = stamping.read_seen(
            lambda sql, params=(): session.connection().exec_driver_sql(sql, params)
        )
    base = team_base(peers, team)
    last = read_meta(db, OWN_KEY)
    newest = own[-1].path.name if own else None
    if (
        last is not None
        and newest == last.get("file")
        and last.get("seen") == seen
        and last.get("encrypted") == (passphrase is not None)
        and _covers(base, last.get("base"))
    ):
        return  # the folder already holds this laptop's state in a package all can use
    target = folder / file_name(me, seen[me])
    if target.exists() and target.name != newest:
        # another laptop cannot write this name; a stray copy of ours must not stay in the way
        target = folder / file_name(me, seen[me] + 1)
    try:
        manifest = package.export_package(db.path, target, passphrase, base=base)
    except OSError as exc:
        raise BadInput(
            f"cannot write to the folder {folder}: {exc.strerror or exc}",
            code="folder.cannot_write",
            folder=folder,
            reason=os_reason(exc),
        ) from None
    write_meta(
        db,
        OWN_KEY,
        {
            "file": target.name,
            "seen": manifest.seen,
            "base": base,
            "encrypted": passphrase is not None,
        },
    )
    result.written = target.name
    result.written_kind = manifest.kind
    result.written_rows = sum(
        n for t, n in manifest.counts.items() if t not in ("sync_row", "sync_site")
    )


def _prune_own(db: Database, me: str, team: set[str], folder: Path, result: FolderResult) -> None:
    """Remove this laptop's older files that every laptop in the folder has seen."""
    _by_site, _foreign = scan(folder)
    own = _by_site.get(me, [])
    if len(own) < 2:
        return
    with db.read() as session:
        peers = sync_service.known_peers(session)
    for item in own[:-1]:
        if all(peers.get(site, {}).get(me, -1) >= item.clock for site in team):
            try:
                item.path.unlink()
            except FileNotFoundError:
                continue
            result.pruned.append(item.path.name)
