"""assessor demo --db PATH [--seed N] [--agencies N] | --mutate N [--seed N]"""

from __future__ import annotations

import argparse
import time
from typing import Any

from assessor.cli.common import add_db_option, db_path
from assessor.cli.output import count, decimal, say
from assessor.domain.errors import BadInput
from assessor.store.db import Database


def register(sub: Any) -> None:
    p = sub.add_parser(
        "demo",
        help="create a realistic demo database, or apply random edits to one",
        description="Without --mutate: fill a new database with demo data (the same seed "
        "gives the same data). With --mutate N: apply N random user-like edits.",
    )
    add_db_option(p)
    p.add_argument("--seed", type=int, default=1, help="the random seed (default 1)")
    p.add_argument("--agencies", type=int, default=12, help="how many agencies (default 12)")
    p.add_argument("--mutate", type=int, metavar="N", help="apply N random edits instead")
    p.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from assessor.services import demo

    path = db_path(args)
    began = time.perf_counter()
    if args.mutate is not None:
        if args.mutate < 0:
            raise BadInput("--mutate needs a number of edits, 0 or more", code="cli.mutate_count")
        with Database(path) as db:
            done = demo.mutate(db, count=args.mutate, seed=args.seed)
        say(
            "cli.demo_mutated",
            edits=count(len(done), "edit"),
            path=path,
            seconds=decimal(time.perf_counter() - began, ".1f"),
        )
        return 0
    if not 1 <= args.agencies <= demo.MAX_AGENCIES:
        raise BadInput(
            f"--agencies must be between 1 and {demo.MAX_AGENCIES}",
            code="cli.agencies_range",
            most=demo.MAX_AGENCIES,
        )
    existed = path.exists() and path.stat().st_size > 0
    with Database(path, create=True) as db:
        with db.read() as session:
            if existed and demo.has_user_data(session):
                raise BadInput(
                    f"{path} already holds data; the demo needs a new file "
                    "(or use --mutate N to edit this one)",
                    code="cli.demo_not_empty",
                    path=path,
                )
        with db.transaction() as session:
            summary = demo.build_demo(session, seed=args.seed, agencies=args.agencies)
    say(
        "cli.demo_created",
        path=path,
        seconds=decimal(time.perf_counter() - began, ".1f"),
        agencies=count(summary.agencies, "agency"),
        meetings=count(summary.meetings, "meeting"),
        assessments=count(summary.assessments, "assessment"),
        answers=count(summary.answers, "answer"),
        recommendations=count(summary.recommendations, "recommendation"),
    )
    return 0
