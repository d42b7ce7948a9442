"""assessor demo ... (commands added by the demo work)."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    """No demo commands yet."""
