"""Details of a refusal in Swedish and English: why a package, an archive's file or a
checklist's field was refused, for whoever looks into the file. The English detail is the key
(sync/errors.unusable, services/archive_import.py); the Swedish one is said inside the Swedish
line (domain/messages.py). Data only, apart from the catalogue of whole messages
(message_catalogue.py).
"""

from __future__ import annotations

# fmt: off
# (pairs on two lines read better than the formatter's one long line each)


def _both(pairs: dict[str, str]) -> dict[str, dict[str, str]]:
    return {en: {"sv": sv, "en": en} for en, sv in pairs.items()}


# Why a package was refused, for whoever looks into a damaged or forged file: the English
# detail is the key (sync/errors.unusable), the Swedish one is said inside the Swedish line.
DETAILS: dict[str, dict[str, str]] = _both({
    "a clock names the table {table}, which does not exist":
        "en klocka anger tabellen {table}, som inte finns",
    "a conflict's value is not an object": "en konflikts värde är inte ett objekt",
    "a file content is marked deleted": "ett filinnehåll är markerat som raderat",
    "a file content was changed after it was written":
        "ett filinnehåll ändrades efter att det skrevs",
    "a file content's clock is not JSON": "ett filinnehålls klocka är inte JSON",
    "a file content's id does not match its hash and author":
        "ett filinnehålls id stämmer inte med dess kontrollsumma och upphov",
    "a file content's size does not match": "ett filinnehålls storlek stämmer inte",
    "a stored value is not readable JSON": "ett sparat värde är inte läsbar JSON",
    "a file's content does not match its SHA-256 (damaged or altered)":
        "en fils innehåll stämmer inte med dess SHA-256 (skadat eller ändrat)",
    "a row's clock does not show its latest version":
        "en rads klocka visar inte dess senaste version",
    "a row's clock has a malformed context": "en rads klocka har en felaktig kontext",
    "a row's clock has a malformed write": "en rads klocka har en felaktig skrivning",
    "a row's clock has malformed values": "en rads klocka har felaktiga värden",
    "a row's clock has no row": "en klocka saknar sin rad",
    "a row's clock holds a malformed value": "en rads klocka har ett felaktigt värde",
    "a row's clock holds a value of an unknown group":
        "en rads klocka har ett värde i en okänd fältgrupp",
    "a row's clock is empty": "en rads klocka är tom",
    "a row's clock is not in order": "en rads klocka är inte i ordning",
    "a row's clock is not readable": "en rads klocka kan inte läsas",
    "a row's clock leaves a field group without a version":
        "en rads klocka lämnar en fältgrupp utan version",
    "a row's clock names one write twice": "en rads klocka anger samma skrivning två gånger",
    "a site id is not a UUID": "ett dator-id är inte ett UUID",
    "its contents cannot be brought up to date": "innehållet kan inte uppdateras till nu",
    "its tables are not exactly Assessor's (extra tables, views, triggers or changed columns)":
        "tabellerna är inte exakt Assessors (extra tabeller, vyer, triggrar eller ändrade "
        "kolumner)",
    "row counts differ from the manifest": "antalet rader skiljer sig från manifestet",
    "rows refer to rows it lacks": "rader hänvisar till rader som saknas i filen",
    "the archive is damaged or cut short": "arkivet är skadat eller avkortat",
    "the database inside cannot be read": "databasen i filen kan inte läsas",
    "the database inside is damaged": "databasen i filen är skadad",
    "the file is empty or cut short": "filen är tom eller avkortad",
    "the file is larger than any package this program writes":
        "filen är större än någon synkfil som programmet skriver",
    "the file is too large": "filen är för stor",
    "the manifest has no format version": "manifestet saknar formatversion",
    "the manifest is not JSON": "manifestet är inte JSON",
    "the manifest is not an Assessor manifest": "manifestet är inte ett Assessor-manifest",
    "the manifest is too large": "manifestet är för stort",
    "the manifest lacks a field": "manifestet saknar ett fält",
    "the manifest nests too deeply": "manifestet är för djupt nästlat",
    "the manifest's clock is bad": "manifestets klocka är felaktig",
    "the manifest's contents flag is not true or false":
        "manifestets innehållsflagga är varken sant eller falskt",
    "the manifest's counts are not numbers": "manifestets antal är inte tal",
    "the manifest's format version and schema do not belong together":
        "manifestets formatversion och schema hör inte ihop",
    "the manifest's format version is not one Assessor wrote":
        "manifestets formatversion är ingen som Assessor har skrivit",
    "the manifest's ids are not UUIDs": "manifestets id är inte UUID",
    "the manifest's kind is not full or delta":
        "manifestets sort är varken fullständig eller ändringar",
    "the manifest's schema revision is not one": "manifestets schemaversion är ingen version",
    "the manifest's size is out of range": "manifestets storlek är orimlig",
    "the manifest's version vector is malformed": "manifestets versionsvektor är felaktig",
    "the state does not match its checksum": "innehållet stämmer inte med sin kontrollsumma",
    "the state inflates far more than any package does":
        "innehållet packas upp till långt mer än någon synkfil gör",
    "the state is larger than the manifest says": "innehållet är större än manifestet anger",
    "the state is not a plain SQLite file": "innehållet är inte en vanlig SQLite-fil",
    "the state's size does not match the manifest":
        "innehållets storlek stämmer inte med manifestet",
    "the {table} rows and their clocks do not match":
        "raderna i {table} och deras klockor stämmer inte överens",
    "too many sites": "för många datorer",
    "not a regular file (a pipe, a device or a socket)":
        "inte en vanlig fil (en pipe, en enhet eller en socket)",
    "unexpected files inside": "oväntade filer i arkivet",
    "unknown compression": "okänd komprimering",
    "unknown file type": "okänd filtyp",
    "zip-level encryption is not used by Assessor": "Assessor använder inte zip-kryptering",
    "{count} value(s) of {column} have the wrong type or form":
        "{count} värden i {column} har fel typ eller form",
    "a checklist's id or version is not one a checklist file may have":
        "en checklistas id eller version är inte en som en checklistfil får ha",
    "a mapping set's id is not one a mapping file may have":
        "en mappnings id är inte ett som en mappningsfil får ha",
    "a mapping set's name is empty, too long or holds control characters":
        "en mappnings namn är tomt, för långt eller innehåller styrtecken",
    "a mapping set's framework is not a short urn":
        "en mappnings ramverk är inte en kort urn",
    "a mapping set has no links": "en mappning saknar kopplingar",
    "a mapping set has more links than a mapping set may have":
        "en mappning har fler kopplingar än en mappning får ha",
    "a mapping set's link is not two short urns and a known relationship":
        "en mappnings koppling är inte två korta urn och ett känt samband",
    "a mapping set's row id does not follow from its id":
        "en mappnings rad-id följer inte av dess id",
    "a mapping set's links are not JSON": "en mappnings kopplingar är inte JSON",
    "a mapping set's edition is not its links and a version like 1 or 2.3":
        "en mappnings utgåva är inte dess kopplingar och en version som 1 eller 2.3",
})

