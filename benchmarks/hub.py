"""The team hub on localhost with the 300-agency demo: the first push, one laptop's sync of
5% changes, another laptop pulling them, and 20 laptops syncing at once; beside a floor of
the same run (psycopg COPY of the same rows into a plain table).

    .venv/bin/python benchmarks/hub.py [--url URL] [--agencies 300] [--laptops 20]

Without --url it starts its own PostgreSQL server (initdb and pg_ctl from Debian's
postgresql package) in a temporary folder and stops it at the end. Targets: a 5% sync under
2 s; 20 concurrent syncs all converge, no deadlock, under 30 s in total.
"""

from __future__ import annotations

import argparse
import glob
import multiprocessing
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

SYNC_S, CONCURRENT_S = 2.0, 30.0


@contextmanager
def local_server(work: Path) -> Iterator[str]:
    """A throwaway PostgreSQL server on 127.0.0.1, trusted locally; yields its URL."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise SystemExit("no initdb: install Debian's postgresql package, or give --url")
    bindir = Path(found[-1]).parent
    root = work / "pg"
    root.mkdir()
    prefix: list[str] = []
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        for p in (work, root):
            os.chmod(p, 0o755)
        os.chown(root, user.pw_uid, user.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    data = root / "data"
    subprocess.run(
        [
            *prefix,
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            "bench",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        ],
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=60"
    subprocess.run(
        [
            *prefix,
            str(bindir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(root / "log"),
            "-w",
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        import psycopg

        with psycopg.connect(
            f"host=127.0.0.1 port={port} user=bench dbname=postgres", autocommit=True
        ) as conn:
            conn.execute("CREATE DATABASE hub")
        yield f"postgresql://bench@127.0.0.1:{port}/hub"
    finally:
        subprocess.run(
            [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"],
            capture_output=True,
        )


def changed_rows(path: Path, since: int) -> int:
    import sqlite3

    con = sqlite3.connect(path)
    try:
        return int(
            con.execute("SELECT count(*) FROM sync_row WHERE top > ?", (since,)).fetchone()[0]
        )
    finally:
        con.close()


def copy_floor(url: str, path: Path, since: int) -> float:
    """psycopg COPY of the rows a sync would move (their columns and clocks) into a table."""
    import json
    import sqlite3

    import psycopg

    from assessor.store.models import SYNCED_MODELS, table_of

    con = sqlite3.connect(path)
    rows = []
    for model in SYNCED_MODELS:
        table = table_of(model)
        cols = [c.name for c in table.columns]
        names = ", ".join(f't."{c}"' for c in cols)
        for r in con.execute(
            f'SELECT r.clock, {names} FROM "{table.name}" t JOIN sync_row r '
            "ON r.table_name = ? AND r.row_id = t.id WHERE r.top > ?",
            (table.name, since),
        ):
            rows.append(
                (
                    table.name,
                    r[1 + cols.index("id")],
                    json.dumps(dict(zip(cols, r[1:], strict=True))),
                    r[0],
                )
            )
    con.close()
    began = time.perf_counter()
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        cur.execute("CREATE TEMP TABLE floor (t text, id text, data text, clock text)")
        with cur.copy("COPY floor (t, id, data, clock) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        conn.commit()
    return time.perf_counter() - began


def _laptop(path: str, url: str, go: Any, results: Any) -> None:
    """One laptop in its own process: ready, wait for the start, sync, say how long."""
    from assessor.services.hub import sync_hub
    from assessor.store.db import Database

    with Database(Path(path)) as db:
        results.put("ready")
        go.wait()
        began = time.perf_counter()
        try:
            sync_hub(db, url)
        except Exception as exc:  # reported by the parent
            results.put(f"{type(exc).__name__}: {exc}")
            return
        results.put(time.perf_counter() - began)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="an existing, empty PostgreSQL database to use")
    parser.add_argument("--agencies", type=int, default=300)
    parser.add_argument("--laptops", type=int, default=20)
    parser.add_argument("--change", type=float, default=0.05)
    args = parser.parse_args()

    from assessor.services import demo
    from assessor.services.hub import init_hub, sync_hub
    from assessor.store import clocks
    from assessor.store.db import Database
    from assessor.store.digest import digest

    work = Path(tempfile.mkdtemp(prefix="hub-bench-"))
    try:
        with contextmanager(lambda: (yield args.url))() if args.url else local_server(work) as url:
            base = work / "base.db"
            began = time.perf_counter()
            with Database(base, create=True) as db, db.transaction() as session:
                demo.build_demo(session, seed=1, agencies=args.agencies)
            print(f"built the {args.agencies}-agency demo in {time.perf_counter() - began:.1f} s")
            init_hub(url)
            paths = [work / f"laptop{i}.db" for i in range(max(args.laptops, 2))]
            for p in paths:
                shutil.copyfile(base, p)
            with Database(paths[0]) as db:
                began = time.perf_counter()
                first = sync_hub(db, url)
            print(f"first push:   {time.perf_counter() - began:6.2f} s, {first['pushed']} rows")
            with Database(paths[0]) as db:
                rows = changed_rows(paths[0], -1)
                edits = max(1, round(rows * args.change))
                with db.read() as s:
                    from assessor.store.stamping import read_site_and_clock

                    _site, before = read_site_and_clock(s.connection())
                since = clocks.hlc_int(str(before))
                began = time.perf_counter()
                demo.mutate(db, count=edits, seed=7)
                print(
                    f"{edits} random edits ({args.change:.0%} of {rows} rows) in "
                    f"{time.perf_counter() - began:.1f} s"
                )
                moved = changed_rows(paths[0], since)
                began = time.perf_counter()
                pushed = sync_hub(db, url)
                push_s = time.perf_counter() - began
            floor_s = copy_floor(url, paths[0], since)
            print(
                f"5% push:      {push_s:6.2f} s, {pushed['pushed']} rows pushed ({moved} "
                f"changed); floor (COPY of the same rows) {floor_s:.2f} s; target < "
                f"{SYNC_S:.0f} s: {'ok' if push_s < SYNC_S else 'over target'}"
            )
            with Database(paths[1]) as db:
                began = time.perf_counter()
                pulled = sync_hub(db, url)
                pull_s = time.perf_counter() - began
            print(
                f"5% pull:      {pull_s:6.2f} s, {pulled['pulled']} rows pulled; target < "
                f"{SYNC_S:.0f} s: {'ok' if pull_s < SYNC_S else 'over target'}"
            )
            # every laptop makes a few edits, then all sync at once
            dbs = [Database(p) for p in paths[: args.laptops]]
            try:
                for i, db in enumerate(dbs):
                    demo.mutate(db, count=5, seed=100 + i)
                for db in dbs:
                    db.close()
                # one process per laptop (laptops are separate machines: no shared GIL),
                # started and ready before the clock starts
                ctx = multiprocessing.get_context("spawn")
                go, results = ctx.Event(), ctx.Queue()
                workers = [
                    ctx.Process(target=_laptop, args=(str(p), url, go, results))
                    for p in paths[: args.laptops]
                ]
                for w in workers:
                    w.start()
                ready = 0
                while ready < len(workers):
                    results.get()
                    ready += 1
                began = time.perf_counter()
                go.set()
                outcomes = [results.get() for _ in workers]
                together_s = time.perf_counter() - began
                for w in workers:
                    w.join()
                errors = [o for o in outcomes if isinstance(o, str)]
                times = [o for o in outcomes if isinstance(o, float)]
                print(
                    f"{len(workers)} at once:  {together_s:6.2f} s in total, slowest "
                    f"{max(times, default=0):.2f} s, errors {len(errors)} {errors[:1]}; "
                    f"target < {CONCURRENT_S:.0f} s: "
                    f"{'ok' if together_s < CONCURRENT_S and not errors else 'missed'}"
                )
                dbs = [Database(p) for p in paths[: args.laptops]]
                for db in dbs:  # one more turn each brings the last changes to everyone
                    sync_hub(db, url)
                found = set()
                for db in dbs:
                    with db.read() as s:
                        found.add(digest(s))
                print(
                    f"converged:    {'yes' if len(found) == 1 else 'NO'} "
                    f"({len(found)} distinct digest(s) on {len(dbs)} laptops)"
                )
            finally:
                for db in dbs:
                    db.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
