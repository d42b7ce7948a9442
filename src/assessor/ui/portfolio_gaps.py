"""The portfolio page's lower half: the common gaps, and for the chosen gap the agencies that
can lend beside those that could borrow, and the recommendations given for it.

A base class of :class:`PortfolioPage` (it uses the page's portfolio, filters and signals). Its
words stay in the page's translation context, so they read the same as before the split.
"""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from assessor.services.portfolio import GapView, Portfolio
from assessor.ui.columns import row_list, widen_to_headings
from assessor.ui.portfolio_models import (
    AGENCY_ROLE,
    BorrowerModel,
    GapModel,
    LenderModel,
    PortfolioTable,
    RecommendationModel,
    score_text,
)

translate = QCoreApplication.translate  # lupdate reads translate("PortfolioPage", ...) calls


class AgencyTable(QTableView):
    """A list of agencies: Enter, like double-click, opens the agency."""

    open_agency = Signal(str)

    def __init__(self, name: str, accessible: str) -> None:
        super().__init__()
        self.setObjectName(name)
        row_list(self, accessible, plain=True)
        self.doubleClicked.connect(self._follow)

    def _follow(self, index: QModelIndex) -> None:
        agency_id = index.data(AGENCY_ROLE)
        if agency_id:
            self.open_agency.emit(str(agency_id))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._follow(self.currentIndex())
            return
        super().keyPressEvent(event)


def _table(name: str, accessible: str) -> QTableView:
    view = row_list(QTableView(), accessible, plain=True)
    view.setObjectName(name)
    return view


