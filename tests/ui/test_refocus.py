"""After a dialog closes, the window's shortcuts (Ctrl+N, Ctrl+Q, ...) work again at once."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog


def test_ctrl_n_works_again_after_a_dialog_closes(window, qtbot) -> None:
    # a window left open by an earlier test would be the one Qt activates (as another
    # program's would be on a desktop): this test is about our window alone
    for other in QApplication.topLevelWidgets():
        if other is not window and other.isVisible():
            other.close()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=10000)
    dialog = QDialog(window)
    QTimer.singleShot(50, dialog.reject)
    dialog.exec()

    # the window is active again, without the user clicking it
    def active() -> bool:
        assert QApplication.activeWindow() is window, (
            QApplication.activeWindow(),
            QApplication.activeModalWidget(),
            [w for w in QApplication.topLevelWidgets() if w.isVisible()],
        )
        return True

    qtbot.waitUntil(active, timeout=10000)

    seen: list[bool] = []
    window.new_agency_action.triggered.connect(lambda: seen.append(True))

    def close_the_new_agency_dialog() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            modal.reject()

    QTimer.singleShot(100, close_the_new_agency_dialog)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen == [True]
