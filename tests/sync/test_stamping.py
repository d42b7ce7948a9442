from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from tests.sync.conftest import row_state

from assessor.domain import rowclock
from assessor.domain.errors import DatabaseError
from assessor.services import agencies, meetings
from assessor.store import stamping
from assessor.store.db import Database
from assessor.store.models import Agency


def stamps(path: Path, row_id: str) -> dict[str, tuple[int, str]]:
    """Per group, the dot of its shown version."""
    con = sqlite3.connect(path)
    try:
        (table,) = con.execute(
            "SELECT table_name FROM sync_row WHERE row_id = ?", (row_id,)
        ).fetchone()
    finally:
        con.close()
    state = row_state(path, table, row_id)
    assert state is not None
    return {g: vs[0].dot for g, vs in state.items()}


def site_of(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return str(
            con.execute(
                "SELECT value FROM local_meta WHERE key = ?", (stamping.SITE_KEY,)
            ).fetchone()[0]
        )
    finally:
        con.close()


def test_a_new_row_stamps_every_group_and_an_edit_only_its_own(db: Database) -> None:
    with db.transaction() as s:
        meeting_agency = agencies.create_agency(s, name="Skatteverket")
        m = meetings.create_meeting(s, meeting_agency, starts_at=datetime(2026, 3, 1, 9))
    before = stamps(db.path, m)
    assert set(before) == {
        "agency_id",
        "assessment_id",
        "title",
        "time",
        "place",
        "kind",
        "agenda",
        "notes",
        "decisions",
        "confidential",
        "deleted",
    }
    with db.transaction() as s:
        meetings.update_meeting(s, m, ends_at=datetime(2026, 3, 1, 11))
    after = stamps(db.path, m)
    changed = {g for g in after if after[g] != before.get(g)}
    assert changed == {"time"}
    assert after["time"][0] > before["time"][0]


def test_a_rolled_back_change_leaves_no_stamp(db: Database) -> None:
    with db.transaction() as s:
        a = agencies.create_agency(s, name="Kammarkollegiet")
    before = stamps(db.path, a)
    with pytest.raises(RuntimeError), db.transaction() as s:
        agencies.update_agency(s, a, notes="draft")
        s.flush()
        raise RuntimeError("user cancelled")
    assert stamps(db.path, a) == before


def test_clock_only_moves_forward(db: Database) -> None:
    with db.transaction() as s:
        a = agencies.create_agency(s, name="A")
    seen = []
    for i in range(20):
        with db.transaction() as s:
            agencies.update_agency(s, a, notes=f"n{i}")
        seen.append(stamps(db.path, a)["notes"][0])
    assert seen == sorted(seen) and len(set(seen)) == len(seen)


def test_a_copied_file_gets_a_new_site_id(db: Database, tmp_path: Path) -> None:
    original = site_of(db.path)
    db.close()
    Database(db.path).close()
    assert site_of(db.path) == original  # reopening the same file keeps its identity
    copy = tmp_path / "copy.db"
    shutil.copyfile(db.path, copy)
    assert site_of(copy) == original
    Database(copy).close()
    assert site_of(copy) != original
    assert site_of(db.path) == original


def test_a_write_holds_what_the_row_had_seen_as_its_context(db: Database) -> None:
    with db.transaction() as s:
        a = agencies.create_agency(s, name="A")
    # as if another laptop had written the name
    other = "00000000-0000-4000-8000-0000000000aa"
    con = sqlite3.connect(db.path)
    con.execute("INSERT INTO sync_site (no, site_id) VALUES (99, ?)", (other,))
    con.execute(
        "UPDATE sync_row SET clock = json_insert(clock, '$[#]', json_array(5, 99, 1)) "
        "WHERE row_id = ?",
        (a,),
    )
    con.execute(
        "UPDATE sync_row SET clock = json_set(clock, '$[0][2]', "
        "json_extract(clock, '$[0][2]') - 1) WHERE row_id = ?",
        (a,),
    )
    con.commit()
    con.close()
    state = row_state(db.path, "agency", a)
    assert state is not None and state["name"][0].site == other
    with db.transaction() as s:
        agencies.update_agency(s, a, name="B")
    with db.transaction() as s:
        agencies.update_agency(s, a, name="C")  # its own later write: the context stays
    state = row_state(db.path, "agency", a)
    assert state is not None
    (name,) = state["name"]
    assert name.value == {"name": "C"} and (other, 5) in name.ctx
    assert name.supersedes(rowclock.Version(5, other, (), {"name": "A"}))


def test_removing_a_synced_row_outright_is_refused(db: Database) -> None:
    with db.transaction() as s:
        a = agencies.create_agency(s, name="A")
    with pytest.raises(DatabaseError, match="deleted_at"), db.transaction() as s:
        s.delete(s.get(Agency, a))
