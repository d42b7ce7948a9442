"""assessor export xlsx|csv|archive, assessor import archive"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assessor.cli.common import add_db_option, db_path, read_db
from assessor.cli.output import count, say, warn
from assessor.domain.errors import BadInput
from assessor.services.files import check_output
from assessor.store.db import Database


def register(sub: Any) -> None:
    p = sub.add_parser("export", help="spreadsheets and the handover archive")
    p.add_argument("what", choices=("xlsx", "csv", "archive"))
    add_db_option(p)
    p.add_argument(
        "--out",
        metavar="PATH",
        required=True,
        help="the .xlsx file, or the folder for csv and archive",
    )
    p.add_argument("--lang", choices=("sv", "en"), default="sv", help="language of checklist texts")
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("import", help="rebuild a database from a handover archive")
    p.add_argument("what", choices=("archive",))
    p.add_argument("folder", metavar="DIR")
    add_db_option(p)
    p.set_defaults(func=cmd_import)


def cmd_export(args: argparse.Namespace) -> int:
    out = Path(args.out)
    with read_db(args) as db, db.read() as session:
        if args.what == "archive":
            from assessor.services.archive import export_archive

            summary = export_archive(session, out, report_builder=_report_builder(db))
            total = sum(summary.counts.values())
            say(
                "cli.archive_written",
                files=count(summary.files, "file"),
                rows=count(total, "row"),
                path=out,
            )
            for name in summary.reports_skipped:
                warn("cli.report_not_rebuilt", name=name)
            return 0
        from assessor.services import spreadsheet

        sheets = spreadsheet.sheets(session, args.lang)
        if args.what == "xlsx":
            if out.suffix.lower() != ".xlsx":
                raise BadInput(
                    f"{out}: the file name must end in .xlsx",
                    code="cli.must_end_in",
                    path=out,
                    suffix=".xlsx",
                )
            # an .xlsx file is a zip archive: refuse to overwrite anything else
            check_output(out, db_path=db.path, header=b"PK", what="spreadsheet")
            spreadsheet.write_xlsx(sheets, out)
            rows = ", ".join(count(len(s.rows), s.row_noun) for s in sheets)
            say("cli.sheets_written", path=out, sheets=rows)
        else:
            written = spreadsheet.write_csv(sheets, out)
            say("cli.files_written", files=count(len(written), "csv_file"), path=out)
    return 0


def _report_builder(db: Database) -> Callable[[str, str, bool], bytes]:
    """Rebuilds a report on record for the archive from the same data."""
    from assessor.report import build_report
    from assessor.services.report_data import report_data

    def build(assessment_id: str, language: str, archival: bool) -> bytes:
        with db.read() as session:
            data = report_data(session, assessment_id, language)
        return build_report(data, archival=archival)

    return build


def cmd_import(args: argparse.Namespace) -> int:
    from assessor.services.archive import import_archive, verify_archive

    folder = Path(args.folder)
    if not folder.is_dir():
        raise BadInput(f"{folder} is not a folder", code="archive.not_folder", path=folder)
    verify_archive(folder)
    target = db_path(args)
    if target.exists() and target.stat().st_size > 0:
        raise BadInput(
            f"{target} already exists; an archive is imported into a new database",
            code="archive.target_exists",
            path=target,
        )
    try:
        with Database(target, create=True) as db, db.transaction() as session:
            counts = import_archive(session, folder)
    except BaseException:
        for suffix in ("", "-wal", "-shm", ".lock"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        raise
    say("cli.archive_imported", rows=count(sum(counts.values()), "row"), path=target)
    return 0
