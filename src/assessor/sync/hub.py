"""One laptop's sync with the team hub: pull what it has not seen, push what the hub has not.

Everything on the hub happens in one PostgreSQL transaction that first takes a
transaction-level advisory lock, so laptops syncing at once take turns and each sees the
hub whole. Inside it: read the hub's version vector; write the rows holding a write the
laptop has not seen into a private state file shaped like a delta package (the hub is a peer,
not trusted code: that file goes through the same safe import as any package); export the
laptop's delta against the hub's vector and merge it into the hub row by row with
domain/rowclock.py; commit. Only after the hub committed is the pulled state merged into the
laptop, in its own single SQLite transaction. A connection lost before the hub's commit
leaves the hub as it was (PostgreSQL rolls back) and the laptop untouched (nothing was
merged yet); a failure after it leaves the hub with the laptop's changes, a complete state
that the next sync builds on.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg

from assessor.domain import rowclock
from assessor.store import clocks
from assessor.store.models import SYNCED_MODELS, table_of
from assessor.store.stamping import groups_of
from assessor.sync import package
from assessor.sync.hub_schema import (
    LOCK_KEY,
    HubError,
    HubLost,
    _explain,
    check_versions,
    connect,
    read_meta,
    where,
)

CHUNK = 1000
UPSERT = (
    "INSERT INTO hub_row (table_name, row_id, data, clock, top, conflicted) "
    "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (table_name, row_id) DO UPDATE SET "
    "data = EXCLUDED.data, clock = EXCLUDED.clock, top = EXCLUDED.top, "
    "conflicted = EXCLUDED.conflicted"
)
PULL = (
    "SELECT table_name, row_id, data, clock FROM hub_row r WHERE r.top > %(floor)s AND EXISTS "
    "(SELECT 1 FROM jsonb_array_elements(r.clock::jsonb) e WHERE (e ->> 0)::bigint > "
    "coalesce((%(base)s::jsonb ->> (e ->> 1))::bigint, -1)) ORDER BY table_name, row_id"
)


@dataclass
class Exchange:
    """What one sync moved on the hub's side, and the pulled state waiting for the laptop."""

    pushed: int
    pulled: int
    package: Path | None  # the pulled rows as a package file in a private folder
    hub_site: str  # the site id the hub's packages carry


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), sort_keys=True, ensure_ascii=False)


class _HubSites:
    def __init__(self, cur: psycopg.Cursor[Any]) -> None:
        self.cur = cur
        cur.execute("SELECT no, site_id FROM hub_site")
        self.site: dict[int, str] = {int(n): str(s) for n, s in cur.fetchall()}
        self.number = {s: n for n, s in self.site.items()}

    def no(self, site: str) -> int:
        found = self.number.get(site)
        if found is None:
            found = max(self.site, default=0) + 1
            self.cur.execute("INSERT INTO hub_site (no, site_id) VALUES (%s, %s)", (found, site))
            self.site[found], self.number[site] = site, found
        return found


def exchange(
    db_path: Path,
    url: str,
    laptop_seen: dict[str, int],
    work: Path,
    *,
    password: str | None = None,
    before_commit: Callable[[psycopg.Connection[Any]], None] | None = None,
) -> Exchange:
    """The hub's half of a sync, in one transaction; returns the pulled package to merge."""
    conn = connect(url, password=password)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
            meta = read_meta(cur)
            check_versions(meta, url)
            sites = _HubSites(cur)
            cur.execute("SELECT site_id, hlc FROM hub_seen")
            hub_seen = {str(s): int(h) for s, h in cur.fetchall()}
            pulled_path, pulled = _pull(cur, sites, laptop_seen, hub_seen, meta, work)
            state = work / "push.sqlite"
            _site, _clock, _rev, _counts, seen = package.write_state(db_path, state, hub_seen)
            pushed = _push(cur, sites, state)
            for site, h in seen.items():
                cur.execute(
                    "INSERT INTO hub_seen (site_id, hlc) VALUES (%s, %s) ON CONFLICT (site_id) "
                    "DO UPDATE SET hlc = greatest(hub_seen.hlc, EXCLUDED.hlc)",
                    (site, h),
                )
            cur.execute(
                "INSERT INTO hub_log (site_id, pushed, pulled) VALUES (%s, %s, %s)",
                (_site, pushed, pulled),
            )
            if before_commit is not None:
                before_commit(conn)
        conn.commit()
    except HubError:
        _rollback(conn)
        raise
    except psycopg.OperationalError as exc:
        _rollback(conn)
        if conn.broken or conn.closed:
            raise HubLost(
                f"the connection to the hub {where(url)} was lost during the sync; "
                "nothing was changed here or on the hub: sync again",
                code="hub.lost",
                hub=where(url),
            ) from None
        raise _explain(url, exc) from None
    except psycopg.Error as exc:
        _rollback(conn)
        raise _explain(url, exc) from None
    except (ValueError, KeyError, IndexError, TypeError, sqlite3.Error):
        # a hub row or clock damaged by hand: the hub is a peer, its damage a refusal
        _rollback(conn)
        raise HubError(
            f"the hub {where(url)} holds a row or clock this program cannot read; "
            "nothing was changed here or on the hub",
            code="hub.bad_row",
            hub=where(url),
        ) from None
    finally:
        conn.close()
    return Exchange(pushed, pulled, pulled_path, meta["hub_site_id"])


def _rollback(conn: psycopg.Connection[Any]) -> None:
    try:
        if not conn.closed and not conn.broken:
            conn.rollback()
    except psycopg.Error:
        pass


