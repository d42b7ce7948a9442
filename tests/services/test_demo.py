from __future__ import annotations

import shutil
import time
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from assessor.domain import orgnr
from assessor.domain.errors import BadInput
from assessor.services import demo
from assessor.services.demo.words import KNOWN_AGENCIES
from assessor.services.setup import check_database, init_database
from assessor.store.db import Database
from assessor.store.digest import digest
from assessor.store.models import (
    Agency,
    Answer,
    Evidence,
    Finding,
    Meeting,
    MeetingNote,
    Recommendation,
)

SMALL = 3


def _build(path: Path, seed: int, agencies: int = SMALL) -> str:
    with init_database(path) as db:
        with db.transaction() as s:
            demo.build_demo(s, seed=seed, agencies=agencies)
        with db.read() as s:
            return digest(s)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """One small demo database, shared by the tests that only read it."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    return path, _build(path, seed=5)


def test_same_seed_same_data_different_seed_other_data(
    tmp_path: Path, built: tuple[Path, str]
) -> None:
    _, first = built
    assert _build(tmp_path / "again.db", seed=5) == first
    assert _build(tmp_path / "other.db", seed=6) != first


def test_stamps_come_from_the_seeded_clock(tmp_path: Path, built: tuple[Path, str]) -> None:
    path, _ = built
    _build(tmp_path / "again.db", seed=5)

    def stamps(p: Path) -> list[tuple[str, object, object]]:
        with Database(p) as db, db.read() as s:
            return [
                tuple(r)
                for r in s.execute(  # type: ignore[misc]
                    select(Meeting.id, Meeting.created_at, Meeting.updated_at).order_by(Meeting.id)
                )
            ]

    first = stamps(path)
    assert first == stamps(tmp_path / "again.db")
    assert all(created.year < 2027 for _, created, _ in first)  # type: ignore[attr-defined]


def test_counts_and_content_are_plausible(built: tuple[Path, str]) -> None:
    path, _ = built
    with Database(path) as db, db.read() as s:
        summary = demo.count_rows(s)
        assert summary.agencies == SMALL
        low, high = demo.MEETINGS_PER_AGENCY
        assert low * SMALL <= summary.meetings <= (high + 2) * SMALL
        assert summary.assessments >= SMALL
        assert summary.answers >= summary.assessments * 5
        assert summary.findings > 0 and summary.recommendations > 0
        assert summary.templates > 0 and summary.advisors >= 4
        names = sorted(s.scalars(select(Agency.name)))
        assert names == sorted(name for name, *_ in KNOWN_AGENCIES[:SMALL])
        assert (s.scalar(select(func.count()).where(Answer.not_applicable)) or 0) > 0
        assert (s.scalar(select(func.count()).select_from(Evidence)) or 0) > 0
        assert (s.scalar(select(func.count()).select_from(MeetingNote)) or 0) > 0
        reused = s.scalar(
            select(func.count())
            .select_from(Recommendation)
            .where(Recommendation.template_id.is_not(None))
        )
        assert (reused or 0) > 0
        kinds = set(s.scalars(select(Finding.kind)))
        assert {"strength", "weakness"} <= kinds
    assert check_database(path) == []


def test_known_agencies_have_valid_unique_numbers() -> None:
    numbers = [number for _, number, _, _ in KNOWN_AGENCIES]
    assert all(orgnr.is_valid(n) for n in numbers)
    assert len(set(numbers)) == len(numbers)


def test_generated_agencies_have_valid_unique_names_and_numbers(db: Database) -> None:
    with db.transaction() as s:
        specs = demo.Builder(s, 1, demo.Clock(datetime(2024, 1, 1))).agency_specs(400)
    assert len(specs) == 400
    assert len({name for name, *_ in specs}) == 400
    numbers = [number for _, number, _, _ in specs]
    assert len(set(numbers)) == 400 and all(orgnr.is_valid(n) for n in numbers)
    assert any(name.startswith("Länsstyrelsen i ") for name, *_ in specs)


def test_refuses_a_database_with_data(built: tuple[Path, str]) -> None:
    path, first = built
    with Database(path) as db:
        with pytest.raises(BadInput), db.transaction() as s:
            demo.build_demo(s, seed=1, agencies=1)
        with db.read() as s:
            assert digest(s) == first


def test_bad_agency_count_is_refused(db: Database) -> None:
    with pytest.raises(BadInput), db.transaction() as s:
        demo.build_demo(s, agencies=0)


def test_mutate_changes_data_deterministically_and_keeps_the_file_clean(
    tmp_path: Path, built: tuple[Path, str]
) -> None:
    path, first = built
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    shutil.copyfile(path, a)
    shutil.copyfile(path, b)
    results = []
    for p in (a, b):
        with Database(p) as db:
            done = demo.mutate(db, count=40, seed=9)
            assert len(done) == 40
            assert any(d.startswith("deleted") for d in done)
            with db.read() as s:
                results.append(digest(s))
        assert check_database(p) == []
    assert results[0] == results[1] != first
    with Database(a) as db:
        demo.mutate(db, count=40, seed=9)  # the same seed again: new edits, no clash
        with db.read() as s:
            assert digest(s) != results[0]
    assert check_database(a) == []


@pytest.mark.slow
def test_large_demo_size_and_time(tmp_path: Path) -> None:
    path = tmp_path / "large.db"
    with init_database(path) as db:
        began = time.perf_counter()
        with db.transaction() as s:
            summary = demo.build_demo(s, seed=1, agencies=300)
        elapsed = time.perf_counter() - began
    assert summary.agencies == 300
    assert 2500 <= summary.meetings <= 3500
    assert 28_000 <= summary.answers <= 45_000
    assert elapsed < 60, f"took {elapsed:.1f} s"
