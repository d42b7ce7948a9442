"""The wording of every coded error and note, in Swedish and English (data only; how a
message is chosen and filled in is messages.py)."""

from __future__ import annotations

from assessor.domain.message_notes import NOTES

CATALOGUE: dict[str, dict[str, str]] = {
    # the database file
    "db.not_sqlite": {
        "sv": "{path} är inte en Assessor-databas (inte en SQLite-fil)",
        "en": "{path} is not an Assessor database (not an SQLite file)",
    },
    "db.other_program": {
        "sv": "{path} är inte en Assessor-databas (en SQLite-fil från ett annat program)",
        "en": "{path} is not an Assessor database (an SQLite file of another program)",
    },
    "db.damaged": {
        "sv": "{path} är inte en Assessor-databas (filen kan inte läsas som SQLite)",
        "en": "{path} is not an Assessor database ({reason})",
    },
    "db.bad_schema": {
        "sv": "{path} är inte en Assessor-databas som den här versionen känner den (tabellen "
        "{table} saknar kolumner eller saknas)",
        "en": "{path} is not an Assessor database as this version knows it (the table {table} "
        "lacks columns or is missing)",
    },
    "db.not_regular": {
        "sv": "{path} är inte en vanlig fil (en pipe, en enhet eller en socket) och inte en "
        "Assessor-databas",
        "en": "{path} is not a regular file (a pipe, a device or a socket), not an Assessor "
        "database",
    },
    "db.unreadable": {
        "sv": "{path} kan inte läsas ({reason})",
        "en": "{path} cannot be read ({reason})",
    },
    "db.bad_version": {
        "sv": "{path} är inte en Assessor-databas (dess versionsmärkning är ingen version)",
        "en": "{path} is not an Assessor database (its version marker is not one)",
    },
    "db.bad_marker": {
        "sv": "{path} säger att den är av en äldre version, men tabellerna stämmer inte med "
        "det; den kan inte läsas",
        "en": "{path} says it is of an older version, but its tables do not match it; "
        "it cannot be read",
    },
    "db.bad_marker_file": {
        "sv": "{path} säger att den är av en äldre version, men tabellerna stämmer inte med "
        "det; den kan inte öppnas (kopian som gjordes före försöket ligger bredvid)",
        "en": "{path} says it is of an older version, but its tables do not match it; it "
        "cannot be opened (the copy made before the attempt is beside it)",
    },
    "db.damaged_file": {
        "sv": "{path}: databasfilen är skadad eller kan inte användas ({reason}); inget "
        "ändrades ('assessor db check' säger mer, en säkerhetskopia bredvid filen kan hjälpa)",
        "en": "{path}: the database file is damaged or cannot be used ({reason}); nothing was "
        "changed ('assessor db check' tells more, a backup beside the file may help)",
    },
    "db.problems": {
        "sv": "{path}: problem som hittades: {count}",
        "en": "{path}: problems found: {count}",
    },
    "db.empty": {
        "sv": "{path} är en tom fil, inte en Assessor-databas (skapa en med 'assessor db init')",
        "en": "{path} is an empty file, not an Assessor database "
        "(create one with 'assessor db init')",
    },
    "db.no_data": {
        "sv": "{path} innehåller inga Assessor-data (skapa en databas med 'assessor db init')",
        "en": "{path} holds no Assessor data (create a database with 'assessor db init')",
    },
    # sync packages
    "syncfile.no_file": {
        "sv": "filen finns inte: {path}",
        "en": "no such file: {path}",
    },
    "syncfile.folder": {
        "sv": "{path} är en mapp, inte en synkfil",
        "en": "{path} is a folder, not a package",
    },
    "syncfile.encrypted": {
        "sv": "synkfilen är krypterad: ange dess lösenfras",
        "en": "the package is encrypted: give its passphrase",
    },
    "syncfile.passphrase": {
        "sv": "synkfilen kan inte dekrypteras: fel lösenfras, eller så är filen skadad",
        "en": "cannot decrypt the package: wrong passphrase, or the file was damaged",
    },
    "syncfile.unusable": {
        "sv": "inte en användbar synkfil: {why}; inget importerades",
        "en": "not a usable sync package: {why}",
    },
    "syncfile.newer_format": {
        "sv": "synkfilen skrevs av en nyare version av Assessor; installera den för att "
        "importera filen",
        "en": "the package was written by a newer version of Assessor; install it to import this",
    },
    "syncfile.newer_schema": {
        "sv": "synkfilen skrevs av en nyare version av Assessor (schema {revision}); installera "
        "den nyare versionen för att importera filen",
        "en": "the package was written by a newer version of Assessor (schema {revision}); "
        "install the newer version to import it",
    },
    "syncfile.too_old": {
        "sv": "synkfilens schema {revision} är för gammalt för att importeras",
        "en": "the package's schema {revision} is too old to import",
    },
    "syncfile.work_factor": {
        "sv": "synkfilens lösenfrasskydd kräver scrypt-arbete 2^{factor}, mer än de 2^{limit} "
        "som programmet tillåter (en bärbar dator har inte minne och tid till det); inget "
        "importerades",
        "en": "the package's passphrase protection asks for 2^{factor} scrypt work, more than "
        "the 2^{limit} this program allows (more memory and time than a laptop can spare); "
        "nothing was imported",
    },
    "syncfile.work_factor_export": {
        "sv": "den här datorns age-kryptering valde en arbetsfaktor över 2^{limit}, som en "
        "kollegas program skulle vägra; exportera utan lösenfras och kryptera filen med "
        "verktyget age i stället",
        "en": "this machine's age encryption chose a work factor above 2^{limit}, which a "
        "colleague's program would refuse; export without a passphrase and encrypt the file "
        "with the age tool instead",
    },
    "syncfile.dangling": {
        "sv": "synkfilen hänvisar till rader som varken den eller den här databasen har; "
        "inget importerades",
        "en": "the package refers to rows that neither it nor this database has; "
        "nothing was imported",
    },
    "syncfile.merge_failed": {
        "sv": "sammanslagningen misslyckades och ångrades ({reason})",
        "en": "the merge failed and was undone ({reason})",
    },
    "syncfile.delta_base": {
        "sv": "synkfilen innehåller bara ändringarna sedan ett tidigare utbyte som den här "
        "databasen inte har fått (den skrevs för en annan dator, eller en tidigare synkfil "
        "importerades inte). Be avsändaren (dator {site}) om en fullständig synkfil, eller "
        "importera den tidigare först; inget importerades",
        "en": "this package holds only the changes since an earlier exchange that this database "
        "has not received (it was written for another copy, or an earlier package was not "
        "imported). Ask the sender (site {site}) for a full package, or import their earlier "
        "packages first; nothing was imported",
    },
    "db.newer": {
        "sv": "{path} är skriven av en nyare version av Assessor (schema {revision}); "
        "installera den nyare versionen för att öppna den",
        "en": "{path} was written by a newer version of Assessor (schema {revision}); "
        "install the newer version to open it",
    },
    "db.missing": {
        "sv": "ingen databas finns på {path} (skapa en med 'assessor db init')",
        "en": "no database at {path} (create one with 'assessor db init')",
    },
    "db.locked": {
        "sv": "{path} är redan öppen i ett annat Assessor-fönster eller kommando; stäng det först",
        "en": "{path} is already open in another Assessor window or command; close that one first",
    },
    "file.no_folder": {
        "sv": "mappen finns inte: {folder}",
        "en": "no such folder: {folder}",
    },
    "file.is_folder": {
        "sv": "{path} är en mapp, inte en databasfil",
        "en": "{path} is a folder, not a database file",
    },
    "output.is_folder": {
        "sv": "{path} är en mapp; ange ett filnamn",
        "en": "{path} is a folder; give a file name for the {what}",
    },
    "output.is_database": {
        "sv": "{path} är själva databasen; välj en annan fil",
        "en": "{path} is the database itself; choose another file for the {what}",
    },
    "output.foreign_file": {
        "sv": "{path} finns redan och skrevs inte av Assessor; välj ett annat namn",
        "en": "{path} already exists and is not a {what}; choose another name",
    },
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
    # exports and the handover archive
    "csv.is_folder": {
        "sv": "{path} är en mapp; välj en annan mapp för CSV-filerna",
        "en": "{path} is a folder; choose another folder for the CSV files",
    },
    "csv.foreign_file": {
        "sv": "{path} finns redan och är ingen tidigare export; välj en annan mapp",
        "en": "{path} already exists and is not an earlier export; choose another folder",
    },
    "csv.is_file": {
        "sv": "{path} är en fil; CSV-exporten behöver en mapp",
        "en": "{path} is a file; CSV export needs a folder",
    },
    "archive.is_file": {
        "sv": "{path} är en fil; arkivet behöver en ny mapp",
        "en": "{path} is a file; the archive needs a new folder",
    },
    "archive.not_empty": {
        "sv": "{path} är inte tom; välj en ny mapp för arkivet",
        "en": "{path} is not empty; choose a new folder for the archive",
    },
    "archive.no_manifest": {
        "sv": "{path} är inget Assessor-arkiv (manifest.json saknas)",
        "en": "{path} is not an Assessor archive (no manifest.json)",
    },
    "archive.bad_json": {
        "sv": "{path}: kan inte läsas som JSON ({reason})",
        "en": "{path}: not readable JSON ({reason})",
    },
    "archive.bad_format": {
        "sv": "{path}: inget arkiv i formatet {format}",
        "en": "{path}: not an archive of format {format}",
    },
    "archive.newer": {
        "sv": "{path}: skrivet av en nyare version av Assessor (schema {revision}); "
        "installera den nyare versionen för att läsa det",
        "en": "{path}: written by a newer version of Assessor (schema {revision}); install the "
        "newer version to read it",
    },
    "archive.missing_file": {
        "sv": "{folder}: {file} saknas i arkivet",
        "en": "{folder}: {file} is missing from the archive",
    },
    "archive.changed_file": {
        "sv": "{folder}: {file} har ändrats eller skadats (kontrollsumman stämmer inte)",
        "en": "{folder}: {file} was changed or damaged (checksum differs)",
    },
    "archive.not_folder": {
        "sv": "{path} är inte en mapp",
        "en": "{path} is not a folder",
    },
    "archive.target_exists": {
        "sv": "{path} finns redan; ett arkiv importeras till en ny databas",
        "en": "{path} already exists; an archive is imported into a new database",
    },
    "archive.bad_checksums": {
        "sv": "{folder}: manifestets fillista är inte en lista med kontrollsummor",
        "en": "{folder}: the manifest's list of files is not a list of checksums",
    },
    "archive.bad_path": {
        "sv": "{folder}: manifestet anger {file!r}, som inte är en fil i arkivet",
        "en": "{folder}: the manifest names {file!r}, which is not a file inside the archive",
    },
    "archive.bad_checksum": {
        "sv": "{folder}: manifestets kontrollsumma för {file} är inte en SHA-256",
        "en": "{folder}: the manifest's checksum of {file} is not a SHA-256",
    },
    "archive.unlisted_file": {
        "sv": "{folder}: {file} finns inte med i manifestet och kan därför inte kontrolleras",
        "en": "{folder}: {file} is not listed in the manifest, so it cannot be checked",
    },
    "archive.not_regular": {
        "sv": "{folder}: {file} är inte en vanlig fil (en länk, en pipe eller en enhet)",
        "en": "{folder}: {file} is not a regular file (a link, a pipe or a device)",
    },
    "archive.bad_row": {
        "sv": "json/{table}.json: rad {row}: {reason}",
        "en": "json/{table}.json: row {row}: {reason}",
    },
    "archive.bad_values": {
        "sv": "json/{table}.json: {count} värden i {column} har fel typ eller form",
        "en": "json/{table}.json: {count} value(s) of {column} have the wrong type or form",
    },
    "archive.bad_checklist": {
        "sv": "json/{table}.json: en checklistas id eller version är inte en som en "
        "checklistfil får ha",
        "en": "json/{table}.json: a checklist's id or version is not one a checklist file may have",
    },
    "archive.broken_rows": {
        "sv": "json/{table}.json: ett id förekommer två gånger, eller en rad hänvisar till en "
        "rad som arkivet saknar",
        "en": "json/{table}.json: an id appears twice, or a row refers to a row the archive lacks",
    },
    "archive.wrong_type": {
        "sv": "json/{table}.json: ett värde har fel typ",
        "en": "json/{table}.json: a value has the wrong type",
    },
    "archive.database_not_empty": {
        "sv": "databasen innehåller redan rader i {table}; importera till en ny databas",
        "en": "the database already holds {table} rows; import into a new one",
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
    # reading a file
    "file.too_large": {
        "sv": "filen är för stor ({size} byte; högst {limit} byte läses)",
        "en": "the file is too large ({size} bytes; at most {limit} bytes are read)",
    },
    "file.not_utf8": {
        "sv": "filen är inte UTF-8-text (spara den som UTF-8)",
        "en": "the file is not UTF-8 text (save it as UTF-8)",
    },
    "file.empty": {"sv": "filen är tom", "en": "the file is empty"},
    "yaml.syntax": {
        "sv": "YAML-syntaxfel: {reason}",
        "en": "YAML syntax error: {reason}",
    },
    "file.no_such_file": {"sv": "filen finns inte", "en": "no such file"},
    "file.folder_not_file": {"sv": "en mapp, inte en fil", "en": "a folder, not a file"},
    "file.not_regular": {
        "sv": "inte en vanlig fil (en pipe, en enhet eller en socket)",
        "en": "not a regular file (a pipe, a device or a socket)",
    },
    "file.cannot_read": {"sv": "kan inte läsas ({reason})", "en": "cannot be read ({reason})"},
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
    "mapping.not_found": {
        "sv": "ingen mappning {mapping} finns (se 'assessor mapping list')",
        "en": "no mapping set '{mapping}' (see 'assessor mapping list')",
    },
    "mapping.other_checklists": {
        "sv": "mappningen {mapping} förbinder {source} och {target}, inte {ours} och {theirs}",
        "en": "mapping set {mapping} joins {source} and {target}, not {ours} and {theirs}",
    },
    "mapping.bad_set": {
        "sv": "mappningen {mapping}: {reason}",
        "en": "mapping set {mapping}: {reason}",
    },
    "archive.bad_mapping": {
        "sv": "json/mapping_set.json: {reason}",
        "en": "json/mapping_set.json: {reason}",
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
    CATALOGUE[f"ciso.{_key}"] = {
        "sv": f"{_sv} från CISO Assistant{{named}}, inget ramverk: inget att importera",
        "en": f"{_en} from CISO Assistant{{named}}, not a framework: nothing to import",
    }
CATALOGUE["ciso.mapping_set"] = {
    "sv": "en mappning mellan två ramverk från CISO Assistant{named}, ingen checklista; spara "
    "den med 'assessor mapping import' eller fönstrets import",
    "en": "a CISO Assistant mapping set between two frameworks{named}, not a checklist; keep it "
    "with 'assessor mapping import' or the window's import",
}


CATALOGUE.update({f"ciso.note.{key}": entry for key, entry in NOTES.items()})
