"""The recommendation library: search by text, dimension and tag; use count and agencies."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.checklist import pick
from assessor.services import templates as template_service
from assessor.services.templates import TemplateRow
from assessor.store.db import Database
from assessor.ui.columns import row_list
from assessor.ui.row_model import Column, RowTableModel
from assessor.ui.workspace.table import fit_columns, fit_two_lines


class TemplatesModel(RowTableModel[TemplateRow]):
    def __init__(
        self, dimension_titles: dict[str, str] | None = None, parent: QObject | None = None
    ) -> None:
        self._titles = dimension_titles or {}
        super().__init__(parent=parent)

    def columns(self) -> list[Column[TemplateRow]]:
        return [
            Column("title", self.tr("Title"), lambda t: t.title),
            Column(
                "dimension",
                self.tr("Dimension"),
                lambda t: self._titles.get(t.dimension_key, t.dimension_key),
            ),
            Column("tags", self.tr("Tags"), lambda t: ", ".join(t.tags)),
            Column("usage", self.tr("Used"), lambda t: str(t.usage), Qt.AlignmentFlag.AlignRight),
            Column("agencies", self.tr("At agencies"), lambda t: ", ".join(t.agencies)),
        ]


class TemplateLibrary(QDialog):
    """Browse the library; in picking mode, Enter (or Use) returns the chosen template."""

    def __init__(
        self,
        db: Database,
        dimensions: list[tuple[str, dict[str, str]]],
        lang: str,
        parent: QWidget | None = None,
        dimension_key: str = "",
        picking: bool = True,
    ) -> None:
        super().__init__(parent=parent)
        self.db = db
        self.setWindowTitle(self.tr("Recommendation library"))
        self.setAccessibleName(self.tr("Recommendation library"))
        self.resize(820, 480)
        titles = {key: pick(title, lang) for key, title in dimensions}
        self.model = TemplatesModel(titles, self)
        self.text = QLineEdit(self)
        self.text.setAccessibleName(self.tr("Search the library"))
        self.text.setPlaceholderText(self.tr("Words in the title, text or tags"))
        self.text.setClearButtonEnabled(True)
        self.dimension = QComboBox(self)
        self.dimension.setAccessibleName(self.tr("Dimension filter"))
        self.dimension.addItem(self.tr("(any dimension)"), "")
        for key, title in titles.items():
            self.dimension.addItem(title, key)
        self.dimension.setCurrentIndex(max(0, self.dimension.findData(dimension_key)))
        self.tag = QLineEdit(self)
        self.tag.setAccessibleName(self.tr("Tag filter"))
        form = QFormLayout()
        for label, w in (
            (self.tr("&Words:"), self.text),
            (self.tr("&Dimension:"), self.dimension),
            (self.tr("T&ag:"), self.tag),
        ):
            lab = QLabel(label, self)
            lab.setBuddy(w)
            form.addRow(lab, w)
        self.view = row_list(QTableView(self), self.tr("Templates"), self.model)
        fit_columns(self.view, "title", ("usage",))
        fit_two_lines(self.view, "dimension", titles.values())
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("The template's text"))
        self.preview.setMaximumHeight(120)
        self.empty = QLabel(self)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(self)
        if picking:
            self.use_button = buttons.addButton(
                self.tr("&Use template"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.use_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.preview)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh)
        self.text.textChanged.connect(self._timer.start)
        self.tag.textChanged.connect(self._timer.start)
        self.dimension.currentIndexChanged.connect(self.refresh)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.view.doubleClicked.connect(self.accept)
        self.refresh()
        self.view.setFocus()

    def refresh(self) -> None:
        self._timer.stop()
        with self.db.read() as s:
            rows = template_service.search_templates(
                s,
                text=self.text.text(),
                dimension_key=self.dimension.currentData() or "",
                tag=self.tag.text(),
            )
        self.model.set_rows(rows)
        self.empty.setText(self.tr("No template matches") if not rows else "")
        self.empty.setVisible(not rows)
        if rows:
            self.view.selectRow(0)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            t = self.model.row_at(current.row())
            self.preview.setPlainText("\n\n".join(p for p in (t.text, t.rationale) if p))

    def chosen(self) -> str | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()).id if index.isValid() else None
