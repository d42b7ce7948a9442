"""The Sync page's shared-folder row: which folder the team uses, when this laptop last synced
with it, and "Sync now" (run off the UI thread; the window stays usable)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QWidget

from assessor.domain.errors import AssessorError
from assessor.services import folder as folder_service
from assessor.sync.age import WORK_FACTOR, key_memory
from assessor.ui import older_encryption, tasks
from assessor.ui.sync_target_row import SyncTargetRow


class FolderRow(SyncTargetRow):
    def __init__(self, db: Any, when_text: Any, parent: QWidget | None = None) -> None:
        super().__init__(db, when_text, parent)
        self.passphrase: Any = lambda: None  # the page sets it: asks when encryption is on
        self.choose_button.setText(self.tr("Shared fo&lder…"))
        self.choose_button.setToolTip(
            self.tr("A folder the whole team can reach (a network share or a synced cloud folder)")
        )
        self.sync_button.setText(self.tr("Sync now"))
        # the hub's button says "Sync now" too: a screen reader tells them apart by name (with
        # the button's own words first, so a user who says them to voice control reaches it)
        self.sync_button.setAccessibleName(self.tr("Sync now with the shared folder"))
        self.sync_button.setToolTip(
            self.tr("Merge the team's packages from the folder and leave this laptop's there")
        )
        self.show_setting()

    def show_setting(self) -> None:
        chosen = folder_service.folder_setting(self.db)
        if chosen is None:
            self.label.setText(self.tr("No shared folder: the team exchanges files by hand."))
        else:
            self.label.setText(
                self.tr("Shared folder: {folder} (last synced {when})").format(
                    folder=str(chosen), when=self._when_text(folder_service.last_sync(self.db))
                )
            )
        self.sync_button.setEnabled(chosen is not None)

    def choose(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("The team's shared folder"))
        if name:
            self.set_folder(Path(name))

    def set_folder(self, path: Path | None) -> None:
        try:
            folder_service.set_folder_setting(self.db, path)
        except AssessorError as exc:
            self.finished.emit(exc.message, False)
        self.show_setting()

    def sync_now(self) -> None:
        chosen = folder_service.folder_setting(self.db)
        if chosen is None:
            return
        phrase = self.passphrase()
        if phrase is False:  # asked and cancelled
            return
        self._run(chosen, phrase or None, allow_older_encryption=False)

    def _run(self, chosen: Path, phrase: str | None, *, allow_older_encryption: bool) -> None:
        self.sync_button.setEnabled(False)
        self.label.setText(self.tr("Syncing with {folder}…").format(folder=str(chosen)))
        tasks.run(
            folder_service.sync_folder,
            self.db,
            chosen,
            phrase,
            allow_older_encryption=allow_older_encryption,
            on_result=lambda result: self._done(result, chosen, phrase, allow_older_encryption),
            on_error=self._failed,
            on_finished=self.show_setting,
        )

    def ask_older_encryption(self, params: dict[str, Any]) -> bool:
        return older_encryption.ask(self, params)

    def _done(
        self,
        result: folder_service.FolderResult,
        chosen: Path | None = None,
        phrase: str | None = None,
        allowed: bool = True,
    ) -> None:
        self._report(result)
        older = [s for s in result.skipped if s.get("code") == older_encryption.CODE]
        if older and not allowed and chosen is not None:
            # asked once this sync has finished; a yes syncs again with the older ones opened
            factor = max(int(s.get("factor", WORK_FACTOR)) for s in older)
            QTimer.singleShot(0, lambda: self._ask_then_sync(factor, chosen, phrase))

    def _ask_then_sync(self, factor: int, chosen: Path, phrase: str | None) -> None:
        if self.ask_older_encryption({"memory": key_memory(factor)}):
            self._run(chosen, phrase, allow_older_encryption=True)

    def _report(self, result: folder_service.FolderResult) -> None:
        added = sum(i["added"] for i in result.imported)
        changed = sum(i["changed"] for i in result.imported)
        deleted = sum(i["deleted"] for i in result.imported)
        conflicts = sum(i["conflicts"] for i in result.imported)
        # counts after a colon: no plural to get wrong in either language
        text = self.tr(
            "Synced with the folder: colleagues' packages merged: {files}; added: "
            "{added}, changed: {changed}, deleted: {deleted}; new conflicts: "
            "{conflicts}."
        ).format(
            files=len(result.imported),
            added=added,
            changed=changed,
            deleted=deleted,
            conflicts=conflicts,
        )
        if result.skipped:
            text += " " + self.tr("Skipped {n} file(s) that could not be used: {names}.").format(
                n=len(result.skipped),
                names="; ".join(f"{s['file']} ({s['reason']})" for s in result.skipped[:3]),
            )
        self.finished.emit(text, result.changed_database)

    def _failed(self, exc: BaseException) -> None:
        message = exc.message if isinstance(exc, AssessorError) else str(exc)
        self.finished.emit(
            self.tr(
                "Could not sync with the folder: {reason}. Your work is safe on this laptop."
            ).format(reason=message),
            False,
        )
