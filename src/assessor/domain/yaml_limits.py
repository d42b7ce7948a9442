"""What a YAML file may expand to before anything is built from it.

A byte limit alone is the wrong guard: a few kilobytes of nested aliases ("billion laughs") or
deep nesting can exhaust memory, while a real framework (CyFun 2025 is 3.4 MB) is harmless.
So the file's event stream is read first, one event at a time, without building any node:
aliases are refused, and the number of nodes and the nesting depth are bounded. Only a file
within those bounds is composed. The byte limit stays, far above the largest published
framework, so that a huge file is refused before it is even decoded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

MAX_FILE_BYTES = 32 * 1024 * 1024
"""About ten times the largest published framework."""
MAX_NODES = 2_000_000
"""NZISM, the framework with the most YAML nodes, has about 80,000."""
MAX_DEPTH = 64
"""Real checklists and libraries nest 3 to 8 levels."""

# libyaml's parser is several times faster on a large file; the pure-Python one is the fallback
LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Excess:
    """Why a YAML text is refused before it is composed, and on which line (1-based)."""

    line: int
    message: str
    code: str = ""
    params: tuple[tuple[str, object], ...] = ()


def _line(event: Any) -> int:
    mark = getattr(event, "start_mark", None)
    return int(mark.line) + 1 if mark is not None else 1


def check_shape(text: str) -> Excess | None:
    """None when ``text`` stays within the limits; else the first excess found.

    YAML syntax errors are not reported here (the caller's own parse names them with their
    line); the stream is read only as far as the first excess or the first syntax error.
    """
    nodes = 0
    depth = 0
    try:
        for event in yaml.parse(text, Loader=LOADER):
            if isinstance(event, yaml.AliasEvent):
                return Excess(_line(event), "aliases (*name) are not allowed", "yaml.alias")
            if isinstance(event, yaml.ScalarEvent):
                nodes += 1
            elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                nodes += 1
                depth += 1
                if depth > MAX_DEPTH:
                    return Excess(
                        _line(event),
                        f"the YAML nests deeper than {MAX_DEPTH} levels",
                        "yaml.too_deep",
                        (("limit", MAX_DEPTH),),
                    )
            elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
                depth -= 1
            if nodes > MAX_NODES:
                return Excess(
                    _line(event),
                    f"the YAML holds more than {MAX_NODES:,} values",
                    "yaml.too_many",
                    (("limit", f"{MAX_NODES:,}"),),
                )
    except yaml.YAMLError:
        return None
    return None


def unreadable_character(exc: yaml.reader.ReaderError, text: str) -> Excess:
    """A NUL or another control character, on the line it is on (PyYAML says only its
    position in the whole text, over two lines)."""
    code = ord(exc.character) if isinstance(exc.character, str) else int(exc.character)
    # the first of its kind is the one refused; libyaml's position counts bytes, not characters
    at = text.find(chr(code))
    line = text.count("\n", 0, at if at >= 0 else max(0, int(exc.position))) + 1
    char = f"U+{code:04X}"
    return Excess(
        line,
        f"a control character ({char}) that a text file may not hold",
        "yaml.control_char",
        (("char", char),),
    )


def too_large(size: int) -> Excess | None:
    """Why a file of ``size`` bytes is over the byte limit (on line 1); None within it."""
    if size <= MAX_FILE_BYTES:
        return None
    return Excess(
        1,
        f"the file is too large ({size:,} bytes; at most {MAX_FILE_BYTES:,} bytes are read)",
        "file.too_large",
        (("size", f"{size:,}"), ("limit", f"{MAX_FILE_BYTES:,}")),
    )
