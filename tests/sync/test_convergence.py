"""Several laptops edit, export and import in any order; nothing acknowledged may be lost.

The model keeps, per database, every write it knows of with a vector clock (a write knows
everything its database knew when it was made). A write nobody has written over knowingly
(a maximal one) must be, in that database, the current value, a concurrent version or on
record as settled. After everyone has exchanged, every database holds the same data, the same
live conflicts and the same settled ones; importing a package a database has already imported
changes no byte of it.

The default run is short; `scripts/test --sync-deep` runs a large fixed budget (CI runs it).
Examples that ever failed are kept as explicit tests in test_convergence_cases.py.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    precondition,
    rule,
)
from sqlalchemy import select
from tests.sync.conftest import (
    MAPPING_KEY,
    file_hash,
    full_state,
    kept_values,
    mapping_edition,
    raw_group,
)

from assessor.domain import hlc
from assessor.domain.errors import BadInput
from assessor.domain.mapping import edition_parts
from assessor.services import agencies, answers, assessments, duplicates, meetings
from assessor.services import sync as sync_service
from assessor.services.mappings import keep_mapping
from assessor.services.setup import init_database
from assessor.store import stamping
from assessor.store.db import Database
from assessor.store.digest import digest
from assessor.store.models import Assessment, Checklist, mapping_set_id
from assessor.sync import hlc as sync_hlc
from assessor.sync.errors import PackageRefused

NAMES = ("Alfa", "Beta", "Gamma")
MAX_DBS = 6
NOTES = ("", "x", "y")
Key = tuple[str, str, str]


_TEMPLATE: list[Path] = []


def template() -> Path:
    """One new database per test run (making one imports the default checklist: slow)."""
    if not _TEMPLATE:
        path = Path(tempfile.mkdtemp(prefix="sync-template-")) / "new.db"
        init_database(path).close()
        _TEMPLATE.append(path)
    return _TEMPLATE[0]


@dataclass(frozen=True)
class Write:
    value: tuple[tuple[str, Any], ...]
    clock: tuple[int, ...]
    serial: int

    def before(self, other: Write) -> bool:
        return self.clock != other.clock and all(
            a <= b for a, b in zip(self.clock, other.clock, strict=True)
        )


def first_difference(states: list[dict[str, list[tuple[Any, ...]]]]) -> str:
    """Where the first database's rows or clocks differ from another's (for the message)."""
    for n, other in enumerate(states[1:], start=1):
        for table, rows in states[0].items():
            mine = (
                dict((r[0], r) for r in rows)
                if table != "sync_row"
                else {(r[0], r[1]): r for r in rows}
            )
            theirs = (
                dict((r[0], r) for r in other[table])
                if table != "sync_row"
                else {(r[0], r[1]): r for r in other[table]}
            )
            for key in sorted(set(mine) | set(theirs), key=str):
                if mine.get(key) != theirs.get(key):
                    return f"db0 and db{n}, {table} {key}: {mine.get(key)} != {theirs.get(key)}"
    return "rows and clocks equal"


@dataclass
class Package:
    path: Path
    clock: tuple[int, ...]
    known: dict[Key, set[Write]]
    delta: bool


class Determinism:
    """The same choices must give the same run (hypothesis replays and shrinks by them), so
    while a machine runs, new ids come from a seeded generator and the wall clock steps one
    millisecond per reading: no tie between two laptops' stamps depends on timing, and no
    order of rows depends on chance."""

    def __init__(self) -> None:
        self.rng = random.Random(20261206)
        self.millis = hlc.wall_millis()
        self.saved = (uuid.uuid4, hlc.wall_millis, sync_hlc.wall_millis)
        uuid.uuid4 = self.uuid4
        hlc.wall_millis = sync_hlc.wall_millis = self.wall_millis  # type: ignore[misc]

    def uuid4(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def wall_millis(self) -> int:
        self.millis += 1
        return self.millis

    def restore(self) -> None:
        uuid.uuid4, hlc.wall_millis, sync_hlc.wall_millis = self.saved  # type: ignore[misc]


class SyncMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        template()  # made before ids are seeded: every example then draws the same ids
        self.determinism = Determinism()
        self.folder = Path(tempfile.mkdtemp(prefix="sync-machine-"))
        self.dbs: list[Database] = []
        self.clocks: list[list[int]] = []
        self.known: list[dict[Key, set[Write]]] = []
        self.packages: list[Package] = []
        self.imported: set[tuple[int, int]] = set()  # (database, package) pairs merged
        self.serial = 0

    @initialize(n=st.integers(3, 5))
    def make_databases(self, n: int) -> None:
        # every laptop starts from a copy of one new database: each copy gets its own site id
        first = template()
        for i in range(n):
            path = self.folder / f"db{i}.db"
            shutil.copyfile(first, path)
            self.add_database(path, [0] * MAX_DBS, {})
        sites = set()
        for db in self.dbs:
            with db.read() as s:
                sites.add(sync_service.site_id(s))
        assert len(sites) == n
        # something everyone has from the start, so that concurrent edits come early
        with self.dbs[0].transaction() as s:
            a = agencies.create_agency(s, name=NAMES[0])
            checklist = s.scalars(select(Checklist.id).order_by(Checklist.id)).first()
            assert checklist is not None
            b = assessments.create_assessment(
                s, a, checklist_id=checklist, assessed_on=date(2026, 4, 1)
            )
        self.record(0, "agency", a, list(stamping.groups_of("agency")))
        self.record(0, "assessment", b, list(stamping.groups_of("assessment")))
        p = self.export(0)
        assert p is not None
        for i in range(1, n):
            self.import_(i, p)

    def add_database(self, path: Path, clock: list[int], known: dict[Key, set[Write]]) -> None:
        self.dbs.append(Database(path))
        self.clocks.append(clock)
        self.known.append(known)

    # --- helpers --------------------------------------------------------------------------

    def record(self, i: int, table: str, row_id: str, groups: list[str]) -> None:
        self.clocks[i][i] += 1
        for group in groups:
            value = raw_group(self.dbs[i].path, table, row_id, group)
            assert value is not None
            self.serial += 1
            w = Write(tuple(sorted(value.items())), tuple(self.clocks[i]), self.serial)
            self.known[i].setdefault((table, row_id, group), set()).add(w)

    def export(self, i: int, peer: int | None = None) -> int | None:
        path = self.folder / f"p{len(self.packages)}.pkg"
        for_peer = None
        if peer is not None:
            with self.dbs[peer].read() as s:
                for_peer = sync_service.site_id(s)
        try:
            sync_service.export_package(self.dbs[i], path, for_peer=for_peer)
        except BadInput:
            assert peer is not None  # no package of the peer imported yet: no delta for it
            return None
        snapshot = {k: set(v) for k, v in self.known[i].items()}
        self.packages.append(Package(path, tuple(self.clocks[i]), snapshot, peer is not None))
        return len(self.packages) - 1

    def files(self, i: int) -> tuple[str, ...]:
        path = self.dbs[i].path
        wal = path.with_name(path.name + "-wal")
        return (file_hash(path), file_hash(wal) if wal.exists() else "")

    def import_(self, i: int, p: int) -> None:
        package = self.packages[p]
        again = (i, p) in self.imported
        before = self.files(i)
        try:
            sync_service.import_package(self.dbs[i], package.path)
        except PackageRefused as refused:
            # only a delta may be refused, when this database lacks what it was based on
            assert package.delta and "earlier exchange" in str(refused), str(refused)
            assert self.files(i) == before, "a refused package changed the database"
            event("a delta refused")
            return
        if again:
            assert self.files(i) == before, "importing a package again changed the database"
        self.imported.add((i, p))
        self.clocks[i] = [max(a, b) for a, b in zip(self.clocks[i], package.clock, strict=True)]
        for key, writes in package.known.items():
            self.known[i].setdefault(key, set()).update(writes)
        self.nothing_acknowledged_is_lost(only=i)

    def exchange_all(self) -> None:
        """Everyone imports everyone's full package; then what was found meanwhile spreads."""
        n = len(self.dbs)
        packs = [self.export(i) for i in range(n)]
        for i in range(n):
            for p in packs:
                assert p is not None
                self.import_(i, p)
        for i in range(1, n):
            p = self.export(i)
            assert p is not None
            self.import_(0, p)
        last = self.export(0)
        assert last is not None
        for i in range(1, n):
            self.import_(i, last)

    # --- user edits -----------------------------------------------------------------------

    def ids(self, i: int, table: str, live: bool = True) -> list[str]:
        con = sqlite3.connect(self.dbs[i].path)
        try:
            cond = "IS NULL" if live else "IS NOT NULL"
            return [
                r[0]
                for r in con.execute(f"SELECT id FROM {table} WHERE deleted_at {cond} ORDER BY id")
            ]
        finally:
            con.close()

    def db_index(self, data: st.DataObject) -> int:
        return data.draw(st.integers(0, len(self.dbs) - 1), label="db")

    @rule(data=st.data(), name=st.sampled_from(NAMES))
    def create_agency(self, data: st.DataObject, name: str) -> None:
        i = self.db_index(data)
        with self.dbs[i].transaction() as s:
            a = agencies.create_agency(s, name=name)
        self.record(i, "agency", a, list(stamping.groups_of("agency")))

    def edit(self, i: int, row_id: str, field: str, pick: int) -> None:
        value = (NAMES if field == "name" else NOTES)[pick]
        with self.dbs[i].transaction() as s:
            changed = agencies.update_agency(s, row_id, **{field: value})
        if changed:
            self.record(i, "agency", row_id, [field])

    @rule(data=st.data(), field=st.sampled_from(("name", "notes")), pick=st.integers(0, 2))
    def edit_agency(self, data: st.DataObject, field: str, pick: int) -> None:
        i = self.db_index(data)
        live = self.ids(i, "agency")
        if live:
            self.edit(i, data.draw(st.sampled_from(live), label="agency"), field, pick)

    @rule(
        data=st.data(),
        field=st.sampled_from(("name", "notes")),
        picks=st.tuples(st.integers(0, 2), st.integers(1, 2)).map(
            lambda p: (p[0], (p[0] + p[1]) % 3)
        ),
    )
    def edit_on_two_laptops(self, data: st.DataObject, field: str, picks: tuple[int, int]) -> None:
        i, j = self.db_index(data), self.db_index(data)
        if i == j:
            return
        both = sorted(set(self.ids(i, "agency")) & set(self.ids(j, "agency")))
        if not both:  # make one: created on i, handed to j
            with self.dbs[i].transaction() as s:
                a = agencies.create_agency(s, name=NAMES[0])
            self.record(i, "agency", a, list(stamping.groups_of("agency")))
            self.import_(j, self.export(i))
            both = [a]
        row_id = data.draw(st.sampled_from(both), label="agency")
        first, second = (i, j) if data.draw(st.booleans(), label="i first") else (j, i)
        if data.draw(st.booleans(), label="one side deletes"):
            with self.dbs[first].transaction() as s:
                agencies.delete_agency(s, row_id)
            self.record(first, "agency", row_id, ["deleted"])
            self.edit(second, row_id, field, picks[1])
        else:
            self.edit(first, row_id, field, picks[0])
            self.edit(second, row_id, field, picks[1])

    @rule(data=st.data(), table=st.sampled_from(("agency", "meeting", "assessment")))
    def delete_row(self, data: st.DataObject, table: str) -> None:
        i = self.db_index(data)
        live = self.ids(i, table)
        if not live:
            return
        row_id = data.draw(st.sampled_from(live), label=table)
        with self.dbs[i].transaction() as s:
            if table == "agency":
                agencies.delete_agency(s, row_id)
            elif table == "meeting":
                meetings.delete_meeting(s, row_id)
            else:
                assessments.delete_assessment(s, row_id)
        self.record(i, table, row_id, ["deleted"])

    @rule(data=st.data(), table=st.sampled_from(("agency", "meeting")))
    def restore_row(self, data: st.DataObject, table: str) -> None:
        i = self.db_index(data)
        gone = self.ids(i, table, live=False)
        if not gone:
            return
        row_id = data.draw(st.sampled_from(gone), label=table)
        with self.dbs[i].transaction() as s:
            sync_service.restore_deleted(s, table, row_id)
        self.record(i, table, row_id, ["deleted"])

    @rule(data=st.data(), hour=st.integers(8, 10))
    def create_meeting(self, data: st.DataObject, hour: int) -> None:
        i = self.db_index(data)
        live = self.ids(i, "agency")
        if not live:
            return
        agency = data.draw(st.sampled_from(live), label="agency")
        with self.dbs[i].transaction() as s:
            m = meetings.create_meeting(s, agency, starts_at=datetime(2026, 5, 4, hour))
        self.record(i, "meeting", m, list(stamping.groups_of("meeting")))

    @rule(data=st.data(), hour=st.integers(8, 10), length=st.integers(1, 2))
    def move_meeting(self, data: st.DataObject, hour: int, length: int) -> None:
        i = self.db_index(data)
        live = self.ids(i, "meeting")
        if not live:
            return
        row_id = data.draw(st.sampled_from(live), label="meeting")
        starts = datetime(2026, 5, 4, hour)
        with self.dbs[i].transaction() as s:
            changed = meetings.update_meeting(
                s, row_id, starts_at=starts, ends_at=starts + timedelta(hours=length)
            )
        if changed:
            self.record(i, "meeting", row_id, ["time"])

    def groups_now(self, i: int, table: str, row_id: str) -> dict[str, Any]:
        return {g: raw_group(self.dbs[i].path, table, row_id, g) for g in stamping.groups_of(table)}

    def record_diff(
        self, i: int, table: str, row_id: str, before: dict[str, Any], also: Sequence[str] = ()
    ) -> None:
        after = self.groups_now(i, table, row_id)
        changed = [g for g in after if after[g] != before[g] or before[g] is None or g in also]
        if changed:
            self.record(i, table, row_id, changed)

    @rule(data=st.data())
    def create_assessment(self, data: st.DataObject) -> None:
        i = self.db_index(data)
        live = self.ids(i, "agency")
        if not live:
            return
        agency = data.draw(st.sampled_from(live), label="agency")
        with self.dbs[i].transaction() as s:
            checklist = s.scalars(select(Checklist.id).order_by(Checklist.id)).first()
            assert checklist is not None
            a = assessments.create_assessment(
                s, agency, checklist_id=checklist, assessed_on=date(2026, 4, 1)
            )
        self.record(i, "assessment", a, list(stamping.groups_of("assessment")))

    @rule(data=st.data(), question=st.integers(0, 1), level=st.sampled_from((None, 1, 2, 3)))
    def answer(self, data: st.DataObject, question: int, level: int | None) -> None:
        i = self.db_index(data)
        live = self.ids(i, "assessment")
        if live:
            assessment = data.draw(st.sampled_from(live), label="assessment")
            self.answer_with(i, assessment, question, level)

    @rule(
        data=st.data(),
        levels=st.tuples(st.sampled_from((None, 1, 2, 3)), st.sampled_from((None, 1, 2, 3))),
    )
    def answer_on_two_laptops(
        self, data: st.DataObject, levels: tuple[int | None, int | None]
    ) -> None:
        """Two advisors score the same question of one assessment before they exchange."""
        i, j = self.db_index(data), self.db_index(data)
        if i == j:
            return
        both = sorted(set(self.ids(i, "assessment")) & set(self.ids(j, "assessment")))
        if not both:
            return
        assessment = data.draw(st.sampled_from(both), label="assessment")
        question = data.draw(st.integers(0, 1), label="question")
        for k, level in ((i, levels[0]), (j, levels[1])):
            self.answer_with(k, assessment, question, level)

    def answer_with(self, i: int, assessment: str, question: int, level: int | None) -> None:
        with self.dbs[i].read() as s:
            row = s.get(Assessment, assessment)
            assert row is not None
            facts = assessments.checklist_facts(s, row.checklist_id)
            question_id = sorted(facts.questions)[question]
        row_id = answers.answer_id(assessment, question_id)
        before = self.groups_now(i, "answer", row_id)
        with self.dbs[i].transaction() as s:
            if level is None:
                answers.set_answer(s, assessment, question_id, not_applicable=True)
            else:
                answers.set_answer(s, assessment, question_id, level=level)
        self.record_diff(i, "answer", row_id, before)

    @rule(data=st.data(), edition=st.integers(1, 3), version=st.sampled_from([None, "1", "2"]))
    def keep_a_mapping_set(self, data: st.DataObject, edition: int, version: str | None) -> None:
        """An advisor keeps an edition of the team's mapping set: the first keeping makes
        the row, another edition replaces it, the same one again writes nothing, and one
        older than the version shown here is refused with nothing written."""
        i = self.db_index(data)
        row_id = mapping_set_id(MAPPING_KEY)
        before = self.groups_now(i, "mapping_set", row_id)
        try:
            with self.dbs[i].transaction() as s:
                keep_mapping(s, mapping_edition(edition, version))
        except BadInput as exc:
            assert exc.code == "mapping.older_edition" and version is not None
            kept = edition_parts(json.loads(before["edition"]["links"]))[1]
            assert kept is not None and kept > version and before["deleted"]["deleted_at"] is None
        self.record_diff(i, "mapping_set", row_id, before)

    def everything(self, i: int) -> dict[Key, Any]:
        out: dict[Key, Any] = {}
        for table in ("agency", "meeting", "assessment", "answer"):
            for row_id in self.ids(i, table) + self.ids(i, table, live=False):
                for group, value in self.groups_now(i, table, row_id).items():
                    out[(table, row_id, group)] = value
        return out

    @rule(data=st.data())
    def merge_duplicates(self, data: st.DataObject) -> None:
        i = self.db_index(data)
        live = self.ids(i, "agency")
        if len(live) < 2:
            return
        keep, other = data.draw(st.permutations(live), label="agencies")[:2]
        before = self.everything(i)
        with self.dbs[i].transaction() as s:
            duplicates.merge_agencies(s, keep, other)
        after = self.everything(i)
        by_row: dict[tuple[str, str], list[str]] = {}
        for key, value in after.items():
            if before.get(key) != value:
                by_row.setdefault(key[:2], []).append(key[2])
        for (table, row_id), groups in by_row.items():
            self.record(i, table, row_id, groups)

    @rule(data=st.data())
    def resolve_a_conflict(self, data: st.DataObject) -> None:
        i = self.db_index(data)
        with self.dbs[i].read() as s:
            open_ = sync_service.list_conflicts(s)
        if not open_:
            return
        c = data.draw(st.sampled_from(open_))
        keep = data.draw(st.sampled_from(("current", "other")))
        before = self.groups_now(i, c.table_name, c.row_id)
        with self.dbs[i].transaction() as s:
            sync_service.resolve_conflict(s, c.id, keep)
        # keeping what is shown is a write of its group all the same (a deletion kept is the
        # deleted group written again), made holding every version of it: recorded as one,
        # or the versions it ended (a concurrent deletion's moment) would look lost
        kept = [] if keep == "other" else ["deleted" if c.kind == "delete" else c.field_group]
        self.record_diff(i, c.table_name, c.row_id, before, also=kept)

    # --- exchanging -----------------------------------------------------------------------

    @rule(data=st.data())
    def export_one(self, data: st.DataObject) -> None:
        self.export(self.db_index(data))

    @rule(data=st.data())
    def export_delta(self, data: st.DataObject) -> None:
        i, j = self.db_index(data), self.db_index(data)
        if i != j and self.export(i, peer=j) is not None:
            event("a delta written")

    @rule(data=st.data())
    def share_with_everyone(self, data: st.DataObject) -> None:
        i = self.db_index(data)
        p = self.export(i)
        assert p is not None
        for j in range(len(self.dbs)):
            if j != i:
                self.import_(j, p)

    @rule(data=st.data())
    def exchange_pair(self, data: st.DataObject) -> None:
        """Two advisors meet: one hands over all, the other answers with what the first
        lacks (a delta, once it knows what the first has seen)."""
        i, j = self.db_index(data), self.db_index(data)
        if i == j:
            return
        p = self.export(i)
        assert p is not None
        self.import_(j, p)
        q = self.export(j, peer=i)
        assert q is not None, "a delta for a peer whose package was imported"
        self.import_(i, q)

    @precondition(lambda self: self.packages)
    @rule(data=st.data())
    def import_any(self, data: st.DataObject) -> None:
        i = self.db_index(data)
        p = data.draw(st.integers(0, len(self.packages) - 1), label="package")
        self.import_(i, p)

    @precondition(lambda self: len(self.dbs) < MAX_DBS)
    @rule(data=st.data())
    def clone_a_laptop(self, data: st.DataObject) -> None:
        """A database file copied to a new laptop: it must get a site of its own."""
        i = self.db_index(data)
        path = self.folder / f"db{len(self.dbs)}.db"
        src = sqlite3.connect(self.dbs[i].path)
        dst = sqlite3.connect(path)
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
        self.add_database(path, list(self.clocks[i]), {k: set(v) for k, v in self.known[i].items()})
        with self.dbs[i].read() as s1, self.dbs[-1].read() as s2:
            assert sync_service.site_id(s1) != sync_service.site_id(s2)

    # --- what must always hold -----------------------------------------------------------------

    def nothing_acknowledged_is_lost(self, only: int | None = None) -> None:
        for i, db in enumerate(self.dbs):
            if only is not None and i != only:
                continue
            kept = kept_values(db.path, self.known[i])
            for key, writes in self.known[i].items():
                table, row_id, group = key
                assert key in kept, f"db{i} lost the row {table} {row_id}"
                current, others = kept[key]
                overwritten = {w.value for w in writes if any(w.before(o) for o in writes)}
                for w in writes:
                    if any(w.before(o) for o in writes):
                        continue
                    assert w.value == current or w.value in others or w.value in overwritten, (
                        f"db{i}: {table}.{group} of {row_id} lost {dict(w.value)}"
                    )

    def teardown(self) -> None:
        try:
            if self.dbs:
                self.exchange_all()
                self.nothing_acknowledged_is_lost()
                digests, states = [], []
                for db in self.dbs:
                    with db.read() as s:
                        digests.append(digest(s))
                        log = sorted(
                            (c.id, c.kind, c.winner_hlc, c.loser_hlc, repr(c.other), c.resolved)
                            for c in sync_service.list_conflicts(s, include_resolved=True)
                        )
                    states.append((full_state(db.path), log))
                event(
                    f"conflicts: {min(sum(not c[-1] for c in states[0][1]), 5)}+ live, "
                    f"{min(sum(c[-1] for c in states[0][1]), 5)}+ settled"
                )
                assert len(set(digests)) == 1, (
                    "digests differ after everyone exchanged: "
                    + first_difference([st for st, _ in states])
                )
                for other in states[1:]:
                    assert other[1] == states[0][1], "conflict logs differ"
                    assert other[0] == states[0][0], "rows or clocks differ"
        finally:
            for db in self.dbs:
                db.close()
            shutil.rmtree(self.folder, ignore_errors=True)
            self.determinism.restore()


SyncMachine.TestCase.settings = settings(
    max_examples=int(os.environ.get("SYNC_EXAMPLES", "12")),
    stateful_step_count=int(os.environ.get("SYNC_STEPS", "30")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_sync_machine = SyncMachine.TestCase
