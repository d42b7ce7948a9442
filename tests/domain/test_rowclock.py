"""The row clock's merge is a join: commutative, associative, idempotent, and the conflicts
follow from the joined state alone (the argument is in docs/sync.md; these check it)."""

from __future__ import annotations

import itertools
from functools import reduce

from hypothesis import given, settings
from hypothesis import strategies as st

from assessor.domain import rowclock
from assessor.domain.rowclock import RowState, Version

SITES = ("s1", "s2", "s3", "s4")
GROUPS = ("name", "notes", "deleted")


def value(group: str, pick: int) -> dict[str, object]:
    if group == "deleted":
        return {"deleted_at": None if pick == 0 else f"2026-01-0{pick} 00:00:00"}
    return {group: f"v{pick}"}


# a history: each step is (site, ("write", group, pick) | ("receive", other site))
steps = st.lists(
    st.tuples(
        st.integers(0, len(SITES) - 1),
        st.one_of(
            st.tuples(st.just("write"), st.sampled_from(GROUPS), st.integers(0, 2)),
            st.tuples(st.just("receive"), st.integers(0, len(SITES) - 1)),
        ),
    ),
    max_size=40,
)


def play(history: list[tuple[int, tuple[object, ...]]]) -> list[RowState]:
    """Run a history; every site starts from one created row."""
    created = {g: [Version(1, SITES[0], (), value(g, 0))] for g in GROUPS}
    states: list[RowState] = [dict(created) for _ in SITES]
    clock = 1
    for site, step in history:
        clock += 1
        if step[0] == "write":
            _, group, pick = step
            assert isinstance(group, str) and isinstance(pick, int)
            states[site] = rowclock.write(
                states[site], {group: value(group, pick)}, SITES[site], clock
            )
        else:
            other = step[1]
            assert isinstance(other, int)
            states[site] = rowclock.merge(states[site], states[other])
    return states


def canonical(state: RowState) -> tuple[object, ...]:
    return tuple(
        (g, tuple((v.dot, v.ctx, tuple(sorted(v.value.items()))) for v in vs))
        for g, vs in sorted(state.items())
    )


def conflict_set(state: RowState) -> set[tuple[object, ...]]:
    return {(c.kind, c.group, c.shown.dot, c.other.dot) for c in rowclock.conflicts(state)}


@settings(max_examples=300, deadline=None)
@given(steps)
def test_merging_in_any_order_and_any_number_of_times_gives_one_state(
    history: list[tuple[int, tuple[object, ...]]],
) -> None:
    states = play(history)
    orders = list(itertools.permutations(states))
    reference = reduce(rowclock.merge, orders[0])
    for order in orders[1:6]:
        assert canonical(reduce(rowclock.merge, order)) == canonical(reference)
    twice = reduce(rowclock.merge, [*states, *states])
    assert canonical(twice) == canonical(reference)
    for s in states:
        assert canonical(rowclock.merge(s, s)) == canonical(s)
        assert canonical(rowclock.merge(reference, s)) == canonical(reference)
    # grouped differently (associativity)
    left = rowclock.merge(
        rowclock.merge(states[0], states[1]), rowclock.merge(states[2], states[3])
    )
    assert canonical(left) == canonical(reference)
    assert conflict_set(left) == conflict_set(reference)


@settings(max_examples=300, deadline=None)
@given(steps)
def test_no_write_is_lost_without_a_later_one_that_saw_it(
    history: list[tuple[int, tuple[object, ...]]],
) -> None:
    """Every write is in the joined state, or some write in it supersedes it."""
    states = play(history)
    joined = reduce(rowclock.merge, states)
    every: list[tuple[str, Version]] = []
    for s in states:
        for g, vs in s.items():
            every.extend((g, v) for v in vs)
    for group, v in every:
        kept = joined[group]
        assert v in kept or any(k.supersedes(v) for k in kept)


def test_a_write_made_after_seeing_both_ends_the_conflict() -> None:
    base = {"name": [Version(1, "a", (), {"name": "x"})]}
    a = rowclock.write(base, {"name": {"name": "A"}}, "a", 2)
    b = rowclock.write(base, {"name": {"name": "B"}}, "b", 3)
    both = rowclock.merge(a, b)
    assert [c.kind for c in rowclock.conflicts(both)] == ["edit"]
    settled = rowclock.write(both, {"name": {"name": "B"}}, "a", 4)
    assert rowclock.conflicts(settled) == []
    assert rowclock.conflicts(rowclock.merge(settled, a)) == []


def test_an_edit_beside_a_delete_is_a_delete_conflict_and_a_restore_ends_it() -> None:
    base = {
        "name": [Version(1, "a", (), {"name": "x"})],
        "deleted": [Version(1, "a", (), {"deleted_at": None})],
    }
    gone = rowclock.write(base, {"deleted": {"deleted_at": "2026-01-01"}}, "a", 2)
    edited = rowclock.write(base, {"name": {"name": "y"}}, "b", 3)
    both = rowclock.merge(gone, edited)
    (c,) = rowclock.conflicts(both)
    assert (c.kind, c.group, c.other.value) == ("delete", "name", {"name": "y"})
    back = rowclock.write(both, {"deleted": {"deleted_at": None}}, "b", 4)
    assert rowclock.conflicts(back) == []
    created_and_deleted = rowclock.write(
        {}, {"name": {"name": "x"}, "deleted": {"deleted_at": "2026"}}, "a", 1
    )
    assert rowclock.conflicts(created_and_deleted) == []
