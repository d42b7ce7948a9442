"""Checking an unpacked state file before any of it reaches the local database.

The file is opened read-only (immutable, trusted_schema off) with an authorizer that allows
reading and a few named functions and pragmas only. Then: quick_check; the schema must be
exactly the package schema (no triggers, views, extra or virtual tables, no changed column);
every row's every value must have its column's type and form; every row must carry
a clock and no clock may lack its row; foreign keys must hold (in a full package). The
clocks themselves are checked by clockcheck.py.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Column, Table

from assessor.domain.checklist import ID_PATTERN, VERSION_PATTERN
from assessor.domain.mapping import mapping_problem
from assessor.store.models import SYNCED_MODELS, mapping_set_id
from assessor.sync.contents import check_contents
from assessor.sync.errors import PackageRefused, unusable
from assessor.sync.package import (
    UPGRADES,
    Manifest,
    create_package_schema,
    package_tables,
    uri,
)

HEX = "[0-9a-f]"
UUID_GLOB = "-".join(HEX * n for n in (8, 4, 4, 4, 12))
HLC_GLOB = "[0-9]" * 13 + "-" + "[0-9]" * 5
DATE_GLOB = "[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]"
TIME_GLOB = "[0-2][0-9]:[0-5][0-9]:[0-5][0-9]"
MAX_TEXT = 10_000_000
ID_LIKE = frozenset({"row_id", "site_id", "winner_site", "loser_site", "target_id"})
SHA256_GLOB = HEX * 64
HASHED = frozenset({"file_content", "attachment"})
MAX_CONTENT = 1_000_000_000  # SQLite's own limit on one value

ENUMS: dict[tuple[str, str], tuple[str, ...]] = {}


def _enums() -> dict[tuple[str, str], tuple[str, ...]]:
    if not ENUMS:
        from assessor.store import models as m

        ENUMS.update(
            {
                ("meeting", "kind"): m.MEETING_KINDS,
                ("assessment", "status"): m.ASSESSMENT_STATUSES,
                ("answer", "confidence"): m.CONFIDENCES,
                ("finding", "kind"): m.FINDING_KINDS,
                ("recommendation", "priority"): m.PRIORITIES,
                ("recommendation", "horizon"): m.HORIZONS,
                ("recommendation", "status"): m.RECOMMENDATION_STATUSES,
                ("sync_conflict", "kind"): ("edit", "delete"),
                ("attachment", "target_table"): m.ATTACHMENT_TARGETS,
            }
        )
    return ENUMS


ALLOWED_FUNCTIONS = frozenset(
    {
        "count",
        "sum",
        "coalesce",
        "typeof",
        "length",
        "json_valid",
        "json_type",
        "datetime",
        "date",
        "glob",
        "like",
        "max",
        "min",
    }
)
ALLOWED_PRAGMAS = frozenset(
    {
        "quick_check",
        "table_xinfo",
        "index_list",
        "index_xinfo",
        "foreign_key_list",
        "foreign_key_check",
    }
)


def _authorizer(
    action: int, arg1: str | None, arg2: str | None, _db: str | None, source: str | None
) -> int:
    if source is not None:  # nothing may run from inside a trigger or view
        return sqlite3.SQLITE_DENY
    if action in (sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ):
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in ALLOWED_FUNCTIONS:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_PRAGMA and (arg1 or "").lower() in ALLOWED_PRAGMAS:
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


def open_read_only(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(uri(path, "mode=ro&immutable=1"), uri=True, isolation_level=None)
    con.execute("PRAGMA trusted_schema=OFF")
    con.execute("PRAGMA cell_size_check=ON")
    con.set_authorizer(_authorizer)
    return con


# --- the schema allow-list --------------------------------------------------------------------


def structure(con: sqlite3.Connection) -> dict[str, Any]:
    master = sorted(
        (str(t), str(n), str(tn), (s or "").lstrip().upper().startswith("CREATE VIRTUAL"))
        for t, n, tn, s in con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
    )
    shape: dict[str, Any] = {"master": master}
    for kind, name, _tbl, _virtual in master:
        q = '"' + name.replace('"', '""') + '"'
        if kind == "table":
            shape[f"columns:{name}"] = con.execute(f"PRAGMA table_xinfo({q})").fetchall()
            shape[f"indexes:{name}"] = sorted(con.execute(f"PRAGMA index_list({q})").fetchall())
            shape[f"fks:{name}"] = sorted(con.execute(f"PRAGMA foreign_key_list({q})").fetchall())
        elif kind == "index":
            shape[f"index:{name}"] = con.execute(f"PRAGMA index_xinfo({q})").fetchall()
    return shape


_EXPECTED: dict[str, Any] = {}


def expected_structure() -> dict[str, Any]:
    if not _EXPECTED:
        con = sqlite3.connect(":memory:")
        try:
            create_package_schema(con)
            _EXPECTED.update(structure(con))
        finally:
            con.close()
    return _EXPECTED


# --- typed validation -------------------------------------------------------------------------


def column_rule(table: Table, column: Column[Any]) -> str:
    """An SQL condition, true when the column's value in a row is acceptable."""
    c = '"' + column.name + '"'
    kind = column.type
    if isinstance(kind, sa.Boolean):
        rule = f"typeof({c}) = 'integer' AND {c} IN (0, 1)"
    elif isinstance(kind, sa.DateTime):
        rule = (
            f"typeof({c}) = 'text' AND length({c}) IN (19, 26) AND "
            f"{c} GLOB '{DATE_GLOB} {TIME_GLOB}*' AND datetime({c}) IS NOT NULL"
        )
    elif isinstance(kind, sa.Date):
        rule = (
            f"typeof({c}) = 'text' AND length({c}) = 10 AND {c} GLOB '{DATE_GLOB}' "
            f"AND date({c}) IS NOT NULL"
        )
    elif isinstance(kind, sa.JSON):
        rule = (
            f"typeof({c}) = 'text' AND length({c}) <= {MAX_TEXT} AND CASE WHEN "
            f"json_valid({c}) THEN json_type({c}) IN ('object', 'array') ELSE 0 END"
        )
    elif isinstance(kind, sa.Integer):
        rule = f"typeof({c}) = 'integer'"
    elif isinstance(kind, sa.Float):
        rule = f"typeof({c}) IN ('integer', 'real')"
    elif isinstance(kind, sa.LargeBinary):
        rule = f"typeof({c}) = 'blob' AND length({c}) <= {MAX_CONTENT}"
    elif isinstance(kind, sa.String):  # Text is a String
        rule = f"typeof({c}) = 'text' AND length({c}) <= {MAX_TEXT}"
        if column.primary_key and table.name == "sync_row":
            pass
        elif column.primary_key or column.foreign_keys or column.name in ID_LIKE:
            rule = f"typeof({c}) = 'text' AND {c} GLOB '{UUID_GLOB}'"
        elif column.name.endswith("hlc"):
            rule = f"typeof({c}) = 'text' AND {c} GLOB '{HLC_GLOB}'"
        elif column.name == "sha256" and table.name in HASHED:
            rule = f"typeof({c}) = 'text' AND {c} GLOB '{SHA256_GLOB}'"
    else:  # pragma: no cover - a new column type needs a rule here
        raise TypeError(f"no validation rule for {table.name}.{column.name} ({kind})")
    allowed = _enums().get((table.name, column.name))
    if allowed:
        values = ", ".join("'" + v + "'" for v in allowed)
        rule = f"({rule}) AND {c} IN ({values})"
    if column.nullable:
        rule = f"{c} IS NULL OR ({rule})"
    return f"coalesce(({rule}), 0)"


