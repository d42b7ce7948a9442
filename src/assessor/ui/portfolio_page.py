"""The portfolio: every agency against one checklist, the gaps they share, who can lend to whom.

Top: filters and the heat map of latest scores (with each agency's trend). Bottom: the common
gaps; for the chosen gap the agencies strong in it with their good practices (lenders) beside the
agencies that lack it (borrowers), and the recommendations given for it. Double-click or Enter on
a lender, a borrower or a heat-map row emits ``open_agency(agency_id)`` (the main window shows
that agency). When shown again, the page reloads if the data changed meanwhile.

The latest scores are read at once (a few queries for all agencies, fast enough to open with);
the trends, which need every older assessment scored too, follow from a background task.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.errors import AssessorError
from assessor.services.files import check_output, write_atomically
from assessor.services.portfolio import (
    Details,
    GapView,
    Portfolio,
    PortfolioFilter,
    TrendPoint,
    build_portfolio_report,
    data_stamp,
    load_details,
    load_portfolio,
    with_details,
)
from assessor.ui import tasks
from assessor.ui.changes import Change, Table
from assessor.ui.context import AppContext
from assessor.ui.heat_table import HeatTable, table_switch
from assessor.ui.heatmap import HeatColumn, HeatMap, HeatRow, ScaleLegend
from assessor.ui.portfolio_filters import PortfolioFilters
from assessor.ui.portfolio_gaps import GapPanels
from assessor.ui.portfolio_models import (
    score_text,
)
from assessor.ui.row_model import show

WATCHED = (
    Table.AGENCY,
    Table.ASSESSMENT,
    Table.ANSWER,
    Table.FINDING,
    Table.RECOMMENDATION,
    Table.RECOMMENDATION_DIMENSION,
    Table.RECOMMENDATION_TEMPLATE,
)


class PortfolioPage(PortfolioFilters, GapPanels, QWidget):
    open_agency = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.db = context.db
        self.language = context.language
        self.portfolio: Portfolio | None = None
        self._gaps: list[GapView] = []
        self._generation = 0
        self._dirty = False
        self._stamp: tuple[object, ...] = ()
        self._first_paint_done = False
        self._pending_details: tuple[int, PortfolioFilter] | None = None
        self.setObjectName("portfolioPage")

        self._build_filters()
        self.heatmap = HeatMap()
        self.heatmap.activated.connect(self.open_agency.emit)
        self.heatmap.current_changed.connect(self._show_trend)
        self.heatmap.painted.connect(self._on_first_paint)
        self.legend = ScaleLegend()
        self.trend_label = QLabel()
        self.trend_label.setObjectName("trendLabel")
        self.trend_label.setTextFormat(Qt.TextFormat.PlainText)
        self.trend_label.setWordWrap(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("portfolioCount")
        self.status_label = QLabel()
        self.status_label.setObjectName("portfolioStatusText")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)

        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addLayout(self.filter_bar)
        tl.addWidget(self.heatmap, 1)
        self.heat_table = HeatTable(self.heatmap)  # the same data as a table (screen readers)
        self.heat_table.activated_id.connect(self.open_agency.emit)
        tl.addWidget(self.heat_table, 1)
        under = QHBoxLayout()
        under.addWidget(self.legend)
        under.addWidget(table_switch(self.heatmap, self.heat_table))
        under.addWidget(self.count_label)
        # beside the count it changes, not in the filter bar: that one fills 1100 px already
        under.addWidget(self.mapped_check)
        under.addStretch(1)
        under.addWidget(self.status_label)
        tl.addLayout(under)
        tl.addWidget(self.trend_label)

        self._build_gaps()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("portfolioSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.gap_splitter)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([480, 420])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.splitter)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(150)
        self._reload_timer.timeout.connect(self.reload)
        self.context.edits.changed.connect(self._on_data_changed)
        self.reload()

    # --- building ---

    def reload(self) -> None:
        """Read the portfolio for the filters now; the trends follow in the background."""
        self._generation += 1
        generation = self._generation
        flt = self.current_filter()
        try:
            with self.db.read() as s:
                self._stamp = data_stamp(s)
                portfolio = load_portfolio(s, flt, quick=True)
        except AssessorError as exc:
            self.portfolio = None
            self.heatmap.set_data([], [], 0, 4)
            self.count_label.setText(exc.message)
            self._gaps = []
            self.gap_model.set_rows([])
            self._gap_chosen(QModelIndex(), QModelIndex())
            return
        self._set_portfolio(portfolio)
        if not portfolio.agencies:
            return
        if self._first_paint_done:
            self._start_details(generation, flt)
        else:
            # after the map's first paint, so that the reading does not compete with it (a
            # worker thread still shares the interpreter); at the latest after a second
            self._pending_details = (generation, flt)
            QTimer.singleShot(1000, self._details_after_paint)

    def _on_first_paint(self) -> None:
        self._first_paint_done = True
        QTimer.singleShot(0, self._details_after_paint)

    def _details_after_paint(self) -> None:
        pending, self._pending_details = self._pending_details, None
        if pending is not None:
            self._start_details(*pending)

    def _start_details(self, generation: int, flt: PortfolioFilter) -> None:
        if generation != self._generation:
            return
        known = (
            {r.assessment_id: r.overall for r in self.portfolio.agencies}
            if self.portfolio is not None
            else {}
        )  # scored already: not again
        tasks.run(
            self._read_details,
            flt,
            known,
            on_result=lambda details: self._details_loaded(generation, details),
            on_error=lambda exc: self.trend_label.setText(str(exc)),
        )

    def _read_details(self, flt: PortfolioFilter, known: dict[str, float | None]) -> Details:
        with self.db.read() as s:
            return load_details(s, flt, known)

    def _details_loaded(self, generation: int, details: Details) -> None:
        if generation != self._generation or self.portfolio is None:
            return  # the filters changed meanwhile: a newer load is on its way
        self.portfolio = with_details(self.portfolio, details)
        trends = details.trends
        self._show_gaps()  # now with the recommendations; the chosen gap stays chosen
        self.heatmap.set_trends(
            {a: tuple(t.overall for t in points) for a, points in trends.items()},
            {a: self._trend_text(points) for a, points in trends.items()},
        )
        current = self.heatmap.current_id()
        if current:
            self._show_trend(current)

    def _set_portfolio(self, portfolio: Portfolio) -> None:
        self.portfolio = portfolio
        self._fill_ministries(portfolio.ministries)
        columns = [HeatColumn(d.key, d.label(self.language)) for d in portfolio.dimensions]
        rows = [
            HeatRow(
                a.agency_id,
                self.tr("%1 (mapped)").replace("%1", a.name) if a.mapped_from else a.name,
                dict(a.dimensions),
                a.overall,
                tuple(t.overall for t in a.trend),
                self._trend_text(a.trend)
                + (
                    "\n"
                    + self.tr("Assessed on %1, read through a mapping set").replace(
                        "%1", a.mapped_from
                    )
                    if a.mapped_from
                    else ""
                ),
            )
            for a in portfolio.agencies
        ]
        self.heatmap.set_data(rows, columns, portfolio.min_level, portfolio.max_level)
        self.legend.set_levels(portfolio.levels)
        total = len(portfolio.agencies)
        self.count_label.setText(self.tr("%n agencies", "", total))
        self._show_gaps()
        current = self.heatmap.current_id()
        self.trend_label.setText("")
        if current:
            self._show_trend(current)

    def _trend_text(self, points: tuple[TrendPoint, ...]) -> str:
        # the locale's dates, as everywhere else in the window
        return " → ".join(f"{show(p.assessed_on)}: {score_text(p.overall)}" for p in points)

    def _show_trend(self, agency_id: str) -> None:
        if self.portfolio is None:
            return
        try:
            row = self.portfolio.agency(agency_id)
        except AssessorError:
            return
        self.trend_label.setText(
            self.tr("Overall index over time for %1: %2")
            .replace("%1", row.name)
            .replace("%2", self._trend_text(row.trend))
        )

    def _filters_changed(self) -> None:
        self._reload_timer.start()

    def _on_data_changed(self, change: Change) -> None:
        if change.touches(*WATCHED):
            if self.isVisible():
                self._reload_timer.start()
            else:
                self._dirty = True

    # --- the window ---

    def page_shown(self) -> None:
        """Reload when the data changed since the last load (an edit here, a sync import)."""
        with self.db.read() as s:
            stamp = data_stamp(s)
        if self._dirty or stamp != self._stamp:
            self._dirty = False
            self.reload()

    def focus_search(self) -> None:
        self.ministry_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- the portfolio report ---

    def export_report(self) -> None:
        """File > Export report… on this page: the portfolio report for the filters shown."""
        from assessor.ui.export_files import default_folder

        # the documents folder (or the last report's), never the program's own folder
        suggested = str(default_folder() / (self.tr("portfolio-report") + ".pdf"))
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export portfolio report"), suggested, self.tr("PDF files (*.pdf)")
        )
        if not chosen:
            return
        path = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
        limits = {"below": self.below_spin.value(), "min_agencies": self.min_spin.value()}
        self.export_button.setEnabled(False)
        self.status_label.setText(self.tr("Writing the portfolio report…"))
        tasks.run(
            self._write_report,
            path,
            self.current_filter(),
            self.language,
            limits,
            on_result=self._report_written,
            on_error=self._report_failed,
            on_finished=lambda: self.export_button.setEnabled(True),
        )

    def _write_report(
        self, path: Path, flt: PortfolioFilter, language: str, limits: dict[str, Any]
    ) -> Path:
        check_output(path, db_path=Path(self.db.path), header=b"%PDF", what="PDF report")
        with self.db.read() as s:
            pdf = build_portfolio_report(s, flt, language, **limits)
        write_atomically(path, pdf)  # never a half-written report
        return path

    def _report_written(self, path: Path) -> None:
        self.status_label.setText(self.tr("Wrote %1").replace("%1", str(path)))

    def _report_failed(self, exc: BaseException) -> None:
        message = exc.message if isinstance(exc, AssessorError) else str(exc)
        self.status_label.setText(
            self.tr("The report could not be written: %1").replace("%1", message)
        )

    def save_settings(self, s: QSettings) -> None:
        s.setValue("splitter", self.splitter.saveState())
        s.setValue("gapSplitter", self.gap_splitter.saveState())
        key, descending = self.heatmap.sort_key()
        s.setValue("sortKey", key)
        s.setValue("sortDescending", descending)

    def restore_settings(self, s: QSettings) -> None:
        for name, splitter in (("splitter", self.splitter), ("gapSplitter", self.gap_splitter)):
            state = s.value(name)
            if state is not None:
                splitter.restoreState(state)
        key = s.value("sortKey")
        if key:
            self.heatmap.sort_by(str(key), str(s.value("sortDescending")).lower() == "true")
