"""Rows of the synced tables as plain JSON-ready values, and back (archive and spreadsheets)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, String, Table
from sqlalchemy.sql.type_api import TypeEngine

from assessor.domain.messages import Detail


def to_plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def from_plain(column_type: TypeEngine[Any], value: Any) -> Any:
    """The Python value for a column from its JSON form; raises ValueError on a wrong type."""
    if value is None:
        return None
    if isinstance(column_type, DateTime | Date):
        kind = datetime if isinstance(column_type, DateTime) else date
        if not isinstance(value, str) or len(value) > 40:
            raise ValueError(Detail("expected a date, got {value}", value=_shown(value)))
        try:
            return kind.fromisoformat(value)
        except ValueError:
            raise ValueError(Detail("expected a date, got {value}", value=_shown(value))) from None
    if isinstance(column_type, Boolean):
        if not isinstance(value, bool):
            raise ValueError(Detail("expected true or false, got {value}", value=_shown(value)))
        return value
    if isinstance(column_type, Integer):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(Detail("expected a whole number, got {value}", value=_shown(value)))
        return value
    if isinstance(column_type, Float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(Detail("expected a number, got {value}", value=_shown(value)))
        return float(value)
    if isinstance(column_type, JSON):
        if not isinstance(value, dict | list):
            raise ValueError(
                Detail("expected an object or a list, got {value}", value=_shown(value))
            )
        return value
    if isinstance(column_type, String) and not isinstance(value, str):
        raise ValueError(Detail("expected text, got {value}", value=_shown(value)))
    return value


def _shown(value: Any) -> str:
    """A wrong value in a message, cut short (it comes from a file, it may be huge)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**30:
        return "a very long number"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


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
