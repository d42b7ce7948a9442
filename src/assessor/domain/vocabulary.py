"""Every stored code a user can read, worded once in Swedish and English.

A status, a meeting kind, a priority, a table or field name shown on the Sync page: each is
stored as a code and shown as a word. The window, the reports, the conflict view and the
portfolio all ask here, so "in_review" reads the same on every page. The code lists the
schema uses (store/models.py) are taken from here too, so a list is declared once. A test
fails when an entry lacks a language or a code the schema uses has no entry; docs/glossary.md
lists them for people.

Entries are (Swedish, English). Data only, no Qt: the window passes its language in.
"""

from __future__ import annotations

LANGUAGES = ("sv", "en")

Words = tuple[str, str]

# group -> code -> (Swedish, English); the order of a group is the order users see it in
VOCABULARY: dict[str, dict[str, Words]] = {
    "assessment_status": {
        "draft": ("Utkast", "Draft"),
        "in_review": ("Under granskning", "In review"),
        "delivered": ("Levererad", "Delivered"),
    },
    "meeting_kind": {
        "visit": ("Besök", "Visit"),
        "workshop": ("Workshop", "Workshop"),
        "video": ("Videomöte", "Video meeting"),
        "phone": ("Telefonmöte", "Phone call"),
        "other": ("Annat möte", "Other meeting"),
    },
    "confidence": {
        "low": ("Låg", "Low"),
        "medium": ("Medel", "Medium"),
        "high": ("Hög", "High"),
    },
    "finding_kind": {
        "strength": ("Styrka", "Strength"),
        "weakness": ("Svaghet", "Weakness"),
        "risk": ("Risk", "Risk"),
        "good_practice": ("Gott exempel", "Good practice"),
    },
    "priority": {
        "high": ("Hög", "High"),
        "medium": ("Medel", "Medium"),
        "low": ("Låg", "Low"),
    },
    "horizon": {
        "short": ("Kort sikt", "Short term"),
        "medium": ("Medellång sikt", "Medium term"),
        "long": ("Lång sikt", "Long term"),
    },
    "recommendation_status": {
        "proposed": ("Föreslagen", "Proposed"),
        "agreed": ("Överenskommen", "Agreed"),
        "in_progress": ("Pågår", "In progress"),
        "done": ("Genomförd", "Done"),
        "rejected": ("Avvisad", "Rejected"),
    },
    # an action item's `done` flag
    "action_item_status": {
        "open": ("Inte klar", "Not done"),
        "done": ("Klar", "Done"),
    },
    # a live conflict of the sync log
    "conflict_kind": {
        "edit": ("Ändrad på två ställen", "Edited in two places"),
        "delete": ("Ändrad medan raderad", "Edited while deleted"),
    },
    # what a search hit is (services/search.py)
    "search_kind": {
        "agency": ("Myndighet", "Agency"),
        "meeting": ("Möte", "Meeting"),
        "note": ("Anteckning", "Note"),
        "finding": ("Iakttagelse", "Finding"),
        "recommendation": ("Rekommendation", "Recommendation"),
    },
    # how a mapping set links two requirements (CISO Assistant's words), in mapping_set.links
    "mapping_relationship": {
        "equal": ("Likvärdiga", "Equal"),
        "subset": ("Delmängd", "Subset"),
        "superset": ("Övermängd", "Superset"),
        "intersect": ("Överlappar", "Intersecting"),
        "not_related": ("Inget samband", "Not related"),
    },
    # synced tables, as the Sync page's conflict view names a row's kind
    "table": {
        "advisor": ("Rådgivare", "Advisor"),
        "site_advisor": ("Rådgivare på dator", "Advisor on a laptop"),
        "agency": ("Myndighet", "Agency"),
        "contact": ("Kontaktperson", "Contact"),
        "checklist": ("Checklista", "Checklist"),
        "checklist_dimension": ("Område", "Dimension"),
        "checklist_question": ("Fråga", "Question"),
        "assessment": ("Bedömning", "Assessment"),
        "meeting": ("Möte", "Meeting"),
        "meeting_advisor": ("Rådgivare på möte", "Advisor at a meeting"),
        "meeting_participant": ("Deltagare", "Participant"),
        "meeting_note": ("Mötesanteckning", "Meeting note"),
        "action_item": ("Åtgärd", "Action item"),
        "assessment_advisor": ("Rådgivare i bedömning", "Advisor of an assessment"),
        "target_level": ("Målnivå", "Target level"),
        "answer": ("Svar", "Answer"),
        "evidence": ("Underlag", "Evidence"),
        "finding": ("Iakttagelse", "Finding"),
        "recommendation_template": ("Rekommendation i biblioteket", "Library recommendation"),
        "recommendation": ("Rekommendation", "Recommendation"),
        "recommendation_dimension": ("Rekommendationens område", "Recommendation's dimension"),
        "recommendation_finding": ("Rekommendationens iakttagelse", "Recommendation's finding"),
        "report_record": ("Levererad rapport", "Delivered report"),
        "sync_conflict": ("Konflikt", "Conflict"),
        "file_content": ("Filinnehåll", "File content"),
        "attachment": ("Underlagsfil", "Evidence file"),
        "mapping_set": ("Mappning", "Mapping set"),
    },
    # synced fields (a field group, or a column), as the conflict view names what differs
    "field": {
        "name": ("Namn", "Name"),
        "email": ("E-post", "E-mail"),
        "initials": ("Initialer", "Initials"),
        "org_number": ("Organisationsnummer", "Organisation number"),
        "ministry": ("Departement", "Ministry"),
        "website": ("Webbplats", "Website"),
        "notes": ("Anteckningar", "Notes"),
        "title": ("Titel", "Title"),
        "phone": ("Telefon", "Phone"),
        "text": ("Text", "Text"),
        "agency_id": ("Myndighet", "Agency"),
        "assessment_id": ("Bedömning", "Assessment"),
        "checklist_id": ("Checklista", "Checklist"),
        "dimension_id": ("Område", "Dimension"),
        "question_id": ("Fråga", "Question"),
        "meeting_id": ("Möte", "Meeting"),
        "advisor_id": ("Rådgivare", "Advisor"),
        "contact_id": ("Kontaktperson", "Contact"),
        "meeting_note_id": ("Mötesanteckning", "Meeting note"),
        "finding_id": ("Iakttagelse", "Finding"),
        "recommendation_id": ("Rekommendation", "Recommendation"),
        "template_id": ("Förlaga i biblioteket", "Library template"),
        "previous_id": ("Följer upp", "Follows up"),
        "cites_finding_id": ("Hänvisar till gott exempel", "Cites good practice"),
        "assessed_on": ("Datum", "Date"),
        "status": ("Status", "Status"),
        "summary": ("Sammanfattning", "Summary"),
        "profile": ("Profil", "Profile"),
        "scores": ("Levererade resultat", "Scores delivered"),
        "time": ("Tid", "Time"),
        "place": ("Plats", "Place"),
        "kind": ("Slag", "Kind"),
        "agenda": ("Dagordning", "Agenda"),
        "decisions": ("Beslut", "Decisions"),
        "confidential": ("Sekretessbelagd", "Confidential"),
        "role": ("Roll", "Role"),
        "written_at": ("Skriven", "Written"),
        "owner": ("Ansvarig", "Owner"),
        "due_on": ("Klart senast", "Due"),
        "done": ("Klar", "Done"),
        "level": ("Nivå", "Level"),
        "comment": ("Kommentar", "Comment"),
        "confidence": ("Säkerhet i bedömningen", "Confidence"),
        "for_review": ("Att granska", "For review"),
        "rationale": ("Motivering", "Rationale"),
        "priority": ("Prioritet", "Priority"),
        "horizon": ("Tidshorisont", "Horizon"),
        "agency_response": ("Myndighetens svar", "Agency's response"),
        "dimension_key": ("Område", "Dimension"),
        "tags": ("Etiketter", "Tags"),
        "language": ("Språk", "Language"),
        "languages": ("Språk", "Languages"),
        "exported_at": ("Exporterad", "Exported"),
        "exported_by": ("Exporterad av", "Exported by"),
        "recipient": ("Mottagare", "Recipient"),
        "archival": ("Arkivexemplar", "Archival copy"),
        "file_name": ("Filnamn", "File name"),
        "deleted": ("Raderad", "Deleted"),
        "resolved": ("Löst", "Resolved"),
        "position": ("Ordning", "Position"),
        "weight": ("Vikt", "Weight"),
        "description": ("Beskrivning", "Description"),
        "guidance": ("Vägledning", "Guidance"),
        "key": ("Nyckel", "Key"),
        "version": ("Version", "Version"),
        "content_hash": ("Innehållets kontrollsumma", "Content hash"),
        "scale": ("Skala", "Scale"),
        "source": ("Källa", "Source"),
        "descriptors": ("Nivåbeskrivningar", "Level descriptors"),
        "sha256": ("Kontrollsumma (SHA-256)", "Checksum (SHA-256)"),
        "size": ("Storlek", "Size"),
        "content": ("Innehåll", "Content"),
        "target_table": ("Bifogad till", "Attached to"),
        "target_id": ("Bifogad till", "Attached to"),
        "media_type": ("Filtyp", "File type"),
        "added_by": ("Tillagd av", "Added by"),
        "added_at": ("Tillagd", "Added"),
        "edition": ("Utgåva", "Edition"),
        "source_framework": ("Källramverk", "Source framework"),
        "target_framework": ("Målramverk", "Target framework"),
        "links": ("Kopplingar", "Links"),
        # a field that means something else in one table: "<table>.<field>"
        "contact.title": ("Befattning", "Job title"),
    },
}

