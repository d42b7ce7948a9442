"""Packages that older versions encrypted at pyrage's costlier work factor (2^19, 2^20) keep
importing, but only once the user agrees to the memory; above 2^20, never. One place decides
(sync/age.check_work_factor) for every way a package is opened: import, the shared folder,
reading a manifest, the command line and the window (tests/ui/test_sync_page.py)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from tests.older_packages import PASSPHRASE, OlderPackage, with_factor
from tests.sync.conftest import file_hash

from assessor.cli.main import main
from assessor.services import folder as folder_service
from assessor.services.setup import init_database
from assessor.store.db import Database
from assessor.sync.errors import PackageRefused
from assessor.sync.package_read import read_manifest


@pytest.fixture(scope="module")
def empty_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("older-encryption") / "empty.db"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ASSESSOR_DATA_DIR", str(path.parent / "data"))
        init_database(path).close()
    return path


@pytest.fixture
def receiver(empty_database: Path, tmp_path: Path) -> Path:
    path = tmp_path / "receiver.db"
    shutil.copyfile(empty_database, path)
    Database(path).close()  # settle its identity, so that only an import could change it
    return path


def agencies_in(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT name FROM agency ORDER BY name")]
    finally:
        con.close()


def forged(older: OlderPackage, tmp_path: Path, factor: bytes) -> Path:
    path = tmp_path / f"forged-{factor.decode(errors='replace')[:8]}.assessor"
    path.write_bytes(with_factor(older.sealed.read_bytes(), factor))
    return path


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def sync_cli(
    capsys: pytest.CaptureFixture[str],
    action: str,
    receiver: Path,
    source: Path,
    older: OlderPackage,
    *more: str,
) -> tuple[int, str, str]:
    """``assessor sync ACTION --db RECEIVER SOURCE`` with the older package's passphrase."""
    return cli(
        capsys,
        "sync",
        action,
        "--db",
        str(receiver),
        str(source),
        "--passphrase-file",
        str(older.passphrase_file),
        *more,
    )


def test_an_older_package_asks_for_consent_on_the_command_line(
    older_package: OlderPackage, receiver: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = file_hash(receiver)
    args = ["sync", "import", "--db", str(receiver), str(older_package.sealed)]
    args += ["--passphrase-file", str(older_package.passphrase_file)]
    code, _, err = cli(capsys, *args)
    assert code == 2 and err.count("\n") == 1, err
    assert "older version" in err and "512 MiB" in err and "--allow-older-encryption" in err
    assert file_hash(receiver) == before
    code, _, err = cli(capsys, "--lang", "sv", *args)
    assert code == 2 and "äldre version" in err and "512 MiB" in err
    assert file_hash(receiver) == before
    code, _, err = cli(capsys, *args, "--allow-older-encryption")
    assert code == 0, err
    assert agencies_in(receiver) == ["Bolagsverket"]


@pytest.mark.parametrize(("factor", "memory"), [(b"19", "512 MiB"), (b"20", "1 GiB")])
def test_an_older_factor_without_consent_is_refused_before_any_key(
    older_package: OlderPackage, receiver: Path, tmp_path: Path, factor: bytes, memory: str
) -> None:
    package = forged(older_package, tmp_path, factor)
    before = file_hash(receiver)
    with Database(receiver) as db, pytest.raises(PackageRefused) as info:
        from assessor.services import sync as sync_service

        sync_service.import_package(db, package, PASSPHRASE)
    assert info.value.code == "syncfile.older_work_factor"
    assert info.value.params == {"factor": int(factor), "memory": memory}
    with pytest.raises(PackageRefused) as info:
        read_manifest(package, PASSPHRASE)
    assert info.value.code == "syncfile.older_work_factor"
    assert file_hash(receiver) == before


@pytest.mark.parametrize("factor", [b"21", b"22", b"30", b"99", b"x", b"", b"-1", b"9" * 40])
def test_above_the_older_factor_or_malformed_is_refused_even_with_consent(
    older_package: OlderPackage,
    receiver: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    factor: bytes,
) -> None:
    package = forged(older_package, tmp_path, factor)
    before = file_hash(receiver)
    code, _, err = sync_cli(
        capsys, "import", receiver, package, older_package, "--allow-older-encryption"
    )
    assert code == 2 and err.count("\n") == 1, err
    assert "more than the 2^20 this program allows" in err
    assert file_hash(receiver) == before


def test_the_shared_folder_skips_an_older_package_until_allowed(
    older_package: OlderPackage, receiver: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    name = folder_service.file_name(older_package.site, 5)
    shutil.copyfile(older_package.sealed, shared / name)
    with Database(receiver) as db:
        result = folder_service.sync_folder(db, shared, PASSPHRASE)
    assert result.imported == []
    (skipped,) = result.skipped
    assert skipped["file"] == name and skipped["code"] == "syncfile.older_work_factor"
    assert skipped["factor"] == "19" and "512 MiB" in skipped["reason"]
    assert agencies_in(receiver) == []
    code, out, err = sync_cli(
        capsys, "folder", receiver, shared, older_package, "--allow-older-encryption"
    )
    assert code == 0, err
    assert f"merged {name}" in out and "skipped" not in out
    assert agencies_in(receiver) == ["Bolagsverket"]


def test_our_own_export_opens_unasked(
    older_package: OlderPackage, receiver: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = sync_cli(capsys, "import", receiver, older_package.ours, older_package)
    assert code == 0, err
    assert agencies_in(receiver) == ["Bolagsverket"]


def test_the_option_is_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    for action in ("import", "folder"):
        with pytest.raises(SystemExit):
            main(["sync", action, "--help"])
        text = " ".join(capsys.readouterr().out.split())
        assert "--allow-older-encryption" in text and "older version of Assessor" in text
        assert "1 GiB" in text and "2^18" in text
