"""report/para.py: a paragraph that remembers its last wrap lays out exactly as ReportLab's own,
whatever sequence of widths it is wrapped at, and is split and drawn the same."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from assessor.report import fonts
from assessor.report.para import Para
from assessor.report.styles import make_styles

WORDS = st.sampled_from(
    ["Myndigheten", "har", "en", "beslutad", "strategi", "för", "digitalisering", "<b>mål</b>",
     "<i>nyttor</i>", "uppföljning", "&amp;", "och", "ännu", "inte", "systematisk."]
)  # fmt: skip


def _drawn(p: Any) -> str:
    canvas = Canvas("unused.pdf", pagesize=A4, invariant=1)
    p.drawOn(canvas, 50, 50)
    return "".join(canvas._code)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(WORDS, min_size=1, max_size=60),
    widths=st.lists(st.sampled_from([40.0, 90.5, 150.0, 300.0, 451.0]), min_size=1, max_size=8),
)
def test_wrap_at_any_sequence_of_widths_matches_reportlab(
    words: list[str], widths: list[float]
) -> None:
    fonts.register_fonts()
    style = make_styles().cell
    text = " ".join(words)
    mine, theirs = Para(text, style), Paragraph(text, style)
    last: float | None = None
    size: tuple[float, float] = (0, 0)
    for width in widths:
        # the reference is ReportLab's own paragraph wrapped at the same widths in the same
        # order, a repeat of the width just before left out: a narrow wrap may split a long
        # word for good (in both), and wrapping again at that width would only respace the
        # drawing operators of the same lines
        if width != last:
            size = theirs.wrap(width, 10_000)
        last = width
        assert mine.wrap(width, 10_000) == size
        assert _drawn(mine) == _drawn(theirs)


def test_repeated_wrap_breaks_lines_once() -> None:
    fonts.register_fonts()
    p = Para("ett två tre fyra fem sex sju åtta nio tio " * 5, make_styles().body)
    first = p.wrap(120, 500)
    lines = p.blPara
    assert p.wrap(120, 20) == first  # the height is not an input of line breaking
    assert p.blPara is lines
    p.wrap(200, 500)
    assert p.blPara is not lines


def test_split_and_drawn_parts_match_reportlab() -> None:
    fonts.register_fonts()
    style = make_styles().body
    text = "Myndigheten har en beslutad strategi för digitalisering. " * 30

    def drawn(cls: type) -> tuple[list[tuple[float, float]], bytes]:
        p = cls(text, style)
        p.wrap(200, 100)
        p.wrap(200, 100)
        parts = p.split(200, 100)
        canvas = Canvas("unused.pdf", pagesize=A4, invariant=1)
        sizes = []
        for part in parts:
            sizes.append(part.wrap(200, 10_000))
            part.drawOn(canvas, 50, 50)
        return sizes, "".join(canvas._code).encode()

    assert drawn(Para) == drawn(Paragraph)
    assert len(drawn(Para)[0]) == 2