class GapPanels:
    """The gap tables and their wiring, for :class:`PortfolioPage`."""

    portfolio: Portfolio | None
    language: str
    _gaps: list[GapView]
    open_agency: Any
    below_spin: QDoubleSpinBox  # the page's gap limits (its filter bar builds them)
    min_spin: QSpinBox

    def _build_gaps(self) -> None:
        self.gap_model = GapModel(self)
        self.gap_view = _table("commonGaps", translate("PortfolioPage", "Common gaps"))
        self.gap_view.setModel(self.gap_model)
        self.gap_view.selectionModel().currentRowChanged.connect(self._gap_chosen)
        self.lender_model = LenderModel(self)
        self.lender_view = AgencyTable(
            "lenders", translate("PortfolioPage", "Agencies that can lend")
        )
        self.lender_view.setModel(self.lender_model)
        self.lender_view.open_agency.connect(self.open_agency.emit)
        self.borrower_model = BorrowerModel(self)
        self.borrower_view = AgencyTable(
            "borrowers", translate("PortfolioPage", "Agencies with the gap")
        )
        self.borrower_view.setModel(self.borrower_model)
        self.borrower_view.open_agency.connect(self.open_agency.emit)
        self.recommendation_model = RecommendationModel(self)
        self.recommendation_view = _table(
            "gapRecommendations", translate("PortfolioPage", "Recommendations given for the gap")
        )
        self.recommendation_view.setModel(self.recommendation_model)
        for view in (self.gap_view, self.lender_view, self.borrower_view, self.recommendation_view):
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            view.horizontalHeader().setStretchLastSection(True)
        width = cast(QWidget, self).fontMetrics().averageCharWidth()
        self.gap_view.setColumnWidth(0, 30 * width)
        self.gap_view.setColumnWidth(1, 20 * width)
        metrics = cast(QWidget, self).fontMetrics()
        models: tuple[tuple[QTableView, PortfolioTable[Any]], ...] = (
            (self.gap_view, self.gap_model),
            (self.lender_view, self.lender_model),
            (self.borrower_view, self.borrower_model),
            (self.recommendation_view, self.recommendation_model),
        )
        for view, model in models:
            for column, spec in enumerate(model.columns):
                if spec.numeric:
                    title = str(model.headerData(column, Qt.Orientation.Horizontal))
                    widest = max(metrics.horizontalAdvance(line) for line in title.split("\n"))
                    view.setColumnWidth(column, widest + 3 * width)
        for view in (self.lender_view, self.borrower_view):
            view.setColumnWidth(0, 28 * width)  # most agency names whole
        self.borrower_view.setColumnWidth(1, 18 * width)
        self.recommendation_view.setColumnWidth(0, 36 * width)
        for view, _model in models:
            widen_to_headings(view)
        # the gap's name takes what the numbers leave (elided, whole in its tooltip), so the
        # numbers stay in sight in a narrow pane
        for view in (self.gap_view, self.recommendation_view):
            header = view.horizontalHeader()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        self.gap_kind = QComboBox()
        self.gap_kind.setObjectName("gapKind")
        self.gap_kind.setAccessibleName(translate("PortfolioPage", "Gaps by"))
        self.gap_kind.addItem(translate("PortfolioPage", "By dimension"), "dimension")
        self.gap_kind.addItem(translate("PortfolioPage", "By question"), "question")
        self.gap_kind.currentIndexChanged.connect(self._show_gaps)
        gaps_box = self._box(translate("PortfolioPage", "Common gaps"), self.gap_view)
        box_layout = gaps_box.layout()
        assert isinstance(box_layout, QVBoxLayout)
        kind_row = QHBoxLayout()
        kind_label = QLabel(translate("PortfolioPage", "Sho&w:"))
        kind_label.setBuddy(self.gap_kind)
        kind_row.addWidget(kind_label)
        kind_row.addWidget(self.gap_kind)
        kind_row.addStretch(1)
        # the gap's limits sit with the gaps they define
        limits_row = QHBoxLayout()
        for label, widget in (
            (translate("PortfolioPage", "Score &below:"), self.below_spin),
            (translate("PortfolioPage", "Shared by &at least:"), self.min_spin),
        ):
            text = QLabel(label)
            text.setBuddy(widget)
            text.setToolTip(widget.accessibleName())
            limits_row.addWidget(text)
            limits_row.addWidget(widget)
        limits_row.addStretch(1)
        box_layout.insertLayout(0, kind_row)
        box_layout.insertLayout(1, limits_row)
        self.lenders_box = self._box(translate("PortfolioPage", "Can lend"), self.lender_view)
        self.lenders_box.setToolTip(
            translate(
                "PortfolioPage",
                "Agencies strong in the gap's area; those with good practices there first",
            )
        )
        self.borrowers_box = self._box(
            translate("PortfolioPage", "Could borrow"), self.borrower_view
        )
        self.borrowers_box.setToolTip(
            translate("PortfolioPage", "Agencies with the gap, lowest score first")
        )
        self.recommendations_box = self._box(
            translate("PortfolioPage", "Recommendations given"), self.recommendation_view
        )
        hint = translate("PortfolioPage", "Double-click or press Enter on an agency to open it.")
        for view in (self.lender_view, self.borrower_view):
            view.setToolTip(hint)
            view.setAccessibleDescription(hint)
        # the two lists as tabs, each the pane's full width: side by side, their last columns
        # ("Good practices", "Score") were cut off at the window's usual sizes
        pair = QTabWidget()
        pair.setObjectName("lendBorrowTabs")
        pair.setAccessibleName(translate("PortfolioPage", "Who can lend and who can borrow"))
        for box in (self.lenders_box, self.borrowers_box):
            box.setFlat(True)
            pair.addTab(box, box.title())
            box.setTitle("")
        self.pair_tabs = pair
        detail = QWidget()
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(0, 0, 0, 0)
        self.gap_heading = QLabel()
        self.gap_heading.setObjectName("gapHeading")
        self.gap_heading.setTextFormat(Qt.TextFormat.PlainText)  # titles are data
        self.gap_heading.setWordWrap(True)
        bold = self.gap_heading.font()
        bold.setBold(True)
        self.gap_heading.setFont(bold)
        dl.addWidget(self.gap_heading)
        dl.addWidget(pair, 2)
        dl.addWidget(self.recommendations_box, 1)
        self.gap_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.gap_splitter.setObjectName("gapSplitter")
        self.gap_splitter.setChildrenCollapsible(False)
        self.gap_splitter.addWidget(gaps_box)
        self.gap_splitter.addWidget(detail)
        # halves: the lists on the right are tabs now and need no more than the gaps' table
        self.gap_splitter.setStretchFactor(0, 1)
        self.gap_splitter.setStretchFactor(1, 1)
        self.gap_splitter.setSizes([700, 700])

    def _box(self, title: str, view: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(view)
        return box

    # --- data ---

    def _show_gaps(self) -> None:
        chosen = self.selected_gap()
        chosen_key = chosen.key if chosen is not None else None
        by_question = self.gap_kind.currentData() == "question"
        self._gaps = []
        if self.portfolio is not None:
            views = self.portfolio.question_gap_views if by_question else self.portfolio.gap_views
            self._gaps = views(
                self.language, below=self.below_spin.value(), min_agencies=self.min_spin.value()
            )
        self.gap_model.set_rows(self._gaps)
        self.gap_view.setColumnHidden(self.gap_model.column_of("dimension"), not by_question)
        # the agencies with the gap are listed beside the table ("Could borrow"): here the
        # column only pushed the table wider than its pane
        self.gap_view.setColumnHidden(self.gap_model.column_of("names"), True)
        row = next((i for i, g in enumerate(self._gaps) if g.key == chosen_key), 0)
        if self._gaps:
            self.gap_view.setCurrentIndex(self.gap_model.index(row, 0))
        else:
            self._gap_chosen(QModelIndex(), QModelIndex())

    def selected_gap(self) -> GapView | None:
        index = self.gap_view.currentIndex()
        return self.gap_model.row_at(index.row()) if index.isValid() else None

    def _gap_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        gap = self.gap_model.row_at(current.row()) if current.isValid() else None
        self.lender_model.set_rows(gap.lenders if gap else [])
        self.borrower_model.set_rows(gap.borrowers if gap else [])
        self.recommendation_model.set_rows(gap.recommendations if gap else [])
        if gap is None:
            self.gap_heading.setText(translate("PortfolioPage", "No common gap with these limits."))
            self.pair_tabs.setTabText(0, translate("PortfolioPage", "Can lend"))
            self.pair_tabs.setTabText(1, translate("PortfolioPage", "Could borrow"))
            self.recommendations_box.setTitle(translate("PortfolioPage", "Recommendations given"))
            return
        # box titles stay short (a group box is never narrower than its title); the gap's
        # name goes in the heading above them, which wraps
        heading = translate(
            "PortfolioPage", "%1: %n agencies below %2, %3 can lend", "", gap.count
        ).replace("%1", gap.title)
        heading = heading.replace("%2", score_text(self.below_spin.value())).replace(
            "%3", str(len(gap.lenders))
        )
        if gap.is_question:
            heading += " " + translate("PortfolioPage", "(dimension: %1)").replace(
                "%1", gap.dimension_title
            )
        self.gap_heading.setText(heading)
        self.pair_tabs.setTabText(
            0, translate("PortfolioPage", "Can lend (%1)").replace("%1", str(len(gap.lenders)))
        )
        self.pair_tabs.setTabText(
            1, translate("PortfolioPage", "Could borrow (%1)").replace("%1", str(gap.count))
        )
        self.recommendations_box.setTitle(
            translate("PortfolioPage", "Recommendations given in the dimension (%1)").replace(
                "%1", str(len(gap.recommendations))
            )
        )

    def select_gap(self, key: str) -> bool:
        for i, g in enumerate(self._gaps):
            if g.key == key:
                self.gap_view.setCurrentIndex(self.gap_model.index(i, 0))
                return True
        return False
