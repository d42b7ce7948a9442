"""Sync with the team hub (sync/hub.py) and set one up (sync/hub_schema.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from assessor.services import sync as sync_service
from assessor.store import stamping
from assessor.store.db import Database, backup_file
from assessor.sync import hub, hub_schema, package, safety


def init_hub(url: str) -> str:
    """Create the hub's tables or bring them up to this version: "created" or "upgraded"."""
    return hub_schema.init_hub(url)


def sync_hub(db: Database, url: str, *,
             before_commit: Callable[[Any], None] | None = None) -> dict[str, Any]:
    """Push what the hub has not seen and pull what this laptop has not; each side in one
    transaction. Returns rows pushed and pulled, and the pulled merge's summary."""
    hub_schema.check_url(url)
    with db.transaction() as session:
        conn = session.connection()
        stamping.backfill(conn)
        seen = stamping.read_seen(lambda sql, params=(): conn.exec_driver_sql(sql, params))
    merged: dict[str, Any] | None = None
    with package.private_folder() as work:
        moved = hub.exchange(db.path, url, seen, work, before_commit=before_commit)
        if moved.package is not None:
            result = safety.import_file(
                db.path, moved.package, None,
                backup=lambda p: backup_file(p, sync_service.BACKUP_LABEL))
            if result.changed_database:
                sync_service.after_changing_import(db)
            merged = result.as_dict()
    return {"hub": hub_schema.where(url), "pushed": moved.pushed, "pulled": moved.pulled,
            "merged": merged,
            "changed_database": bool(merged and merged["changed_database"])}
