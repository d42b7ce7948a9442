from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from assessor.domain.errors import BadInput
from assessor.services.files import check_output, write_atomically
from assessor.store.db import Database


def test_the_database_itself_is_never_an_output(db: Database) -> None:
    with pytest.raises(BadInput, match="database itself"):
        check_output(db.path, db_path=db.path, header=None, what="PDF report")


def test_an_existing_file_of_another_kind_is_refused(db: Database, tmp_path: Path) -> None:
    mine = tmp_path / "notes.pdf"
    mine.write_text("not a pdf")
    with pytest.raises(BadInput, match="not a PDF report"):
        check_output(mine, db_path=db.path, header=b"%PDF", what="PDF report")
    earlier = tmp_path / "old.pdf"
    earlier.write_bytes(b"%PDF-1.4 earlier report")
    check_output(earlier, db_path=db.path, header=b"%PDF", what="PDF report")


def test_missing_folder_and_folder_are_refused(db: Database, tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="no such folder"):
        check_output(tmp_path / "x" / "r.pdf", db_path=db.path, header=None, what="report")
    with pytest.raises(BadInput, match="is a folder"):
        check_output(tmp_path, db_path=db.path, header=None, what="report")


def test_atomic_write_gives_an_ordinary_file(tmp_path: Path) -> None:
    target = tmp_path / "r.pdf"
    old = os.umask(0o022)
    try:
        write_atomically(target, b"%PDF data")
    finally:
        os.umask(old)
    assert target.read_bytes() == b"%PDF data"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]


def test_report_export_refuses_to_overwrite_the_database(db: Database) -> None:
    from sqlalchemy import select

    from assessor.services.demo import build_demo
    from assessor.services.reports import export_report
    from assessor.store.models import Assessment

    with db.transaction() as s:
        build_demo(s, seed=2, agencies=1)
    with db.read() as s:
        assessment = s.scalars(select(Assessment.id)).first()
    assert assessment is not None
    before = db.path.read_bytes()
    with pytest.raises(BadInput, match="database itself"):
        export_report(db, assessment, db.path)
    assert db.path.read_bytes() == before
