"""Time to open the portfolio view on the 300-agency demo database (target: under 300 ms).

    python benchmarks/portfolio.py [--db DEMO.db] [--repeat 5]

"Open" is: construct PortfolioPage (read every agency's latest scores, compute the common gaps
and lending suggestions, fill the heat map and the lists) and paint it once, offscreen, at
1400 x 900. The trends (every older assessment scored as well) come from a background task
after that; the time until they are on screen is printed beside it, as is the time of the
same work done by loading every agency one service call at a time (the slow way avoided).

Without --db a demo database with 300 agencies is made first in a temporary folder
(``assessor demo --agencies 300``; a few minutes).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def make_demo(folder: Path, agencies: int) -> Path:
    from assessor.services.demo import build_demo
    from assessor.store.db import Database

    path = folder / "demo.db"
    with Database(path, create=True) as db, db.transaction() as session:
        build_demo(session, seed=1, agencies=agencies)
    return path


def cpu_yardstick_ms() -> float:
    """A fixed amount of pure Python work: tells a slow (or busy) machine from slow code."""
    began = time.perf_counter()
    sum(i * i for i in range(1_000_000))
    return (time.perf_counter() - began) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a demo database (default: make one)")
    parser.add_argument("--agencies", type=int, default=300, help="agencies in a new demo db")
    parser.add_argument("--repeat", type=int, default=5, help="opens to time (best and median)")
    args = parser.parse_args()

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from assessor.services.assessments import list_assessments
    from assessor.services.scores import assessment_scores
    from assessor.store.db import Database
    from assessor.store.models import Agency
    from assessor.ui import tasks
    from assessor.ui.context import AppContext
    from assessor.ui.portfolio_page import PortfolioPage

    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or make_demo(Path(tmp), args.agencies)
        db = Database(path, lock=False)
        opens: list[float] = []
        trends: list[float] = []
        rows = 0
        for _ in range(max(1, args.repeat)):
            painted: list[float] = []
            began = time.perf_counter()
            page = PortfolioPage(AppContext.standalone(db, "sv"))
            # the heat map says when it has painted its rows for the first time
            page.heatmap.painted.connect(lambda p=painted: p.append(time.perf_counter()))
            page.resize(1400, 900)
            page.show()
            while not painted and time.perf_counter() - began < 30:
                app.processEvents()
            opens.append((painted[0] - began) * 1000)
            rows = len(page.heatmap.rows())
            loop = QEventLoop()
            QTimer.singleShot(30000, loop.quit)
            poll = QTimer()
            poll.timeout.connect(
                lambda pg=page, lp=loop: (
                    pg._pending_details is None and tasks.active_count() == 0 and lp.quit()
                )
            )
            poll.start(5)
            loop.exec()
            poll.stop()
            app.processEvents()
            trends.append((time.perf_counter() - began) * 1000)
            page.close()
            page.deleteLater()
            app.processEvents()

        # the way avoided: one service call per agency and assessment
        began = time.perf_counter()
        with db.read() as session:
            ids = [a.id for a in session.query(Agency.id).filter(Agency.deleted_at.is_(None))]
            for agency_id in ids:
                for row in list_assessments(session, agency_id):
                    assessment_scores(session, row.id)
        one_by_one = (time.perf_counter() - began) * 1000
        db.close()

    print(f"database: {len(ids)} agencies, {rows} in the heat map")
    print(
        f"open portfolio view (construct + first paint): best {min(opens):.0f} ms, "
        f"median {statistics.median(opens):.0f} ms (target < 300 ms)"
    )
    print(f"until the trends are drawn too: median {statistics.median(trends):.0f} ms")
    print(f"the same scores one service call per assessment: {one_by_one:.0f} ms")
    print(
        f"CPU yardstick (1e6 squares summed): {cpu_yardstick_ms():.0f} ms "
        "(about 50 ms on an idle laptop core)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
