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
from assessor.sync.errors import PackageRefused, unusable

MAX_HLC = 10**18
MAX_SITES = 100_000


def _refuse(why: str) -> PackageRefused:
    return unusable(why)


def _int(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value < high


def check_entries(
    text: str, groups: dict[str, tuple[str, ...]], sites: dict[int, str]
) -> list[Any]:
    """Refuse a clock that is not exactly of the form store/clocks.py writes (so that equal
    states have equal text); returns its entries."""
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
        if not (
            _int(h, 0, MAX_HLC) and _int(no, 0, MAX_HLC) and no in sites and _int(mask, 1, full + 1)
        ):
            raise _refuse("a row's clock has a malformed write")
        if (h, no) in dots:
            raise _refuse("a row's clock names one write twice")
        dots.add((h, no))
        union |= mask
        flat = e[3] if len(e) > 3 else []
        if (
            not isinstance(flat, list)
            or len(flat) % 2
            or not all(
                _int(flat[i], 0, MAX_HLC) and flat[i] in sites and _int(flat[i + 1], 0, MAX_HLC)
                for i in range(0, len(flat), 2)
            )
        ):
            raise _refuse("a row's clock has a malformed context")
        ctx_sites = [sites[flat[i]] for i in range(0, len(flat), 2)]
        if ctx_sites != sorted(set(ctx_sites)) or sites[no] in ctx_sites:
            raise _refuse("a row's clock has a malformed context")
        hidden = e[4] if len(e) > 4 else {}
        if (
            not isinstance(hidden, dict)
            or (len(e) == 4 and not flat)
            or (len(e) == 5 and not hidden)
        ):
            raise _refuse("a row's clock has malformed values")
        for group, value in hidden.items():
            if group not in groups or not mask >> names.index(group) & 1:
                raise _refuse("a row's clock holds a value of an unknown group")
            if (
                not isinstance(value, dict)
                or sorted(value) != sorted(groups[group])
                or any(
                    isinstance(v, bool)
                    or not isinstance(v, str | int | float | type(None))
                    or (isinstance(v, str) and len(v) > 10_000_000)
                    for v in value.values()
                )
            ):
                raise _refuse("a row's clock holds a malformed value")
    if union != full:
        raise _refuse("a row's clock leaves a field group without a version")
    if len(entries) > 1:
        order = [(e[0], sites[e[1]]) for e in entries]
        if order != sorted(set(order)):
            raise _refuse("a row's clock is not in order")
    if sum(e[2] for e in entries) == full:
        # one version per group (the common case): each is shown, none may hide a value
        if any(len(e) == 5 for e in entries):
            raise _refuse("a row's clock does not show its latest version")
        return entries
    for i, group in enumerate(names):
        holders = [e for e in entries if e[2] >> i & 1]
        shown = [e for e in holders if len(e) < 5 or group not in e[4]]
        if len(shown) != 1 or max(holders, key=lambda e: (e[0], sites[e[1]])) is not shown[0]:
            raise _refuse("a row's clock does not show its latest version")
    return entries


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


def _normalise_table(
    con: sqlite3.Connection,
    name: str,
    pkg_sites: dict[int, str],
    number: dict[str, int],
    latest: dict[str, int],
) -> None:
    groups = groups_of(name)
    full = (1 << len(groups)) - 1
    renumber = {n: number[s] for n, s in pkg_sites.items()}
    updates: list[tuple[str, int, int, str, str]] = []
    for row_id, text, top, conflicted, deleted_at in con.execute(
        f"SELECT r.row_id, r.clock, r.top, r.conflicted, t.deleted_at FROM sync_row r "
        f'JOIN "{name}" t ON t.id = r.row_id WHERE r.table_name = ?',
        (name,),
    ).fetchall():
        entries = check_entries(text, groups, pkg_sites)
        for e in entries:
            flat = e[3] if len(e) > 3 else []
            for s, h in ((e[1], e[0]), *zip(flat[::2], flat[1::2], strict=True)):
                site = pkg_sites[s]
                if latest.get(site, -1) < h:
                    latest[site] = h
        if sum(e[2] for e in entries) == full and deleted_at is None:
            # one version per group of a live row (the common case): no conflict (a deleted
            # row may still have one: an edit beside its delete); only the numbers change
            for e in entries:
                e[1] = renumber[e[1]]
                if len(e) > 3:
                    e[3] = [renumber[x] if i % 2 == 0 else x for i, x in enumerate(e[3])]
            new = (clocks.dumps(entries), max(e[0] for e in entries), 0)
        else:
            new = _full_path(con, name, row_id, text, groups, pkg_sites, number)
        if new != (text, top, conflicted):
            updates.append((*new, name, row_id))
    con.executemany(
        "UPDATE sync_row SET clock = ?, top = ?, conflicted = ? WHERE table_name = ? "
        "AND row_id = ?",
        updates,
    )


def _full_path(
    con: sqlite3.Connection,
    name: str,
    row_id: str,
    text: str,
    groups: dict[str, tuple[str, ...]],
    pkg_sites: dict[int, str],
    number: dict[str, int],
) -> tuple[str, int, int]:
    """A row with concurrent versions: decoded with its values, so its conflicts are known."""
    cols = [
        c.name for c in table_of(next(m for m in SYNCED_MODELS if m.__tablename__ == name)).columns
    ]
    row = con.execute(
        f'SELECT {", ".join(chr(34) + c + chr(34) for c in cols)} FROM "{name}" WHERE id = ?',
        (row_id,),
    ).fetchone()
    if row is None:
        raise _refuse("a row's clock has no row")
    state = clocks.decode(text, groups, dict(zip(cols, row, strict=True)), pkg_sites.__getitem__)
    new_text, new_top, new_conflicted, _ = clocks.encode(state, groups, number.__getitem__)
    return new_text, new_top, new_conflicted
