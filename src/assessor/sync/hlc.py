"""Clock rules of the import: how far ahead a stamp may be before it is held back."""

from __future__ import annotations

from assessor.domain.hlc import MAX_COUNTER, ZERO, Hlc, receive, tick, wall_millis

__all__ = ["FUTURE_LIMIT_MS", "ZERO", "Hlc", "future_limit", "receive", "tick"]

# A laptop whose clock is wrong by more than this would win every edit for as long as it is
# ahead; its stamps are held back instead of merged (and do not move the local clock).
FUTURE_LIMIT_MS = 24 * 60 * 60 * 1000


def future_limit(now_millis: int | None = None) -> str:
    """The highest stamp an import accepts now, as comparable text."""
    now = wall_millis() if now_millis is None else now_millis
    return str(Hlc(now + FUTURE_LIMIT_MS, MAX_COUNTER))
