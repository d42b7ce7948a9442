"""What the user waits for, at the scale of every public organisation in Sweden.

    python benchmarks/scale.py [--runs 5] [--sizes 10,300,1000] [--cache DIR]

Builds demo databases of 10, 300 and 1,000 agencies once (`assessor demo --seed 1`) and keeps
them in a cache outside the repository (default: $XDG_CACHE_HOME or ~/.cache, then
assessor-benchmarks/scale/<schema head>); every run works on fresh copies. Then it runs whole
processes, each measured thing alternating with its floor in the same round so that a busy
machine slows both alike, and prints one table of medians and ratios (benchmarks/README.md
says how to read it):

- start-up: `assessor --db DB --exit-after-startup`, the window remembering the agency with the
  most assessments and meetings (the program prints the milliseconds from process start to the
  moment the window is usable, then to the moment it is ready for an edit) against a bare
  PySide6 window
  (bare_window.py, start to first paint); whole-process wall time and peak memory beside it;
- report: `assessor report` of the 300-agency database's largest assessment against
  plain_report.py drawing as many pages with plain ReportLab;
- portfolio report: `assessor portfolio --out` on 1,000 agencies against the same on 10;
- the portfolio page and search (scale_page.py, in one process): open, trends, refresh and
  search at 1,000 agencies against 10; the absolute targets beside them;
- the database's size against the same data compacted (VACUUM INTO).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable


@dataclass
class Run:
    """One whole process: what it printed, its wall time and its peak memory."""

    out: str
    wall_ms: float
    peak_kib: int


@dataclass
class Series:
    runs: list[Run] = field(default_factory=list)

    def median(self, pick: Callable[[Run], float]) -> float:
        return statistics.median(pick(r) for r in self.runs)


def _run_with_peak(cmd: list[str], env: dict[str, str]) -> Run:
    began = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stderr is not None
    out = proc.stdout.read()
    err = proc.stderr.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = (time.perf_counter() - began) * 1000
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {err.strip()[-400:]}")
    return Run(out.strip(), wall, int(usage.ru_maxrss))


def cache_folder(given: Path | None) -> Path:
    if given is not None:
        return given
    from assessor.store.schema import HEAD

    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "assessor-benchmarks" / "scale" / HEAD


def demo(cache: Path, agencies: int, env: dict[str, str]) -> Path:
    path = cache / f"demo-{agencies}.db"
    if path.exists():
        return path
    cache.mkdir(parents=True, exist_ok=True)
    partial = cache / f"building-{agencies}-{os.getpid()}.db"
    began = time.perf_counter()
    subprocess.run(
        [
            PYTHON,
            "-m",
            "assessor",
            "demo",
            "--db",
            str(partial),
            "--seed",
            "1",
            "--agencies",
            str(agencies),
        ],
        env=env,
        check=True,
        capture_output=True,
    )
    for extra in cache.glob(f"{partial.name}*"):
        if extra != partial:
            extra.unlink()
    partial.rename(path)  # only a whole database is ever found in the cache
    print(f"built {path} in {time.perf_counter() - began:.0f} s", file=sys.stderr)
    return path


def _first(db: Path, sql: str) -> str:
    """The first column of the first row of ``sql``, read-only."""
    con = sqlite3.connect(f"{db.absolute().as_uri()}?mode=ro", uri=True)
    try:
        return str(con.execute(sql).fetchone()[0])
    finally:
        con.close()


def largest_assessment(db: Path) -> str:
    return _first(
        db,
        "SELECT s.id FROM assessment s WHERE s.deleted_at IS NULL ORDER BY "
        "(SELECT count(*) FROM answer a WHERE a.assessment_id = s.id) + "
        "(SELECT count(*) FROM finding f WHERE f.assessment_id = s.id) + "
        "(SELECT count(*) FROM recommendation r WHERE r.assessment_id = s.id) DESC, s.id "
        "LIMIT 1",
    )


def remembering(work: Path, db: Path) -> Path:
    """A settings folder in which the window remembers the agency with the most assessments and
    meetings, as an advisor's window does on its second start: its details are part of what
    must be on screen before the window counts as usable."""
    agency = _first(
        db,
        "SELECT a.id FROM agency a WHERE a.deleted_at IS NULL ORDER BY "
        "(SELECT count(*) FROM assessment s WHERE s.agency_id = a.id) + "
        "(SELECT count(*) FROM meeting m WHERE m.agency_id = a.id) DESC, a.id LIMIT 1",
    )
    folder = work / f"config-{db.stem}"
    (folder / "Assessor").mkdir(parents=True, exist_ok=True)
    # QSettings' INI form of page/agencies/agency
    (folder / "Assessor" / "Assessor.conf").write_text(f"[page]\nagencies\\agency={agency}\n")
    return folder


def pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def compacted_size(db: Path, work: Path) -> int:
    target = work / f"vacuumed-{db.name}"
    target.unlink(missing_ok=True)
    con = sqlite3.connect(db)
    try:
        con.execute("VACUUM INTO ?", (str(target),))
    finally:
        con.close()
    return target.stat().st_size


Row = tuple[str, str, str, str, str, str]


def ratio_row(
    what: str, value: float, unit: str, floor_name: str, floor: float, target: float | None
) -> Row:
    ratio = value / floor if floor else float("inf")
    verdict = "" if target is None else ("met" if ratio <= target else "NOT met")
    return (
        what,
        f"{_number(value)} {unit}",
        f"{floor_name}: {_number(floor)} {unit}",
        f"{ratio:.2f}x",
        "" if target is None else f"<= {target:g}x",
        verdict,
    )


def _number(value: float) -> str:
    return f"{value:,.1f}" if value < 100 else f"{value:,.0f}"


def absolute_row(what: str, value: float, limit: float) -> Row:
    return (
        what,
        f"{value:,.0f} ms",
        "",
        "",
        f"< {limit:,.0f} ms",
        "met" if value < limit else "NOT met",
    )


def print_table(rows: list[Row], runs: int) -> None:
    head = ("what the user waits for", "measured", "floor, same run", "ratio", "target", "")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    print(f"\nmedians of {runs} runs, whole processes alternating with their floors")
    for n, row in enumerate([head, *rows]):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="measured runs of each (median)")
    parser.add_argument("--sizes", default="10,300,1000", help="demo databases, in agencies")
    parser.add_argument("--cache", type=Path, help="where the demo databases are kept")
    args = parser.parse_args(argv)
    sizes = sorted({int(n) for n in args.sizes.split(",")})
    small, middle, large = sizes[0], sizes[len(sizes) // 2], sizes[-1]

    with tempfile.TemporaryDirectory(prefix="assessor-scale-") as tmp:
        work = Path(tmp)
        env = dict(
            os.environ,
            QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            XDG_CONFIG_HOME=str(work / "config"),
            ASSESSOR_DATA_DIR=str(work / "data"),
        )
        # an installed program has its modules byte-compiled (pip does it), as the floors'
        # libraries have theirs; a shell that forbids writing bytecode would make every measured
        # process compile our hundred modules again (a third of a second) and the floors none
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        cache = cache_folder(args.cache)
        dbs: dict[int, Path] = {}
        for n in sizes:
            dbs[n] = work / f"demo-{n}.db"
            shutil.copyfile(demo(cache, n, env), dbs[n])
        assessment = largest_assessment(dbs[middle])

        configs = {n: remembering(work, dbs[n]) for n in sizes}

        def app(n: int) -> list[str]:
            # env(1) execs in the same process: the kernel's start time is the window's
            return [
                "env",
                f"XDG_CONFIG_HOME={configs[n]}",
                PYTHON,
                "-m",
                "assessor",
                "--db",
                str(dbs[n]),
                "--exit-after-startup",
            ]

        def report() -> list[str]:
            return [
                PYTHON,
                "-m",
                "assessor",
                "report",
                "--db",
                str(dbs[middle]),
                "--assessment",
                assessment,
                "--out",
                str(work / "report.pdf"),
                "--by",
                "bench",
            ]

        def portfolio(n: int) -> list[str]:
            return [
                PYTHON,
                "-m",
                "assessor",
                "portfolio",
                "--db",
                str(dbs[n]),
                "--out",
                str(work / f"portfolio-{n}.pdf"),
            ]

        _run_with_peak(report(), env)  # also tells how many pages the floor must draw
        pages = pdf_pages(work / "report.pdf")
        commands: dict[str, list[str]] = {
            "bare": [PYTHON, str(HERE / "bare_window.py")],
            **{f"app{n}": app(n) for n in sizes},
            "plain": [PYTHON, str(HERE / "plain_report.py"), str(pages), str(work / "plain.pdf")],
            "report": report(),
            f"portfolio{small}": portfolio(small),
            f"portfolio{large}": portfolio(large),
            **{
                f"page{n}": [PYTHON, str(HERE / "scale_page.py"), str(dbs[n])]
                for n in (small, large)
            },
        }
        for cmd in commands.values():  # warm the file cache and the bytecode, not measured
            _run_with_peak(cmd, env)
        series = {name: Series() for name in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                series[name].runs.append(_run_with_peak(cmd, env))

        def printed(name: str, key: str | None = None, line: int = -1) -> float:
            if key is None:
                return series[name].median(lambda r: float(r.out.split()[line]))
            return series[name].median(lambda r: float(json.loads(r.out)[key]))

        def wall(name: str) -> float:
            return series[name].median(lambda r: r.wall_ms)

        def peak(name: str) -> float:
            return series[name].median(lambda r: r.peak_kib / 1024)

        bare_ms, bare_wall, bare_peak = printed("bare"), wall("bare"), peak("bare")
        rows: list[Row] = []
        for n in sizes:
            rows.append(
                ratio_row(
                    f"start-up to usable, {n:,} agencies",
                    printed(f"app{n}", line=0),
                    "ms",
                    "bare window",
                    bare_ms,
                    3.0,
                )
            )
        rows.append(
            ratio_row(
                f"start-up, ready for an edit, {large:,} agencies",
                printed(f"app{large}"),
                "ms",
                "bare window",
                bare_ms,
                None,
            )
        )
        rows.append(
            ratio_row(
                f"start-up, whole process, {large:,} agencies",
                wall(f"app{large}"),
                "ms",
                "bare window",
                bare_wall,
                3.0,
            )
        )
        rows.append(
            ratio_row(
                f"start-up, peak memory, {large:,} agencies",
                peak(f"app{large}"),
                "MiB",
                "bare window",
                bare_peak,
                2.0,
            )
        )
        rows.append(
            ratio_row(
                f"assessor report, {pages} pages",
                wall("report"),
                "ms",
                "plain ReportLab",
                wall("plain"),
                2.0,
            )
        )
        rows.append(
            ratio_row(
                f"assessor portfolio --out, {large:,} agencies",
                wall(f"portfolio{large}"),
                "ms",
                f"{small} agencies",
                wall(f"portfolio{small}"),
                2.0,
            )
        )
        for key, what, limit in (
            ("open_ms", "portfolio page opened", 300.0),
            ("trends_ms", "portfolio trends drawn", 1000.0),
            ("refresh_ms", "portfolio page refreshed", None),
            ("search_ms", "search", None),
        ):
            value = printed(f"page{large}", key)
            rows.append(
                ratio_row(
                    f"{what}, {large:,} agencies",
                    value,
                    "ms",
                    f"{small} agencies",
                    printed(f"page{small}", key),
                    None,
                )
            )
            if limit is not None:
                rows.append(absolute_row(f"{what}, {large:,} agencies", value, limit))
        rows.append(
            ratio_row(
                f"portfolio page, peak memory, {large:,} agencies",
                peak(f"page{large}"),
                "MiB",
                "bare window",
                bare_peak,
                None,
            )
        )
        for n in sizes:
            size = dbs[n].stat().st_size / 1024 / 1024
            rows.append(
                ratio_row(
                    f"database size, {n:,} agencies",
                    size,
                    "MiB",
                    "compacted",
                    compacted_size(dbs[n], work) / 1024 / 1024,
                    None,
                )
            )
        print_table(rows, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
