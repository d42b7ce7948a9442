"""A visit done with the keyboard alone, a screenshot of the window at each step.

Not a test (it takes pictures for a person to look at): run it as
    QT_QPA_PLATFORM=offscreen python -m tests.ui.a11y.keyboard_visit OUT_DIR [en|sv] [1366x768]
It opens an agency, adds a meeting, opens a new assessment, scores three questions, adds a
finding and a recommendation and exports the report, pressing only keys (Tab, arrows, Space,
Enter, Alt letters, shortcuts); every step that cannot be reached so stops with the reason.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def wait(ms: int = 60) -> None:
    timer = QElapsedTimer()
    timer.start()
    while timer.elapsed() < ms:
        QApplication.processEvents()


def key(k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    focus = QApplication.focusWidget() or QApplication.activeWindow()
    QTest.keyClick(focus, k, mods)
    wait()


def type_text(text: str) -> None:
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click,
            QApplication.focusWidget(),
            Qt.Key.Key_unknown,
            ch,
            Qt.KeyboardModifier.NoModifier,
        )
    wait()


def tab_to(target: QWidget, limit: int = 80) -> int:
    """Press Tab until ``target`` has the focus; the number of presses."""
    for n in range(limit):
        if QApplication.focusWidget() is target:
            return n
        key(Qt.Key.Key_Tab)
    raise SystemExit(f"Tab never reached {target!r}")


def focus_on(widget: QWidget) -> None:
    for _ in range(40):
        if QApplication.focusWidget() is widget:
            return
        wait(50)
    raise SystemExit(f"the focus did not reach {widget!r}")


class Shots:
    def __init__(self, out: Path, lang: str) -> None:
        self.out, self.lang, self.n = out, lang, 0

    def take(self, name: str, widget: QWidget | None = None) -> None:
        self.n += 1
        widget = widget or QApplication.activeWindow()
        focus = QApplication.focusWidget()
        path = self.out / f"{self.lang}-{self.n:02d}-{name}.png"
        widget.grab().save(str(path))
        print(
            f"{path.name}: focus on {type(focus).__name__} "
            f"'{focus.accessibleName() if focus else ''}'"
        )


def when_modal(act) -> None:
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        act(dialog)

    QTimer.singleShot(0, poll)


def main(out: Path, lang: str, size: tuple[int, int] = (1366, 768)) -> None:

    from assessor.services.agencies import create_agency
    from assessor.services.setup import init_database
    from assessor.ui import settings, tasks
    from assessor.ui.app import build_window, install_translations

    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp())
    settings.use_folder(work / "settings")
    db = init_database(work / "visit.db")
    with db.transaction() as s:
        create_agency(
            s, name="Lantmäteriet", org_number="202100-4888", ministry="Landsbygdsdepartementet"
        )
    app = QApplication.instance() or QApplication(["assessor"])
    install_translations(app, lang)
    shots = Shots(out, lang)
    with tasks.synchronous():
        win = build_window(db, lang)
        win.resize(*size)
        win.show()
        win.activateWindow()
        wait(300)
        page = win.show_page("agencies")
        win.nav.setFocus()
        wait()
        # 1. open the agency: Tab to the list, Space chooses the current row (the arrows would
        # choose another)
        tab_to(page.view)
        key(Qt.Key.Key_Space)
        shots.take("agency-opened", win)
        detail = page.detail
        # 2. add a meeting
        tab_to(detail.new_meeting_button)
        shots.take("new-meeting-button", win)
        key(Qt.Key.Key_Space)
        editor = page.editor
        wait(200)
        tab_to(editor.title_edit if hasattr(editor, "title_edit") else editor.back_button)
        type_text("Första besöket" if lang == "sv" else "First visit")
        shots.take("meeting-editor", win)
        tab_to(editor.back_button)
        key(Qt.Key.Key_Space)
        wait(200)
        # 3. a new assessment, from the agency's list of assessments
        assessments = page.detail.findChild(QWidget, "agencyAssessments") or next(
            w for w in page.detail.findChildren(QWidget) if type(w).__name__ == "AgencyAssessments"
        )
        tab_to(assessments.new_button)

        def create(dialog) -> None:
            shots.take("new-assessment-dialog", dialog)
            QTest.keyClick(dialog, Qt.Key.Key_Return)

        when_modal(create)
        QTest.keyClick(assessments.new_button, Qt.Key.Key_Space)
        wait(600)
        from assessor.ui.workspace.workspace import AssessmentWorkspace

        ws = win.findChild(AssessmentWorkspace)
        if ws is None:
            raise SystemExit("the assessment did not open")
        tree = ws.scoring.tree
        tab_to(tree)
        # 4. score three questions: a digit sets the level, the tree moves on
        for digit in (Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_1):
            key(digit)
            key(Qt.Key.Key_PageDown)  # the next question
        data = ws.state.data
        print("answered:", sum(1 for a in data.answers.values() if a.level is not None))
        shots.take("three-scored", win)
        tab_to(ws.scoring.panel.level_buttons[min(ws.scoring.panel.level_buttons)])
        key(Qt.Key.Key_Down)
        shots.take("level-buttons", win)
        # 5. a finding: the Findings tab by its Alt letter, then New finding
        key(Qt.Key.Key_I, ALT)
        findings = ws.findings
        key(Qt.Key.Key_N, ALT)
        focus_on(findings.title)
        type_text("Ingen samlad portfölj" if lang == "sv" else "No single portfolio")
        key(Qt.Key.Key_Return)  # Enter in the title adds the finding
        shots.take("finding-added", win)
        print("findings:", findings.model.rowCount())
        # 6. a recommendation
        key(Qt.Key.Key_C, ALT) if lang == "en" else key(Qt.Key.Key_E, ALT)
        recs = ws.recommendations
        key(Qt.Key.Key_N, ALT)
        focus_on(recs.title)
        type_text("Inför portföljstyrning" if lang == "sv" else "Introduce portfolio management")
        key(Qt.Key.Key_Return)
        shots.take("recommendation-added", win)
        print("recommendations:", recs.model.rowCount())
        # 7. export the report: Ctrl+E, then Enter on the default button (Export)
        result: dict[str, str] = {}

        def export(dialog) -> None:
            shots.take("report-dialog", dialog)
            tab_to(dialog.path)
            dialog.path.selectAll()
            type_text(str(work / f"report-{lang}.pdf"))
            tab_to(dialog.export_button)
            shots.take("report-export-focused", dialog)
            key(Qt.Key.Key_Space)
            timer = QElapsedTimer()
            timer.start()
            while not dialog.open_button.isEnabled() and timer.elapsed() < 60000:
                wait(100)
            shots.take("report-exported", dialog)
            result["pdf"] = str(work / f"report-{lang}.pdf")
            dialog.reject()

        when_modal(export)
        key(Qt.Key.Key_E, CTRL)
        wait(300)
        pdf = Path(result.get("pdf", ""))
        print("report:", pdf.name, pdf.stat().st_size if pdf.is_file() else "missing")
        # 8. the portfolio's heat map: Ctrl+2, Tab to the map, arrows move the current cell,
        # then the same data as a table (its check box by its Alt letter)
        key(Qt.Key.Key_2, CTRL)
        wait(300)
        portfolio = win.page("portfolio")
        tab_to(portfolio.heatmap)
        key(Qt.Key.Key_Down)
        key(Qt.Key.Key_Right)
        key(Qt.Key.Key_Right)
        shots.take("heat-map-current-cell", win)
        print("heat map says:", portfolio.heatmap.accessibleDescription().split(". ")[0])
        key(Qt.Key.Key_T if lang == "en" else Qt.Key.Key_B, ALT)
        tab_to(portfolio.heat_table)
        shots.take("heat-map-as-table", win)
        win.close()
    db.close()


if __name__ == "__main__":
    width, height = (int(n) for n in (sys.argv[3] if len(sys.argv) > 3 else "1366x768").split("x"))
    main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "en", (width, height))
