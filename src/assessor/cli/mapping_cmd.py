"""assessor mapping import FILE | list [--json] | remove ID
| show --assessment ID --mapping ID --checklist ID

An assessment on one checklist read as another through a mapping set (services.mappings); the
sets are kept in the database (--db), synced like the checklists.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from assessor.cli.checklist_cmd import read_checked
from assessor.cli.common import add_db_option, open_db, print_json, read_db
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
    data = read_checked(args.file)
    if isinstance(data, Problem):
        print(data, file=sys.stderr)
        return 2
    try:
        with open_db(args) as db, db.transaction() as session:
            kept = import_mappings(session, data, args.file)
    except ChecklistProblems as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 2
    for item in kept:
        m = item.mapping
        state = "kept" if item.added else "already kept, nothing changed"
        print(
            f"{m.id}: {state} ({len(m.links)} links, {m.source_framework} -> {m.target_framework})"
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
                    "links": len(m.links),
                }
                for m in rows
            ]
        )
    else:
        for m in rows:
            print(f"{m.id}\t{m.source_framework}\t{m.target_framework}\t{len(m.links)} links")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    with open_db(args) as db, db.transaction() as session:
        get_mapping(session, args.mapping)  # an unknown or removed id: said, nothing written
        delete_mapping(session, mapping_set_id(args.mapping))
    print(f"{args.mapping}: removed (importing the set again brings it back)")
    return 0


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


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
    print(
        f"{pick(target.title, lang)} ({target.id} {target.version}), "
        f"read through {result.mapping.id}"
    )
    for d in reading.dimensions:
        print(f"{titles[d.key]}\t{_number(d.score)}\t{d.read} of {d.total} questions read")
    print(f"overall\t{_number(reading.overall)}")
    if reading.not_linked:
        print(
            f"not reached by the mapping ({len(reading.not_linked)}): "
            f"{', '.join(reading.not_linked)}"
        )
    if reading.not_answered:
        print(
            f"linked only to unanswered questions ({len(reading.not_answered)}): "
            f"{', '.join(reading.not_answered)}"
        )
    if reading.unused:
        print(
            f"answers the mapping does not use ({len(reading.unused)}): {', '.join(reading.unused)}"
        )
    return 0
