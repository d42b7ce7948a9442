"""What every subcommand shares: opening the database named by --db, printing JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assessor.paths import default_db_path
from assessor.store.db import Database


def db_path(args: argparse.Namespace) -> Path:
    path = getattr(args, "db", None)
    return Path(path) if path else default_db_path()


def open_db(args: argparse.Namespace) -> Database:
    """Open for writing: the only writer on the file while the command runs."""
    return Database(db_path(args))


def read_db(args: argparse.Namespace) -> Database:
    """Open for reading only: works while the window has the file open."""
    return Database.reader(db_path(args))


def add_db_option(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: without it the action's default (None) hides a --db given before the command
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="the database file")


def add_action(
    sub: Any,
    name: str,
    help: str,
    func: Callable[[argparse.Namespace], int],
    *,
    json: str | None = None,
) -> argparse.ArgumentParser:
    """An action of a command (``assessor sync import``...): on the database --db names, run
    by ``func``, with a --json option described by ``json`` where it has one."""
    parser: argparse.ArgumentParser = sub.add_parser(name, help=help)
    add_db_option(parser)
    if json is not None:
        parser.add_argument("--json", action="store_true", help=json)
    parser.set_defaults(func=func)
    return parser


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
