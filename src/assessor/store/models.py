"""The synced tables, as SQLAlchemy 2 typed models.

Rules every synced table follows (sync depends on them):
- a UUID text primary key, never an autoincrement id; rows whose identity is their content
  (an answer is one per assessment and question) get a deterministic uuid5 id: two laptops
  creating "the same" row create one row;
- no UNIQUE constraint on business fields;
- created_at / updated_at stamps and a deleted_at tombstone (soft delete keeps the row's data).

Columns may carry ``info={"group": NAME}``: columns sharing a group change together and merge
together (a level and its N/A flag). A column without one is its own group. A column added
later goes after the mixin's (``sort_order``), so its clock bit is new (docs/sync.md).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from assessor.domain.vocabulary import codes
from assessor.store.base import NAMESPACE as NAMESPACE
from assessor.store.base import Base as Base
from assessor.store.base import Synced as Synced
from assessor.store.base import derived_id as derived_id
from assessor.store.base import fk as _fk
from assessor.store.base import new_id as new_id
from assessor.store.base import table_of as table_of
from assessor.store.base import utcnow as utcnow
from assessor.store.bookkeeping import ImportedPackage as ImportedPackage
from assessor.store.bookkeeping import Meta as Meta
from assessor.store.bookkeeping import SyncConflict as SyncConflict
from assessor.store.bookkeeping import SyncRow as SyncRow
from assessor.store.bookkeeping import SyncSite as SyncSite

# --- people and agencies -------------------------------------------------------------------


class Advisor(Synced):
    __tablename__ = "advisor"
    name: Mapped[str] = mapped_column(Text)
    email: Mapped[str] = mapped_column(Text, default="")
    initials: Mapped[str] = mapped_column(Text, default="")


class SiteAdvisor(Synced):
    """Which advisor uses a site (id: the site id); synced, so all can name who wrote what."""

    __tablename__ = "site_advisor"
    advisor_id: Mapped[str] = _fk("advisor")


class Agency(Synced):
    __tablename__ = "agency"
    name: Mapped[str] = mapped_column(Text)
    org_number: Mapped[str] = mapped_column(Text, default="", index=True)
    ministry: Mapped[str] = mapped_column(Text, default="")
    website: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Contact(Synced):
    __tablename__ = "contact"
    agency_id: Mapped[str] = _fk("agency")
    name: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(Text, default="")


# --- meetings ------------------------------------------------------------------------------

MEETING_KINDS = codes("meeting_kind")


class Meeting(Synced):
    __tablename__ = "meeting"
    agency_id: Mapped[str] = _fk("agency")
    assessment_id: Mapped[str | None] = _fk("assessment", nullable=True)
    title: Mapped[str] = mapped_column(Text, default="")
    starts_at: Mapped[datetime] = mapped_column(DateTime, info={"group": "time"})
    ends_at: Mapped[datetime | None] = mapped_column(DateTime, info={"group": "time"})
    place: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(16), default="visit")
    agenda: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    decisions: Mapped[str] = mapped_column(Text, default="")
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)


class MeetingAdvisor(Synced):
    """An advisor at a meeting; id = derived_id("meeting_advisor", meeting_id, advisor_id)."""

    __tablename__ = "meeting_advisor"
    meeting_id: Mapped[str] = _fk("meeting")
    advisor_id: Mapped[str] = _fk("advisor")


class MeetingParticipant(Synced):
    """Someone from the agency at a meeting: a known contact, or just a name."""

    __tablename__ = "meeting_participant"
    meeting_id: Mapped[str] = _fk("meeting")
    contact_id: Mapped[str | None] = _fk("contact", nullable=True)
    name: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str] = mapped_column(Text, default="")


class MeetingNote(Synced):
    """A time-stamped note entry taken in meeting mode, optionally tied to a question."""

    __tablename__ = "meeting_note"
    meeting_id: Mapped[str] = _fk("meeting")
    written_at: Mapped[datetime] = mapped_column(DateTime)
    text: Mapped[str] = mapped_column(Text, default="")
    question_id: Mapped[str | None] = _fk("checklist_question", nullable=True)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)


class ActionItem(Synced):
    __tablename__ = "action_item"
    meeting_id: Mapped[str | None] = _fk("meeting", nullable=True)
    agency_id: Mapped[str] = _fk("agency")
    title: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(Text, default="")
    due_on: Mapped[date | None] = mapped_column(Date, default=None)
    done: Mapped[bool] = mapped_column(Boolean, default=False)


# --- checklists (immutable once imported; ids derived from key, version and content hash) ----


class Checklist(Synced):
    __tablename__ = "checklist"
    key: Mapped[str] = mapped_column(Text, index=True)
    version: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    title: Mapped[dict[str, str]] = mapped_column(JSON)
    description: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    languages: Mapped[list[Any]] = mapped_column(JSON)
    scale: Mapped[list[Any]] = mapped_column(JSON)  # [{"level": 0, "name": {"sv":..,"en":..}}]
    source: Mapped[str] = mapped_column(Text)  # the canonical document, as imported


class ChecklistDimension(Synced):
    __tablename__ = "checklist_dimension"
    checklist_id: Mapped[str] = _fk("checklist")
    key: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)
    weight: Mapped[float] = mapped_column(default=1.0)
    title: Mapped[dict[str, str]] = mapped_column(JSON)
    description: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)


class ChecklistQuestion(Synced):
    __tablename__ = "checklist_question"
    checklist_id: Mapped[str] = _fk("checklist")
    dimension_id: Mapped[str] = _fk("checklist_dimension")
    key: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)
    weight: Mapped[float] = mapped_column(default=1.0)
    text: Mapped[dict[str, str]] = mapped_column(JSON)
    guidance: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    # {"0": {"sv": ..., "en": ...}, "1": ...}: one descriptor per level
    descriptors: Mapped[dict[str, Any]] = mapped_column(JSON)


# --- assessments ---------------------------------------------------------------------------

ASSESSMENT_STATUSES = codes("assessment_status")


class Assessment(Synced):
    __tablename__ = "assessment"
    agency_id: Mapped[str] = _fk("agency")
    checklist_id: Mapped[str] = _fk("checklist")
    title: Mapped[str] = mapped_column(Text, default="")
    assessed_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    summary: Mapped[str] = mapped_column(Text, default="")
    # the checklist profile scored against ("" for all questions)
    profile: Mapped[str] = mapped_column(Text, default="", server_default="", sort_order=10)


class AssessmentAdvisor(Synced):
    """id = derived_id("assessment_advisor", assessment_id, advisor_id)."""

    __tablename__ = "assessment_advisor"
    assessment_id: Mapped[str] = _fk("assessment")
    advisor_id: Mapped[str] = _fk("advisor")


class TargetLevel(Synced):
    """id = derived_id("target", assessment_id, dimension_id)."""

    __tablename__ = "target_level"
    assessment_id: Mapped[str] = _fk("assessment")
    dimension_id: Mapped[str] = _fk("checklist_dimension")
    level: Mapped[float] = mapped_column()


CONFIDENCES = codes("confidence")


class Answer(Synced):
    """One per assessment and question: id = derived_id("answer", assessment_id, question_id)."""

    __tablename__ = "answer"
    assessment_id: Mapped[str] = _fk("assessment")
    question_id: Mapped[str] = _fk("checklist_question")
    level: Mapped[int | None] = mapped_column(Integer, default=None, info={"group": "level"})
    not_applicable: Mapped[bool] = mapped_column(Boolean, default=False, info={"group": "level"})
    comment: Mapped[str] = mapped_column(Text, default="")
    confidence: Mapped[str] = mapped_column(String(8), default="medium")
    for_review: Mapped[bool] = mapped_column(Boolean, default=False)


class Evidence(Synced):
    """A meeting (or one note of it) supporting the answer to a question."""

    __tablename__ = "evidence"
    assessment_id: Mapped[str] = _fk("assessment")
    question_id: Mapped[str] = _fk("checklist_question")
    meeting_id: Mapped[str] = _fk("meeting")
    meeting_note_id: Mapped[str | None] = _fk("meeting_note", nullable=True)
    comment: Mapped[str] = mapped_column(Text, default="")


FINDING_KINDS = codes("finding_kind")


class Finding(Synced):
    __tablename__ = "finding"
    assessment_id: Mapped[str] = _fk("assessment")
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text, default="")
    dimension_id: Mapped[str | None] = _fk("checklist_dimension", nullable=True)
    question_id: Mapped[str | None] = _fk("checklist_question", nullable=True)


PRIORITIES = codes("priority")
HORIZONS = codes("horizon")
RECOMMENDATION_STATUSES = codes("recommendation_status")


class RecommendationTemplate(Synced):
    """The reusable library: recommendations that worked at one agency, offered to others."""

    __tablename__ = "recommendation_template"
    title: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text, default="")
    rationale: Mapped[str] = mapped_column(Text, default="")
    dimension_key: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[str] = mapped_column(Text, default="")  # comma separated, lower case
    language: Mapped[str] = mapped_column(String(8), default="sv")


class Recommendation(Synced):
    __tablename__ = "recommendation"
    assessment_id: Mapped[str] = _fk("assessment")
    title: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text, default="")
    rationale: Mapped[str] = mapped_column(Text, default="")
    priority: Mapped[str] = mapped_column(String(8), default="medium")
    horizon: Mapped[str] = mapped_column(String(8), default="medium")
    status: Mapped[str] = mapped_column(String(16), default="proposed")
    agency_response: Mapped[str] = mapped_column(Text, default="")
    template_id: Mapped[str | None] = _fk("recommendation_template", nullable=True)
    # follow-up across visits: the recommendation of an earlier assessment this one carries on
    previous_id: Mapped[str | None] = _fk("recommendation", nullable=True)
    # a good practice (finding) of another agency this recommendation points to
    cites_finding_id: Mapped[str | None] = _fk("finding", nullable=True)


class RecommendationDimension(Synced):
    """id = derived_id("recommendation_dimension", recommendation_id, dimension_id)."""

    __tablename__ = "recommendation_dimension"
    recommendation_id: Mapped[str] = _fk("recommendation")
    dimension_id: Mapped[str] = _fk("checklist_dimension")


class RecommendationFinding(Synced):
    """id = derived_id("recommendation_finding", recommendation_id, finding_id)."""

    __tablename__ = "recommendation_finding"
    recommendation_id: Mapped[str] = _fk("recommendation")
    finding_id: Mapped[str] = _fk("finding")


class ReportRecord(Synced):
    """What was delivered: one row per exported report, with its scores (services/delivered.py)."""

    __tablename__ = "report_record"
    assessment_id: Mapped[str] = _fk("assessment")
    exported_at: Mapped[datetime] = mapped_column(DateTime)
    language: Mapped[str] = mapped_column(String(8))
    exported_by: Mapped[str] = mapped_column(Text, default="")
    recipient: Mapped[str] = mapped_column(Text, default="")
    sha256: Mapped[str] = mapped_column(String(64))
    archival: Mapped[bool] = mapped_column(Boolean, default=False)
    file_name: Mapped[str] = mapped_column(Text, default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    scores: Mapped[str] = mapped_column(Text, default="", server_default="", sort_order=10)


# --- evidence files (attachments) -------------------------------------------------------------


class FileContent(Synced):
    """An attached file's bytes, immutable: id = derived_id("file_content", sha256, site)."""

    __tablename__ = "file_content"
    sha256: Mapped[str] = mapped_column(String(64), index=True, info={"group": "content"})
    size: Mapped[int] = mapped_column(Integer, info={"group": "content"})
    content: Mapped[bytes] = mapped_column(LargeBinary, info={"group": "content"})