def _push(cur: psycopg.Cursor[Any], sites: _HubSites, state: Path) -> int:
    """Merge the laptop's delta into the hub's rows; returns how many rows changed."""
    con = sqlite3.connect(state)
    changed = 0
    try:
        laptop_site = {int(n): str(s) for n, s in con.execute("SELECT no, site_id FROM sync_site")}
        for model in SYNCED_MODELS:
            table = table_of(model)
            name = table.name
            cols = [c.name for c in table.columns]
            groups = groups_of(name)
            select = ", ".join(f't."{c}"' for c in cols)
            rows = con.execute(
                f'SELECT r.clock, {select} FROM "{name}" t JOIN sync_row r '
                "ON r.table_name = ? AND r.row_id = t.id ORDER BY t.id",
                (name,),
            )
            while batch := rows.fetchmany(CHUNK):
                incoming = {}
                for r in batch:
                    row = dict(zip(cols, r[1:], strict=True))
                    incoming[str(row["id"])] = (str(r[0]), row)
                cur.execute(
                    "SELECT row_id, data, clock FROM hub_row WHERE table_name = %s "
                    "AND row_id = ANY(%s)",
                    (name, list(incoming)),
                )
                present = {str(i): (json.loads(d), str(c)) for i, d, c in cur.fetchall()}
                upserts = []
                for row_id, (clock_text, row) in incoming.items():
                    mine = clocks.decode(clock_text, groups, row, laptop_site.__getitem__)
                    if row_id in present:
                        data, hub_clock = present[row_id]
                        theirs = clocks.decode(hub_clock, groups, data, sites.site.__getitem__)
                        merged = rowclock.merge(theirs, mine)
                        out = dict(data)
                        out["created_at"] = min(data["created_at"], row["created_at"])
                        out["updated_at"] = max(data["updated_at"], row["updated_at"])
                    else:
                        merged, out, hub_clock = mine, dict(row), ""
                    text, top, conflicted, shown = clocks.encode(merged, groups, sites.no)
                    out.update(shown)
                    if row_id in present and text == hub_clock and out == present[row_id][0]:
                        continue
                    upserts.append((name, row_id, _dumps(out), text, top, bool(conflicted)))
                if upserts:
                    cur.executemany(UPSERT, upserts)
                    changed += len(upserts)
    finally:
        con.close()
    return changed


def _pull(
    cur: psycopg.Cursor[Any],
    sites: _HubSites,
    laptop_seen: dict[str, int],
    hub_seen: dict[str, int],
    meta: dict[str, str],
    work: Path,
) -> tuple[Path | None, int]:
    """The hub's rows holding a write the laptop has not seen, as a delta package file."""
    base = {str(n): laptop_seen[s] for n, s in sites.site.items() if s in laptop_seen}
    floor = min((laptop_seen.get(s, -1) for s in sites.site.values()), default=-1)
    cur.execute(PULL, {"floor": floor, "base": _dumps(base)})
    state = work / package.STATE
    out = sqlite3.connect(state)
    count = 0
    try:
        out.execute("PRAGMA journal_mode=OFF")
        out.execute("PRAGMA synchronous=OFF")
        out.execute("BEGIN")
        package.create_package_schema(out)
        columns = {table_of(m).name: [c.name for c in table_of(m).columns] for m in SYNCED_MODELS}
        while batch := cur.fetchmany(CHUNK):
            for table_name, row_id, data, clock in batch:
                cols = columns.get(str(table_name))
                if cols is None:
                    raise HubError(
                        f"the hub holds rows of an unknown table {table_name!r}",
                        code="hub.unknown_table",
                        table=repr(table_name),
                    )
                values = json.loads(data)
                if not isinstance(values, dict):
                    raise HubError(
                        "the hub holds a row that is not an object", code="hub.not_an_object"
                    )
                names = ", ".join(f'"{c}"' for c in cols)
                marks = ", ".join("?" * len(cols))
                try:
                    out.execute(
                        f'INSERT INTO "{table_name}" ({names}) VALUES ({marks})',
                        [values.get(c) for c in cols],
                    )
                    out.execute(
                        "INSERT INTO sync_row (table_name, row_id, clock, top, conflicted)"
                        " VALUES (?, ?, ?, 0, 0)",
                        (table_name, row_id, clock),
                    )
                except (sqlite3.Error, OverflowError) as exc:
                    # what the typed validation would refuse anyway, refused here in words
                    raise HubError(
                        f"the hub holds a row this program cannot read ({exc}); "
                        "nothing was changed",
                        code="hub.unreadable_row",
                        reason=exc,
                    ) from None
                count += 1
        out.executemany(
            "INSERT INTO sync_site (no, site_id) VALUES (?, ?)", sorted(sites.site.items())
        )
        counts = {
            t.name: out.execute(f'SELECT count(*) FROM "{t.name}"').fetchone()[0]
            for t in package.package_tables()
        }
        out.commit()
    finally:
        out.close()
    if count == 0 and all(laptop_seen.get(s, -1) >= h for s, h in hub_seen.items()):
        return None, 0
    clock = clocks.hlc_text(max(hub_seen.values(), default=0))
    manifest = package.Manifest(
        package_id=str(uuid.uuid4()),
        site_id=meta["hub_site_id"],
        clock=clock,
        schema_revision=meta["package_schema"],
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        counts=counts,
        sha256=package._sha256(state),
        size=state.stat().st_size,
        seen=hub_seen,
        base={s: h for s, h in laptop_seen.items() if s in sites.number},
        kind="delta",
    )
    target = work / "team-hub.assessor"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr(package.MANIFEST, manifest.to_json())
        zf.write(state, package.STATE)
    state.unlink()
    return target, count
