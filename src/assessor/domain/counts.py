"""A number and its noun, inflected: "1 iakttagelse", "2 iakttagelser", "1 finding".

Qt inflects the window's counts (``tr`` with ``%n``); the reports and the command line are
worded without Qt, from this table. A noun missing in a language is a KeyError in the tests,
never a half-English sentence.
"""

from __future__ import annotations

# noun -> language -> (one, many)
NOUNS: dict[str, dict[str, tuple[str, str]]] = {
    "question": {"sv": ("fråga", "frågor"), "en": ("question", "questions")},
    "dimension": {"sv": ("område", "områden"), "en": ("dimension", "dimensions")},
    "finding": {"sv": ("iakttagelse", "iakttagelser"), "en": ("finding", "findings")},
    "recommendation": {
        "sv": ("rekommendation", "rekommendationer"),
        "en": ("recommendation", "recommendations"),
    },
    "meeting": {"sv": ("möte", "möten"), "en": ("meeting", "meetings")},
    "answer": {"sv": ("svar", "svar"), "en": ("answer", "answers")},
    "agency": {"sv": ("myndighet", "myndigheter"), "en": ("agency", "agencies")},
    "link": {"sv": ("koppling", "kopplingar"), "en": ("link", "links")},
    "assessment": {"sv": ("bedömning", "bedömningar"), "en": ("assessment", "assessments")},
    "contact": {"sv": ("kontaktperson", "kontaktpersoner"), "en": ("contact", "contacts")},
    "action_item": {
        "sv": ("åtgärdspunkt", "åtgärdspunkter"),
        "en": ("action item", "action items"),
    },
    # the command line's counts (cli/output.py)
    "row": {"sv": ("rad", "rader"), "en": ("row", "rows")},
    "change": {"sv": ("ändring", "ändringar"), "en": ("change", "changes")},
    "edit": {"sv": ("ändring", "ändringar"), "en": ("edit", "edits")},
    "file": {"sv": ("fil", "filer"), "en": ("file", "files")},
    "csv_file": {"sv": ("CSV-fil", "CSV-filer"), "en": ("CSV file", "CSV files")},
    "byte": {"sv": ("byte", "byte"), "en": ("byte", "bytes")},
    "time": {"sv": ("gång", "gånger"), "en": ("time", "times")},
    "use": {"sv": ("användning", "användningar"), "en": ("use", "uses")},
    "problem": {"sv": ("problem", "problem"), "en": ("problem", "problems")},
}


def counted(number: int, noun: str, lang: str) -> str:
    """``number`` and ``noun`` in ``lang`` ("sv" or "en"), singular only for exactly one."""
    one, many = NOUNS[noun][lang if lang in NOUNS[noun] else "en"]
    return f"{number} {one if number == 1 else many}"
