"""The wording of coded errors about sync packages (data only; message_catalogue.py joins the
areas)."""

from __future__ import annotations

SYNC: dict[str, dict[str, str]] = {
    # sync packages
    "syncfile.no_file": {
        "sv": "filen finns inte: {path}",
        "en": "no such file: {path}",
    },
    "syncfile.folder": {
        "sv": "{path} är en mapp, inte en synkfil",
        "en": "{path} is a folder, not a package",
    },
    "syncfile.foreign_name": {
        "sv": "inte en synkfil för den här mappen (Assessor skriver inga filer med det namnet)",
        "en": "not a package of this folder (its name is not one Assessor writes)",
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
    "syncfile.older_work_factor": {
        "sv": "synkfilen krypterades av en äldre version av Assessor och behöver ungefär "
        "{memory} minne för att öppnas (scrypt-arbete 2^{factor}); ange "
        "--allow-older-encryption för att öppna den; inget importerades",
        "en": "the package was encrypted by an older version of Assessor and needs about "
        "{memory} of memory to open (scrypt work 2^{factor}); give --allow-older-encryption "
        "to open it; nothing was imported",
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
    "syncfile.cloned": {
        "sv": "synkfilen innehåller ändringar gjorda under den här databasens egen identitet som "
        "databasen aldrig har gjort: den kommer från en kopia av filen. Öppna kopian i Assessor "
        "en gång (då får den en egen identitet) och exportera igen",
        "en": "the package holds changes made under this database's own identity that this "
        "database never made: it comes from a copy of this file. Open the copy in "
        "Assessor once (it then gets its own identity) and export again",
    },
    "syncfile.changed_meanwhile": {
        "sv": "databasen ändrades medan synkfilen lästes; importera den igen",
        "en": "this database changed while the package was being read; import it again",
    },
    "syncfile.too_large": {
        "sv": "synkfilen skulle bli {size} MB, mer än de {limit} MB en synkfil får vara; "
        "exportera den utan filinnehåll, eller skicka en synkfil med bara ändringarna (till "
        "en kollega)",
        "en": "the package would be {size} MB, more than the {limit} MB a package may be; "
        "export it without file contents, or send a package with only the changes (for one "
        "colleague)",
    },
    "syncfile.exists_foreign": {
        "sv": "{path} finns redan och är ingen synkfil; välj ett annat namn",
        "en": "{path} already exists and is not a sync package; choose another name",
    },
    "passphrase.not_utf8": {
        "sv": "{path}: lösenfrasfilen är inte UTF-8-text",
        "en": "{path}: the passphrase file is not UTF-8 text",
    },
    "passphrase.folder": {
        "sv": "{path} är en mapp; ange filen som innehåller lösenfrasen",
        "en": "{path} is a folder; give the file that holds the passphrase",
    },
    "passphrase.empty": {
        "sv": "{path}: lösenfrasfilen är tom",
        "en": "{path}: the passphrase file is empty",
    },
    "peer.ambiguous": {
        "sv": "{peer} passar in på mer än en dator; ange mer av dess id",
        "en": "{peer} names more than one laptop; give more of its site id",
    },
    "peer.unknown": {
        "sv": "ingen synkfil från {peer} har importerats här, så det som saknas där är okänt: "
        "exportera en fullständig synkfil till den i stället",
        "en": "no package from {peer} has been imported here, so what it lacks is not known: "
        "export a full package for it instead",
    },
    "synced.no_table": {
        "sv": "ingen synkad tabell {table}",
        "en": "no synced table {table}",
    },
    "synced.no_row": {
        "sv": "ingen rad i {table} med id {id}",
        "en": "no {table} row with id {id}",
    },
    "conflict.not_found": {
        "sv": "ingen öppen konflikt med id {id}",
        "en": "no open conflict with id {id}",
    },
    "conflict.bad_keep": {
        "sv": "keep ska vara 'current' eller 'other'",
        "en": "keep must be 'current' or 'other'",
    },
    "conflict.row_gone": {
        "sv": "raden i {table} som konflikten gäller finns inte längre",
        "en": "the {table} row of this conflict is gone",
    },
    "conflict.not_editable": {
        "sv": "den här konfliktens värde kan inte skrivas för hand; behåll ett av de två",
        "en": "this conflict's value cannot be edited by hand; keep one of the two",
    },
    "conflict.empty_value": {
        "sv": "får inte vara tomt",
        "en": "must not be empty",
    },
}
