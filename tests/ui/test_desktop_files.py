"""The Linux desktop entry and AppStream metadata pass their validators (where installed)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from assessor.paths import resource

DESKTOP = resource("desktop", "se.assessor.Assessor.desktop")
METAINFO = resource("desktop", "se.assessor.Assessor.metainfo.xml")


def test_the_files_exist_and_name_the_same_application() -> None:
    assert DESKTOP.is_file() and METAINFO.is_file()
    assert "Icon=se.assessor.Assessor" in DESKTOP.read_text(encoding="utf-8")
    assert "se.assessor.Assessor.desktop" in METAINFO.read_text(encoding="utf-8")
    assert resource("icons", "assessor.svg").is_file()


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="desktop-file-validate is not installed"
)
def test_desktop_entry_is_valid() -> None:
    done = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli is not installed")
def test_metainfo_is_valid() -> None:
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_icon_loads(qapp) -> None:
    from PySide6.QtGui import QIcon

    icon = QIcon(str(resource("icons", "assessor.svg")))
    assert not icon.isNull()
    assert not icon.pixmap(64, 64).isNull()
