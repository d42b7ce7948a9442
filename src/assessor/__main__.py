"""`assessor` and `python -m assessor`: the window without a command, else the command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


class _Quiet(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise ValueError(message)  # the full parser will say it properly


def window_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """The window's options when argv holds nothing else; None sends it to the full parser.

    Building the full command line parser imports every command (the database layer, the
    report, ...); the window does not need that before its first paint.
    """
    parser = _Quiet(add_help=False, allow_abbrev=False, exit_on_error=False)
    parser.add_argument("--db")
    parser.add_argument("--lang", dest="ui_lang", choices=("sv", "en"))
    parser.add_argument("--exit-after-startup", action="store_true")
    try:
        args, rest = parser.parse_known_args(list(argv))
    except (argparse.ArgumentError, ValueError):
        return None
    if rest:
        return None
    args.command = None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    from assessor import long_lived

    if argv is None:  # the program's own process, not a caller's
        long_lived.begin()
    quick = window_args(sys.argv[1:] if argv is None else argv)
    if quick is not None:
        from assessor.ui.app import run_app

        return run_app(quick)
    words = sys.argv[1:] if argv is None else list(argv)
    with long_lived.importing():
        from assessor.cli.main import build_parser, run

        parser = build_parser(words)
    args = parser.parse_args(words)
    if args.command is not None:
        return run(args)
    from assessor.ui.app import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
