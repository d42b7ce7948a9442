"""Evidence files: attach a document or photo to what it proves, list, detach, undo, read.

The content is stored once per hash (file_content, in the database: see docs/architecture.md)
and attached by an attachment row. Attaching is one transaction: the content and the row are
committed together or not at all, so a kill at any moment leaves no attachment or a whole one,
and the database never holds part of a file.
"""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.domain.errors import BadInput, NotFound, ValidationError
from assessor.domain.filenames import clean_label
from assessor.services.advisors import me
from assessor.services.answers import answer_id, set_answer
from assessor.services.rows import get_live, restore_by_id, soft_delete
from assessor.store.models import (
    ATTACHMENT_TARGETS,
    Answer,
    Attachment,
    FileContent,
    Finding,
    Meeting,
    MeetingNote,
    Meta,
    Recommendation,
    Synced,
    utcnow,
)
from assessor.store.stamping import read_site_and_clock
from assessor.sync.contents import content_id

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
MAX_BYTES_KEY = "evidence.max_bytes"
TARGET_MODELS: dict[str, type[Synced]] = {
    "meeting": Meeting,
    "meeting_note": MeetingNote,
    "answer": Answer,
    "finding": Finding,
    "recommendation": Recommendation,
}
assert tuple(TARGET_MODELS) == ATTACHMENT_TARGETS
SNIFF = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


@dataclass(frozen=True)
class AttachmentRow:
    id: str
    target_table: str
    target_id: str
    title: str
    description: str
    file_name: str
    media_type: str
    sha256: str
    size: int
    added_by: str
    added_at: datetime
    confidential: bool
    has_content: bool  # False where a package without contents brought only the row
    deleted: bool = False


def max_bytes(session: Session) -> int:
    row = session.get(Meta, MAX_BYTES_KEY)
    return int(row.value) if row is not None else DEFAULT_MAX_BYTES


def set_max_bytes(session: Session, limit: int) -> None:
    if limit < 1:
        raise ValidationError(
            "max_bytes", "the largest file must be at least one byte", code="attachment.limit_zero"
        )
    session.merge(Meta(key=MAX_BYTES_KEY, value=str(limit)))


def read_file(path: Path, limit: int) -> bytes:
    """A file's bytes, refused (not truncated) when larger than the limit."""
    path = Path(path)
    if path.is_dir():
        raise BadInput(f"{path} is a folder, not a file", code="attachment.folder", path=path)
    if not path.is_file():
        raise NotFound(f"no such file: {path}", code="syncfile.no_file", path=path)
    with path.open("rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise BadInput(
            f"{path.name} is larger than {_mb(limit)}, the largest file that can be attached",
            code="attachment.too_large",
            name=path.name,
            limit=_mb(limit),
        )
    return data


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"


def media_type_of(data: bytes, file_name: str) -> str:
    for magic, kind in SNIFF:
        if data.startswith(magic):
            return kind
    guessed = mimetypes.guess_type(file_name)[0]
    if guessed and guessed.startswith("image/"):
        return "application/octet-stream"  # it does not start like one: never decode it
    return guessed or "application/octet-stream"


def _row(a: Attachment, has_content: bool) -> AttachmentRow:
    return AttachmentRow(
        a.id,
        a.target_table,
        a.target_id,
        a.title,
        a.description,
        a.file_name,
        a.media_type,
        a.sha256,
        a.size,
        a.added_by,
        a.added_at,
        a.confidential,
        has_content,
        a.deleted_at is not None,
    )


def _content_row(session: Session, sha256: str) -> FileContent | None:
    return session.scalars(
        select(FileContent)
        .where(FileContent.sha256 == sha256, FileContent.deleted_at.is_(None))
        .order_by(FileContent.id)
    ).first()


def has_content(session: Session, sha256: str) -> bool:
    return (
        session.scalar(
            select(FileContent.id)
            .where(FileContent.sha256 == sha256, FileContent.deleted_at.is_(None))
            .limit(1)
        )
        is not None
    )


