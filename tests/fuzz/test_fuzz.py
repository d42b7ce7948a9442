"""The quick fuzz profile in the default test run (the deep one: scripts/test --fuzz-deep).

It runs in a fresh interpreter (python -m tests.fuzz.run): the cases are forked from a parent
that has imported the program and nothing else (no Qt, no test fixtures). The first cases are
the regressions, and the first few of those run as real `python -m assessor` processes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.fuzz.seeds import REPO


def test_the_quick_fuzz_profile_keeps_the_contract(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.fuzz.run",
            "--profile",
            "quick",
            "--real",
            "6",
            "--out",
            str(out),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    print(done.stdout)
    assert out.exists(), done.stderr[-3000:]
    results = json.loads(out.read_text(encoding="utf-8"))["results"]
    assert len(results) >= 100
    failed = [
        f"{r['surface']}/{r['name']}: {r['failures']} {r['stderr'][-300:]}"
        for r in results
        if r["failures"]
    ]
    assert not failed, "\n".join(failed)
    assert done.returncode == 0, done.stdout[-3000:]
    surfaces = {r["surface"] for r in results}
    assert {"package", "encrypted", "checklist", "database", "archive", "regression"} <= surfaces
    # the hostile inputs are refused, not waved through: most cases end in exit 2
    assert sum(r["code"] == 2 for r in results) > 0.8 * len(results)
