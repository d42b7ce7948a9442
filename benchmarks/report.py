"""Build time of the PDF report against a plain ReportLab document of the same length.

    python benchmarks/report.py [--db DEMO.db] [--repeat 5]

Prints, all measured in the same run (the least CPU time of --repeat interleaved builds, fonts
already loaded):
- the report of the largest assessment of the demo database (most answers, findings,
  recommendations and meetings), its pages and build time;
- a plain ReportLab document (base-14 Helvetica, sample style sheet, SimpleDocTemplate, one
  build) with the same number of pages of paragraphs and tables, its build time, and the ratio
  (target: at most 2x);
- the report of an assessment ten times as large (every answer, finding, recommendation and
  meeting repeated ten times) and its cost against the first (target: at most 10x);
- the same for the archival (PDF/A-2a) output;
- the cost of tagging: the same report untagged (no marked content, no structure tree) beside
  the tagged one (target: tagging adds at most 30%);
- the DOCX of the same data beside the tagged PDF (target: at most 2x).

Without --db a demo database is made first in a temporary folder (``assessor demo``).
Only the builder is timed: the database is read once, before.
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from assessor.report import build_docx, build_report
from assessor.report.builder import build_pdf
from assessor.report.data import ReportData
from assessor.services.report_data import report_data
from assessor.store.db import Database
from assessor.store.models import Assessment

WORDS = (
    "Myndigheten har en beslutad strategi för digitalisering som utgår från uppdraget och "
    "styr verksamhetsplaneringen, men uppföljningen av nyttor är ännu inte systematisk."
)


def best_of(repeat: int, *builds: Callable[[], bytes]) -> list[tuple[float, bytes]]:
    """The least CPU time of each build over ``repeat`` rounds, the builds interleaved.

    CPU time of this process and the minimum over rounds: other processes on a shared machine
    change the wall-clock time a lot, and interleaving puts both sides under the same load.
    """
    best = [float("inf")] * len(builds)
    outs = [b""] * len(builds)
    for _ in range(repeat):
        for i, build in enumerate(builds):
            began = time.process_time()
            outs[i] = build()
            best[i] = min(best[i], time.process_time() - began)
    return list(zip(best, outs, strict=True))


def pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def plain_document(sections: int) -> bytes:
    """Headings, paragraphs and a table per section: the ordinary ReportLab way."""
    styles = getSampleStyleSheet()
    story: list[object] = []
    for i in range(sections):
        story.append(Paragraph(f"Avsnitt {i + 1}", styles["Heading2"]))
        for j in range(4):
            story.append(Paragraph(f"{j + 1}. {WORDS} {WORDS}", styles["BodyText"]))
        rows = [["Område", "Nivå", "Mål", "Gap", "Täckning"]]
        rows += [[f"Område {k}", "2,5", "3,0", "0,5", "4 av 5 (80 %)"] for k in range(6)]
        table = Table(rows, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), colors.lightblue),
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ]
            )
        )
        story += [table, Spacer(1, 12)]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()


def plain_with_pages(target: int) -> int:
    """The number of sections that gives a plain document of ``target`` pages."""
    low, high = 1, 1
    while pages(plain_document(high)) < target:
        low, high = high, high * 2
    while low < high:
        mid = (low + high) // 2
        if pages(plain_document(mid)) < target:
            low = mid + 1
        else:
            high = mid
    return low


def ten_times(data: ReportData) -> ReportData:
    def grow(items: tuple[object, ...]) -> tuple[object, ...]:
        return tuple(item for _ in range(10) for item in items)

    return replace(
        data,
        answers=grow(data.answers),  # type: ignore[arg-type]
        findings=grow(data.findings),  # type: ignore[arg-type]
        recommendations=grow(data.recommendations),  # type: ignore[arg-type]
        meetings=grow(data.meetings),  # type: ignore[arg-type]
        previous_recommendations=grow(data.previous_recommendations),  # type: ignore[arg-type]
    )


def size(data: ReportData) -> int:
    return (
        len(data.answers)
        + sum(bool(a.comment) for a in data.answers)
        + len(data.findings)
        + len(data.recommendations)
        + len(data.previous_recommendations)
        + sum(1 + len(m.note_entries) for m in data.meetings)
    )


def largest(db_path: Path, language: str) -> ReportData:
    from sqlalchemy import select

    with Database(db_path) as db, db.read() as session:
        ids = list(session.scalars(select(Assessment.id).where(Assessment.deleted_at.is_(None))))
        candidates = [report_data(session, i, language) for i in ids]
    return max(candidates, key=size)


def make_demo(folder: Path) -> Path:
    from assessor.services.demo import build_demo

    path = folder / "demo.db"
    with Database(path, create=True) as db, db.transaction() as session:
        build_demo(session, seed=1)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a demo database (default: make one)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--lang", choices=("sv", "en"), default="sv")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db_path = args.db or make_demo(Path(tmp))
        data = largest(db_path, args.lang)
    build_report(data)  # load the fonts once, as a running program has
    plain_document(1)

    n_pages = pages(build_report(data))
    sections = plain_with_pages(n_pages)
    big = ten_times(data)
    (report_s, _), (plain_s, plain_pdf), (arch_s, _) = best_of(
        args.repeat,
        lambda: build_report(data),
        lambda: plain_document(sections),
        lambda: build_report(data, archival=True),
    )
    (untagged_s, _), (tagged_s, _), (docx_s, _) = best_of(
        args.repeat,
        lambda: build_pdf(data, tagged=False),
        lambda: build_pdf(data),
        lambda: build_docx(data),
    )
    (big_s, big_pdf), (big_arch_s, _) = best_of(
        max(1, args.repeat // 2),
        lambda: build_report(big),
        lambda: build_report(big, archival=True),
    )

    print(
        f"largest demo assessment: {data.agency_name} / {data.assessment_title} "
        f"({len(data.answers)} answers, {len(data.findings)} findings, "
        f"{len(data.recommendations)} recommendations, {len(data.meetings)} meetings)"
    )
    print(f"report                 {report_s * 1000:8.1f} ms  {n_pages:4d} pages")
    print(f"plain ReportLab        {plain_s * 1000:8.1f} ms  {pages(plain_pdf):4d} pages")
    print(f"ratio report / plain   {report_s / plain_s:8.2f} x   (target <= 2)")
    print(f"report, 10x larger     {big_s * 1000:8.1f} ms  {pages(big_pdf):4d} pages")
    print(f"ratio 10x / 1x         {big_s / report_s:8.2f} x   (target <= 10)")
    print(
        f"archival (PDF/A-2a)    {arch_s * 1000:8.1f} ms; 10x larger {big_arch_s * 1000:.1f} ms"
        f" ({big_arch_s / arch_s:.2f} x)"
    )
    print(f"untagged PDF           {untagged_s * 1000:8.1f} ms")
    print(
        f"tagged PDF             {tagged_s * 1000:8.1f} ms  "
        f"(+{(tagged_s / untagged_s - 1) * 100:.0f} %, target <= 30 %)"
    )
    print(
        f"DOCX                   {docx_s * 1000:8.1f} ms  "
        f"({docx_s / tagged_s:.2f} x the tagged PDF, target <= 2)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
