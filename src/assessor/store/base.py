"""The declarative base of every table, and the ids and stamps every synced row has
(store/models.py says the rules; docs/sync.md why)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import JSON, DateTime, ForeignKey, MetaData, String, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMESPACE = uuid.UUID("6f0b5d1e-63b2-4c0e-9a55-3c1d2f7e8a90")

naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    return str(uuid.uuid4())


def derived_id(*parts: str) -> str:
    """A deterministic id for a row whose identity is its content."""
    return str(uuid.uuid5(NAMESPACE, "\x1f".join(parts)))


def table_of(model: type[Base]) -> Table:
    """The Table of a mapped class (typed: ``__table__`` is only known as a FromClause)."""
    return cast(Table, model.__table__)


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=naming_convention)
    type_annotation_map = {dict[str, Any]: JSON, dict[str, str]: JSON, list[Any]: JSON}


class Synced(Base):
    """Columns every synced table has."""

    __abstract__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)


def fk(target: str, nullable: bool = False) -> Any:
    """A foreign key to ``target``'s id, indexed (sync and the services find rows by it)."""
    return mapped_column(String(36), ForeignKey(f"{target}.id"), nullable=nullable, index=True)
