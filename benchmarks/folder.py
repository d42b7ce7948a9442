"""A shared folder among several laptops on the 300-agency demo: one laptop changes 5% and
syncs, then the others sync. Run once with packages based on what the team has seen (the
default) and once with full packages, to show why the folder writes deltas.

    .venv/bin/python benchmarks/folder.py [--agencies 300] [--laptops 4]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=300)
    parser.add_argument("--laptops", type=int, default=4)
    parser.add_argument("--change", type=float, default=0.05)
    args = parser.parse_args()

    from assessor.services import demo, folder
    from assessor.store.db import Database
    from assessor.store.digest import digest
    from assessor.store.models import SYNCED_MODELS

    work = Path(tempfile.mkdtemp(prefix="folder-bench-"))
    base = work / "base.db"
    with Database(base, create=True) as db, db.transaction() as session:
        demo.build_demo(session, seed=1, agencies=args.agencies)
    con = sqlite3.connect(base)
    rows = sum(
        con.execute(f'SELECT count(*) FROM "{m.__tablename__}"').fetchone()[0]
        for m in SYNCED_MODELS
    )
    con.close()
    edits = max(1, round(rows * args.change))
    print(
        f"{args.agencies} agencies, {rows} synced rows, {args.laptops} laptops, "
        f"{edits} edits on one of them"
    )
    original = folder.team_base
    for mode in ("delta", "full"):
        if mode == "full":
            folder.team_base = lambda _peers, _team: None  # type: ignore[assignment]
        else:
            folder.team_base = original
        here = work / mode
        shared = here / "shared"
        shared.mkdir(parents=True)
        paths = [here / f"laptop{i}.db" for i in range(args.laptops)]
        for path in paths:
            shutil.copyfile(base, path)
        for _ in range(2):  # everyone known to everyone
            for path in paths:
                with Database(path) as db:
                    folder.sync_folder(db, shared)
        with Database(paths[0]) as db:
            demo.mutate(db, count=edits, seed=7)
        times = []
        sizes = []
        for path in paths:
            with Database(path) as db:
                began = time.perf_counter()
                result = folder.sync_folder(db, shared)
                times.append(time.perf_counter() - began)
                if result.written:
                    sizes.append((shared / result.written).stat().st_size / 1e6)
        digests = set()
        for path in paths:
            with Database(path) as db, db.read() as s:
                digests.add(digest(s))
        assert len(digests) == 1, "the laptops did not converge"
        print(
            f"{mode:5}: writer {times[0]:5.2f} s, each other laptop "
            f"{sum(times[1:]) / len(times[1:]):5.2f} s on average; files written "
            f"{', '.join(f'{s:.2f}' for s in sizes)} MB"
        )
    folder.team_base = original
    shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
