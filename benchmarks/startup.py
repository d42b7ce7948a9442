"""Start-up time of the window: `assessor --db PATH --exit-after-startup` beside a bare window.

Builds a 300-agency and a 10-agency demo database (`assessor demo`), then runs, interleaved so
that a busy machine slows all three alike:

- a bare PySide6 window (benchmarks/bare_window.py): QApplication, a QMainWindow, first paint;
- the app on the 10-agency database;
- the app on the 300-agency database.

Each prints the milliseconds from process start: the bare window to its first paint, the app
to the moment its window is usable (data shown, idle; the app prints a second figure, when
the Database is open for the first edit, which is not used here); the medians and their
ratios are printed. Targets: 300 agencies at most 3x the bare window, and at most 1.2x the
10-agency start-up (start-up must not grow with the data). A figure, not a pass/fail test.

    python benchmarks/startup.py [--runs 9] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET_VS_BARE = 3.0
TARGET_VS_SMALL = 1.2


def _env(work: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # settings and data in the work folder: no remembered window state from real use
    env["XDG_CONFIG_HOME"] = str(work / "config")
    env["ASSESSOR_DATA_DIR"] = str(work / "data")
    return env


def _has_demo(env: dict[str, str]) -> bool:
    done = subprocess.run(
        [sys.executable, "-m", "assessor", "demo", "--help"],
        env=env,
        capture_output=True,
        text=True,
    )
    return done.returncode == 0


def _make_demo(path: Path, agencies: int, env: dict[str, str]) -> None:
    if path.exists():
        return
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "assessor", "demo", "--db", str(path), "--agencies", str(agencies)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    print(f"built {path.name}: {agencies} agencies in {time.perf_counter() - started:.1f} s")


def _once(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(milliseconds the program printed, wall-clock milliseconds around the process)."""
    started = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    wall = (time.perf_counter() - started) * 1000.0
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.strip()}")
    lines = [line for line in done.stdout.split() if line.strip()]
    return float(lines[0]), wall  # the app prints usable, then ready for an edit


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="measured runs of each (median)")
    parser.add_argument("--keep", type=Path, help="folder for the demo databases (kept)")
    args = parser.parse_args(argv)

    holder = None
    if args.keep:
        work = args.keep
        work.mkdir(parents=True, exist_ok=True)
    else:
        holder = tempfile.TemporaryDirectory(prefix="assessor-startup-")
        work = Path(holder.name)
    env = _env(work)
    if not _has_demo(env):
        print("skipped: this version has no 'assessor demo' command to build the databases")
        return 0
    large, small = work / "demo-300.db", work / "demo-10.db"
    _make_demo(large, 300, env)
    _make_demo(small, 10, env)

    commands = {
        "bare PySide6 window": [sys.executable, str(HERE / "bare_window.py")],
        "assessor, 10 agencies": [
            sys.executable,
            "-m",
            "assessor",
            "--db",
            str(small),
            "--exit-after-startup",
        ],
        "assessor, 300 agencies": [
            sys.executable,
            "-m",
            "assessor",
            "--db",
            str(large),
            "--exit-after-startup",
        ],
    }
    for cmd in commands.values():  # warm the file cache and the bytecode, not measured
        _once(cmd, env)
    painted: dict[str, list[float]] = {name: [] for name in commands}
    walls: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, cmd in commands.items():
            ms, wall = _once(cmd, env)
            painted[name].append(ms)
            walls[name].append(wall)

    print(
        f"\nmedian of {args.runs} runs (milliseconds from process start to usable;"
        " wall = whole process, exit included)"
    )
    med = {name: statistics.median(v) for name, v in painted.items()}
    for name in commands:
        print(
            f"  {name:<24} {med[name]:7.0f} ms   (wall {statistics.median(walls[name]):6.0f} ms,"
            f" min {min(painted[name]):.0f}, max {max(painted[name]):.0f})"
        )
    bare, ten, three_hundred = med.values()
    vs_bare = three_hundred / bare
    vs_small = three_hundred / ten
    print(
        f"\n300 agencies / bare window : {vs_bare:.2f}x  (target <= {TARGET_VS_BARE}x) "
        f"{'met' if vs_bare <= TARGET_VS_BARE else 'NOT met'}"
    )
    print(
        f"300 agencies / 10 agencies : {vs_small:.2f}x  (target <= {TARGET_VS_SMALL}x) "
        f"{'met' if vs_small <= TARGET_VS_SMALL else 'NOT met'}"
    )
    if holder is not None:
        holder.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
