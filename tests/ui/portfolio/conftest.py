"""The portfolio UI tests use the hand-made agencies of the service tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "services"))

from portfolio_sample import Sample, build_sample

from assessor.store.db import Database


@pytest.fixture
def pf(db: Database) -> Sample:
    return build_sample(db)
