"""assessor db init | check | digest"""

from __future__ import annotations

import argparse
from typing import Any

from assessor.cli.common import add_db_option, db_path, read_db
from assessor.cli.output import say, show
from assessor.domain.errors import DamagedDatabase


def register(sub: Any) -> None:
    db = sub.add_parser("db", help="create and check databases")
    dbsub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    p = dbsub.add_parser("init", help="a new empty database with the default checklist")
    add_db_option(p)
    p.set_defaults(func=cmd_init)
    p = dbsub.add_parser("check", help="integrity and schema check")
    add_db_option(p)
    p.set_defaults(func=cmd_check)
    p = dbsub.add_parser("digest", help="one hash of all live content")
    add_db_option(p)
    p.set_defaults(func=cmd_digest)


def cmd_init(args: argparse.Namespace) -> int:
    from assessor.services.setup import init_database

    path = db_path(args)
    init_database(path).close()
    say("cli.db_created", path=path)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from assessor.services.setup import check_database

    with read_db(args) as db:
        problems = check_database(db.path)
    for line in problems:
        show(line)
    if problems:
        raise DamagedDatabase(
            f"{db.path}: problems found: {len(problems)}",
            code="db.problems",
            path=db.path,
            count=len(problems),
        )
    say("cli.db_ok")
    return 0


def cmd_digest(args: argparse.Namespace) -> int:
    from assessor.store.digest import digest

    with read_db(args) as db, db.read() as session:
        show(digest(session))
    return 0
