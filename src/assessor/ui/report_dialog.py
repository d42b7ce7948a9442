"""Export report: choose language, archival or not, recipient and file; the PDF is built off the
UI thread with progress, recorded as delivered, and can be opened in the system viewer."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QLocale,
    Qt,
    QUrl,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.checklist import Profile, pick
from assessor.domain.errors import AssessorError
from assessor.domain.messages import language as window_language
from assessor.services.mappings import Reachable
from assessor.services.reports import ExportResult, export_report
from assessor.ui import settings, tasks
from assessor.ui.export_files import FOLDER_KEY, default_folder, report_file_name, user_name

_STEPS = {
    "reading": QT_TRANSLATE_NOOP("ExportReportDialog", "Reading the assessment…"),
    "building": QT_TRANSLATE_NOOP("ExportReportDialog", "Building the report…"),
    "writing": QT_TRANSLATE_NOOP("ExportReportDialog", "Writing the file…"),
    "done": QT_TRANSLATE_NOOP("ExportReportDialog", "Done."),
}


def _naming(db: Any, assessment_id: str, fallback: str) -> tuple[str, str, date | None]:
    """(agency name, assessment title, date) for the file name; the fallback if unreadable."""
    from assessor.services.agencies import get_agency
    from assessor.services.assessments import get_assessment

    try:
        with db.read() as s:
            row = get_assessment(s, assessment_id)
            return get_agency(s, row.agency_id).name, row.title, row.assessed_on
    except AssessorError:
        return fallback, "", None


def _options(db: Any, assessment_id: str) -> tuple[list[Profile], str, list[Reachable]]:
    """The checklist's profiles, the one the assessment is scored on ("" for none) and the
    checklists a kept mapping set reaches (may be none)."""
    from assessor.services.assessments import get_assessment
    from assessor.services.checklists import load_checklist
    from assessor.services.mappings import reachable_checklists

    try:
        with db.read() as s:
            assessment = get_assessment(s, assessment_id)
            checklist_id = assessment.checklist_id
            return (
                list(load_checklist(s, checklist_id).profiles),
                assessment.profile,
                reachable_checklists(s, checklist_id),
            )
    except AssessorError:
        return [], "", []


def _siblings(db: Any, assessment_id: str) -> list[Any]:
    """The assessments of the same agency, newest first, so another one can be chosen."""
    from assessor.services.assessments import get_assessment, list_assessments

    try:
        with db.read() as s:
            return list(list_assessments(s, get_assessment(s, assessment_id).agency_id))
    except AssessorError:
        return []


def assessment_label(title: str, assessed_on: date | None, status: str) -> str:
    """ "Vårens bedömning · 2026-04-01 · Delivered": what the user knows the assessment by."""
    from assessor.ui.words import word

    when = (
        QLocale().toString(QDate(assessed_on), QLocale.FormatType.ShortFormat)
        if assessed_on
        else ""
    )
    parts = [title.strip(), when, word("assessment_status", status)]
    return " · ".join(part for part in parts if part)


def _export_job(
    db: Any,
    assessment_id: str,
    out: Path,
    language: str,
    archival: bool,
    recipient: str,
    exported_by: str,
    file_format: str,
    profile: str | None,
    read_as: tuple[str, str] | None,
    progress: Any,
) -> ExportResult:
    """Runs on a worker: plain arguments in, plain result out."""
    return export_report(
        db,
        assessment_id,
        out,
        language=language,
        archival=archival,
        recipient=recipient,
        exported_by=exported_by,
        progress=lambda percent, step: progress(percent, 100, step),
        file_format=file_format,
        profile=profile,
        read_as=read_as,
    )


class ExportReportDialog(QDialog):
    def __init__(
        self,
        db: Any,
        assessment_id: str,
        parent: QWidget | None = None,
        suggested_name: str = "",
        language: str = "sv",
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._assessment_id = assessment_id
        self._task: tasks.TaskHandle[Any] | None = None
        self.result_path: Path | None = None
        self._naming = _naming(db, assessment_id, suggested_name)
        agency_name = self._naming[0]
        # the report's subject is said in words: a cut file name is not enough to notice
        # that the report is another agency's
        self.setWindowTitle(
            self.tr("Export report – {agency}").format(agency=agency_name)
            if agency_name
            else self.tr("Export report")
        )
        self.setMinimumWidth(520)
        self.agency_label = QLabel()
        self.agency_label.setTextFormat(Qt.TextFormat.PlainText)
        self.agency_label.setText(agency_name)
        bold = self.agency_label.font()
        bold.setBold(True)
        self.agency_label.setFont(bold)
        self.assessment = QComboBox()
        for row in _siblings(db, assessment_id):
            self.assessment.addItem(
                assessment_label(row.title, row.assessed_on, row.status), row.id
            )
        if self.assessment.findData(assessment_id) < 0:
            title, when = self._naming[1], self._naming[2]
            self.assessment.addItem(assessment_label(title, when, ""), assessment_id)
        self.assessment.setCurrentIndex(self.assessment.findData(assessment_id))

        self.language = QComboBox()
        self.language.addItem("Svenska", "sv")
        self.language.addItem("English", "en")
        # the report is in the window's language unless the user says otherwise
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.file_format = QComboBox()
        self.file_format.addItem(self.tr("PDF (accessible, for delivery)"), "pdf")
        self.file_format.addItem(self.tr("Word document (DOCX, editable)"), "docx")
        self.archival = QCheckBox(self.tr("Archival (PDF/A-2a)"))
        self.archival.setToolTip(
            self.tr("The form public archives keep: fonts embedded, colours and metadata fixed.")
        )
        self.recipient = QLineEdit()
        self.recipient.setPlaceholderText(self.tr("Who receives the report"))
        self.exported_by = QLineEdit(user_name())
        self.path = QLineEdit()
        # a long path shows only its end in the field: the whole of it on hover
        self.path.textChanged.connect(self.path.setToolTip)
        self._folder = default_folder()
        self._suggested = self._suggestion()
        self.path.setText(self._suggested)
        # a name the user has not changed follows the language chosen
        self.language.currentIndexChanged.connect(self._language_changed)
        self.file_format.currentIndexChanged.connect(self._format_changed)
        self.assessment.currentIndexChanged.connect(self._assessment_changed)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)

        form = QFormLayout()
        form.addRow(self.tr("Agency:"), self.agency_label)
        form.addRow(self.tr("&Assessment:"), self.assessment)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("F&ormat:"), self.file_format)
        form.addRow("", self.archival)
        form.addRow(self.tr("&Recipient:"), self.recipient)
        form.addRow(self.tr("Exported &by:"), self.exported_by)
        profiles, scored_on, reachable = _options(db, assessment_id)
        lang = window_language()
        # only the choices this assessment has: a checklist without profiles shows none
        self.profile: QComboBox | None = None
        if profiles:
            self.profile = QComboBox()
            self.profile.addItem(self.tr("Whole checklist"), "")  # "": not the saved one
            for p in profiles:
                self.profile.addItem(pick(p.name, lang), p.id)
            self.profile.setCurrentIndex(max(0, self.profile.findData(scored_on)))
            form.addRow(self.tr("&Profile:"), self.profile)
        self.read_as: QComboBox | None = None
        if reachable:
            self.read_as = QComboBox()
            self.read_as.addItem(self.tr("No"), None)
            for r in reachable:
                self.read_as.addItem(
                    f"{pick(r.title, lang)} ({r.version})", (r.mapping.id, r.checklist_id)
                )
            self.read_as.setToolTip(
                self.tr("An appendix reads the assessment as this checklist through a mapping set")
            )
            form.addRow(self.tr("Also read &as:"), self.read_as)
        file_label = QLabel(self.tr("&File:"))
        file_label.setBuddy(self.path)
        form.addRow(file_label, file_row)

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setVisible(False)
        self.message = QLabel()
        self.message.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button = self.buttons.addButton(
            self.tr("Open in &viewer"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.setEnabled(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.start_export)
        self.open_button.clicked.connect(self.open_in_viewer)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _suggestion(self) -> str:
        agency, title, assessed_on = self._naming
        name = report_file_name(
            agency,
            title,
            assessed_on,
            str(self.language.currentData()),
            str(self.file_format.currentData()),
        )
        return str(self._folder / name)

    def _format_changed(self, _index: int) -> None:
        """The file name's extension follows the format; only a PDF can be archival."""
        suffix = str(self.file_format.currentData())
        self.archival.setEnabled(suffix == "pdf")
        if suffix != "pdf":
            self.archival.setChecked(False)
        if self.path.text() == self._suggested:
            self._suggested = self._suggestion()
            self.path.setText(self._suggested)
        elif self.path.text().strip():
            self.path.setText(str(Path(self.path.text().strip()).with_suffix(f".{suffix}")))

    @property
    def assessment_id(self) -> str:
        """The assessment the report is made of (the one chosen in the dialog)."""
        return self._assessment_id

    def _assessment_changed(self, _index: int) -> None:
        chosen = self.assessment.currentData()
        if not chosen or chosen == self._assessment_id:
            return
        self._assessment_id = str(chosen)
        self._naming = _naming(self._db, self._assessment_id, self._naming[0])
        if self.path.text() == self._suggested:
            self._suggested = self._suggestion()
            self.path.setText(self._suggested)

    def _language_changed(self, _index: int) -> None:
        if self.path.text() == self._suggested:
            self._suggested = self._suggestion()
            self.path.setText(self._suggested)

    def _browse(self) -> None:
        suffix = str(self.file_format.currentData())
        kinds = (
            self.tr("PDF files (*.pdf)") if suffix == "pdf" else self.tr("Word documents (*.docx)")
        )
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save report as"), self.path.text(), kinds
        )
        if path:
            self.path.setText(path if path.lower().endswith(f".{suffix}") else f"{path}.{suffix}")

    def _set_busy(self, busy: bool) -> None:
        for widget in (
            self.assessment,
            self.language,
            self.file_format,
            self.recipient,
            self.exported_by,
            self.path,
            self.export_button,
            self.profile,
            self.read_as,
        ):
            if widget is not None:
                widget.setEnabled(not busy)
        self.archival.setEnabled(not busy and self.file_format.currentData() == "pdf")
        self.progress.setVisible(True)

    def start_export(self) -> None:
        text = self.path.text().strip()
        if not text:
            self.message.setText(self.tr("Choose a file to write the report to."))
            return
        self.open_button.setEnabled(False)
        self.result_path = None
        self.progress.setValue(0)
        self.message.setText("")
        self._set_busy(True)
        self._task = tasks.run(
            _export_job,
            self._db,
            self._assessment_id,
            Path(text),
            self.language.currentData(),
            self.archival.isChecked(),
            self.recipient.text(),
            self.exported_by.text(),
            self.file_format.currentData(),
            self.profile.currentData() if self.profile is not None else None,
            self.read_as.currentData() if self.read_as is not None else None,
            on_result=self._done,
            on_error=self._failed,
            on_progress=self._step,
            on_finished=lambda: self._set_busy(False),
        )

    def _step(self, done: int, total: int, step: str) -> None:
        self.progress.setValue(int(done * 100 / max(total, 1)))
        if step in _STEPS:
            text = QCoreApplication.translate("ExportReportDialog", str(_STEPS[step]))
            self.message.setText(text)

    def _done(self, result: ExportResult) -> None:
        self.result_path = result.path
        settings.set_value(FOLDER_KEY, str(Path(result.path).parent))
        self.progress.setValue(100)
        self.message.setText(
            self.tr("Saved {path} ({size} kB).").format(
                path=str(result.path), size=max(1, result.size // 1024)
            )
        )
        self.open_button.setEnabled(True)
        self.open_button.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.progress.setValue(0)
        if isinstance(exc, AssessorError):
            self.message.setText(exc.message)
        elif isinstance(exc, OSError):
            self.message.setText(
                self.tr("The file could not be written: {error}").format(
                    error=exc.strerror or str(exc)
                )
            )
        else:
            self.message.setText(
                self.tr("The report could not be made: {error}").format(error=str(exc))
            )

    def open_in_viewer(self) -> bool:
        if self.result_path is None:
            return False
        return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result_path))))

    def reject(self) -> None:
        if self._task is not None and not self._task.done:
            self._task.cancel()
        super().reject()
