"""The package's clocks: checked one by one and rewritten in this database's site numbers.

Runs on the private copy of the state after validate.py has checked every table, before the
merge. Every clock is decoded, checked (form, sites, groups, the shown version is the latest,
the values of hidden versions have the group's columns and plain values) and encoded again
with the local numbering, so that two equal states have equal clock text and the merge can
compare clocks in SQL. `top` and `conflicted` are computed here, never taken from the file.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from pathlib import Path
from typing import Any

from assessor.store import clocks
from assessor.store.models import SYNCED_MODELS, table_of
from assessor.store.stamping import groups_of
from assessor.sync.errors import PackageRefused

MAX_HLC = 10**18
MAX_SITES = 100_000


def _refuse(why: str) -> PackageRefused:
    return PackageRefused(f"not a usable sync package: {why}")


def _int(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value < high


def check_entries(text: str, groups: dict[str, tuple[str, ...]], sites: dict[int, str]) -> None:
    """Refuse a clock that is not of the form store/clocks.py writes."""
    try:
        entries = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        raise _refuse("a row's clock is not readable") from None
    if not isinstance(entries, list) or not entries:
        raise _refuse("a row's clock is empty")
    full = (1 << len(groups)) - 1
    names = list(groups)
    union = 0
    dots: set[tuple[int, int]] = set()
    for e in entries:
        if not isinstance(e, list) or not 3 <= len(e) <= 5:
            raise _refuse("a row's clock has a malformed write")
        h, no, mask = e[0], e[1], e[2]
        if not (_int(h, 0, MAX_HLC) and no in sites and _int(mask, 1, full + 1)):
            raise _refuse("a row's clock has a malformed write")
        if (h, no) in dots:
            raise _refuse("a row's clock names one write twice")
        dots.add((h, no))
        union |= mask
        flat = e[3] if len(e) > 3 else []
        if not isinstance(flat, list) or len(flat) % 2 or not all(
            flat[i] in sites and _int(flat[i + 1], 0, MAX_HLC) for i in range(0, len(flat), 2)
        ):
            raise _refuse("a row's clock has a malformed context")
        hidden = e[4] if len(e) > 4 else {}
        if not isinstance(hidden, dict):
            raise _refuse("a row's clock has malformed values")
        for group, value in hidden.items():
            if group not in groups or not mask >> names.index(group) & 1:
                raise _refuse("a row's clock holds a value of an unknown group")
            if not isinstance(value, dict) or sorted(value) != sorted(groups[group]) or any(
                isinstance(v, bool) or not isinstance(v, str | int | float | type(None))
                or (isinstance(v, str) and len(v) > 10_000_000)
                for v in value.values()
            ):
                raise _refuse("a row's clock holds a malformed value")
    if union != full:
        raise _refuse("a row's clock leaves a field group without a version")
    for i, group in enumerate(names):
        holders = [e for e in entries if e[2] >> i & 1]
        shown = [e for e in holders if len(e) < 5 or group not in e[4]]
        if len(shown) != 1 or max(holders, key=lambda e: (e[0], sites[e[1]])) is not shown[0]:
            raise _refuse("a row's clock does not show its latest version")


def normalise(state: Path, local_sites: dict[str, int]) -> dict[str, int]:
    """Check and renumber every clock of the state; returns the latest hlc per site in it."""
    con = sqlite3.connect(state, isolation_level=None)
    try:
        pkg_sites = {int(n): str(s) for n, s in con.execute("SELECT no, site_id FROM sync_site")}
        if len(pkg_sites) > MAX_SITES:
            raise _refuse("too many sites")
        for site in pkg_sites.values():
            try:
                uuid.UUID(site)
            except ValueError:
                raise _refuse("a site id is not a UUID") from None
        number = dict(local_sites)
        for site in sorted(set(pkg_sites.values()) - set(number)):
            number[site] = max(number.values(), default=0) + 1
        con.execute("BEGIN")
        con.execute("DELETE FROM sync_site")
        con.executemany(
            "INSERT INTO sync_site (no, site_id) VALUES (?, ?)",
            sorted((number[s], s) for s in pkg_sites.values()),
        )
        latest: dict[str, int] = {}
        for model in SYNCED_MODELS:
            _normalise_table(con, table_of(model).name, pkg_sites, number, latest)
        con.execute("COMMIT")
        return latest
    finally:
        con.close()


def _normalise_table(con: sqlite3.Connection, name: str, pkg_sites: dict[int, str],
                     number: dict[str, int], latest: dict[str, int]) -> None:
    groups = groups_of(name)
    cols = [c.name for c in table_of(next(m for m in SYNCED_MODELS
                                          if m.__tablename__ == name)).columns]
    select = ", ".join(f't."{c}"' for c in cols)
    updates: list[tuple[str, int, int, str, str]] = []
    for row in con.execute(
        f'SELECT r.clock, r.top, r.conflicted, {select} FROM sync_row r JOIN "{name}" t '
        f"ON t.id = r.row_id WHERE r.table_name = ?",
        (name,),
    ):
        text, top, conflicted = row[0], row[1], row[2]
        values = dict(zip(cols, row[3:], strict=True))
        check_entries(text, groups, pkg_sites)
        state = clocks.decode(text, groups, values, pkg_sites.__getitem__)
        for versions in state.values():
            for v in versions:
                for s, h in (*v.ctx, (v.site, v.hlc)):
                    if latest.get(s, -1) < h:
                        latest[s] = h
        new_text, new_top, new_conflicted, _ = clocks.encode(state, groups, number.__getitem__)
        if (new_text, new_top, new_conflicted) != (text, top, conflicted):
            updates.append((new_text, new_top, new_conflicted, name, values["id"]))
    con.executemany(
        "UPDATE sync_row SET clock = ?, top = ?, conflicted = ? WHERE table_name = ? "
        "AND row_id = ?",
        updates,
    )
