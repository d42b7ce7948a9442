"""Every line the command line prints in words comes from the catalogue (domain/message_cli.py),
in Swedish and English: a command that prints words of its own fails here.

Read from the source (the AST of src/assessor/cli/*.py), so a line printed only on a rare path
is caught as surely as a common one.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from assessor.domain.messages import CATALOGUE

CLI = Path(__file__).parents[2] / "src" / "assessor" / "cli"
MODULES = sorted(CLI.glob("*.py"))
# two letters in a row: a word, not a separator ("\t", ", ") or a format (".1f", "4d")
WORDY = re.compile(r"[A-Za-zÅÄÖåäöÉé]{2,}")
# the functions of cli/output.py that word a line by its code
WORDED = {"say", "warn", "text"}
# calls whose string arguments are the parser's (help texts, option names, choices): --help
# stays English (docs/architecture.md says so)
PARSER_CALLS = {
    "add_argument",
    "add_parser",
    "add_subparsers",
    "add_action",
    "add_mutually_exclusive_group",
    "add_argument_group",
    "Parser",
    "ArgumentParser",
    "set_defaults",
    "Templated",
}
ERRORS = {
    "AssessorError",
    "BadInput",
    "NotFound",
    "ValidationError",
    "DamagedDatabase",
    "DatabaseError",
    "DatabaseLocked",
}


def _name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _trees() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text("utf-8"), str(path))) for path in MODULES]


def _words_in(node: ast.AST) -> list[str]:
    """The wordy string literals that would end up in what is printed from ``node``: not the
    keys of a subscript (``item["file"]``), not the arguments of a call that computes a value
    (``count(n, "row")``; a worded call is checked where it is made)."""
    found: list[str] = []

    def visit(n: ast.AST) -> None:
        if isinstance(n, ast.Constant) and isinstance(n.value, str):
            if WORDY.search(n.value.replace("assessor", "")):  # the program's name is no word
                found.append(n.value)
        elif isinstance(n, ast.Subscript):
            visit(n.value)
        elif isinstance(n, ast.Call):
            visit(n.func)
        elif isinstance(n, ast.FormattedValue):
            visit(n.value)  # not its format spec
        else:
            for child in ast.iter_child_nodes(n):
                visit(child)

    visit(node)
    return found


def test_only_the_output_module_prints() -> None:
    printing = [
        f"{path.name}:{node.lineno}"
        for path, tree in _trees()
        if path.name != "output.py"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (_name(node) == "print" or (_name(node) == "write" and _words_in(node)))
    ]
    assert printing == [], "print through cli/output.py (say, warn, show)"


def test_every_worded_line_names_a_code_of_the_catalogue_and_no_words_of_its_own() -> None:
    seen: set[str] = set()
    wrong: list[str] = []
    for path, tree in _trees():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node)
            where = f"{path.name}:{node.lineno}"
            if name in WORDED and path.name != "output.py":
                # a code chosen in a loop or a table is one of the literals checked below
                for code in _codes(node.args[0]) if node.args else []:
                    seen.add(code)
                    if code not in CATALOGUE:
                        wrong.append(f"{where}: {code} is not in the catalogue")
                words = [w for arg in node.args[1:] for w in _words_in(arg)]
                words += [w for kw in node.keywords for w in _words_in(kw.value)]
                wrong += [f"{where}: {w!r}" for w in words]
            elif name == "show":
                wrong += [f"{where}: {w!r}" for arg in node.args for w in _words_in(arg)]
    assert wrong == [], "\n".join(wrong)
    assert len(seen) > 70, "few worded lines found: the pattern is out of date"
    named = {
        node.value
        for _, tree in _trees()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and re.fullmatch(r"cli\.[a-z_]+", node.value)
    }
    assert named - set(CATALOGUE) == set()


def _codes(node: ast.expr) -> list[str]:
    """The code(s) a worded call names: a literal, or either side of ``a if x else b``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _codes(node.body), _codes(node.orelse)
        return body + orelse if body and orelse else []
    return []


def _exempt(tree: ast.Module) -> set[int]:
    """The ids of string literals that are not printed as they are: docstrings, the parser's
    texts, an error's English beside its code, a code or a noun given to a function."""
    exempt: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                exempt.add(id(first.value))
        if isinstance(node, ast.Call):
            name = _name(node)
            if name in PARSER_CALLS:
                exempt.update(id(sub) for sub in ast.walk(node))
            coded = any(kw.arg == "code" for kw in node.keywords) or name == "raise_usage"
            if (name in ERRORS or name == "raise_usage") and coded and node.args:
                exempt.update(id(sub) for sub in ast.walk(node.args[0]))  # English beside it
            if name == "Problem":  # Problem(path, line, English, code, params)
                exempt.update(id(sub) for sub in ast.walk(node))
            for kw in node.keywords:
                if kw.arg == "what":  # a noun of an English message; the Swedish leaves it out
                    exempt.update(id(sub) for sub in ast.walk(kw.value))
            for arg in node.args:  # a code, a noun, a key ("cli.db_ok", "row"): not words
                if isinstance(arg, ast.Constant) and " " not in str(arg.value):
                    exempt.add(id(arg))
        if isinstance(node, ast.Subscript):
            exempt.add(id(node.slice))
        if isinstance(node, ast.Dict):
            exempt.update(id(k) for k in node.keys if k is not None)
        if isinstance(node, ast.keyword) and node.arg == "help":
            exempt.update(id(sub) for sub in ast.walk(node.value))
    return exempt


# literals of the command line that are neither printed nor a user's words: what a service
# returns (compared with), and the --help text of the hub's --url kept in a constant
NOT_PRINTED = {
    "up to date",  # hub_schema.init_hub's answer, mapped to a code
    "Could not decode to UTF-8",  # sqlite3's words, compared with
    # --help texts of evidence detach and restore, made in a loop
    "take an attachment off (undo with restore)",
    "put a detached attachment back",
    "the hub: a libpq URL or connection string (postgresql://user@host/db, service=NAME); "
    "the password comes from ~/.pgpass or PGPASSWORD, never from here",
}


def test_no_command_keeps_a_sentence_of_its_own() -> None:
    """A sentence in a command module is a parser text, an error's English beside its code,
    or a code: anything else would be printed unworded (a line built in a variable first)."""
    stray: list[str] = []
    for path, tree in _trees():
        exempt = _exempt(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in exempt
                and re.search(r"[A-Za-z]{2,} [A-Za-z]{2,}", node.value)
                and node.value not in NOT_PRINTED
            ):
                stray.append(f"{path.name}:{node.lineno}: {node.value!r}")
    assert stray == [], "\n".join(stray)


@pytest.mark.parametrize("error", sorted(ERRORS))
def test_the_command_lines_own_errors_carry_a_code(error: str) -> None:
    uncoded = [
        f"{path.name}:{node.lineno}"
        for path, tree in _trees()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and _name(node) == error
        and node.args
        and not any(kw.arg == "code" for kw in node.keywords)
    ]
    assert uncoded == []
