"""The sync state of one row: per field group, the set of concurrent versions (a multi-value
register with a causal context per write). The argument for why it converges is in
docs/sync.md; this module is the whole of the rule, as pure functions.

A write is a dot (hlc, site) plus its context: for every other site, the latest of that site's
writes to the row which the writing laptop held when it wrote. A write `b` supersedes `a`
when `b` comes from the same site and is later (a site holds its own earlier writes), or its
context covers `a`'s dot. A group keeps exactly the versions no other version supersedes;
merging two states is the union of their versions with the superseded ones dropped. "Not
superseded" is a property of the set of writes, not of the order they arrived in, so merging
is commutative, associative and idempotent, and so is everything derived from the state: the
shown value (the version with the highest (hlc, site)), and the conflicts (a group whose
versions differ in substance; a deleted row with an edit made concurrently with its delete).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

DELETED = "deleted"

Context = tuple[tuple[str, int], ...]  # (site, hlc) pairs, sorted, other sites only


@dataclass(frozen=True)
class Version:
    hlc: int
    site: str
    ctx: Context
    value: Mapping[str, Any]  # the group's columns as this write left them

    @property
    def dot(self) -> tuple[int, str]:
        return (self.hlc, self.site)

    def covers(self, hlc: int, site: str) -> bool:
        """Whether this write was made holding the write (hlc, site)."""
        if site == self.site:
            return hlc < self.hlc
        return any(s == site and h >= hlc for s, h in self.ctx)

    def supersedes(self, other: Version) -> bool:
        return self.covers(other.hlc, other.site)


RowState = dict[str, list[Version]]  # group -> live versions, the shown one first


def _order(v: Version) -> tuple[int, str]:
    return (v.hlc, v.site)


def join_versions(*sides: Iterable[Version]) -> list[Version]:
    """The versions no other supersedes, from all sides; highest (hlc, site) first."""
    by_dot: dict[tuple[int, str], Version] = {}
    for side in sides:
        for v in side:
            by_dot.setdefault(v.dot, v)
    every = list(by_dot.values())
    live = [v for v in every if not any(o.supersedes(v) for o in every if o is not v)]
    return sorted(live, key=_order, reverse=True)


def merge(a: Mapping[str, list[Version]], b: Mapping[str, list[Version]]) -> RowState:
    return {g: join_versions(a.get(g, ()), b.get(g, ())) for g in sorted(set(a) | set(b))}


def seen(state: Mapping[str, list[Version]]) -> dict[str, int]:
    """The row's version vector: per site, the latest of its writes this state holds."""
    out: dict[str, int] = {}
    for versions in state.values():
        for v in versions:
            for s, h in (*v.ctx, (v.site, v.hlc)):
                if out.get(s, -1) < h:
                    out[s] = h
    return out


def write(
    state: Mapping[str, list[Version]], values: Mapping[str, Mapping[str, Any]], site: str, hlc: int
) -> RowState:
    """A local write of the given groups: one version each, made holding everything the row's
    clock held, so it supersedes every version it saw (what it ended follows by comparing the
    conflicts before and after)."""
    ctx = tuple(sorted((s, h) for s, h in seen(state).items() if s != site))
    out: RowState = {g: list(vs) for g, vs in state.items()}
    for group, value in values.items():
        out[group] = [Version(hlc, site, ctx, dict(value))]
    return out


def differ(group: str, a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether two values of a group disagree in substance: for the delete group only
    deleted or not counts (two laptops deleting a row agree, whenever each did it)."""
    if group == DELETED:
        return (a.get("deleted_at") is None) != (b.get("deleted_at") is None)
    return dict(a) != dict(b)


@dataclass(frozen=True)
class Conflict:
    kind: str  # "edit": concurrent values of one group; "delete": an edit beside a delete
    group: str
    shown: Version  # the version the row shows (for "delete": the delete)
    other: Version  # the concurrent version that is not shown


def conflicts(state: Mapping[str, list[Version]]) -> list[Conflict]:
    out: list[Conflict] = []
    for group in sorted(state):
        versions = state[group]
        out.extend(
            Conflict("edit", group, versions[0], v)
            for v in versions[1:]
            if differ(group, v.value, versions[0].value)
        )
    gone = state.get(DELETED)
    if gone and gone[0].value.get("deleted_at") is not None:
        d = gone[0]
        for group in sorted(state):
            if group == DELETED:
                continue
            out.extend(
                Conflict("delete", group, d, v)
                for v in state[group]
                if v.dot != d.dot and not d.supersedes(v) and not v.supersedes(d)
            )
    return out
