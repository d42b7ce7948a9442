"""Every fixed string of the report, in Swedish and English (same keys in both; a test checks)."""

from __future__ import annotations

from collections.abc import Mapping

from assessor.domain.vocabulary import VOCABULARY, word

SV: dict[str, str] = {
    "report": "Rapport",
    "report_kind": "Bedömning av digital mognad",
    "agency": "Myndighet",
    "org_number": "Organisationsnummer",
    "ministry": "Departement",
    "assessment": "Bedömning",
    "date": "Datum",
    "advisors": "Rådgivare",
    "status": "Status",
    "checklist": "Mognadsmodell",
    "profile": "Profil (bara dess frågor räknas)",
    "watermark": "UTKAST",
    "page_of": "Sida {page} av {pages}",
    "contents": "Innehåll",
    "summary": "Sammanfattning",
    "overall_index": "Samlat index",
    "overall_line": "Samlat index: {score} av {max} ({percent}\u00a0%)",
    "band": "Mognadsnivå",
    "facts": (
        "Bedömningen omfattar {total} i {dimensions}, varav {answered} besvarade. "
        "Rapporten redovisar {findings}, {recommendations} och {meetings}."
    ),
    "no_score": "Inga svar ännu: inget index kan beräknas.",
    "strongest": "Starkaste områden",
    "weakest": "Svagaste områden",
    "key_recommendations": "Viktigaste rekommendationer",
    "advisors_summary": "Rådgivarnas sammanfattning",
    "results": "Resultat per område",
    "radar_caption": "Nuvarande nivå (fylld) och målnivå (streckad) per område.",
    "radar_alt": "Radardiagram över nuvarande nivå och målnivå per område, skala {min} till "
    "{max}: {items}.",
    "radar_alt_item": "{dimension} {score} (mål {target})",
    "radar_caption_no_target": "Nuvarande nivå (fylld) per område; bedömningen har inga målnivåer.",
    "radar_alt_no_target": "Radardiagram över nuvarande nivå per område, skala {min} till "
    "{max}: {items}.",
    "radar_alt_item_no_target": "{dimension} {score}",
    "current": "Nuvarande",
    "target": "Mål",
    "dimension": "Område",
    "score": "Nivå",
    "gap": "Gap",
    "coverage": "Täckning",
    "answered_of": "{answered} av {applicable}",
    "findings": "Iakttagelser per område",
    "no_findings": "Inga iakttagelser.",
    "general": "Övergripande",
    "recommendations": "Rekommendationer",
    "no_recommendations": "Inga rekommendationer.",
    "priority": "Prioritet",
    "horizon": "Tidshorisont",
    "rationale": "Motivering",
    "linked_dimensions": "Berörda områden",
    "agency_response": "Myndighetens svar",
    "previous": "Uppföljning av föregående bedömning",
    "previous_intro": "Rekommendationer från bedömningen {date}, deras status och om den här "
    "rapporten följer upp dem.",
    "previous_scores": "Poäng vid bedömningen {date} och nu.",
    "now": "Nu",
    "change": "Förändring",
    "followed_up": "Följs upp",
    "yes": "Ja",
    "no": "Nej",
    "recommendation": "Rekommendation",
    "meetings": "Genomförda möten",
    "no_meetings": "Inga möten registrerade.",
    "participants": "Deltagare",
    "decisions": "Beslut",
    "notes": "Anteckningar",
    "confidential_left_out": "Mötet är sekretessbelagt; anteckningarna ingår inte i rapporten.",
    "place": "Plats",
    "appendix_answers": "Bilaga A. Svar och kommentarer",
    "appendix_method": "Bilaga B. Så beräknades poängen",
    "appendix_mapped": "Bilaga C. Bedömningen läst som en annan modell",
    "mapped_intro": (
        "Bedömningens svar lästa som {checklist} genom mappningen {mapping}: varje fråga där "
        "får medelvärdet av de mappade svaren, flyttat till dess skala. En första uppskattning "
        "att återanvända, inte en bedömning."
    ),
    "mapped_score": "Mappad nivå",
    "mapped_read": "Lästa frågor",
    "mapped_unread": (
        "Inte lästa: {not_linked} som ingen mappning når, {not_answered} mappade bara till "
        "obesvarade frågor och {unused} som mappningen inte använder."
    ),
    "question": "Fråga",
    "level": "Nivå",
    "comment": "Kommentar",
    "confidence": "Säkerhet i bedömningen",
    "evidence": "Underlag",
    "not_applicable": "Ej tillämplig (E/T)",
    "unanswered": "Ej besvarad",
    "scale": "Skala",
    "method_1": (
        "Varje fråga besvaras med en nivå på skalan {min}–{max}, eller markeras som ej "
        "tillämplig. Ett områdes nivå är det viktade medelvärdet av de besvarade frågornas "
        "nivåer: summan av nivå × vikt delat med summan av vikterna. Frågor som är ej "
        "tillämpliga eller obesvarade räknas inte med."
    ),
    "method_2": (
        "Täckningen är andelen besvarade frågor av de tillämpliga. Det samlade indexet är det "
        "viktade medelvärdet av områdenas nivåer (med områdenas vikter) och visas också i "
        "procent av skalan: (index − {min}) / ({max} − {min}) × 100. Gapet är målnivån minus "
        "nuvarande nivå."
    ),
    "method_details": "Beräkningen för denna bedömning",
    "weight": "Vikt",
    "level_name": "Benämning",
    "answered_columns": "Besvarade/tillämpliga/totalt",
    "subject": "Rapport om digital mognad för {agency}",
}

