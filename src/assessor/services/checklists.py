"""Checklists: importing, listing, the default model (filled in by the checklist work)."""

from __future__ import annotations

from sqlalchemy.orm import Session


def ensure_default(session: Session) -> None:
    """Import the shipped default checklist if this database lacks it."""
