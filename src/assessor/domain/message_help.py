"""The command line's --help in Swedish (data only; cli/help_words.py uses it).

The English text a parser is given is its key, as a msgid is in gettext, so the commands keep
their help beside their options; a text missing here is shown in English, and
tests/cli/test_cli_help.py fails on it. ARGPARSE words argparse's own texts ("usage: ",
"options", its errors) by the English that argparse asks gettext for.
"""

from __future__ import annotations

HELP: dict[str, str] = {
    # the program
    "Assess agencies' digital maturity.": "Bedöm myndigheters digitala mognad.",
    "show program's version number and exit": "visa programmets versionsnummer och avsluta",
    "the database file": "databasfilen",
    "language of the window and of messages (default: the system's)": (
        "språket i fönstret och i meddelanden (standard: systemets)"
    ),
    "open the window, print the milliseconds since the process started when it is usable "
    "(data shown, idle) and again when it is ready for an edit (database open), and exit": (
        "öppna fönstret, skriv ut millisekunderna sedan processen startade när det går att "
        "använda (data visas, vilande) och igen när det är redo för en ändring (databasen "
        "öppen), och avsluta"
    ),
    # the commands
    "create and check databases": "skapa och kontrollera databaser",
    "create a realistic demo database, or apply random edits to one": (
        "skapa en realistisk demodatabas, eller gör slumpmässiga ändringar i en"
    ),
    "list agencies or assessments": "lista myndigheter eller bedömningar",
    "validate, import and list checklists": "kontrollera, importera och lista checklistor",
    "mapping sets between checklists (CISO Assistant)": (
        "mappningar mellan checklistor (CISO Assistant)"
    ),
    "export an assessment's report (tagged PDF or editable DOCX)": (
        "exportera en bedömnings rapport (taggad PDF eller redigerbar DOCX)"
    ),
    "exchange changes with colleagues by file": "utbyt ändringar med kollegor via fil",
    "spreadsheets and the handover archive": "kalkylblad och överlämningsarkivet",
    "rebuild a database from a handover archive": (
        "återskapa en databas från ett överlämningsarkiv"
    ),
    "common gaps across agencies and who can lend to whom": (
        "gemensamma gap mellan myndigheter och vem som kan låna ut till vem"
    ),
    "show or set who uses this database": "visa eller ange vem som använder den här databasen",
    "evidence files attached to answers, meetings, ...": (
        "underlagsfiler bifogade till svar, möten, ..."
    ),
    "the team hub on PostgreSQL": "teamets nav i PostgreSQL",
    # db
    "a new empty database with the default checklist": (
        "en ny tom databas med standardchecklistan"
    ),
    "integrity and schema check": "kontroll av integritet och schema",
    "one hash of all live content": "en kontrollsumma över allt aktuellt innehåll",
    # demo
    "Without --mutate: fill a new database with demo data (the same seed gives the same "
    "data). With --mutate N: apply N random user-like edits.": (
        "Utan --mutate: fyll en ny databas med demodata (samma frö ger samma data). Med "
        "--mutate N: gör N slumpmässiga ändringar som en användare skulle kunna göra."
    ),
    "the random seed (default 1)": "slumpfröet (standard 1)",
    "how many agencies (default 12)": "hur många myndigheter (standard 12)",
    "apply N random edits instead": "gör i stället N slumpmässiga ändringar",
    "machine-readable output": "maskinläsbar utdata",
    # checklist
    "check checklist files (FILE:LINE: message)": (
        "kontrollera checklistfiler (FIL:RAD: meddelande)"
    ),
    "import a checklist file (ours or CISO Assistant)": (
        "importera en checklistfil (vår eller från CISO Assistant)"
    ),
    "the imported checklists and versions": "de importerade checklistorna och versionerna",
    "move an assessment to a newer version of its checklist": (
        "flytta en bedömning till en nyare version av dess checklista"
    ),
    "a CISO Assistant library this program converted differently before: add the new "
    "conversion as a version of its own beside the old one": (
        "ett bibliotek från CISO Assistant som programmet tidigare konverterade på ett annat "
        "sätt: lägg till den nya konverteringen som en egen version bredvid den gamla"
    ),
    "a version of the assessment's checklist (1.1) or a checklist id": (
        "en version av bedömningens checklista (1.1) eller ett checklist-id"
    ),
    # mapping
    "keep the mapping sets of a CISO Assistant library": (
        "spara mappningarna i ett bibliotek från CISO Assistant"
    ),
    "the mapping sets kept": "de sparade mappningarna",
    "remove a kept mapping set (for colleagues too, with the next sync)": (
        "ta bort en sparad mappning (även hos kollegor, vid nästa synkning)"
    ),
    "a mapping set's id (see 'mapping list')": "mappningens id (se 'mapping list')",
    "an assessment read as another checklist": "en bedömning läst som en annan checklista",
    "a mapping set's id": "mappningens id",
    "the checklist to read as": "checklistan att läsa som",
    # report
    "Write the assessment's report as a tagged PDF (PDF/UA-1) or an editable Word document "
    "and record the delivery (when, language, who, recipient, SHA-256 of the file).": (
        "Skriv bedömningens rapport som taggad PDF (PDF/UA-1) eller som redigerbart "
        "Word-dokument och registrera leveransen (när, språk, vem, mottagare, filens SHA-256)."
    ),
    "the assessment's id": "bedömningens id",
    "the file to write (.pdf or .docx)": "filen att skriva (.pdf eller .docx)",
    "the file format (default: from the file name's extension, else pdf)": (
        "filformatet (standard: enligt filnamnets ändelse, annars pdf)"
    ),
    "the report's language (default sv)": "rapportens språk (standard sv)",
    "archival PDF/A-2a (PDF only)": "arkivbeständig PDF/A-2a (bara PDF)",
    "score on a profile of the checklist (only its questions count); by default the one the "
    'assessment is scored on, "" for the whole checklist': (
        "poängsätt enligt en profil av checklistan (bara dess frågor räknas); standard är den "
        'som bedömningen poängsätts enligt, "" för hela checklistan'
    ),
    "add an appendix reading the assessment as another checklist (needs --mapping)": (
        "lägg till en bilaga som läser bedömningen som en annan checklista (kräver --mapping)"
    ),
    "the mapping set to read through (see 'assessor mapping list')": (
        "mappningen att läsa genom (se 'assessor mapping list')"
    ),
    "who receives the report": "vem som tar emot rapporten",
    "who exports it (default: the user name)": "vem som exporterar den (standard: användarnamnet)",
    # sync
    "write this database's state to one package file": (
        "skriv den här databasens innehåll till en synkfil"
    ),
    "merge a colleague's package into this database": (
        "slå ihop en kollegas synkfil med den här databasen"
    ),
    "exchange changes with the team through a shared folder": (
        "utbyt ändringar med teamet genom en delad mapp"
    ),
    "exchange changes with the team hub (PostgreSQL)": (
        "utbyt ändringar med teamets nav (PostgreSQL)"
    ),
    "the conflict log": "konfliktloggen",
    "agencies that are likely the same one twice": (
        "myndigheter som troligen är samma myndighet två gånger"
    ),
    "merge one agency into another and delete it": (
        "slå ihop en myndighet med en annan och radera den"
    ),
    "the package to write": "synkfilen att skriva",
    "encrypt with the passphrase in F": "kryptera med lösenfrasen i F",
    "only what PEER (its site id, or the start of it) has not seen yet": (
        "bara det som KOLLEGA (dess dator-id, eller början av det) inte har sett än"
    ),
    "everything (the default)": "allt (standard)",
    "leave the evidence files' contents out (their descriptions travel)": (
        "utelämna underlagsfilernas innehåll (beskrivningarna följer med)"
    ),
    "print the summary as JSON": "skriv ut sammanfattningen som JSON",
    "the package": "synkfilen",
    "the passphrase of an encrypted package": "lösenfrasen till en krypterad synkfil",
    "open a package that an older version of Assessor encrypted, whose passphrase needs up "
    "to {older_memory} of memory to open (scrypt work up to 2^{older}); without it only "
    "2^{current} ({current_memory}, what this version writes) is opened": (
        "öppna en synkfil som en äldre version av Assessor krypterade, vars lösenfras behöver "
        "upp till {older_memory} minne för att öppnas (scrypt-arbete upp till 2^{older}); "
        "utan flaggan öppnas bara 2^{current} ({current_memory}, det som den här versionen "
        "skriver)"
    ),
    "print the outcome as JSON": "skriv ut resultatet som JSON",
    "the team's shared folder": "teamets delade mapp",
    "the team's passphrase: packages are written encrypted and read with it": (
        "teamets lösenfras: synkfilerna skrivs krypterade och läses med den"
    ),
    "the hub: a libpq URL or connection string (postgresql://user@host/db, service=NAME); "
    "the password comes from ~/.pgpass or PGPASSWORD, never from here": (
        "navet: en libpq-URL eller anslutningssträng (postgresql://användare@värd/databas, "
        "service=NAMN); lösenordet hämtas från ~/.pgpass eller PGPASSWORD, aldrig härifrån"
    ),
    "print as JSON": "skriv ut som JSON",
    "include resolved conflicts": "ta med lösta konflikter",
    "the agency to keep": "myndigheten som ska behållas",
    "the agency whose rows move to KEEP_ID": "myndigheten vars rader flyttas till KEEP_ID",
    # export
    "the .xlsx file, or the folder for csv and archive": (
        ".xlsx-filen, eller mappen för csv och archive"
    ),
    "language of checklist texts": "språket i checklistans texter",
    # portfolio
    "Print the dimensions where many agencies score low, the agencies strong there with their "
    "good practices, and the recommendations given; or write the portfolio report as a PDF "
    "with --out.": (
        "Skriv ut de områden där många myndigheter har låga resultat, de myndigheter som är "
        "starka där med sina goda exempel, och de rekommendationer som getts; eller skriv "
        "portföljrapporten som PDF med --out."
    ),
    "print JSON": "skriv ut JSON",
    "write the portfolio report (PDF)": "skriv portföljrapporten (PDF)",
    "language of the report and the dimension names (default: sv in the PDF and the JSON; "
    "the printed lines in the language of the messages)": (
        "språket i rapporten och i områdenas namn (standard: sv i PDF:en och i JSON; de "
        "utskrivna raderna på meddelandenas språk)"
    ),
    "the checklist's key (default digital-maturity)": (
        "checklistans nyckel (standard digital-maturity)"
    ),
    "only this ministry": "bara det här departementet",
    "assessed on or after (YYYY-MM-DD)": "bedömd den dagen eller senare (ÅÅÅÅ-MM-DD)",
    "assessed on or before (YYYY-MM-DD)": "bedömd den dagen eller tidigare (ÅÅÅÅ-MM-DD)",
    "only assessments with this status": "bara bedömningar med den här statusen",
    "also agencies assessed on another checklist, read through a kept mapping set (assessor "
    "mapping import)": (
        "även myndigheter bedömda mot en annan checklista, lästa genom en sparad mappning "
        "(assessor mapping import)"
    ),
    "a gap is a score below N (default 2.0)": "ett gap är ett resultat under N (standard 2.0)",
    "a gap is common when N agencies share it (default 2)": (
        "ett gap är gemensamt när N myndigheter har det (standard 2)"
    ),
    "an agency can lend with a score of at least N (default 3.0)": (
        "en myndighet kan låna ut med ett resultat på minst N (standard 3.0)"
    ),
    # advisor
    "your name, as colleagues will see it": "ditt namn, så som kollegor kommer att se det",
    "your e-mail address": "din e-postadress",
    # evidence
    "attach a file": "bifoga en fil",
    "list attachments": "lista bifogade filer",
    "take an attachment off (undo with restore)": "ta bort en bifogad fil (ångra med restore)",
    "put a detached attachment back": "sätt tillbaka en borttagen bifogad fil",
    "copy the files into a folder (never confidential ones unless asked)": (
        "kopiera filerna till en mapp (aldrig sekretessbelagda om du inte ber om det)"
    ),
    "print the attachment as JSON": "skriv ut den bifogade filen som JSON",
    "the file to attach": "filen att bifoga",
    "the answer to a question of an assessment": "svaret på en fråga i en bedömning",
    "meeting, meeting_note, answer, finding or recommendation, and its id": (
        "meeting, meeting_note, answer, finding eller recommendation, och dess id"
    ),
    "a title (default: the file name)": "en rubrik (standard: filnamnet)",
    "what it shows": "vad den visar",
    "keep it out of reports, exports and the archive": (
        "håll den utanför rapporter, exporter och arkivet"
    ),
    "only those on this assessment's answers": "bara de som hör till den här bedömningens svar",
    "include detached ones": "ta med borttagna",
    "the attachment": "den bifogade filen",
    "the folder to write into": "mappen att skriva till",
    "also the files marked confidential": "även filerna som är sekretessbelagda",
    # hub
    "create the hub's tables, or bring them up to date": (
        "skapa navets tabeller, eller uppdatera dem"
    ),
}

