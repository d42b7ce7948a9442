"""A long chosen entry ends in "…" inside its box; a short one is drawn whole."""

from __future__ import annotations

from assessor.ui.elided_combo import ElidedCombo

LONG = "8.5 Finns det tydliga överenskommelser om ansvar för gemensamma lösningar och data?"


def test_a_long_entry_is_elided_and_a_short_one_shown_whole(qtbot) -> None:  # type: ignore[no-untyped-def]
    combo = ElidedCombo()
    qtbot.addWidget(combo)
    combo.addItems(["(ingen)", LONG])
    combo.setMinimumContentsLength(10)
    combo.setSizeAdjustPolicy(ElidedCombo.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.resize(240, combo.sizeHint().height())
    combo.show()
    qtbot.waitExposed(combo)
    assert combo.shown_text() == "(ingen)"
    combo.setCurrentIndex(1)
    shown = combo.shown_text()
    assert shown.endswith("…") and LONG.startswith(shown[:-1])
    assert combo.fontMetrics().horizontalAdvance(shown) < combo.width()
    combo.grab()  # paints without error
    combo.resize(2000, combo.height())
    assert combo.shown_text() == LONG
