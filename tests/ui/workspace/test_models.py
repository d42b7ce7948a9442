"""Every table and tree model of the workspace, checked without a window."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from PySide6.QtCore import QModelIndex, Qt

from assessor.services.answers import AnswerData, EvidenceRow, NoteRow
from assessor.services.assessments import AssessmentRow
from assessor.services.findings import FindingRow
from assessor.services.recommendations import RecommendationRow
from assessor.services.search import MARK_END, MARK_START, SearchHit
from assessor.services.templates import TemplateRow
from assessor.ui.roles import ID_ROLE as RowIdRole

DISPLAY = Qt.ItemDataRole.DisplayRole


def _texts(model, row: int) -> list[str]:
    return [model.data(model.index(row, c), DISPLAY) for c in range(model.columnCount())]


def _workspace_data(db, setup):
    from assessor.services.workspace import load_workspace

    with db.read() as s:
        return load_workspace(s, setup.assessment_id)


def test_navigator_tree_shows_progress_and_levels(qtmodeltester, db, setup) -> None:
    from assessor.ui.roles import ANSWERED_ROLE as AnsweredRole
    from assessor.ui.roles import ID_ROLE as QuestionIdRole
    from assessor.ui.workspace.navigator import NavigatorModel

    data = _workspace_data(db, setup)
    model = NavigatorModel(data, "en")
    qtmodeltester.check(model)
    dims = data.checklist.dimensions
    assert model.rowCount() == len(dims)
    first_dim = model.index(0, 0)
    total = len(dims[0].questions)
    assert model.rowCount(first_dim) == total
    assert model.data(model.index(0, 1), DISPLAY) == f"0/{total}"
    q0, q1 = dims[0].questions[0].id, dims[0].questions[1].id
    assert model.index(0, 0, first_dim).data(QuestionIdRole) == q0
    assert model.question_index(q1).row() == 1
    assert model.question_index(q1).parent() == first_dim
    assert model.question_index(q1, 1).data(DISPLAY) == "–"

    changes: list[tuple[QModelIndex, QModelIndex]] = []
    model.dataChanged.connect(lambda a, b, _roles=(): changes.append((a, b)))
    data.answers[q0] = AnswerData(q0, 3, False, "", "medium", True)
    data.answers[q1] = AnswerData(q1, None, True, "", "medium", False)
    model.answer_changed(q0)
    model.answer_changed(q1)
    assert changes, "the view is told which rows changed"
    assert model.question_index(q0, 1).data(DISPLAY) == "3"
    assert "⚑" in model.question_index(q0).data(DISPLAY)  # marked for review
    assert model.question_index(q1, 1).data(DISPLAY) == "N/A"
    assert model.question_index(q1).data(AnsweredRole) is True
    # answered = a level; the N/A question leaves the count (as in the bars and the report)
    assert model.data(model.index(0, 1), DISPLAY) == f"1/{total - 1}"
    tip = model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    assert f"1 of {total - 1} applicable questions answered" in tip and "not applicable: 1" in tip
    assert "not answered" not in model.question_index(q0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert model.question_ids()[:2] == [q0, q1]
    qtmodeltester.check(model)


def test_evidence_model(qtmodeltester) -> None:
    from assessor.ui.workspace.question_panel import EvidenceModel

    model = EvidenceModel()
    model.set_rows(
        [
            EvidenceRow("e1", "q", "m", "Kickoff", datetime(2026, 2, 1, 9), None, "", ""),
            EvidenceRow("e2", "q", "m", "", datetime(2026, 2, 2, 9), "n", "Anteckning", ""),
        ]
    )
    qtmodeltester.check(model)
    from assessor.ui.row_model import show

    # dates in the locale's short format, as everywhere in the window
    assert _texts(model, 0) == [f"Kickoff ({show(date(2026, 2, 1))})", ""]
    assert _texts(model, 1) == [show(date(2026, 2, 2)), "Anteckning"]
    assert model.index(1, 0).data(RowIdRole) == "e2"


def test_findings_model(qtmodeltester, db, setup) -> None:
    from assessor.ui.workspace.findings import FindingsModel

    data = _workspace_data(db, setup)
    dim = data.checklist.dimensions[0]
    model = FindingsModel(data.checklist, "en")
    model.set_rows(
        [
            FindingRow("f1", "a", "good_practice", "Öppna data", "", dim.id, None),
            FindingRow("f2", "a", "risk", "Inlåsning", "", None, None),
        ]
    )
    qtmodeltester.check(model)
    assert _texts(model, 0) == ["Good practice", "Öppna data", dim.title["en"]]
    assert _texts(model, 1) == ["Risk", "Inlåsning", ""]
    assert model.row_of("f2") == 1 and model.row_of("nope") == -1


def _rec(rec_id: str, **kw) -> RecommendationRow:
    base = RecommendationRow(
        rec_id,
        "a",
        "Titel",
        "",
        "",
        "high",
        "short",
        "in_progress",
        "Vi jobbar på det",
        None,
        None,
        None,
        (),
        (),
    )
    return replace(base, **kw)


def test_recommendation_models(qtmodeltester) -> None:
    from assessor.ui.workspace.followup import PreviousRecommendationsModel
    from assessor.ui.workspace.recommendation_models import RecommendationsModel

    model = RecommendationsModel()
    model.set_rows([_rec("r1"), _rec("r2", priority="low", horizon="long", status="done")])
    qtmodeltester.check(model)
    assert _texts(model, 0) == ["Titel", "High", "Short term", "In progress"]
    assert _texts(model, 1)[1:] == ["Low", "Long term", "Done"]
    previous = PreviousRecommendationsModel()
    previous.set_rows([_rec("r1", status="rejected")])
    qtmodeltester.check(previous)
    assert _texts(previous, 0) == ["Titel", "Rejected", "High", "Vi jobbar på det"]


def test_templates_model(qtmodeltester) -> None:
    from assessor.ui.workspace.templates import TemplatesModel

    model = TemplatesModel({"governance": "Styrning"})
    model.set_rows(
        [
            TemplateRow(
                "t1",
                "Portfölj",
                "",
                "",
                "governance",
                ("styrning", "it"),
                "sv",
                3,
                ("Bolagsverket", "Skatteverket"),
            )
        ]
    )
    qtmodeltester.check(model)
    assert _texts(model, 0) == [
        "Portfölj",
        "Styrning",
        "styrning, it",
        "3",
        "Bolagsverket, Skatteverket",
    ]


def test_comparison_model(qtmodeltester) -> None:
    from assessor.ui.workspace.followup import Comparison, ComparisonModel

    model = ComparisonModel()
    model.set_rows([Comparison("g", "Styrning", 1.5, 2.25), Comparison("d", "Data", None, 3.0)])
    qtmodeltester.check(model)
    assert _texts(model, 0) == ["Styrning", "1.50", "2.25", "+0.75"]
    assert _texts(model, 1) == ["Data", "–", "3.00", "–"]


def test_search_results_model_and_snippets(qtmodeltester) -> None:
    from assessor.ui.workspace.search_dialog import Place, SearchResultsModel, rich_snippet

    hit = SearchHit(
        "note", "n1", "Möte (2026-02-01)", f"a <b> {MARK_START}ord{MARK_END}", "ag", None, "m1"
    )
    model = SearchResultsModel()
    model.set_hits([hit], {"note:n1": Place("Skatteverket", "Besök (2026-02-01)")})
    qtmodeltester.check(model)
    assert _texts(model, 0) == [
        "Note",
        "Skatteverket · Besök (2026-02-01)",
        "Möte (2026-02-01)",
        "a <b> ord",
    ]
    assert model.index(0, 0).data(RowIdRole) == "note:n1"
    # the user's text is escaped; only the match marks become markup
    assert rich_snippet(hit.snippet) == "a &lt;b&gt; <b>ord</b>"


def test_assessments_model(qtmodeltester) -> None:
    from assessor.ui.workspace.assessments import AssessmentsModel

    model = AssessmentsModel({"c": 21})
    model.set_rows(
        [
            AssessmentRow("a1", "ag", "c", "Våren", date(2026, 3, 1), "in_review", "", 7),
            AssessmentRow("a2", "ag", "x", "", date(2025, 3, 1), "delivered", "", 2),
        ]
    )
    qtmodeltester.check(model)
    from assessor.ui.row_model import show

    assert _texts(model, 0) == [show(date(2026, 3, 1)), "Våren", "In review", "7/21"]
    assert _texts(model, 1) == [show(date(2025, 3, 1)), "", "Delivered", "2"]


def test_notes_model(qtmodeltester) -> None:
    from assessor.ui.workspace.notes_model import NotesModel

    model = NotesModel({"q1": "1.1 Strategi"})
    model.set_rows(
        [
            NoteRow("n1", "m", datetime(2026, 2, 1, 9, 5), "Bra", "q1", False),
            NoteRow("n2", "m", datetime(2026, 2, 1, 9, 7), "Mer", None, False),
        ]
    )
    qtmodeltester.check(model)
    first, second = _texts(model, 0), _texts(model, 1)
    assert first[1:] == ["Bra", "1.1 Strategi"] and second[1:] == ["Mer", ""]
    # the stamp carries the date as well as the time, in the locale's short format
    assert "09:05" in first[0] and "2026" in first[0] and "09:07" in second[0]


def test_assessment_list_counts_answers_as_the_navigator_and_report_do(qtbot) -> None:
    from datetime import date

    from assessor.services.assessments import AssessmentRow
    from assessor.ui.workspace.assessments import AssessmentsModel

    model = AssessmentsModel({"c": 42})
    model.set_rows(
        [
            AssessmentRow(
                "a", "g", "c", "Våren", date(2026, 3, 1), "draft", "", answered=42, not_applicable=2
            )
        ]
    )
    column = model.column_of("answered")
    assert model.data(model.index(0, column)) == "40/40"
    tip = model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole)
    assert "40 of 40 applicable questions answered" in tip and "not applicable: 2" in tip
