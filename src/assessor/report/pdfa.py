"""PDF/A-2b post-processing: sRGB output intent and XMP metadata that matches the document info.

ReportLab already gives what PDF/A asks of the content itself (embedded TrueType subsets with
ToUnicode maps, no encryption, no transparency, a trailer /ID, /Lang in the catalog). This adds
the rest with pikepdf. Which rules our tests check is written down in docs/report.md.
"""

from __future__ import annotations

import io
import re
from xml.sax.saxutils import escape

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from assessor.paths import resource
from assessor.report.builder import language_tag
from assessor.report.data import ReportData

SRGB_NAME = "sRGB IEC61966-2.1"
_PDF_DATE = re.compile(
    r"^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:(Z)|([+-])(\d{2})'?(\d{2})'?)?"
)


def xmp_date(pdf_date: str) -> str:
    """A PDF date (D:20261130120000+00'00') as an XMP date (2026-11-30T12:00:00+00:00)."""
    match = _PDF_DATE.match(pdf_date)
    if match is None:
        raise ValueError(f"not a PDF date: {pdf_date!r}")
    y, mo, d, h, mi, s, zulu, sign, tzh, tzm = match.groups()
    zone = "Z" if zulu or sign is None else f"{sign}{tzh}:{tzm}"
    return f"{y}-{mo}-{d}T{h}:{mi}:{s}{zone}"


def _alt(value: str) -> str:
    return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(value)}</rdf:li></rdf:Alt>'


def xmp_packet(info: dict[str, str], language: str) -> bytes:
    """The XMP packet saying the same as the document information dictionary."""
    props = [
        "<pdfaid:part>2</pdfaid:part>",
        "<pdfaid:conformance>B</pdfaid:conformance>",
        "<dc:format>application/pdf</dc:format>",
        f"<dc:language><rdf:Bag><rdf:li>{escape(language)}</rdf:li></rdf:Bag></dc:language>",
    ]
    if "/Title" in info:
        props.append(f"<dc:title>{_alt(info['/Title'])}</dc:title>")
    if "/Author" in info:
        props.append(
            f"<dc:creator><rdf:Seq><rdf:li>{escape(info['/Author'])}</rdf:li></rdf:Seq>"
            "</dc:creator>"
        )
    if "/Subject" in info:
        props.append(f"<dc:description>{_alt(info['/Subject'])}</dc:description>")
    if "/Keywords" in info:
        props.append(f"<pdf:Keywords>{escape(info['/Keywords'])}</pdf:Keywords>")
    if "/Producer" in info:
        props.append(f"<pdf:Producer>{escape(info['/Producer'])}</pdf:Producer>")
    if "/Creator" in info:
        props.append(f"<xmp:CreatorTool>{escape(info['/Creator'])}</xmp:CreatorTool>")
    if "/CreationDate" in info:
        props.append(f"<xmp:CreateDate>{xmp_date(info['/CreationDate'])}</xmp:CreateDate>")
    if "/ModDate" in info:
        modified = xmp_date(info["/ModDate"])
        props.append(f"<xmp:ModifyDate>{modified}</xmp:ModifyDate>")
        props.append(f"<xmp:MetadataDate>{modified}</xmp:MetadataDate>")
    body = "\n   ".join(props)
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '  <rdf:Description rdf:about=""\n'
        '    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"\n'
        '    xmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"\n'
        '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/">\n'
        f"   {body}\n"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
    return packet.encode("utf-8")


def to_pdfa(pdf: bytes, data: ReportData) -> bytes:
    """The same document as PDF/A-2b (deterministic: same input, same bytes)."""
    language = language_tag(data.language)
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        if doc.is_encrypted:
            raise ValueError("an encrypted PDF cannot become PDF/A")
        for key in ("/Trapped", "/Author", "/Keywords"):
            # an empty entry says nothing and would need an empty XMP twin; /Trapped is a name
            if key in doc.docinfo and (key == "/Trapped" or not str(doc.docinfo[key])):
                del doc.docinfo[key]
        info = {str(k): str(v) for k, v in doc.docinfo.items()}
        profile = pikepdf.Stream(doc, resource("icc", "sRGB.icc").read_bytes())
        profile["/N"] = 3
        doc.Root.OutputIntents = Array([
            Dictionary(
                Type=Name.OutputIntent,
                S=Name.GTS_PDFA1,
                OutputConditionIdentifier=String(SRGB_NAME),
                Info=String(SRGB_NAME),
                RegistryName=String("http://www.color.org"),
                DestOutputProfile=profile,
            )
        ])
        metadata = pikepdf.Stream(doc, xmp_packet(info, language))
        metadata["/Type"] = Name.Metadata
        metadata["/Subtype"] = Name.XML
        doc.Root.Metadata = metadata
        doc.Root.Lang = String(language)
        out = io.BytesIO()
        doc.save(out, deterministic_id=True, fix_metadata_version=False)
        return out.getvalue()
