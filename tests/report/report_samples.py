"""Hand-built ReportData (Swedish letters, hostile text, confidential notes); PDF reading."""

from __future__ import annotations

import io
import lzma
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from pypdf import PdfReader

from assessor.report.data import (
    AnswerItem,
    DimensionResult,
    FindingItem,
    MeetingItem,
    MeetingNoteItem,
    PreviousRecommendation,
    RecommendationItem,
    ReportData,
    ScaleLevel,
)
from assessor.services.agencies import create_agency
from assessor.services.answers import set_answer
from assessor.services.assessments import create_assessment
from assessor.services.checklists import import_checklist, load_checklist, question_row_id
from assessor.store.db import Database

HOSTILE = '<b>fet</b> & <img src="../../secret.png"/> <font size=99>STOR</font>'
SECRET = "HEMLIGT-7731 får inte läcka"
SECRET_ENTRY = "KONFIDENTIELL-4410 notering"
# drawn by DejaVu but beyond U+FFFF: its text in the PDF needs a UTF-16 pair
EMOJI = "Bra jobbat \U0001f600 \u2603"
LONG_WORD = "Informationssäkerhetssamordningsfunktionsutvecklingsprojektledningsgrupp" * 2

DIMENSIONS = (
    ("strategy", "Strategi och styrning", 2.5, 3.0),
    ("data", "Data och information", 1.25, 3.0),
    ("security", "Informationssäkerhet", 3.5, 3.5),
    ("services", "Digitala tjänster för Åre, Älvsbyn och Örebro", 2.0, 3.0),
    ("competence", "Kompetens och kultur", 0.75, 2.0),
    ("reuse", "Samverkan och återanvändning", 3.0, 3.0),
)


def sample_data(language: str = "sv", **changes: object) -> ReportData:
    sv = language == "sv"
    scale = tuple(
        ScaleLevel(level, name)
        for level, name in enumerate(
            ("Saknas", "Initial", "Upprepbar", "Definierad", "Optimerad")
            if sv
            else ("Missing", "Initial", "Repeatable", "Defined", "Optimised")
        )
    )
    dims = tuple(
        DimensionResult(
            key=k,
            title=title,
            weight=1.0 + i % 2,
            score=score,
            target=target,
            coverage=0.75,
            answered=3,
            applicable=4,
            total=5,
        )
        for i, (k, title, score, target) in enumerate(DIMENSIONS)
    )
    answers = []
    for k, _title, _s, _t in DIMENSIONS:
        for q in range(1, 6):
            answers.append(
                AnswerItem(
                    dimension_key=k,
                    question_key=f"{k}.{q}",
                    question=f"Hur väl fungerar {k} {q}? Är ansvaret tydligt fördelat?",
                    level=None if q == 5 else (q % 5),
                    not_applicable=(q == 4),
                    comment=HOSTILE if (k == "data" and q == 1) else f"Kommentar om {k} {q}: åäö",
                    confidence=("low", "medium", "high")[q % 3],
                )
            )
    data = ReportData(
        language=language,
        agency_name="Myndigheten för digital förvaltning i Östra Göinge",
        assessment_title="Mognadsbedömning våren 2026",
        assessed_on=date(2026, 3, 14),
        status="draft",
        agency_org_number="202100-6255",
        agency_ministry="Finansdepartementet",
        advisors=("Åsa Öberg", "Émile Ärlig"),
        checklist_title="Digital mognad",
        checklist_version="1.0",
        scale=scale,
        dimensions=dims,
        overall=2.17,
        overall_percent=54.2,
        band="Definierad" if sv else "Defined",
        summary="Myndigheten har kommit långt men saknar en idé om datastrategi.\n"
        + HOSTILE
        + f"\n{EMOJI}",
        answers=tuple(answers),
        findings=(
            FindingItem("strength", "Tydlig ledning", "Ledningen äger frågan.", "strategy"),
            FindingItem("weakness", HOSTILE, "Ingen förvaltning av grunddata.", "data"),
            FindingItem("risk", "Beroende av en person", LONG_WORD, "competence"),
            FindingItem("good_practice", "Delad e-tjänsteplattform", "Återanvänds av tre.", None),
        ),
        recommendations=(
            RecommendationItem(
                "Ta fram en datastrategi",
                "Börja med grunddata.",
                "Data saknar ägare.",
                "high",
                "short",
                "agreed",
                ("data", "strategy"),
                "Vi instämmer.",
            ),
            RecommendationItem(
                "Inför kompetensplan",
                "Årlig plan.",
                "Kompetensbrist.",
                "medium",
                "medium",
                "proposed",
                ("competence",),
            ),
            RecommendationItem(
                "Låna Skatteverkets mallar", "", "", "low", "long", "proposed", ("reuse",)
            ),
            RecommendationItem(HOSTILE, HOSTILE, HOSTILE, "high", "medium", "proposed", ()),
        ),
        previous_assessed_on=date(2025, 3, 1),
        previous_recommendations=(
            PreviousRecommendation("Utse en informationsägare", "high", "done", "Klart.", True),
            PreviousRecommendation("Inventera system", "medium", "in_progress", "", False),
        ),
        meetings=(
            MeetingItem(
                starts_at=datetime(2026, 3, 10, 9, 0),
                title="Startmöte",
                kind="visit",
                place="Kontoret i Växjö",
                participants=("Örjan Ek (CIO)", "Åke Ål"),
                advisors=("Åsa Öberg",),
                decisions="Beslut: intervjuer bokas.",
                notes="Öppna anteckningar från startmötet.",
                note_entries=(
                    MeetingNoteItem(datetime(2026, 3, 10, 9, 30), "Öppen notering"),
                    MeetingNoteItem(datetime(2026, 3, 10, 9, 40), SECRET_ENTRY, True),
                ),
            ),
            MeetingItem(
                starts_at=datetime(2026, 3, 12, 13, 0),
                title="Säkerhetsgenomgång",
                kind="workshop",
                participants=("Säkerhetschef",),
                decisions="Inga beslut.",
                notes=SECRET,
                confidential=True,
                note_entries=(MeetingNoteItem(None, SECRET + " igen"),),
            ),
        ),
        overall_explanation="Index = (2,5·1 + 1,25·2 + …) / 9 = 2,17",
        dimension_explanations={"data": "Nivå = (1·1 + 2·1 + 3·1) / 3 = 2,0 " + HOSTILE},
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def pdf_pages(pdf: bytes) -> list[str]:
    """The text of each page, as a reader copying it out would get it."""
    reader = PdfReader(io.BytesIO(pdf))
    return [page.extract_text() or "" for page in reader.pages]


def flat(text: str) -> str:
    """Text with line breaks and runs of spaces made single spaces (wrapping is not content)."""
    return " ".join(text.split())


ESSENTIAL_EIGHT = Path(__file__).parents[1] / "samples" / "ciso" / "essential-eight.yaml.xz"


def essential_eight_assessment(db: Database) -> str:
    """An assessment on Essential Eight, a framework that names no scale of its own (its default
    names are in English only), with five questions answered at level 2; its id."""
    with db.transaction() as s:
        imported = import_checklist(s, lzma.decompress(ESSENTIAL_EIGHT.read_bytes()), "e8.yaml")
        cid = imported.checklist_id
        doc = load_checklist(s, cid)
        assessment = create_assessment(
            s, create_agency(s, name="Skatteverket"), checklist_id=cid, assessed_on=date(2026, 3, 1)
        )
        for _, question in list(doc.questions())[:5]:
            set_answer(s, assessment, question_row_id(cid, question.id), level=2)
    return assessment
