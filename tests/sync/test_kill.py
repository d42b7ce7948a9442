"""kill -9 in the middle of an import: the database is as it was, and the next import works."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from tests.sync.conftest import file_hash, full_state

from assessor.services import agencies
from assessor.services import sync as sync_service
from assessor.services.setup import check_database, init_database
from assessor.store.db import Database
from assessor.store.digest import digest

CHILD = """
import sys, time
from pathlib import Path
import assessor.sync.merge as merge

real = merge._merge_rows

def stalled(*args, **kwargs):
    real(*args, **kwargs)  # new rows are already written inside the open transaction
    print("MERGING", flush=True)
    time.sleep(120)

merge._merge_rows = stalled
from assessor.services import sync
from assessor.store.db import Database

with Database(Path(sys.argv[1])) as db:
    sync.import_package(db, Path(sys.argv[2]))
print("FINISHED", flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs kill -9")
@pytest.mark.parametrize("delta", [False, True], ids=["full", "delta"])
def test_kill_during_import_leaves_the_database_unchanged(tmp_path: Path, delta: bool) -> None:
    local = tmp_path / "local.db"
    with init_database(local) as db, db.transaction() as s:
        shared = agencies.create_agency(s, name="Riksarkivet")
    colleague = tmp_path / "colleague.db"
    shutil.copyfile(local, colleague)
    with Database(local) as db:  # the colleague learns what this laptop has seen
        sync_service.export_package(db, tmp_path / "hello.pkg")
        with db.read() as s:
            local_site = sync_service.site_id(s)
    with Database(colleague) as db:
        sync_service.import_package(db, tmp_path / "hello.pkg")
        with db.transaction() as s:
            agencies.update_agency(s, shared, notes="new archive law")
            for i in range(50):
                agencies.create_agency(s, name=f"Myndighet {i}")
        manifest = sync_service.export_package(
            db, tmp_path / "big.pkg", for_peer=local_site if delta else None
        )
        assert manifest["kind"] == ("delta" if delta else "full")
    Database(local).close()
    before_bytes = file_hash(local)
    before = full_state(local)

    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(local), str(tmp_path / "big.pkg")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line.strip() == "MERGING", child.stderr.read() if child.stderr else line
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)

    assert file_hash(local) == before_bytes  # the main file was never written
    assert check_database(local) == []
    with Database(local) as db, db.read() as s:
        assert len(agencies.list_agencies(s)) == 1
    assert full_state(local) == before
    with Database(local) as db:
        result = sync_service.import_package(db, tmp_path / "big.pkg")
        assert result["added"] == 50 and result["changed"] == 1
        with db.read() as s:
            d = digest(s)
    with Database(colleague) as db, db.read() as s:
        assert digest(s) == d
