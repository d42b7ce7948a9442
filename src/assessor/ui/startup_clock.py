"""Milliseconds since the process started, for `--exit-after-startup`.

On Linux the kernel records when the process was started, so the figure includes the
interpreter's own start-up; elsewhere it counts from the first import of this package's
entry point (the earliest moment Python code of ours runs).
"""

from __future__ import annotations

import os
import sys
import time

# Fallback origin: set when this module is first imported (run_app imports it first thing).
_IMPORTED_AT = time.perf_counter()


def _linux_process_age() -> float | None:
    try:
        with open(f"/proc/{os.getpid()}/stat", "rb") as fh:
            stat = fh.read().decode("ascii", "replace")
        # fields after the command name (which may hold spaces), "starttime" is the 22nd field
        fields = stat.rsplit(")", 1)[1].split()
        started_ticks = int(fields[19])
        ticks = os.sysconf("SC_CLK_TCK")
        age = time.clock_gettime(time.CLOCK_BOOTTIME) - started_ticks / ticks
    except (OSError, ValueError, IndexError, AttributeError):
        return None
    if 0 <= age < 3600:
        return age
    return None


def elapsed_ms() -> float:
    if sys.platform.startswith("linux"):
        age = _linux_process_age()
        if age is not None:
            return age * 1000.0
    return (time.perf_counter() - _IMPORTED_AT) * 1000.0