EN: dict[str, str] = {
    "report": "Report",
    "report_kind": "Digital maturity assessment",
    "agency": "Agency",
    "org_number": "Organisation number",
    "ministry": "Ministry",
    "assessment": "Assessment",
    "date": "Date",
    "advisors": "Advisors",
    "status": "Status",
    "checklist": "Maturity model",
    "profile": "Profile (only its questions count)",
    "watermark": "DRAFT",
    "page_of": "Page {page} of {pages}",
    "contents": "Contents",
    "summary": "Summary",
    "overall_index": "Overall index",
    "overall_line": "Overall index: {score} of {max} ({percent}\u00a0%)",
    "band": "Maturity band",
    "facts": (
        "The assessment covers {total} in {dimensions}, {answered} of them answered. "
        "The report presents {findings}, {recommendations} and {meetings}."
    ),
    "no_score": "No answers yet: no index can be computed.",
    "strongest": "Strongest dimensions",
    "weakest": "Weakest dimensions",
    "key_recommendations": "Key recommendations",
    "advisors_summary": "The advisors' summary",
    "results": "Results by dimension",
    "radar_caption": "Current level (filled) and target level (dashed) per dimension.",
    "radar_alt": "Radar chart of the current level and the target level per dimension, scale "
    "{min} to {max}: {items}.",
    "radar_alt_item": "{dimension} {score} (target {target})",
    "radar_caption_no_target": "Current level (filled) per dimension; the assessment has no "
    "target levels.",
    "radar_alt_no_target": "Radar chart of the current level per dimension, scale {min} to "
    "{max}: {items}.",
    "radar_alt_item_no_target": "{dimension} {score}",
    "current": "Current",
    "target": "Target",
    "dimension": "Dimension",
    "score": "Level",
    "gap": "Gap",
    "coverage": "Coverage",
    "answered_of": "{answered} of {applicable}",
    "findings": "Findings by dimension",
    "no_findings": "No findings.",
    "general": "General",
    "recommendations": "Recommendations",
    "no_recommendations": "No recommendations.",
    "priority": "Priority",
    "horizon": "Horizon",
    "rationale": "Rationale",
    "linked_dimensions": "Dimensions concerned",
    "agency_response": "The agency's response",
    "previous": "Follow-up of the previous assessment",
    "previous_intro": "Recommendations of the assessment of {date}, their status and whether "
    "this report follows them up.",
    "previous_scores": "Scores at the assessment of {date} and now.",
    "now": "Now",
    "change": "Change",
    "followed_up": "Followed up",
    "yes": "Yes",
    "no": "No",
    "recommendation": "Recommendation",
    "meetings": "Meetings held",
    "no_meetings": "No meetings recorded.",
    "participants": "Participants",
    "decisions": "Decisions",
    "notes": "Notes",
    "confidential_left_out": "The meeting is confidential; its notes are not part of the report.",
    "place": "Place",
    "appendix_answers": "Appendix A. Answers and comments",
    "appendix_method": "Appendix B. How the scores were computed",
    "appendix_mapped": "Appendix C. The assessment read as another model",
    "mapped_intro": (
        "The answers of this assessment read as {checklist} through the mapping set {mapping}: "
        "each of its questions gets the mean of the mapped answers, moved onto its scale. A "
        "first estimate to reuse, not an assessment."
    ),
    "mapped_score": "Mapped score",
    "mapped_read": "Questions read",
    "mapped_unread": (
        "Not read: {not_linked} no mapping reaches, {not_answered} mapped only to unanswered "
        "questions, and {unused} the mapping does not use."
    ),
    "question": "Question",
    "level": "Level",
    "comment": "Comment",
    "confidence": "Confidence",
    "evidence": "Evidence",
    "not_applicable": "Not applicable (N/A)",
    "unanswered": "Not answered",
    "scale": "Scale",
    "method_1": (
        "Each question is answered with a level on the scale {min}–{max}, or marked not "
        "applicable. A dimension's level is the weighted mean of its answered questions' levels: "
        "the sum of level × weight divided by the sum of the weights. Questions that are not "
        "applicable or not answered are left out."
    ),
    "method_2": (
        "Coverage is the share of applicable questions that were answered. The overall index is "
        "the weighted mean of the dimensions' levels (with the dimensions' weights) and is also "
        "shown as a percentage of the scale: (index − {min}) / ({max} − {min}) × 100. The gap is "
        "the target level minus the current level."
    ),
    "method_details": "The computation for this assessment",
    "weight": "Weight",
    "level_name": "Name",
    "answered_columns": "Answered/applicable/total",
    "subject": "Digital maturity report for {agency}",
}

TEXTS: dict[str, dict[str, str]] = {"sv": SV, "en": EN}
LANGUAGES = tuple(TEXTS)


def texts(language: str) -> Mapping[str, str]:
    return TEXTS.get(language, SV)


# the report's short names for the vocabulary's groups of codes
_GROUPS = {
    "status": "assessment_status",
    "kind": "meeting_kind",  # a finding's kind is told apart by its code (below)
    "priority": "priority",
    "horizon": "horizon",
    "rstatus": "recommendation_status",
    "confidence": "confidence",
}


def label(language: str, prefix: str, value: str) -> str:
    """The word for a stored code (``label("sv", "priority", "high")`` is "Hög"), from the one
    vocabulary the window and the conflict view use too."""
    group = _GROUPS.get(prefix, prefix)
    if prefix == "kind" and value in VOCABULARY["finding_kind"]:
        group = "finding_kind"
    return word(group, value, language if language in LANGUAGES else "sv")
