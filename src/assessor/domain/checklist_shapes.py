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

    def add(self, where: Node | int, message: str) -> None:
        line = where if isinstance(where, int) else line_of(where)
        self.problems.append(Problem(self.file, line, message))

    # --- generic shapes ----------------------------------------------------------------------

    def value(self, node: Node) -> Any:
        """The Python value of a scalar node (None if it cannot be constructed)."""
        if isinstance(node, ScalarNode) and len(node.value) > MAX_VALUE_CHARS:
            self.add(node, f"a value longer than {MAX_VALUE_CHARS:,} characters")
            return None
        if isinstance(node, ScalarNode) and not node.style and len(node.value) > 40 \
                and node.value.lstrip("+-").replace("_", "").isdigit():
            # PyYAML would build the integer (and Python refuses to read 4,300 digits or more)
            self.add(node, "a number with more digits than any weight or level needs")
            return None
        try:
            return self._constructor.construct_object(node, deep=True)
        except ConstructorError as exc:
            self.add(node, f"bad value: {exc.problem}")
            return None
        except ValueError:  # a float or an integer too long to read
            self.add(node, "a number this program cannot read")
            return None

    def mapping(
        self, node: Node, what: str, required: tuple[str, ...], optional: tuple[str, ...]
    ) -> dict[str, tuple[Node, Node]] | None:
        """A mapping node's fields by name; missing, unknown and duplicate keys reported."""
        if not isinstance(node, MappingNode):
            self.add(node, f"{what} must be a mapping (key: value lines)")
            return None
        fields: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            key = self.value(key_node) if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, str):
                self.add(key_node, f"{what}: field names must be text")
                continue
            if key in fields:
                self.add(key_node, f"{what}: field '{key}' appears twice")
                continue
            if key not in required and key not in optional:
                known = ", ".join((*required, *optional))
                self.add(key_node, f"{what}: unknown field '{key}' (known fields: {known})")
                continue
            fields[key] = (key_node, value_node)
        for key in required:
            if key not in fields:
                self.add(node, f"{what}: missing required field '{key}'")
        return fields

    def sequence(self, node: Node, what: str, *, non_empty: bool = True) -> list[Node] | None:
        if not isinstance(node, SequenceNode):
            self.add(node, f"{what} must be a list (lines starting with '- ')")
            return None
        if non_empty and not node.value:
            self.add(node, f"{what} must not be empty")
        return list(node.value)

    def string(self, node: Node, what: str) -> str | None:
        value = self.value(node) if isinstance(node, ScalarNode) else None
        if not isinstance(value, str):
            self.add(node, f"{what} must be text")
            return None
        if not value.strip():
            self.add(node, f"{what} must not be empty")
            return None
        return value

    def identifier(self, node: Node, what: str) -> str | None:
        value = self.string(node, what)
        if value is not None and not ID_PATTERN.fullmatch(value):
            self.add(
                node,
                f"{what} '{shown(value)}' may hold only a-z, 0-9, '.', '_' and '-', must start "
                f"with a letter or digit and be at most {MAX_ID_CHARS} characters long",
            )
            return None
        return value

    def weight(self, node: Node, what: str) -> float | None:
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
            self.add(node, f"{what}: weight must be a number greater than 0, not {shown(got)}")
            return None
        assert isinstance(value, int | float)
        return float(value)

    def text(self, node: Node, what: str) -> Text | None:
        """A text in every language of the checklist: {sv: ..., en: ...}."""
        if not isinstance(node, MappingNode):
            self.add(node, f"{what} must be a text per language, like {{sv: ..., en: ...}}")
            return None
        result: Text = {}
        ok = True
        for key_node, value_node in node.value:
            lang = self.value(key_node) if isinstance(key_node, ScalarNode) else None
            if not isinstance(lang, str):
                self.add(key_node, f"{what}: language codes must be text")
                ok = False
                continue
            if lang in result:
                self.add(key_node, f"{what}: language '{lang}' appears twice")
                ok = False
                continue
            if self.languages is not None and lang not in self.languages:
                self.add(
                    key_node,
                    f"{what}: language '{lang}' is not one of the checklist's languages "
                    f"({', '.join(self.languages)})",
                )
                ok = False
                continue
            value = self.string(value_node, f"{what} ({lang})")
            if value is None:
                ok = False
                continue
            result[lang] = value
        for lang in self.languages or ():
            if lang not in result and not any(
                isinstance(k, ScalarNode) and k.value == lang for k, _ in node.value
            ):
                self.add(node, f"{what}: missing language '{lang}'")
                ok = False
        return result if ok else None

    def version(self, node: Node) -> str | None:
        value = self.value(node) if isinstance(node, ScalarNode) else None
        if not isinstance(value, str):
            self.add(node, f'version must be quoted text like "1.0", not {value!r}')
            return None
        if not VERSION_PATTERN.fullmatch(value):
            self.add(
                node,
                f"version '{shown(value)}' must be whole numbers without leading zeros "
                f"separated by dots, like 1.0 or 2.10 (at most {MAX_VERSION_PARTS} numbers of "
                f"at most {MAX_VERSION_DIGITS} digits)",
            )
            return None
        return value

    def language_list(self, node: Node) -> tuple[str, ...] | None:
        items = self.sequence(node, "languages")
        if items is None:
            return None
        found: list[str] = []
        for item in items:
            lang = self.string(item, "a language")
            if lang is None:
                continue
            if not LANGUAGE_PATTERN.fullmatch(lang):
                self.add(item, f"'{lang}' is not a language code like sv or en")
            elif lang in found:
                self.add(item, f"language '{lang}' is listed twice")
            else:
                found.append(lang)
        return tuple(found) if found and len(found) == len(items) else None

    def levels(
        self, node: Node, where: str, scale: tuple[ScaleLevel, ...] | None
    ) -> dict[int, Text] | None:
        if not isinstance(node, MappingNode):
            self.add(node, f"{where}: levels must be a mapping from level number to descriptor")
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
                self.add(key_node, f"{where}: level {key!r} is not a whole number")
                ok = False
                continue
            if key in present:
                self.add(key_node, f"{where}: level {key} has two descriptors")
                ok = False
                continue
            present.add(key)
            if allowed is not None and key not in allowed:
                assert scale is not None
                self.add(
                    key_node,
                    f"{where}: level {key} is outside the scale {scale[0].level}-{scale[-1].level}",
                )
                ok = False
                continue
            descriptor = self.text(value_node, f"{where}: descriptor of level {key}")
            if descriptor is None:
                ok = False
                continue
            result[key] = descriptor
        for level in sorted(allowed or ()):
            if level not in present:
                self.add(node, f"{where}: missing descriptor for level {level}")
                ok = False
        return result if ok else None
