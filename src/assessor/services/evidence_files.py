"""Writing evidence files out: a copy the user saves, or every file of a selection into a
folder (the command line's export, the handover archive).

A stored file name is never a path: it is reduced to one safe component
(domain/filenames.py) and the file is written only inside the folder the user chose.
Confidential attachments are left out unless asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from assessor.domain.errors import BadInput
from assessor.domain.filenames import safe_file_name
from assessor.services.attachments import AttachmentRow, get_attachment, read_content
from assessor.services.files import write_atomically


@dataclass(frozen=True)
class WrittenFile:
    attachment_id: str
    name: str  # relative to the folder
    sha256: str
    size: int


def save_copy(session: Session, attachment_id: str, out: Path) -> None:
    """Write one attachment's content to a file the user chose."""
    row = get_attachment(session, attachment_id)
    data = read_content(session, row.sha256)
    if data is None:
        raise BadInput(
            f"the content of {row.file_name} is not on this laptop (it came in a "
            "package without contents); import a package with contents",
            code="attachment.no_content",
            name=row.file_name,
        )
    write_atomically(Path(out), data)


def _unique(name: str, taken: set[str]) -> str:
    candidate, n = name, 1
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    while candidate.lower() in taken:
        n += 1
        candidate = f"{stem} ({n}).{ext}" if ext else f"{stem} ({n})"
    taken.add(candidate.lower())
    return candidate


def write_files(
    session: Session, rows: list[AttachmentRow], folder: Path, *, include_confidential: bool = False
) -> tuple[list[WrittenFile], list[str]]:
    """Write each attachment's content into `folder` (created if missing) under a safe name.

    Returns the files written and the ids of those whose content is not on this laptop.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise BadInput(
            f"{folder} is a file; give a folder for the evidence files",
            code="attachment.folder_is_file",
            folder=folder,
        )
    if not folder.parent.is_dir():
        raise BadInput(
            f"no such folder: {folder.parent}", code="file.no_folder", folder=folder.parent
        )
    folder.mkdir(exist_ok=True)
    taken = {p.name.lower() for p in folder.iterdir()}
    written: list[WrittenFile] = []
    missing: list[str] = []
    for row in rows:
        if row.confidential and not include_confidential:
            continue
        data = read_content(session, row.sha256)
        if data is None:
            missing.append(row.id)
            continue
        name = _unique(safe_file_name(row.file_name, fallback=row.sha256[:12]), taken)
        target = folder / name
        # the name is one component made here; refuse anything that would still leave
        if target.resolve().parent != folder.resolve():
            raise BadInput(
                f"refused an unsafe file name: {row.file_name!r}",
                code="attachment.unsafe_name",
                name=repr(row.file_name),
            )
        write_atomically(target, data)
        written.append(WrittenFile(row.id, name, row.sha256, len(data)))
    return written, missing
