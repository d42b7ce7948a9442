"""The generic shapes of a checklist file: mappings, lists, texts per language, ids, weights.

Every value is checked node by node (nodes remember their line) before it is used, and bounded:
a value's length, a number's digits. checklist_validate.py checks the document on top of these.
"""

from __future__ import annotations

import math
from typing import Any

from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from assessor.domain.checklist import (
    ID_PATTERN,
    LANGUAGE_PATTERN,
    MAX_ID_CHARS,
    MAX_VERSION_DIGITS,
    MAX_VERSION_PARTS,
    VERSION_PATTERN,
    Problem,
    ScaleLevel,
    Text,
)
from assessor.domain.messages import Detail
from assessor.domain.messages import Detail as _p

MAX_VALUE_CHARS = 200_000
"""One text (a guidance, a descriptor); the longest published ones hold some thousands."""


def shown(value: str) -> str:
    """A value quoted in a message: cut short, so that one line stays one line."""
    value = value.replace("\n", " ")
    return value if len(value) <= 60 else value[:57] + "..."


def line_of(node: Node) -> int:
    return int(node.start_mark.line) + 1


class ShapeChecker:
    """Collects line-numbered problems while reading the generic shapes of a checklist."""

    def __init__(self, file_name: str) -> None:
        self.file = file_name
        self.problems: list[Problem] = []
        self.languages: tuple[str, ...] | None = None
        self.profile_ids: dict[str, int] = {}
        """Profile id -> line, once the profiles are read; unused ones are reported."""
        self.profiles_used: set[str] = set()
        self._constructor = SafeConstructor()

    def add(self, where: Node | int, message: Detail) -> None:
        """A problem on the node's line, worded in the user's language when printed."""
        line = where if isinstance(where, int) else line_of(where)
        self.problems.append(
            Problem(
                self.file, line, message.english_text(), "checklist.field", (("detail", message),)
            )
        )

    # --- generic shapes ----------------------------------------------------------------------

    def value(self, node: Node) -> Any:
        """The Python value of a scalar node (None if it cannot be constructed)."""
        if isinstance(node, ScalarNode) and len(node.value) > MAX_VALUE_CHARS:
            self.add(
                node,
                _p(
                    "a value longer than {MAX_VALUE_CHARS} characters",
                    MAX_VALUE_CHARS=f"{MAX_VALUE_CHARS:,}",
                ),
            )
            return None
        if (
            isinstance(node, ScalarNode)
            and not node.style
            and len(node.value) > 40
            and node.value.lstrip("+-").replace("_", "").isdigit()
        ):
            # PyYAML would build the integer (and Python refuses to read 4,300 digits or more)
            self.add(node, _p("a number with more digits than any weight or level needs"))
            return None
        try:
            return self._constructor.construct_object(node, deep=True)
        except ConstructorError as exc:
            self.add(node, _p("bad value: {value}", value=f"{exc.problem}"))
            return None
        except ValueError:  # a float or an integer too long to read
            self.add(node, _p("a number this program cannot read"))
            return None

    def mapping(
        self, node: Node, what: Detail, required: tuple[str, ...], optional: tuple[str, ...]
    ) -> dict[str, tuple[Node, Node]] | None:
        """A mapping node's fields by name; missing, unknown and duplicate keys reported."""
        if not isinstance(node, MappingNode):
            self.add(node, _p("{what} must be a mapping (key: value lines)", what=what))
            return None
        fields: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            key = self.value(key_node) if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, str):
                self.add(key_node, _p("{what}: field names must be text", what=what))
                continue
            if key in fields:
                self.add(key_node, _p("{what}: field '{key}' appears twice", what=what, key=key))
                continue
            if key not in required and key not in optional:
                known = ", ".join((*required, *optional))
                self.add(
                    key_node,
                    _p(
                        "{what}: unknown field '{key}' (known fields: {known})",
                        what=what,
                        key=key,
                        known=known,
                    ),
                )
                continue
            fields[key] = (key_node, value_node)
        for key in required:
            if key not in fields:
                self.add(node, _p("{what}: missing required field '{key}'", what=what, key=key))
        return fields

    def sequence(self, node: Node, what: Detail, *, non_empty: bool = True) -> list[Node] | None:
        if not isinstance(node, SequenceNode):
            self.add(node, _p("{what} must be a list (lines starting with '- ')", what=what))
            return None
        if non_empty and not node.value:
            self.add(node, _p("{what} must not be empty", what=what))
        return list(node.value)

    def string(self, node: Node, what: Detail) -> str | None:
        value = self.value(node) if isinstance(node, ScalarNode) else None
        if not isinstance(value, str):
            self.add(node, _p("{what} must be text", what=what))
            return None
        if not value.strip():
            self.add(node, _p("{what} must not be empty", what=what))
            return None
        return value

    def identifier(self, node: Node, what: Detail) -> str | None:
        value = self.string(node, what)
        if value is not None and not ID_PATTERN.fullmatch(value):
            self.add(
                node,
                _p(
                    "{what} '{value}' may hold only a-z, 0-9, '.', '_' and '-', must start with a "
                    "letter or digit and be at most {MAX_ID_CHARS} characters long",
                    what=what,
                    value=f"{shown(value)}",
                    MAX_ID_CHARS=MAX_ID_CHARS,
                ),
            )
            return None
        return value

    def weight(self, node: Node, what: Detail) -> float | None:
        before = len(self.problems)
        value = self.value(node) if isinstance(node, ScalarNode) else None
        if len(self.problems) > before:
            return None  # value() said what is wrong
        ok = (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and math.isfinite(value)
            and value > 0
        )
        if not ok:
            got = repr(value) if isinstance(node, ScalarNode) else "a " + type(node).__name__
            self.add(
                node,
                _p(
                    "{what}: weight must be a number greater than 0, not {value}",
                    what=what,
                    value=f"{shown(got)}",
                ),
            )
            return None
        assert isinstance(value, int | float)
        return float(value)

    def text(self, node: Node, what: Detail) -> Text | None:
        """A text in every language of the checklist: {sv: ..., en: ...}."""
        if not isinstance(node, MappingNode):
            self.add(
                node, _p("{what} must be a text per language, like {{sv: ..., en: ...}}", what=what)
            )
            return None
        result: Text = {}
        ok = True
        for key_node, value_node in node.value:
            lang = self.value(key_node) if isinstance(key_node, ScalarNode) else None
            if not isinstance(lang, str):
                self.add(key_node, _p("{what}: language codes must be text", what=what))
                ok = False
                continue
            if lang in result:
                self.add(
                    key_node, _p("{what}: language '{lang}' appears twice", what=what, lang=lang)
                )
                ok = False
                continue
            if self.languages is not None and lang not in self.languages:
                self.add(
                    key_node,
                    _p(
                        "{what}: language '{lang}' is not one of the checklist's languages "
                        "({value})",
                        what=what,
                        lang=lang,
                        value=f"{', '.join(self.languages)}",
                    ),
                )
                ok = False
                continue
            value = self.string(value_node, _p("{what} ({lang})", what=what, lang=lang))
            if value is None:
                ok = False
                continue
            result[lang] = value
        for lang in self.languages or ():
            if lang not in result and not any(
                isinstance(k, ScalarNode) and k.value == lang for k, _ in node.value
            ):
                self.add(node, _p("{what}: missing language '{lang}'", what=what, lang=lang))
                ok = False
        return result if ok else None

    def version(self, node: Node) -> str | None:
        value = self.value(node) if isinstance(node, ScalarNode) else None
        if not isinstance(value, str):
            self.add(
                node, _p('version must be quoted text like "1.0", not {value}', value=f"{value!r}")
            )
            return None
        if not VERSION_PATTERN.fullmatch(value):
            self.add(
                node,
                _p(
                    "version '{value}' must be whole numbers without leading zeros separated by "
                    "dots, like 1.0 or 2.10 (at most {MAX_VERSION_PARTS} numbers of at most "
                    "{MAX_VERSION_DIGITS} digits)",
                    value=f"{shown(value)}",
                    MAX_VERSION_PARTS=MAX_VERSION_PARTS,
                    MAX_VERSION_DIGITS=MAX_VERSION_DIGITS,
                ),
            )
            return None
        return value

    def language_list(self, node: Node) -> tuple[str, ...] | None:
        items = self.sequence(node, _p("languages"))
        if items is None:
            return None
        found: list[str] = []
        for item in items:
            lang = self.string(item, _p("a language"))
            if lang is None:
                continue
            if not LANGUAGE_PATTERN.fullmatch(lang):
                self.add(item, _p("'{lang}' is not a language code like sv or en", lang=lang))
            elif lang in found:
                self.add(item, _p("language '{lang}' is listed twice", lang=lang))
            else:
                found.append(lang)
        return tuple(found) if found and len(found) == len(items) else None

    def levels(
        self, node: Node, where: Detail, scale: tuple[ScaleLevel, ...] | None
    ) -> dict[int, Text] | None:
        if not isinstance(node, MappingNode):
            self.add(
                node,
                _p(
                    "{where}: levels must be a mapping from level number to descriptor", where=where
                ),
            )
            return None
        result: dict[int, Text] = {}
        present: set[int] = set()
        ok = True
        allowed = {s.level for s in scale} if scale is not None else None
        for key_node, value_node in node.value:
            key = self.value(key_node) if isinstance(key_node, ScalarNode) else None
            if isinstance(key, str) and key.lstrip("-").isdigit():
                key = int(key)
            if not isinstance(key, int) or isinstance(key, bool):
                self.add(
                    key_node,
                    _p("{where}: level {key} is not a whole number", where=where, key=f"{key!r}"),
                )
                ok = False
                continue
            if key in present:
                self.add(
                    key_node, _p("{where}: level {key} has two descriptors", where=where, key=key)
                )
                ok = False
                continue
            present.add(key)
            if allowed is not None and key not in allowed:
                assert scale is not None
                self.add(
                    key_node,
                    _p(
                        "{where}: level {key} is outside the scale {value}-{value2}",
                        where=where,
                        key=key,
                        value=f"{scale[0].level}",
                        value2=f"{scale[-1].level}",
                    ),
                )
                ok = False
                continue
            descriptor = self.text(
                value_node, _p("{where}: descriptor of level {key}", where=where, key=key)
            )
            if descriptor is None:
                ok = False
                continue
            result[key] = descriptor
        for level in sorted(allowed or ()):
            if level not in present:
                self.add(
                    node,
                    _p("{where}: missing descriptor for level {level}", where=where, level=level),
                )
                ok = False
        return result if ok else None
