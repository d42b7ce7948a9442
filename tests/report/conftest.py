"""Reports are built with a fixed date, so that runs compare byte for byte."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _fixed_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1773446400")
