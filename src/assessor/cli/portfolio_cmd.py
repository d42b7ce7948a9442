"""assessor portfolio --db PATH [--json] [--out FILE.pdf] [--lang sv|en] [--checklist KEY]
[--ministry NAME] [--from DATE] [--to DATE] [--status STATUS] [--below N] [--min-agencies N]"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from assessor import long_lived
from assessor.cli.common import add_db_option, db_path, print_json, read_db
from assessor.cli.output import blank, count, decimal, say, text
from assessor.domain.errors import BadInput
from assessor.domain.messages import language, set_language
from assessor.store.models import ASSESSMENT_STATUSES


def register(sub: Any) -> None:
    p = sub.add_parser(
        "portfolio",
        help="common gaps across agencies and who can lend to whom",
        description="Print the dimensions where many agencies score low, the agencies strong "
        "there with their good practices, and the recommendations given; or write the "
        "portfolio report as a PDF with --out.",
    )
    add_db_option(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--out", metavar="FILE.pdf", help="write the portfolio report (PDF)")
    p.add_argument(
        "--lang",
        choices=("sv", "en"),
        default=None,
        help="language of the report and the dimension names (default: sv in the PDF and "
        "the JSON; the printed lines in the language of the messages)",
    )
    p.add_argument(
        "--checklist",
        default="digital-maturity",
        metavar="KEY",
        help="the checklist's key (default digital-maturity)",
    )
    p.add_argument("--ministry", default="", metavar="NAME", help="only this ministry")
    p.add_argument(
        "--from", dest="assessed_from", metavar="DATE", help="assessed on or after (YYYY-MM-DD)"
    )
    p.add_argument(
        "--to", dest="assessed_to", metavar="DATE", help="assessed on or before (YYYY-MM-DD)"
    )
    p.add_argument(
        "--status",
        default="",
        choices=("", *ASSESSMENT_STATUSES),
        help="only assessments with this status",
    )
    p.add_argument(
        "--mapped",
        action="store_true",
        help="also agencies assessed on another checklist, read through a kept "
        "mapping set (assessor mapping import)",
    )
    p.add_argument(
        "--below",
        type=float,
        default=2.0,
        metavar="N",
        help="a gap is a score below N (default 2.0)",
    )
    p.add_argument(
        "--min-agencies",
        type=int,
        default=2,
        metavar="N",
        help="a gap is common when N agencies share it (default 2)",
    )
    p.add_argument(
        "--strong-at",
        type=float,
        default=3.0,
        metavar="N",
        help="an agency can lend with a score of at least N (default 3.0)",
    )
    p.set_defaults(func=cmd_portfolio)


def _day(value: str | None, option: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadInput(
            f"{option}: '{value}' is not a date (YYYY-MM-DD)",
            code="cli.not_a_date",
            option=option,
            value=value,
        ) from None


def cmd_portfolio(args: argparse.Namespace) -> int:
    with long_lived.importing():
        from assessor.services.files import check_output, write_atomically
        from assessor.services.portfolio import (
            PortfolioFilter,
            load_portfolio,
            report_data,
            suggested_contacts,
        )

    if args.min_agencies < 1:
        raise BadInput("--min-agencies must be 1 or more", code="cli.min_agencies")
    out = Path(args.out) if args.out else None
    if out is not None and out.suffix.lower() != ".pdf":
        raise BadInput(
            f"{out}: the file name must end in .pdf",
            code="cli.must_end_in",
            path=out,
            suffix=".pdf",
        )
    if out is not None:
        check_output(out, db_path=db_path(args), header=b"%PDF", what="PDF report")
    flt = PortfolioFilter(
        checklist_key=args.checklist,
        ministry=args.ministry,
        assessed_from=_day(args.assessed_from, "--from"),
        assessed_to=_day(args.assessed_to, "--to"),
        status=args.status,
        include_mapped=args.mapped,
    )
    limits = {"below": args.below, "min_agencies": args.min_agencies, "strong_at": args.strong_at}
    with read_db(args) as db, db.read() as session:
        portfolio = load_portfolio(session, flt)
    if out is not None:
        with long_lived.importing():
            from assessor.report.portfolio import build_portfolio_pdf

        pdf = build_portfolio_pdf(report_data(portfolio, args.lang or "sv", **limits))
        write_atomically(out, pdf)
        say(
            "cli.portfolio_written",
            path=out,
            size=count(len(pdf), "byte"),
            agencies=count(len(portfolio.agencies), "agency"),
        )
        return 0
    if args.json:
        lang = args.lang or "sv"
    else:  # the lines and the dimensions' titles in one language: --lang, else the messages'
        lang = args.lang or language()
        set_language(lang)
    views = portfolio.gap_views(lang, **limits)
    if args.json:
        print_json(
            {
                "checklist": portfolio.checklist_key,
                "agencies": len(portfolio.agencies),
                "mapped_agencies": [r.agency_id for r in portfolio.agencies if r.mapped_from],
                "below": args.below,
                "min_agencies": args.min_agencies,
                "strong_at": args.strong_at,
                "gaps": [_gap_json(v, suggested_contacts(v)) for v in views],
                "question_gaps": [
                    {
                        "question": q.key,
                        "text": q.title,
                        "dimension": q.dimension_key,
                        "count": q.count,
                        "mean": q.mean,
                        "borrowers": [r.agency_id for r, _ in q.borrowers],
                        "lenders": [r.agency_id for r, _, _ in q.lenders],
                    }
                    for q in portfolio.question_gap_views(lang, **limits)
                ],
            }
        )
        return 0
    _print_gaps(args, portfolio, views, suggested_contacts, limits)
    return 0


def _print_gaps(
    args: argparse.Namespace,
    portfolio: Any,
    views: list[Any],
    suggested_contacts: Any,
    limits: dict[str, Any],
) -> None:
    """The common gaps as lines, in the language of the messages; the dimensions' and
    questions' titles in the portfolio's --lang."""
    below = decimal(args.below, "g")
    mapped = sum(1 for r in portfolio.agencies if r.mapped_from)
    if mapped:
        say("cli.portfolio_mapped", count=mapped)
    say(
        "cli.portfolio_summary",
        agencies=count(len(portfolio.agencies), "agency"),
        checklist=portfolio.checklist_key,
        below=below,
        least=count(args.min_agencies, "agency"),
        gaps=len(views),
    )
    for v in views:
        blank()
        say(
            "cli.portfolio_gap",
            title=v.title,
            agencies=count(v.count, "agency"),
            below=below,
            mean="–" if v.mean is None else decimal(v.mean, ".1f"),
            lenders=len(v.lenders),
        )
        for lender, practice, borrowers in suggested_contacts(v):
            say(
                "cli.portfolio_contact",
                lender=lender.name,
                practice=practice.title,
                borrowers=", ".join(b.name for b in borrowers),
            )
        if not any(practices for _, _, practices in v.lenders):
            strong = ", ".join(f"{r.name} ({decimal(s, '.1f')})" for r, s, _ in v.lenders[:5])
            say("cli.portfolio_strong", agencies=strong or text("cli.portfolio_none_yet"))
        for r in v.recommendations[:3]:
            library = (
                text("cli.portfolio_library", uses=count(r.library_uses, "use"))
                if r.template_id
                else ""
            )
            say(
                "cli.portfolio_recommended",
                times=count(r.count, "time"),
                library=library,
                title=r.title,
            )
    questions = portfolio.question_gap_views(language(), **limits)
    if questions:
        blank()
        say("cli.portfolio_questions", below=below)
        for q in questions[:10]:
            say(
                "cli.portfolio_question",
                agencies=f"{q.count:4d} " + count(q.count, "agency").split(" ", 1)[1],
                title=q.title,
                dimension=q.dimension_title,
            )


def _gap_json(v: Any, contacts: list[Any]) -> dict[str, Any]:
    return {
        "dimension": v.key,
        "title": v.title,
        "count": v.count,
        "mean": v.mean,
        "borrowers": [
            {"agency_id": r.agency_id, "name": r.name, "score": s} for r, s in v.borrowers
        ],
        "lenders": [
            {
                "agency_id": r.agency_id,
                "name": r.name,
                "score": s,
                "good_practices": [{"finding_id": p.finding_id, "title": p.title} for p in ps],
            }
            for r, s, ps in v.lenders
        ],
        "contacts": [
            {
                "lender": lender.agency_id,
                "good_practice": practice.finding_id,
                "borrowers": [b.agency_id for b in borrowers],
            }
            for lender, practice, borrowers in contacts
        ],
        "recommendations": [
            {
                "title": r.title,
                "given": r.count,
                "template_id": r.template_id,
                "library_uses": r.library_uses,
                "agencies": list(r.agencies),
            }
            for r in v.recommendations
        ],
    }
