"""Argument parsing and error handling for every command (exit 0 done, 1 failed, 2 bad input)."""

from __future__ import annotations

import argparse
import importlib
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from assessor import __version__, long_lived
from assessor.cli.help_words import install, parser_options, word_action, worded_metavar
from assessor.cli.output import show, text
from assessor.domain.errors import AssessorError, DamagedDatabase
from assessor.domain.messages import set_language, system_language

# Each module has register(subparsers); handlers are set with set_defaults(func=...).
# The command's name -> the module that registers it (at the top level).
COMMANDS = {
    "db": "assessor.cli.db_cmd",
    "demo": "assessor.cli.demo_cmd",
    "list": "assessor.cli.list_cmd",
    "checklist": "assessor.cli.checklist_cmd",
    "mapping": "assessor.cli.mapping_cmd",
    "report": "assessor.cli.report_cmd",
    "sync": "assessor.cli.sync_cmd",
    "export": "assessor.cli.export_cmd",
    "import": "assessor.cli.export_cmd",
    "portfolio": "assessor.cli.portfolio_cmd",
    "advisor": "assessor.cli.advisor_cmd",
    "evidence": "assessor.cli.evidence_cmd",
    "hub": "assessor.cli.hub_cmd",
}
COMMAND_MODULES = tuple(dict.fromkeys(COMMANDS.values()))
# top-level options that take a value: the word after them is not a command
_VALUED = ("--db", "--lang")


_Action = TypeVar("_Action", bound=argparse.Action)


