"""Error messages in words, Swedish and English, from one catalogue.

An error raised anywhere below the window carries a code and its parameters (see
errors.AssessorError); its message is worded here, in the language the user reads: the
window's language, or on the command line ``--lang`` or else the system locale. An error
without a code keeps the English it was raised with. A test fails when a code lacks either
language or the two disagree on their placeholders.
"""

from __future__ import annotations

import os
import string
from collections.abc import Mapping

from assessor.domain.message_catalogue import CATALOGUE
from assessor.domain.message_details import DETAILS
from assessor.domain.message_notes import NOTES

LANGUAGES = ("sv", "en")

__all__ = ["CATALOGUE", "DETAILS", "LANGUAGES", "NOTES"]

_language = "en"


def set_language(lang: str) -> None:
    """The language errors are worded in from now on (the window's, or the command line's)."""
    global _language
    _language = lang if lang in LANGUAGES else "en"


def language() -> str:
    return _language


def system_language() -> str:
    """'sv' when the system locale is Swedish, else 'en' (the command line without --lang)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name, "")
        if value:
            return "sv" if value.lower().startswith("sv") else "en"
    return "en"


def note(code: str, **params: object) -> str:
    """An import note of messages.NOTES in the current language (a worker thread words it in
    the window's language)."""
    text = worded(f"ciso.note.{code}", params)
    assert text is not None, code
    return text


class Detail:
    """A detail inside a message (why a package was refused), worded when the message is:
    the English text is its key in DETAILS, as a msgid is in gettext."""

    def __init__(self, english: str, **params: object) -> None:
        self.english = english
        # a parameter may be a Detail itself ("dimension 2: title"): worded when this is
        self.params = {k: v if isinstance(v, Detail) else str(v) for k, v in params.items()}

    def english_text(self) -> str:
        return self.english.format(
            **{k: v.english_text() if isinstance(v, Detail) else v for k, v in self.params.items()}
        )

    def __str__(self) -> str:
        template = DETAILS.get(self.english, {}).get(_language, self.english)
        try:
            return template.format(**{k: str(v) for k, v in self.params.items()})
        except (KeyError, IndexError, ValueError):
            return self.english_text()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Detail) and (self.english, self.params) == (
            other.english,
            other.params,
        )

    def __hash__(self) -> int:
        return hash((self.english, tuple(sorted(self.params))))

    def __repr__(self) -> str:
        return f"Detail({self.english!r})"


def os_reason(exc: OSError) -> object:
    """Why the system refused a file, in the user's language when DETAILS knows the system's
    English (permission denied, disk full); else as the system said it."""
    english = exc.strerror or str(exc)
    return Detail(english) if english in DETAILS else english


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def worded(code: str, params: Mapping[str, object], lang: str | None = None) -> str | None:
    """The message of ``code`` in ``lang`` (default: the current language); None if unknown."""
    entry = CATALOGUE.get(code)
    if entry is None:
        return None
    template = entry.get(lang or _language) or entry["en"]
    try:
        return template.format(**{k: str(v) for k, v in params.items()})
    except (KeyError, IndexError, ValueError):
        return None
