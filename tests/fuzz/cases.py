"""Seeded mutations of real files, one generator per surface (what a file can arrive as).

A case is a name and a function that writes its hostile input into a fresh folder and returns
the command line to run on it, the database whose bytes must not change when the command
refuses, and whether the command may also succeed (a mutation may leave a file valid).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import sqlite3
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.fuzz.seeds import Seeds


@dataclass(frozen=True)
class Run:
    argv: list[str]
    watched: Path | None = None
    """A database that must be byte-identical after a refusal (after anything, when read)."""
    read_only: bool = False
    """The command only reads: the watched file must be unchanged whatever the exit code."""
    absent: Path | None = None
    """A database file that must not exist after a refusal (import archive makes a new one)."""
    lines: str = "one"
    """"one": one line on stderr; "problems": FILE:LINE problem lines (checklist validate)."""
    expect: int | None = None
    """The exit code a regression case must give (None: 0 or 2)."""


@dataclass(frozen=True)
class Case:
    surface: str
    name: str
    make: Callable[[Path], Run]


HOSTILE_NUMBERS: list[Any] = [
    0,
    -1,
    1,
    3,
    10**30,
    -(10**30),
    2.5,
    float("1e308"),
    True,
    None,
    "2",
    "",
    [],
    {},
    "9" * 4299,
]
HOSTILE_TEXTS: list[Any] = [
    "",
    " ",
    "x" * 70_000,
    "\x00",
    "../../etc/passwd",
    "/etc/passwd",
    "0" * 5000,
    "1." + "1" * 5000,
    "\u202e",
    12,
    None,
    [],
    {"a": 1},
    "AGENCY",
    "a b",
    "ö",
]


def _flip(data: bytes, rng: random.Random, count: int, start: int = 0) -> bytes:
    out = bytearray(data)
    for _ in range(count):
        i = rng.randrange(start, len(out))
        out[i] ^= rng.randrange(1, 256)
    return bytes(out)


def _deep(depth: int) -> str:
    return "[" * depth + "]" * depth


def _copy_db(seeds: Seeds, work: Path) -> Path:
    """A copy of the seed database that has already taken its own identity: a copied file
    gets a new site id when first opened for writing (by design), which is not a change the
    hostile input made."""
    from assessor.store.stamping import ensure_site

    target = work / "target.db"
    shutil.copyfile(seeds.database, target)
    ensure_site(target)
    return target


# --- packages ---------------------------------------------------------------------------------


def _package_parts(seeds: Seeds) -> tuple[dict[str, Any], bytes]:
    with zipfile.ZipFile(seeds.package) as zf:
        return json.loads(zf.read("manifest.json")), zf.read("state.sqlite")


def _zip(
    path: Path,
    manifest: bytes | dict[str, Any],
    state: bytes,
    extra: dict[str, bytes] | None = None,
    *,
    fix: bool = False,
) -> None:
    if isinstance(manifest, dict):
        if fix:  # self-consistent: the checksum and size follow the mutated state
            manifest = {**manifest, "size": len(state), "sha256": hashlib.sha256(state).hexdigest()}
        manifest = json.dumps(manifest).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", manifest)
        zf.writestr("state.sqlite", state)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)


def bomb(seeds: Seeds, manifest: dict[str, Any], size: int) -> Path:
    """A package whose state inflates to `size` bytes of (almost) zeros: made once, kept."""
    path = seeds.folder / f"bomb-{size >> 20}.assessor"
    if not path.exists():
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("manifest.json", json.dumps({**manifest, "size": size, "sha256": "0" * 64}))
            with zf.open("state.sqlite", "w", force_zip64=True) as out:
                block = b"SQLite format 3\x00" + bytes((1 << 20) - 16)
                for _ in range(size >> 20):
                    out.write(block)
    return path


def _import_run(seeds: Seeds, work: Path, package: Path, passphrase: bool = False) -> Run:
    target = _copy_db(seeds, work)
    argv = ["sync", "import", "--db", str(target), str(package)]
    if passphrase:
        argv += ["--passphrase-file", str(seeds.passphrase_file)]
    return Run(argv, watched=target)


STATE_SQL = [
    "UPDATE checklist SET version = '1.' || printf('%.5000c', '1')",
    "UPDATE checklist SET key = printf('%.300c', 'a')",
    "UPDATE agency SET name = 12345",
    "UPDATE agency SET name = zeroblob(100)",
    "UPDATE agency SET created_at = 'yesterday'",
    "UPDATE agency SET id = 'not-a-uuid' WHERE rowid = 1",
    "DELETE FROM sync_row WHERE rowid % 2 = 0",
    "UPDATE sync_row SET clock = '" + "[" * 45 + "]" * 45 + "'",
    "UPDATE sync_row SET clock = printf('%.100000c', '[')",
    "UPDATE sync_row SET clock = '{\"a\": 1}'",
    "UPDATE sync_site SET site_id = 'x'",
    "CREATE TRIGGER t AFTER INSERT ON agency BEGIN DELETE FROM agency; END",
    "CREATE VIEW v AS SELECT 1",
    "CREATE TABLE extra (x)",
    "DROP TABLE agency",
    "UPDATE meeting SET agency_id = '00000000-0000-4000-8000-000000000000'",
    "UPDATE answer SET level = 10000000000000000",
    "UPDATE answer SET level = 'high'",
    "UPDATE sync_conflict SET loser_value = '[1]'",
    "UPDATE checklist SET scale = '\"text\"'",
    "INSERT INTO sync_site (no, site_id) SELECT no + 1000, site_id FROM sync_site",
]


def package_cases(seeds: Seeds, rng: random.Random, count: int) -> Iterator[Case]:
    manifest, state = _package_parts(seeds)
    raw = seeds.package.read_bytes()
    kinds = [
        "flip",
        "truncate",
        "manifest",
        "state_flip",
        "state_sql",
        "bomb",
        "zip_shape",
    ]
    for n in range(count):
        kind = kinds[n % len(kinds)]
        seed = rng.randrange(1 << 30)

        def make(work: Path, kind: str = kind, seed: int = seed) -> Run:
            r = random.Random(seed)
            pkg = work / "in.assessor"
            if kind == "flip":
                pkg.write_bytes(_flip(raw, r, r.choice([1, 2, 8, 64])))
            elif kind == "truncate":
                pkg.write_bytes(raw[: r.randrange(0, len(raw))])
            elif kind == "manifest":
                field = r.choice(sorted(manifest))
                value: Any = r.choice(HOSTILE_NUMBERS + HOSTILE_TEXTS)
                choice = r.random()
                if choice < 0.15:
                    body = json.dumps({**manifest, field: "X"}).replace(
                        '"X"', _deep(r.choice([50, 5000, 60000]))
                    )
                    pkg_manifest: bytes | dict[str, Any] = body.encode()
                elif choice < 0.25:
                    pkg_manifest = json.dumps(manifest).encode()[: r.randrange(1, 400)]
                elif choice < 0.3:
                    pkg_manifest = b'{"format_version": ' + b"9" * 5000 + b"}"
                elif choice < 0.4:
                    pkg_manifest = {**manifest, "seen": {str(i): 1 for i in range(3000)}}
                else:
                    pkg_manifest = {**manifest, field: value}
                _zip(pkg, pkg_manifest, state)
            elif kind == "state_flip":
                page = 4096 * r.randrange(0, max(1, len(state) // 4096))
                mutated = _flip(state, r, r.choice([1, 4, 32]), start=page)
                _zip(pkg, manifest, mutated, fix=True)
            elif kind == "state_sql":
                copy = work / "state.sqlite"
                copy.write_bytes(state)
                con = sqlite3.connect(copy)
                try:
                    con.execute(r.choice(STATE_SQL))
                    con.commit()
                except sqlite3.Error:
                    pass
                con.close()
                _zip(pkg, manifest, copy.read_bytes(), fix=True)
            elif kind == "bomb":
                shutil.copyfile(bomb(seeds, manifest, r.choice([64 << 20, 300 << 20])), pkg)
            elif kind == "zip_shape":
                shape = r.randrange(5)
                if shape == 0:
                    _zip(pkg, manifest, state, {"../evil": b"x"})
                elif shape == 1:
                    with zipfile.ZipFile(pkg, "w") as zf:
                        zf.writestr("manifest.json", json.dumps(manifest))
                elif shape == 2:
                    with warnings.catch_warnings(), zipfile.ZipFile(pkg, "w") as zf:
                        warnings.simplefilter("ignore")
                        zf.writestr("manifest.json", json.dumps(manifest))
                        zf.writestr("state.sqlite", state)
                        zf.writestr("state.sqlite", b"")
                elif shape == 3:  # an unknown compression method in both headers
                    _zip(pkg, manifest, state)
                    data = bytearray(pkg.read_bytes())
                    for sig in (b"PK\x03\x04", b"PK\x01\x02"):
                        at = data.find(sig)
                        while at >= 0:
                            offset = at + (8 if sig == b"PK\x03\x04" else 10)
                            data[offset] = 99
                            at = data.find(sig, at + 4)
                    pkg.write_bytes(bytes(data))
                else:
                    pkg.write_bytes(b"PK\x03\x04" + os.urandom(r.randrange(20, 5000)))
            return _import_run(seeds, work, pkg)

        yield Case("package", f"{kind}-{n}", make)
