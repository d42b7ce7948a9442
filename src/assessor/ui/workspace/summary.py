"""The live summary beside the questions: radar chart, dimension bars, overall index and band,
and "how was this computed" with the explained formula."""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from assessor.domain import explain, scoring
from assessor.domain.checklist import pick, scale_word
from assessor.services.answers import AnswerData
from assessor.services.workspace import ChecklistInfo, question_answers
from assessor.ui.accessible import announce_change
from assessor.ui.theme import chart_colours
from assessor.ui.workspace.forms import scrolled_body
from assessor.ui.workspace.numbers import number
from assessor.ui.workspace.radar import RadarAxis, RadarChart


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None
    target: float | None
    answered: int  # questions with a level
    applicable: int  # questions not marked N/A


class DimensionBars(QWidget):
    """One horizontal bar per dimension: the level as a bar, the target as a tick."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: tuple[Bar, ...] = ()
        self._low, self._high = 0.0, 4.0
        self.painted_at = 0.0  # perf_counter() at the end of the last paint (benchmark)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Dimension scores"))

    def set_bars(self, bars: tuple[Bar, ...], low: float, high: float) -> None:
        changed = len(bars) != len(self._bars)
        self._bars, self._low, self._high = bars, low, high
        # everything the bars show: the level, the target tick and the answered count
        self.setAccessibleDescription(
            "; ".join(
                self.tr("%1: %2, target %3, %4 of %5 answered")
                .replace("%1", b.label)
                .replace("%2", number(b.value))
                .replace("%3", number(b.target))
                .replace("%4", str(b.answered))
                .replace("%5", str(b.applicable))
                for b in bars
            )
        )
        announce_change(self)
        if changed:
            self.updateGeometry()
        self.update()

    def bars(self) -> tuple[Bar, ...]:
        return self._bars

    def _row_height(self) -> float:
        return QFontMetricsF(self.font()).height() * 2 + 6

    def sizeHint(self) -> QSize:
        return QSize(300, int(self._row_height() * max(1, len(self._bars))) + 4)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        colours = chart_colours(pal)
        text, track, accent = colours.text, colours.track, colours.accent
        fm = QFontMetricsF(self.font())
        row_h = self._row_height()
        w = self.width() - 8
        span = (self._high - self._low) or 1.0
        for i, bar in enumerate(self._bars):
            top = i * row_h + 2
            value = number(bar.value)
            right = f"{value}  ({bar.answered}/{bar.applicable})"
            rw = fm.horizontalAdvance(right)
            label = fm.elidedText(bar.label, Qt.TextElideMode.ElideRight, w - rw - 12)
            p.setPen(text)
            p.drawText(QRectF(4, top, w - rw - 8, fm.height()), Qt.AlignmentFlag.AlignLeft, label)
            p.drawText(QRectF(4, top, w, fm.height()), Qt.AlignmentFlag.AlignRight, right)
            bar_rect = QRectF(4, top + fm.height() + 2, w, fm.height() * 0.7)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(track)
            p.drawRoundedRect(bar_rect, 3, 3)
            if bar.value is not None:
                share = min(max((bar.value - self._low) / span, 0.0), 1.0)
                p.setBrush(accent)
                p.drawRoundedRect(
                    QRectF(
                        bar_rect.left(), bar_rect.top(), bar_rect.width() * share, bar_rect.height()
                    ),
                    3,
                    3,
                )
            if bar.target is not None:
                share = min(max((bar.target - self._low) / span, 0.0), 1.0)
                x = bar_rect.left() + bar_rect.width() * share
                p.setPen(QPen(text, 2))
                p.drawLine(int(x), int(bar_rect.top() - 2), int(x), int(bar_rect.bottom() + 2))
        p.end()
        self.painted_at = time.perf_counter()


class SummaryPanel(QWidget):
    def __init__(self, checklist: ChecklistInfo, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._checklist = checklist
        self._lang = lang
        self._result: scoring.ScoreResult | None = None
        self._answers: dict[str, AnswerData] = {}
        self.setAccessibleName(self.tr("Summary"))
        scroll, body = scrolled_body(self, self.tr("Summary of the scores"))
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        self.overall = QLabel(self)
        font = self.overall.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.overall.setFont(font)
        self.overall.setTextFormat(Qt.TextFormat.PlainText)
        self.band = QLabel(self)
        self.band.setTextFormat(Qt.TextFormat.PlainText)
        self.chart = RadarChart(self)
        self.chart.set_scale(checklist.scale.min_level, checklist.scale.max_level)
        self.bars = DimensionBars(self)
        self.explain_button = QPushButton(self.tr("How was this com&puted?"), self)
        self.explain_button.setCheckable(True)
        self.explain_button.setAccessibleName(self.tr("How was this computed"))
        # the explanation opens in a window of its own, large enough to read: inside the
        # panel it squeezed the radar to half and showed five lines at a time
        self.explain_window = QDialog(self)
        self.explain_window.setWindowTitle(self.tr("How the scores were computed"))
        self.explain_window.resize(720, 620)
        self.explain_text = QPlainTextEdit(self.explain_window)
        self.explain_text.setReadOnly(True)
        self.explain_text.setAccessibleName(self.tr("How the scores were computed"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self.explain_window)
        close.rejected.connect(self.explain_window.reject)
        box = QVBoxLayout(self.explain_window)
        box.addWidget(self.explain_text, 1)
        box.addWidget(close)
        self.explain_window.finished.connect(lambda _r: self.explain_button.setChecked(False))
        self.explain_button.toggled.connect(self._toggle_explain)
        layout.addWidget(self.overall)
        layout.addWidget(self.band)
        layout.addWidget(self.chart, 3)
        layout.addWidget(self.bars)
        layout.addWidget(self.explain_button)
        layout.addStretch(0)

    def set_checklist(self, checklist: ChecklistInfo) -> None:
        """Score another cut of the checklist (a profile) from the next result on."""
        self._checklist = checklist

    def _titles(self) -> dict[str, str]:
        return {d.key: pick(d.title, self._lang) for d in self._checklist.dimensions}

    def show_result(self, result: scoring.ScoreResult, answers: dict[str, AnswerData]) -> None:
        self._result = result
        self._answers = answers
        if result.overall is None:
            self.overall.setText(self.tr("Overall index: not yet scored"))
        else:
            self.overall.setText(
                self.tr("Overall index: %1 (%2 %)")
                .replace("%1", number(result.overall, 2))
                .replace("%2", number(result.overall_percent or 0, 0))
            )
        self.band.setText(
            self.tr("Band: %1").replace("%1", scale_word(result.band.name, self._lang))
            if result.band is not None
            else self.tr("Band: –")
        )
        titles = self._titles()
        by_key = {d.key: d for d in result.dimensions}
        axes = []
        bars = []
        for dim in self._checklist.dimensions:
            score = by_key[dim.key]
            axes.append(RadarAxis(titles[dim.key], score.score, score.target))
            bars.append(
                Bar(titles[dim.key], score.score, score.target, score.answered, score.applicable)
            )
        self.chart.set_axes(tuple(axes))
        low, high = self._checklist.scale.min_level, self._checklist.scale.max_level
        self.bars.set_bars(tuple(bars), low, high)
        if self.explain_text.isVisible():
            self._fill_explain()

    def explanation(self) -> str:
        if self._result is None:
            return ""
        titles = self._titles()
        given = question_answers(self._checklist, self._answers)
        parts = [explain.explain_overall(self._result, titles, self._lang, self._checklist.scale)]
        for dim in self._checklist.dimensions:
            parts.append(
                explain.explain_dimension(self._result, dim.key, titles, self._lang, given)
            )
        return "\n\n".join(parts)

    def _fill_explain(self) -> None:
        self.explain_text.setPlainText(self.explanation())

    def _toggle_explain(self, on: bool) -> None:
        if on:
            self._fill_explain()
            self.explain_window.show()
            self.explain_window.raise_()
        else:
            self.explain_window.hide()
