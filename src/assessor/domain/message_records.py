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
}
