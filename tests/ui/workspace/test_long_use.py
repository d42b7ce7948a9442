"""A long day of use must not wear out the interpreter (PySide6 6.12 on Python 3.11 dropped a
reference to None per void Qt call until assessor.ui made None immortal)."""

from __future__ import annotations

import sys


def test_many_qt_calls_keep_none_alive(qtbot) -> None:
    from PySide6.QtWidgets import QLabel

    import assessor.ui  # noqa: F401  (the guard lives there)

    label = QLabel()
    qtbot.addWidget(label)
    for n in range(30000):  # well past None's count at start on 3.11 (a few thousand)
        label.setText(str(n % 7))
    assert sys.getrefcount(None) > 30000
