"""An evidence file's title, description and confidential flag, edited in a small dialog.

Who added it and when are shown, not edited: they are what the record is for."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from assessor.services.attachments import AttachmentRow
from assessor.ui.fields import end_form
from assessor.ui.row_model import show


class AttachmentDialog(QDialog):
    def __init__(self, row: AttachmentRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Evidence file"))
        self.title = QLineEdit(row.title)
        self.title.setMinimumWidth(self.fontMetrics().averageCharWidth() * 45)
        self.title.setAccessibleName(self.tr("Title"))
        self.description = QPlainTextEdit(row.description)
        self.description.setAccessibleName(self.tr("Description"))
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(self.fontMetrics().height() * 6)
        self.confidential = QCheckBox(
            self.tr("&Confidential (never in a report, an export or the archive unless asked for)")
        )
        self.confidential.setChecked(row.confidential)
        added = QLabel(
            self.tr("%1, %2")
            .replace("%1", row.added_by or self.tr("unknown"))
            .replace("%2", show(row.added_at))
        )
        added.setTextFormat(Qt.TextFormat.PlainText)  # a name is user data
        file_label = QLabel(row.file_name)
        file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&Description:"), self.description)
        form.addRow("", self.confidential)
        form.addRow(self.tr("File:"), file_label)
        form.addRow(self.tr("Added:"), added)
        end_form(self, form, self.error, self._accept)
        # never narrower than its rows: a least width of its own let the window open narrower
        # than the confidential box's words, which were cut at the edge in both languages
        form.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)

    def values(self) -> tuple[str, str, bool]:
        return (
            self.title.text().strip(),
            self.description.toPlainText(),
            self.confidential.isChecked(),
        )

    def _accept(self) -> None:
        if not self.title.text().strip():
            self.error.setText(self.tr("The title cannot be empty."))
            return
        self.accept()
