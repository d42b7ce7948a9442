"""Seeded mutations of checklists, database files and handover archives (see cases.py)."""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tests.fuzz.cases import HOSTILE_NUMBERS, HOSTILE_TEXTS, Case, Run, _copy_db, _deep, _flip
from tests.fuzz.seeds import Seeds

# --- checklists -------------------------------------------------------------------------------

YAML_VALUES = [
    '"1.' + "1" * 5000 + '"',
    "9" * 10_000,
    "1e400",
    ".nan",
    "-.inf",
    "0",
    "-1",
    '"x"',
    "[]",
    "{}",
    "null",
    "*alias",
    "&a [1]",
    '"' + "a" * 300 + '"',
    '"' + "x" * 300_000 + '"',
    "!!python/object:os.system ls",
    "!!binary AAAA",
    "2001-01-01",
    "0x1F",
    "1_000",
]


def _checklist_text(seeds: Seeds, r: random.Random) -> bytes:
    source = seeds.ciso if r.random() < 0.15 else seeds.checklist
    text = source.read_text(encoding="utf-8")
    lines = text.split("\n")
    kind = r.randrange(9)
    if kind == 0:
        return _flip(text.encode(), r, r.choice([1, 3, 20]))
    if kind == 1:
        return text.encode()[: r.randrange(0, len(text))]
    if kind == 2:  # a control character on a random line
        i = r.randrange(len(lines))
        lines[i] += r.choice(["\x00", "\x01", "\x1b", "\ufffe", "\x7f"])
        return "\n".join(lines).encode()
    if kind == 3:  # a hostile value for a random key: version, id, weight, level ...
        keyed = [i for i, line in enumerate(lines) if re.match(r"\s*-?\s*[a-z_]+: \S", line)]
        i = r.choice(keyed)
        key = lines[i].split(":", 1)[0]
        lines[i] = f"{key}: {r.choice(YAML_VALUES)}"
        return "\n".join(lines).encode()
    if kind == 4:  # deep nesting
        depth = r.choice([70, 1000, 50_000])
        return (text + "\nextra: " + "[" * depth + "]" * depth + "\n").encode()
    if kind == 5:  # an alias bomb
        bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
            f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
            for i in range(9)
        )
        return bomb.encode()
    if kind == 6:  # wrong types: a mapping's value replaced by a scalar or a list
        i = r.randrange(len(lines))
        if ":" in lines[i]:
            lines[i] = lines[i].split(":", 1)[0] + r.choice([": 5", ": [1, 2]", ": {x: 1}"])
        return "\n".join(lines).encode()
    if kind == 7:  # another encoding, or binary junk
        return r.choice(
            [
                text.encode("utf-16"),
                os.urandom(r.randrange(1, 4000)),
                b"\xef\xbb\xbf" + text.encode(),
                text.encode("latin-1", "replace"),
            ]
        )
    # lines duplicated or shuffled: duplicate keys and ids
    i = r.randrange(len(lines))
    lines[i:i] = lines[i : i + r.randrange(1, 40)]
    return "\n".join(lines).encode()


def checklist_cases(seeds: Seeds, rng: random.Random, count: int) -> Iterator[Case]:
    for n in range(count):
        seed = rng.randrange(1 << 30)
        command = "validate" if n % 2 == 0 else "import"

        def make(work: Path, seed: int = seed, command: str = command) -> Run:
            r = random.Random(seed)
            path = work / "checklist.yaml"
            path.write_bytes(_checklist_text(seeds, r))
            if command == "validate":
                return Run(["checklist", "validate", str(path)], lines="problems")
            target = _copy_db(seeds, work)
            return Run(
                ["checklist", "import", str(path), "--db", str(target)],
                watched=target,
                lines="problems",
            )

        yield Case("checklist", f"{command}-{n}", make)


# --- database files ---------------------------------------------------------------------------

MARKERS: list[Any] = ["0001", "0002", "0003", "9999", "", "x" * 5000, None, 5, "0004x"]
READERS = [
    ["list", "agencies"],
    ["db", "check"],
    ["db", "digest"],
    ["checklist", "list"],
    ["list", "assessments"],
]


