"""Every error raised, in the window's code as below it, carries a code, so a Swedish window
or `--lang sv` never shows an English line; and the catalogue's English is what the raise says
in English."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from assessor.domain.messages import CATALOGUE

SOURCE = Path(__file__).parents[2] / "src" / "assessor"

# Raises only a mistake in our own code can reach, so no user ever reads them: each is
# (file, the start of its English message), and why.
ALLOWED = {
    # the services' callers (the window's forms, the command line, the archive import)
    # pass the fields of their own rows; a user never names a field
    ("services/findings.py", "unknown field(s)"),
    ("services/recommendations.py", "unknown field(s)"),
    ("services/rows.py", "unknown field(s)"),
    ("services/templates.py", "unknown field(s)"),
}

# Raises whose code is in the catalogue but not yet given at the site (none now): the test
# fails once it is, so an entry goes with the fix.
PENDING: set[tuple[str, str]] = set()

# Errors whose words come from elsewhere than a code of their own: a ChecklistProblems is
# worded problem by problem (each Problem carries its code; tests/domain/test_messages.py).
WORDED_OTHERWISE = {"ChecklistProblems"}


def _trees() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text("utf-8")) for path in sorted(SOURCE.rglob("*.py"))}


def _error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """AssessorError and every class that derives from it, however deep."""
    names = {"AssessorError"}
    grew = True
    while grew:
        grew = False
        for tree in trees.values():
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names:
                    bases = {
                        b.id if isinstance(b, ast.Name) else ast.unparse(b) for b in node.bases
                    }
                    if bases & names:
                        names.add(node.name)
                        grew = True
    return names


def _calls(trees: dict[Path, ast.Module]) -> Iterator[tuple[str, str, ast.Call]]:
    classes = _error_classes(trees) - WORDED_OTHERWISE
    assert {"BadInput", "NotFound", "ValidationError", "HubError", "PackageRefused"} <= classes
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
                if name in classes:
                    yield path.relative_to(SOURCE).as_posix(), name, node


def _english(name: str, call: ast.Call) -> ast.expr | None:
    args = call.args[1:] if name == "ValidationError" else call.args
    return args[0] if args else None


def _message_start(message: ast.expr | None) -> str:
    if isinstance(message, ast.Constant):
        return str(message.value)
    if isinstance(message, ast.JoinedStr) and isinstance(message.values[0], ast.Constant):
        return str(message.values[0].value)
    return ""


def test_every_error_carries_a_code() -> None:
    trees = _trees()
    assert any(path.startswith("ui/") for path, _n, _c in _calls(trees))  # the window too
    uncoded, allowed_seen, pending_seen = [], set(), set()
    for path, name, call in _calls(trees):
        keywords = {k.arg for k in call.keywords}
        if "code" in keywords or None in keywords:  # None: **params passed on
            continue
        pending = next((p for p in PENDING if p[0] == path), None)
        if pending is not None:
            pending_seen.add(pending)
            continue
        start = _message_start(_english(name, call))
        site = next((a for a in ALLOWED if a[0] == path and start.startswith(a[1])), None)
        if site is not None:
            allowed_seen.add(site)
            continue
        uncoded.append(f"{path}:{call.lineno}: {name}({start[:60]!r}...)")
    assert not uncoded, "errors without a code (English in a Swedish window):\n" + "\n".join(
        uncoded
    )
    assert allowed_seen == ALLOWED, f"allowed sites that no longer exist: {ALLOWED - allowed_seen}"
    assert pending_seen == PENDING, f"given their codes since: {PENDING - pending_seen}"
    assert all(code in CATALOGUE for _path, code in PENDING)


def _template(message: ast.JoinedStr, params: dict[str, str]) -> str | None:
    """The f-string as a catalogue template: each {expression} replaced by the parameter
    given the same expression; None when one has none."""
    by_expression = {text: name for name, text in params.items()}
    out = []
    for part in message.values:
        if isinstance(part, ast.Constant):
            out.append(str(part.value).replace("{", "{{").replace("}", "}}"))
            continue
        assert isinstance(part, ast.FormattedValue)
        if part.format_spec is not None:
            return None
        text = ast.unparse(part.value)
        if part.conversion == ord("r"):
            text = f"repr({text})"
        if text not in by_expression:
            return None
        out.append("{" + by_expression[text] + "}")
    return "".join(out)


def _expressions(message: ast.expr | None) -> set[str]:
    if not isinstance(message, ast.JoinedStr):
        return set()
    out = set()
    for part in message.values:
        if isinstance(part, ast.FormattedValue):
            text = ast.unparse(part.value)
            out.add(f"repr({text})" if part.conversion == ord("r") else text)
    return out


def test_the_catalogue_english_is_what_each_raise_says() -> None:
    """A code's English replaces the raise's own when worded: they must agree (tests and
    docs match the English), placeholder for expression."""
    compared, differ = 0, []
    for path, name, call in _calls(_trees()):
        code = next((k.value for k in call.keywords if k.arg == "code"), None)
        if not isinstance(code, ast.Constant):
            continue  # no code, or one made at run time (recommendation.{field})
        code_text = str(code.value)
        entry = CATALOGUE.get(code_text)
        assert entry is not None, f"{path}:{call.lineno}: unknown code {code_text}"
        message = _english(name, call)
        given = [k for k in call.keywords if k.arg != "code"]
        # a parameter given as a constant ("the package", ".xlsx") is filled in the template
        fixed = {str(k.arg): str(k.value.value) for k in given if isinstance(k.value, ast.Constant)}
        params = {str(k.arg): ast.unparse(k.value) for k in given if str(k.arg) not in fixed}
        if isinstance(message, ast.Constant) and not params:
            expected: str | None = str(message.value).replace("{", "{{").replace("}", "}}")
        elif isinstance(message, ast.JoinedStr):
            expected = _template(message, params)
        else:
            expected = None
        if expected is None:
            continue
        # a parameter the English does not show (a Detail worded later) cannot be compared
        if not set(params.values()) <= _expressions(message):
            continue
        compared += 1
        template = entry["en"].format(**fixed, **{n: "{" + n + "}" for n in params})
        template = template.replace("{", "{{").replace("}", "}}")
        for n in params:
            template = template.replace("{{" + n + "}}", "{" + n + "}")
        if expected != template:
            differ.append(f"{path}:{call.lineno}: {code_text}\n  {expected}\n  {template}")
    assert compared > 80, f"only {compared} raises compared: the scan is out of date"
    assert not differ, "\n".join(differ)


def test_a_code_made_at_run_time_is_in_the_catalogue_for_every_value() -> None:
    from assessor.services.recommendations import HORIZONS, PRIORITIES, RECOMMENDATION_STATUSES

    assert PRIORITIES and HORIZONS and RECOMMENDATION_STATUSES
    for field in ("priority", "horizon", "status"):
        assert f"recommendation.{field}" in CATALOGUE


def test_every_checklist_problem_carries_a_code() -> None:
    """A ChecklistProblems is worded problem by problem: each Problem needs its code (the
    fourth argument) as an error needs its own."""
    uncoded = []
    for path, tree in _trees().items():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and ast.unparse(node.func).rsplit(".", 1)[-1] == "Problem"
                and len(node.args) < 4
                and not any(k.arg in ("code", None) for k in node.keywords)
            ):
                uncoded.append(f"{path.relative_to(SOURCE)}:{node.lineno}: {ast.unparse(node)}")
    assert not uncoded, "\n".join(uncoded)


def test_a_library_of_another_kind_is_named_in_swedish() -> None:
    from assessor.domain.checklist import ChecklistProblems
    from assessor.domain.ciso_mapping import read_mapping_library
    from assessor.domain.messages import set_language

    matrix = b"urn: x\nname: Matris\nobjects:\n  risk_matrix: [{urn: r}]\n"
    with pytest.raises(ChecklistProblems) as caught:
        read_mapping_library(matrix, "r.yaml")
    assert caught.value.message == (
        "r.yaml:1: not a mapping set but a risk matrix (a CISO Assistant library)"
    )
    set_language("sv")
    assert caught.value.message == (
        "r.yaml:1: ingen mappning utan en riskmatris (ett bibliotek från CISO Assistant)"
    )
    with pytest.raises(ChecklistProblems) as caught:
        read_mapping_library(b"not: [a, library]\n", "x.yaml")
    assert caught.value.message == "x.yaml:1: inte ett bibliotek från CISO Assistant"


def test_what_the_system_said_is_worded_in_swedish_when_known(tmp_path: Path) -> None:
    import errno
    import os

    from assessor.domain.errors import BadInput
    from assessor.domain.messages import os_reason, set_language
    from assessor.services.files import write_atomically

    denied = OSError(errno.EACCES, "Permission denied")
    error = BadInput("x", code="file.cannot_write_in", folder="/srv", reason=os_reason(denied))
    assert str(error) == "cannot write in /srv: Permission denied"
    set_language("sv")
    assert str(error) == "kan inte skriva i /srv: åtkomst nekad"
    # an unknown one is said as the system said it
    odd = OSError(errno.EPROTO, "Protocol error")
    assert str(os_reason(odd)) == "Protocol error"
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "låst"
        locked.mkdir(mode=0o500)
        with pytest.raises(BadInput) as caught:
            write_atomically(locked / "rapport.pdf", b"x")
        assert str(caught.value) == f"kan inte skriva i {locked}: åtkomst nekad"
