"""assessor advisor: who uses this database (their name travels with sync)."""

from __future__ import annotations

import argparse
from typing import Any

from assessor.cli.common import add_db_option, open_db, print_json, read_db
from assessor.cli.output import say, show


def register(sub: Any) -> None:
    p = sub.add_parser("advisor", help="show or set who uses this database")
    add_db_option(p)
    p.add_argument("--name", help="your name, as colleagues will see it")
    p.add_argument("--email", default=None, help="your e-mail address")
    p.add_argument("--json", action="store_true", help="print as JSON")
    p.set_defaults(func=cmd_advisor)


def cmd_advisor(args: argparse.Namespace) -> int:
    from assessor.services.advisors import me, set_me

    if args.name is not None:
        with open_db(args) as db, db.transaction() as session:
            current = me(session)
            email = args.email if args.email is not None else (current.email if current else "")
            set_me(session, name=args.name, email=email)
    elif args.email is not None:
        raise_usage("give --name with --email", "cli.email_needs_name")
    with read_db(args) as db, db.read() as session:
        found = me(session)
    data = {"name": found.name, "email": found.email} if found else None
    if args.json:
        print_json(data)
    elif found is None:
        say("cli.advisor_unset")
    else:
        show(f"{found.name} <{found.email}>" if found.email else found.name)
    return 0


def raise_usage(message: str, code: str) -> None:
    from assessor.domain.errors import BadInput

    raise BadInput(message, code=code)
