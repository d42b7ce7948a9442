"""Reading a checklist file: bytes in, a ChecklistDoc or a list of line-numbered problems out.

The YAML is composed into nodes (which remember their line) and checked node by node, so every
problem names the line it is on. Nothing here trusts the file: size, encoding and YAML syntax are
checked first, aliases are refused (no "billion laughs"), and every value is type-checked before
it is used.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import yaml
from yaml.nodes import Node, ScalarNode

from assessor.domain.checklist import (
    FORMAT,
    Band,
    ChecklistDoc,
    ChecklistProblems,
    Dimension,
    Problem,
    Profile,
    Question,
    ScaleLevel,
    as_problem,
    default_bands,
    default_scale,
)
from assessor.domain.checklist_scale import ScaleChecker
from assessor.domain.checklist_shapes import line_of
from assessor.domain.messages import Detail
from assessor.domain.messages import Detail as _p
from assessor.domain.yaml_limits import LOADER, check_shape, too_large, unreadable_character

TOP_REQUIRED = ("format", "id", "version", "languages", "title", "dimensions")
TOP_OPTIONAL = ("description", "scale", "bands", "profiles", "source")
DIMENSION_REQUIRED = ("id", "title", "questions")
DIMENSION_OPTIONAL = ("weight", "description")
QUESTION_REQUIRED = ("id", "text", "levels")
QUESTION_OPTIONAL = ("weight", "guidance", "profiles", "source")


class _Checker(ScaleChecker):
    """The checklist document: its top-level fields, profiles, scale, bands, dimensions."""

    # --- the document ------------------------------------------------------------------------

    def document(self, root: Node) -> ChecklistDoc | None:
        top = self.mapping(root, _p("the checklist"), TOP_REQUIRED, TOP_OPTIONAL)
        if top is None:
            return None
        if "format" in top:
            fmt_node = top["format"][1]
            fmt = self.value(fmt_node) if isinstance(fmt_node, ScalarNode) else None
            if fmt != FORMAT:
                self.problems.append(
                    Problem(
                        self.file,
                        line_of(fmt_node),
                        f"unknown format {fmt!r}; this program reads '{FORMAT}'",
                        "checklist.unknown_format",
                        (("format", repr(fmt)), ("expected", FORMAT)),
                    )
                )
                return None  # an unknown format's other fields mean something else
        else:
            return None

        def field(name: str, check: Callable[[Node], Any]) -> Any:
            return check(top[name][1]) if name in top else None

        checklist_id = field("id", lambda n: self.identifier(n, _p("id")))
        version = field("version", self.version)
        languages = field("languages", self.language_list)
        self.languages = languages
        title = field("title", lambda n: self.text(n, _p("title")))
        description = field("description", lambda n: self.text(n, _p("description"))) or {}
        langs = languages or ("en",)
        scale = field("scale", self.scale) if "scale" in top else default_scale(langs)
        bands: tuple[Band, ...] | None = None
        if "bands" in top:
            bands = self.bands(top["bands"][1], scale)
        elif scale is not None:
            bands = default_bands(scale)
        profiles = field("profiles", self.profiles) if "profiles" in top else ()
        source = field("source", lambda n: self.string(n, _p("source"))) if "source" in top else ""
        dimensions = field("dimensions", lambda n: self.dimensions(n, scale))
        for profile_id, line in self.profile_ids.items():
            if profile_id not in self.profiles_used:
                self.add(
                    line,
                    _p(
                        "profile '{profile_id}' has no question (no question names it)",
                        profile_id=profile_id,
                    ),
                )
        if self.problems:
            return None
        return ChecklistDoc(
            id=checklist_id,
            version=version,
            languages=tuple(languages),
            title=title,
            description=description,
            scale=scale,
            bands=bands or (),
            dimensions=dimensions,
            profiles=profiles or (),
            source=source or "",
        )

    def profiles(self, node: Node) -> tuple[Profile, ...] | None:
        items = self.sequence(node, _p("profiles"))
        if items is None:
            return None
        result: list[Profile] = []
        for i, item in enumerate(items):
            fields = self.mapping(
                item, _p("profile {value}", value=f"{i + 1}"), ("id", "name"), ("description",)
            )
            if fields is None or "id" not in fields or "name" not in fields:
                continue
            profile_id = self.identifier(
                fields["id"][1], _p("profile {value}: id", value=f"{i + 1}")
            )
            if profile_id is not None and profile_id in self.profile_ids:
                self.add(
                    fields["id"][1],
                    _p("duplicate profile id '{profile_id}'", profile_id=profile_id),
                )
                continue
            where = (
                _p("profile '{profile_id}'", profile_id=profile_id)
                if profile_id
                else _p("profile {value}", value=f"{i + 1}")
            )
            name = self.text(fields["name"][1], _p("{where}: name", where=where))
            description = (
                self.text(fields["description"][1], _p("{where}: description", where=where))
                if "description" in fields
                else {}
            )
            if profile_id is None or name is None or description is None:
                continue
            self.profile_ids[profile_id] = line_of(fields["id"][1])
            result.append(Profile(profile_id, name, description))
        return tuple(result)

    def question_profiles(self, node: Node, where: Detail) -> tuple[str, ...] | None:
        items = self.sequence(node, _p("{where}: profiles", where=where), non_empty=False)
        if items is None:
            return None
        found: list[str] = []
        for item in items:
            profile_id = self.string(item, _p("{where}: a profile", where=where))
            if profile_id is None:
                return None
            if profile_id not in self.profile_ids:
                known = ", ".join(self.profile_ids) or "none; list them under 'profiles'"
                self.add(
                    item,
                    _p(
                        "{where}: unknown profile '{profile_id}' (profiles: {known})",
                        where=where,
                        profile_id=profile_id,
                        known=known,
                    ),
                )
                return None
            if profile_id not in found:
                found.append(profile_id)
        self.profiles_used.update(found)
        return tuple(found)

    def dimensions(
        self, node: Node, scale: tuple[ScaleLevel, ...] | None
    ) -> tuple[Dimension, ...] | None:
        items = self.sequence(node, _p("dimensions"))
        if items is None:
            return None
        dimension_ids: dict[str, int] = {}
        question_ids: dict[str, int] = {}
        result: list[Dimension] = []
        for i, item in enumerate(items):
            fields = self.mapping(
                item,
                _p("dimension {value}", value=f"{i + 1}"),
                DIMENSION_REQUIRED,
                DIMENSION_OPTIONAL,
            )
            if fields is None:
                continue
            dim_id = None
            if "id" in fields:
                dim_id = self.identifier(
                    fields["id"][1], _p("dimension {value}: id", value=f"{i + 1}")
                )
                if dim_id is not None and dim_id in dimension_ids:
                    self.add(
                        fields["id"][1],
                        _p(
                            "duplicate dimension id '{dim_id}' (first used on line {value})",
                            dim_id=dim_id,
                            value=f"{dimension_ids[dim_id]}",
                        ),
                    )
                elif dim_id is not None:
                    dimension_ids[dim_id] = line_of(fields["id"][1])
            where = (
                _p("dimension '{dim_id}'", dim_id=dim_id)
                if dim_id
                else _p("dimension {value}", value=f"{i + 1}")
            )
            weight = self.weight(fields["weight"][1], where) if "weight" in fields else 1.0
            title = (
                self.text(fields["title"][1], _p("{where}: title", where=where))
                if "title" in fields
                else None
            )
            description = (
                self.text(fields["description"][1], _p("{where}: description", where=where))
                if "description" in fields
                else {}
            )
            questions: tuple[Question, ...] | None = None
            if "questions" in fields:
                questions = self.questions(fields["questions"][1], where, scale, question_ids)
            if None in (dim_id, weight, title, description, questions):
                continue
            assert dim_id is not None and weight is not None and title is not None
            assert description is not None and questions is not None
            result.append(Dimension(dim_id, weight, title, description, questions))
        return tuple(result)

    def questions(
        self,
        node: Node,
        dimension: Detail,
        scale: tuple[ScaleLevel, ...] | None,
        seen: dict[str, int],
    ) -> tuple[Question, ...] | None:
        items = self.sequence(node, _p("{dimension}: questions", dimension=dimension))
        if items is None:
            return None
        result: list[Question] = []
        for i, item in enumerate(items):
            fields = self.mapping(
                item,
                _p("{dimension}: question {value}", dimension=dimension, value=f"{i + 1}"),
                QUESTION_REQUIRED,
                QUESTION_OPTIONAL,
            )
            if fields is None:
                continue
            q_id = None
            if "id" in fields:
                q_id = self.identifier(
                    fields["id"][1],
                    _p("{dimension}: question {value}: id", dimension=dimension, value=f"{i + 1}"),
                )
                if q_id is not None and q_id in seen:
                    self.add(
                        fields["id"][1],
                        _p(
                            "duplicate question id '{q_id}' (first used on line {value})",
                            q_id=q_id,
                            value=f"{seen[q_id]}",
                        ),
                    )
                elif q_id is not None:
                    seen[q_id] = line_of(fields["id"][1])
            where = (
                _p("question '{q_id}'", q_id=q_id)
                if q_id
                else _p("{dimension}: question {value}", dimension=dimension, value=f"{i + 1}")
            )
            weight = self.weight(fields["weight"][1], where) if "weight" in fields else 1.0
            text = (
                self.text(fields["text"][1], _p("{where}: text", where=where))
                if "text" in fields
                else None
            )
            guidance = (
                self.text(fields["guidance"][1], _p("{where}: guidance", where=where))
                if "guidance" in fields
                else {}
            )
            levels = self.levels(fields["levels"][1], where, scale) if "levels" in fields else None
            profiles = (
                self.question_profiles(fields["profiles"][1], where) if "profiles" in fields else ()
            )
            source = (
                self.string(fields["source"][1], _p("{where}: source", where=where))
                if "source" in fields
                else ""
            )
            if None in (q_id, weight, text, guidance, levels, profiles, source):
                continue
            assert q_id is not None and weight is not None and text is not None
            assert guidance is not None and levels is not None
            assert profiles is not None and source is not None
            result.append(Question(q_id, weight, text, guidance, levels, profiles, source))
        return tuple(result)


def _tab_at(text: str, line: int, column: int) -> bool:
    """Whether YAML stopped at a tab (an editor's indentation): worth saying in plain words."""
    lines = text.splitlines()
    if not 0 <= line < len(lines):
        return False
    return "\t" in lines[line][: column + 1]


def parse_checklist(data: bytes, file_name: str) -> ChecklistDoc | list[Problem]:
    """The checklist in ``data``, or every problem found, each with its line."""
    excess = too_large(len(data))
    if excess is not None:
        return [as_problem(file_name, excess)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return [
            Problem(
                file_name, line, "the file is not UTF-8 text (save it as UTF-8)", "file.not_utf8"
            )
        ]
    checker = _Checker(file_name)
    shape = check_shape(text)
    if shape is not None:
        if shape.code == "yaml.alias":
            shape = replace(shape, message="aliases (*name) are not allowed in a checklist")
        return [as_problem(file_name, shape)]
    try:
        root = yaml.compose(text, Loader=LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = int(mark.line) + 1 if mark is not None else 1
        reason = exc.problem or exc.context or "not valid YAML"
        if mark is not None and _tab_at(text, int(mark.line), int(mark.column)):
            reason = "a tab character; YAML indents with spaces only"
            return [Problem(file_name, line, f"YAML syntax error: {reason}", "yaml.tab")]
        return [
            Problem(
                file_name,
                line,
                f"YAML syntax error: {reason}",
                "yaml.syntax",
                (("reason", reason),),
            )
        ]
    except yaml.reader.ReaderError as exc:
        return [as_problem(file_name, unreadable_character(exc, text))]
    except yaml.YAMLError as exc:
        detail = " ".join(str(exc).split())
        return [Problem(file_name, 1, "YAML error: " + detail, "yaml.error", (("detail", detail),))]
    if root is None:
        return [Problem(file_name, 1, "the file is empty", "file.empty")]
    doc = checker.document(root)
    if checker.problems or doc is None:
        return sorted(checker.problems, key=lambda p: p.line) or [
            Problem(file_name, 1, "not a checklist", "checklist.not_a_checklist")
        ]
    return doc


def read_checklist(data: bytes, file_name: str) -> ChecklistDoc:
    """Like parse_checklist, but raises ChecklistProblems instead of returning them."""
    result = parse_checklist(data, file_name)
    if isinstance(result, ChecklistDoc):
        return result
    raise ChecklistProblems(result)
