"""assessor checklist validate FILE... | import FILE [--as-new-version] | list [--json] |
migrate --assessment ID --to VERSION|ID"""

from __future__ import annotations

import argparse
import stat
from pathlib import Path
from typing import Any

from assessor.cli.common import add_db_option, open_db, print_json, read_db
from assessor.cli.output import count, say, show
from assessor.domain.checklist import ChecklistProblems, Problem, as_problem
from assessor.domain.messages import language, os_reason
from assessor.domain.yaml_limits import too_large
from assessor.services.checklists import import_checklist, list_checklists, parse_file


def register(sub: Any) -> None:
    p = sub.add_parser("checklist", help="validate, import and list checklists")
    commands = p.add_subparsers(
        dest="checklist_command", metavar="COMMAND", required=True, parser_class=type(p)
    )

    v = commands.add_parser("validate", help="check checklist files (FILE:LINE: message)")
    v.add_argument("files", nargs="+", metavar="FILE")
    v.set_defaults(func=cmd_validate)

    i = commands.add_parser("import", help="import a checklist file (ours or CISO Assistant)")
    i.add_argument("file", metavar="FILE")
    i.add_argument(
        "--as-new-version",
        action="store_true",
        help="a CISO Assistant library this program converted differently before: add the new "
        "conversion as a version of its own beside the old one",
    )
    add_db_option(i)
    i.set_defaults(func=cmd_import)

    li = commands.add_parser("list", help="the imported checklists and versions")
    add_db_option(li)
    li.add_argument("--json", action="store_true", help="machine-readable output")
    li.set_defaults(func=cmd_list)

    m = commands.add_parser(
        "migrate", help="move an assessment to a newer version of its checklist"
    )
    m.add_argument("--assessment", required=True, metavar="ID")
    m.add_argument(
        "--to",
        required=True,
        metavar="VERSION|ID",
        help="a version of the assessment's checklist (1.1) or a checklist id",
    )
    add_db_option(m)
    m.add_argument("--json", action="store_true", help="machine-readable output")
    m.set_defaults(func=cmd_migrate)


def read_checked(path: str) -> bytes | Problem:
    """The bytes of a file, or the one problem that stops it being read (too large, missing)."""
    try:
        info = Path(path).stat()
        if stat.S_ISDIR(info.st_mode):
            return Problem(path, 0, "a folder, not a file", "file.folder_not_file")
        if not stat.S_ISREG(info.st_mode):  # a pipe would hang the read, a device never end
            return Problem(
                path, 0, "not a regular file (a pipe, a device or a socket)", "file.not_regular"
            )
        excess = too_large(info.st_size)
        if excess is not None:  # said before reading: the file may be huge
            return as_problem(path, excess)
        return Path(path).read_bytes()
    except FileNotFoundError:
        return Problem(path, 0, "no such file", "file.no_such_file")
    except IsADirectoryError:
        return Problem(path, 0, "a folder, not a file", "file.folder_not_file")
    except OSError as exc:
        return Problem(
            path,
            0,
            f"cannot be read ({exc.strerror})",
            "file.cannot_read",
            (("reason", os_reason(exc)),),
        )


def cmd_validate(args: argparse.Namespace) -> int:
    failed = False
    for path in args.files:
        content = read_checked(path)
        if isinstance(content, Problem):
            show(content, err=True)
            failed = True
            continue
        try:
            doc, notes, source_format = parse_file(content, path)
        except ChecklistProblems as exc:
            for problem in exc.problems:
                show(problem, err=True)
            failed = True
            continue
        say(
            "cli.checklist_valid" if source_format == "assessor" else "cli.checklist_valid_ciso",
            path=path,
            key=doc.id,
            version=doc.version,
            dimensions=count(len(doc.dimensions), "dimension"),
            questions=count(doc.question_count, "question"),
        )
        for note in notes:
            say("cli.file_note", path=path, note=note)
    return 2 if failed else 0


def cmd_import(args: argparse.Namespace) -> int:
    content = read_checked(args.file)
    if isinstance(content, Problem):
        show(content, err=True)
        return 2
    try:
        with open_db(args) as db, db.transaction() as session:
            result = import_checklist(
                session, content, args.file, as_new_version=args.as_new_version
            )
    except ChecklistProblems as exc:
        for problem in exc.problems:
            show(problem, err=True)
        return 2
    say(
        "cli.checklist_imported" if result.added else "cli.checklist_unchanged",
        key=result.key,
        version=result.version,
        dimensions=count(result.dimensions, "dimension"),
        questions=count(result.questions, "question"),
        hash=result.content_hash[:12],
        id=result.checklist_id,
    )
    for note in result.notes:
        say("cli.note", note=note)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with read_db(args) as db, db.read() as session:
        rows = list_checklists(session)
    if args.json:
        print_json(
            [
                {
                    "id": r.id,
                    "key": r.key,
                    "version": r.version,
                    "content_hash": r.content_hash,
                    "title": r.title,
                    "languages": list(r.languages),
                    "dimensions": r.dimensions,
                    "questions": r.questions,
                    "assessments": r.assessments,
                }
                for r in rows
            ]
        )
    else:
        for r in rows:
            title = r.title.get(language()) or next(iter(r.title.values()), "")
            fields = (
                r.key,
                r.version,
                r.content_hash[:12],
                count(r.dimensions, "dimension"),
                count(r.questions, "question"),
                r.id,
                title,
            )
            show("\t".join(fields))
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from assessor.services.checklist_migration import migrate_assessment, target_checklist

    with open_db(args) as db, db.transaction() as session:
        target = target_checklist(session, args.assessment, args.to)
        report = migrate_assessment(session, args.assessment, target)
    if args.json:  # for programs: the same in both languages (not_carried in English)
        data = asdict(report)
        del data["left_behind"]
        print_json(data)
        return 0
    say(
        "cli.checklist_migrated",
        assessment=report.assessment_id,
        checklist=report.new_checklist_id,
        answers=report.answers_carried,
        targets=report.targets_carried,
        evidence=report.evidence_carried,
        findings=report.findings_relinked,
        notes=report.notes_relinked,
    )
    for detail in report.left_behind:
        say("cli.not_carried", what=detail)
    if report.new_questions:
        say("cli.unanswered", questions=", ".join(report.new_questions))
    return 0
