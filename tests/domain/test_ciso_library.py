"""Opt-in: every file of the published CISO Assistant library (about a minute).

Set ASSESSOR_CISO_LIBRARY to a copy of backend/library/libraries/ of
intuitem/ciso-assistant-community; without it the test is skipped.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assessor.domain.checklist import ChecklistProblems
from assessor.services.checklists import parse_file

LIBRARY = os.environ.get("ASSESSOR_CISO_LIBRARY", "")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not LIBRARY, reason="ASSESSOR_CISO_LIBRARY is not set"),
]


def test_every_published_framework_imports_and_every_other_file_is_named() -> None:
    files = sorted(Path(LIBRARY).glob("*.yaml"))
    assert files, f"no library files in {LIBRARY}"
    failed: list[str] = []
    frameworks = 0
    for path in files:
        data = path.read_bytes()
        try:
            doc, _, source_format = parse_file(data, path.name)
        except ChecklistProblems as exc:
            # a file of another kind: refused in one line that says what it is
            one_line = len(exc.problems) == 1 and "CISO Assistant" in exc.problems[0].message
            if b"requirement_nodes:" in data or not one_line:
                failed.append(str(exc))
            continue
        frameworks += 1
        assert source_format == "ciso-assistant"
        assert doc.question_count == data.count(b"assessable: true"), path.name
    assert not failed, "\n".join(failed)
    assert frameworks > 200
