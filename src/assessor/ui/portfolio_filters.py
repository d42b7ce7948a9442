"""The portfolio page's filter bar: checklist, ministry, status and the dates assessed, read as
one :class:`PortfolioFilter`; and the two limits of a common gap (below what score, shared by how
many agencies).

A base class of :class:`PortfolioPage` (it wires the filters to the page's reload and export).
Its words stay in the page's translation context, so they read the same as before the split.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
)

from assessor.services.portfolio import DEFAULT_CHECKLIST, PortfolioFilter, checklist_keys
from assessor.ui.words import words

translate = QCoreApplication.translate  # lupdate reads translate("PortfolioPage", ...) calls
NO_DATE = QDate(2000, 1, 1)  # the date edits' minimum, shown as "any"


class PortfolioFilters:
    """The filter widgets of :class:`PortfolioPage`, which provides what is declared here."""

    db: Any
    export_report: Callable[[], None]
    _filters_changed: Callable[[], None]
    _show_gaps: Callable[..., None]

    def _build_filters(self) -> None:
        self.checklist_combo = QComboBox()
        self.checklist_combo.setObjectName("portfolioChecklist")
        self.checklist_combo.setAccessibleName(translate("PortfolioPage", "Checklist"))
        with self.db.read() as s:
            keys = checklist_keys(s)
        for key in keys or [DEFAULT_CHECKLIST]:
            self.checklist_combo.addItem(key, key)
        at = self.checklist_combo.findData(DEFAULT_CHECKLIST)
        self.checklist_combo.setCurrentIndex(max(at, 0))
        self.ministry_combo = QComboBox()
        self.ministry_combo.setObjectName("portfolioMinistry")
        self.ministry_combo.setAccessibleName(translate("PortfolioPage", "Ministry"))
        self.ministry_combo.addItem(translate("PortfolioPage", "All ministries"), "")
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("portfolioStatus")
        self.status_combo.setAccessibleName(translate("PortfolioPage", "Status"))
        self.status_combo.addItem(translate("PortfolioPage", "Any status"), "")
        for status, name in words("assessment_status").items():
            self.status_combo.addItem(name, status)
        self.from_edit = self._date_edit(
            "portfolioFrom", translate("PortfolioPage", "Assessed from")
        )
        self.to_edit = self._date_edit("portfolioTo", translate("PortfolioPage", "Assessed until"))
        self.below_spin = QDoubleSpinBox()
        self.below_spin.setObjectName("portfolioBelow")
        self.below_spin.setAccessibleName(translate("PortfolioPage", "A gap is a score below this"))
        self.below_spin.setRange(0.5, 4.0)
        self.below_spin.setSingleStep(0.5)
        self.below_spin.setDecimals(1)
        self.below_spin.setValue(2.0)
        self.min_spin = QSpinBox()
        self.min_spin.setObjectName("portfolioMinAgencies")
        self.min_spin.setAccessibleName(
            translate("PortfolioPage", "Shared by at least this many agencies")
        )
        self.min_spin.setRange(2, 999)
        self.min_spin.setValue(2)
        self.ministry_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.ministry_combo.setMinimumContentsLength(14)

        bar = QHBoxLayout()
        chooser_label = QLabel(translate("PortfolioPage", "&Checklist:"))
        chooser_label.setBuddy(self.checklist_combo)
        bar.addWidget(chooser_label)
        bar.addWidget(self.checklist_combo)
        if self.checklist_combo.count() <= 1:  # nothing to choose: leave the room to the rest
            chooser_label.hide()
            self.checklist_combo.hide()
        for label, widget in (
            (translate("PortfolioPage", "&Ministry:"), self.ministry_combo),
            (translate("PortfolioPage", "&Status:"), self.status_combo),
            (translate("PortfolioPage", "Fr&om:"), self.from_edit),
            (translate("PortfolioPage", "&Until:"), self.to_edit),
        ):
            text = QLabel(label)
            text.setBuddy(widget)
            bar.addWidget(text)
            bar.addWidget(widget)
        self.mapped_check = QCheckBox(translate("PortfolioPage", "Ma&pped models"))
        self.mapped_check.setObjectName("portfolioMapped")
        self.mapped_check.setToolTip(
            translate(
                "PortfolioPage",
                "Also agencies assessed on another checklist, read through a kept mapping set",
            )
        )
        bar.addStretch(1)
        self.export_button = QPushButton(translate("PortfolioPage", "Export report…"))
        self.export_button.setObjectName("portfolioExport")
        self.export_button.setToolTip(
            translate(
                "PortfolioPage",
                "The portfolio report as a PDF: heat map, common gaps, suggested contacts",
            )
        )
        self.export_button.clicked.connect(self.export_report)
        bar.addWidget(self.export_button)
        self.filter_bar = bar
        for combo in (self.checklist_combo, self.ministry_combo, self.status_combo):
            combo.currentIndexChanged.connect(self._filters_changed)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self._filters_changed)
        self.mapped_check.toggled.connect(self._filters_changed)
        self.below_spin.valueChanged.connect(self._show_gaps)
        self.min_spin.valueChanged.connect(self._show_gaps)

    def _date_edit(self, name: str, accessible: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(translate("PortfolioPage", "any"))
        edit.setDate(NO_DATE)
        return edit

    def current_filter(self) -> PortfolioFilter:
        def day(edit: QDateEdit) -> date | None:
            d = edit.date()
            return None if d == NO_DATE else date(d.year(), d.month(), d.day())

        return PortfolioFilter(
            checklist_key=str(self.checklist_combo.currentData() or DEFAULT_CHECKLIST),
            ministry=str(self.ministry_combo.currentData() or ""),
            assessed_from=day(self.from_edit),
            assessed_to=day(self.to_edit),
            status=str(self.status_combo.currentData() or ""),
            include_mapped=self.mapped_check.isChecked(),
        )

    def _fill_ministries(self, ministries: tuple[str, ...]) -> None:
        combo = self.ministry_combo
        chosen = str(combo.currentData() or "")
        known = [str(combo.itemData(i)) for i in range(1, combo.count())]
        if known == list(ministries):
            return
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for m in ministries:
            combo.addItem(m, m)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
        combo.blockSignals(False)
