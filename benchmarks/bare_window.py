"""A bare PySide6 window: the yardstick for start-up. Prints milliseconds to first paint."""

from __future__ import annotations

import os
import sys
import time

_T0 = time.perf_counter()


def _process_age_ms() -> float:
    """Milliseconds since the process started (Linux: from the kernel; else from import)."""
    try:
        with open(f"/proc/{os.getpid()}/stat", "rb") as fh:
            fields = fh.read().decode("ascii", "replace").rsplit(")", 1)[1].split()
        age = time.clock_gettime(time.CLOCK_BOOTTIME) - int(fields[19]) / os.sysconf("SC_CLK_TCK")
        if 0 <= age < 3600:
            return age * 1000.0
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    return (time.perf_counter() - _T0) * 1000.0


def main() -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Hello"))
    window.resize(1100, 720)

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
            if not self.seen and event.type() == QEvent.Type.Paint:
                self.seen = True
                QTimer.singleShot(0, done)
            return False

    def done() -> None:
        print(f"{_process_age_ms():.0f}", flush=True)
        app.exit(0)

    spy = FirstPaint()
    window.installEventFilter(spy)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
