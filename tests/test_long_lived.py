"""long_lived.py: the program's own process sets its imported modules aside from the garbage
collector; a caller running a command inside its own process (these tests) is left alone."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys

import pytest

from assessor import long_lived
from assessor.__main__ import main


def test_a_caller_process_is_left_alone() -> None:
    assert not long_lived._active  # nothing here called begin()
    frozen = gc.get_freeze_count()
    with long_lived.importing():
        assert gc.isenabled()
        import assessor.services.reports  # noqa: F401
    assert gc.get_freeze_count() == frozen
    assert gc.isenabled()


def test_a_command_run_in_process_freezes_nothing() -> None:
    frozen = gc.get_freeze_count()
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    assert gc.get_freeze_count() == frozen
    assert gc.isenabled()


PROBE = """
import gc, json, sys
from assessor import long_lived
long_lived.begin()
with long_lived.importing():
    off_inside = not gc.isenabled()
    with long_lived.importing():
        import assessor.services.reports
    still_off = not gc.isenabled()
print(json.dumps({"off_inside": off_inside, "still_off": still_off,
                  "enabled_after": gc.isenabled(), "frozen": gc.get_freeze_count()}))
"""


def test_the_program_sets_its_imports_aside() -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, env=env
    ).stdout
    seen = json.loads(out)
    assert seen["off_inside"] and seen["still_off"]  # a nested import keeps it off
    assert seen["enabled_after"]
    assert seen["frozen"] > 10_000  # SQLAlchemy, the mapped classes, ReportLab, ...


ENTRY = """
import gc, sys
from assessor.{module} import main
sys.argv = ["assessor", "report", "--help"]
try:
    main()
except SystemExit:
    pass
print(gc.get_freeze_count())
"""


@pytest.mark.parametrize("module", ["__main__", "cli.main"])
def test_both_entry_points_begin(module: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run(
        [sys.executable, "-c", ENTRY.format(module=module)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    assert int(out.split()[-1]) > 10_000
