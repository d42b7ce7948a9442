"""The Qt Linguist files: complete Swedish, placeholders equal to the source, loaded at start."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from assessor.paths import resource

PLACEHOLDER = re.compile(r"%(?:\d+|n|L\d+)|\{[A-Za-z_][A-Za-z0-9_]*\}")
TS_FILES = sorted(resource("i18n").glob("assessor_*.ts"))


def placeholders(text: str | None) -> Counter[str]:
    return Counter(PLACEHOLDER.findall(text or ""))


def messages(path: Path):
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def _forms(message: ET.Element) -> list[str | None]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [f.text for f in translation.iter("numerusform")]
    return [translation.text]


def test_both_languages_ship() -> None:
    assert {p.stem for p in TS_FILES} >= {"assessor_sv", "assessor_en"}


@pytest.mark.parametrize("path", TS_FILES, ids=lambda p: p.name)
def test_every_translation_has_the_placeholders_of_its_source(path: Path) -> None:
    wrong = []
    for context, message in messages(path):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is not None and translation.get("type") in (
            "unfinished",
            "vanished",
            "obsolete",
        ):
            continue
        for form in _forms(message):
            if form and placeholders(form) != placeholders(source):
                wrong.append(f"{context}: {source!r} -> {form!r}")
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


def test_every_swedish_string_is_translated_and_finished() -> None:
    path = resource("i18n", "assessor_sv.ts")
    missing = []
    for context, message in messages(path):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            missing.append(f"{context}: {source!r}")
            continue
        if not all(f and f.strip() for f in _forms(message)):
            missing.append(f"{context}: {source!r} (empty)")
    assert not missing, "Swedish translations missing or unfinished:\n" + "\n".join(missing)


def test_the_placeholder_check_would_catch_a_mismatch() -> None:
    assert placeholders("%1 of %2 agencies") != placeholders("%1 av myndigheter")
    assert placeholders("Hello {name}") != placeholders("Hej {namn}")
    assert placeholders("%n agencies") == placeholders("%n myndigheter")


def test_the_window_speaks_swedish_with_the_swedish_translation(db, sample, qtbot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from assessor.ui import translations_build
    from assessor.ui.app import build_window, install_translations

    translations_build.build()
    app = QApplication.instance()
    translators = install_translations(app, "sv")
    try:
        assert translators, "the Swedish .qm was not loaded"
        window = build_window(db, "sv")
        qtbot.addWidget(window)
        menus = [a.text() for a in window.menuBar().actions()]
        assert "&Arkiv" in menus and "&Redigera" in menus
        page = window.page("agencies")
        assert page.filter_edit.placeholderText().startswith("Filtrera")
        header = page.model.headerData(1, Qt.Orientation.Horizontal)
        assert header == "Org.nummer"
        assert page.count_label.text() == "1 myndighet"
        window.close()
    finally:
        from PySide6.QtCore import QLocale

        for t in translators:
            app.removeTranslator(t)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def test_no_window_text_sends_the_user_to_the_command_line() -> None:
    # the Other models tab said "(assessor mapping import)" where the window has its own way
    # in; the window names its own buttons and sections instead
    command = re.compile(r"\bassessor [a-z]+ [a-z]+")
    sent = [
        (name, message.findtext("source"))
        for name, message in messages(resource("i18n") / "assessor_sv.ts")
        if command.search(message.findtext("source") or "")
    ]
    assert sent == []
