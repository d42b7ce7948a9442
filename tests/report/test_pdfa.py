"""--pdfa output: PDF/A-2a and PDF/UA-1 identification, sRGB output intent, XMP matching
the document info."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from datetime import date

import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs
from report_samples import flat, pdf_pages, sample_data

from assessor.report import build_report
from assessor.report.data import ReportData
from assessor.report.pdfa import xmp_date

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
}


@pytest.fixture(scope="module")
def archival() -> bytes:
    return build_report(sample_data("sv"), archival=True)


def _xmp(pdf: pikepdf.Pdf) -> ET.Element:
    raw = pdf.Root.Metadata.read_bytes()
    return ET.fromstring(raw.split(b"?>", 1)[1].rsplit(b"<?xpacket", 1)[0])


def _one(root: ET.Element, path: str) -> str:
    node = root.find(f".//{path}", NS)
    assert node is not None, path
    return node.text or ""


def test_archival_output_carries_the_pdfa_2a_and_pdfua_1_identification(
    archival: bytes,
) -> None:
    with pikepdf.open(io.BytesIO(archival)) as pdf:
        xmp = _xmp(pdf)
        assert _one(xmp, "pdfaid:part") == "2"
        assert _one(xmp, "pdfaid:conformance") == "A"
        assert _one(xmp, "pdfuaid:part") == "1"
        # PDF/A allows pdfuaid only with an extension schema that describes it
        assert _one(xmp, "pdfaSchema:prefix") == "pdfuaid"
        assert pdf.Root.MarkInfo.Marked is True
        assert "/StructTreeRoot" in pdf.Root
        assert "/Filter" not in pdf.Root.Metadata  # the XMP stays readable by any tool
        assert pdf.Root.Metadata.Subtype == "/XML"


def test_archival_output_has_an_srgb_output_intent(archival: bytes) -> None:
    with pikepdf.open(io.BytesIO(archival)) as pdf:
        intents = pdf.Root.OutputIntents
        assert len(intents) == 1
        intent = intents[0]
        assert intent.S == "/GTS_PDFA1"
        assert "sRGB" in str(intent.OutputConditionIdentifier)
        profile = intent.DestOutputProfile
        assert int(profile.N) == 3
        icc = profile.read_bytes()
        assert icc[36:40] == b"acsp" and icc[16:20] == b"RGB "


def test_xmp_says_what_the_document_info_says(archival: bytes) -> None:
    with pikepdf.open(io.BytesIO(archival)) as pdf:
        info = pdf.docinfo
        xmp = _xmp(pdf)
        assert _one(xmp, "dc:title/rdf:Alt/rdf:li") == str(info.Title)
        assert str(info.Title).startswith("Mognadsbedömning våren 2026")
        assert (
            _one(xmp, "dc:creator/rdf:Seq/rdf:li") == str(info.Author) == ("Åsa Öberg, Émile Ärlig")
        )
        assert _one(xmp, "dc:description/rdf:Alt/rdf:li") == str(info.Subject)
        assert _one(xmp, "pdf:Producer") == str(info.Producer)
        assert _one(xmp, "xmp:CreatorTool") == str(info.Creator)
        assert _one(xmp, "xmp:CreateDate") == xmp_date(str(info.CreationDate))
        assert _one(xmp, "xmp:ModifyDate") == xmp_date(str(info.ModDate))
        assert _one(xmp, "xmp:CreateDate") == "2026-03-14T00:00:00+00:00"  # SOURCE_DATE_EPOCH
        assert _one(xmp, "dc:language/rdf:Bag/rdf:li") == str(pdf.Root.Lang) == "sv-SE"


def test_archival_output_is_not_encrypted_has_an_id_and_embeds_every_font(
    archival: bytes,
) -> None:
    with pikepdf.open(io.BytesIO(archival)) as pdf:
        assert not pdf.is_encrypted
        assert pdf.check_pdf_syntax() == []  # qpdf finds no structural problem
        assert "/Encrypt" not in pdf.trailer
        assert len(pdf.trailer.ID) == 2
        for page in pdf.pages:
            for font in page.Resources.Font.values():
                assert "/FontFile2" in font.FontDescriptor
            for gs in page.Resources.get("/ExtGState", {}).values():
                assert float(gs.get("/CA", 1)) == 1 and float(gs.get("/ca", 1)) == 1
                assert gs.get("/SMask", pikepdf.Name.None_) == pikepdf.Name.None_


def test_archival_output_reads_the_same_and_is_reproducible(archival: bytes) -> None:
    plain = build_report(sample_data("sv"))
    assert flat(" ".join(pdf_pages(archival))) == flat(" ".join(pdf_pages(plain)))
    assert build_report(sample_data("sv"), archival=True) == archival


def test_english_archival_output_says_english() -> None:
    with pikepdf.open(io.BytesIO(build_report(sample_data("en"), archival=True))) as pdf:
        assert str(pdf.Root.Lang) == "en-GB"
        assert _one(_xmp(pdf), "dc:language/rdf:Bag/rdf:li") == "en-GB"


@pytest.mark.parametrize(
    ("pdf_date", "xmp"),
    [
        ("D:20260314000000+00'00'", "2026-03-14T00:00:00+00:00"),
        ("D:20260314120102Z", "2026-03-14T12:01:02Z"),
        ("D:20260314120102-05'30'", "2026-03-14T12:01:02-05:30"),
        ("D:20260314120102", "2026-03-14T12:01:02Z"),
    ],
)
def test_pdf_dates_become_xmp_dates(pdf_date: str, xmp: str) -> None:
    assert xmp_date(pdf_date) == xmp


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    hs.text(hs.characters(max_codepoint=0x24F, exclude_categories=("Cs",)), max_size=60),
    hs.lists(hs.text(max_size=20), max_size=3),
)
def test_any_names_give_xmp_that_parses_and_matches(agency: str, advisors: list[str]) -> None:
    data = ReportData(
        language="sv",
        agency_name=agency,
        assessment_title="Bedömning",
        assessed_on=date(2026, 1, 2),
        status="draft",
        advisors=tuple(advisors),
    )
    with pikepdf.open(io.BytesIO(build_report(data, archival=True))) as pdf:
        xmp = _xmp(pdf)
        assert _one(xmp, "dc:title/rdf:Alt/rdf:li") == str(pdf.docinfo.Title)
        if "/Author" in pdf.docinfo:
            assert _one(xmp, "dc:creator/rdf:Seq/rdf:li") == str(pdf.docinfo.Author)
        else:
            assert xmp.find(".//dc:creator", NS) is None
