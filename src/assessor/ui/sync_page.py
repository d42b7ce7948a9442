"""The Sync section: export and import a package, the conflict log, the import history."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.errors import AssessorError
from assessor.services import sync as sync_service
from assessor.services.advisors import me, site_names
from assessor.services.duplicates import find_duplicates
from assessor.services.hub import hub_sites
from assessor.sync.package import AGE_ARMOR, AGE_MAGIC
from assessor.ui import older_encryption, tasks
from assessor.ui.context import AppContext
from assessor.ui.duplicates_dialog import DuplicatesDialog
from assessor.ui.export_files import default_folder
from assessor.ui.folder_row import FolderRow
from assessor.ui.hub_row import HubRow
from assessor.ui.identity_dialog import IdentityDialog
from assessor.ui.sync_cells import cell, filling, when_text
from assessor.ui.sync_conflicts import ConflictsBox

HISTORY_FITTED = (0, 3, 4)  # when, the counts and the conflicts: as wide as their contents
PACKAGE_FILTER = QT_TRANSLATE_NOOP("SyncPage", "Assessor sync package (*.assessor);;All files (*)")


class SyncPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.db = context.db

        self.export_button = QPushButton(self.tr("E&xport package…"))
        self.export_for = QComboBox()
        self.export_for.setAccessibleName(self.tr("Export for"))
        # long colleague names must not widen the page: the list shows them whole
        self.export_for.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.export_for.setMinimumContentsLength(12)
        self.export_for.setToolTip(
            self.tr("Everything, or only what one colleague has not seen yet (a small file)")
        )
        self.encrypt = QCheckBox(self.tr("Encrypt with a &passphrase"))
        self.me_label = QLabel()
        self.me_label.setTextFormat(Qt.TextFormat.PlainText)
        self.me_label.setWordWrap(True)
        self.me_button = QPushButton(self.tr("&Who am I…"))
        self.me_button.setToolTip(self.tr("Your name and e-mail, shown to colleagues"))
        self.import_button = QPushButton(self.tr("&Import package…"))
        self.duplicates_button = QPushButton(self.tr("Possible &duplicates…"))
        self.duplicates_button.setToolTip(
            self.tr("Agencies that may have been entered twice, and merging them")
        )
        self.summary = QLabel(self.tr("Exchange a package with a colleague to keep in step."))
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.export_button)
        top.addWidget(self.export_for)
        top.addStretch(1)
        top.addWidget(self.import_button)
        options = QHBoxLayout()  # its own row: the top row sets the page's least width
        options.addWidget(self.encrypt)
        options.addStretch(1)
        me_row = QHBoxLayout()
        me_row.addWidget(self.me_label, 1)
        me_row.addWidget(self.me_button)

        self.conflicts = ConflictsBox(self.db, context.language, self)
        self.conflicts.refused.connect(self.summary.setText)
        self.conflicts.settled.connect(self.refresh)

        self.history = QTableWidget(0, 5)
        self.history.setHorizontalHeaderLabels(
            [
                self.tr("Imported"),
                self.tr("File"),
                self.tr("From"),
                self.tr("Added / changed / deleted"),
                self.tr("Conflicts"),
            ]
        )
        history_box = QGroupBox(self.tr("Imported packages"))
        QVBoxLayout(history_box).addWidget(self.history)

        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history.verticalHeader().setVisible(False)
        history_header = self.history.horizontalHeader()
        history_header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # the file and the sender share what is left; a time and counts are as wide as their
        # headings ("Tillagda / ändrade / borttagna" was cut when all five shared alike)
        for column in HISTORY_FITTED:
            history_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        self.folder_row = FolderRow(self.db, when_text, self)
        self.folder_row.passphrase = self._folder_passphrase
        self.folder_row.finished.connect(self._folder_synced)
        self.hub_row = HubRow(self.db, when_text, self)
        self.hub_row.finished.connect(self._folder_synced)
        self._asked_name = False
        for target in (self.folder_row, self.hub_row):
            target.before_sharing = self.ask_name_first

        layout = QVBoxLayout(self)
        layout.addLayout(me_row)
        layout.addLayout(top)
        layout.addLayout(options)
        layout.addWidget(self.folder_row)
        layout.addWidget(self.hub_row)
        # beside the summary, not in the top row: that row sets the page's least width
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary, 1)
        summary_row.addWidget(self.duplicates_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(summary_row)
        layout.addWidget(self.conflicts, 3)
        layout.addWidget(history_box, 1)

        self.export_button.clicked.connect(self.choose_export)
        self.import_button.clicked.connect(self.choose_import)
        self.duplicates_button.clicked.connect(self.show_duplicates)
        self.me_button.clicked.connect(self.choose_me)
        self.refresh()

    # --- showing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        with self.db.read() as session:
            self.conflicts.show_lines(session)
            history = sync_service.import_history(session)
            names = site_names(session)
            current = me(session)
            peers = sync_service.known_peers(session)
        for hub_site in hub_sites(self.db):  # a hub is no colleague to export for
            peers.pop(hub_site, None)
            names[hub_site] = self.tr("the team hub")
        self._show_me(current.name if current else None)
        self._fill_peers(peers, names)
        with filling(self.history, HISTORY_FITTED):
            self._show_history(history, names)

    def _show_history(self, history: list[Any], names: dict[str, str]) -> None:
        self.history.setRowCount(len(history))
        for row, h in enumerate(history):
            s = h.summary
            self.history.setItem(row, 0, cell(when_text(h.imported_at)))
            self.history.setItem(row, 1, cell(h.file_name))
            self.history.setItem(
                row,
                2,
                cell(names.get(h.from_site) or self.tr("Laptop {id}").format(id=h.from_site[:8])),
            )
            self.history.setItem(
                row,
                3,
                cell(f"{s.get('added', 0)} / {s.get('changed', 0)} / {s.get('deleted', 0)}"),
            )
            self.history.setItem(row, 4, cell(str(s.get("conflicts", 0))))

    # --- acting -------------------------------------------------------------------------------

    def ask_passphrase(self, title: str) -> str | None:
        text, ok = QInputDialog.getText(
            self, title, self.tr("Passphrase:"), QLineEdit.EchoMode.Password
        )
        return text if ok and text else None

    def ask_name_first(self, go: Callable[[], None]) -> None:
        """The first time a laptop without a name shares its work, ask who uses it (colleagues
        see the name beside every change it sends), then go on whatever the answer."""
        if not self._asked_name:
            self._asked_name = True
            with self.db.read() as session:
                named = me(session) is not None
            if not named:
                self.choose_me().finished.connect(lambda _result: go())
                return
        go()

    def choose_export(self) -> None:
        self.ask_name_first(self._choose_export_file)

    def _choose_export_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export sync package"),
            str(default_folder() / (self.tr("assessor-sync") + ".assessor")),
            self.tr(str(PACKAGE_FILTER)),
        )
        if name:
            phrase = None
            if self.encrypt.isChecked():
                phrase = self.ask_passphrase(self.tr("Encrypt the package"))
                if phrase is None:
                    return
            self.export_to(Path(name), phrase)

    def export_to(self, path: Path, passphrase: str | None = None) -> None:
        self._busy(self.tr("Exporting…"))
        peer = self.export_for.currentData()
        tasks.run(
            partial(sync_service.export_package, for_peer=peer),
            self.db,
            path,
            passphrase,
            on_result=lambda m: self._exported(path, m),
            on_error=self._failed,
            on_finished=self._idle,
        )

    def _exported(self, path: Path, manifest: dict[str, Any]) -> None:
        rows = sum(n for t, n in manifest["counts"].items() if t not in ("sync_row", "sync_site"))
        if manifest.get("kind") == "delta":
            text = self.tr("Wrote {file}: {rows} rows the colleague has not seen.")
        else:
            text = self.tr("Wrote {file}: {rows} rows.")
        self.summary.setText(text.format(file=path.name, rows=rows))

    def _show_me(self, name: str | None) -> None:
        self.me_label.setText(
            self.tr("This laptop: {name}").format(name=name)
            if name
            else self.tr("This laptop has no name yet: tell colleagues who you are.")
        )

    def _fill_peers(self, peers: dict[str, Any], names: dict[str, str]) -> None:
        chosen = self.export_for.currentData()
        self.export_for.blockSignals(True)
        self.export_for.clear()
        self.export_for.addItem(self.tr("For everyone (all)"), None)
        for site in sorted(peers, key=lambda s: (names.get(s, "~"), s)):
            label = names.get(site) or self.tr("laptop {id}").format(id=site[:8])
            self.export_for.addItem(self.tr("For {name} (what is new)").format(name=label), site)
        index = self.export_for.findData(chosen)
        self.export_for.setCurrentIndex(max(index, 0))
        self.export_for.blockSignals(False)

    def choose_me(self) -> IdentityDialog:
        dialog = IdentityDialog(self.db, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import sync package"),
            str(default_folder()),
            self.tr(str(PACKAGE_FILTER)),
        )
        if not name:
            return
        path = Path(name)
        phrase = None
        try:
            with path.open("rb") as fh:
                head = fh.read(64)
        except OSError as exc:
            self.summary.setText(str(exc))
            return
        if head.startswith((AGE_MAGIC, AGE_ARMOR)):
            phrase = self.ask_passphrase(self.tr("The package is encrypted"))
            if phrase is None:
                return
        self.import_from(path, phrase)

    def import_from(
        self, path: Path, passphrase: str | None = None, *, allow_older_encryption: bool = False
    ) -> None:
        self._busy(self.tr("Checking and importing…"))
        tasks.run(
            partial(sync_service.import_package, allow_older_encryption=allow_older_encryption),
            self.db,
            path,
            passphrase,
            on_result=self._imported,
            on_error=lambda exc: self._import_failed(path, passphrase, exc),
            on_finished=self._idle,
        )

    def ask_older_encryption(self, params: dict[str, Any]) -> bool:
        return older_encryption.ask(self, params)

    def _import_failed(self, path: Path, passphrase: str | None, exc: BaseException) -> None:
        if not older_encryption.is_older_encryption(exc):
            self._failed(exc)
            return
        self.summary.setText("")
        # asked once this import has finished, so that a yes starts the next one afresh
        QTimer.singleShot(0, lambda: self._ask_then_import(path, passphrase, exc))

    def _ask_then_import(self, path: Path, passphrase: str | None, exc: BaseException) -> None:
        if self.ask_older_encryption(getattr(exc, "params", {})):
            self.import_from(path, passphrase, allow_older_encryption=True)
        else:
            self.summary.setText(self.tr("Nothing was changed: the package was not opened."))

    def _imported(self, result: dict[str, Any]) -> None:
        text = self.tr(
            "Added: {added}, changed: {changed}, deleted: {deleted}; new conflicts: {conflicts}."
        ).format(**result)
        if result.get("held_back"):
            text += " " + self.tr(
                "{n} change(s) stamped more than a day in the future were held back: "
                "check the sender's clock."
            ).format(n=result["held_back"])
        if not result.get("changed_database"):
            text = self.tr("Nothing new in this package; nothing was changed.")
        else:
            with self.db.read() as session:
                found = len(find_duplicates(session))
            if found:
                text += " " + self.tr(
                    "{n} pair(s) of agencies may be duplicates: see Possible duplicates…"
                ).format(n=found)
        self.summary.setText(text)
        self.refresh()

    def _folder_passphrase(self) -> str | bool | None:
        """The team's passphrase when encryption is on (False: the user cancelled)."""
        if not self.encrypt.isChecked():
            return None
        phrase = self.ask_passphrase(self.tr("The team's passphrase"))
        return False if phrase is None else phrase

    def _folder_synced(self, text: str, changed: bool) -> None:
        self.summary.setText(text)
        if changed:
            self.refresh()

    def show_duplicates(self) -> DuplicatesDialog:
        dialog = DuplicatesDialog(self.db, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.merged.connect(self.refresh)
        dialog.open()
        return dialog

    def _failed(self, exc: BaseException) -> None:
        message = exc.message if isinstance(exc, AssessorError) else str(exc)
        self.summary.setText(self.tr("Nothing was changed: {reason}").format(reason=message))

    def _busy(self, text: str) -> None:
        self.summary.setText(text)
        self.export_button.setEnabled(False)
        self.import_button.setEnabled(False)

    def _idle(self) -> None:
        self.export_button.setEnabled(True)
        self.import_button.setEnabled(True)
