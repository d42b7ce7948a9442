"""Compile resources/i18n/*.ts to .qm with Qt's lrelease (run by set-up and the bundle build)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from assessor.paths import resources_dir


def lrelease() -> Path:
    import PySide6

    folder = Path(PySide6.__file__).parent
    for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease"):
        if (folder / name).exists():
            return folder / name
    raise FileNotFoundError("Qt's lrelease was not found beside PySide6")


def build(out_dir: Path | None = None) -> list[Path]:
    i18n = resources_dir() / "i18n"
    out = out_dir or i18n
    built = []
    for ts in sorted(i18n.glob("*.ts")):
        qm = out / (ts.stem + ".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            built.append(qm)
            continue
        subprocess.run([str(lrelease()), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


if __name__ == "__main__":
    build()
    sys.exit(0)