def attach(
    session: Session,
    target_table: str,
    target_id: str,
    data: bytes,
    *,
    file_name: str,
    title: str = "",
    description: str = "",
    confidential: bool = False,
) -> AttachmentRow:
    """Attach the bytes to a meeting, note, answer, finding or recommendation."""
    model = TARGET_MODELS.get(target_table)
    if model is None:
        raise ValidationError(
            "target",
            f"files can be attached to: {', '.join(TARGET_MODELS)}",
            code="attachment.bad_target",
            targets=", ".join(TARGET_MODELS),
        )
    get_live(session, model, target_id)
    limit = max_bytes(session)
    if len(data) > limit:
        raise BadInput(
            f"the file is larger than {_mb(limit)}, the largest that can be attached",
            code="attachment.data_too_large",
            limit=_mb(limit),
        )
    name = clean_label(file_name) or "file"
    sha256 = hashlib.sha256(data).hexdigest()
    if _content_row(session, sha256) is None:
        site = read_site_and_clock(session.connection())[0]
        session.add(
            FileContent(id=content_id(sha256, site), sha256=sha256, size=len(data), content=data)
        )
    who = me(session)
    row = Attachment(
        target_table=target_table,
        target_id=target_id,
        title=title.strip() or name,
        description=description,
        file_name=name,
        media_type=media_type_of(data, name),
        sha256=sha256,
        size=len(data),
        added_by=who.name if who else "",
        added_at=utcnow(),
        confidential=bool(confidential),
    )
    session.add(row)
    session.flush()
    return _row(row, True)


def attach_to_answer(
    session: Session, assessment_id: str, question_id: str, data: bytes, **fields: object
) -> AttachmentRow:
    """Attach to the answer of a question, creating the (unscored) answer if needed."""
    row_id = answer_id(assessment_id, question_id)
    existing = session.get(Answer, row_id)
    if existing is None or existing.deleted_at is not None:
        set_answer(session, assessment_id, question_id)
        session.flush()
    return attach(session, "answer", row_id, data, **fields)  # type: ignore[arg-type]


def update_attachment(
    session: Session,
    attachment_id: str,
    *,
    title: str | None = None,
    description: str | None = None,
    confidential: bool | None = None,
) -> None:
    row = get_live(session, Attachment, attachment_id)
    if title is not None:
        if not title.strip():
            raise ValidationError(
                "title", "the title cannot be empty", code="attachment.empty_title"
            )
        row.title = title.strip()
    if description is not None:
        row.description = description
    if confidential is not None:
        row.confidential = confidential


def detach(session: Session, attachment_id: str) -> None:
    """Take the file off what it was attached to (undone by `reattach`); the content stays."""
    soft_delete(get_live(session, Attachment, attachment_id))


def reattach(session: Session, attachment_id: str) -> None:
    restore_by_id(session, Attachment, attachment_id)


def get_attachment(session: Session, attachment_id: str) -> AttachmentRow:
    row = session.get(Attachment, attachment_id)
    if row is None:
        raise NotFound(
            f"no attachment with id {attachment_id}", code="attachment.not_found", id=attachment_id
        )
    return _row(row, has_content(session, row.sha256))


def list_attachments(
    session: Session,
    *,
    target_table: str | None = None,
    target_ids: list[str] | None = None,
    include_deleted: bool = False,
    include_confidential: bool = True,
) -> list[AttachmentRow]:
    query = select(Attachment)
    if target_table is not None:
        query = query.where(Attachment.target_table == target_table)
    if target_ids is not None:
        query = query.where(Attachment.target_id.in_(target_ids))
    if not include_deleted:
        query = query.where(Attachment.deleted_at.is_(None))
    if not include_confidential:
        query = query.where(Attachment.confidential.is_(False))
    rows = list(session.scalars(query.order_by(Attachment.added_at, Attachment.id)))
    present = set(
        session.scalars(
            select(FileContent.sha256).where(
                FileContent.sha256.in_({r.sha256 for r in rows}), FileContent.deleted_at.is_(None)
            )
        )
    )
    return [_row(r, r.sha256 in present) for r in rows]


def for_assessment(
    session: Session, assessment_id: str, *, include_confidential: bool = True
) -> dict[str, list[AttachmentRow]]:
    """The evidence files on each answer of an assessment, by question id."""
    answers = {
        str(a): str(q)
        for a, q in session.execute(
            select(Answer.id, Answer.question_id).where(Answer.assessment_id == assessment_id)
        )
    }
    out: dict[str, list[AttachmentRow]] = {}
    for row in list_attachments(
        session,
        target_table="answer",
        target_ids=list(answers),
        include_confidential=include_confidential,
    ):
        out.setdefault(answers[row.target_id], []).append(row)
    return out


def read_content(session: Session, sha256: str) -> bytes | None:
    row = _content_row(session, sha256)
    return None if row is None else row.content
