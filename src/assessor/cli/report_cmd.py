"""assessor report --db PATH --assessment ID --out FILE.pdf|FILE.docx [--format pdf|docx]
[--lang sv|en] [--pdfa] [--recipient TEXT] [--by NAME]"""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path
from typing import Any

from assessor import long_lived
from assessor.cli.common import add_db_option, open_db
from assessor.cli.output import count, say
from assessor.domain.errors import BadInput


def register(sub: Any) -> None:
    p = sub.add_parser(
        "report",
        help="export an assessment's report (tagged PDF or editable DOCX)",
        description="Write the assessment's report as a tagged PDF (PDF/UA-1) or an editable "
        "Word document and record the delivery (when, language, who, recipient, SHA-256 of "
        "the file).",
    )
    add_db_option(p)
    p.add_argument("--assessment", required=True, metavar="ID", help="the assessment's id")
    p.add_argument(
        "--out", required=True, metavar="FILE.pdf", help="the file to write (.pdf or .docx)"
    )
    p.add_argument(
        "--format",
        choices=("pdf", "docx"),
        default=None,
        help="the file format (default: from the file name's extension, else pdf)",
    )
    p.add_argument(
        "--lang", choices=("sv", "en"), default="sv", help="the report's language (default sv)"
    )
    p.add_argument("--pdfa", action="store_true", help="archival PDF/A-2a (PDF only)")
    p.add_argument(
        "--profile",
        default=None,
        metavar="ID",
        help="score on a profile of the checklist (only its questions count); by "
        'default the one the assessment is scored on, "" for the whole checklist',
    )
    p.add_argument(
        "--read-as",
        default=None,
        metavar="CHECKLIST_ID",
        help="add an appendix reading the assessment as another checklist (needs --mapping)",
    )
    p.add_argument(
        "--mapping",
        default=None,
        metavar="ID",
        help="the mapping set to read through (see 'assessor mapping list')",
    )
    p.add_argument("--recipient", default="", metavar="TEXT", help="who receives the report")
    p.add_argument(
        "--by", default=None, metavar="NAME", help="who exports it (default: the user name)"
    )
    p.set_defaults(func=cmd_report)


def _user_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def output_format(out: Path, given: str | None) -> str:
    """The format asked for, or the one the file name says; a mismatch is bad input."""
    suffix = out.suffix.lower().lstrip(".")
    if given is None:
        if suffix not in ("pdf", "docx"):  # a PDF named x.txt would open in the wrong program
            raise BadInput(
                f"{out}: the file name must end in .pdf or .docx (or give --format)",
                code="cli.report_suffix",
                path=out,
            )
        return suffix
    if suffix in ("pdf", "docx") and suffix != given:
        raise BadInput(
            f"{out.name} ends in .{suffix} but --format is {given}",
            code="cli.report_format",
            name=out.name,
            suffix=suffix,
            given=given,
        )
    return given


def cmd_report(args: argparse.Namespace) -> int:
    from assessor.domain.errors import BadInput

    with long_lived.importing():
        from assessor.services.reports import export_report

    file_format = output_format(Path(args.out), args.format)
    if bool(args.read_as) != bool(args.mapping):
        raise BadInput(
            "--read-as and --mapping go together: the checklist and the mapping set",
            code="cli.read_as_mapping",
        )
    by = args.by if args.by is not None else _user_name()
    with open_db(args) as db:
        result = export_report(
            db,
            args.assessment,
            Path(args.out),
            language=args.lang,
            archival=args.pdfa,
            recipient=args.recipient,
            exported_by=by,
            file_format=file_format,
            profile=args.profile,
            read_as=(args.mapping, args.read_as) if args.read_as else None,
        )
    say(
        "cli.report_written",
        path=result.path,
        size=count(result.size, "byte"),
        sha256=result.sha256,
    )
    return 0
