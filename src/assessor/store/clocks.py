"""How a row's sync state (domain/rowclock.py) is stored: compact JSON in sync_row.clock.

The clock is a list of writes, each `[hlc, site, groups]`, optionally followed by its context
as a flat list `[site, hlc, ...]` and by the values of the groups where this write is a
version that is not shown (the shown version's values are the row's own columns):

    [[179604032073000000, 1, 63], [179604032099900001, 2, 4, [1, 179604032073000000], {}]]

`hlc` is the clock as a number (milliseconds * 100,000 + counter: the same order as the text
stamps), `site` a number from sync_site, `groups` a bit mask over the table's field groups in
their declared order (new columns are only ever appended, so a bit keeps its meaning). A row
written once is one short entry, whatever its number of groups.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from assessor.domain import hlc
from assessor.domain.rowclock import RowState, Version, conflicts

COUNTER_SPAN = 100_000


def hlc_int(text: str) -> int:
    stamp = hlc.Hlc.parse(text)
    return stamp.millis * COUNTER_SPAN + stamp.counter


def hlc_text(value: int) -> str:
    return str(hlc.Hlc(value // COUNTER_SPAN, value % COUNTER_SPAN))


class BadClock(ValueError):
    """A stored or received clock that does not have the form above."""


def dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), sort_keys=True, ensure_ascii=False)


def decode(
    text: str,
    groups: Mapping[str, tuple[str, ...]],
    row: Mapping[str, Any],
    site_of: Callable[[int], str],
) -> RowState:
    """The state of a row from its clock and its columns (raw values as SQLite holds them)."""
    names = list(groups)
    state: RowState = {g: [] for g in names}
    for entry in json.loads(text):
        hlc_value, site_no, mask = entry[0], entry[1], entry[2]
        flat = entry[3] if len(entry) > 3 else []
        hidden: dict[str, dict[str, Any]] = entry[4] if len(entry) > 4 else {}
        site = site_of(site_no)
        ctx = tuple(sorted((site_of(flat[i]), flat[i + 1]) for i in range(0, len(flat), 2)))
        for i, group in enumerate(names):
            if mask >> i & 1:
                value = hidden.get(group)
                if value is None:
                    value = {c: row[c] for c in groups[group]}
                state[group].append(Version(hlc_value, site, ctx, value))
    for versions in state.values():
        versions.sort(key=lambda v: (v.hlc, v.site), reverse=True)
    return state


def encode(
    state: RowState, groups: Mapping[str, tuple[str, ...]], no_of: Callable[[str], int]
) -> tuple[str, int, int, dict[str, Any]]:
    """(clock text, top hlc, conflicted 0/1, the row's columns as the shown versions have
    them) for a state; the inverse of decode."""
    names = list(groups)
    writes: dict[tuple[int, str], list[Any]] = {}
    shown: dict[str, Any] = {}
    for i, group in enumerate(names):
        for position, v in enumerate(state.get(group, ())):
            entry = writes.get(v.dot)
            if entry is None:
                entry = writes[v.dot] = [v.hlc, no_of(v.site), 0, v.ctx, {}]
            entry[2] |= 1 << i
            if position == 0:
                shown.update(v.value)
            else:
                entry[4][group] = dict(v.value)
    out: list[list[Any]] = []
    for dot in sorted(writes):
        h, no, mask, ctx, hidden = writes[dot]
        item: list[Any] = [h, no, mask]
        if ctx or hidden:
            item.append([x for s, h2 in ctx for x in (no_of(s), h2)])
        if hidden:
            item.append(hidden)
        out.append(item)
    top = max(dot[0] for dot in writes) if writes else 0
    return dumps(out), top, int(bool(conflicts(state))), shown


def with_new_group(text: str, bit: int, site_id_of: Callable[[int], str]) -> str:
    """A clock from before a column (a field group of its own, bit ``bit``) was added: the
    group's one version is given to the row's first write (least hlc, then site id), whose
    value is the column's default. Every laptop, and the hub, computes the same clock from
    the same old one, so migrated copies and upgraded packages agree."""
    entries = json.loads(text)
    if not entries or any(entry[2] >> bit & 1 for entry in entries):
        return text
    first = min(entries, key=lambda e: (e[0], site_id_of(e[1])))
    first[2] |= 1 << bit
    return dumps(entries)
