"""Fixtures for the assessment services: a small checklist inserted straight into its tables.

The checklist service imports real YAML files; these tests need only rows to point at, so they
do not depend on it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from assessor.services.agencies import create_agency
from assessor.store.db import Database
from assessor.store.models import Checklist, ChecklistDimension, ChecklistQuestion, derived_id

SCALE = [{"level": n, "name": {"sv": f"Nivå {n}", "en": f"Level {n}"}} for n in range(5)]


@dataclass(frozen=True)
class SmallChecklist:
    id: str
    dimensions: tuple[str, ...]  # dimension ids, keys "d1", "d2"
    questions: dict[str, tuple[str, ...]]  # dimension id -> its question ids

    @property
    def all_questions(self) -> tuple[str, ...]:
        return tuple(q for d in self.dimensions for q in self.questions[d])


def insert_checklist(
    db: Database, key: str = "small", dimensions: int = 2, per_dimension: int = 3
) -> SmallChecklist:
    checklist_id = derived_id("test-checklist", key)
    dims: list[str] = []
    questions: dict[str, tuple[str, ...]] = {}
    with db.transaction() as s:
        s.add(
            Checklist(
                id=checklist_id,
                key=key,
                version="1",
                content_hash="0" * 64,
                title={"sv": "Liten", "en": "Small"},
                languages=["sv", "en"],
                scale=SCALE,
                source="",
            )
        )
        s.flush()
        for d in range(1, dimensions + 1):
            dim_id = derived_id("test-dimension", key, str(d))
            s.add(
                ChecklistDimension(
                    id=dim_id,
                    checklist_id=checklist_id,
                    key=f"d{d}",
                    position=d,
                    title={"sv": f"Dimension {d}", "en": f"Dimension {d}"},
                )
            )
            s.flush()
            qs = []
            for q in range(1, per_dimension + 1):
                q_id = derived_id("test-question", key, str(d), str(q))
                s.add(
                    ChecklistQuestion(
                        id=q_id,
                        checklist_id=checklist_id,
                        dimension_id=dim_id,
                        key=f"q{d}.{q}",
                        position=q,
                        text={"sv": f"Fråga {d}.{q}", "en": f"Question {d}.{q}"},
                        descriptors={str(n): {"sv": "", "en": ""} for n in range(5)},
                    )
                )
                qs.append(q_id)
            dims.append(dim_id)
            questions[dim_id] = tuple(qs)
    return SmallChecklist(checklist_id, tuple(dims), questions)


@pytest.fixture
def small_checklist(db: Database) -> SmallChecklist:
    return insert_checklist(db)


@pytest.fixture
def agency_id(db: Database) -> str:
    with db.transaction() as s:
        return create_agency(s, name="Skatteverket", org_number="202100-5448")


def other_checklist_question(db: Database) -> str:
    """A question of a second checklist, which no assessment of the first may answer."""
    return insert_checklist(db, key="other", dimensions=1, per_dimension=1).all_questions[0]


@pytest.fixture
def other_question(db: Database) -> str:
    return other_checklist_question(db)
