"""Change stamping for sync: filled in by the sync work (see docs/sync.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assessor.store.db import Database


def install(db: Database) -> None:
    """Attach the session hooks that stamp every change; nothing to attach yet."""
