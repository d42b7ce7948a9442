"""Qt's own standard buttons in the Swedish window: Qt's Swedish, with its odd "Ok" and its
English Discard texts set right (ui/qt_words.py)."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from assessor.ui import qt_words
from assessor.ui.app import install_translations

B = QDialogButtonBox.StandardButton


def _texts() -> dict[str, str]:
    box = QDialogButtonBox()
    try:
        return {b.name: box.addButton(b).text() for b in (B.Ok, B.Cancel, B.Yes, B.No, B.Save)}
    finally:
        box.deleteLater()


def test_the_standard_buttons_are_swedish_with_ok_in_capitals(qtbot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = install_translations(app, "sv")  # installs ours after Qt's
    try:
        assert any(isinstance(t, qt_words.StandardWords) for t in installed)
        assert _texts() == {
            "Ok": "OK",
            "Cancel": "Avbryt",
            "Yes": "&Ja",
            "No": "&Nej",
            "Save": "Spara",
        }
        box = QDialogButtonBox()
        qtbot.addWidget(box)
        assert box.addButton(B.Discard).text() in ("Spara inte", "Stäng utan att spara")
    finally:
        for t in installed:
            app.removeTranslator(t)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    assert _texts()["Ok"] == "OK" and _texts()["Cancel"] == "Cancel"  # English: Qt's own


def test_nothing_is_installed_for_english() -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert qt_words.install(app, "en") is None
