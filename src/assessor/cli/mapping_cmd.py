"""assessor mapping import FILE | list [--json] | remove ID
| show --assessment ID --mapping ID --checklist ID

An assessment on one checklist read as another through a mapping set (services.mappings); the
sets are kept in the database (--db), synced like the checklists.
"""

from __future__ import annotations

import argparse
from typing import Any

from assessor.cli.checklist_cmd import read_checked
from assessor.cli.common import add_db_option, open_db, print_json, read_db
from assessor.cli.output import count, decimal, say, show
from assessor.domain.checklist import ChecklistProblems, Problem, pick
from assessor.domain.messages import language
from assessor.services.mappings import (
    delete_mapping,
    get_mapping,
    import_mappings,
    list_mappings,
    read_assessment_as,
)
from assessor.store.models import mapping_set_id


def register(sub: Any) -> None:
    p = sub.add_parser("mapping", help="mapping sets between checklists (CISO Assistant)")
    commands = p.add_subparsers(
        dest="mapping_command", metavar="COMMAND", required=True, parser_class=type(p)
    )
    i = commands.add_parser("import", help="keep the mapping sets of a CISO Assistant library")
    i.add_argument("file", metavar="FILE")
    add_db_option(i)
    i.set_defaults(func=cmd_import)

    li = commands.add_parser("list", help="the mapping sets kept")
    li.add_argument("--json", action="store_true", help="machine-readable output")
    add_db_option(li)
    li.set_defaults(func=cmd_list)

    r = commands.add_parser(
        "remove", help="remove a kept mapping set (for colleagues too, with the next sync)"
    )
    r.add_argument("mapping", metavar="ID", help="a mapping set's id (see 'mapping list')")
    add_db_option(r)
    r.set_defaults(func=cmd_remove)

    s = commands.add_parser("show", help="an assessment read as another checklist")
    s.add_argument("--assessment", required=True, metavar="ID")
    s.add_argument("--mapping", required=True, metavar="ID", help="a mapping set's id")
    s.add_argument("--checklist", required=True, metavar="ID", help="the checklist to read as")
    s.add_argument("--json", action="store_true", help="machine-readable output")
    add_db_option(s)
    s.set_defaults(func=cmd_show)


def cmd_import(args: argparse.Namespace) -> int:
    content = read_checked(args.file)
    if isinstance(content, Problem):
        show(content, err=True)
        return 2
    try:
        with open_db(args) as db, db.transaction() as session:
            kept = import_mappings(session, content, args.file)
    except ChecklistProblems as exc:
        for problem in exc.problems:
            show(problem, err=True)
        return 2
    for item in kept:
        m = item.mapping
        say(
            "cli.mapping_kept" if item.added else "cli.mapping_unchanged",
            id=m.id,
            links=count(len(m.links), "link"),
            source=m.source_framework,
            target=m.target_framework,
        )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with read_db(args) as db, db.read() as session:
        rows = list_mappings(session)
    if args.json:
        print_json(
            [
                {
                    "id": m.id,
                    "name": m.name,
                    "source_framework": m.source_framework,
                    "target_framework": m.target_framework,
                    "version": m.version,
                    "links": len(m.links),
                }
                for m in rows
            ]
        )
    else:
        for m in rows:
            fields = (m.id, m.source_framework, m.target_framework, count(len(m.links), "link"))
            show("\t".join(fields))
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    with open_db(args) as db, db.transaction() as session:
        get_mapping(session, args.mapping)  # an unknown or removed id: said, nothing written
        delete_mapping(session, mapping_set_id(args.mapping))
    say("cli.mapping_removed", id=args.mapping)
    return 0


def _number(value: float | None) -> str:
    return "-" if value is None else decimal(value, ".2f")


def cmd_show(args: argparse.Namespace) -> int:
    with read_db(args) as db, db.read() as session:
        result = read_assessment_as(session, args.assessment, args.mapping, args.checklist)
    reading, target = result.reading, result.target
    lang = getattr(args, "ui_lang", None) or language()
    titles = {d.id: pick(d.title, lang) for d in target.dimensions}
    if args.json:
        print_json(
            {
                "checklist": {"key": target.id, "version": target.version},
                "mapping": result.mapping.id,
                "read_backwards": reading.reversed,
                "overall": reading.overall,
                "dimensions": [
                    {"key": d.key, "score": d.score, "read": d.read, "questions": d.total}
                    for d in reading.dimensions
                ],
                "questions": {q.key: q.value for q in reading.questions},
                "not_linked": list(reading.not_linked),
                "not_answered": list(reading.not_answered),
                "unused_answers": list(reading.unused),
            }
        )
        return 0
    say(
        "cli.mapping_heading",
        title=pick(target.title, lang),
        key=target.id,
        version=target.version,
        mapping=result.mapping.id,
    )
    for d in reading.dimensions:
        say(
            "cli.mapping_dimension",
            title=titles[d.key],
            score=_number(d.score),
            read=d.read,
            questions=count(d.total, "question"),
        )
    say("cli.mapping_overall", score=_number(reading.overall))
    for code, keys in (
        ("cli.mapping_not_linked", reading.not_linked),
        ("cli.mapping_not_answered", reading.not_answered),
        ("cli.mapping_unused", reading.unused),
    ):
        if keys:
            say(code, count=len(keys), keys=", ".join(keys))
    return 0
