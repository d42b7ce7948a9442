"""assessor report ... (commands added by the report work)."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    """No report commands yet."""