# What `checklist migrate` left behind (services/checklist_migration.py): a line each
DETAILS.update(_both({
    "answer to question {key}: no such question in version {version}":
        "svaret på fråga {key}: frågan finns inte i version {version}",
    "level {level} of question {key}: outside the new scale; the question is left "
    "unanswered (comment kept)":
        "nivå {level} på fråga {key}: utanför den nya skalan; frågan lämnas obesvarad "
        "(kommentaren behålls)",
    "evidence for question {key}: no such question":
        "underlaget till fråga {key}: frågan finns inte",
    "target level of dimension {key}: no such dimension":
        "målnivån för dimension {key}: dimensionen finns inte",
    "target level {level} of dimension {key}: outside the new scale":
        "målnivå {level} för dimension {key}: utanför den nya skalan",
    "finding '{title}': its question {key} is gone; it stays without a question":
        "iakttagelsen '{title}': dess fråga {key} finns inte längre; den blir kvar utan fråga",
    "finding '{title}': its dimension {key} is gone; it stays without a dimension":
        "iakttagelsen '{title}': dess dimension {key} finns inte längre; den blir kvar utan "
        "dimension",
    "a recommendation's link to dimension {key}: no such dimension":
        "en rekommendations koppling till dimension {key}: dimensionen finns inte",
    "a meeting note's link to question {key}: no such question; the note stays without a "
    "question":
        "en mötesantecknings koppling till fråga {key}: frågan finns inte; anteckningen "
        "blir kvar utan fråga",
}))