def _database(seeds: Seeds, work: Path, r: random.Random) -> Path:
    path = work / "in.db"
    data = seeds.database.read_bytes()
    kind = r.randrange(12)
    if kind == 0:
        page = 4096 * r.randrange(1, len(data) // 4096)
        path.write_bytes(_flip(data, r, r.choice([1, 8, 200]), start=page))
    elif kind == 1:
        path.write_bytes(_flip(data[:100], r, r.choice([1, 3])) + data[100:])
    elif kind == 2:
        cut = r.choice([0, 1, 16, 100, 4096, r.randrange(len(data))])
        path.write_bytes(data[:cut])
    elif kind in (3, 4):  # the version marker says something else
        path.write_bytes(data)
        con = sqlite3.connect(path)
        choice = r.randrange(len(MARKERS) + 3)
        if choice < len(MARKERS) and MARKERS[choice] is None:  # the column is NOT NULL
            con.executescript(
                "CREATE TABLE v2 (version_num); INSERT INTO v2 VALUES (NULL); "
                "DROP TABLE alembic_version; "
                "ALTER TABLE v2 RENAME TO alembic_version;"
            )
        elif choice < len(MARKERS):
            con.execute("UPDATE alembic_version SET version_num = ?", (MARKERS[choice],))
        elif choice == len(MARKERS):
            con.execute("DELETE FROM alembic_version")
        elif choice == len(MARKERS) + 1:
            con.execute("DROP TABLE alembic_version")
        else:
            con.execute("INSERT INTO alembic_version VALUES ('0003')")
        con.commit()
        con.close()
    elif kind == 5:
        path.write_bytes(os.urandom(r.choice([10, 100, 5000, 200_000])))
    elif kind == 6:  # another program's SQLite file, empty or not
        con = sqlite3.connect(path)
        if r.random() < 0.5:
            con.execute("CREATE TABLE notes (x)")
        else:
            con.execute("PRAGMA user_version = 1")
        con.commit()
        con.close()
        if not path.exists():
            path.write_bytes(b"")
    elif kind == 7:  # our schema edited: a table gone, a trigger, a poisoned checklist
        path.write_bytes(data)
        con = sqlite3.connect(path)
        con.execute(
            r.choice(
                [
                    "DROP TABLE agency",
                    "CREATE TRIGGER t AFTER UPDATE ON agency BEGIN SELECT 1; END",
                    "UPDATE checklist SET version = '1.' || printf('%.5000c', '1')",
                    "UPDATE agency SET name = zeroblob(10)",
                    "UPDATE agency SET created_at = 'x'",
                    "ALTER TABLE agency RENAME COLUMN name TO nom",
                    "UPDATE local_meta SET value = 'x'",
                    "DELETE FROM local_meta",
                ]
            )
        )
        con.commit()
        con.close()
    elif kind == 8:
        os.mkfifo(path)
    elif kind == 9:
        path.mkdir()
    elif kind == 10:
        path.write_bytes(data)
        path.chmod(0o444)
    else:  # pages of zeros in the middle
        page = 4096 * r.randrange(1, len(data) // 4096)
        path.write_bytes(data[:page] + bytes(4096 * r.randrange(1, 8)) + data[page + 4096 :])
    return path


def database_cases(seeds: Seeds, rng: random.Random, count: int) -> Iterator[Case]:
    for n in range(count):
        seed = rng.randrange(1 << 30)
        command = READERS[n % len(READERS)]

        def make(work: Path, seed: int = seed, command: list[str] = command) -> Run:
            path = _database(seeds, work, random.Random(seed))
            return Run([*command, "--db", str(path)], watched=path, read_only=True)

        yield Case("database", f"{'-'.join(command)}-{n}", make)


# --- handover archives ------------------------------------------------------------------------


def _resum(folder: Path, rel: str) -> None:
    manifest_path = folder / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["files"][rel] = hashlib.sha256((folder / rel).read_bytes()).hexdigest()
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")


def _edit_rows(folder: Path, rel: str, r: random.Random) -> None:
    path = folder / rel
    doc = json.loads(path.read_text(encoding="utf-8"))
    rows = doc.get("rows") or []
    shape = r.randrange(7)
    if not rows or shape == 0:
        doc["rows"] = r.choice([{"a": 1}, "rows", 5, [[1]], [None]])
    elif shape == 1:
        rows.append(dict(rows[0]))  # a duplicate id
    elif shape == 2:
        row = r.choice(rows)
        refs = [k for k in row if k.endswith("_id")] or ["id"]
        row[r.choice(refs)] = "00000000-0000-4000-8000-000000000000"
    elif shape == 3:
        row = r.choice(rows)
        row[r.choice(sorted(row))] = r.choice(HOSTILE_NUMBERS + HOSTILE_TEXTS)
    elif shape == 4:
        r.choice(rows)["unknown_field"] = 1
    elif shape == 5:
        row = r.choice(rows)
        row[r.choice(sorted(row))] = json.loads(_deep(r.choice([5, 200])))
    else:
        path.write_text('{"rows": [' + "1" * 5000 + "]}", encoding="utf-8")
        return
    path.write_text(json.dumps(doc), encoding="utf-8")


def _archive(seeds: Seeds, work: Path, r: random.Random) -> Path:
    folder = work / "archive"
    shutil.copytree(seeds.archive, folder)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    files = sorted(manifest["files"])
    json_files = [f for f in files if f.startswith("json/")]
    kind = r.randrange(9)
    if kind == 0:  # a file changed, the checksum not
        rel = r.choice(files)
        (folder / rel).write_bytes(_flip((folder / rel).read_bytes() or b"x", r, 3))
    elif kind in (1, 2, 3):  # self-consistent: the checksum updated to the forged content
        rel = r.choice(json_files)
        if kind == 1:
            data = (folder / rel).read_bytes()
            (folder / rel).write_bytes(
                r.choice([data[: r.randrange(len(data))], _flip(data, r, 5), b"\xff\xfe" + data])
            )
        else:
            _edit_rows(folder, rel, r)
        _resum(folder, rel)
    elif kind == 4:  # the manifest names a path outside, or no path
        key = r.choice(["/etc/hostname", "../outside.txt", "json/../../x", "C:\\x", "", "a" * 500])
        manifest["files"][key] = "0" * 64
        (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    elif kind == 5:  # a file left out of the list, or one added without a checksum
        if r.random() < 0.5:
            del manifest["files"][r.choice(files)]
            (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        else:
            (folder / "json" / "extra.json").write_text("{}", encoding="utf-8")
    elif kind == 6:  # the manifest itself
        field = r.choice(["format", "schema_revision", "files", "counts"])
        manifest[field] = r.choice(HOSTILE_NUMBERS + HOSTILE_TEXTS)
        text = json.dumps(manifest)
        if r.random() < 0.2:
            text = text[: r.randrange(len(text))]
        (folder / "manifest.json").write_text(text, encoding="utf-8")
    elif kind == 7:  # a link or a pipe inside
        target = folder / "evidence" / "link"
        target.parent.mkdir(exist_ok=True)
        if r.random() < 0.5:
            target.symlink_to("/etc/hostname")
        else:
            os.mkfifo(target)
    else:  # a poisoned checklist row
        rel = "json/checklist.json"
        doc = json.loads((folder / rel).read_text(encoding="utf-8"))
        doc["rows"][0][r.choice(["version", "key"])] = r.choice(
            ["1." + "1" * 5000, "x" * 300, "1.01", "A B", ""]
        )
        (folder / rel).write_text(json.dumps(doc), encoding="utf-8")
        _resum(folder, rel)
    return folder


def archive_cases(seeds: Seeds, rng: random.Random, count: int) -> Iterator[Case]:
    for n in range(count):
        seed = rng.randrange(1 << 30)

        def make(work: Path, seed: int = seed) -> Run:
            folder = _archive(seeds, work, random.Random(seed))
            target = work / "rebuilt.db"
            return Run(["import", "archive", str(folder), "--db", str(target)], absent=target)

        yield Case("archive", f"archive-{n}", make)
