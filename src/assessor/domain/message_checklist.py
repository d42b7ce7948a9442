"""The wording of coded errors about checklists: reading a checklist or CISO Assistant file,
profiles, versions, migrations and mappings (data only; message_catalogue.py joins the areas)."""

from __future__ import annotations

CHECKLISTS: dict[str, dict[str, str]] = {
    "migrate.same_version": {
        "sv": "bedömningen använder redan den här versionen av checklistan",
        "en": "the assessment already uses this checklist version",
    },
    "migrate.other_checklist": {
        "sv": "checklistan {new} är inte en version av {old}; en bedömning kan bara flyttas "
        "till en annan version av sin egen checklista",
        "en": "checklist {new} is not a version of {old}; an assessment can only move to "
        "another version of its own checklist",
    },
    "migrate.not_newer": {
        "sv": "version {new} är inte nyare än {old}; en bedömning flyttas bara framåt",
        "en": "version {new} is not newer than {old}; an assessment only moves forward",
    },
    "migrate.no_target": {
        "sv": "ingen checklista har id {to}, och {checklist} har ingen version {to} "
        "(se 'assessor checklist list')",
        "en": "no checklist with id {to}, and {checklist} has no version {to} "
        "(see 'assessor checklist list')",
    },
    # checklists, profiles and mappings
    "checklist.no_profile": {
        "sv": "checklistan {checklist} har ingen profil {profile}",
        "en": "checklist {checklist} has no profile '{profile}'",
    },
    "checklist.version_conflict": {
        "sv": "checklistan {checklist} version {version} är redan importerad med annat "
        "innehåll (kontrollsumma {old}, den här filen {new}); en importerad version ändras "
        "aldrig: ge den ändrade filen ett högre versionsnummer",
        "en": "checklist {checklist} version {version} is already imported with different "
        "content (hash {old}, this file {new}); an imported version never changes: give the "
        "changed file a higher version",
    },
    "yaml.syntax": {
        "sv": "YAML-syntaxfel: {reason}",
        "en": "YAML syntax error: {reason}",
    },
    "yaml.long_number": {
        "sv": "ett tal som programmet inte kan läsa (tusentals siffror)",
        "en": "a number this program cannot read",
    },
    "checklist.field": {"sv": "{detail}", "en": "{detail}"},
    "yaml.control_char": {
        "sv": "ett styrtecken ({char}) som en textfil inte får innehålla",
        "en": "a control character ({char}) that a text file may not hold",
    },
    "yaml.tab": {
        "sv": "YAML-syntaxfel: ett tabbtecken; YAML drar in med mellanslag",
        "en": "YAML syntax error: a tab character; YAML indents with spaces only",
    },
    "yaml.alias": {
        "sv": "alias (*namn) är inte tillåtna",
        "en": "aliases (*name) are not allowed",
    },
    "yaml.too_deep": {
        "sv": "YAML-texten är nästlad djupare än {limit} nivåer",
        "en": "the YAML nests deeper than {limit} levels",
    },
    "yaml.too_many": {
        "sv": "YAML-texten innehåller fler än {limit} värden",
        "en": "the YAML holds more than {limit} values",
    },
    "checklist.unknown_format": {
        "sv": "okänt format {format}; programmet läser '{expected}'",
        "en": "unknown format {format}; this program reads '{expected}'",
    },
    "checklist.version_conflict_converted": {
        "sv": "checklistan {checklist} version {version} är redan importerad från en tidigare "
        "konvertering av det här CISO Assistant-biblioteket (kontrollsumma {old}, nu {new}): "
        "programmet konverterar det nu annorlunda (profiler, nivåbeskrivningar, rubriker); den "
        "importerade versionen förblir som den var, och så gör bedömningarna mot den. Importera "
        "filen som en ny version ({next}) bredvid den för att använda den nya konverteringen",
        "en": "checklist {checklist} version {version} is already imported from an earlier "
        "conversion of this CISO Assistant library (hash {old}, now {new}): this program now "
        "converts it differently (profiles, level descriptors, headings); the imported version "
        "stays as it was, and so do the assessments on it. To use the new conversion, import "
        "the file as a new version ({next}) beside it",
    },
    "mapping.bad_set": {
        "sv": "mappningen {mapping}: {reason}",
        "en": "mapping set {mapping}: {reason}",
    },
    "mapping.not_found": {
        "sv": "ingen mappning {mapping} finns (se 'assessor mapping list')",
        "en": "no mapping set '{mapping}' (see 'assessor mapping list')",
    },
    "mapping.older_edition": {
        "sv": "mappningen {mapping}: filen har version {version}, äldre än den sparade "
        "versionen {kept}; inget ändrades",
        "en": "mapping set {mapping}: the file holds version {version}, older than version "
        "{kept} kept; nothing was changed",
    },
    "mapping.other_checklists": {
        "sv": "mappningen {mapping} förbinder {source} och {target}, inte {ours} och {theirs}",
        "en": "mapping set {mapping} joins {source} and {target}, not {ours} and {theirs}",
    },
    "mapping.same_checklist": {
        "sv": "bedömningen använder redan den här checklistan",
        "en": "the assessment already uses this checklist",
    },
}


