"""`assessor` and `python -m assessor`: the window without a command, else the command line."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from assessor.cli.main import build_parser, run

    args = build_parser().parse_args(argv)
    if args.command is not None:
        return run(args)
    from assessor.ui.app import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
