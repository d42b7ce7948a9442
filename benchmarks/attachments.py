"""Evidence files: start-up with 2,000 attachments (1 GB) beside none, and what a delta carries.

Builds a 30-agency demo database, a copy of it with 2,000 evidence files of 500 kB each
(random bytes: 1 GB that no compression shrinks) attached to its answers, then:

- start-up: `assessor --db PATH --exit-after-startup` on both, interleaved, median of --runs
  (target: with files at most 1.1x without);
- a delta: the copy with files and a colleague's copy of it exchange packages (the colleague's
  without contents), ten files are added, and the delta for the colleague is written: its
  file contents and attachments are counted (target: exactly those 10) and its size printed.

A figure, not a test.

    python benchmarks/attachments.py [--runs 7] [--files 2000] [--size 500000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from startup import _env, _make_demo, _once  # noqa: E402

TARGET = 1.1


def _answers(path: Path) -> list[tuple[str, str]]:
    import sqlite3

    con = sqlite3.connect(path)
    try:
        return con.execute(
            "SELECT a.id, q.id FROM assessment a JOIN checklist_question q "
            "ON q.checklist_id = a.checklist_id ORDER BY a.id, q.id"
        ).fetchall()
    finally:
        con.close()


def _attach_many(path: Path, count: int, size: int, start: int = 0) -> float:
    from assessor.services import attachments as att
    from assessor.store.db import Database

    targets = _answers(path)
    started = time.perf_counter()
    with Database(path) as db:
        for batch in range(0, count, 50):
            with db.transaction() as s:
                for i in range(batch, min(batch + 50, count)):
                    assessment, question = targets[(start + i) % len(targets)]
                    att.attach_to_answer(
                        s,
                        assessment,
                        question,
                        os.urandom(size),
                        file_name=f"underlag-{start + i}.jpg",
                    )
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--size", type=int, default=500_000)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args(argv)
    holder = None
    if args.keep:
        work = args.keep
        work.mkdir(parents=True, exist_ok=True)
    else:
        holder = tempfile.TemporaryDirectory(prefix="assessor-attachments-")
        work = Path(holder.name)
    env = _env(work)
    plain, heavy = work / "plain.db", work / "files.db"
    _make_demo(plain, 30, env)
    if not heavy.exists():
        shutil.copyfile(plain, heavy)
        seconds = _attach_many(heavy, args.files, args.size)
        print(f"attached {args.files} files of {args.size} bytes in {seconds:.1f} s")
    print(
        f"database without files {plain.stat().st_size / 1e6:8.1f} MB, "
        f"with files {heavy.stat().st_size / 1e6:8.1f} MB"
    )

    commands = {
        name: [sys.executable, "-m", "assessor", "--db", str(path), "--exit-after-startup"]
        for name, path in (("no files", plain), (f"{args.files} files", heavy))
    }
    for cmd in commands.values():
        _once(cmd, env)
    painted: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, cmd in commands.items():
            painted[name].append(_once(cmd, env)[0])
    med = {name: statistics.median(v) for name, v in painted.items()}
    for name, ms in med.items():
        print(
            f"  start-up, {name:<12} {ms:7.0f} ms (min {min(painted[name]):.0f}, "
            f"max {max(painted[name]):.0f})"
        )
    ratio = med[f"{args.files} files"] / med["no files"]
    print(
        f"start-up with files / without: {ratio:.2f}x (target <= {TARGET}x) "
        f"{'ok' if ratio <= TARGET else 'OVER TARGET'}"
    )

    from assessor.services import sync
    from assessor.store.db import Database

    colleague = work / "colleague.db"
    shutil.copyfile(heavy, colleague)
    with Database(colleague) as db:
        sync.export_package(db, work / "hello.pkg", with_contents=False)
        with db.read() as s:
            colleague_site = sync.site_id(s)
    with Database(heavy) as db:
        sync.import_package(db, work / "hello.pkg")
    _attach_many(heavy, 10, args.size, start=args.files)
    started = time.perf_counter()
    with Database(heavy) as db:
        manifest = sync.export_package(db, work / "delta.pkg", for_peer=colleague_site)
    took = time.perf_counter() - started
    counts = manifest["counts"]
    size = (work / "delta.pkg").stat().st_size
    ok = counts["file_content"] == 10 and counts["attachment"] == 10
    print(
        f"delta after adding 10 files: {counts['file_content']} file contents, "
        f"{counts['attachment']} attachments, {size / 1e6:.2f} MB, written in {took:.1f} s "
        f"({'ok' if ok else 'NOT ONLY THE 10'})"
    )
    started = time.perf_counter()
    with Database(colleague) as db:
        sync.import_package(db, work / "delta.pkg")
    print(
        f"the colleague imports it in {time.perf_counter() - started:.1f} s "
        "(a backup copy of the whole database file included)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
