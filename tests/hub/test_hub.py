"""The team hub against a real PostgreSQL server: convergence, concurrent laptops, a
connection cut in the middle of a sync, a hub that sends bad rows, and bad input."""

from __future__ import annotations

import threading
from typing import Any

import psycopg
import pytest
from tests.hub.conftest import PASSWORD, Server
from tests.sync.conftest import file_hash
from tests.sync.test_merge import Laptops, conflicts, laptops, template

from assessor.cli.main import main
from assessor.services import agencies
from assessor.services.hub import init_hub, sync_hub
from assessor.store.db import Database
from assessor.store.digest import digest
from assessor.store.models import Agency
from assessor.sync.errors import PackageRefused
from assessor.sync.hub_schema import HubError, HubLost

__all__ = ["laptops", "template"]


def digests(dbs: list[Database]) -> set[str]:
    out = set()
    for db in dbs:
        with db.read() as s:
            out.add(digest(s))
    return out


def live(db: Database) -> list[tuple[str, str]]:
    return sorted((c.id, repr(c.other)) for c in conflicts(db) if not c.resolved)


def hub_rows(url: str) -> list[tuple[Any, ...]]:
    with psycopg.connect(url) as conn:
        return (
            conn.execute(
                "SELECT table_name, row_id, data, clock FROM hub_row ORDER BY 1, 2"
            ).fetchall()
            + conn.execute(
                "SELECT 'seen', site_id, hlc::text, '' FROM hub_seen ORDER BY 2"
            ).fetchall()
        )


def test_laptops_converge_through_the_hub(laptops: Laptops, hub_url: str) -> None:
    assert init_hub(hub_url) == "created"
    assert init_hub(hub_url) == "up to date"
    anna, bo, cy = laptops.new("anna"), laptops.new("bo"), laptops.new("cy")
    with anna.transaction() as s:
        a = agencies.create_agency(s, name="Skatteverket", org_number="")
    first = sync_hub(anna, hub_url)
    assert first["pushed"] > 0 and first["pulled"] == 0
    for db in (bo, cy):
        assert sync_hub(db, hub_url)["changed_database"]
    for i, db in enumerate((anna, bo, cy)):
        with db.transaction() as s:
            agencies.update_agency(s, a, notes=f"laptop {i}")
            agencies.create_agency(s, name=f"Myndighet {i}", org_number="")
    for _ in range(2):
        for db in (anna, bo, cy):
            sync_hub(db, hub_url)
    assert len(digests([anna, bo, cy])) == 1
    assert live(anna) == live(bo) == live(cy) and len(live(anna)) == 2
    with cy.read() as s:
        assert s.query(Agency).count() == 4
    # a sync with nothing new moves nothing
    again = sync_hub(bo, hub_url)
    assert again["pushed"] == 0 and again["pulled"] == 0 and not again["changed_database"]
    # the hub holds the whole merged state: a new laptop gets all of it, conflicts too
    dag = laptops.new("dag")
    sync_hub(dag, hub_url)
    assert len(digests([anna, dag])) == 1 and live(dag) == live(anna)
    # the team's data reads with plain SQL
    with psycopg.connect(hub_url) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM team_agency")}
    assert names == {"Skatteverket", "Myndighet 0", "Myndighet 1", "Myndighet 2"}


def test_a_hub_mixes_with_files(laptops: Laptops, hub_url: str) -> None:
    init_hub(hub_url)
    anna, bo = laptops.new("anna"), laptops.new("bo")
    with anna.transaction() as s:
        a = agencies.create_agency(s, name="Boverket", org_number="")
    laptops.send("anna", "bo")  # by file, before either met the hub
    with bo.transaction() as s:
        agencies.update_agency(s, a, notes="Bo")
    sync_hub(bo, hub_url)
    sync_hub(anna, hub_url)
    with anna.read() as s:
        assert s.get(Agency, a).notes == "Bo"  # type: ignore[union-attr]
    assert len(digests([anna, bo])) == 1


