"""One process, one database: the portfolio page and search, timed in the window's own way.

    python benchmarks/scale_page.py DB

Prints one JSON object (benchmarks/scale.py runs it and reads it):
- open_ms: PortfolioPage constructed, read and its heat map painted once (1400 x 900,
  offscreen);
- trends_ms: from the same start until the trends (every older assessment scored) are drawn;
- refresh_ms: another ministry chosen in the filter: the map read again and repainted
  (median of 3; the trends follow in the background, as on screen);
- search_ms: the search box's query (services.search, a common word) (median of 3);
- peak_kib: the process's peak resident memory with the page shown.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(["assessor"])
    from assessor.services.search import search
    from assessor.store.db import Database
    from assessor.ui import tasks
    from assessor.ui.context import AppContext
    from assessor.ui.portfolio_page import PortfolioPage

    db = Database(Path(argv[0]))
    with db.transaction() as s:  # as the search box does: its index is brought up to date
        search(s, "x")  # (built here once if the demo has none yet), not timed
    painted: list[float] = []
    began = time.perf_counter()
    page = PortfolioPage(AppContext.standalone(db, "sv"))
    page.heatmap.painted.connect(lambda: painted.append(time.perf_counter()))
    page.resize(1400, 900)
    page.show()
    while not painted and time.perf_counter() - began < 60:
        app.processEvents()
    opened = (painted[0] - began) * 1000
    loop = QEventLoop()
    QTimer.singleShot(60000, loop.quit)
    poll = QTimer()
    poll.timeout.connect(
        lambda: page._pending_details is None and tasks.active_count() == 0 and loop.quit()
    )
    poll.start(2)
    loop.exec()
    poll.stop()
    app.processEvents()
    trends = (time.perf_counter() - began) * 1000

    refresh: list[float] = []
    combo = page.ministry_combo
    for n in range(3):  # the filter's own reload, without its typing delay, then a repaint
        start = time.perf_counter()
        combo.blockSignals(True)
        combo.setCurrentIndex((n + 1) % combo.count())
        combo.blockSignals(False)
        page.reload()
        page.heatmap.repaint()
        refresh.append((time.perf_counter() - start) * 1000)
    tasks.wait_all(60000)

    searched: list[float] = []
    for word in ("strategi", "styrning", "digital"):
        start = time.perf_counter()
        with db.transaction() as s:
            search(s, word)
        searched.append((time.perf_counter() - start) * 1000)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    page.close()
    db.close()
    print(
        json.dumps(
            {
                "open_ms": round(opened, 1),
                "trends_ms": round(trends, 1),
                "refresh_ms": round(statistics.median(refresh), 1),
                "search_ms": round(statistics.median(searched), 1),
                "peak_kib": peak,
                "rows": len(page.heatmap.rows()),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