def bad_columns(con: sqlite3.Connection, table: Table) -> list[tuple[str, int]]:
    """The columns of `table` holding values of the wrong type or form, with how many (the
    archive's rows are checked by the same rules)."""
    columns = list(table.columns)
    sums = ", ".join(f"sum(NOT {column_rule(table, col)})" for col in columns)
    row = con.execute(f'SELECT {sums} FROM "{table.name}"').fetchone()
    return [
        (f"{table.name}.{col.name}", int(bad)) for col, bad in zip(columns, row, strict=True) if bad
    ]


def _check_rows(con: sqlite3.Connection, table: Table) -> None:
    columns = list(table.columns)
    sums = ", ".join(f"sum(NOT {column_rule(table, col)})" for col in columns)
    row = con.execute(f'SELECT {sums} FROM "{table.name}"').fetchone()
    for col, bad in zip(columns, row, strict=True):
        if bad:
            raise unusable(
                "{count} value(s) of {column} have the wrong type or form",
                count=bad,
                column=f"{table.name}.{col.name}",
            )


def check_checklist_names(rows: Iterable[tuple[Any, Any]]) -> bool:
    """Whether every (key, version) pair is one a checklist file may hold. A checklist that
    arrives by sync or in an archive passes the same patterns as `checklist import`: a
    poisoned version (thousands of digits) would break every listing on every laptop."""
    return all(
        isinstance(key, str)
        and ID_PATTERN.fullmatch(key)
        and (version is None or (isinstance(version, str) and VERSION_PATTERN.fullmatch(version)))
        for key, version in rows
    )


def _check_checklists(con: sqlite3.Connection) -> None:
    ok = check_checklist_names(con.execute("SELECT key, version FROM checklist"))
    for table in ("checklist_dimension", "checklist_question"):
        ok = ok and check_checklist_names(con.execute(f'SELECT key, NULL FROM "{table}"'))
    if not ok:
        raise unusable("a checklist's id or version is not one a checklist file may have")


