"""The question before opening a package that an older version of Assessor encrypted: its
passphrase protection needs more memory than ours (sync/age.py decides which packages ask)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from assessor.sync.age import WORK_FACTOR, key_memory

CODE = "syncfile.older_work_factor"


def is_older_encryption(exc: BaseException) -> bool:
    """Whether a refusal only waits for the user's yes to an older package's cost."""
    return getattr(exc, "code", None) == CODE


def question(memory: str) -> str:
    return QCoreApplication.translate(
        "OlderEncryption",
        "This package was locked by an older version of Assessor. Opening it needs about "
        "{memory} of memory for a few seconds (packages from this version need {ours}). "
        "Open it?",
    ).format(memory=memory, ours=key_memory(WORK_FACTOR))


def ask(parent: QWidget, params: dict[str, Any]) -> bool:
    """Ask whether to open it; True for yes (No is the default button)."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("OlderEncryption", "Package from an older version"),
        question(str(params.get("memory", ""))),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
