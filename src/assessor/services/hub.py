"""Sync with the team hub (sync/hub.py) and set one up (sync/hub_schema.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from assessor.services import sync as sync_service
from assessor.services.meta import read_meta, read_time, stamp_now, write_meta
from assessor.store import stamping
from assessor.store.db import Database, backup_file
from assessor.sync import hub, hub_schema, package, safety


def init_hub(url: str) -> str:
    """Create the hub's tables or bring them up to this version: "created" or "upgraded"."""
    return hub_schema.init_hub(url)


URL_KEY = "sync.hub.url"  # the hub the window syncs with (never with a password in it)
LAST_KEY = "sync.hub.last"  # when this laptop last synced with a hub (UTC, ISO)
SITES_KEY = "sync.hub.sites"  # the site ids of the hubs this laptop synced with


def hub_setting(db: Database) -> str | None:
    value = read_meta(db, URL_KEY)
    return str(value) if value else None


def set_hub_setting(db: Database, url: str | None) -> None:
    if url:
        hub_schema.check_url(url)
    write_meta(db, URL_KEY, url.strip() if url else None)


def hub_sites(db: Database) -> set[str]:
    """The hubs' site ids (a hub is a peer in the import history, not a colleague's laptop)."""
    return set(read_meta(db, SITES_KEY) or [])


def last_hub_sync(db: Database) -> datetime | None:
    return read_time(db, LAST_KEY)


def sync_hub(
    db: Database,
    url: str,
    *,
    password: str | None = None,
    before_commit: Callable[[Any], None] | None = None,
) -> dict[str, Any]:
    """Push what the hub has not seen and pull what this laptop has not; each side in one
    transaction. Returns rows pushed and pulled, and the pulled merge's summary. `password`
    (the window asks for it when the hub wants one) is used for this connection only."""
    hub_schema.check_url(url)
    with db.transaction() as session:
        conn = session.connection()
        stamping.backfill(conn)
        seen = stamping.read_seen(lambda sql, params=(): conn.exec_driver_sql(sql, params))
    merged: dict[str, Any] | None = None
    with package.private_folder() as work:
        moved = hub.exchange(
            db.path, url, seen, work, password=password, before_commit=before_commit
        )
        if moved.package is not None:
            result = safety.import_file(
                db.path,
                moved.package,
                None,
                backup=lambda p: backup_file(p, sync_service.BACKUP_LABEL),
            )
            if result.changed_database:
                sync_service.after_changing_import(db)
            merged = result.as_dict()
    stamp_now(db, LAST_KEY)
    known = hub_sites(db)
    if moved.hub_site not in known:
        write_meta(db, SITES_KEY, sorted({*known, moved.hub_site}))
    return {
        "hub": hub_schema.where(url),
        "pushed": moved.pushed,
        "pulled": moved.pulled,
        "merged": merged,
        "changed_database": bool(merged and merged["changed_database"]),
    }
