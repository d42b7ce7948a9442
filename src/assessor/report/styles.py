"""Paragraph and table styles, all on the embedded fonts."""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from assessor.report import fonts

ACCENT = colors.Color(0.10, 0.27, 0.45)
SOFT = colors.Color(0.93, 0.95, 0.97)
LINE = colors.Color(0.78, 0.81, 0.85)
MUTED = colors.Color(0.35, 0.38, 0.42)


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    cell_right: ParagraphStyle
    cell_head_right: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    cover_kind: ParagraphStyle
    cover_title: ParagraphStyle
    cover_sub: ParagraphStyle
    big: ParagraphStyle
    indent: ParagraphStyle
    question: ParagraphStyle
    fields: ParagraphStyle
    h2_block: ParagraphStyle  # headings inside a block kept together by other means
    h3_block: ParagraphStyle
    item: ParagraphStyle  # an item of a list, its number drawn as the bullet


def make_styles() -> Styles:
    styles = _make_styles()
    return replace(
        styles,
        h2_block=ParagraphStyle("h2_block", parent=styles.h2, keepWithNext=0),
        h3_block=ParagraphStyle("h3_block", parent=styles.h3, keepWithNext=0),
    )


def _make_styles() -> Styles:
    body = ParagraphStyle(
        "body",
        fontName=fonts.REGULAR,
        fontSize=9.5,
        leading=13.5,
        spaceAfter=5,
        alignment=TA_LEFT,
        splitLongWords=1,
        allowWidows=0,
        allowOrphans=0,
    )
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8.5, leading=11.5, spaceAfter=3),
        muted=ParagraphStyle(
            "muted", parent=body, fontSize=8.5, leading=11.5, textColor=MUTED, spaceAfter=3
        ),
        cell=ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11, spaceAfter=0),
        cell_head=ParagraphStyle(
            "cell_head",
            parent=body,
            fontName=fonts.BOLD,
            fontSize=8.5,
            leading=11,
            spaceAfter=0,
            textColor=colors.white,
        ),
        cell_right=ParagraphStyle(
            "cell_right", parent=body, fontSize=8.5, leading=11, spaceAfter=0, alignment=TA_RIGHT
        ),
        cell_head_right=ParagraphStyle(
            "cell_head_right",
            parent=body,
            fontName=fonts.BOLD,
            fontSize=8.5,
            leading=11,
            spaceAfter=0,
            textColor=colors.white,
            alignment=TA_RIGHT,
        ),
        h1=ParagraphStyle(
            "h1",
            parent=body,
            fontName=fonts.BOLD,
            fontSize=17,
            leading=22,
            spaceBefore=0,
            spaceAfter=12,
            textColor=ACCENT,
            keepWithNext=1,
        ),
        h2=ParagraphStyle(
            "h2",
            parent=body,
            fontName=fonts.BOLD,
            fontSize=12,
            leading=16,
            spaceBefore=10,
            spaceAfter=5,
            textColor=ACCENT,
            keepWithNext=1,
        ),
        h3=ParagraphStyle(
            "h3",
            parent=body,
            fontName=fonts.BOLD,
            fontSize=10,
            leading=13.5,
            spaceBefore=6,
            spaceAfter=2,
            keepWithNext=1,
        ),
        cover_kind=ParagraphStyle(
            "cover_kind", parent=body, fontSize=11, leading=14, textColor=MUTED, spaceAfter=18
        ),
        cover_title=ParagraphStyle(
            "cover_title",
            parent=body,
            fontName=fonts.BOLD,
            fontSize=28,
            leading=34,
            textColor=ACCENT,
            spaceAfter=12,
        ),
        cover_sub=ParagraphStyle("cover_sub", parent=body, fontSize=15, leading=20, spaceAfter=30),
        big=ParagraphStyle(
            "big",
            parent=body,
            fontName=fonts.BOLD,
            fontSize=13,
            leading=18,
            spaceAfter=4,
            textColor=ACCENT,
        ),
        indent=ParagraphStyle(
            "indent", parent=body, leftIndent=14, fontSize=9, leading=12.5, spaceAfter=3
        ),
        question=ParagraphStyle(
            "question", parent=body, fontSize=8.5, leading=11.5, spaceBefore=5, spaceAfter=2
        ),
        fields=ParagraphStyle(
            "fields", parent=body, leftIndent=14, fontSize=9, leading=13.5, spaceAfter=3
        ),
        h2_block=body,
        h3_block=body,
        item=ParagraphStyle(
            "item",
            parent=body,
            leftIndent=28,
            bulletIndent=14,
            fontSize=9,
            leading=12.5,
            spaceAfter=3,
            bulletFontName=fonts.REGULAR,
            bulletFontSize=9,
        ),
    )


def grid_style(header: bool = True) -> TableStyle:
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, LINE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, SOFT]),
        ]
    return TableStyle(commands)
