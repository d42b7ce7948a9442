"""User text to paragraph markup, and numbers as each language writes them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as hs

from assessor.report.fonts import covered
from assessor.report.markup import _CONTROL, clean, esc, number, percent


def test_markup_characters_are_escaped_and_line_breaks_kept() -> None:
    assert esc('<b>a</b> & <img src="x"/>\nrad två') == (
        '&lt;b&gt;a&lt;/b&gt; &amp; &lt;img src="x"/&gt;<br/>rad två'
    )


def test_control_characters_go_and_unknown_glyphs_become_a_replacement_mark() -> None:
    assert clean("a\x00b\x07c\r\nd\te") == "abc\nd e"
    assert clean("kanji 漢") == "kanji \ufffd"
    assert clean("åäö ÅÄÖ é – €") == "åäö ÅÄÖ é – €"


def test_bidirectional_overrides_go_so_no_format_reorders_user_text() -> None:
    # Word obeyed an U+202E and printed the rest of the title backwards; the PDF did not
    assert clean("\u202erisk\u202c \u2067x\u2069 \u202a\u202b\u202d") == "risk x "


@given(hs.text())
def test_escaped_text_never_holds_a_raw_tag_or_ampersand(text: str) -> None:
    out = esc(text).replace("<br/>", "")
    assert "<" not in out and ">" not in out
    assert all(part.startswith(("amp;", "lt;", "gt;")) for part in out.split("&")[1:])


def test_numbers_follow_the_language() -> None:
    assert number(2.25, "sv", 2) == "2,25"
    assert number(2.25, "en", 2) == "2.25"
    assert number(-0.5, "sv") == "−0,5"
    assert number(-0.01, "en") == "0.0"
    assert number(None, "sv") == "–"
    assert percent(54.2, "sv") == "54"


def test_a_long_running_header_is_cut_to_fit() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from assessor.report import fonts
    from assessor.report.pages import fit

    fonts.register_fonts()
    text = "Myndigheten för samhällsskydd och beredskap " * 5
    cut = fit(text, 200, fonts.REGULAR, 8)
    assert cut.endswith("…") and stringWidth(cut, fonts.REGULAR, 8) <= 200
    assert text.startswith(cut[:-1])
    assert fit("Kort", 200, fonts.REGULAR, 8) == "Kort"


@given(
    hs.text(
        alphabet=hs.characters(blacklist_categories=("Cs",))
        | hs.sampled_from("\n\råÅ–€漢\U0001f600\u202e\u2066")
    )
)
def test_clean_replaces_exactly_what_no_font_draws(text: str) -> None:
    # the reference: character by character against the fonts' shared code points
    glyphs = covered()
    cleaned = clean(text)
    expected = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))
    expected = "".join(ch if ord(ch) in glyphs or ch == "\n" else "\ufffd" for ch in expected)
    assert cleaned == expected
