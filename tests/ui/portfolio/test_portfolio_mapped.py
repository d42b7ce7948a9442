"""The portfolio page takes in an agency assessed on a mapped checklist when asked to."""

from __future__ import annotations

import lzma
from datetime import date
from pathlib import Path

from assessor.services.agencies import create_agency
from assessor.services.answers import set_answer
from assessor.services.assessments import create_assessment
from assessor.services.checklists import import_checklist, question_row_id
from assessor.services.mappings import import_mappings
from assessor.ui.context import AppContext
from assessor.ui.portfolio_page import PortfolioPage

SAMPLES = Path(__file__).parents[2] / "samples" / "ciso"


def sample(name: str) -> bytes:
    return lzma.decompress((SAMPLES / f"{name}.yaml.xz").read_bytes())


def test_mapped_models_join_the_heat_map_marked_as_mapped(db, qtbot, sync_tasks) -> None:
    with db.transaction() as s:
        old = import_checklist(s, sample("nist-csf-1.1"), "a.yaml").checklist_id
        new = import_checklist(s, sample("nist-csf-2.0"), "b.yaml").checklist_id
        first = create_agency(s, name="Bolagsverket")
        direct = create_assessment(s, first, checklist_id=new, assessed_on=date(2026, 3, 1))
        set_answer(s, direct, question_row_id(new, "gv.oc-01"), level=2)
        second = create_agency(s, name="Lantmäteriet")
        other = create_assessment(s, second, checklist_id=old, assessed_on=date(2026, 3, 2))
        set_answer(s, other, question_row_id(old, "id.be-2"), level=4)
    with db.transaction() as s:
        import_mappings(s, sample("map-nist-csf-1.1-nist-csf-2.0"), "map.yaml")
    page = PortfolioPage(AppContext.standalone(db, "en"))
    qtbot.addWidget(page)
    page.checklist_combo.setCurrentIndex(page.checklist_combo.findData("nist-csf-2.0"))
    page.reload()
    assert [r.name for r in page.heatmap.rows()] == ["Bolagsverket"]
    page.mapped_check.setChecked(True)
    page.reload()
    names = sorted(r.name for r in page.heatmap.rows())
    assert names == ["Bolagsverket", "Lantmäteriet (mapped)"]
    mapped = next(r for r in page.heatmap.rows() if r.name.endswith("(mapped)"))
    assert "Assessed on nist-csf-1.1 6" in mapped.tip
    assert mapped.values["gv"] == 4.0
