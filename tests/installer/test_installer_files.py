"""Static checks of the installer files; building a bundle is installer/test-deb.sh's job."""

from __future__ import annotations

import ast
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

import assessor

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
APP_ID = "se.assessor.Assessor"
DESKTOP = ROOT / "resources" / "desktop" / f"{APP_ID}.desktop"
METAINFO = ROOT / "resources" / "desktop" / f"{APP_ID}.metainfo.xml"
ICON = ROOT / "resources" / "icons" / "assessor.svg"  # the window uses it too
SHELL_SCRIPTS = [
    ROOT / "scripts" / "build-installer",
    INSTALLER / "linux" / "build-deb.sh",
    INSTALLER / "test-deb.sh",
    INSTALLER / "source-digest",
    INSTALLER / "macos" / "build-dmg.sh",
]


def spec_lists() -> dict[str, list[str]]:
    """QT_USED and QT_UNUSED as the spec computes them (plain literals, evaluated alone)."""
    tree = ast.parse((INSTALLER / "assessor.spec").read_text(encoding="utf-8"))
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name in ("QT_USED", "QT_UNUSED"):
                found[name] = eval(compile(ast.Expression(node.value), name, "eval"), {})
    return found


def qt_modules_imported_by_the_program() -> set[str]:
    used = set()
    for path in (ROOT / "src" / "assessor").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            used.update(n for n in names if re.fullmatch(r"PySide6\.Qt\w+", n))
    return used


def test_the_spec_takes_its_version_from_the_package() -> None:
    spec = (INSTALLER / "assessor.spec").read_text(encoding="utf-8")
    assert "VERSION = assessor.__version__" in spec
    assert assessor.__version__ not in spec


def test_every_qt_module_the_program_imports_is_bundled_and_none_is_excluded() -> None:
    lists = spec_lists()
    used = qt_modules_imported_by_the_program()
    assert used, "the program imports no Qt module? (the window lives in src/assessor/ui)"
    missing = used - set(lists["QT_USED"])
    assert not missing, f"add to QT_USED in installer/assessor.spec: {missing}"
    assert not set(lists["QT_USED"]) & set(lists["QT_UNUSED"])


def test_the_spec_bundles_resources_and_migrations_where_the_program_looks() -> None:
    spec = (INSTALLER / "assessor.spec").read_text(encoding="utf-8")
    # assessor.paths: sys._MEIPASS/resources; store/migrate.py: next to the module
    assert 'tree(resources, "resources")' in spec
    assert '"assessor/store/migrations"' in spec
    migrate = (ROOT / "src" / "assessor" / "store" / "migrate.py").read_text(encoding="utf-8")
    assert 'parent / "migrations"' in migrate


def test_the_desktop_entry_launches_the_installed_command_with_the_icon() -> None:
    text = DESKTOP.read_text(encoding="utf-8")
    assert re.search(r"^Exec=assessor\b", text, re.M)
    assert re.search(rf"^Icon={re.escape(APP_ID)}$", text, re.M)
    assert ICON.is_file()


def test_the_metainfo_names_this_app_and_this_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    releases = [r.get("version") for r in root.iter("release")]
    assert releases and releases[0] == assessor.__version__, "add a <release> for this version"


@pytest.mark.parametrize("script", SHELL_SCRIPTS, ids=lambda p: p.name)
def test_shell_scripts_parse_and_are_executable(script: Path) -> None:
    assert script.stat().st_mode & 0o111, f"{script} is not executable"
    result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck not installed")
def test_shell_scripts_pass_shellcheck() -> None:
    result = subprocess.run(
        ["shellcheck", "--severity=warning", *map(str, SHELL_SCRIPTS)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_windows_installer_is_per_user_in_swedish_and_english() -> None:
    iss = (INSTALLER / "windows" / "assessor.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in iss
    assert re.search(r'^Name: "sv"; MessagesFile: "Swedish.isl"', iss, re.M)
    assert re.search(r'^Name: "en"; MessagesFile: "compiler:Default.isl"', iss, re.M)
    assert "{autoprograms}" in iss  # the Start menu entry
    assert assessor.__version__ not in iss  # passed in with /DAppVersion


def test_the_workflow_builds_on_each_platforms_own_runner() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "installers.yml").read_text())
    runners = {job["runs-on"].split("-")[0] for job in workflow["jobs"].values()}
    assert runners == {"ubuntu", "windows", "macos"}
    steps = yaml.safe_dump(workflow)
    assert "installer/test-deb.sh" in steps
    assert "installer\\windows\\assessor.iss" in steps
    assert "installer/macos/build-dmg.sh" in steps


def test_the_icon_renders_at_the_hicolor_sizes(tmp_path: Path) -> None:
    pytest.importorskip("PySide6.QtSvg")
    # In a process of its own, as the build runs it: the QGuiApplication it makes would
    # otherwise be the one the widget tests after it get, and widgets need a QApplication.
    out = subprocess.run(
        [
            sys.executable,
            str(INSTALLER / "render_icons.py"),
            str(ICON),
            str(tmp_path),
            "16",
            "48",
            "256",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    written = [Path(p) for p in out]
    for path, size in zip(written, (16, 48, 256), strict=True):
        header = path.read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", header[16:24]) == (size, size)
