"""What the command line prints: lines worded from the catalogue (domain/message_cli.py) in
the language of the errors (``--lang``, else the system's), and lines of data as they are.

Commands print through here only; tests/cli/test_cli_words.py fails when a command prints
words of its own.
"""

from __future__ import annotations

import sys

from assessor.domain.counts import counted
from assessor.domain.messages import language, worded


def text(code: str, **params: object) -> str:
    """The line ``code`` of the catalogue in the current language, filled in."""
    line = worded(code, params)
    if line is None:  # a code missing from the catalogue is a bug the tests catch
        raise KeyError(code)
    return line


def say(code: str, **params: object) -> None:
    """Print the line ``code``, worded, on standard output."""
    print(text(code, **params))


def warn(code: str, **params: object) -> None:
    """Print the line ``code``, worded, on standard error."""
    print(text(code, **params), file=sys.stderr)


def show(line: object, *, err: bool = False) -> None:
    """Print a line that is data (ids, names, a digest) or was worded already (a problem)."""
    print(line, file=sys.stderr if err else sys.stdout)


def blank() -> None:
    print()


def count(number: int, noun: str) -> str:
    """``number`` and its noun, inflected in the current language ("2 rader", "1 row")."""
    return counted(number, noun, language())


def decimal(value: float, spec: str) -> str:
    """``value`` formatted by ``spec`` (".1f", "g") with the language's decimal sign."""
    formatted = format(value, spec)
    return formatted.replace(".", ",") if language() == "sv" else formatted


def percent(share: float) -> str:
    """``share`` (0.85) as a whole percentage: "85%", in Swedish "85 %" (with a space)."""
    whole = format(share, ".0%")
    return whole.replace("%", "\u00a0%") if language() == "sv" else whole
