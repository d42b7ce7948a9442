"""Cells that a narrow column elides carry their full text as a tooltip, never as markup."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument

from assessor.services.agencies import AgencyRow
from assessor.ui.agency_model import AgencyTableModel, Column
from assessor.ui.row_model import ColumnSpec, RowTableModel, tooltip

TIP = Qt.ItemDataRole.ToolTipRole


@dataclass(frozen=True)
class Meeting:
    id: str
    kind: str
    place: str
    attendees: int


COLUMNS = [
    ColumnSpec("kind", "Kind", lambda r: r.kind),
    ColumnSpec("place", "Place", lambda r: r.place),
    ColumnSpec("attendees", "Attendees", lambda r: r.attendees),
]


def test_row_model_cells_carry_their_full_text(qapp) -> None:
    model: RowTableModel[Meeting] = RowTableModel(COLUMNS)
    model.set_rows([Meeting("m1", "Videomöte", "Videolänk (Teams)", 4), Meeting("m2", "", "", 0)])
    assert model.index(0, 0).data(TIP) == "Videomöte"
    assert model.index(0, 1).data(TIP) == "Videolänk (Teams)"
    assert model.index(0, 2).data(TIP) is None  # numbers are never elided
    assert model.index(1, 1).data(TIP) is None  # no empty tooltip


def test_agency_model_text_columns_carry_their_full_text(qapp) -> None:
    ministry = "Landsbygds- och infrastrukturdepartementet"
    model = AgencyTableModel(
        [AgencyRow("a1", "Myndigheten för <digital> förvaltning", "202100-6883", ministry, 12, 3)]
    )
    assert model.index(0, Column.MINISTRY).data(TIP) == ministry
    assert model.index(0, Column.ORG_NUMBER).data(TIP) == "202100-6883"
    assert model.index(0, Column.MEETINGS).data(TIP) is None
    name_tip = model.index(0, Column.NAME).data(TIP)
    assert "<digital>" not in name_tip  # shown as text, not taken for a tag


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=40))
@example("<b>Fet</b> myndighet")
@example("Forskning & utveckling")
@example("a &lt; b")
def test_a_tooltip_shows_exactly_the_text(qapp, text: str) -> None:
    tip = tooltip(text)
    assert tip is not None
    if GuiQt.mightBeRichText(tip):
        doc = QTextDocument()
        doc.setHtml(tip)
        assert doc.toPlainText().split() == text.split()
    else:
        assert tip == text


def test_other_lists_escape_user_text_in_tooltips(qapp) -> None:
    from assessor.ui.row_model import Column, RowTableModel
    from assessor.ui.sync_cells import cell

    class Titles(RowTableModel[str]):
        def columns(self) -> list[Column[str]]:
            return [Column("title", "Title", lambda r: r)]

        def row_id(self, row: str) -> str:
            return row

    model = Titles()
    model.set_rows(["<img src='x'> Rubrik"])
    assert "<img" not in model.index(0, 0).data(TIP)
    assert "<b>" not in cell("<b>Värde</b>\nrad två").toolTip()


def test_a_meetings_action_items_carry_their_full_text(qapp, db) -> None:
    # the item's column stretches but cut a long one with "…", and nothing held the rest
    from datetime import date

    from assessor.services.meetings import ActionRow
    from assessor.ui.context import AppContext
    from assessor.ui.meeting_actions import ACTION_FIELDS, ActionItemModel

    item = "Ta fram en <gemensam> plan för informationsförsörjningen med ansvar och tidplan"
    model = ActionItemModel(AppContext.standalone(db, "en"))
    model.set_rows([ActionRow("a1", "m1", item, "Anna Berg", date(2026, 3, 4), False)])
    title, owner = ACTION_FIELDS.index("title"), ACTION_FIELDS.index("owner")
    shown = QTextDocument()
    shown.setHtml(model.index(0, title).data(TIP))
    assert shown.toPlainText() == item  # whole, and the brackets read as text
    assert model.index(0, owner).data(TIP) == "Anna Berg"
    assert model.index(0, ACTION_FIELDS.index("done")).data(TIP) is None
