"""The floor for `assessor report`: a plain ReportLab script drawing PAGES such pages.

    python benchmarks/plain_report.py PAGES OUT.pdf

No Assessor code: the same embedded DejaVu fonts the report uses (resources/fonts), headings,
paragraphs of Swedish text and a scored table per section, SimpleDocTemplate, one build,
written to a file. Whole process, like the command it is the floor for: what a bare ReportLab
program needs to start and draw that many pages of that kind.
"""

from __future__ import annotations

import sys
from pathlib import Path

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
WORDS = (
    "Myndigheten har en beslutad strategi för digitalisering som utgår från uppdraget och "
    "styr verksamhetsplaneringen, men uppföljningen av nyttor är ännu inte systematisk."
)


def main(argv: list[str]) -> int:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import (
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    pages, out = int(argv[0]), Path(argv[1])
    pdfmetrics.registerFont(TTFont("Plain", str(FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("Plain-Bold", str(FONTS / "DejaVuSans-Bold.ttf")))
    body = ParagraphStyle("body", fontName="Plain", fontSize=10, leading=13)
    heading = ParagraphStyle("h", fontName="Plain-Bold", fontSize=14, leading=18, spaceAfter=6)
    story: list[object] = []
    for page in range(pages):
        story.append(Paragraph(f"Avsnitt {page + 1}", heading))
        for j in range(4):
            story.append(Paragraph(f"{j + 1}. {WORDS} {WORDS}", body))
        rows = [["Område", "Nivå", "Mål", "Gap", "Täckning"]]
        rows += [[f"Område {k}", "2,5", "3,0", "0,5", "4 av 5 (80 %)"] for k in range(12)]
        table = Table(rows, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), "Plain"),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.lightblue),
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ]
            )
        )
        story += [Spacer(1, 8), table, PageBreak()]
    story.pop()  # no empty page at the end
    SimpleDocTemplate(str(out), pagesize=A4, title="Plain").build(story)
    print(pages)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
