"""The agency page's dialogs (a new agency, a contact) and the wording of a wrong
organisation number."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QWidget,
)

from assessor.domain import orgnr
from assessor.ui.fields import ErrorLabel, end_form

if TYPE_CHECKING:
    from assessor.services.agency_reads import ContactRow


def orgnr_message(raw: str) -> str:
    """Why ``raw`` is not an organisation number, in the UI language ("" when it is one)."""
    from PySide6.QtCore import QCoreApplication

    text = raw.strip()
    if not text or orgnr.is_valid(text):
        return ""
    digits = "".join(ch for ch in text if ch.isdigit())
    shaped = text.replace(" ", "").replace("-", "")
    if shaped.isdigit() and len(digits) in (10, 12):
        ten = digits[-10:]
        message = QCoreApplication.translate(
            "AgencyDetail", "The check digit of %1 is wrong: the last digit should be %2."
        )
        return message.replace("%1", f"{ten[:6]}-{ten[6:]}").replace(
            "%2", str(orgnr.luhn_check_digit(ten[:9]))
        )
    message = QCoreApplication.translate(
        "AgencyDetail", "“%1” is not an organisation number; write ten digits as NNNNNN-NNNN."
    )
    return message.replace("%1", text)


class ContactDialog(QDialog):
    """Add or edit one contact person."""

    def __init__(self, parent: QWidget | None, contact: ContactRow | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit contact") if contact else self.tr("New contact"))
        form = QFormLayout(self)
        # room for a whole e-mail address and job title
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.name = QLineEdit(contact.name if contact else "")
        self.title = QLineEdit(contact.title if contact else "")
        self.email = QLineEdit(contact.email if contact else "")
        self.phone = QLineEdit(contact.phone if contact else "")
        for widget, label in (
            (self.name, self.tr("&Name:")),
            (self.title, self.tr("&Job title:")),
            (self.email, self.tr("&E-mail:")),
            (self.phone, self.tr("&Phone:")),
        ):
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(label, widget)
        self.error = ErrorLabel()
        end_form(self, form, self.error, self._accept)

    def values(self) -> dict[str, str]:
        return {
            "name": self.name.text(),
            "title": self.title.text(),
            "email": self.email.text(),
            "phone": self.phone.text(),
        }

    def _accept(self) -> None:
        if not self.name.text().strip():
            self.error.show_error(self.tr("The contact's name cannot be empty."))
            self.name.setFocus()
            return
        self.accept()


def with_error(field: QWidget, error: ErrorLabel) -> QWidget:
    box = QWidget()
    lay = QHBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(field, 1)
    lay.addWidget(error, 1)
    return box


class NewAgencyDialog(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New agency"))
        form = QFormLayout(self)
        # room for a ministry's long name, and for the error message on two lines at most
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Agency name"))
        self.org = QLineEdit()
        self.org.setAccessibleName(self.tr("Organisation number"))
        self.org.setPlaceholderText(self.tr("NNNNNN-NNNN"))
        self.ministry = QLineEdit()
        self.ministry.setAccessibleName(self.tr("Ministry"))
        self.error = ErrorLabel()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Organisation number:"), self.org)
        form.addRow(self.tr("&Ministry:"), self.ministry)
        end_form(self, form, self.error, self._accept)

    def _accept(self) -> None:
        if not self.name.text().strip():
            self._show_error(self.tr("The agency's name cannot be empty."))
            self.name.setFocus()
            return
        message = orgnr_message(self.org.text())
        if message:
            self._show_error(message)
            self.org.setFocus()
            return
        self.accept()

    def _show_error(self, message: str) -> None:
        """Show the message wrapped, growing the dialog so that no line of it is cut off (the
        dialog's size does not follow a wrapped label's height by itself)."""
        self.error.show_error(message)
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)
