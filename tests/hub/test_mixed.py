"""Files, a shared folder and the hub mixed among 4 to 6 laptops: random edits and random
sync schedules; at the end everyone syncs with the hub and all hold the same data and the
same conflicts."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import psycopg
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.hub.conftest import Server
from tests.sync.conftest import mapping_edition
from tests.sync.test_merge import conflicts

from assessor.services import agencies
from assessor.services import sync as sync_service
from assessor.services.folder import sync_folder
from assessor.services.hub import init_hub, sync_hub
from assessor.services.mappings import keep_mapping
from assessor.services.setup import init_database
from assessor.store.db import Database
from assessor.store.digest import digest
from assessor.store.models import Agency
from assessor.sync.errors import PackageRefused

NOTES = ("", "x", "y", "z")
EXAMPLES = int(os.environ.get("HUB_MIX_EXAMPLES", "6"))

step = st.one_of(
    st.tuples(st.just("new"), st.integers(0, 5)),
    st.tuples(st.just("edit"), st.integers(0, 5), st.integers(0, 7), st.sampled_from(NOTES)),
    st.tuples(st.just("delete"), st.integers(0, 5), st.integers(0, 7)),
    st.tuples(st.just("restore"), st.integers(0, 5), st.integers(0, 7)),
    st.tuples(st.just("file"), st.integers(0, 5), st.integers(0, 5), st.booleans()),
    st.tuples(st.just("folder"), st.integers(0, 5)),
    st.tuples(st.just("hub"), st.integers(0, 5)),
    # an edition of the team's mapping set kept (reference data travels the same ways)
    st.tuples(st.just("map"), st.integers(0, 5), st.integers(1, 3)),
)


def _ids(db: Database, deleted: bool) -> list[str]:
    with db.read() as s:
        return sorted(a.id for a in s.query(Agency) if (a.deleted_at is not None) == deleted)


def test_files_folder_and_hub_mixed_converge(
    pg_server: Server, tmp_path_factory: Any, monkeypatch: Any
) -> None:
    from tests.hub.conftest import PASSWORD

    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    url = pg_server.url(pg_server.new_database())
    init_hub(url)
    template = tmp_path_factory.mktemp("mix") / "template.db"
    init_database(template).close()

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(n=st.integers(4, 6), steps=st.lists(step, min_size=5, max_size=30))
    def run(n: int, steps: list[tuple[Any, ...]]) -> None:
        play(n, steps)

    def play(n: int, steps: list[tuple[Any, ...]]) -> None:
        with psycopg.connect(url) as conn:
            conn.execute("TRUNCATE hub_row, hub_site, hub_seen, hub_log")
        work = Path(tempfile.mkdtemp(prefix="mix-"))
        shared = work / "shared"
        shared.mkdir()
        dbs: list[Database] = []
        try:
            for i in range(n):
                shutil.copyfile(template, work / f"{i}.db")
                dbs.append(Database(work / f"{i}.db"))
            # one agency everyone has, so that edits often meet on one row
            with dbs[0].transaction() as session:
                agencies.create_agency(session, name="Gemensam", org_number="")
            for db in dbs:
                sync_hub(db, url)
            packages = 0
            for s in steps:
                kind, who = s[0], dbs[s[1] % n]
                if kind == "new":
                    with who.transaction() as session:
                        agencies.create_agency(session, name=f"Myndighet {s[1]}", org_number="")
                elif kind in ("edit", "delete", "restore"):
                    ids = _ids(who, deleted=kind == "restore")
                    if not ids:
                        continue
                    target = ids[s[2] % len(ids)]
                    with who.transaction() as session:
                        if kind == "edit":
                            agencies.update_agency(session, target, notes=s[3])
                        elif kind == "delete":
                            agencies.delete_agency(session, target)
                        else:
                            sync_service.restore_deleted(session, "agency", target)
                elif kind == "map":
                    with who.transaction() as session:
                        keep_mapping(session, mapping_edition(s[2]))
                elif kind == "file":
                    receiver = dbs[s[2] % n]
                    if receiver is who:
                        continue
                    packages += 1
                    out = work / f"p{packages}.assessor"
                    with receiver.read() as session:
                        peer = sync_service.site_id(session)
                    known = peer in _peers(who)
                    sync_service.export_package(
                        who, out, for_peer=peer if (s[3] and known) else None
                    )
                    try:
                        sync_service.import_package(receiver, out)
                    except PackageRefused as exc:  # a delta whose base is not there
                        assert "earlier exchange" in exc.message
                elif kind == "folder":
                    result = sync_folder(who, shared)
                    for skipped in result.skipped:  # only deltas still waiting for a base
                        assert "earlier exchange" in skipped["reason"], skipped
                else:
                    sync_hub(who, url)
            for _ in range(2):
                for db in dbs:
                    sync_hub(db, url)
            # the hub itself holds the whole merged state: a new laptop gets all of it
            shutil.copyfile(template, work / "new.db")
            dbs.append(Database(work / "new.db"))
            sync_hub(dbs[-1], url)
            found = set()
            logs = set()
            for db in dbs:
                with db.read() as session:
                    found.add(digest(session))
                logs.add(tuple(sorted((c.id, c.resolved, repr(c.other)) for c in conflicts(db))))
            assert len(found) == 1
            assert len(logs) == 1
        finally:
            for db in dbs:
                db.close()
            shutil.rmtree(work, ignore_errors=True)

    if os.environ.get("HUB_MIX_CASE"):
        import ast

        n, steps = ast.literal_eval(os.environ["HUB_MIX_CASE"])
        play(n, steps)
        return
    run()


def _peers(db: Database) -> set[str]:
    with db.read() as session:
        return set(sync_service.known_peers(session))
