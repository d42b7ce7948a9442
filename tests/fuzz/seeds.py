"""Real files to mutate: a small demo database, its package (plain and encrypted), its handover
archive and the shipped checklist, each made by the program's own commands."""

from __future__ import annotations

import lzma
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from assessor.paths import resources_dir

REPO = Path(__file__).resolve().parents[2]
PASSPHRASE = "fuzz passphrase"


@dataclass(frozen=True)
class Seeds:
    folder: Path
    database: Path
    package: Path
    encrypted: Path
    archive: Path
    checklist: Path
    ciso: Path
    passphrase_file: Path


def _run(argv: list[str]) -> None:
    """One command in a child process, so that the fuzzing parent never holds a database."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 1
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            from assessor.cli.main import main

            code = main(argv)
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"making a seed failed: {argv}")


def make_seeds(folder: Path, *, encrypted: bool = True) -> Seeds:
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "seed.db"
    if not db.exists():
        _run(["demo", "--db", str(db), "--agencies", "2", "--seed", "7"])
    # every page in the one file (a WAL file beside it would be left out of the mutations);
    # the file stays in WAL mode, as the program keeps it, so opening it changes no byte
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    for extra in (
        db.with_name(db.name + "-wal"),
        db.with_name(db.name + "-shm"),
        db.with_name(db.name + ".lock"),
    ):
        extra.unlink(missing_ok=True)
    package = folder / "seed.assessor"
    if not package.exists():
        _run(["sync", "export", "--db", str(db), "--out", str(package)])
    secret = folder / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    sealed = folder / "seed-encrypted.assessor"
    if encrypted and not sealed.exists():
        _run(
            [
                "sync",
                "export",
                "--db",
                str(db),
                "--out",
                str(sealed),
                "--passphrase-file",
                str(secret),
            ]
        )
    if encrypted:  # the fuzz budget counts on what this version writes (sync/age.py)
        from assessor.sync import age

        assert age.work_factor(sealed.read_bytes()[:4096]) == age.WORK_FACTOR
    archive = folder / "seed-archive"
    if not archive.exists():
        _run(["export", "archive", "--db", str(db), "--out", str(archive)])
    for extra in (
        db.with_name(db.name + "-wal"),
        db.with_name(db.name + "-shm"),
        db.with_name(db.name + ".lock"),
    ):
        extra.unlink(missing_ok=True)
    checklist = folder / "seed-checklist.yaml"
    shutil.copyfile(resources_dir() / "checklists" / "digital-maturity.yaml", checklist)
    ciso = folder / "seed-ciso.yaml"
    ciso.write_bytes(
        lzma.decompress(
            (REPO / "tests" / "samples" / "ciso" / "nis2-directive.yaml.xz").read_bytes()
        )
    )
    return Seeds(folder, db, package, sealed, archive, checklist, ciso, secret)