def test_concurrent_laptops_take_turns_and_converge(laptops: Laptops, hub_url: str) -> None:
    init_hub(hub_url)
    dbs = [laptops.new(f"laptop{i}") for i in range(5)]
    for i, db in enumerate(dbs):
        with db.transaction() as s:
            for j in range(10):
                agencies.create_agency(s, name=f"Myndighet {i}-{j}", org_number="")
    errors: list[BaseException] = []

    def run(db: Database) -> None:
        try:
            sync_hub(db, hub_url)
        except BaseException as exc:  # reported below
            errors.append(exc)

    for _ in range(2):
        threads = [threading.Thread(target=run, args=(db,)) for db in dbs]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
    assert errors == []
    for db in dbs:  # one more turn each, in order: whatever came last reaches everyone
        sync_hub(db, hub_url)
    assert len(digests(dbs)) == 1
    with dbs[0].read() as s:
        assert s.query(Agency).count() == 50


def test_a_connection_cut_mid_sync_leaves_both_sides_unchanged(
    laptops: Laptops, hub_url: str, pg_server: Server
) -> None:
    init_hub(hub_url)
    anna, bo = laptops.new("anna"), laptops.new("bo")
    with anna.transaction() as s:
        a = agencies.create_agency(s, name="Skatteverket", org_number="")
    sync_hub(anna, hub_url)
    with bo.transaction() as s:
        agencies.create_agency(s, name="Boverket", org_number="")
    with anna.transaction() as s:
        agencies.update_agency(s, a, notes="Anna, after the first sync")
    sync_hub(anna, hub_url)
    hub_before = hub_rows(hub_url)
    bo_before = file_hash(bo.path)

    def cut(conn: psycopg.Connection[Any]) -> None:
        with psycopg.connect(pg_server.admin_url(), autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (conn.info.backend_pid,))

    with pytest.raises(HubLost, match="nothing was changed"):
        sync_hub(bo, hub_url, before_commit=cut)
    assert hub_rows(hub_url) == hub_before
    assert file_hash(bo.path) == bo_before
    # the retry completes the job
    sync_hub(bo, hub_url)
    sync_hub(anna, hub_url)
    assert len(digests([anna, bo])) == 1
    with bo.read() as s:
        assert s.get(Agency, a).notes == "Anna, after the first sync"  # type: ignore[union-attr]


def test_rows_from_the_hub_are_validated_like_a_package(laptops: Laptops, hub_url: str) -> None:
    init_hub(hub_url)
    anna, bo = laptops.new("anna"), laptops.new("bo")
    with anna.transaction() as s:
        agencies.create_agency(s, name="Skatteverket", org_number="")
    sync_hub(anna, hub_url)
    with psycopg.connect(hub_url) as conn:  # someone with write access to the hub's tables
        conn.execute(
            "UPDATE hub_row SET data = jsonb_set(data::jsonb, '{created_at}', "
            "'\"igår\"')::text WHERE table_name = 'agency'"
        )
    before = file_hash(bo.path)
    with pytest.raises(PackageRefused):
        sync_hub(bo, hub_url)
    assert file_hash(bo.path) == before


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    assert PASSWORD not in captured.out + captured.err
    return code, captured.err


