"""Counts in the window inflect with their number in both languages ("1 av 1 fråga")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("lang", "context", "source", "n", "expected"),
    [
        (
            "sv",
            "Counts",
            "%1 of %n applicable questions answered",
            1,
            "%1 av 1 tillämplig fråga besvarad",
        ),
        (
            "sv",
            "Counts",
            "%1 of %n applicable questions answered",
            3,
            "%1 av 3 tillämpliga frågor besvarade",
        ),
        (
            "en",
            "Counts",
            "%1 of %n applicable questions answered",
            1,
            "%1 of 1 applicable question answered",
        ),
        ("sv", "AgenciesPage", "%1 of %n agencies", 1, "%1 av 1 myndighet"),
        ("sv", "AgenciesPage", "%1 of %n agencies", 5, "%1 av 5 myndigheter"),
        ("en", "AgenciesPage", "%1 of %n agencies", 1, "%1 of 1 agency"),
        (
            "sv",
            "PortfolioPage",
            "%1: %n agencies below %2, %3 can lend",
            1,
            "%1: 1 myndighet under %2, %3 kan låna ut",
        ),
    ],
)
def test_counts_inflect(qapp, lang: str, context: str, source: str, n: int, expected: str) -> None:
    from PySide6.QtCore import QCoreApplication, QLocale

    from assessor.ui import translations_build
    from assessor.ui.app import install_translations

    translations_build.build()
    translators = install_translations(qapp, lang)
    try:
        assert QCoreApplication.translate(context, source, "", n) == expected
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
