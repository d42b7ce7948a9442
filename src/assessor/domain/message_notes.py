"""The notes an import of a CISO Assistant library leaves, in Swedish and English (the
catalogue takes them in as "ciso.note.<key>"). Data only."""

from __future__ import annotations

# the notes of a CISO Assistant import: what was lost or guessed, one sentence each
NOTES: dict[str, dict[str, str]] = {
    "no_urn": {
        "sv": "En kravnod utan urn hoppades över.",
        "en": "A requirement node without a urn was skipped.",
    },
    "twice": {
        "sv": "Kravnoden {urn} förekommer två gånger; den andra hoppades över.",
        "en": "Requirement node {urn} appears twice; the second was skipped.",
    },
    "no_parent": {
        "sv": "Kravnoden {urn} anger en förälder som inte finns; den behandlades som översta nod.",
        "en": "Requirement node {urn} names a parent that does not exist; it was treated as a "
        "top node.",
    },
    "no_text": {
        "sv": "Kravet {ref} har varken namn eller beskrivning.",
        "en": "Requirement {ref} has neither name nor description.",
    },
    "empty_heading": {
        "sv": "Rubriken {label} har inget bedömningsbart krav och togs inte med.",
        "en": "Heading {label} has no assessable requirement and was left out.",
    },
    "loose": {
        "sv": "{count} bedömningsbara krav saknade rubrik och lades i ett eget område, "
        "'Övriga krav'.",
        "en": "{count} assessable requirement(s) had no heading above them and were put in a "
        "dimension of their own, 'Other requirements'.",
    },
    "no_choices": {
        "sv": "{count} av {total} krav har inga svarsalternativ med poäng på skalans nivåer; de "
        "använder skalans allmänna beskrivning av varje nivå.",
        "en": "{count} of {total} requirement(s) have no answer choices scored on the scale's "
        "levels; they use the scale's general description of each level.",
    },
    "empty_profile": {
        "sv": "Profilen {profile} omfattar inget krav och togs inte med.",
        "en": "Profile {profile} names no requirement and was left out.",
    },
    "no_profile": {
        "sv": "{count} krav hör inte till någon implementeringsgrupp; de räknas bara när hela "
        "checklistan bedöms.",
        "en": "{count} requirement(s) belong to no implementation group; they count only when "
        "the whole checklist is scored.",
    },
    "one_language": {
        "sv": "Biblioteket finns bara på ett språk ({lang}); det gör checklistan också.",
        "en": "The library is in one language only ({lang}); the checklist is too.",
    },
    "untranslated": {
        "sv": "{count} texter saknade översättning till '{lang}'; texten på '{main}' användes.",
        "en": "{count} text(s) had no '{lang}' translation; the '{main}' text was used.",
    },
    "bad_version": {
        "sv": "Bibliotekets version {version} är inget tal; version 1 användes.",
        "en": "The library version {version} is not a number; version 1 was used.",
    },
    "no_ref_id": {
        "sv": "Ramverket saknar användbart ref_id; dess id är 'ciso-framework'.",
        "en": "The framework has no usable ref_id; its id is 'ciso-framework'.",
    },
    "bad_group": {
        "sv": "En implementeringsgrupp utan ref_id (eller med ett upprepat) togs inte med.",
        "en": "An implementation group without a ref_id (or a repeated one) was left out.",
    },
    "unmapped_fields": {
        "sv": "De här kravfälten har ingen plats i vår modell och importerades inte: {fields}.",
        "en": "These requirement fields have no place in our model and were not imported: "
        "{fields}.",
    },
    "bad_scale": {
        "sv": "scores_definition är ingen lista med 2 till 11 på varandra följande heltal; "
        "standardskalan 0-4 användes i stället.",
        "en": "The scores_definition is not a list of 2 to 11 consecutive whole scores; the "
        "default scale 0-4 was used instead.",
    },
    "numbered_scale": {
        "sv": "Ramverket namnger inte sina poäng; nivåerna {low}-{high} namnges med sina siffror.",
        "en": "The framework defines no score names; levels {low}-{high} are named by their "
        "numbers.",
    },
    "no_scale": {
        "sv": "Ramverket har ingen användbar poängskala{limits}; standardskalan 0-4 användes.",
        "en": "The framework defines no usable score scale{limits}; the default scale 0-4 was "
        "used.",
    },
    "reconverted": {
        "sv": "Biblioteket var redan importerat som version {old} från en tidigare konvertering; "
        "den nya konverteringen importerades som version {version} bredvid den. Bedömningar mot "
        "version {old} står kvar på den tills de flyttas till den nya.",
        "en": "The library was already imported as version {old} from an earlier conversion; the "
        "new conversion was imported as version {version} beside it. Assessments on version "
        "{old} stay on it until they are moved to the new one.",
    },
    "scale_names": {
        "sv": "Programmet namnger standardnivåerna bara på svenska och engelska; på {langs} "
        "namnges de med sina siffror.",
        "en": "This program names the default levels only in Swedish and English; in {langs} "
        "they are named by their numbers.",
    },
}
