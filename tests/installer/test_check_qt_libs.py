"""scripts/check-qt-libs names the Debian packages for the libraries Qt's xcb plug-in lacks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parents[2] / "scripts" / "check-qt-libs"

pytestmark = pytest.mark.skipif(
    sys.platform != "linux" or shutil.which("bash") is None, reason="a Linux shell script"
)


def _run(tmp_path: Path, ldd_output: str) -> subprocess.CompletedProcess[str]:
    """The script with a stand-in ldd that reports ``ldd_output`` for a stand-in plug-in."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "ldd"
    fake.write_text(f"#!/bin/sh\ncat <<'OUT'\n{ldd_output}\nOUT\n")
    fake.chmod(0o755)
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"")
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "ASSESSOR_QT_XCB_PLUGIN": str(plugin),
        "ASSESSOR_NO_INSTALL": "1",
    }
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run([str(SCRIPT)], capture_output=True, text=True, env=env, timeout=60)


def test_missing_libraries_are_named_with_the_packages_to_install(tmp_path: Path) -> None:
    result = _run(
        tmp_path,
        "\n".join(
            [
                "\tlibxcb-icccm.so.4 => not found",
                "\tlibxcb-keysyms.so.1 => not found",
                "\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x0001)",
                "\tlibxcb-icccm.so.4 => not found",
            ]
        ),
    )
    assert result.returncode == 1
    assert "libxcb-icccm.so.4" in result.stderr and "libxcb-keysyms.so.1" in result.stderr
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in result.stderr
    assert "Traceback" not in result.stderr


def test_nothing_missing_is_silent(tmp_path: Path) -> None:
    result = _run(tmp_path, "\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x0001)")
    assert result.returncode == 0
    assert result.stderr == ""
