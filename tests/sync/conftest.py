from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from assessor.domain.mapping import MappingLink, MappingSet
from assessor.store import clocks, stamping
from assessor.store.models import SYNCED_MODELS, table_of

MAPPING_KEY = "team-mapping"


def mapping_edition(links: int, version: str | None = None) -> MappingSet:
    """Edition n of the team's one mapping set: n links (editions differ in substance), with
    the library's version where one is given (kept inside the edition's value)."""
    link = MappingLink("urn:a:1", "urn:b:1", "intersect")
    return MappingSet(MAPPING_KEY, f"Utgåva {links}", "urn:a", "urn:b", (link,) * links, version)


def raw_group(path: Path, table: str, row_id: str, group: str) -> dict[str, Any] | None:
    cols = stamping.groups_of(table)[group]
    con = sqlite3.connect(path)
    try:
        row = con.execute(
            f'SELECT {", ".join(cols)} FROM "{table}" WHERE id = ?', (row_id,)
        ).fetchone()
    finally:
        con.close()
    return dict(zip(cols, row, strict=True)) if row else None


def row_state(path: Path, table: str, row_id: str) -> dict[str, list[Any]] | None:
    """A row's clock decoded, with site ids (not this file's site numbers)."""
    con = sqlite3.connect(path)
    try:
        found = con.execute(
            "SELECT clock FROM sync_row WHERE table_name = ? AND row_id = ?", (table, row_id)
        ).fetchone()
        if found is None:
            return None
        sites = dict(con.execute("SELECT no, site_id FROM sync_site").fetchall())
        cols = [c.name for c in table_of(stamping.MODELS_BY_TABLE[table]).columns]
        row = con.execute(
            f'SELECT {", ".join(cols)} FROM "{table}" WHERE id = ?', (row_id,)
        ).fetchone()
    finally:
        con.close()
    state = clocks.decode(
        found[0], stamping.groups_of(table), dict(zip(cols, row, strict=True)), sites.__getitem__
    )
    return {g: list(vs) for g, vs in state.items()}


def conflict_values(path: Path, table: str, row_id: str, group: str) -> list[dict[str, Any]]:
    """Every value of the group the database keeps beside the shown one: concurrent versions
    in the row's clock, and the values settled conflicts left on record."""
    state = row_state(path, table, row_id) or {}
    out = [dict(v.value) for v in state.get(group, [])]
    con = sqlite3.connect(path)
    try:
        out.extend(
            json.loads(v)
            for (v,) in con.execute(
                "SELECT loser_value FROM sync_conflict WHERE table_name = ? AND row_id = ? "
                "AND field_group = ? AND deleted_at IS NULL",
                (table, row_id, group),
            )
        )
    finally:
        con.close()
    return out


