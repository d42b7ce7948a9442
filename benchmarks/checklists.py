"""Validate and import of the largest framework in the pinned sample (target: under 3 s each).

    python benchmarks/checklists.py [FILE] [--repeat 3]

Without FILE the largest file of tests/samples/ciso (the NIS2 implementing regulation annex
with ENISA's guidance, 2.9 MB) is used. "Validate" is what `assessor checklist validate` does
(read, bound, parse, convert, check the result as a checklist of ours); "import" is that plus
storing the checklist in a new database, as `assessor checklist import` does. The best and
median of the runs are printed, with the peak memory of one validate.
"""

from __future__ import annotations

import argparse
import lzma
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "tests" / "samples" / "ciso"


def largest_sample() -> tuple[str, bytes]:
    files = sorted(SAMPLES.glob("*.yaml.xz"), key=lambda p: p.stat().st_size)
    path = files[-1]
    return path.name.removesuffix(".xz"), lzma.decompress(path.read_bytes())


def main() -> int:
    from assessor.services.checklists import import_checklist, parse_file
    from assessor.services.setup import init_database

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", help="a framework file (default: largest sample)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if args.file:
        name, data = Path(args.file).name, Path(args.file).read_bytes()
    else:
        name, data = largest_sample()
    print(f"{name}: {len(data) / 1e6:.1f} MB")

    validate: list[float] = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        doc, _notes, _kind = parse_file(data, name)
        validate.append(time.perf_counter() - start)
    tracemalloc.start()
    parse_file(data, name)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    imports: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        for i in range(args.repeat):
            db = init_database(Path(folder) / f"bench{i}.db")
            start = time.perf_counter()
            with db.transaction() as session:
                import_checklist(session, data, name)
            imports.append(time.perf_counter() - start)
            db.close()
    print(f"{doc.question_count} questions, {len(doc.dimensions)} dimensions")
    for label, runs in (("validate", validate), ("import", imports)):
        print(f"{label}: best {min(runs):.2f} s, median {statistics.median(runs):.2f} s")
    print(f"validate peak memory (Python objects): {peak / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
