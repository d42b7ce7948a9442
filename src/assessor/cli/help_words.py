"""--help and argparse's own words in the user's language (domain/message_help.py).

The parsers keep their English texts beside their options; the formatter words them when help
is shown, and argparse's gettext texts ("usage: ", "options", "expected one argument") are
looked up the same way. English needs nothing: the texts are already English.
"""

from __future__ import annotations

import argparse
from typing import Any

from assessor.domain.message_help import ARGPARSE, HELP, METAVARS
from assessor.domain.messages import language


class Templated(str):
    """A help text filled in from a template ("up to {memory}"): worded from the template."""

    template: str
    params: dict[str, object]

    def __new__(cls, template: str, **params: object) -> Templated:
        made = super().__new__(cls, template.format(**params))
        made.template, made.params = template, params
        return made


def worded_help(english: str) -> str:
    """``english`` (a parser's text) in the current language; itself when there is none."""
    if language() != "sv":
        return english
    if isinstance(english, Templated):
        swedish = HELP.get(english.template)
        return swedish.format(**english.params) if swedish else str(english)
    return HELP.get(english, english)


class WordedHelpFormatter(argparse.HelpFormatter):
    def _get_help_string(self, action: argparse.Action) -> str | None:
        return None if action.help is None else worded_help(action.help)

    def _format_text(self, text: str) -> str:
        return super()._format_text(worded_help(text))


def worded_metavar(metavar: str | tuple[str, ...]) -> str | tuple[str, ...]:
    """An option's placeholder ("PATH") in the current language; word for word for a pair."""
    if language() != "sv":
        return metavar
    if isinstance(metavar, tuple):
        return tuple(METAVARS.get(m, m) for m in metavar)
    return METAVARS.get(metavar, metavar)


def word_action(action: argparse.Action) -> None:
    """Word an argument's placeholder, the one argparse would make from its name included
    ("--name NAME"). An argument of fixed choices is named by them, as its usage shows it,
    and not by its internal name ("what") in argparse's errors."""
    if action.metavar is not None:
        action.metavar = worded_metavar(action.metavar)
    elif action.choices:  # shown as its choices ("--lang {sv,en}"), never by its name
        action.metavar = "{" + ",".join(action.choices) + "}"
    elif action.option_strings and action.nargs != 0:
        action.metavar = worded_metavar(action.dest.upper())


def _argparse_words(message: str) -> str:
    return ARGPARSE.get(message, message) if language() == "sv" else message


def install() -> None:
    """Have argparse ask us for its own texts (it looks its gettext function up on each use)."""
    setattr(argparse, "_", _argparse_words)  # noqa: B010 (typeshed does not declare it)


def parser_options(kwargs: dict[str, Any]) -> dict[str, Any]:
    kwargs.setdefault("formatter_class", WordedHelpFormatter)
    return kwargs
