"""The wording of coded errors about files: the database file, files read and written, CSV
exports and the handover archive (data only; message_catalogue.py joins the areas)."""

from __future__ import annotations

FILES: dict[str, dict[str, str]] = {
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
        "sv": "{path}: antal problem som hittades: {count}",
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
    "db.no_site_id": {
        "sv": "databasen har inget dator-id; öppna den med Assessor först",
        "en": "this database has no site id; open it with Assessor first",
    },
    "db.hard_delete": {
        "sv": "en rad i {table} kan inte tas bort helt (synkningen skulle föra tillbaka den); "
        "sätt deleted_at i stället",
        "en": "a {table} row cannot be removed outright (sync would bring it back); set "
        "deleted_at instead",
    },
    "db.not_opened": {
        "sv": "{path} kunde inte öppnas",
        "en": "{path} could not be opened",
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
    "archive.bad_mapping": {
        "sv": "json/mapping_set.json: {reason}",
        "en": "json/mapping_set.json: {reason}",
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
    "file.no_such_file": {"sv": "filen finns inte", "en": "no such file"},
    "file.folder_not_file": {"sv": "en mapp, inte en fil", "en": "a folder, not a file"},
    "file.not_regular": {
        "sv": "inte en vanlig fil (en pipe, en enhet eller en socket)",
        "en": "not a regular file (a pipe, a device or a socket)",
    },
    "file.cannot_read": {"sv": "kan inte läsas ({reason})", "en": "cannot be read ({reason})"},
    "db.exists": {
        "sv": "{path} finns redan; välj en annan fil eller ta bort den först",
        "en": "{path} already exists; choose another file or delete it first",
    },
    "file.cannot_write_in": {
        "sv": "kan inte skriva i {folder}: {reason}",
        "en": "cannot write in {folder}: {reason}",
    },
    "file.could_not_write": {
        "sv": "kunde inte skriva {path}: {reason}",
        "en": "could not write {path}: {reason}",
    },
    "folder.not_writable": {
        "sv": "det går inte att skriva i mappen {folder}: den här datorn kan inte lämna sina "
        "ändringar där",
        "en": "the folder {folder} is not writable: this laptop cannot leave its changes there",
    },
    "folder.cannot_write": {
        "sv": "kan inte skriva till mappen {folder}: {reason}",
        "en": "cannot write to the folder {folder}: {reason}",
    },
    "attachment.limit_zero": {
        "sv": "den största filen måste vara minst en byte",
        "en": "the largest file must be at least one byte",
    },
    "attachment.folder": {
        "sv": "{path} är en mapp, inte en fil",
        "en": "{path} is a folder, not a file",
    },
    "attachment.too_large": {
        "sv": "{name} är större än {limit}, den största fil som kan bifogas",
        "en": "{name} is larger than {limit}, the largest file that can be attached",
    },
    "attachment.data_too_large": {
        "sv": "filen är större än {limit}, den största som kan bifogas",
        "en": "the file is larger than {limit}, the largest that can be attached",
    },
    "attachment.bad_target": {
        "sv": "filer kan bifogas till: {targets}",
        "en": "files can be attached to: {targets}",
    },
    "attachment.empty_title": {
        "sv": "rubriken får inte vara tom",
        "en": "the title cannot be empty",
    },
    "attachment.not_found": {
        "sv": "ingen bilaga med id {id}",
        "en": "no attachment with id {id}",
    },
    "attachment.no_content": {
        "sv": "innehållet i {name} finns inte på den här datorn (det kom i en synkfil utan "
        "filinnehåll); importera en synkfil med filinnehåll",
        "en": "the content of {name} is not on this laptop (it came in a "
        "package without contents); import a package with contents",
    },
    "attachment.folder_is_file": {
        "sv": "{folder} är en fil; ange en mapp för bilagornas filer",
        "en": "{folder} is a file; give a folder for the evidence files",
    },
    "attachment.unsafe_name": {
        "sv": "vägrade ett osäkert filnamn: {name}",
        "en": "refused an unsafe file name: {name}",
    },
}
