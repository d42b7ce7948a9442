"""The agency table model and its filter, without any window."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QLocale, Qt

from assessor.services.agencies import AgencyRow, create_agency
from assessor.ui.agency_model import (
    ID_ROLE,
    ROW_ROLE,
    SORT_ROLE,
    AgencyFilterProxy,
    AgencyTableModel,
    Column,
)

ROWS = [
    AgencyRow("a1", "Skatteverket", "202100-5448", "Finansdepartementet", 12, 2),
    AgencyRow(
        "a2", "Lantmäteriet", "202100-4888", "Landsbygds- och infrastrukturdepartementet", 3, 1
    ),
    AgencyRow("a3", "Örebro universitet", "202100-2932", "Utbildningsdepartementet", 0, 0),
    AgencyRow("a4", "Arbetsförmedlingen", "202100-2148", "Arbetsmarknadsdepartementet", 7, 0),
]


@pytest.fixture
def model(qapp) -> AgencyTableModel:
    return AgencyTableModel(ROWS)


def test_model_has_named_columns_and_one_row_per_agency(model: AgencyTableModel) -> None:
    assert model.rowCount() == 4
    assert model.columnCount() == len(Column)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert headers == ["Name", "Org. number", "Ministry", "Meetings", "Assessments"]
    assert model.headerData(0, Qt.Orientation.Vertical) is None


def test_cells_show_the_row_and_roles_give_id_and_plain_values(model: AgencyTableModel) -> None:
    idx = model.index(1, Column.NAME)
    assert idx.data() == "Lantmäteriet"
    assert model.index(1, Column.ORG_NUMBER).data() == "202100-4888"
    assert model.index(0, Column.MEETINGS).data() == QLocale().toString(12)
    assert model.index(0, Column.MEETINGS).data(SORT_ROLE) == 12
    assert model.index(2, Column.MINISTRY).data(ID_ROLE) == "a3"
    assert model.index(3, Column.NAME).data(ROW_ROLE) is ROWS[3]
    assert model.index(9, 0).data() is None  # out of range: nothing, no exception
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable


def test_set_rows_resets_and_row_of_finds_ids(model: AgencyTableModel, qtbot) -> None:
    with qtbot.waitSignal(model.modelReset):
        model.set_rows(ROWS[:2])
    assert model.rowCount() == 2
    assert model.row_of("a2") == 1
    assert model.row_of("a3") == -1


def test_load_reads_the_agencies_from_the_database(db, qapp) -> None:
    with db.transaction() as s:
        create_agency(s, name="Bolagsverket", org_number="2021005489")
        create_agency(s, name="Kammarkollegiet")
    from assessor.ui.context import database_reads

    model = AgencyTableModel()
    model.load(lambda: database_reads(db))
    names = [model.index(r, Column.NAME).data() for r in range(model.rowCount())]
    assert names == ["Bolagsverket", "Kammarkollegiet"]
    assert model.index(0, Column.ORG_NUMBER).data() == "202100-5489"


def _shown(proxy: AgencyFilterProxy) -> list[str]:
    return [proxy.index(r, Column.NAME).data() for r in range(proxy.rowCount())]


@pytest.fixture
def proxy(model: AgencyTableModel) -> AgencyFilterProxy:
    p = AgencyFilterProxy()
    p.setSourceModel(model)
    return p


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ["Skatteverket", "Lantmäteriet", "Örebro universitet", "Arbetsförmedlingen"]),
        ("SKATTE", ["Skatteverket"]),  # case-insensitive
        ("lantmäteriet", ["Lantmäteriet"]),
        ("örebro", ["Örebro universitet"]),
        ("202100-4888", ["Lantmäteriet"]),  # org number with the hyphen
        ("2021004888", ["Lantmäteriet"]),  # and without
        ("finansdep", ["Skatteverket"]),  # ministry
        ("arbets 2148", ["Arbetsförmedlingen"]),  # every word must match some field
        ("arbets 5448", []),
        ("no such agency", []),
    ],
)
def test_filter_matches_name_org_number_and_ministry(
    proxy: AgencyFilterProxy, text: str, expected: list[str]
) -> None:
    proxy.set_filter_text(text)
    assert _shown(proxy) == expected


def test_sorting_by_name_follows_the_swedish_alphabet(model: AgencyTableModel) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    try:
        proxy = AgencyFilterProxy()
        proxy.setSourceModel(model)
        proxy.sort(Column.NAME, Qt.SortOrder.AscendingOrder)
        # Swedish: Ö comes after Z, not beside O
        assert _shown(proxy) == [
            "Arbetsförmedlingen",
            "Lantmäteriet",
            "Skatteverket",
            "Örebro universitet",
        ]
    finally:
        QLocale.setDefault(before)


def test_sorting_by_meetings_is_numeric(proxy: AgencyFilterProxy) -> None:
    proxy.sort(Column.MEETINGS, Qt.SortOrder.DescendingOrder)
    assert _shown(proxy) == [
        "Skatteverket",
        "Arbetsförmedlingen",
        "Lantmäteriet",
        "Örebro universitet",
    ]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="abcdefgåäöÅÄÖ0123456789- ", max_size=8))
def test_filter_never_shows_a_row_that_does_not_contain_every_word(qapp, text: str) -> None:
    model = AgencyTableModel(ROWS)
    proxy = AgencyFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text(text)
    shown = set(_shown(proxy))
    for row in ROWS:
        fields = f"{row.name} {row.org_number} {row.ministry}".casefold()
        digits = row.org_number.replace("-", "")
        ok = all(
            w in fields or (w.replace("-", "").isdigit() and w.replace("-", "") in digits)
            for w in text.casefold().split()
        )
        assert (row.name in shown) == ok
