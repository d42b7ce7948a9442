"""Assessments, answers, findings, recommendations and action items as XLSX sheets or CSV files."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from assessor.domain.csv_safety import neutral_cell
from assessor.domain.errors import BadInput
from assessor.services.files import write_atomically
from assessor.store.models import (
    ActionItem,
    Agency,
    Answer,
    Assessment,
    Checklist,
    ChecklistDimension,
    ChecklistQuestion,
    Finding,
    Meeting,
    Recommendation,
)

Cell = str | int | float | bool | date | datetime | None


# what one row of a sheet is, as domain.counts words it ("26 bedömningar"): the sheets and
# their headings keep their code names, the same in both languages (a data export)
ROW_NOUNS = {
    "assessments": "assessment",
    "answers": "answer",
    "findings": "finding",
    "recommendations": "recommendation",
    "action_items": "action_item",
}


@dataclass(frozen=True)
class Sheet:
    name: str
    header: tuple[str, ...]
    rows: list[tuple[Cell, ...]]

    @property
    def row_noun(self) -> str:
        return ROW_NOUNS[self.name]


def _live(*models: Any) -> list[Any]:
    return [m.deleted_at.is_(None) for m in models]


def _text(value: Any, lang: str) -> str:
    if isinstance(value, dict):
        return str(value.get(lang) or next(iter(value.values()), ""))
    return str(value or "")


Query = Select[Any]


def _sheet(
    session: Session,
    name: str,
    columns: Sequence[tuple[str, Any]],
    query: Callable[[Query], Query],
    cells: Callable[[Any], tuple[Cell, ...]] = tuple,
) -> Sheet:
    """A sheet of ``columns`` (heading and column, in order), read by ``query``."""
    rows = session.execute(query(select(*(column for _, column in columns)))).all()
    return Sheet(name, tuple(heading for heading, _ in columns), [cells(r) for r in rows])


def _in_assessments(model: Any, query: Query) -> Query:
    """``query`` over rows of an assessment: with its assessment and agency, all three live."""
    return (
        query.join(Assessment, Assessment.id == model.assessment_id)
        .join(Agency, Agency.id == Assessment.agency_id)
        .where(*_live(model, Assessment, Agency))
    )


def sheets(session: Session, lang: str = "en") -> list[Sheet]:
    """Every sheet of the export, rows ordered so two exports of the same data are equal."""
    dim = aliased(ChecklistDimension)
    return [
        _sheet(
            session,
            "assessments",
            (
                ("assessment_id", Assessment.id),
                ("agency", Agency.name),
                ("org_number", Agency.org_number),
                ("title", Assessment.title),
                ("assessed_on", Assessment.assessed_on),
                ("status", Assessment.status),
                ("checklist", Checklist.key),
                ("checklist_version", Checklist.version),
            ),
            lambda q: (
                q.join(Agency, Agency.id == Assessment.agency_id)
                .join(Checklist, Checklist.id == Assessment.checklist_id)
                .where(*_live(Assessment, Agency))
                .order_by(Agency.name, Assessment.assessed_on, Assessment.id)
            ),
        ),
        _sheet(
            session,
            "answers",
            (
                ("assessment_id", Answer.assessment_id),
                ("agency", Agency.name),
                ("dimension", ChecklistDimension.key),
                ("question", ChecklistQuestion.key),
                ("question_text", ChecklistQuestion.text),
                ("level", Answer.level),
                ("not_applicable", Answer.not_applicable),
                ("confidence", Answer.confidence),
                ("for_review", Answer.for_review),
                ("comment", Answer.comment),
            ),
            lambda q: (
                _in_assessments(Answer, q)
                .join(ChecklistQuestion, ChecklistQuestion.id == Answer.question_id)
                .join(ChecklistDimension, ChecklistDimension.id == ChecklistQuestion.dimension_id)
                .order_by(
                    Agency.name,
                    Answer.assessment_id,
                    ChecklistDimension.position,
                    ChecklistQuestion.position,
                )
            ),
            lambda r: (r[0], r[1], r[2], r[3], _text(r[4], lang), r[5], r[6], r[7], r[8], r[9]),
        ),
        _sheet(
            session,
            "findings",
            (
                ("finding_id", Finding.id),
                ("assessment_id", Finding.assessment_id),
                ("agency", Agency.name),
                ("kind", Finding.kind),
                ("dimension", dim.key),
                ("title", Finding.title),
                ("text", Finding.text),
            ),
            lambda q: (
                _in_assessments(Finding, q)
                .outerjoin(dim, dim.id == Finding.dimension_id)
                .order_by(Agency.name, Finding.assessment_id, Finding.id)
            ),
        ),
        _sheet(
            session,
            "recommendations",
            (
                ("recommendation_id", Recommendation.id),
                ("assessment_id", Recommendation.assessment_id),
                ("agency", Agency.name),
                ("title", Recommendation.title),
                ("priority", Recommendation.priority),
                ("horizon", Recommendation.horizon),
                ("status", Recommendation.status),
                ("text", Recommendation.text),
                ("rationale", Recommendation.rationale),
                ("agency_response", Recommendation.agency_response),
            ),
            lambda q: _in_assessments(Recommendation, q).order_by(
                Agency.name, Recommendation.assessment_id, Recommendation.id
            ),
        ),
        _sheet(
            session,
            "action_items",
            (
                ("action_item_id", ActionItem.id),
                ("agency", Agency.name),
                ("meeting_at", Meeting.starts_at),
                ("title", ActionItem.title),
                ("owner", ActionItem.owner),
                ("due_on", ActionItem.due_on),
                ("done", ActionItem.done),
            ),
            lambda q: (
                q.join(Agency, Agency.id == ActionItem.agency_id)
                .outerjoin(Meeting, Meeting.id == ActionItem.meeting_id)
                .where(*_live(ActionItem, Agency))
                .order_by(Agency.name, ActionItem.due_on, ActionItem.id)
            ),
        ),
    ]


# What a worksheet's XML cannot hold: C0 controls other than tab and the line ends. openpyxl
# refused a comment holding one with a traceback (Word's manual line break is \x0b).
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
XLSX_CELL_CHARS = 32767  # Excel's limit; a longer cell made it "repair" (cut) the workbook


def xlsx_text(value: str) -> str:
    """Text a worksheet cell can hold: Word's line and page breaks as line ends, other control
    characters left out, and past Excel's limit cut with "…" (the CSV files keep it whole)."""
    value = _NOT_IN_XML.sub(lambda m: "\n" if m.group() in "\x0b\x0c" else "", value)
    if len(value) > XLSX_CELL_CHARS:
        value = value[: XLSX_CELL_CHARS - 1] + "…"
    return value