# A checklist's problems field by field (domain/checklist_shapes.py, checklist_scale.py,
# checklist_validate.py): the English template is the key, as for a package's details. Field
# names (id, title, levels, ...) are the file's own words and stay as they are.
DETAILS.update(_both({
    "'{lang}' is not a language code like sv or en": "'{lang}' är ingen språkkod som sv eller en",
    "a language": "ett språk",
    "a number this program cannot read": "ett tal som programmet inte kan läsa",
    "a number with more digits than any weight or level needs":
        "ett tal med fler siffror än någon vikt eller nivå behöver",
    "a value longer than {MAX_VALUE_CHARS} characters":
        "ett värde längre än {MAX_VALUE_CHARS} tecken",
    "bad value: {value}": "felaktigt värde: {value}",
    "band min must be a number, not {low}": "bandets min måste vara ett tal, inte {low}",
    "band min {low} is outside the scale {value}-{value2}":
        "bandets min {low} ligger utanför skalan {value}–{value2}",
    "band {value}": "band {value}",
    "bands": "bands",
    "bands must be listed with increasing min": "banden måste listas med växande min",
    "description": "description",
    "dimension '{dim_id}'": "dimensionen '{dim_id}'",
    "dimension {value}": "dimension {value}",
    "dimension {value}: id": "dimension {value}: id",
    "dimensions": "dimensions",
    "duplicate dimension id '{dim_id}' (first used on line {value})":
        "dimensions-id '{dim_id}' förekommer två gånger (först på rad {value})",
    "duplicate profile id '{profile_id}'": "profil-id '{profile_id}' förekommer två gånger",
    "duplicate question id '{q_id}' (first used on line {value})":
        "fråge-id '{q_id}' förekommer två gånger (först på rad {value})",
    "id": "id",
    "language '{lang}' is listed twice": "språket '{lang}' står två gånger",
    "languages": "languages",
    "name of band {value}": "namnet på band {value}",
    "name of scale level {level}": "namnet på skalnivå {level}",
    "profile '{profile_id}'": "profilen '{profile_id}'",
    "profile '{profile_id}' has no question (no question names it)":
        "profilen '{profile_id}' har ingen fråga (ingen fråga anger den)",
    "profile {value}": "profil {value}",
    "profile {value}: id": "profil {value}: id",
    "profiles": "profiles",
    "question '{q_id}'": "frågan '{q_id}'",
    "scale": "scale",
    "scale level must be a whole number, not {level}":
        "en skalnivå måste vara ett heltal, inte {level}",
    "scale level {value}": "skalnivå {value}",
    "scale levels must be consecutive whole numbers: expected {value}, found {level}":
        "skalans nivåer måste vara på varandra följande heltal: väntade {value}, fann {level}",
    "scale must have at least two levels": "skalan måste ha minst två nivåer",
    "source": "source",
    "the checklist": "checklistan",
    "the first band must start at the lowest level, {value}, so that every score has a band":
        "det första bandet måste börja på den lägsta nivån, {value}, så att varje poäng har "
        "ett band",
    "title": "title",
    "version '{value}' must be whole numbers without leading zeros separated by dots, like "
    "1.0 or 2.10 (at most {MAX_VERSION_PARTS} numbers of at most {MAX_VERSION_DIGITS} digits)":
        "versionen '{value}' måste vara heltal utan inledande nollor åtskilda av punkter, som "
        "1.0 eller 2.10 (högst {MAX_VERSION_PARTS} tal med högst {MAX_VERSION_DIGITS} siffror)",
    'version must be quoted text like "1.0", not {value}':
        'versionen måste vara text inom citattecken som "1.0", inte {value}',
    "{dimension}: question {value}": "{dimension}: fråga {value}",
    "{dimension}: question {value}: id": "{dimension}: fråga {value}: id",
    "{dimension}: questions": "{dimension}: questions",
    "{what} '{value}' may hold only a-z, 0-9, '.', '_' and '-', must start with a letter or "
    "digit and be at most {MAX_ID_CHARS} characters long":
        "{what} '{value}' får bara innehålla a-z, 0-9, '.', '_' och '-', måste börja med en "
        "bokstav eller siffra och vara högst {MAX_ID_CHARS} tecken lång",
    "{what} ({lang})": "{what} ({lang})",
    "{what} must be a list (lines starting with '- ')":
        "{what} måste vara en lista (rader som börjar med '- ')",
    "{what} must be a mapping (key: value lines)":
        "{what} måste vara en avbildning (rader med nyckel: värde)",
    "{what} must be a text per language, like {{sv: ..., en: ...}}":
        "{what} måste vara en text per språk, som {{sv: ..., en: ...}}",
    "{what} must be text": "{what} måste vara text",
    "{what} must not be empty": "{what} får inte vara tom",
    "{what}: field '{key}' appears twice": "{what}: fältet '{key}' förekommer två gånger",
    "{what}: field names must be text": "{what}: fältnamn måste vara text",
    "{what}: language '{lang}' appears twice": "{what}: språket '{lang}' förekommer två gånger",
    "{what}: language '{lang}' is not one of the checklist's languages ({value})":
        "{what}: språket '{lang}' är inte ett av checklistans språk ({value})",
    "{what}: language codes must be text": "{what}: språkkoder måste vara text",
    "{what}: missing language '{lang}'": "{what}: språket '{lang}' saknas",
    "{what}: missing required field '{key}'": "{what}: det obligatoriska fältet '{key}' saknas",
    "{what}: unknown field '{key}' (known fields: {known})":
        "{what}: okänt fält '{key}' (kända fält: {known})",
    "{what}: weight must be a number greater than 0, not {value}":
        "{what}: vikten måste vara ett tal större än 0, inte {value}",
    "{where}: a profile": "{where}: en profil",
    "{where}: description": "{where}: description",
    "{where}: descriptor of level {key}": "{where}: beskrivningen av nivå {key}",
    "{where}: guidance": "{where}: guidance",
    "{where}: level {key} has two descriptors": "{where}: nivå {key} har två beskrivningar",
    "{where}: level {key} is not a whole number": "{where}: nivå {key} är inte ett heltal",
    "{where}: level {key} is outside the scale {value}-{value2}":
        "{where}: nivå {key} ligger utanför skalan {value}–{value2}",
    "{where}: levels must be a mapping from level number to descriptor":
        "{where}: levels måste vara en avbildning från nivånummer till beskrivning",
    "{where}: missing descriptor for level {level}": "{where}: beskrivning saknas för nivå {level}",
    "{where}: name": "{where}: name",
    "{where}: profiles": "{where}: profiles",
    "{where}: source": "{where}: source",
    "{where}: text": "{where}: text",
    "{where}: title": "{where}: title",
    "{where}: unknown profile '{profile_id}' (profiles: {known})":
        "{where}: okänd profil '{profile_id}' (profiler: {known})",
}))

