"""Sync export and import on a 300-agency demo database after 5% of it changed on another copy.

Prints the database's size with and without its clocks (sync_row, sync_site) beside the
content they stamp (target: clocks at most the content's size); the full and the delta
package's size (targets: full under 10 MB, a 5% delta under 1 MB) and export times; the delta
import (target: under 1 s) and the full import beside a floor measured in the same run (raw
sqlite3 reading every row of the package's state and upserting it into a copy of the local
database, decompression included) and their ratio (target: at most 2x); a new laptop's first
import; and memory: the Python heap's peak during an import (tracemalloc, a separate untimed
run) and the growth of the process's peak resident size. A figure, not a test.

    python benchmarks/sync.py [--agencies 300] [--change 0.05] [--base DEMO.db] [--keep DIR]
                              [--reuse]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

TARGET_RATIO = 2.0
FULL_MB, DELTA_MB, DELTA_S = 10.0, 1.0, 1.0


def build_base(path: Path, agencies: int) -> None:
    from assessor.services import demo
    from assessor.store.db import Database

    with Database(path, create=True) as db, db.transaction() as session:
        demo.build_demo(session, seed=1, agencies=agencies)


def synced_rows(path: Path) -> int:
    from assessor.store.models import SYNCED_MODELS

    con = sqlite3.connect(path)
    try:
        return sum(
            con.execute(f'SELECT count(*) FROM "{m.__tablename__}"').fetchone()[0]
            for m in SYNCED_MODELS
        )
    finally:
        con.close()


def sizes(path: Path, work: Path) -> tuple[float, float]:
    """(MB of the whole database, MB of it without the clocks), both vacuumed."""
    whole, bare = work / "size-whole.db", work / "size-bare.db"
    con = sqlite3.connect(path)
    try:
        for target in (whole, bare):
            target.unlink(missing_ok=True)
            con.execute("VACUUM INTO ?", (str(target),))
    finally:
        con.close()
    con = sqlite3.connect(bare)
    try:
        con.execute("DROP TABLE sync_row")
        con.execute("DROP TABLE sync_site")
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()
    out = (whole.stat().st_size / 1e6, bare.stat().st_size / 1e6)
    whole.unlink()
    bare.unlink()
    return out


def floor(package: Path, local_copy: Path, work: Path) -> float:
    """Raw sqlite3: unzip the state, read every row, upsert it into a copy of the database."""
    from assessor.sync.package import package_tables

    began = time.perf_counter()
    state = work / "floor-state.sqlite"
    with zipfile.ZipFile(package) as zf, zf.open("state.sqlite") as src, state.open("wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
    source = sqlite3.connect(state)
    target = sqlite3.connect(local_copy)
    try:
        target.execute("BEGIN")
        for table in package_tables():
            cols = [c.name for c in table.columns]
            names = ", ".join(f'"{c}"' for c in cols)
            marks = ", ".join("?" * len(cols))
            rows = source.execute(f'SELECT {names} FROM "{table.name}"')
            target.executemany(
                f'INSERT OR REPLACE INTO "{table.name}" ({names}) VALUES ({marks})', rows
            )
        target.commit()
    finally:
        source.close()
        target.close()
    return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=300)
    parser.add_argument("--change", type=float, default=0.05, help="share of rows changed")
    parser.add_argument("--base", type=Path, help="an existing demo database to start from")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep the files")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="with --keep: reuse the changed copy made by an earlier run",
    )
    args = parser.parse_args()

    from assessor.services import demo
    from assessor.services import sync as sync_service
    from assessor.services.setup import init_database
    from assessor.store.db import Database
    from assessor.store.digest import digest

    work = args.keep or Path(tempfile.mkdtemp(prefix="sync-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    base = work / "base.db"
    if args.base:
        shutil.copyfile(args.base, base)
    elif not base.exists():
        began = time.perf_counter()
        build_base(base, args.agencies)
        print(f"built the {args.agencies}-agency demo in {time.perf_counter() - began:.1f} s")
    rows = synced_rows(base)
    edits = max(1, round(rows * args.change))

    local, colleague = work / "local.db", work / "colleague.db"
    pristine = work / "local-pristine.db"
    if args.reuse and colleague.exists() and pristine.exists():
        shutil.copyfile(pristine, local)
        print(f"database: {rows} synced rows; reusing the changed copy in {work}")
    else:
        for path in (local, colleague):
            shutil.copyfile(base, path)
        # the colleague once had a package from this laptop: it knows what a delta needs
        hello = work / "local-hello.pkg"
        with Database(local) as db:
            sync_service.export_package(db, hello)
        with Database(colleague) as db:
            sync_service.import_package(db, hello)
        began = time.perf_counter()
        with Database(colleague) as db:
            demo.mutate(db, count=edits, seed=7)
        print(
            f"database: {rows} synced rows; {edits} random edits on the colleague's copy "
            f"in {time.perf_counter() - began:.1f} s"
        )
    whole_mb, bare_mb = sizes(base, work)
    clock_mb = whole_mb - bare_mb
    print(
        f"size:    {whole_mb:.1f} MB in all, {bare_mb:.1f} MB without clocks: clocks "
        f"{clock_mb:.1f} MB = {clock_mb / bare_mb:.2f}x the rest (target <= 1x: "
        f"{'ok' if clock_mb <= bare_mb else 'over target'})"
    )

    package, delta = work / "colleague.pkg", work / "colleague-delta.pkg"
    with Database(local) as db, db.read() as s:
        local_site = sync_service.site_id(s)
    with Database(colleague) as db:
        began = time.perf_counter()
        sync_service.export_package(db, package)
        export_s = time.perf_counter() - began
        began = time.perf_counter()
        sync_service.export_package(db, delta, for_peer=local_site)
        delta_export_s = time.perf_counter() - began
    full_mb, delta_mb = package.stat().st_size / 1e6, delta.stat().st_size / 1e6
    print(
        f"export:  {export_s:6.2f} s  full package {full_mb:.2f} MB (target < {FULL_MB:.0f} "
        f"MB: {'ok' if full_mb < FULL_MB else 'over target'})"
    )
    print(
        f"export:  {delta_export_s:6.2f} s  delta package {delta_mb:.2f} MB (target < "
        f"{DELTA_MB:.0f} MB: {'ok' if delta_mb < DELTA_MB else 'over target'})"
    )

    Database(local).close()
    shutil.copyfile(local, pristine)
    delta_copy = work / "local-delta.db"
    shutil.copyfile(pristine, delta_copy)
    with Database(delta_copy) as db:
        began = time.perf_counter()
        result = sync_service.import_package(db, delta)
        delta_s = time.perf_counter() - began
        with db.read() as s:
            by_delta = digest(s)
    print(
        f"import:  {delta_s:6.2f} s  the delta (target < {DELTA_S:.0f} s: "
        f"{'ok' if delta_s < DELTA_S else 'over target'}): added {result['added']}, "
        f"changed {result['changed']}, deleted {result['deleted']}"
    )

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with Database(local) as db:
        began = time.perf_counter()
        result = sync_service.import_package(db, package)
        import_s = time.perf_counter() - began
        with db.read() as s:
            merged = digest(s)
    rss_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
    with Database(colleague) as db, db.read() as s:
        assert digest(s) == merged == by_delta, "an import did not reach the colleague's state"
    print(
        f"import:  {import_s:6.2f} s  the full package: added {result['added']}, changed "
        f"{result['changed']}, deleted {result['deleted']}, conflicts {result['conflicts']}"
    )

    floor_copy = work / "floor.db"
    shutil.copyfile(pristine, floor_copy)
    floor_s = floor(package, floor_copy, work)
    ratio = import_s / floor_s
    verdict = "ok" if ratio <= TARGET_RATIO else "over target"
    print(f"floor:   {floor_s:6.2f} s  (raw sqlite3 upsert of every row)")
    print(f"ratio:   {ratio:6.2f} x the floor (target <= {TARGET_RATIO:.0f}x: {verdict})")

    fresh = work / "new-laptop.db"
    fresh.unlink(missing_ok=True)
    init_database(fresh).close()
    with Database(fresh) as db:
        began = time.perf_counter()
        sync_service.import_package(db, package)
        first_s = time.perf_counter() - began
    print(f"new laptop's first import: {first_s:6.2f} s")

    again = work / "local-memory.db"
    shutil.copyfile(pristine, again)
    with Database(again) as db:
        tracemalloc.start()
        sync_service.import_package(db, package)
        _size, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    print(
        f"memory:  Python heap peak during an import {peak / 1e6:.1f} MB; "
        f"process peak RSS grew {rss_growth / 1024:.1f} MB during the timed import"
    )
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
