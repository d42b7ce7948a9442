"""Writing the files a user asked for: never over the database, never over a stranger's file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from assessor.domain.errors import AssessorError, BadInput
from assessor.domain.messages import os_reason


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def check_output(out: Path, *, db_path: Path, header: bytes | None, what: str) -> None:
    """Refuse an output path that would destroy something: the database, a folder, or an
    existing file that is not an earlier file of the same kind (checked by its first bytes)."""
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise BadInput(f"no such folder: {folder}", code="file.no_folder", folder=folder)
    if out.is_dir():
        raise BadInput(
            f"{out} is a folder; give a file name for the {what}",
            code="output.is_folder",
            path=out,
            what=what,
        )
    if not out.exists():
        return
    for sibling in (db_path, *(Path(f"{db_path}{s}") for s in ("-wal", "-shm", ".lock"))):
        if sibling.exists() and out.samefile(sibling):
            raise BadInput(
                f"{out} is the database itself; choose another file for the {what}",
                code="output.is_database",
                path=out,
                what=what,
            )
    if header is not None:
        with out.open("rb") as fh:
            start = fh.read(len(header))
        if start != header:
            raise BadInput(
                f"{out} already exists and is not a {what}; choose another name",
                code="output.foreign_file",
                path=out,
                what=what,
            )


def write_atomically(path: Path, data: bytes) -> None:
    """The file holds either its old content or all of ``data``, never half of it.

    A failure names the file or folder the user gave, never the hidden temporary file.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise BadInput(f"no such folder: {folder}", code="file.no_folder", folder=folder)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise BadInput(
            f"cannot write in {folder}: {exc.strerror or exc}",
            code="file.cannot_write_in",
            folder=folder,
            reason=os_reason(exc),
        ) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private; a report is an ordinary document
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise AssessorError(
            f"could not write {path}: {exc.strerror or exc}",
            code="file.could_not_write",
            path=path,
            reason=os_reason(exc),
        ) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