# a CISO Assistant library that holds no framework, named in one line
for _key, _sv, _en in (
    ("risk_matrix", "en riskmatris", "a risk matrix"),
    (
        "reference_controls",
        "en katalog över referenskontroller",
        "a catalogue of reference controls",
    ),
    ("threats", "en katalog över hot", "a catalogue of threats"),
    ("preset", "en förinställning (flera bibliotek)", "a preset (a set-up of several libraries)"),
    ("metric_definitions", "en uppsättning mätetal", "a set of metric definitions"),
    ("techniques", "en katalog över attacktekniker", "a catalogue of attack techniques"),
    ("other", "ett bibliotek utan ramverk", "a library without a framework"),
):
    CHECKLISTS[f"ciso.{_key}"] = {
        "sv": f"{_sv} från CISO Assistant{{named}}, inget ramverk: inget att importera",
        "en": f"{_en} from CISO Assistant{{named}}, not a framework: nothing to import",
    }
CHECKLISTS["ciso.mapping_set"] = {
    "sv": "en mappning mellan två ramverk från CISO Assistant{named}, ingen checklista; spara "
    "den med 'assessor mapping import' eller fönstrets import",
    "en": "a CISO Assistant mapping set between two frameworks{named}, not a checklist; keep it "
    "with 'assessor mapping import' or the window's import",
}

# checklists and scoring refused by the services
CHECKLISTS.update(
    {
        "checklist.no_id": {
            "sv": "ingen checklista med id {id}",
            "en": "no checklist with id {id}",
        },
        "checklist.no_key": {
            "sv": "ingen checklista med nyckeln '{key}'",
            "en": "no checklist with key '{key}'",
        },
        "checklist.no_scale": {
            "sv": "checklistan har ingen skala",
            "en": "the checklist has no scale",
        },
        "checklist.bad_version": {
            "sv": "{version} är ingen version som 1.0 eller 2.3.1",
            "en": "{version} is not a version like 1.0 or 2.3.1",
        },
        "scoring.no_levels": {
            "sv": "skalan har inga nivåer",
            "en": "the scale has no levels",
        },
        "scoring.dimension_weight": {
            "sv": "dimension {dimension}: vikten måste vara större än 0",
            "en": "dimension {dimension}: weight must be greater than 0",
        },
        "scoring.unknown_dimension": {
            "sv": "fråga {question}: okänd dimension {dimension}",
            "en": "question {question}: unknown dimension {dimension}",
        },
        "scoring.question_weight": {
            "sv": "fråga {question}: vikten måste vara större än 0",
            "en": "question {question}: weight must be greater than 0",
        },
        "scoring.level_outside": {
            "sv": "fråga {question}: nivå {level} ligger utanför skalan {low}–{high}",
            "en": "question {question}: level {level} is outside the scale {low}-{high}",
        },
        "yaml.error": {
            "sv": "YAML-fel: {detail}",
            "en": "YAML error: {detail}",
        },
        "checklist.not_a_checklist": {
            "sv": "inte en checklista",
            "en": "not a checklist",
        },
        "ciso.no_nodes": {
            "sv": "ramverket har inga requirement_nodes",
            "en": "the framework has no requirement_nodes",
        },
        "ciso.no_assessable": {
            "sv": "ramverket har inget krav som kan bedömas",
            "en": "the framework has no assessable requirement",
        },
        "ciso.not_a_library": {
            "sv": "inte ett bibliotek från CISO Assistant",
            "en": "not a CISO Assistant library",
        },
        "mapping.incomplete": {
            "sv": "mappningen anger ingen källa, inget mål eller inga kopplingar",
            "en": "the mapping set names no source, no target or no links",
        },
        "mapping.other_kind": {
            "sv": "ingen mappning utan {kind} (ett bibliotek från CISO Assistant)",
            "en": "not a mapping set but {kind} (a CISO Assistant library)",
        },
    }
)
