"""Agencies assessed on another framework, read into the portfolio through a mapping set.

One agency scored on NIST CSF 1.1, the next on CSF 2.0: with a kept mapping set between the
two, the first agency's latest assessment is read as CSF 2.0 (services.mappings) and joins the
CSF 2.0 portfolio, marked as mapped. Its dimension scores are the mapped ones; it has no
question levels of its own there, so it counts in the common gaps by dimension only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy.orm import Session

from assessor.services.mappings import reachable_checklists, read_assessment_as
from assessor.services.portfolio_rows import AgencyRow, TrendPoint


def mapped_rows(
    session: Session,
    checklist_id: str,
    present: set[str],
    assessments_of: Callable[[Sequence[str]], list[Any]],
) -> list[AgencyRow]:
    """A row per agency not in ``present`` whose latest assessment (passing the filter, as
    ``assessments_of`` gives them oldest first) is on a checklist mapped to ``checklist_id``."""
    reach = {r.checklist_id: r for r in reachable_checklists(session, checklist_id)}
    if not reach:
        return []
    newest: dict[str, Any] = {}
    for a in assessments_of(list(reach)):
        if a.agency_id not in present:
            newest[a.agency_id] = a
    rows = []
    for a in newest.values():
        via = reach[a.checklist_id]
        reading = read_assessment_as(session, a.id, via.mapping.id, checklist_id).reading
        rows.append(
            AgencyRow.of(
                a,
                reading.overall,
                {d.key: d.score for d in reading.dimensions},
                {},
                (TrendPoint(a.id, a.assessed_on, a.status, reading.overall),),
                mapped_from=f"{via.key} {via.version}",
            )
        )
    return rows
