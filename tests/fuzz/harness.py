"""Runs fuzz cases as the real command line, each in a forked child, and checks the contract.

The parent imports the program once (the command line and every module a case reaches), then
forks one child per case: the child runs `assessor.cli.main.main(argv)` as the command line
would, with stderr in a file. The parent measures the child's wall time and peak memory (its
maximum resident set, from wait4; a forked child starts with the parent's pages, so this is
an upper bound) and checks: exit code 0 or 2 (a mutation may leave a file valid), on a refusal
one line on stderr (or FILE:LINE problem lines for a checklist), never a traceback, the
watched database byte-identical (always, for a read-only command), no new database left behind
by a refused archive import, and the time and memory budgets.
"""

from __future__ import annotations

import hashlib
import os
import re
import resource
import shutil
import stat
import subprocess
import sys
import time
import traceback
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from tests.fuzz.cases import Case, Run

TIME_LIMIT_S = 5.0
MEMORY_LIMIT_MB = 500
KILL_AFTER_S = 60.0
PROBLEM_LINE = re.compile(r"^[^\n]+?(:\d+)?: \S")


@dataclass
class Result:
    surface: str
    name: str
    code: int
    lines: int
    seconds: float
    memory_mb: float
    traceback: bool
    changed: bool
    failures: list[str]
    stderr: str


def warm_up() -> None:
    """Import everything a case reaches, once, before forking."""
    from assessor.cli.main import build_parser

    build_parser()
    import assessor.services.archive_import
    import assessor.services.checklists
    import assessor.services.setup
    import assessor.store.digest
    import assessor.store.migrate
    import assessor.sync.safety  # noqa: F401


def _digest(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return "not-a-file"
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "missing"


def _child(run: Run, err_path: Path) -> None:  # pragma: no cover - runs in the fork
    code = 1
    try:
        fd = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(fd, 2)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        # a guard for the machine, far above the budget: a runaway case fails, not the host
        resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
        from assessor.cli.main import main

        started = time.perf_counter()
        try:
            code = main(run.argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
        except BaseException:
            traceback.print_exc()
            code = 99
        # the command's own wall time: the parent may be busy making the next case
        err_path.with_name("seconds").write_text(str(time.perf_counter() - started))
    finally:
        os._exit(code)


def _check(
    case: Case, run: Run, code: int, err: str, seconds: float, memory: float, before: str | None
) -> Result:
    failures: list[str] = []
    lines = [line for line in err.splitlines() if line.strip()]
    has_traceback = code == 99 or "Traceback" in err
    if has_traceback:
        failures.append("traceback")
    if code not in (0, 2) or (run.expect is not None and code != run.expect):
        failures.append(f"exit code {code}")
    if code == 2:
        if run.lines == "one" and (len(lines) != 1 or not lines[0].startswith("assessor: ")):
            failures.append(f"{len(lines)} lines on stderr")
        if run.lines == "problems" and (
            not lines or not all(PROBLEM_LINE.match(line) for line in lines)
        ):
            failures.append("stderr is not problem lines")
    changed = False
    if run.watched is not None and (run.read_only or code != 0):
        changed = _digest(run.watched) != before
    if run.absent is not None and code != 0 and run.absent.exists():
        changed = True
    if changed:
        failures.append("database changed")
    # every surface, the key derivation of an encrypted package included (2^18 at most, unless
    # the user agreed to an older version's cost: docs/security.md), under the same budget
    if seconds > TIME_LIMIT_S:
        failures.append(f"{seconds:.1f} s")
    if memory > MEMORY_LIMIT_MB:
        failures.append(f"{memory:.0f} MB")
    return Result(
        case.surface,
        case.name,
        code,
        len(lines),
        round(seconds, 3),
        round(memory, 1),
        has_traceback,
        changed,
        failures,
        "\n".join(lines)[-2000:],
    )


def _clean(work: Path) -> None:
    for path in work.rglob("*"):
        try:
            if not path.is_symlink():
                path.chmod(0o700)
        except OSError:
            pass
    shutil.rmtree(work, ignore_errors=True)


def _start_real(run: Run, work: Path) -> subprocess.Popen[bytes]:
    """The case as a real process (`python -m assessor ...`), as a user's shell runs it."""
    with (work / "stderr.txt").open("wb") as err:
        return subprocess.Popen(
            [sys.executable, "-m", "assessor", *run.argv],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )


def run_cases(cases: Iterable[Case], root: Path, jobs: int = 2, real: int = 0) -> list[Result]:
    """Every case, `jobs` at a time; results in the order the cases finished. The first
    `real` cases run as real processes (their time then includes the interpreter's start)."""
    results: list[Result] = []
    pending = iter(enumerate(cases))
    running: dict[int, tuple[Case, Run, Path, float, str | None]] = {}
    # the Popen objects of real cases, kept until wait4 has reaped them: a Popen dropped while
    # its process runs is reaped by the subprocess module when the next one starts, and
    # wait4 here would then wait for a child that is gone
    popens: dict[int, subprocess.Popen[bytes]] = {}
    exhausted = False
    while running or not exhausted:
        while not exhausted and len(running) < jobs:
            item = next(pending, None)
            if item is None:
                exhausted = True
                break
            number, case = item
            work = root / f"case-{number}"
            work.mkdir(parents=True)
            run = case.make(work)
            before = _digest(run.watched)
            if number < real:
                process = _start_real(run, work)
                pid = process.pid
                popens[pid] = process
            else:
                pid = os.fork()
                if pid == 0:  # pragma: no cover
                    _child(run, work / "stderr.txt")
            running[pid] = (case, run, work, time.perf_counter(), before)
        if not running:
            break
        pid, status, usage = os.wait4(-1, os.WNOHANG)
        if pid == 0:
            now = time.perf_counter()
            for child, (_, _, _, started, _) in list(running.items()):
                if now - started > KILL_AFTER_S:
                    os.kill(child, 9)
            time.sleep(0.005)
            continue
        case, run, work, started, before = running.pop(pid)
        process = popens.pop(pid, None)
        if process is not None:
            process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not again
        try:
            seconds = float((work / "seconds").read_text())
        except (OSError, ValueError):  # killed, or died before it could say
            seconds = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        err = (work / "stderr.txt").read_text(encoding="utf-8", errors="replace")
        results.append(_check(case, run, code, err, seconds, usage.ru_maxrss / 1024, before))
        _clean(work)
    return results


def table(results: list[Result]) -> str:
    """The results by surface: cases, refusals, max time, max memory, tracebacks, changed."""
    rows = [
        "| surface | cases | refusals (exit 2) | accepted (exit 0) | max time s | "
        "max memory MB | tracebacks | changed databases | failures |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    surfaces = sorted({r.surface for r in results})
    for surface in [*surfaces, "all"]:
        part = [r for r in results if surface in ("all", r.surface)]
        if not part:
            continue
        rows.append(
            f"| {surface} | {len(part)} | {sum(r.code == 2 for r in part)} | "
            f"{sum(r.code == 0 for r in part)} | {max(r.seconds for r in part):.2f} | "
            f"{max(r.memory_mb for r in part):.0f} | {sum(r.traceback for r in part)} | "
            f"{sum(r.changed for r in part)} | {sum(bool(r.failures) for r in part)} |"
        )
    return "\n".join(rows)


def as_dicts(results: list[Result]) -> list[dict[str, object]]:
    return [asdict(r) for r in results]
