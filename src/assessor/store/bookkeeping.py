"""The sync engine's own tables: settled conflicts on record (synced), each row's clock, site
numbers, and the local meta and import history (never synced)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from assessor.store.base import Base, Synced


class SyncConflict(Synced):
    """A settled conflict on record: the value not kept, and the write that settled it
    (winner_*). Live ones follow from the clocks (sync_row). Written once, never changed (a
    grow-only set); the id is derived from the settling write and the version it ended."""

    __tablename__ = "sync_conflict"
    table_name: Mapped[str] = mapped_column(Text)
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    field_group: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))  # "edit" or "delete"
    winner_hlc: Mapped[str] = mapped_column(Text)
    winner_site: Mapped[str] = mapped_column(String(36))
    loser_hlc: Mapped[str] = mapped_column(Text)
    loser_site: Mapped[str] = mapped_column(String(36))
    loser_value: Mapped[dict[str, Any]] = mapped_column(JSON)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)


class SyncRow(Base):
    """One synced row's clock (domain/rowclock.py, encoded by store/clocks.py); `top` (its
    latest hlc) and `conflicted` follow from it, as columns for SQL to find rows by."""

    __tablename__ = "sync_row"
    __table_args__ = {"sqlite_with_rowid": False}
    table_name: Mapped[str] = mapped_column(Text, primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    clock: Mapped[str] = mapped_column(Text)
    top: Mapped[int] = mapped_column(Integer)
    conflicted: Mapped[int] = mapped_column(Integer, default=0)


Index("ix_sync_row_conflicted", SyncRow.conflicted, sqlite_where=SyncRow.conflicted == 1)


class SyncSite(Base):
    """Site ids as small numbers for the clocks (local; a package carries its own)."""

    __tablename__ = "sync_site"
    no: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    site_id: Mapped[str] = mapped_column(String(36), unique=True)


class Meta(Base):
    """Local, never synced: site id, clock, the file's identity."""

    __tablename__ = "local_meta"
    key: Mapped[str] = mapped_column(Text, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ImportedPackage(Base):
    """Local history of imported sync packages."""

    __tablename__ = "local_import"
    package_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    file_name: Mapped[str] = mapped_column(Text)
    from_site: Mapped[str] = mapped_column(String(36))
    summary: Mapped[dict[str, Any]] = mapped_column(JSON)
