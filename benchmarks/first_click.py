"""The first click: what a user who acts the moment the window is usable waits for.

    python benchmarks/first_click.py [--runs 5] [--agencies 1000] [--cache DIR]

The window starts on a demo database (the one benchmarks/scale.py caches) remembering its
busiest agency, and right at the moment it is usable (`--exit-after-startup`'s first figure;
SQLAlchemy still loading on its worker) the script, inside the process:

- chooses another agency in the list: the details, contacts, meetings and assessments shown;
- opens one of that agency's meetings: an edit, which needs the Database and so waits for the
  rest of the loading.

The same two actions are timed again once the window is ready for an edit, as the floor: the
same work with nothing loading beside it. Medians over --runs processes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from scale import cache_folder, demo, remembering  # noqa: E402

PROBE = """
import json, sqlite3, sys, time
db = sys.argv[1]
sys.argv = ['assessor', '--db', db, '--exit-after-startup']
from assessor.ui import startup_clock
from PySide6.QtWidgets import QApplication

con = sqlite3.connect(f'file:{db}?mode=ro', uri=True)
picks = [r[0] for r in con.execute(
    "SELECT a.id, m.id FROM agency a JOIN meeting m ON m.agency_id = a.id "
    "WHERE a.deleted_at IS NULL AND m.deleted_at IS NULL GROUP BY a.id ORDER BY a.id LIMIT 2")]
meetings = dict(con.execute(
    "SELECT a.id, min(m.id) FROM agency a JOIN meeting m ON m.agency_id = a.id "
    "WHERE m.deleted_at IS NULL GROUP BY a.id"))
con.close()
clock = startup_clock.elapsed_ms
found = {}

def act(agency):
    [w] = [w for w in QApplication.topLevelWidgets() if w.objectName() == 'MainWindow']
    page = w.page('agencies')
    began = time.perf_counter()
    page.select_agency(agency)
    QApplication.processEvents()
    assert page.detail.agency_id == agency
    chosen = (time.perf_counter() - began) * 1000
    began = time.perf_counter()
    page.open_meeting(agency, meetings[agency])
    QApplication.processEvents()
    opened = (time.perf_counter() - began) * 1000
    page.show_agency(agency)
    return chosen, opened

def at_moment():
    moment = 'ready' if 'usable' in found else 'usable'
    found[moment] = act(picks[0] if moment == 'usable' else picks[1])
    if moment == 'ready':
        sys.stderr.write('FIRST-CLICK:' + json.dumps(found) + '\\n')
    return clock()

startup_clock.elapsed_ms = at_moment
from assessor.__main__ import main
raise SystemExit(main())
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--agencies", type=int, default=1000)
    parser.add_argument("--cache", type=Path)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="assessor-click-") as tmp:
        work = Path(tmp)
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["ASSESSOR_DATA_DIR"] = str(work / "data")
        db = work / "demo.db"
        shutil.copyfile(demo(cache_folder(args.cache), args.agencies, env), db)
        env["XDG_CONFIG_HOME"] = str(remembering(work, db))
        results: list[dict[str, list[float]]] = []
        for n in range(args.runs + 1):  # the first warms the file cache, not counted
            done = subprocess.run(
                [sys.executable, "-c", PROBE, str(db)],
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
            )
            line = [x for x in done.stderr.splitlines() if x.startswith("FIRST-CLICK:")]
            if done.returncode != 0 or not line:
                print(done.stderr[-2000:], file=sys.stderr)
                return 1
            if n:
                results.append(json.loads(line[0].split(":", 1)[1]))

    def median(moment: str, i: int) -> float:
        return statistics.median(r[moment][i] for r in results)

    print(f"\nfirst click at {args.agencies:,} agencies, medians of {args.runs} runs")
    for i, what in enumerate(("another agency chosen", "a meeting opened (an edit)")):
        at_usable, at_ready = median("usable", i), median("ready", i)
        print(
            f"  {what:<28} at usable: {at_usable:7.1f} ms   once ready: {at_ready:7.1f} ms"
            f"   ({at_usable / at_ready:.2f}x)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
