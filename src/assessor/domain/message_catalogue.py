"""The wording of every coded error and note, in Swedish and English (data only; how a
message is chosen and filled in is messages.py). Each area keeps its words in a module of its
own; this joins them into the one table messages.py looks codes up in."""

from __future__ import annotations

from assessor.domain.message_checklist import CHECKLISTS
from assessor.domain.message_cli import CLI
from assessor.domain.message_files import FILES
from assessor.domain.message_hub import HUB
from assessor.domain.message_notes import NOTES
from assessor.domain.message_records import RECORDS
from assessor.domain.message_sync import SYNC

AREAS: tuple[dict[str, dict[str, str]], ...] = (
    FILES,
    SYNC,
    HUB,
    CHECKLISTS,
    RECORDS,
    CLI,
    {f"ciso.note.{key}": entry for key, entry in NOTES.items()},
)

CATALOGUE: dict[str, dict[str, str]] = {
    code: entry for area in AREAS for code, entry in area.items()
}
