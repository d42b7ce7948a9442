"""The command line builds only the named command's parser (start-up of a command)."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from assessor.cli.main import COMMANDS, build_parser, named_command


def _choices(parser: argparse.ArgumentParser) -> set[str]:
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return set(sub.choices)


def test_every_command_is_found_under_its_own_name() -> None:
    assert _choices(build_parser()) == set(COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_named_command_parser_has_that_command(name: str) -> None:
    assert name in _choices(build_parser([name]))


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["report", "--db", "x"], "report"),
        (["--db", "report", "list"], "list"),  # a database file called "report"
        (["--lang", "sv", "portfolio"], "portfolio"),
        (["lsit"], None),
        (["--help"], None),
        ([], None),
    ],
)
def test_the_command_is_the_first_word_that_is_not_an_option_value(argv, expected) -> None:
    assert named_command(argv) == expected


def test_a_report_does_not_load_the_other_commands() -> None:
    probe = (
        "import sys\n"
        "from assessor.cli.main import build_parser\n"
        "build_parser(['report', '--help'][:1])\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('assessor.cli.')"
        " and m.endswith('_cmd'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "assessor.cli.report_cmd"


def test_a_mistyped_command_is_still_suggested_from_every_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "assessor", "lsit"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "'list'" in done.stderr and "'portfolio'" in done.stderr
