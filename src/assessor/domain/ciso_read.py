"""Reading a CISO Assistant library file: bytes in, the parsed library and what kind it is.

A library holds one kind of object: a framework (a checklist for us), a requirement mapping set
(a mapping between two frameworks), a risk matrix, reference controls, threats, a preset or
metric definitions. Only the first two mean something here; the others are named in one line,
so that a user who picked the wrong file learns what it is instead of reading a dozen lines
about fields of our own format.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import yaml

from assessor.domain.checklist import ChecklistProblems, Problem, as_problem
from assessor.domain.yaml_limits import LOADER, check_shape, too_large, unreadable_character

FRAMEWORK = "framework"
MAPPING = "mapping"

# object key -> what the file is, said to the user
_OTHER_KINDS = {
    "risk_matrix": "a risk matrix",
    "reference_controls": "a catalogue of reference controls",
    "threats": "a catalogue of threats",
    "preset": "a preset (a set-up of several libraries)",
    "metric_definitions": "a set of metric definitions",
    "techniques": "a catalogue of attack techniques",
}


def sniff_library(data: bytes) -> bool:
    """Cheap look at raw bytes: is this file a CISO Assistant library (of any kind)?

    A library has a top-level ``objects:``; our own format names itself on a ``format:`` line
    (and may name CISO Assistant urns as its questions' sources).
    """
    if re.search(rb"(?m)^format:\s*[\"']?assessor-checklist/", data):
        return False
    return re.search(rb"(?m)^objects:", data) is not None


def library_kind(data: Any) -> str | None:
    """FRAMEWORK, MAPPING, a description of another kind, or None if not a library at all."""
    if not isinstance(data, dict) or not isinstance(data.get("objects"), dict):
        return None
    objects = data["objects"]
    if isinstance(objects.get("framework"), dict):
        return FRAMEWORK
    if objects.get("requirement_mapping_set") or objects.get("requirement_mapping_sets"):
        return MAPPING
    for key, what in _OTHER_KINDS.items():
        if objects.get(key):
            return what
    return "a library without a framework"


def load_library(data: bytes, file_name: str) -> dict[str, Any]:
    """The parsed library; raises ChecklistProblems for a file that is not one, or too big."""
    excess = too_large(len(data))
    if excess is not None:
        raise ChecklistProblems([as_problem(file_name, excess)])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ChecklistProblems(
            [Problem(file_name, line, "the file is not UTF-8 text", "file.not_utf8")]
        ) from None
    shape = check_shape(text)
    if shape is not None:
        raise ChecklistProblems([as_problem(file_name, shape)])
    try:
        parsed = yaml.load(text, Loader=LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = int(mark.line) + 1 if mark is not None else 1
        reason = exc.problem or exc.context or "not valid YAML"
        problem = Problem(
            file_name, line, f"YAML syntax error: {reason}", "yaml.syntax", (("reason", reason),)
        )
        raise ChecklistProblems([problem]) from None
    except yaml.reader.ReaderError as exc:
        raise ChecklistProblems([as_problem(file_name, unreadable_character(exc, text))]) from None
    except yaml.YAMLError as exc:
        detail = " ".join(str(exc).split())
        raise ChecklistProblems(
            [Problem(file_name, 1, "YAML error: " + detail, "yaml.error", (("detail", detail),))]
        ) from None
    except ValueError:  # PyYAML built a number of thousands of digits, which Python refuses
        raise ChecklistProblems(
            [Problem(file_name, 1, "a number this program cannot read", "yaml.long_number")]
        ) from None
    if library_kind(parsed) is None:
        raise ChecklistProblems(
            [Problem(file_name, 1, "not a CISO Assistant library", "ciso.not_a_library")]
        )
    assert isinstance(parsed, dict)
    return parsed


def not_a_framework(library: Mapping[str, Any], file_name: str, kind: str) -> ChecklistProblems:
    """The one-line problem for a library that holds no framework."""
    name = str(library.get("name") or library.get("ref_id") or "").strip()
    named = f" ('{name}')" if name else ""
    if kind == MAPPING:
        message = (
            f"a CISO Assistant mapping set between two frameworks{named}, not a checklist; "
            "keep it with 'assessor mapping import' or the window's import"
        )
        code = "ciso.mapping_set"
    else:
        message = f"{kind} from CISO Assistant{named}, not a framework: nothing to import"
        objects = library.get("objects") or {}
        key = next((k for k in _OTHER_KINDS if objects.get(k)), "other")
        code = f"ciso.{key}"
    return ChecklistProblems([Problem(file_name, 1, message, code, (("named", named),))])
