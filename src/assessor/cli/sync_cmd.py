"""assessor sync export | import | conflicts | duplicates | merge-agencies"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from assessor.cli.common import add_action, open_db, print_json, read_db
from assessor.cli.output import count, percent, say, show, text
from assessor.domain.messages import language


def register(sub: Any) -> None:
    sync = sub.add_parser("sync", help="exchange changes with colleagues by file")
    ssub = sync.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    p = add_action(ssub, "export", "write this database's state to one package file", cmd_export)
    p.add_argument("--out", metavar="FILE", required=True, help="the package to write")
    p.add_argument("--passphrase-file", metavar="F", help="encrypt with the passphrase in F")
    who = p.add_mutually_exclusive_group()
    who.add_argument(
        "--for",
        dest="for_peer",
        metavar="PEER",
        help="only what PEER (its site id, or the start of it) has not seen yet",
    )
    who.add_argument("--full", action="store_true", help="everything (the default)")
    p.add_argument(
        "--without-contents",
        action="store_true",
        help="leave the evidence files' contents out (their descriptions travel)",
    )
    p = add_action(
        ssub,
        "import",
        "merge a colleague's package into this database",
        cmd_import,
        json="print the summary as JSON",
    )
    p.add_argument("file", metavar="FILE", help="the package")
    p.add_argument("--passphrase-file", metavar="F", help="the passphrase of an encrypted package")
    _older_encryption_option(p)
    p = add_action(
        ssub,
        "folder",
        "exchange changes with the team through a shared folder",
        cmd_folder,
        json="print the outcome as JSON",
    )
    p.add_argument("folder", metavar="DIR", help="the team's shared folder")
    p.add_argument(
        "--passphrase-file",
        metavar="F",
        help="the team's passphrase: packages are written encrypted and read with it",
    )
    _older_encryption_option(p)
    p = add_action(
        ssub,
        "hub",
        "exchange changes with the team hub (PostgreSQL)",
        cmd_hub,
        json="print the outcome as JSON",
    )
    from assessor.cli.hub_cmd import URL_HELP

    p.add_argument("--url", required=True, metavar="URL", help=URL_HELP)
    p = add_action(ssub, "conflicts", "the conflict log", cmd_conflicts, json="print as JSON")
    p.add_argument("--all", action="store_true", help="include resolved conflicts")
    add_action(
        ssub,
        "duplicates",
        "agencies that are likely the same one twice",
        cmd_duplicates,
        json="print as JSON",
    )
    p = add_action(
        ssub, "merge-agencies", "merge one agency into another and delete it", cmd_merge_agencies
    )
    p.add_argument("keep", metavar="KEEP_ID", help="the agency to keep")
    p.add_argument("other", metavar="OTHER_ID", help="the agency whose rows move to KEEP_ID")


def _older_encryption_option(parser: argparse.ArgumentParser) -> None:
    from assessor.cli.help_words import Templated
    from assessor.sync.age import OLDER_WORK_FACTOR, WORK_FACTOR, key_memory

    parser.add_argument(
        "--allow-older-encryption",
        action="store_true",
        help=Templated(
            "open a package that an older version of Assessor encrypted, whose passphrase "
            "needs up to {older_memory} of memory to open (scrypt work up to 2^{older}); "
            "without it only 2^{current} ({current_memory}, what this version writes) is opened",
            older_memory=key_memory(OLDER_WORK_FACTOR),
            older=OLDER_WORK_FACTOR,
            current=WORK_FACTOR,
            current_memory=key_memory(WORK_FACTOR),
        ),
    )


def _passphrase(args: argparse.Namespace) -> str | None:
    from assessor.services.sync import read_passphrase

    path = getattr(args, "passphrase_file", None)
    return read_passphrase(Path(path)) if path else None


def _counts(merged: Any) -> str:
    """What merging one package did, as both import and folder say it."""
    return text(
        "cli.sync_counts",
        added=merged["added"],
        changed=merged["changed"],
        deleted=merged["deleted"],
        conflicts=merged["conflicts"],
    )


def cmd_export(args: argparse.Namespace) -> int:
    from assessor.services.sync import export_package

    phrase = _passphrase(args)
    with open_db(args) as db:
        manifest = export_package(
            db,
            Path(args.out),
            phrase,
            for_peer=args.for_peer,
            with_contents=not args.without_contents,
        )
    rows = sum(n for t, n in manifest["counts"].items() if t not in ("sync_row", "sync_site"))
    encrypted = text("cli.sync_encrypted") if manifest["encrypted"] else ""
    if manifest["kind"] == "delta":
        say(
            "cli.sync_written_delta",
            path=args.out,
            changes=count(rows, "change"),
            encrypted=encrypted,
        )
    else:
        say("cli.sync_written", path=args.out, rows=count(rows, "row"), encrypted=encrypted)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from assessor.services.sync import import_package

    phrase = _passphrase(args)
    with open_db(args) as db:
        result = import_package(
            db, Path(args.file), phrase, allow_older_encryption=args.allow_older_encryption
        )
    if args.json:
        print_json(result)
        return 0
    show(_counts(result))
    if result["held_back"]:
        say("cli.held_back_sender", changes=count(result["held_back"], "change"))
    if not result["changed_database"]:
        say("cli.sync_nothing_new")
    return 0


def cmd_folder(args: argparse.Namespace) -> int:
    from assessor.services.folder import sync_folder

    phrase = _passphrase(args)
    with open_db(args) as db:
        result = sync_folder(
            db, Path(args.folder), phrase, allow_older_encryption=args.allow_older_encryption
        )
    if args.json:
        print_json(result.as_dict())
        return 0
    for item in result.imported:
        if not item["changed_database"]:
            say("cli.folder_nothing_new", file=item["file"])
            continue
        held = item["held_back"]
        say(
            "cli.folder_merged",
            file=item["file"],
            counts=_counts(item),
            held=text("cli.folder_held", changes=count(held, "change")) if held else "",
        )
    for item in result.skipped:
        say("cli.folder_skipped", file=item["file"], reason=item["reason"])
    if result.written and result.written_kind == "delta":
        say(
            "cli.folder_written_delta",
            path=result.written,
            changes=count(result.written_rows, "change"),
        )
    elif result.written:
        say(
            "cli.sync_written",
            path=result.written,
            rows=count(result.written_rows, "row"),
            encrypted="",
        )
    else:
        say("cli.folder_up_to_date")
    if result.pruned:
        say("cli.folder_pruned", files=count(len(result.pruned), "file"))
    return 0


def cmd_hub(args: argparse.Namespace) -> int:
    from assessor.services.hub import sync_hub

    with open_db(args) as db:
        result = sync_hub(db, args.url)
    if args.json:
        print_json(result)
        return 0
    say(
        "cli.hub_exchanged",
        hub=result["hub"],
        pushed=count(result["pushed"], "row"),
        pulled=count(result["pulled"], "row"),
    )
    merged = result["merged"]
    if merged and merged["changed_database"]:
        show(_counts(merged))
        if merged["held_back"]:
            say("cli.held_back_laptop", changes=count(merged["held_back"], "change"))
    else:
        say("cli.hub_nothing_new")
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from assessor.services.advisors import site_names
    from assessor.services.conflict_view import describe, who
    from assessor.services.sync import list_conflicts, site_id

    if args.json:  # for programs: codes (kind, table, field group), the same in both languages
        with read_db(args) as db, db.read() as session:
            items = list_conflicts(session, include_resolved=args.all)
            names, own = site_names(session), site_id(session)
        print_json(
            [
                {
                    **asdict(c),
                    "current_by": who(c.winner_site, own, "en", names),
                    "other_by": who(c.loser_site, own, "en", names),
                }
                for c in items
            ]
        )
        return 0
    # in words, as the Sync page's conflict log says them
    with read_db(args) as db, db.read() as session:
        lines = describe(session, language(), include_resolved=args.all)
    if not lines:
        say("cli.no_conflicts")
    for c in lines:
        say(
            "cli.conflict_resolved" if c.resolved else "cli.conflict",
            id=c.id,
            kind=c.kind_text,
            thing=c.thing,
            name=c.name,
            field=c.field,
        )
        say("cli.conflict_now", value=c.current, by=f"{c.current_by}, {moment_text(c.current_at)}")
        say("cli.conflict_other", value=c.other, by=f"{c.other_by}, {moment_text(c.other_at)}")
    return 0


def moment_text(moment: datetime | None) -> str:
    """A moment (UTC) as local date and time to the minute."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else "-"