# the columns whose values are codes of a group: (table, column) -> group
CODED_COLUMNS: dict[tuple[str, str], str] = {
    ("assessment", "status"): "assessment_status",
    ("meeting", "kind"): "meeting_kind",
    ("answer", "confidence"): "confidence",
    ("finding", "kind"): "finding_kind",
    ("recommendation", "priority"): "priority",
    ("recommendation", "horizon"): "horizon",
    ("recommendation", "status"): "recommendation_status",
    ("attachment", "target_table"): "table",
    ("sync_conflict", "kind"): "conflict_kind",
}


def codes(group: str) -> tuple[str, ...]:
    """The codes of a group, in the order users see them (``codes("priority")``)."""
    return tuple(VOCABULARY[group])


def word(group: str, code: str, language: str) -> str:
    """The word for a code in "sv" or "en" (``word("priority", "high", "sv")`` is "Hög").

    A code this version does not know (written by a newer one) is shown as it is.
    """
    entry = VOCABULARY.get(group, {}).get(code)
    if entry is None:
        return code
    return entry[0] if language == "sv" else entry[1]


def words(group: str, language: str) -> dict[str, str]:
    """Code -> word for a whole group, in order (for a combo box or a column)."""
    return {code: word(group, code, language) for code in VOCABULARY[group]}


def field_word(table: str, field: str, language: str) -> str:
    """A synced field in words: a contact's title is a job title, a meeting's a title."""
    specific = f"{table}.{field}"
    return word("field", specific if specific in VOCABULARY["field"] else field, language)


def column_group(table: str, column: str) -> str | None:
    """The group whose codes ``table.column`` holds, or None for a column of free values."""
    return CODED_COLUMNS.get((table, column))
