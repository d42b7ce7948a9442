"""PDF/A-2a post-processing: sRGB output intent and XMP metadata that matches the document info.

ReportLab already gives what PDF/A asks of the content itself (embedded TrueType subsets with
ToUnicode maps, no encryption, no transparency, a trailer /ID, /Lang in the catalog), and
report/structure.py the tags that level A needs (structure tree, MarkInfo, every glyph tagged or
an artifact). This adds the rest with pikepdf. Which rules our tests check is written down in
docs/report.md.
"""

from __future__ import annotations

import io

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from assessor.paths import resource
from assessor.report.xmp import xmp_date, xmp_packet

SRGB_NAME = "sRGB IEC61966-2.1"

__all__ = ["SRGB_NAME", "to_pdfa", "xmp_date"]


def to_pdfa(pdf: bytes, language: str) -> bytes:
    """The same tagged document as PDF/A-2a and PDF/UA-1 (same input, same bytes).

    ``language`` is the document's language tag (sv-SE, en-GB).
    """
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        if doc.is_encrypted:
            raise ValueError("an encrypted PDF cannot become PDF/A")
        if "/StructTreeRoot" not in doc.Root:
            raise ValueError("PDF/A-2a needs a tagged PDF")
        for key in ("/Trapped", "/Author", "/Keywords"):
            # an empty entry says nothing and would need an empty XMP twin; /Trapped is a name
            if key in doc.docinfo and (key == "/Trapped" or not str(doc.docinfo[key])):
                del doc.docinfo[key]
        info = {str(k): str(v) for k, v in doc.docinfo.items()}
        profile = pikepdf.Stream(doc, resource("icc", "sRGB.icc").read_bytes())
        profile["/N"] = 3
        doc.Root.OutputIntents = Array(
            [
                Dictionary(
                    Type=Name.OutputIntent,
                    S=Name.GTS_PDFA1,
                    OutputConditionIdentifier=String(SRGB_NAME),
                    Info=String(SRGB_NAME),
                    RegistryName=String("http://www.color.org"),
                    DestOutputProfile=profile,
                )
            ]
        )
        metadata = pikepdf.Stream(doc, xmp_packet(info, language, pdfa=True))
        metadata["/Type"] = Name.Metadata
        metadata["/Subtype"] = Name.XML
        doc.Root.Metadata = metadata
        doc.Root.Lang = String(language)
        out = io.BytesIO()
        doc.save(out, deterministic_id=True, fix_metadata_version=False)
        return out.getvalue()
