"""A hub that holds data of schema 0004 is brought up to date by 'hub init' the way every
laptop migrates: the new columns with their defaults, each row's first write given the new
groups, so the rows read back exactly as a hub set up now holds them."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import psycopg
import pytest
from tests.hub.test_hub import hub_rows

from assessor.services.hub import init_hub, sync_hub
from assessor.store import schema
from assessor.store.db import Database
from assessor.sync.hub_schema import HubError

FIXTURES = Path(__file__).parents[1] / "sync" / "fixtures"
ADDED = {"assessment": ("profile", 7), "report_record": ("scores", 10)}


def _as_0004(url: str) -> None:
    """Take the hub back to what a 0004 program wrote: no new keys, no new bits."""
    with psycopg.connect(url) as conn:
        for table, (column, bit) in ADDED.items():
            rows = conn.execute(
                "SELECT row_id, data, clock FROM hub_row WHERE table_name = %s", (table,)
            ).fetchall()
            for row_id, data, clock in rows:
                values = json.loads(data)
                values.pop(column)
                entries = json.loads(clock)
                for e in entries:
                    e[2] &= ~(1 << bit)
                conn.execute(
                    "UPDATE hub_row SET data = %s, clock = %s WHERE table_name = %s AND "
                    "row_id = %s",
                    (
                        json.dumps(
                            values, separators=(",", ":"), sort_keys=True, ensure_ascii=False
                        ),
                        json.dumps(entries, separators=(",", ":"), sort_keys=True),
                        table,
                        row_id,
                    ),
                )
        conn.execute("UPDATE hub_meta SET value = '0004' WHERE key = 'package_schema'")


def test_an_older_hub_is_upgraded_to_the_rows_a_new_one_holds(hub_url: str, tmp_path: Path) -> None:
    bo = tmp_path / "bo.db"
    with gzip.open(FIXTURES / "bo-0004.db.gz") as src, bo.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    assert init_hub(hub_url) == "created"
    with Database(bo) as db:  # migrated to the head on opening
        sync_hub(db, hub_url)
    now = hub_rows(hub_url)
    assert any(r[0] == "assessment" for r in now)
    _as_0004(hub_url)
    assert hub_rows(hub_url) != now
    with Database(bo) as db, pytest.raises(HubError, match="hub init"):
        sync_hub(db, hub_url)
    assert init_hub(hub_url) == "upgraded"
    assert hub_rows(hub_url) == now
    with psycopg.connect(hub_url) as conn:
        (revision,) = conn.execute(
            "SELECT value FROM hub_meta WHERE key = 'package_schema'"
        ).fetchone()
    assert revision == schema.HEAD
    with Database(bo) as db:
        assert sync_hub(db, hub_url)["changed_database"] is False


def test_a_0005_hub_gets_the_mapping_sets_and_carries_them(hub_url: str, tmp_path: Path) -> None:
    """A hub of the version before (no mapping sets) is brought up by 'hub init'; a set kept
    on one laptop then reaches another through it, readable in the team_ view too."""
    import lzma

    from assessor.services.mappings import import_mappings, list_mappings
    from assessor.services.setup import init_database

    assert init_hub(hub_url) == "created"
    with psycopg.connect(hub_url) as conn:
        conn.execute("DROP VIEW team_mapping_set")
        conn.execute("UPDATE hub_meta SET value = '0005' WHERE key = 'package_schema'")
    assert init_hub(hub_url) == "upgraded"
    sample = (
        Path(__file__).parents[1] / "samples" / "ciso" / "map-nist-csf-1.1-nist-csf-2.0.yaml.xz"
    )
    anna, bo = tmp_path / "anna.db", tmp_path / "bo.db"
    with init_database(anna) as a:
        with a.transaction() as s:
            import_mappings(s, lzma.decompress(sample.read_bytes()), "map.yaml")
        sync_hub(a, hub_url)
        with a.read() as s:
            kept = list_mappings(s)
    with init_database(bo) as b:
        sync_hub(b, hub_url)
        with b.read() as s:
            assert list_mappings(s) == kept
    with psycopg.connect(hub_url) as conn:
        rows = conn.execute("SELECT key, name FROM team_mapping_set").fetchall()
    assert rows == [(kept[0].id, kept[0].name)]
