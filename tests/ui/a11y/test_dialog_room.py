"""Every dialog opens wide enough for its words, in both languages: no check box, button or
one-line label narrower than its text (the evidence file's "Confidential (never in a report,
…)" was cut at the dialog's edge: a least width of its own let the window open narrower than
its rows)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from tests.ui.a11y.test_tab_walk import _dialogs


def _cut(dialog: QWidget) -> list[str]:
    found = []
    for w in dialog.findChildren(QWidget):
        if not w.isVisible() or not isinstance(w, (QAbstractButton, QLabel)):
            continue
        if isinstance(w, QLabel) and (w.wordWrap() or not w.text()):
            continue
        right = w.mapTo(dialog, w.rect().topRight()).x()
        if w.width() < w.sizeHint().width() or right >= dialog.width():
            found.append(f"{type(w).__name__} {w.text()!r}: {w.width()} < {w.sizeHint().width()}")
    return found


def test_every_dialog_is_wide_enough_for_its_words(visit, qtbot) -> None:
    problems = []
    for what, make in _dialogs(visit):
        dialog = make()
        dialog.show()
        qtbot.waitExposed(dialog)
        QApplication.processEvents()
        problems += [f"[{visit.language}] {what}: {c}" for c in _cut(dialog)]
        dialog.reject()
        dialog.deleteLater()
    assert problems == [], "\n".join(problems)
