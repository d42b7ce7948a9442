"""report/escape.py escapes exactly as xml.sax.saxutils.escape, which it replaces."""

from __future__ import annotations

from xml.sax.saxutils import escape as sax_escape

from hypothesis import given
from hypothesis import strategies as st

from assessor.report.escape import escape


@given(st.text(alphabet=st.sampled_from("&<>;amplgt#x\"' å\n") | st.characters()))
def test_same_as_saxutils(text: str) -> None:
    assert escape(text) == sax_escape(text)


def test_entities_are_escaped_once() -> None:
    assert escape("a &amp; <b>") == "a &amp;amp; &lt;b&gt;"