def write_xlsx(all_sheets: list[Sheet], out: Path) -> None:
    """One sheet each: typed cells, a frozen bold header row, filters on."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for sheet in all_sheets:
        ws = book.create_sheet(sheet.name)
        ws.append(list(sheet.header))
        for cell in ws[1]:
            cell.font = bold
        for row in sheet.rows:
            ws.append([xlsx_text(v) if isinstance(v, str) else v for v in row])
            for cell in ws[ws.max_row]:
                # openpyxl would store text starting with "=" as a formula: keep it text
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"
        ws.freeze_panes = "A2"
        last = get_column_letter(len(sheet.header))
        ws.auto_filter.ref = f"A1:{last}{len(sheet.rows) + 1}"
        for i, name in enumerate(sheet.header, start=1):
            ws.column_dimensions[get_column_letter(i)].width = max(12, min(50, len(name) + 4))
    buffer = io.BytesIO()
    book.save(buffer)
    write_atomically(out, buffer.getvalue())


def _check_earlier_csv(path: Path, header: Sequence[str]) -> None:
    """Replace only an earlier export of the same table (same header line), never a user's file."""
    if not path.exists():
        return
    if path.is_dir():
        raise BadInput(
            f"{path} is a folder; choose another folder for the CSV files",
            code="csv.is_folder",
            path=path,
        )
    line = io.StringIO()
    csv.writer(line).writerow(header)
    with path.open("rb") as fh:
        first = fh.readline()
    if first and first.decode("utf-8", "replace") != line.getvalue():
        raise BadInput(
            f"{path} already exists and is not an earlier export; choose another folder",
            code="csv.foreign_file",
            path=path,
        )


def write_csv(all_sheets: list[Sheet], folder: Path) -> list[Path]:
    if folder.exists() and not folder.is_dir():
        raise BadInput(
            f"{folder} is a file; CSV export needs a folder", code="csv.is_file", path=folder
        )
    if not folder.parent.is_dir():
        raise BadInput(
            f"no such folder: {folder.parent}", code="file.no_folder", folder=folder.parent
        )
    for sheet in all_sheets:  # all checked before any is written: a refusal changes nothing
        _check_earlier_csv(folder / f"{sheet.name}.csv", sheet.header)
    folder.mkdir(exist_ok=True)
    written = []
    for sheet in all_sheets:
        path = folder / f"{sheet.name}.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(sheet.header)
            writer.writerows(_csv_rows(sheet))
        written.append(path)
    return written


def _csv_rows(sheet: Sheet) -> Iterator[list[Any]]:
    for row in sheet.rows:
        yield [_csv_cell(v) for v in row]


def _csv_cell(value: Cell) -> Any:
    if value is None:
        return ""
    if isinstance(value, date | datetime):
        return value.isoformat()
    return neutral_cell(value)