ATTACHMENT_TARGETS = ("meeting", "meeting_note", "answer", "finding", "recommendation")


class Attachment(Synced):
    """An evidence file attached to one thing; its content found by hash, not by a key."""

    __tablename__ = "attachment"
    target_table: Mapped[str] = mapped_column(String(24))
    target_id: Mapped[str] = mapped_column(String(36), index=True)
    title: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    file_name: Mapped[str] = mapped_column(Text, default="")
    media_type: Mapped[str] = mapped_column(Text, default="application/octet-stream")
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer, default=0)
    added_by: Mapped[str] = mapped_column(Text, default="")
    added_at: Mapped[datetime] = mapped_column(DateTime)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)


class StoredMappingSet(Synced):
    """A kept mapping set (services/mappings.py), links as [source urn, target urn, relation],
    or {"version": the library's version, "links": [...]} where the edition's version is known
    (domain/mapping.edition_to_plain). id = mapping_set_id(key): one set imported on two
    laptops is one row. One field group: a newer edition replaces the whole set; two imported
    apart conflict, never mix."""

    __tablename__ = "mapping_set"
    key: Mapped[str] = mapped_column(Text, info={"group": "edition"})
    name: Mapped[str] = mapped_column(Text, info={"group": "edition"})
    source_framework: Mapped[str] = mapped_column(Text, info={"group": "edition"})
    target_framework: Mapped[str] = mapped_column(Text, info={"group": "edition"})
    links: Mapped[Any] = mapped_column(JSON, info={"group": "edition"})


def mapping_set_id(key: str) -> str:
    return derived_id("mapping_set", key)


SYNCED_MODELS: tuple[type[Synced], ...] = (
    Advisor,
    SiteAdvisor,
    Agency,
    Contact,
    Checklist,
    ChecklistDimension,
    ChecklistQuestion,
    Assessment,
    Meeting,
    MeetingAdvisor,
    MeetingParticipant,
    MeetingNote,
    ActionItem,
    AssessmentAdvisor,
    TargetLevel,
    Answer,
    Evidence,
    Finding,
    RecommendationTemplate,
    Recommendation,
    RecommendationDimension,
    RecommendationFinding,
    ReportRecord,
    SyncConflict,
    FileContent,
    Attachment,
    StoredMappingSet,
)
"""Synced tables in an order where every row's foreign keys point to earlier tables."""
