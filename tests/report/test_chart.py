"""The radar chart: its labels and what its legend promises."""

from __future__ import annotations

from dataclasses import replace

from report_samples import flat, pdf_pages, sample_data
from reportlab.graphics.shapes import PolyLine, String

from assessor.report import build_report
from assessor.report.chart import _lines, radar
from assessor.report.texts import SV

LABELS = ["Patch applications", "4 Restrict administrative privileges", "Regular backups"]


def _strings(drawing: object) -> list[str]:
    return [s.text for s in drawing.contents if isinstance(s, String)]  # type: ignore[attr-defined]


def test_a_three_line_label_is_kept_whole() -> None:
    # was cut at two lines: "4 Restrict" / "administrative privileg…"
    assert _lines("4 Restrict administrative privileges") == [
        "4 Restrict",
        "administrative",
        "privileges",
    ]
    assert _lines("Ett " * 40)[-1].endswith("…")  # a longer one is still cut, at three lines


def test_without_targets_no_target_line_or_legend() -> None:
    with_targets = radar(LABELS, [1, 2, 3], [2, None, 3], low=0, high=4, legend=("Nu", "Mål"))
    without = radar(LABELS, [1, 2, 3], [None, None, None], low=0, high=4, legend=("Nu", "Mål"))
    assert any(isinstance(s, PolyLine) for s in with_targets.contents)
    assert "Mål" in _strings(with_targets)
    assert not any(isinstance(s, PolyLine) for s in without.contents)
    assert "Mål" not in _strings(without) and "Nu" in _strings(without)
    assert "privileges" in _strings(without)


def test_a_report_without_targets_does_not_speak_of_them() -> None:
    data = sample_data("sv")
    data = replace(data, dimensions=tuple(replace(d, target=None) for d in data.dimensions))
    text = flat(" ".join(pdf_pages(build_report(data))))
    assert SV["radar_caption_no_target"] in text
    assert SV["radar_caption"] not in text
