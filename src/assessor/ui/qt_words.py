"""Qt's own words where its Swedish translation is odd or missing.

PySide6 ships Qt's Swedish (qtbase_sv.qm, loaded by app.install_translations), but it writes
the OK button "Ok", and leaves the Discard button's texts of some desktops ("Don't Save",
"Close without Saving") in English. These few are set here; every other standard text stays
Qt's. Installed after Qt's own translation, since the translator installed last is asked
first.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTranslator

# context -> source -> Swedish (the standard buttons' texts come from QPlatformTheme)
SWEDISH: dict[str, dict[str, str]] = {
    "QPlatformTheme": {
        "OK": "OK",
        "Don't Save": "Spara inte",
        "Discard": "Spara inte",
        "Close without Saving": "Stäng utan att spara",
    },
}


class StandardWords(QTranslator):
    """Answers for the few texts above; no answer (None: a null text, unlike "") lets Qt ask
    the next translator."""

    def __init__(self, words: dict[str, dict[str, str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words = words

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        return self._words.get(context, {}).get(source_text)

    def isEmpty(self) -> bool:
        return not self._words


def install(app: QCoreApplication, language: str) -> StandardWords | None:
    """Install the words for ``language`` after Qt's own translation (None for English: Qt's
    own words are English)."""
    if language != "sv":
        return None
    words = StandardWords(SWEDISH, app)
    app.installTranslator(words)
    return words