def test_bad_input_is_one_line_and_exit_2(
    laptops: Laptops,
    hub_url: str,
    pg_server: Server,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = laptops.new("anna").path
    laptops.dbs.pop("anna").close()
    db = str(path)
    code, err = _cli(capsys, "sync", "hub", "--db", db, "--url", hub_url)
    assert code == 2 and "not an Assessor hub yet" in err and err.count("\n") == 1
    assert _cli(capsys, "hub", "init", "--url", hub_url)[0] == 0
    assert _cli(capsys, "sync", "hub", "--db", db, "--url", hub_url)[0] == 0
    cases = {
        "mysql://someone@127.0.0.1/team": "not a PostgreSQL URL",
        "this is not a connection string": "not a PostgreSQL connection string",
        f"postgresql://hubadmin:{PASSWORD}@127.0.0.1:{pg_server.port}/x": "holds a password",
        "postgresql://hubadmin@127.0.0.1:1/team": "cannot be reached",
    }
    for url, words in cases.items():
        code, err = _cli(capsys, "sync", "hub", "--db", db, "--url", url)
        assert code == 2 and words in err and err.count("\n") == 1, (url, err)
    monkeypatch.setenv("PGPASSWORD", "wrong")
    code, err = _cli(capsys, "sync", "hub", "--db", db, "--url", hub_url)
    assert code == 2 and "wrong or missing password" in err and err.count("\n") == 1
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    with psycopg.connect(hub_url) as conn:
        conn.execute("UPDATE hub_meta SET value = '99' WHERE key = 'hub_schema'")
    code, err = _cli(capsys, "sync", "hub", "--db", db, "--url", hub_url)
    assert code == 2 and "newer version" in err and err.count("\n") == 1
    code, err = _cli(capsys, "hub", "init", "--url", hub_url)
    assert code == 2 and "newer version" in err


GRANTS = """
CREATE ROLE assessor_team NOLOGIN;
GRANT CONNECT ON DATABASE {db} TO assessor_team;
GRANT USAGE ON SCHEMA public TO assessor_team;
GRANT SELECT ON hub_meta TO assessor_team;
GRANT SELECT, INSERT, UPDATE ON hub_row, hub_site, hub_seen TO assessor_team;
GRANT INSERT ON hub_log TO assessor_team;
CREATE ROLE anna LOGIN PASSWORD '{password}' IN ROLE assessor_team;
"""


def test_an_advisor_role_with_the_documented_grants_syncs_and_no_more(
    laptops: Laptops, hub_url: str, pg_server: Server
) -> None:
    """The GRANTs of docs/team.md are enough for a sync, and do not let a laptop remove
    the team's rows or change the hub's tables."""
    init_hub(hub_url)
    dbname = hub_url.rsplit("/", 1)[1]
    with psycopg.connect(hub_url, autocommit=True) as conn:
        for statement in GRANTS.format(db=dbname, password=PASSWORD).strip().split(";\n"):
            conn.execute(statement.strip().rstrip(";"))
    anna_url = hub_url.replace("hubadmin@", "anna@")
    anna, bo = laptops.new("anna"), laptops.new("bo")
    with anna.transaction() as s:
        agencies.create_agency(s, name="Skatteverket", org_number="")
    sync_hub(anna, anna_url)
    sync_hub(bo, anna_url)  # one role per advisor in real life; one is enough to test
    assert len(digests([anna, bo])) == 1
    with psycopg.connect(anna_url) as conn:
        for statement in (
            "DELETE FROM hub_row",
            "DROP TABLE hub_row",
            "UPDATE hub_meta SET value = '0'",
            "CREATE TABLE x (a int)",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
            conn.rollback()


def test_a_damaged_clock_on_the_hub_is_refused_in_words(laptops: Laptops, hub_url: str) -> None:
    init_hub(hub_url)
    anna, bo = laptops.new("anna"), laptops.new("bo")
    with anna.transaction() as s:
        a = agencies.create_agency(s, name="Skatteverket", org_number="")
    sync_hub(anna, hub_url)
    with bo.transaction() as s:  # bo has a version of the row to push: the hub's is decoded
        agencies.create_agency(s, name="Boverket", org_number="")
    sync_hub(bo, hub_url)
    with bo.transaction() as s:
        agencies.update_agency(s, a, notes="Bo")
    with psycopg.connect(hub_url) as conn:
        conn.execute("UPDATE hub_row SET clock = '[[1, 99, 1]]', top = 0 WHERE row_id = %s", (a,))
    before = (hub_rows(hub_url), file_hash(bo.path))
    with pytest.raises(HubError, match="cannot read"):
        sync_hub(bo, hub_url)
    assert (hub_rows(hub_url), file_hash(bo.path)) == before
