"""assessor evidence attach | list | detach | restore | export"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import Any

from assessor.cli.common import add_action, open_db, print_json, read_db
from assessor.cli.output import count, say, text
from assessor.domain.errors import BadInput


def register(sub: Any) -> None:
    ev = sub.add_parser("evidence", help="evidence files attached to answers, meetings, ...")
    esub = ev.add_subparsers(dest="evidence_command", metavar="ACTION", required=True)
    p = add_action(esub, "attach", "attach a file", cmd_attach, json="print the attachment as JSON")
    p.add_argument("file", metavar="FILE", help="the file to attach")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "--answer",
        nargs=2,
        metavar=("ASSESSMENT_ID", "QUESTION_ID"),
        help="the answer to a question of an assessment",
    )
    target.add_argument(
        "--to",
        nargs=2,
        metavar=("KIND", "ID"),
        help="meeting, meeting_note, answer, finding or recommendation, and its id",
    )
    p.add_argument("--title", default="", help="a title (default: the file name)")
    p.add_argument("--description", default="", help="what it shows")
    p.add_argument(
        "--confidential",
        action="store_true",
        help="keep it out of reports, exports and the archive",
    )
    p = add_action(esub, "list", "list attachments", cmd_list, json="print as JSON")
    p.add_argument("--assessment", metavar="ID", help="only those on this assessment's answers")
    p.add_argument("--all", action="store_true", help="include detached ones")
    for name, helptext in (
        ("detach", "take an attachment off (undo with restore)"),
        ("restore", "put a detached attachment back"),
    ):
        p = add_action(esub, name, helptext, cmd_detach if name == "detach" else cmd_restore)
        p.add_argument("id", metavar="ID", help="the attachment")
    p = add_action(
        esub,
        "export",
        "copy the files into a folder (never confidential ones unless asked)",
        cmd_export,
    )
    p.add_argument("--out", metavar="FOLDER", required=True, help="the folder to write into")
    p.add_argument("--assessment", metavar="ID", help="only those on this assessment's answers")
    p.add_argument(
        "--include-confidential", action="store_true", help="also the files marked confidential"
    )


def _plain(row: Any) -> dict[str, Any]:
    data = asdict(row)
    data["added_at"] = row.added_at.isoformat(timespec="seconds")
    return data


def cmd_attach(args: argparse.Namespace) -> int:
    from assessor.services import attachments as att

    with open_db(args) as db:
        with db.read() as s:
            data = att.read_file(Path(args.file), att.max_bytes(s))
        fields: dict[str, Any] = {
            "file_name": Path(args.file).name,
            "title": args.title,
            "description": args.description,
            "confidential": args.confidential,
        }
        with db.transaction() as s:
            if args.answer:
                row = att.attach_to_answer(s, args.answer[0], args.answer[1], data, **fields)
            else:
                row = att.attach(s, args.to[0], args.to[1], data, **fields)
    if args.json:
        print_json(_plain(row))
    else:
        say("cli.evidence_attached", name=row.file_name, size=count(row.size, "byte"), id=row.id)
    return 0


def _rows(session: Any, args: argparse.Namespace, include_confidential: bool) -> list[Any]:
    from assessor.services import attachments as att

    if args.assessment:
        by_question = att.for_assessment(
            session, args.assessment, include_confidential=include_confidential
        )
        return [r for rows in by_question.values() for r in rows]
    return att.list_attachments(
        session,
        include_deleted=getattr(args, "all", False),
        include_confidential=include_confidential,
    )


def cmd_list(args: argparse.Namespace) -> int:
    with read_db(args) as db, db.read() as s:
        rows = _rows(s, args, include_confidential=True)
    if args.json:
        print_json([_plain(r) for r in rows])
        return 0
    for r in rows:
        flags = "".join(
            text(code)
            for code, on in (
                ("cli.flag_confidential", r.confidential),
                ("cli.flag_detached", r.deleted),
                ("cli.flag_no_content", not r.has_content),
            )
            if on
        )
        say(
            "cli.evidence_row",
            id=r.id,
            table=r.target_table,
            target=r.target_id,
            title=r.title,
            name=r.file_name,
            size=count(r.size, "byte"),
            date=r.added_at.date().isoformat(),
            flags=flags,
        )
    return 0


def cmd_detach(args: argparse.Namespace) -> int:
    from assessor.services import attachments as att

    with open_db(args) as db, db.transaction() as s:
        att.detach(s, args.id)
    say("cli.evidence_detached", id=args.id)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from assessor.services import attachments as att

    with open_db(args) as db, db.transaction() as s:
        att.reattach(s, args.id)
    say("cli.evidence_restored", id=args.id)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from assessor.services.evidence_files import write_files

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise BadInput(
            f"{out} is a file; give a folder for the evidence files",
            code="cli.out_is_file",
            path=out,
        )
    with read_db(args) as db, db.read() as s:
        rows = _rows(s, args, include_confidential=args.include_confidential)
        written, missing = write_files(s, rows, out, include_confidential=args.include_confidential)
    say("cli.files_written", files=count(len(written), "file"), path=out)
    if missing:
        say("cli.evidence_missing", files=count(len(missing), "file"))
    return 0
