"""assessor sync ... (commands added by the sync work)."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    """No sync commands yet."""
