"""Every input that ever broke the program, kept as an explicit case with the exit code it must
give (issue 21's list, then what the fuzz suite found). They run in every profile."""

from __future__ import annotations

import hashlib
import json
import lzma
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from tests.fuzz.cases import Case, Run, _copy_db, _package_parts, _zip, bomb
from tests.fuzz.cases_files import _resum
from tests.fuzz.seeds import Seeds

INPUTS = Path(__file__).resolve().parent / "inputs"


def _checklist(seeds: Seeds, old: str, new: str) -> Callable[[Path], Path]:
    def write(work: Path) -> Path:
        path = work / "checklist.yaml"
        text = seeds.checklist.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return path

    return write


def _db(seeds: Seeds, sql: str | None = None, data: bytes | None = None) -> Callable[[Path], Path]:
    def write(work: Path) -> Path:
        path = work / "in.db"
        if data is not None:
            path.write_bytes(data)
            return path
        shutil.copyfile(seeds.database, path)
        if sql:
            con = sqlite3.connect(path)
            con.executescript(sql)
            con.close()
        return path

    return write


def regression_cases(seeds: Seeds) -> Iterator[Case]:
    poison = _checklist(seeds, 'version: "1.0"', 'version: "1.' + "1" * 5000 + '"')
    weight = _checklist(seeds, "weight: 1.0", "weight: " + "9" * 10_000)

    def case(name: str, make: Callable[[Path], Run], surface: str = "regression") -> Case:
        return Case(surface, name, make)

    # a poisoned checklist: refused on validate and import, and a database that already holds
    # one still lists its checklists
    yield case(
        "checklist-version-5000-digits-validate",
        lambda w: Run(["checklist", "validate", str(poison(w))], lines="problems", expect=2),
    )
    yield case(
        "checklist-version-5000-digits-import",
        lambda w: Run(
            ["checklist", "import", str(poison(w)), "--db", str(t := _copy_db(seeds, w))],
            watched=t,
            lines="problems",
            expect=2,
        ),
    )
    yield case(
        "checklist-weight-10000-digits-validate",
        lambda w: Run(["checklist", "validate", str(weight(w))], lines="problems", expect=2),
    )
    yield case(
        "checklist-weight-10000-digits-import",
        lambda w: Run(
            ["checklist", "import", str(weight(w)), "--db", str(t := _copy_db(seeds, w))],
            watched=t,
            lines="problems",
            expect=2,
        ),
    )
    spread = "UPDATE checklist SET version = '1.' || printf('%.5000c', '1');"
    yield case(
        "poisoned-database-checklist-list",
        lambda w: Run(
            ["checklist", "list", "--db", str(p := _db(seeds, spread)(w))],
            watched=p,
            read_only=True,
            expect=0,
        ),
    )

    # sync packages
    manifest, state = _package_parts(seeds)

    def package(build: Callable[[Path], None], passphrase: bool = False) -> Callable[[Path], Run]:
        def make(work: Path) -> Run:
            pkg = work / "in.assessor"
            build(pkg)
            target = _copy_db(seeds, work)
            argv = ["sync", "import", "--db", str(target), str(pkg)]
            if passphrase:
                argv += ["--passphrase-file", str(seeds.passphrase_file)]
            return Run(argv, watched=target, expect=2)

        return make

    def flipped_deflate(pkg: Path, at: int) -> None:
        data = bytearray(seeds.package.read_bytes())
        start = data.find(b"state.sqlite") + 40
        data[start + at] ^= 0xFF
        pkg.write_bytes(bytes(data))

    for at in (100, 5000, 40_000, 90_000):
        yield case(f"package-deflate-flip-{at}", package(lambda p, a=at: flipped_deflate(p, a)))
    deep = json.dumps({**manifest, "extra": "X"}).replace('"X"', "[" * 30_000 + "]" * 30_000)
    yield case("package-manifest-depth-30000", package(lambda p: _zip(p, deep.encode(), state)))
    yield case(
        "package-manifest-5000-digit-number",
        package(
            lambda p: _zip(
                p, b'{"format": "assessor-sync", "format_version": ' + b"9" * 5000 + b"}", state
            )
        ),
    )
    for version in (0, -1, 1, 3, 10**30):
        yield case(
            f"package-format-version-{str(version)[:6]}",
            package(lambda p, v=version: _zip(p, {**manifest, "format_version": v}, state)),
        )

    def state_not_utf8(pkg: Path) -> None:
        copy = pkg.with_name("state.sqlite")
        copy.write_bytes(state)
        con = sqlite3.connect(copy)
        con.execute("UPDATE agency SET name = CAST(X'C3FF' AS TEXT)")
        con.execute("UPDATE sync_row SET clock = CAST(X'5B5BFF' AS TEXT)")
        con.commit()
        con.close()
        _zip(pkg, manifest, copy.read_bytes(), fix=True)

    yield case("package-state-text-not-utf8", package(state_not_utf8))
    yield case(
        "package-inflates-to-1-gib",
        package(lambda p: shutil.copyfile(bomb(seeds, manifest, 1 << 30), p)),
    )

    def work_factor(pkg: Path) -> None:
        sealed = seeds.encrypted.read_bytes()
        head, _, rest = sealed.partition(b"\n-> scrypt ")
        salt, _, after = rest.partition(b" ")
        _, _, body = after.partition(b"\n")
        pkg.write_bytes(head + b"\n-> scrypt " + salt + b" 22\n" + body)

    yield case("package-age-work-factor-22", package(work_factor, passphrase=True))

    # database files: every read-only command refuses them in one line and leaves them as
    # they were
    bases: dict[str, Callable[[Path], Path]] = {
        "zero-bytes": _db(seeds, data=b""),
        "random-bytes": _db(seeds, data=os.urandom(50_000)),
        "older-marker": _db(seeds, "UPDATE alembic_version SET version_num = '0002';"),
        "empty-version-table": _db(seeds, "DELETE FROM alembic_version;"),
        "newer-marker": _db(seeds, "UPDATE alembic_version SET version_num = '9999';"),
        "long-marker": _db(
            seeds, "UPDATE alembic_version SET version_num = printf('%.5000c', '1');"
        ),
        "corrupt-pages": _corrupt(seeds),
        "named-pipe": _fifo,
        "other-program-empty": _other(seeds, ""),
        "other-program-tables": _other(seeds, "CREATE TABLE notes (x);"),
        # found by the deep profile: text that is not UTF-8, a column renamed by hand
        "text-not-utf8": _db(
            seeds,
            "UPDATE agency SET name = CAST(X'C3FF' AS TEXT); "
            "UPDATE checklist_question SET text = CAST(X'7BFF' AS TEXT);",
        ),
        "column-renamed": _db(seeds, "ALTER TABLE agency RENAME COLUMN name TO nom;"),
        # found by the deep profile (db-digest-257): a flipped byte inside a JSON value of a
        # sound file; only what reads the value (the digest) can tell
        "json-damaged": _db(seeds, """UPDATE checklist SET title = '{"sv": "a" "en": "b"}';"""),
    }
    # files the fuzz suite made that broke the program, kept as they were (tests/fuzz/inputs)
    for found in sorted(INPUTS.glob("*.db.xz")):
        bases[found.name.removesuffix(".db.xz")] = _db(
            seeds, data=lzma.decompress(found.read_bytes())
        )
    for label, build in bases.items():
        for command in (["list", "agencies"], ["db", "check"], ["db", "digest"]):
            # SQLite's integrity check has nothing against text that is not UTF-8
            expect = None if (label, command[-1]) == ("text-not-utf8", "check") else 2
            if label == "json-damaged" and command[-1] != "digest":
                expect = None
            yield case(
                f"database-{label}-{'-'.join(command)}",
                lambda w, b=build, c=command, e=expect: Run(
                    [*c, "--db", str(p := b(w))], watched=p, read_only=True, expect=e
                ),
            )
    yield case(
        "database-dev-null", lambda w: Run(["list", "agencies", "--db", os.devnull], expect=2)
    )

    def read_only(work: Path) -> Path:
        path = _db(seeds)(work)
        path.chmod(0o444)
        return path

    yield case(
        "database-read-only-file",
        lambda w: Run(
            ["list", "agencies", "--db", str(p := read_only(w))],
            watched=p,
            read_only=True,
            expect=0,
        ),
    )

    # handover archives, self-consistent (the checksum follows the forgery)
    def archive(edit: Callable[[Path], None]) -> Callable[[Path], Run]:
        def make(work: Path) -> Run:
            folder = work / "archive"
            shutil.copytree(seeds.archive, folder)
            edit(folder)
            target = work / "rebuilt.db"
            return Run(
                ["import", "archive", str(folder), "--db", str(target)], absent=target, expect=2
            )

        return make

    def rows(
        table: str, change: Callable[[list[dict[str, object]]], object]
    ) -> Callable[[Path], None]:
        def edit(folder: Path) -> None:
            path = folder / "json" / f"{table}.json"
            doc = json.loads(path.read_text(encoding="utf-8"))
            result = change(doc["rows"])
            if result is not None:
                doc["rows"] = result
            path.write_text(json.dumps(doc), encoding="utf-8")
            _resum(folder, f"json/{table}.json")

        return edit

    def raw(table: str, change: Callable[[bytes], bytes]) -> Callable[[Path], None]:
        def edit(folder: Path) -> None:
            path = folder / "json" / f"{table}.json"
            path.write_bytes(change(path.read_bytes()))
            _resum(folder, f"json/{table}.json")

        return edit

    def outside(folder: Path) -> None:
        manifest_path = folder / "manifest.json"
        data = json.loads(manifest_path.read_text(encoding="utf-8"))
        data["files"]["/etc/hostname"] = hashlib.sha256(b"").hexdigest()
        manifest_path.write_text(json.dumps(data), encoding="utf-8")

    def unlisted(folder: Path) -> None:
        manifest_path = folder / "manifest.json"
        data = json.loads(manifest_path.read_text(encoding="utf-8"))
        del data["files"]["json/agency.json"]
        manifest_path.write_text(json.dumps(data), encoding="utf-8")
        rows("agency", lambda r: r[0].update(name="Changed freely"))(folder)
        manifest_path.write_text(json.dumps(data), encoding="utf-8")

    yield case("archive-truncated-json", archive(raw("agency", lambda b: b[: len(b) // 2])))
    yield case("archive-invalid-utf8", archive(raw("agency", lambda b: b"\xff\xfe" + b)))
    yield case(
        "archive-5000-digit-number",
        archive(raw("agency", lambda b: b'{"rows": [' + b"1" * 5000 + b"]}")),
    )
    yield case("archive-duplicate-ids", archive(rows("agency", lambda r: [*r, dict(r[0])])))
    yield case(
        "archive-dangling-reference",
        archive(
            rows("meeting", lambda r: r[0].update(agency_id="00000000-0000-4000-8000-000000000000"))
        ),
    )
    yield case("archive-list-where-object", archive(rows("agency", lambda r: [[1, 2]])))
    yield case("archive-rows-an-object", archive(rows("agency", lambda r: {"a": 1})))
    yield case(
        "archive-agency-name-a-number", archive(rows("agency", lambda r: r[0].update(name=12345)))
    )
    yield case(
        "archive-poisoned-checklist-version",
        archive(rows("checklist", lambda r: r[0].update(version="1." + "1" * 5000))),
    )
    yield case("archive-absolute-checksum-path", archive(outside))
    yield case("archive-file-left-out-of-checksums", archive(unlisted))


def _corrupt(seeds: Seeds) -> Callable[[Path], Path]:
    def write(work: Path) -> Path:
        data = bytearray(seeds.database.read_bytes())
        for page in range(3, len(data) // 4096, 3):
            data[page * 4096 + 8 : page * 4096 + 40] = b"\xff" * 32
        path = work / "in.db"
        path.write_bytes(bytes(data))
        return path

    return write


def _fifo(work: Path) -> Path:
    path = work / "in.db"
    os.mkfifo(path)
    return path


def _other(seeds: Seeds, sql: str) -> Callable[[Path], Path]:
    def write(work: Path) -> Path:
        path = work / "in.db"
        con = sqlite3.connect(path)
        con.executescript(sql or "PRAGMA user_version = 3;")
        con.close()
        return path

    return write