def cmd_duplicates(args: argparse.Namespace) -> int:
    from assessor.services.duplicates import agency_details, find_duplicates

    with read_db(args) as db, db.read() as session:
        pairs = find_duplicates(session)
        items: list[dict[str, Any]] = [
            {
                "first": _agency_json(agency_details(session, p.first_id)),
                "second": _agency_json(agency_details(session, p.second_id)),
                "reason": p.reason,
                "similarity": round(p.score, 3),
            }
            for p in pairs
        ]
    if args.json:
        print_json(items)
        return 0
    if not items:
        say("cli.no_duplicates")
    for item in items:
        if item["reason"] == "org_number":
            say("cli.duplicate_org_number")
        else:
            say("cli.duplicate_name", similarity=percent(item["similarity"]))
        for a in (item["first"], item["second"]):
            show(f"    {a['id']}  {a['name']}  {a['org_number'] or '-'}")
    return 0


def _rows_of(table: str, number: int) -> str:
    """``number`` rows of ``table`` in words: "2 meetings", else "Action item (2)"."""
    from assessor.domain.counts import NOUNS
    from assessor.domain.vocabulary import word

    if table in NOUNS:
        return count(number, table)
    return f"{word('table', table, language())} ({number})"


def _agency_json(details: Any) -> dict[str, Any]:
    from dataclasses import asdict

    return asdict(details)


def cmd_merge_agencies(args: argparse.Namespace) -> int:
    from assessor.services.duplicates import merge_agencies_by_table

    with open_db(args) as db, db.transaction() as session:
        moved = merge_agencies_by_table(session, args.keep, args.other)
    what = ", ".join(_rows_of(table, n) for table, n in sorted(moved.items()))
    say(
        "cli.agencies_merged",
        other=args.other,
        keep=args.keep,
        moved=what or text("cli.moved_nothing"),
    )
    return 0
