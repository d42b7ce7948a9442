"""Rows of the synced tables as plain JSON-ready values, and back (archive and spreadsheets)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, Table
from sqlalchemy.sql.type_api import TypeEngine


def to_plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def from_plain(column_type: TypeEngine[Any], value: Any) -> Any:
    """The Python value for a column from its JSON form; raises ValueError on a wrong type."""
    if value is None:
        return None
    if isinstance(column_type, DateTime):
        return datetime.fromisoformat(str(value))
    if isinstance(column_type, Date):
        return date.fromisoformat(str(value))
    if isinstance(column_type, Boolean):
        if not isinstance(value, bool):
            raise ValueError(f"expected true or false, got {value!r}")
        return value
    if isinstance(column_type, Integer):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"expected a whole number, got {value!r}")
        return value
    if isinstance(column_type, Float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"expected a number, got {value!r}")
        return float(value)
    return value


def column_kind(column_type: TypeEngine[Any]) -> str:
    """The JSON Schema-ish type name of a column, for the archive's documentation."""
    if isinstance(column_type, DateTime):
        return "date-time"
    if isinstance(column_type, Date):
        return "date"
    if isinstance(column_type, Boolean):
        return "boolean"
    if isinstance(column_type, Integer):
        return "integer"
    if isinstance(column_type, Float):
        return "number"
    if column_type.__class__.__name__ == "JSON":
        return "json"
    return "string"


def row_dict(table: Table, row: Any) -> dict[str, Any]:
    return {c.name: to_plain(v) for c, v in zip(table.columns, row, strict=True)}