def kept_values(
    path: Path, keys: Iterable[tuple[str, str, str]]
) -> dict[tuple[str, str, str], tuple[Any, set[Any]]]:
    """Per (table, row, group): the value shown and every other value the database keeps of
    it (concurrent versions, settled conflicts on record), as sorted item tuples. One
    connection for all keys: the state machine asks after every import."""

    def plain(value: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
        return tuple(sorted(value.items()))

    con = sqlite3.connect(path)
    try:
        sites = dict(con.execute("SELECT no, site_id FROM sync_site").fetchall())
        records: dict[tuple[str, str, str], set[Any]] = {}
        for t, r, g, v in con.execute(
            "SELECT table_name, row_id, field_group, loser_value FROM sync_conflict "
            "WHERE deleted_at IS NULL"
        ):
            records.setdefault((t, r, g), set()).add(plain(json.loads(v)))
        out: dict[tuple[str, str, str], tuple[Any, set[Any]]] = {}
        for table, row_id in sorted({(k[0], k[1]) for k in keys}):
            cols = [c.name for c in table_of(stamping.MODELS_BY_TABLE[table]).columns]
            row = con.execute(
                f'SELECT {", ".join(cols)} FROM "{table}" WHERE id = ?', (row_id,)
            ).fetchone()
            found = con.execute(
                "SELECT clock FROM sync_row WHERE table_name = ? AND row_id = ?",
                (table, row_id),
            ).fetchone()
            if row is None or found is None:
                continue
            groups = stamping.groups_of(table)
            values = dict(zip(cols, row, strict=True))
            state = clocks.decode(found[0], groups, values, sites.__getitem__)
            for group, versions in state.items():
                others = {plain(v.value) for v in versions[1:]}
                others |= records.get((table, row_id, group), set())
                out[(table, row_id, group)] = (plain(versions[0].value), others)
        return out
    finally:
        con.close()


def full_state(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every synced row (bookkeeping columns included) and every clock, in a fixed order and
    with site ids in place of the file's own site numbers."""
    con = sqlite3.connect(path)
    try:
        out: dict[str, list[tuple[Any, ...]]] = {}
        for model in SYNCED_MODELS:
            table = table_of(model)
            out[table.name] = con.execute(f'SELECT * FROM "{table.name}" ORDER BY id').fetchall()
        keys = con.execute(
            "SELECT table_name, row_id FROM sync_row ORDER BY table_name, row_id"
        ).fetchall()
    finally:
        con.close()
    out["sync_row"] = [
        (t, r, repr(sorted((state or {}).items())))
        for t, r in keys
        for state in [row_state(path, t, r)]
    ]
    return out


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def two_laptops_with_conflicts(folder: Path) -> tuple[Path, dict[str, str]]:
    """Anna and Bo edit the same rows apart; Bo imports Anna's package. Returns Bo's database
    (closed) and the ids of the rows in conflict."""
    import shutil
    from datetime import date, datetime

    from assessor.services import agencies, answers, assessments, meetings, recommendations
    from assessor.services import sync as sync_service
    from assessor.services.setup import init_database
    from assessor.store.db import Database
    from assessor.store.models import Checklist, ChecklistQuestion

    anna_path, bo_path = folder / "anna.db", folder / "bo.db"
    ids: dict[str, str] = {}
    with init_database(anna_path) as db, db.transaction() as s:
        from sqlalchemy import select

        checklist = s.scalars(select(Checklist)).first()
        assert checklist is not None
        question = s.scalars(
            select(ChecklistQuestion)
            .where(ChecklistQuestion.checklist_id == checklist.id)
            .order_by(ChecklistQuestion.position)
        ).first()
        assert question is not None
        ids["agency"] = agencies.create_agency(s, name="Skatteverket", org_number="")
        ids["gone"] = agencies.create_agency(s, name="Nedlagda verket")
        ids["assessment"] = assessments.create_assessment(
            s,
            ids["agency"],
            checklist_id=checklist.id,
            assessed_on=date(2026, 3, 2),
            title="Mognadsbedömning 2026",
        )
        ids["question"] = question.id
        ids["recommendation"] = recommendations.create_recommendation(
            s, ids["assessment"], title="Inför ett e-arkiv"
        )
        ids["meeting"] = meetings.create_meeting(
            s,
            ids["agency"],
            starts_at=datetime(2026, 3, 2, 9, 0),
            ends_at=datetime(2026, 3, 2, 11, 0),
            title="Uppstartsmöte",
        )
    shutil.copyfile(anna_path, bo_path)
    with Database(anna_path) as db:
        with db.transaction() as s:
            agencies.update_agency(s, ids["agency"], notes="Träffade CIO")
            agencies.delete_agency(s, ids["gone"])
            recommendations.delete_recommendation(s, ids["recommendation"])
            meetings.update_meeting(
                s,
                ids["meeting"],
                starts_at=datetime(2026, 3, 3, 10, 0),
                ends_at=datetime(2026, 3, 3, 12, 0),
            )
            answers.set_answer(s, ids["assessment"], ids["question"], level=2)
        sync_service.export_package(db, folder / "anna.assessor")
    with Database(bo_path) as db:
        with db.transaction() as s:
            agencies.update_agency(s, ids["agency"], notes="Möte bokat")
            agencies.delete_agency(s, ids["gone"])
            recommendations.update_recommendation(
                s, ids["recommendation"], title="Inför ett e-arkiv före 2027"
            )
            meetings.update_meeting(
                s,
                ids["meeting"],
                starts_at=datetime(2026, 3, 4, 13, 0),
                ends_at=datetime(2026, 3, 4, 15, 0),
            )
            answers.set_answer(s, ids["assessment"], ids["question"], not_applicable=True)
        sync_service.import_package(db, folder / "anna.assessor")
    return bo_path, ids
