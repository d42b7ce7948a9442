"""The wording of what the command line prints, in Swedish and English (data only;
message_catalogue.py joins the areas, cli/output.py prints them).

A count in a line comes inflected (domain/counts.py): "{rows}" is "1 row" or "3 rader". A
fragment that only some lines carry (", encrypted") is an entry of its own, filled in as a
parameter.
"""

from __future__ import annotations

CLI: dict[str, dict[str, str]] = {
    # errors the command line catches itself (cli/main.py)
    "cli.no_folder": {"sv": "mappen finns inte: {folder}", "en": "no such folder: {folder}"},
    "cli.no_file": {"sv": "filen finns inte: {path}", "en": "no such file: {path}"},
    "cli.is_folder": {
        "sv": "{path} är en mapp, inte en fil",
        "en": "{path} is a folder, not a file",
    },
    "cli.permission": {"sv": "åtkomst nekad: {path}", "en": "permission denied: {path}"},
    "cli.interrupted": {"sv": "avbrutet", "en": "interrupted"},
    "cli.no_command": {
        "sv": "inget kommando angivet (kör 'assessor --help')",
        "en": "no command given (run 'assessor --help')",
    },
    # errors in the commands' own options
    "cli.not_a_date": {
        "sv": "{option}: '{value}' är inte ett datum (ÅÅÅÅ-MM-DD)",
        "en": "{option}: '{value}' is not a date (YYYY-MM-DD)",
    },
    "cli.min_agencies": {
        "sv": "--min-agencies måste vara 1 eller mer",
        "en": "--min-agencies must be 1 or more",
    },
    "cli.must_end_in": {
        "sv": "{path}: filnamnet måste sluta på {suffix}",
        "en": "{path}: the file name must end in {suffix}",
    },
    "cli.report_suffix": {
        "sv": "{path}: filnamnet måste sluta på .pdf eller .docx (eller ange --format)",
        "en": "{path}: the file name must end in .pdf or .docx (or give --format)",
    },
    "cli.report_format": {
        "sv": "{name} slutar på .{suffix} men --format är {given}",
        "en": "{name} ends in .{suffix} but --format is {given}",
    },
    "cli.read_as_mapping": {
        "sv": "--read-as och --mapping hör ihop: checklistan och mappningen",
        "en": "--read-as and --mapping go together: the checklist and the mapping set",
    },
    "cli.email_needs_name": {
        "sv": "ange --name tillsammans med --email",
        "en": "give --name with --email",
    },
    "cli.mutate_count": {
        "sv": "--mutate behöver ett antal ändringar, 0 eller fler",
        "en": "--mutate needs a number of edits, 0 or more",
    },
    "cli.agencies_range": {
        "sv": "--agencies måste vara mellan 1 och {most}",
        "en": "--agencies must be between 1 and {most}",
    },
    "cli.demo_not_empty": {
        "sv": "{path} innehåller redan data; demon behöver en ny fil (eller använd --mutate N "
        "för att ändra i den här)",
        "en": "{path} already holds data; the demo needs a new file "
        "(or use --mutate N to edit this one)",
    },
    "cli.out_is_file": {
        "sv": "{path} är en fil; ange en mapp för underlagsfilerna",
        "en": "{path} is a file; give a folder for the evidence files",
    },
    # db
    "cli.db_created": {"sv": "skapade {path}", "en": "created {path}"},
    "cli.db_ok": {"sv": "ok: inga fel hittades", "en": "ok"},
    # what `db check` finds (services/setup.py), SQLite's own words inside
    "cli.check_integrity": {"sv": "integritet: {detail}", "en": "integrity: {detail}"},
    "cli.check_foreign_key": {
        "sv": "främmande nyckel: tabellen {table} rad {row} pekar på en rad i {parent} som saknas",
        "en": "foreign key: table {table} row {row} points to missing {parent}",
    },
    "cli.check_unusable": {
        "sv": "inte en användbar databas: {reason}",
        "en": "not a usable database: {reason}",
    },
    # demo
    "cli.demo_mutated": {
        "sv": "gjorde {edits} i {path} på {seconds} s",
        "en": "applied {edits} to {path} in {seconds} s",
    },
    "cli.demo_created": {
        "sv": "skapade {path} på {seconds} s: {agencies}, {meetings}, {assessments}, "
        "{answers}, {recommendations}",
        "en": "created {path} in {seconds} s: {agencies}, {meetings}, {assessments}, "
        "{answers}, {recommendations}",
    },
    # advisor
    "cli.advisor_unset": {
        "sv": (
            "inget namn angivet för den här databasen: "
            "assessor advisor --name NAMN [--email E-POST]"
        ),
        "en": "no name set for this database: assessor advisor --name NAME [--email EMAIL]",
    },
    # checklist
    "cli.checklist_valid": {
        "sv": "{path}: ok: {key} {version}, {dimensions}, {questions}",
        "en": "{path}: ok: {key} {version}, {dimensions}, {questions}",
    },
    "cli.checklist_valid_ciso": {
        "sv": "{path}: ok (ett bibliotek från CISO Assistant): {key} {version}, {dimensions}, "
        "{questions}",
        "en": "{path}: ok (a CISO Assistant library): {key} {version}, {dimensions}, {questions}",
    },
    "cli.file_note": {"sv": "{path}: anmärkning: {note}", "en": "{path}: note: {note}"},
    "cli.note": {"sv": "anmärkning: {note}", "en": "note: {note}"},
    "cli.checklist_imported": {
        "sv": "{key} {version}: importerad ({dimensions}, {questions}, kontrollsumma {hash}, "
        "id {id})",
        "en": "{key} {version}: imported ({dimensions}, {questions}, hash {hash}, id {id})",
    },
    "cli.checklist_unchanged": {
        "sv": "{key} {version}: redan importerad, inget ändrades ({dimensions}, {questions}, "
        "kontrollsumma {hash}, id {id})",
        "en": "{key} {version}: already imported, nothing changed ({dimensions}, {questions}, "
        "hash {hash}, id {id})",
    },
    "cli.checklist_migrated": {
        "sv": "flyttade bedömningen {assessment} till checklistan {checklist}; överfört: svar "
        "{answers}, målnivåer {targets}, kopplingar till underlag {evidence}; omkopplat: "
        "iakttagelser {findings}, mötesanteckningar {notes}",
        "en": "moved assessment {assessment} to checklist {checklist}; carried: answers "
        "{answers}, target levels {targets}, evidence links {evidence}; relinked: findings "
        "{findings}, meeting notes {notes}",
    },
    "cli.not_carried": {"sv": "inte överfört: {what}", "en": "not carried: {what}"},
    "cli.unanswered": {
        "sv": "frågor som ännu saknar svar: {questions}",
        "en": "questions without an answer yet: {questions}",
    },
    # mapping
    "cli.mapping_kept": {
        "sv": "{id}: sparad ({links}, {source} -> {target})",
        "en": "{id}: kept ({links}, {source} -> {target})",
    },
    "cli.mapping_removed": {
        "sv": "{id}: borttagen (importera mappningen igen för att få tillbaka den)",
        "en": "{id}: removed (importing the set again brings it back)",
    },
    "cli.mapping_unchanged": {
        "sv": "{id}: fanns redan, inget ändrades ({links}, {source} -> {target})",
        "en": "{id}: already kept, nothing changed ({links}, {source} -> {target})",
    },
    "cli.mapping_heading": {
        "sv": "{title} ({key} {version}), läst genom mappningen {mapping}",
        "en": "{title} ({key} {version}), read through {mapping}",
    },
    "cli.mapping_dimension": {
        "sv": "{title}\t{score}\t{read} av {questions} lästa",
        "en": "{title}\t{score}\t{read} of {questions} read",
    },
    "cli.mapping_overall": {"sv": "samlat index\t{score}", "en": "overall\t{score}"},
    "cli.mapping_not_linked": {
        "sv": "frågor som mappningen inte når ({count}): {keys}",
        "en": "not reached by the mapping ({count}): {keys}",
    },
    "cli.mapping_not_answered": {
        "sv": "kopplade bara till obesvarade frågor ({count}): {keys}",
        "en": "linked only to unanswered questions ({count}): {keys}",
    },
    "cli.mapping_unused": {
        "sv": "svar som mappningen inte använder ({count}): {keys}",
        "en": "answers the mapping does not use ({count}): {keys}",
    },
    # report, export, evidence
    "cli.report_written": {
        "sv": "skrev {path} ({size}, sha256 {sha256})",
        "en": "wrote {path} ({size}, sha256 {sha256})",
    },
    "cli.archive_written": {
        "sv": "skrev {files} med {rows} till {path}",
        "en": "wrote {files} with {rows} to {path}",
    },
    "cli.report_not_rebuilt": {
        "sv": "rapporten återskapades inte: {name}",
        "en": "report not rebuilt: {name}",
    },
    "cli.sheets_written": {"sv": "skrev {path} ({sheets})", "en": "wrote {path} ({sheets})"},
    "cli.files_written": {"sv": "skrev {files} till {path}", "en": "wrote {files} to {path}"},
    "cli.archive_imported": {
        "sv": "importerade {rows} till {path}",
        "en": "imported {rows} into {path}",
    },
    "cli.evidence_attached": {
        "sv": "bifogade {name} ({size}) som {id}",
        "en": "attached {name} ({size}) as {id}",
    },
    "cli.evidence_row": {
        "sv": "{id}  {table} {target}  {title} ({name}, {size}, {date}){flags}",
        "en": "{id}  {table} {target}  {title} ({name}, {size}, {date}){flags}",
    },
    "cli.flag_confidential": {"sv": " [sekretessbelagd]", "en": " [confidential]"},
    "cli.flag_detached": {"sv": " [borttagen]", "en": " [detached]"},
    "cli.flag_no_content": {
        "sv": " [innehållet finns inte på den här datorn]",
        "en": " [content not on this laptop]",
    },
    "cli.evidence_detached": {"sv": "tog bort {id}", "en": "detached {id}"},
    "cli.evidence_restored": {"sv": "återställde {id}", "en": "restored {id}"},
    "cli.evidence_missing": {
        "sv": "{files} finns inte på den här datorn (de kom utan innehåll)",
        "en": "{files} not on this laptop (they came without contents)",
    },
    # portfolio
    "cli.portfolio_written": {
        "sv": "skrev {path} ({size}, {agencies})",
        "en": "wrote {path} ({size}, {agencies})",
    },
    "cli.portfolio_mapped": {
        "sv": "{count} av myndigheterna bedömdes mot en annan checklista och läses genom en "
        "mappning",
        "en": "{count} of the agencies were assessed on another checklist and are read "
        "through a mapping set",
    },
    "cli.portfolio_summary": {
        "sv": "{agencies}, checklista {checklist}; gemensamma gap (under {below}, minst "
        "{least}): {gaps}",
        "en": "{agencies}, checklist {checklist}; common gaps (below {below}, at least "
        "{least}): {gaps}",
    },
    "cli.portfolio_gap": {
        "sv": "{title}: {agencies} under {below} (medel {mean}), {lenders} kan låna ut",
        "en": "{title}: {agencies} below {below} (mean {mean}), {lenders} can lend",
    },
    "cli.portfolio_contact": {
        "sv": "  {lender} kan låna ut ”{practice}” till: {borrowers}",
        "en": '  {lender} can lend "{practice}" to: {borrowers}',
    },
    "cli.portfolio_strong": {
        "sv": "  starka inom området: {agencies}",
        "en": "  strong here: {agencies}",
    },
    "cli.portfolio_none_yet": {"sv": "inga ännu", "en": "none yet"},
    "cli.portfolio_recommended": {
        "sv": "  rekommenderad {times}{library}: {title}",
        "en": "  recommended {times}{library}: {title}",
    },
    "cli.portfolio_library": {"sv": ", {uses} i biblioteket", "en": ", {uses} in the library"},
    "cli.portfolio_questions": {
        "sv": "frågor som oftast ligger under {below}:",
        "en": "questions most often below {below}:",
    },
    "cli.portfolio_question": {
        "sv": "  {agencies}  {title} ({dimension})",
        "en": "  {agencies}  {title} ({dimension})",
    },
    # sync
    "cli.sync_counts": {
        "sv": "tillagda: {added}, ändrade: {changed}, borttagna: {deleted}, konflikter: "
        "{conflicts}",
        "en": "added {added}, changed {changed}, deleted {deleted}, conflicts {conflicts}",
    },
    "cli.held_back_sender": {
        "sv": "{changes} med tidsstämpel mer än ett dygn framåt i tiden hölls tillbaka: "
        "kontrollera avsändarens klocka",
        "en": "held back {changes} stamped more than a day in the future "
        "(check the sender's clock)",
    },
    "cli.held_back_laptop": {
        "sv": "{changes} med tidsstämpel mer än ett dygn framåt i tiden hölls tillbaka: "
        "kontrollera den datorns klocka",
        "en": "held back {changes} stamped more than a day in the future "
        "(check that laptop's clock)",
    },
    "cli.sync_nothing_new": {
        "sv": "inget nytt: databasen ändrades inte",
        "en": "nothing new: the database was not changed",
    },
    "cli.sync_written": {
        "sv": "skrev {path}: {rows}{encrypted}",
        "en": "wrote {path}: {rows}{encrypted}",
    },
    "cli.sync_written_delta": {
        "sv": "skrev {path}: {changes} som mottagaren saknar{encrypted}",
        "en": "wrote {path}: {changes} the peer lacks{encrypted}",
    },
    "cli.sync_encrypted": {"sv": ", krypterad", "en": ", encrypted"},
    "cli.folder_merged": {
        "sv": "slog ihop {file}: {counts}{held}",
        "en": "merged {file}: {counts}{held}",
    },
    "cli.folder_held": {
        "sv": ", {changes} hölls tillbaka (kontrollera avsändarens klocka)",
        "en": ", held back {changes} (check the sender's clock)",
    },
    "cli.folder_nothing_new": {
        "sv": "slog ihop {file}: inget nytt",
        "en": "merged {file}: nothing new",
    },
    "cli.folder_skipped": {"sv": "hoppade över {file}: {reason}", "en": "skipped {file}: {reason}"},
    "cli.folder_written_delta": {
        "sv": "skrev {path}: {changes} som teamet saknar",
        "en": "wrote {path}: {changes} the team lacks",
    },
    "cli.folder_up_to_date": {
        "sv": "mappen har redan den här datorns ändringar",
        "en": "the folder already has this laptop's changes",
    },
    "cli.folder_pruned": {
        "sv": "tog bort den här datorns äldre synkfiler som alla redan har sett: {files}",
        "en": "removed {files} of this laptop that everyone has seen",
    },
    "cli.hub_exchanged": {
        "sv": "navet {hub}: skickade {pushed}, hämtade {pulled}",
        "en": "hub {hub}: pushed {pushed}, pulled {pulled}",
    },
    "cli.hub_nothing_new": {"sv": "inget nytt från navet", "en": "nothing new from the hub"},
    "cli.hub_ready": {"sv": "navet {hub}: tabeller {done}", "en": "hub {hub}: tables {done}"},
    "cli.hub_created": {"sv": "navet {hub}: tabellerna skapade", "en": "hub {hub}: tables created"},
    "cli.hub_upgraded": {
        "sv": "navet {hub}: tabellerna uppgraderade",
        "en": "hub {hub}: tables upgraded",
    },
    "cli.hub_up_to_date": {
        "sv": "navet {hub}: tabellerna är aktuella",
        "en": "hub {hub}: tables up to date",
    },
    "cli.no_conflicts": {"sv": "inga konflikter", "en": "no conflicts"},
    "cli.conflict": {
        "sv": "{id}  {kind}: {thing} {name} · {field}",
        "en": "{id}  {kind}: {thing} {name} · {field}",
    },
    "cli.conflict_resolved": {
        "sv": "{id}  {kind}: {thing} {name} · {field} (löst)",
        "en": "{id}  {kind}: {thing} {name} · {field} (resolved)",
    },
    "cli.conflict_now": {
        "sv": "    nu:        {value}  ({by})",
        "en": "    now:   {value}  ({by})",
    },
    "cli.conflict_other": {
        "sv": "    den andra: {value}  ({by})",
        "en": "    other: {value}  ({by})",
    },
    "cli.no_duplicates": {"sv": "inga troliga dubbletter", "en": "no likely duplicates"},
    "cli.duplicate_org_number": {
        "sv": "samma organisationsnummer:",
        "en": "same organisation number:",
    },
    "cli.duplicate_name": {
        "sv": "liknande namn ({similarity}):",
        "en": "similar name ({similarity}):",
    },
    "cli.agencies_merged": {
        "sv": "slog ihop {other} med {keep}: flyttade {moved}",
        "en": "merged {other} into {keep}: moved {moved}",
    },
    "cli.moved_nothing": {"sv": "ingenting", "en": "nothing"},
    "demo.agencies": {
        "sv": "antalet myndigheter måste vara mellan 1 och {most}",
        "en": "the number of agencies must be between 1 and {most}",
    },
    "demo.not_empty": {
        "sv": "databasen innehåller redan data; demon behöver en ny eller tom databas",
        "en": "the database already holds data; the demo needs a new or empty one",
    },
    "demo.no_questions": {
        "sv": "checklistan har inga frågor att besvara",
        "en": "the checklist has no questions to answer",
    },
    "demo.no_checklist": {
        "sv": "ingen checklista att bedöma mot; importera en först",
        "en": "no checklist to assess against; import one first",
    },
    "demo.negative_edits": {
        "sv": "antalet ändringar kan inte vara negativt",
        "en": "the number of edits cannot be negative",
    },
}
