"""A realistic, deterministic demo database, and random user-like edits for exercising sync.

Everything comes from one random.Random(seed): the same seed gives the same rows, ids
included, and the created/updated stamps come from a simulated clock, never the wall clock.
All rows are made through the service functions, as a user's edits would be.

Real agency names and organisation numbers come from words.KNOWN_AGENCIES; agencies beyond
those get generated names and SYNTHETIC organisation numbers (see words.py).

One job per module: clock.py (the simulated clock), bulk.py (one unit of work without a
flush per row), checklist.py (what is scored against), people.py, meetings.py and
assessments.py (the builder's layers), builder.py (build_demo), mutations.py (mutate),
summary.py (counting what a database holds).
"""

from __future__ import annotations

from assessor.services.demo.builder import (
    ANSWERS_PER_AGENCY,
    CHECKPOINT_EVERY,
    MAX_AGENCIES,
    MEETINGS_PER_AGENCY,
    Builder,
    build_demo,
)
from assessor.services.demo.checklist import (
    DEFAULT_CHECKLIST_KEY,
    ChecklistInfo,
    DimensionInfo,
    load_checklist_info,
)
from assessor.services.demo.clock import Clock, stamped_by
from assessor.services.demo.mutations import MUTATIONS, mutate
from assessor.services.demo.summary import DemoSummary, count_rows, has_user_data

__all__ = [
    "ANSWERS_PER_AGENCY",
    "CHECKPOINT_EVERY",
    "DEFAULT_CHECKLIST_KEY",
    "MAX_AGENCIES",
    "MEETINGS_PER_AGENCY",
    "MUTATIONS",
    "Builder",
    "ChecklistInfo",
    "Clock",
    "DemoSummary",
    "DimensionInfo",
    "build_demo",
    "count_rows",
    "has_user_data",
    "load_checklist_info",
    "mutate",
    "stamped_by",
]