# the placeholders of --help ("--db PATH") and of argparse's errors ("argument ACTION: ...");
# ID, N, F and URL read the same in both languages
METAVARS: dict[str, str] = {
    "COMMAND": "KOMMANDO",
    "ACTION": "ÅTGÄRD",
    "PATH": "SÖKVÄG",
    "FILE": "FIL",
    "FILE.pdf": "FIL.pdf",
    "DIR": "MAPP",
    "FOLDER": "MAPP",
    "NAME": "NAMN",
    "EMAIL": "E-POST",
    "SEED": "FRÖ",
    "AGENCIES": "ANTAL",
    "TITLE": "RUBRIK",
    "DESCRIPTION": "BESKRIVNING",
    "STATUS": "STATUS",
    "TEXT": "TEXT",
    "DATE": "DATUM",
    "KEY": "NYCKEL",
    "PEER": "KOLLEGA",
    "KIND": "SLAG",
    "VERSION|ID": "VERSION|ID",
    "OTHER_ID": "ANNAT_ID",
    "KEEP_ID": "BEHÅLLS_ID",
    "CHECKLIST_ID": "CHECKLISTE_ID",
    "ASSESSMENT_ID": "BEDÖMNINGS_ID",
    "QUESTION_ID": "FRÅGE_ID",
}

# argparse's own texts (its gettext msgids in Python 3.11 to 3.13)
ARGPARSE: dict[str, str] = {
    "usage: ": "användning: ",
    "positional arguments": "argument",
    "options": "flaggor",
    "show this help message and exit": "visa den här hjälpen och avsluta",
    "argument %(argument_name)s: %(message)s": "argumentet %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "okända argument: %s",
    "the following arguments are required: %s": "följande argument krävs: %s",
    "one of the arguments %s is required": "ett av argumenten %s krävs",
    "not allowed with argument %s": "får inte anges tillsammans med argumentet %s",
    "expected one argument": "väntade ett argument",
    "expected at most one argument": "väntade högst ett argument",
    "expected at least one argument": "väntade minst ett argument",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tvetydig flagga: %(option)s kan betyda %(matches)s"
    ),
    "invalid %(type)s value: %(value)r": "ogiltigt värde av typen %(type)s: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ogiltigt val: %(value)r (välj bland %(choices)s)"
    ),
    "ignored explicit argument %r": "ignorerade det angivna argumentet %r",
    "unexpected option string: %s": "oväntad flagga: %s",
}