# Why a handover archive's file or row was refused (services/archive_import.py, tables.py)
DETAILS.update(_both({
    "not a regular file": "inte en vanlig fil",
    "larger than {limit} bytes": "större än {limit} byte",
    "not UTF-8 text": "inte UTF-8-text",
    "not JSON from line {line}": "inte JSON från rad {line}",
    "nested too deeply": "för djupt nästlad",
    "a number too long to read": "ett tal för långt för att läsas",
    "not an object with a list of rows": "inte ett objekt med en lista av rader",
    "not an object": "inte ett objekt",
    "unknown field {field}": "okänt fält {field}",
    "a value has the wrong type": "ett värde har fel typ",
    "expected a date, got {value}": "väntade ett datum, fick {value}",
    "expected true or false, got {value}": "väntade true eller false, fick {value}",
    "expected a whole number, got {value}": "väntade ett heltal, fick {value}",
    "expected a number, got {value}": "väntade ett tal, fick {value}",
    "expected an object or a list, got {value}": "väntade ett objekt eller en lista, fick {value}",
    "expected text, got {value}": "väntade text, fick {value}",
}))

# What a CISO Assistant library holds, said inside "not a mapping set but ..." (ciso_read.py)
DETAILS.update(_both({
    "framework": "ett ramverk",
    "a risk matrix": "en riskmatris",
    "a catalogue of reference controls": "en katalog över referenskontroller",
    "a catalogue of threats": "en katalog över hot",
    "a preset (a set-up of several libraries)": "en förinställning (flera bibliotek)",
    "a set of metric definitions": "en uppsättning mätetal",
    "a catalogue of attack techniques": "en katalog över attacktekniker",
    "a library without a framework": "ett bibliotek utan ramverk",
}))

# What the system said when a file could not be read or written (messages.os_reason): its
# English (glibc's wording) is the key
DETAILS.update(_both({
    "Permission denied": "åtkomst nekad",
    "Operation not permitted": "åtgärden är inte tillåten",
    "No space left on device": "inget utrymme kvar på enheten",
    "Disk quota exceeded": "diskkvoten är slut",
    "Read-only file system": "filsystemet är skrivskyddat",
    "No such file or directory": "filen eller mappen finns inte",
    "Is a directory": "är en mapp",
    "Not a directory": "är inte en mapp",
    "File name too long": "filnamnet är för långt",
    "Input/output error": "in- eller utmatningsfel",
}))
# fmt: on
