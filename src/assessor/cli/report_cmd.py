"""assessor report --db PATH --assessment ID --out FILE.pdf [--lang sv|en] [--pdfa]
[--recipient TEXT] [--by NAME]"""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path
from typing import Any

from assessor.cli.common import add_db_option, open_db


def register(sub: Any) -> None:
    p = sub.add_parser(
        "report", help="export an assessment's PDF report",
        description="Write the assessment's report as a PDF and record the delivery "
        "(when, language, who, recipient, SHA-256 of the file).",
    )
    add_db_option(p)
    p.add_argument("--assessment", required=True, metavar="ID", help="the assessment's id")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF file to write")
    p.add_argument("--lang", choices=("sv", "en"), default="sv",
                   help="the report's language (default sv)")
    p.add_argument("--pdfa", action="store_true", help="archival PDF/A-2b")
    p.add_argument("--recipient", default="", metavar="TEXT", help="who receives the report")
    p.add_argument("--by", default=None, metavar="NAME",
                   help="who exports it (default: the user name)")
    p.set_defaults(func=cmd_report)


def _user_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def cmd_report(args: argparse.Namespace) -> int:
    from assessor.domain.errors import BadInput
    from assessor.services.reports import export_report

    out = Path(args.out)
    if out.suffix.lower() != ".pdf":  # a PDF named x.txt would open in the wrong program
        raise BadInput(f"{out}: the file name must end in .pdf")

    by = args.by if args.by is not None else _user_name()
    with open_db(args) as db:
        result = export_report(
            db, args.assessment, out, language=args.lang, archival=args.pdfa,
            recipient=args.recipient, exported_by=by,
        )
    print(f"wrote {result.path} ({result.size} bytes, sha256 {result.sha256})")
    return 0
