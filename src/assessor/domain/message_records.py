"""The wording of coded errors about rows and fields a user enters: answers, findings, meetings
(data only; message_catalogue.py joins the areas)."""

from __future__ import annotations

RECORDS: dict[str, dict[str, str]] = {
    # rows and fields
    "row.not_found": {
        "sv": "posten finns inte (den kan ha tagits bort): {what} {id}",
        "en": "no {what} with id {id}",
    },
    "field.empty": {
        "sv": "fältet får inte vara tomt",
        "en": "{what} cannot be empty",
    },
    "field.not_in_checklist": {
        "sv": "området hör inte till den här checklistan",
        "en": "the dimension is not part of this checklist",
    },
    "field.question_not_in_checklist": {
        "sv": "frågan hör inte till den här checklistan",
        "en": "the question is not part of this checklist",
    },
    "field.question_other_dimension": {
        "sv": "frågan hör till ett annat område",
        "en": "the question belongs to another dimension",
    },
    "field.finding_other_assessment": {
        "sv": "iakttagelsen hör till en annan bedömning",
        "en": "the finding belongs to another assessment",
    },
    "field.target_range": {
        "sv": "en målnivå måste ligga mellan {low} och {high}",
        "en": "a target must be between {low} and {high}",
    },
    "meeting.ends_before_start": {
        "sv": "mötet slutar innan det börjar",
        "en": "the meeting ends before it starts",
    },
    "answer.not_in_checklist": {
        "sv": "frågan hör inte till bedömningens checklista",
        "en": "the question is not part of this assessment's checklist",
    },
    "answer.bad_level": {
        "sv": "nivån måste vara en av {levels}",
        "en": "the level must be one of {levels}",
    },
    "answer.level_and_na": {
        "sv": "ett svar kan inte både ha en nivå och vara ej tillämpligt",
        "en": "an answer cannot both have a level and be N/A",
    },
    "answer.other_agency_meeting": {
        "sv": "mötet hölls med en annan myndighet",
        "en": "the meeting was with another agency",
    },
    "answer.other_meeting_note": {
        "sv": "anteckningen hör till ett annat möte",
        "en": "the note belongs to another meeting",
    },
    "orgnr.shape": {
        "sv": "'{text}' är inget organisationsnummer (NNNNNN-NNNN)",
        "en": "'{text}' is not an organisation number (NNNNNN-NNNN)",
    },
    "orgnr.check_digit": {
        "sv": "kontrollsiffran i {number} är fel",
        "en": "the check digit of {number} is wrong",
    },
    "agency.merge_self": {
        "sv": "en myndighet kan inte slås ihop med sig själv",
        "en": "an agency cannot be merged with itself",
    },
    "assessment.status": {
        "sv": "okänd status '{status}'",
        "en": "unknown status '{status}'",
    },
    "assessment.delivered": {
        "sv": "bedömningen '{name}' är levererad; öppna den igen (status Under granskning) "
        "innan du ändrar den",
        "en": "the assessment '{name}' was delivered; reopen it (status in review) "
        "before changing it",
    },
    "assessment.date": {
        "sv": "en bedömnings datum måste vara ett datum",
        "en": "the date of an assessment must be a date",
    },
    "answer.confidence": {
        "sv": "okänd säkerhet i bedömningen '{value}'",
        "en": "unknown confidence '{value}'",
    },
    "meeting.kind": {
        "sv": "okänd mötestyp '{kind}'",
        "en": "unknown kind of meeting '{kind}'",
    },
    "finding.kind": {
        "sv": "okänd typ av iakttagelse '{kind}'",
        "en": "unknown kind of finding '{kind}'",
    },
    "recommendation.priority": {
        "sv": "okänd prioritet '{value}'",
        "en": "unknown priority '{value}'",
    },
    "recommendation.horizon": {
        "sv": "okänd tidshorisont '{value}'",
        "en": "unknown horizon '{value}'",
    },
    "recommendation.status": {
        "sv": "okänd status '{value}'",
        "en": "unknown status '{value}'",
    },
    "template.language": {
        "sv": "okänt språk '{language}'",
        "en": "unknown language '{language}'",
    },
    "template.no_dimension": {
        "sv": "dimensionen finns inte",
        "en": "no such dimension",
    },
    "query.kind": {
        "sv": "okänd typ av sökträff: {kinds}",
        "en": "unknown kind of search result: {kinds}",
    },
    "report.language": {
        "sv": "rapportens språk måste vara ett av {languages}",
        "en": "the report language must be one of {languages}",
    },
    "report.format": {
        "sv": "rapportens format måste vara ett av {formats}",
        "en": "the report format must be one of {formats}",
    },
    "report.pdfa_docx": {
        "sv": "bara en PDF kan vara arkivbeständig (PDF/A); utelämna --pdfa för en DOCX",
        "en": "only a PDF can be archival (PDF/A); leave out --pdfa for a DOCX",
    },
    "portfolio.language": {
        "sv": "okänt språk '{language}' (sv eller en)",
        "en": "unknown language '{language}' (sv or en)",
    },
    "portfolio.status": {
        "sv": "okänd status '{status}' (en av {statuses})",
        "en": "unknown status '{status}' (one of {statuses})",
    },
    "portfolio.period": {
        "sv": "periodens början ligger efter dess slut",
        "en": "the period's start is after its end",
    },
    "portfolio.no_agency": {
        "sv": "ingen myndighet med id {id} i portföljen",
        "en": "no agency with id {id} in the portfolio",
    },
}
