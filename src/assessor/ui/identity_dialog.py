"""Who uses this laptop: a name and an e-mail that travel with sync, so colleagues' laptops
name the advisor beside what they wrote (services.advisors.set_me)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.errors import AssessorError
from assessor.services import advisors


class IdentityDialog(QDialog):
    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Who uses this laptop"))
        self.setMinimumWidth(420)
        with db.read() as session:
            current = advisors.me(session)
        self.name = QLineEdit(current.name if current else "")
        self.name.setAccessibleName(self.tr("Your name"))
        self.email = QLineEdit(current.email if current else "")
        self.email.setAccessibleName(self.tr("Your e-mail address"))
        explain = QLabel(
            self.tr(
                "Colleagues see your name beside the changes you make, in their conflicts and "
                "import history."
            )
        )
        explain.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&E-mail:"), self.email)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            with self.db.transaction() as session:
                advisors.set_me(session, name=self.name.text(), email=self.email.text())
        except AssessorError as exc:
            self.error.setText(exc.message)
            return
        self.accept()
