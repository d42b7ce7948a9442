"""The wheel carries the resources: build it, install it in a fresh venv, run it from there."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_installs_and_finds_its_resources(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = wheels.glob("assessor-*.whl")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    py = env_dir / "bin" / "python"
    target = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # Install the wheel alone, and let the dependencies come from the test environment, so the
    # test needs no network; the project itself is NOT visible from there (editable installs'
    # .pth files are not processed for a path added this way).
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            target,
            str(wheel),
        ],
        check=True,
    )
    Path(target, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    env["QT_QPA_PLATFORM"] = "offscreen"

    def run(*args: str) -> str:
        return subprocess.run(
            [str(py), "-m", "assessor", *args],
            check=True,
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
        ).stdout

    from assessor import __version__

    assert run("--version").strip() == f"assessor {__version__}"
    where = subprocess.run(
        [str(py), "-c", "import assessor.paths as p; print(p.resources_dir())"],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    ).stdout.strip()
    assert where.startswith(target), where
    db = tmp_path / "new.db"
    run("db", "init", "--db", str(db))
    listing = json.loads(run("checklist", "list", "--db", str(db), "--json"))
    assert listing, "the default checklist should be read from the installed resources"
