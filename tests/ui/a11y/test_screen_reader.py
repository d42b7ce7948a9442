"""The window as a screen reader meets it: over the desktop's accessibility bus (AT-SPI), the
interface Orca reads, with the real program started on a real X server.

The in-process walks (test_tab_walk.py) ask Qt what it would say; this asks the bus what it
was told. It needs Xvfb, a D-Bus session, the AT-SPI bus and its Python client, and Qt's xcb
libraries (all in .ci/run's package list); without them it is skipped.
"""

from __future__ import annotations

import ctypes.util
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
SYSTEM_PYTHON = Path("/usr/bin/python3")
SECTIONS = {
    "sv": ("Delar", ["Myndigheter", "Portfölj", "Checklistor", "Synkronisering"]),
    "en": ("Sections", ["Agencies", "Portfolio", "Checklists", "Sync"]),
}
ASSESSMENTS = {"sv": "Myndighetens bedömningar", "en": "Assessments of the agency"}
QUESTION = {"sv": "Fråga", "en": "Question"}


def _missing() -> str | None:
    if sys.platform != "linux":
        return "the accessibility bus is Linux's"
    for tool in ("xvfb-run", "dbus-run-session"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    if not LAUNCHER.exists():
        return "at-spi2-core is not installed"
    if ctypes.util.find_library("xcb-cursor") is None:
        return "Qt's xcb libraries are not installed"
    probe = (
        subprocess.run(
            [str(SYSTEM_PYTHON), "-c", "import pyatspi"], capture_output=True, check=False
        )
        if SYSTEM_PYTHON.exists()
        else None
    )
    if probe is None or probe.returncode != 0:
        return "python3-pyatspi is not installed"
    return None


MISSING = _missing()  # once: it starts the system's Python to look for the AT-SPI client
pytestmark = pytest.mark.skipif(MISSING is not None, reason=str(MISSING))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A demo database, and settings in which the window remembers its busiest agency."""
    folder = tmp_path_factory.mktemp("screen-reader")
    db = folder / "demo.db"
    subprocess.run(
        [sys.executable, "-m", "assessor", "demo", "--db", str(db), "--agencies", "4"],
        check=True,
        capture_output=True,
    )
    with sqlite3.connect(db) as con:
        (agency,) = con.execute(
            "SELECT agency_id FROM assessment GROUP BY agency_id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
    config = folder / "config"
    (config / "Assessor").mkdir(parents=True)
    (config / "Assessor" / "Assessor.conf").write_text(f"[page]\nagencies\\agency={agency}\n")
    return db, config


def _told(language: str, demo: tuple[Path, Path], tmp_path: Path) -> dict[str, Any]:
    db, config = demo
    out = tmp_path / f"tree-{language}.json"
    script = tmp_path / "session.sh"
    # the bus first, then the program, then the reader; the program ends with the session
    script.write_text(
        f'"{LAUNCHER}" --launch-immediately &\n'
        f'"{sys.executable}" -m assessor --db "{db}" --lang {language} &\n'
        "app=$!\n"
        f'"{SYSTEM_PYTHON}" "{HERE / "atspi_tree.py"}" "{SECTIONS[language][0]}" '
        f'"{ASSESSMENTS[language]}" "{out}"\n'
        "status=$?\n"
        'kill "$app"\n'
        "exit $status\n"
    )
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(config),
        "QT_QPA_PLATFORM": "xcb",
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        "LANG": "sv_SE.UTF-8" if language == "sv" else "en_GB.UTF-8",
    }
    done = subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1366x768x24",
            "dbus-run-session",
            "--",
            "bash",
            str(script),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0 and out.exists(), done.stdout + done.stderr
    told: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return told


@pytest.fixture(scope="module")
def told(demo: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("trees")
    return {language: _told(language, demo, folder) for language in ("sv", "en")}


def _context(nodes: list[dict[str, Any]], index: int) -> str:
    """The name of the nearest named group around node ``index``: what a reader says on
    entering it."""
    depth = nodes[index]["depth"]
    for node in reversed(nodes[:index]):
        if node["depth"] < depth:
            depth = node["depth"]
            if node["name"] and node["role"] in ("panel", "page tab", "dialog", "frame"):
                return str(node["name"])
    return ""


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_section_is_reached_by_the_keyboard_and_shows_its_controls(
    told: dict[str, Any], language: str
) -> None:
    tree = told[language]
    assert tree["sections"] == SECTIONS[language][1]
    # each section showed something of its own after its Down press, and Enter on an
    # assessment opened it
    assert tree["shown"]["workspace"], "Enter on the assessment showed nothing new"
    shapes = {
        json.dumps([(n["role"], n["name"]) for n in shown]) for shown in tree["shown"].values()
    }
    assert len(shapes) == len(SECTIONS[language][1]) + 1


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_question_being_scored_is_read_out(told: dict[str, Any], language: str) -> None:
    """The scoring view's question is a label: a reader reads its name, which must be the
    question itself (with what it is as its description), not the word "Question"."""
    questions = [
        node
        for node in told[language]["shown"]["workspace"]
        if node["role"] == "label" and node["description"] == QUESTION[language]
    ]
    assert len(questions) == 1
    assert questions[0]["name"].endswith("?") and len(questions[0]["name"]) > 20


@pytest.mark.parametrize("language", ["sv", "en"])
def test_everything_that_takes_the_focus_has_a_name(told: dict[str, Any], language: str) -> None:
    unnamed = [
        f"{section}: {node['role']} inside {_context(shown, k)!r}"
        for section, shown in told[language]["shown"].items()
        for k, node in enumerate(shown)
        if node["focusable"] and not node["name"].strip()
    ]
    assert unnamed == []


@pytest.mark.parametrize("language", ["sv", "en"])
def test_no_two_buttons_of_a_group_sound_the_same(told: dict[str, Any], language: str) -> None:
    """A reader's user tabbing through hears a button's name and the group it is in; two alike
    leave them guessing which one acts on what."""
    twins = []
    for section, shown in told[language]["shown"].items():
        heard: dict[tuple[str, str], int] = {}
        for k, node in enumerate(shown):
            if node["role"] == "push button" and node["focusable"]:
                key = (node["name"], _context(shown, k))
                heard[key] = heard.get(key, 0) + 1
        twins += [
            f"{section}: {name!r} in {group!r}" for (name, group), n in heard.items() if n > 1
        ]
    assert twins == []


def test_the_swedish_window_tells_nothing_in_english(told: dict[str, Any], demo: Any) -> None:
    """What the Swedish window says that the English one says too is the data (names of
    agencies, people, checklists), numbers, or words alike in both languages."""
    db, _ = demo

    def said(language: str) -> set[str]:
        return {
            text
            for shown in told[language]["shown"].values()
            for node in shown
            for text in (node["name"], node["description"])
            if any(c.isalpha() for c in text)
        }

    with sqlite3.connect(db) as con:
        data = {
            str(value)
            for query in (
                "SELECT name FROM agency UNION SELECT ministry FROM agency",
                "SELECT title FROM assessment UNION SELECT title FROM meeting",
                "SELECT place FROM meeting UNION SELECT key FROM checklist",
                "SELECT name FROM contact UNION SELECT title FROM contact",
                "SELECT email FROM contact UNION SELECT name FROM advisor",
                "SELECT title FROM recommendation UNION SELECT title FROM finding",
            )
            for (value,) in con.execute(query)
            if value
        }
    # the application's description on the bus is its program file; the database's is its path
    data |= {str(db), sys.executable}
    alike = {"Gap", "Id", "Status", "Status:", "Version", "Assessor", "OK", "NNNNNN-NNNN"}
    shared = {
        text
        for text in said("sv") & said("en")
        if text not in alike and not any(d and d in text for d in data)
    }
    assert not shared, "\n".join(sorted(shared))
