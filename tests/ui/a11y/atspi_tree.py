"""What a screen reader is told about the window: its tree on the desktop's accessibility bus.

Not a test and not run by pytest's interpreter: test_screen_reader.py runs it with the
system's Python, which has the AT-SPI client library (Debian's python3-pyatspi):

    /usr/bin/python3 tests/ui/a11y/atspi_tree.py SECTIONS_NAME ASSESSMENTS_NAME OUT.json

It waits for the application "Assessor" on the bus, gives the list of sections the focus and
goes down it with the Down key, as a screen reader's user does; then back up to the first, and
opens the first assessment of the table named ASSESSMENTS_NAME with Enter. What each of these
views shows (role, name, description, focusable, what labels it) goes to OUT.json.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

import pyatspi  # type: ignore[import-not-found]

DOWN, UP, RETURN = 0xFF54, 0xFF52, 0xFF0D  # keysyms


def _node(acc: Any, depth: int) -> dict[str, Any]:
    labels = []
    for relation in acc.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            labels += [relation.getTarget(k).name for k in range(relation.getNTargets())]
    states = acc.getState()
    return {
        "depth": depth,
        "role": acc.getRoleName(),
        "name": acc.name or "",
        "description": acc.description or "",
        "focusable": states.contains(pyatspi.STATE_FOCUSABLE),
        "labelled_by": labels,
    }


def shown(acc: Any, depth: int = 0) -> list[dict[str, Any]]:
    """Every object on screen, in the bus's order; a table's or a tree's rows are its own."""
    states = acc.getState()
    if depth > 2 and not states.contains(pyatspi.STATE_SHOWING):
        return []
    found = [_node(acc, depth)]
    if found[0]["role"] in ("table", "tree table", "tree", "list", "page tab list", "menu bar"):
        children = range(min(acc.childCount, 12))  # the first rows say how rows are named
    else:
        children = range(acc.childCount)
    for index in children:
        child = acc.getChildAtIndex(index)
        if child is not None:
            found += shown(child, depth + 1)
    return found


def _find(acc: Any, role: str, name: str) -> Any:
    if acc.getRoleName() == role and acc.name == name:
        return acc
    for index in range(acc.childCount):
        child = acc.getChildAtIndex(index)
        hit = _find(child, role, name) if child is not None else None
        if hit is not None:
            return hit
    return None


def _application(timeout: float) -> Any:
    desktop = pyatspi.Registry.getDesktop(0)
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for index in range(desktop.childCount):
            app = desktop.getChildAtIndex(index)
            if app is not None and app.name == "Assessor" and app.childCount:
                return app
        time.sleep(0.2)
    raise SystemExit("the application did not appear on the accessibility bus")


def _settled(app: Any, before: str) -> str:
    """The tree's shape once it stops changing (the section shown and filled)."""
    last, same_since = before, time.monotonic()
    end = time.monotonic() + 10
    while time.monotonic() < end:
        time.sleep(0.3)
        now = json.dumps([(n["role"], n["name"]) for n in shown(app)])
        if now != last:
            last, same_since = now, time.monotonic()
        elif last != before and time.monotonic() - same_since > 0.9:
            break
    return last


def _press(keysym: int) -> None:
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)


def main(sections_name: str, assessments_name: str, out: str) -> int:
    app = _application(60)
    sections = None
    end = time.monotonic() + 30
    while sections is None and time.monotonic() < end:
        sections = _find(app, "list", sections_name)
        time.sleep(0.2)
    if sections is None:
        raise SystemExit(f"no list named {sections_name!r}")
    names = [sections.getChildAtIndex(k).name for k in range(sections.childCount)]
    result: dict[str, Any] = {"sections": names, "shown": {}}
    sections.queryComponent().grabFocus()
    state = _settled(app, "")
    for index, name in enumerate(names):
        if index:
            _press(DOWN)
            state = _settled(app, state)
        result["shown"][name] = shown(app)
    for _ in names[1:]:
        _press(UP)
    state = _settled(app, state)
    table = _find(app, "table", assessments_name)
    if table is None:
        raise SystemExit(f"no table named {assessments_name!r}")
    table.queryComponent().grabFocus()
    time.sleep(0.3)
    _press(RETURN)
    result["shown"]["workspace"] = shown(app) if _settled(app, state) != state else []
    with open(out, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3]))
