"""Render the app icon SVG to PNGs in the hicolor sizes (build time only; needs PySide6).

Usage: python installer/render_icons.py SVG OUT_DIR [SIZE...]
Writes OUT_DIR/<size>.png for each size (default: the usual hicolor sizes).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(svg: Path, out_dir: Path, sizes: tuple[int, ...] = SIZES) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = out_dir / f"{size}.png"
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"could not write {target}")
        written.append(target)
    return written


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    chosen = tuple(int(s) for s in sys.argv[3:]) or SIZES
    for path in render(Path(sys.argv[1]), Path(sys.argv[2]), chosen):
        print(path)
