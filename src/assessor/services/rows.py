"""Shared row operations: fetch a live row, apply checked changes, soft delete."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from assessor.domain.errors import ValidationError, row_not_found
from assessor.store.models import Synced, utcnow

T = TypeVar("T", bound=Synced)


def sql_connection(session: Session) -> sqlite3.Connection:
    """The SQLite connection under ``session``, its pending changes flushed first: where the
    plain reads of services.agency_reads run inside a service."""
    session.flush()
    raw = session.connection().connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def get_live(session: Session, model: type[T], row_id: str) -> T:
    row = session.get(model, row_id)
    if row is None or row.deleted_at is not None:
        raise row_not_found(model.__tablename__.replace("_", " "), row_id)
    return row


def add_new(session: Session, row: Synced, row_id: str | None) -> None:
    """Add a new row and flush, so its id is known; ``row_id`` is an id chosen by the caller
    (the demo, an import), else the row keeps the one it was made with."""
    if row_id is not None:
        row.id = row_id
    session.add(row)
    session.flush()


def apply(row: Synced, changes: Mapping[str, Any], allowed: frozenset[str]) -> bool:
    """Set the allowed fields that differ; return whether anything changed."""
    unknown = set(changes) - allowed
    if unknown:
        raise ValidationError(sorted(unknown)[0], f"unknown field(s): {', '.join(sorted(unknown))}")
    changed = False
    for field, value in changes.items():
        if getattr(row, field) != value:
            setattr(row, field, value)
            changed = True
    return changed


def soft_delete(row: Synced) -> None:
    if row.deleted_at is None:
        row.deleted_at = utcnow()


def restore(row: Synced) -> None:
    row.deleted_at = None


def restore_by_id(session: Session, model: type[T], row_id: str) -> T:
    """Undo a deletion (the same row and id come back); a row never stored is not found."""
    row = session.get(model, row_id)
    if row is None:
        raise row_not_found(model.__tablename__.replace("_", " "), row_id)
    restore(row)
    return row


def required_text(field: str, value: str, what: str) -> str:
    text = value.strip()
    if not text:
        raise ValidationError(field, f"{what} cannot be empty", code="field.empty", what=what)
    return text
