"""assessor checklist ... (commands added by the checklist work)."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    """No checklist commands yet."""