MAPPING_ROWS = "SELECT id, key, name, source_framework, target_framework, links FROM mapping_set"


def mapping_rows_problem(rows: Iterable[tuple[Any, ...]]) -> str | None:
    """Why one of the mapping_set rows (MAPPING_ROWS: links as JSON text) may not be kept, or
    None. A set arriving by sync or in an archive passes the bounds of `mapping import`
    (domain/mapping.py), and its row id follows from its id, so a set is one row everywhere."""
    for row_id, key, name, source, target, links in rows:
        try:
            plain = json.loads(links) if isinstance(links, str) else links
        except (ValueError, RecursionError):
            return "a mapping set's links are not JSON"
        problem = mapping_problem(key, name, source, target, plain)
        if problem is not None:
            return problem
        if row_id != mapping_set_id(key):
            return "a mapping set's row id does not follow from its id"
    return None


def _check_clocks(con: sqlite3.Connection) -> None:
    """Every row has exactly one clock and every clock its row (their form: clockcheck.py)."""
    names = {m.__tablename__ for m in SYNCED_MODELS}
    for (table_name,) in con.execute("SELECT DISTINCT table_name FROM sync_row"):
        if table_name not in names:
            raise unusable(
                "a clock names the table {table}, which does not exist", table=str(table_name)[:40]
            )
    for name in sorted(names):
        missing = con.execute(
            f'SELECT count(*) FROM "{name}" t WHERE NOT EXISTS (SELECT 1 FROM sync_row r '
            "WHERE r.table_name = ? AND r.row_id = t.id)",
            (name,),
        ).fetchone()[0]
        orphans = con.execute(
            f"SELECT count(*) FROM sync_row r WHERE r.table_name = ? AND NOT EXISTS "
            f'(SELECT 1 FROM "{name}" t WHERE t.id = r.row_id)',
            (name,),
        ).fetchone()[0]
        if missing or orphans:
            raise unusable("the {table} rows and their clocks do not match", table=name)


def validate_state(state: Path, manifest: Manifest) -> None:
    """Refuse the state file unless every check passes (the caller then merges it)."""
    con: sqlite3.Connection | None = None
    try:
        con = open_read_only(state)
        result = con.execute("PRAGMA quick_check").fetchall()
        if result != [("ok",)]:
            raise unusable("the database inside is damaged")
        if structure(con) != expected_structure():
            raise unusable(
                "its tables are not exactly Assessor's "
                "(extra tables, views, triggers or changed columns)"
            )
        counts: dict[str, int] = {}
        for table in package_tables():
            counts[table.name] = con.execute(f'SELECT count(*) FROM "{table.name}"').fetchone()[0]
            _check_rows(con, table)
        _check_checklists(con)
        problem = mapping_rows_problem(con.execute(MAPPING_ROWS))
        if problem is not None:
            raise unusable(problem)
        if counts != manifest.counts:
            raise unusable("row counts differ from the manifest")
        _check_clocks(con)
        # a delta leaves out rows the receiver has; the merge checks those links at commit
        if manifest.kind != "delta" and con.execute("PRAGMA foreign_key_check").fetchone():
            raise unusable("rows refer to rows it lacks")
        if con.execute(
            "SELECT count(*) FROM sync_conflict WHERE json_type(loser_value) != 'object'"
        ).fetchone()[0]:  # (valid JSON: checked with the rows above)
            raise unusable("a conflict's value is not an object")
        check_contents(con)
    except (sqlite3.DatabaseError, UnicodeDecodeError):  # damage, or text that is not UTF-8
        raise unusable("the database inside cannot be read") from None
    finally:
        if con is not None:
            con.close()


def upgrade_state(state: Path, manifest: Manifest) -> None:
    """Bring an older package's state to the head schema in the private copy."""
    from assessor.store import schema

    if manifest.schema_revision == schema.HEAD:
        return
    start = schema.REVISIONS.index(manifest.schema_revision)
    steps: list[Callable[[sqlite3.Connection], None]] = [
        step for rev in schema.REVISIONS[start:-1] if (step := UPGRADES[rev]) is not None
    ]
    if not steps:
        return
    con = sqlite3.connect(state)
    try:
        con.execute("PRAGMA trusted_schema=OFF")
        # the manifest counts the old tables: check them now, count the new ones after
        for name, count in manifest.counts.items():
            if con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] != count:
                raise unusable("row counts differ from the manifest")
        for step in steps:
            step(con)
        con.commit()
        manifest.counts = {
            t.name: con.execute(f'SELECT count(*) FROM "{t.name}"').fetchone()[0]
            for t in package_tables()
        }
    except PackageRefused:
        raise
    except (sqlite3.DatabaseError, ValueError, KeyError, TypeError, IndexError):
        # the copy is not validated yet: whatever an old package's damage breaks is a refusal
        raise unusable("its contents cannot be brought up to date") from None
    finally:
        con.close()
