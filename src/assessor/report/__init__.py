"""The PDF report: a plain ReportData in, PDF bytes out (no Qt, no database)."""

from __future__ import annotations

from assessor.report.data import ReportData


def build_report(data: ReportData, *, archival: bool = False) -> bytes:
    """The report as PDF bytes; archival=True gives PDF/A-2b."""
    from assessor.report.builder import build_pdf

    pdf = build_pdf(data)
    if not archival:
        return pdf
    from assessor.report.pdfa import to_pdfa

    return to_pdfa(pdf, data)


__all__ = ["ReportData", "build_report"]
