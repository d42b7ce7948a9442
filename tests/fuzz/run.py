"""The fuzz suite from the command line: `python -m tests.fuzz.run --profile quick|deep`.

The quick profile (about a hundred cases) runs in the default test run through
tests/fuzz/test_fuzz.py; the deep one (over two thousand) is `scripts/test --fuzz-deep`, which
CI runs. Both draw their mutations from a fixed seed, so a failure is reproducible by its name.
Prints the table by surface and writes every result as JSON (--out).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from tests.fuzz.cases import Case, package_cases
from tests.fuzz.cases_age import encrypted_cases, kdf_cases
from tests.fuzz.cases_files import archive_cases, checklist_cases, database_cases
from tests.fuzz.harness import as_dicts, run_cases, table, warm_up
from tests.fuzz.regressions import regression_cases
from tests.fuzz.seeds import make_seeds

# cases per surface
PROFILES = {
    "quick": {
        "package": 10,
        "encrypted": 6,
        "checklist": 10,
        "database": 10,
        "archive": 8,
        "kdf": 0,
    },
    "deep": {
        "package": 560,
        "encrypted": 120,
        "checklist": 560,
        "database": 500,
        "archive": 320,
        "kdf": 18,
    },
}


def all_cases(seeds_folder: Path, profile: str, seed: int) -> Iterator[Case]:
    sizes = PROFILES[profile]
    seeds = make_seeds(seeds_folder, encrypted=True)
    rng = random.Random(seed)
    yield from regression_cases(seeds)
    yield from package_cases(seeds, random.Random(rng.random()), sizes["package"])
    yield from encrypted_cases(seeds, random.Random(rng.random()), sizes["encrypted"])
    yield from checklist_cases(seeds, random.Random(rng.random()), sizes["checklist"])
    yield from database_cases(seeds, random.Random(rng.random()), sizes["database"])
    yield from archive_cases(seeds, random.Random(rng.random()), sizes["archive"])
    yield from kdf_cases(seeds, random.Random(rng.random()), sizes["kdf"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--profile", choices=sorted(PROFILES), default="quick")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, help="write every result here as JSON")
    parser.add_argument("--only", help="run only the cases whose name holds this text")
    parser.add_argument(
        "--real",
        type=int,
        default=0,
        metavar="N",
        help="run the first N cases as real processes (python -m assessor)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="assessor-fuzz-") as tmp:
        root = Path(tmp)
        os.environ["ASSESSOR_DATA_DIR"] = str(root / "data")
        os.environ.pop("ASSESSOR_DB", None)
        os.environ["LANG"] = "C.UTF-8"
        for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
            os.environ.pop(name, None)
        started = time.perf_counter()
        cases = list(all_cases(root / "seeds", args.profile, args.seed))
        if args.only:
            cases = [c for c in cases if args.only in f"{c.surface}/{c.name}"]
        warm_up()
        results = run_cases(cases, root / "cases", jobs=args.jobs, real=args.real)
        wall = time.perf_counter() - started
    print(table(results))
    print(
        f"\n{len(results)} cases in {wall:.0f} s wall time ({args.profile} profile, "
        f"seed {args.seed}, {args.jobs} at a time)"
    )
    failed = [r for r in results if r.failures]
    for r in failed:
        print(f"FAILED {r.surface}/{r.name}: {', '.join(r.failures)}\n    {r.stderr[-600:]}")
    if args.out:
        args.out.write_text(
            json.dumps({"wall_seconds": wall, "results": as_dicts(results)}, indent=1),
            encoding="utf-8",
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
