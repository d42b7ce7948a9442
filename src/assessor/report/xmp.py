"""The XMP packet: what the document information says, with the PDF/UA (and PDF/A) identification.

PDF/A allows only the XMP properties of its predefined schemas; the PDF/UA identification
(pdfuaid:part) is not one of them, so an archival packet also describes that schema in a
pdfaExtension block.
"""

from __future__ import annotations

import re

from assessor.report.escape import escape

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


# The description of the pdfuaid schema that PDF/A asks for (ISO 19005-2, 6.6.2.3.3).
_UA_EXTENSION = (
    '<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">'
    "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>"
    "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>"
    "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"
    '<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">'
    "<pdfaProperty:name>part</pdfaProperty:name>"
    "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>"
    "<pdfaProperty:category>internal</pdfaProperty:category>"
    "<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed"
    "</pdfaProperty:description>"
    "</rdf:li></rdf:Seq></pdfaSchema:property>"
    "</rdf:li></rdf:Bag></pdfaExtension:schemas>"
)


def xmp_packet(info: dict[str, str], language: str, *, pdfa: bool = True) -> bytes:
    """The XMP packet saying the same as the document information dictionary, with the
    PDF/UA-1 identification and, when ``pdfa``, the PDF/A-2a one."""
    props = ["<pdfuaid:part>1</pdfuaid:part>"]
    if pdfa:
        props += [
            "<pdfaid:part>2</pdfaid:part>",
            "<pdfaid:conformance>A</pdfaid:conformance>",
            _UA_EXTENSION,
        ]
    props += [
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
        '    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"\n'
        '    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"\n'
        '    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"\n'
        '    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#"\n'
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