class Parser(argparse.ArgumentParser):
    """Every parser of the program: its help worded in the user's language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **parser_options(kwargs))

    def _add_action(self, action: _Action) -> _Action:
        # every argument passes here, those of groups too
        word_action(action)
        return super()._add_action(action)

    def add_subparsers(self, **kwargs: Any) -> Any:
        if kwargs.get("metavar") is not None:  # its action does not pass _add_action above
            kwargs["metavar"] = worded_metavar(kwargs["metavar"])
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message}\n")


def named_command(argv: Sequence[str]) -> str | None:
    """The command argv names before any other word, or None (help, a mistake, the window)."""
    skip = False
    for word in argv:
        if skip:
            skip = False
            continue
        if word in _VALUED:
            skip = True
            continue
        if word.startswith("-"):
            continue
        return word if word in COMMANDS else None
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; given argv that names a command, with that command only.

    Every command module imports what its command needs (the database layer, checklists,
    ...): a report need not wait for the YAML reader and the sync engine to load. Without a
    command (``--help``, a typo) every command is there to be listed or suggested.
    """
    install()
    if argv is not None:  # --help and argparse's errors in the user's language
        set_language(early_language(argv) or system_language())
    command = named_command(argv) if argv is not None else None
    modules = (COMMANDS[command],) if command is not None else COMMAND_MODULES
    parser = Parser(prog="assessor", description="Assess agencies' digital maturity.")
    parser.add_argument("--version", action="version", version=f"assessor {__version__}")
    parser.add_argument("--db", metavar="PATH", help="the database file")
    parser.add_argument(
        "--lang",
        dest="ui_lang",
        choices=("sv", "en"),
        help="language of the window and of messages (default: the system's)",
    )
    parser.add_argument(
        "--exit-after-startup",
        action="store_true",
        help="open the window, print the milliseconds since the process started when it is "
        "usable (data shown, idle) and again when it is ready for an edit (database open), "
        "and exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name in modules:
        importlib.import_module(name).register(sub)
    return parser


def _reader_went_away() -> int:
    """The reader of our output closed it (``| head``): stop quietly, as other tools do."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the flush at exit does not fail again
    except (OSError, ValueError):
        pass
    return 0


# SQLite's verdicts on the file itself (not on our SQL): a damaged page, a file that is not a
# database, a file or folder it may not write, a disk that is full
FILE_AT_FAULT = frozenset(
    {
        "SQLITE_CORRUPT",
        "SQLITE_NOTADB",
        "SQLITE_READONLY",
        "SQLITE_CANTOPEN",
        "SQLITE_FULL",
        "SQLITE_IOERR",
        "SQLITE_PERM",
    }
)


def _driver_errors() -> tuple[type[BaseException], ...]:
    """sqlite3's errors, and SQLAlchemy's wrapping of them when it was loaded (evaluated only
    when an exception passes, so `assessor --version` never imports SQLAlchemy)."""
    found: tuple[type[BaseException], ...] = (sqlite3.Error,)
    sa_exc = sys.modules.get("sqlalchemy.exc")
    if sa_exc is not None:
        found += (sa_exc.DBAPIError,)
    return found


def _sqlite_error(exc: BaseException) -> sqlite3.Error | None:
    orig = getattr(exc, "orig", exc)
    return orig if isinstance(orig, sqlite3.Error) else None


def _file_at_fault(exc: BaseException) -> bool:
    error = _sqlite_error(exc)
    if error is not None and str(error).startswith("Could not decode to UTF-8"):
        return True  # Python's sqlite3 on text that is not UTF-8: the file's bytes
    name = str(getattr(error, "sqlite_errorname", ""))
    return any(name == code or name.startswith(code + "_") for code in FILE_AT_FAULT)


def _sqlite_reason(exc: BaseException) -> str:
    error = _sqlite_error(exc)
    return " ".join(str(error).split())[:120] if error is not None else ""


def run(args: argparse.Namespace) -> int:
    # messages in --lang, else in the system's language (here, so that every way in, the
    # `assessor` launcher included, speaks the user's language)
    set_language(args.ui_lang or system_language())
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        return _reader_went_away()
    except AssessorError as exc:
        _complain(exc.message)
        return exc.exit_code
    except FileNotFoundError as exc:
        missing = Path(str(exc.filename or ""))
        if not missing.parent.is_dir():  # say which folder, not our temporary file's name
            _complain(text("cli.no_folder", folder=missing.parent))
        else:
            _complain(text("cli.no_file", path=missing))
        return 2
    except IsADirectoryError as exc:
        _complain(text("cli.is_folder", path=exc.filename))
        return 2
    except PermissionError as exc:
        _complain(text("cli.permission", path=exc.filename))
        return 1
    except _driver_errors() as exc:
        if not _file_at_fault(exc):
            raise  # a bug of ours: the traceback is what a developer needs
        from assessor.cli.common import db_path

        damaged = DamagedDatabase(
            "the database file is damaged or cannot be used",
            code="db.damaged_file",
            path=db_path(args),
            reason=_sqlite_reason(exc),
        )
        _complain(damaged.message)
        return damaged.exit_code
    except KeyboardInterrupt:
        _complain(text("cli.interrupted"))
        return 130


def _complain(message: str) -> None:
    """One line on standard error, named by the program as other tools do."""
    show(f"assessor: {message}", err=True)


def early_language(argv: Sequence[str]) -> str | None:
    """The program's --lang, read before parsing so that --help and argparse's errors are
    worded in it (a command's own --lang, after the command, is its report's language)."""
    for i, word in enumerate(argv):
        if word == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if word.startswith("--lang="):
            return word.split("=", 1)[1]
        if word in _VALUED:
            continue
        if not word.startswith("-") and (i == 0 or argv[i - 1] not in _VALUED):
            return None  # the command: what follows is its own
    return None


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:  # the program's own process, not a caller's
        long_lived.begin()
    words = sys.argv[1:] if argv is None else argv
    with long_lived.importing():
        parser = build_parser(words)
    args = parser.parse_args(words)
    # messages in --lang, else in the system's language
    set_language(args.ui_lang or system_language())
    if args.command is None:
        _complain(text("cli.no_command"))
        return 2
    return run(args)
