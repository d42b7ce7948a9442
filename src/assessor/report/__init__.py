"""The report: a plain ReportData in, tagged PDF (or DOCX) bytes out (no Qt, no database)."""

from __future__ import annotations

from assessor.report.data import ReportData


def build_report(data: ReportData, *, archival: bool = False) -> bytes:
    """The report as tagged PDF/UA-1 bytes; archival=True gives PDF/A-2a as well."""
    from assessor.report.builder import build_pdf, language_tag

    pdf = build_pdf(data)
    if not archival:
        return pdf
    from assessor.report.pdfa import to_pdfa

    return to_pdfa(pdf, language_tag(data.language))


def build_docx(data: ReportData) -> bytes:
    """The same report as an editable Word document."""
    from assessor.report.docx_writer import build_docx as build

    return build(data)


__all__ = ["ReportData", "build_docx", "build_report"]
