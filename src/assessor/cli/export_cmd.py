"""assessor export ... (commands added by the export work)."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    """No export commands yet."""
