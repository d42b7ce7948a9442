"""--help and argparse's own words in Swedish and English (domain/message_help.py)."""

from __future__ import annotations

import argparse
import inspect
import string

import pytest

from assessor.cli.help_words import Templated
from assessor.cli.main import build_parser, main
from assessor.domain.message_help import ARGPARSE, HELP, METAVARS


def _texts(parser: argparse.ArgumentParser) -> list[str]:
    """Every text the parsers show in --help: descriptions, options', commands' help."""
    found = [parser.description] if parser.description else []
    for action in parser._actions:
        if action.help and action.help != argparse.SUPPRESS:
            found.append(action.help)
        if isinstance(action, argparse._SubParsersAction):
            found += [c.help for c in action._choices_actions if c.help]
            for sub in dict.fromkeys(action.choices.values()):
                found += _texts(sub)
    return found


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_help_text_has_swedish_with_the_same_placeholders() -> None:
    texts = _texts(build_parser(["--lang", "en"]))
    assert len(texts) > 100, "few help texts found: the walk is out of date"
    missing = []
    for text in dict.fromkeys(texts):
        key = text.template if isinstance(text, Templated) else text
        if key == "show this help message and exit":
            continue  # argparse's own, worded through ARGPARSE
        if key not in HELP:
            missing.append(key)
        elif isinstance(text, Templated):
            assert _fields(HELP[key]) == _fields(key), key
    assert missing == []
    assert all(value.strip() and "%" not in value for value in HELP.values())


def test_argparse_still_asks_for_the_texts_we_word() -> None:
    source = inspect.getsource(argparse)
    unknown = [msgid for msgid in ARGPARSE if repr(msgid) not in source]
    assert unknown == []


def test_help_in_swedish_and_english(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "sv", "sync", "import", "--help"])
    swedish = capsys.readouterr().out
    assert swedish.startswith("användning: assessor sync import")
    assert "lösenfrasen till en krypterad synkfil" in swedish
    assert "flaggor:" in swedish and "visa den här hjälpen och avsluta" in swedish
    assert "upp till 1 GiB minne" in " ".join(swedish.split())  # filled in from a template
    with pytest.raises(SystemExit):
        main(["--lang", "en", "sync", "import", "--help"])
    english = capsys.readouterr().out
    assert english.startswith("usage: assessor sync import")
    assert "the passphrase of an encrypted package" in english and "lösenfras" not in english


def test_argparse_errors_follow_the_language(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    with pytest.raises(SystemExit) as done:
        main(["report", "--db", "x.db"])
    assert done.value.code == 2
    assert capsys.readouterr().err == (
        "assessor report: följande argument krävs: --assessment, --out\n"
    )
    with pytest.raises(SystemExit):
        main(["--lang", "en", "report", "--db", "x.db"])
    assert capsys.readouterr().err == (
        "assessor report: the following arguments are required: --assessment, --out\n"
    )
    # a command's own --lang (the report's language) is not the program's
    with pytest.raises(SystemExit):
        main(["report", "--lang", "en", "--db", "x.db"])
    assert "följande argument krävs" in capsys.readouterr().err


def _placeholders(parser: argparse.ArgumentParser) -> set[str]:
    found: set[str] = set()
    for action in parser._actions:
        metavars = action.metavar if isinstance(action.metavar, tuple) else (action.metavar,)
        found |= {m for m in metavars if m}
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                found |= _placeholders(sub)
    return found


def test_every_placeholder_is_worded_in_swedish() -> None:
    english = _placeholders(build_parser(["--lang", "en"]))
    swedish = _placeholders(build_parser(["--lang", "sv"]))
    assert {"PATH", "COMMAND", "ACTION", "FILE", "NAME"} <= english
    words = {m for m in english if not m.startswith("{")}
    # every English placeholder has its Swedish, and none of them is left in the Swedish help
    assert words - {"ID", "N", "F", "URL"} <= set(METAVARS)
    assert not (swedish & (set(METAVARS) - set(METAVARS.values())))
    assert {"SÖKVÄG", "KOMMANDO", "ÅTGÄRD", "FIL", "NAMN"} <= swedish


def test_an_argument_of_choices_is_named_by_them_not_by_its_internal_name(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--lang", "sv", "import", "--db", "x.db", "notes.txt"])
    assert done.value.code == 2
    error = capsys.readouterr().err
    assert "argumentet {archive}: ogiltigt val: 'notes.txt'" in error
    assert "what" not in error
