"""A real PostgreSQL server for the hub tests, started in a temporary folder with initdb and
pg_ctl from Debian's postgresql package (the tests skip when it is not installed)."""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PASSWORD = "hubtest-secret-5b1e"
ADMIN = "hubadmin"


def _bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    bin: Path
    data: Path
    sockets: Path
    port: int
    as_user: list[str]
    counter: itertools.count[int]

    def admin_url(self, dbname: str = "postgres") -> str:
        return f"host={self.sockets} port={self.port} user={ADMIN} dbname={dbname}"

    def url(self, dbname: str) -> str:
        return f"postgresql://{ADMIN}@127.0.0.1:{self.port}/{dbname}"

    def new_database(self) -> str:
        import psycopg

        name = f"hub_{next(self.counter)}"
        with psycopg.connect(self.admin_url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name

    def run(self, *args: str) -> None:
        done = subprocess.run([*self.as_user, *args], capture_output=True, text=True, timeout=120)
        if done.returncode:
            log = self.data.parent / "log"
            raise RuntimeError(
                f"{Path(args[0]).name} failed ({done.returncode}): "
                f"{done.stderr.strip()} {done.stdout.strip()} "
                f"{log.read_text() if log.exists() else ''}"
            )


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Server]:
    pytest.importorskip("psycopg")
    bindir = _bin()
    if bindir is None:
        pytest.skip("PostgreSQL's initdb is not installed (Debian package postgresql)")
    # not under pytest's base folder: other pytest runs on the machine set that back to
    # mode 0700, and the server's own user must reach its folder
    root = Path(tempfile.mkdtemp(prefix="assessor-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(root)
            pytest.skip("running as root and there is no postgres user to run the server")
        os.chmod(root, 0o755)
        os.chown(root, user.pw_uid, user.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data, sockets, pwfile = root / "data", root / "sockets", root / "pw"
    pwfile.write_text(PASSWORD + "\n")
    sockets.mkdir()
    if as_user:
        for p in (sockets, pwfile):
            os.chown(p, pwd.getpwnam("postgres").pw_uid, pwd.getpwnam("postgres").pw_gid)
    server = Server(bindir, data, sockets, _free_port(), as_user, itertools.count(1))
    server.run(
        str(bindir / "initdb"),
        "-D",
        str(data),
        "-U",
        ADMIN,
        "--auth-local=trust",
        "--auth-host=scram-sha-256",
        f"--pwfile={pwfile}",
        "-E",
        "UTF8",
        "--locale=C.UTF-8",
    )
    for attempt in range(3):  # the free port may be taken before the server binds it
        options = (
            f"-p {server.port} -k {sockets} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=60"
        )
        try:
            server.run(
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(root / "log"),
                "-w",
                "-t",
                "60",
                "start",
            )
            break
        except RuntimeError:
            if attempt == 2:
                raise
            server.port = _free_port()
    try:
        yield server
    finally:
        subprocess.run(
            [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def hub_url(pg_server: Server, monkeypatch: pytest.MonkeyPatch) -> str:
    """A new, empty database on the server and its URL (the password in PGPASSWORD, as a
    user would give it; never in the URL)."""
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    monkeypatch.delenv("PGSERVICE", raising=False)
    return pg_server.url(pg_server.new_database())
