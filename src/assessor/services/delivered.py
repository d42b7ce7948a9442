"""What a delivered report said: the scores and answers as they stood when it was exported.

A report record keeps them (report_record.scores, canonical JSON) beside the PDF's SHA-256,
so an assessment reopened and scored again still shows what the agency was given, and the
two can be compared. Plain JSON rather than rows: it is a snapshot, never edited, and it
travels with the record it belongs to.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from assessor.services.scores import assessment_score_details

FORMAT = 1


@dataclass(frozen=True)
class Delivered:
    profile: str
    overall: float | None
    dimensions: dict[str, float | None]
    """Dimension key -> its score as delivered."""
    answers: dict[str, int | str]
    """Question key -> the level delivered, or "n/a"; unanswered questions are left out."""


def snapshot(session: Session, assessment_id: str, profile: str | None = None) -> str:
    """The assessment's scores and answers now, as the canonical JSON a record keeps."""
    details = assessment_score_details(session, assessment_id, profile)
    answers: dict[str, int | str] = {}
    for a in details.answers:
        if a.not_applicable:
            answers[a.question_key] = "n/a"
        elif a.level is not None:
            answers[a.question_key] = a.level
    data: dict[str, Any] = {
        "format": FORMAT,
        "profile": profile or "",
        "overall": details.result.overall,
        "dimensions": {d.key: d.score for d in details.result.dimensions},
        "answers": answers,
    }
    return json.dumps(data, separators=(",", ":"), sort_keys=True, ensure_ascii=False)


def read(text: str) -> Delivered | None:
    """The snapshot in a record; None for a record from before snapshots were kept, or one
    whose snapshot this version cannot read."""
    if not text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    overall = data.get("overall")
    dims, answers = data.get("dimensions"), data.get("answers")
    if not isinstance(dims, dict) or not isinstance(answers, dict):
        return None
    return Delivered(
        profile=str(data.get("profile", "")),
        overall=float(overall) if isinstance(overall, int | float) else None,
        dimensions={
            str(k): float(v) if isinstance(v, int | float) else None for k, v in dims.items()
        },
        answers={str(k): v for k, v in answers.items() if isinstance(v, int | str)},
    )
