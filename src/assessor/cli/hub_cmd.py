"""assessor hub init: set up (or upgrade) the team hub's tables in PostgreSQL."""

from __future__ import annotations

import argparse
from typing import Any

URL_HELP = (
    "the hub: a libpq URL or connection string (postgresql://user@host/db, "
    "service=NAME); the password comes from ~/.pgpass or PGPASSWORD, never from here"
)


def register(sub: Any) -> None:
    hub = sub.add_parser("hub", help="the team hub on PostgreSQL")
    hsub = hub.add_subparsers(dest="hub_command", metavar="ACTION", required=True)
    p = hsub.add_parser("init", help="create the hub's tables, or bring them up to date")
    p.add_argument("--url", required=True, metavar="URL", help=URL_HELP)
    p.set_defaults(func=cmd_init)


def cmd_init(args: argparse.Namespace) -> int:
    from assessor.cli.output import say
    from assessor.services.hub import init_hub
    from assessor.sync.hub_schema import where

    done = init_hub(args.url)
    codes = {
        "created": "cli.hub_created",
        "upgraded": "cli.hub_upgraded",
        "up to date": "cli.hub_up_to_date",
    }
    say(codes.get(done, "cli.hub_ready"), hub=where(args.url), done=done)
    return 0
