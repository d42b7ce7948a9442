"""A column added to a synced table is a new clock bit after every old one, and an old clock
gives the new group to its first write, the same way wherever it is computed."""

from __future__ import annotations

import json

from assessor.store import clocks, schema
from assessor.store.stamping import groups_of


def test_the_bits_written_in_the_schema_are_the_models_bits() -> None:
    for revision, tables in schema.ADDED_GROUPS.items():
        assert revision in schema.REVISIONS
        for table, bit in tables.items():
            assert len(groups_of(table)) - 1 == bit, table


def test_the_new_group_goes_to_the_first_write_by_hlc_then_site_id() -> None:
    sites = {1: "b-site", 2: "a-site"}
    old = json.dumps([[500, 1, 0b01], [500, 2, 0b10], [900, 1, 0b01, [2, 500]]])
    new = json.loads(clocks.with_new_group(old, 3, sites.__getitem__))
    # equal hlc: the site id decides ("a-site" is number 2 here), not the local number
    assert [e[2] for e in new] == [0b01, 0b1010, 0b01]
    renumbered = json.dumps([[500, 2, 0b01], [500, 1, 0b10], [900, 2, 0b01, [1, 500]]])
    other = {2: "b-site", 1: "a-site"}
    again = json.loads(clocks.with_new_group(renumbered, 3, other.__getitem__))
    assert [e[2] for e in again] == [0b01, 0b1010, 0b01]


def test_a_clock_that_has_the_group_already_is_left_as_it_is() -> None:
    text = clocks.dumps([[500, 1, 0b1001]])
    assert clocks.with_new_group(text, 3, {1: "x"}.__getitem__) == text
