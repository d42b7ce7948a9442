"""The Sync page's team-hub row: which hub, when this laptop last synced with it, and
"Sync now" (off the UI thread). When the hub is unreachable the words say so and that work
goes on here; nothing is queued, so nothing waits to be lost. A password the hub asks for is
asked here and used for that connection only: never stored."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from assessor.domain.errors import AssessorError
from assessor.services import hub as hub_service
from assessor.sync.hub_schema import HubLogin, where
from assessor.ui import tasks
from assessor.ui.sync_target_row import SyncTargetRow


class HubRow(SyncTargetRow):
    def __init__(self, db: Any, when_text: Any, parent: QWidget | None = None) -> None:
        super().__init__(db, when_text, parent)
        self._password: str | None = None  # this session only
        self.choose_button.setText(self.tr("Tea&m hub…"))
        self.choose_button.setToolTip(
            self.tr("The team's PostgreSQL hub: postgresql://you@server/database or service=NAME")
        )
        self.sync_button.setText(self.tr("Sync now"))
        # the folder's button says "Sync now" too: a screen reader tells them apart by name
        self.sync_button.setAccessibleName(self.tr("Sync now with the team hub"))
        self.sync_button.setToolTip(
            self.tr("Send the hub what it lacks and fetch what this laptop lacks")
        )
        self.show_setting()

    def show_setting(self) -> None:
        url = hub_service.hub_setting(self.db)
        if url is None:
            self.label.setText(self.tr("No team hub."))
        else:
            self.label.setText(
                self.tr("Team hub: {hub} (last synced {when})").format(
                    hub=where(url), when=self._when_text(hub_service.last_hub_sync(self.db))
                )
            )
        self.sync_button.setEnabled(url is not None)

    def choose(self) -> None:
        text, ok = QInputDialog.getText(
            self,
            self.tr("Team hub"),
            self.tr("The hub's address (no password: it is asked for when needed):"),
            QLineEdit.EchoMode.Normal,
            hub_service.hub_setting(self.db) or "",
        )
        if ok:
            self.set_hub(text.strip() or None)

    def set_hub(self, url: str | None) -> None:
        try:
            hub_service.set_hub_setting(self.db, url)
        except AssessorError as exc:
            self.finished.emit(exc.message, False)
        self._password = None
        self.show_setting()

    def ask_password(self) -> str | None:
        text, ok = QInputDialog.getText(
            self,
            self.tr("Team hub"),
            self.tr("The hub asks for your password:"),
            QLineEdit.EchoMode.Password,
        )
        return text if ok and text else None

    def sync_now(self) -> None:
        url = hub_service.hub_setting(self.db)
        if url is None:
            return
        self.sync_button.setEnabled(False)
        self.label.setText(self.tr("Syncing with {hub}…").format(hub=where(url)))
        tasks.run(
            hub_service.sync_hub,
            self.db,
            url,
            password=self._password,
            on_result=self._done,
            on_error=self._failed,
            on_finished=self.show_setting,
        )

    def _done(self, result: dict[str, Any]) -> None:
        merged = result.get("merged") or {}
        text = self.tr(
            "Synced with the hub: rows sent: {pushed}; added: {added}, changed: "
            "{changed}, deleted: {deleted}; new conflicts: {conflicts}."
        ).format(
            pushed=result["pushed"],
            added=merged.get("added", 0),
            changed=merged.get("changed", 0),
            deleted=merged.get("deleted", 0),
            conflicts=merged.get("conflicts", 0),
        )
        self.finished.emit(text, bool(result.get("changed_database")))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, HubLogin):
            password = self.ask_password()
            if password is not None:
                self._password = password
                self.sync_now()
                return
        message = exc.message if isinstance(exc, AssessorError) else str(exc)
        self.finished.emit(
            self.tr(
                "Not synced with the hub: {reason}. Your work is safe on "
                "this laptop and goes on offline."
            ).format(reason=message),
            False,
        )
