"""A window in either language with an agency, a meeting, an assessment and a kept mapping set
to walk through."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest


@dataclass(frozen=True)
class Visit:
    window: Any
    language: str
    agency: str
    meeting: str
    assessment: str


def _mapping_sample() -> bytes:
    import lzma
    from pathlib import Path

    sample = (
        Path(__file__).parents[2] / "samples" / "ciso" / "map-nist-csf-1.1-nist-csf-2.0.yaml.xz"
    )
    return lzma.decompress(sample.read_bytes())


@pytest.fixture(params=["en", "sv"])
def visit(request, db, sample, qtbot) -> Iterator[Visit]:
    from PySide6.QtWidgets import QApplication

    from assessor.services.assessments import create_assessment
    from assessor.services.checklists import list_checklists
    from assessor.services.mappings import import_mappings
    from assessor.ui.app import build_window, install_translations

    language = request.param
    with db.transaction() as s:
        checklist_id = list_checklists(s)[0].id
        assessment = create_assessment(
            s,
            sample["agency"],
            checklist_id=checklist_id,
            assessed_on=date(2026, 3, 1),
            title="Våren 2026",
        )
        # so the Checklists page shows its list of mapping sets and the Remove… button
        import_mappings(s, _mapping_sample(), "map.yaml")
    app = QApplication.instance()
    translators = install_translations(app, language)
    window = build_window(db, language)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    yield Visit(window, language, sample["agency"], sample["meeting"], assessment)
    window.close()
    for t in translators:
        app.removeTranslator(t)
