"""Evidence files beside what they support: an answer in the scoring view, a meeting, a
finding, a recommendation. Thumbnails, attach (file dialog, drop, paste), open with the
system's viewer, save a copy, detach (undoable).

The box is one widget for all of them; a FileHost says what the files belong to and how a
change there is carried out (the workspace asks before changing a delivered assessment and
records its own undo steps; a meeting records them through the window's edits).

Thumbnails are made on a worker (services/thumbnails.py decodes plain raster images and a
PDF's first page from memory only); other files show the platform's document icon.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMimeData,
    QObject,
    QSize,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QImage,
    QKeySequence,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.errors import AssessorError
from assessor.domain.filenames import safe_file_name
from assessor.services import attachments as att
from assessor.services.evidence_files import save_copy
from assessor.services.thumbnails import ThumbnailRefused, can_preview, thumbnail_png
from assessor.store.db import Database
from assessor.ui import tasks
from assessor.ui.changes import Change, Table
from assessor.ui.edits import attempt
from assessor.ui.roles import ID_ROLE, THUMBNAIL_ROLE

if TYPE_CHECKING:
    from assessor.ui.context import AppContext

THUMB = 96


def _thumbnail(db: Database, attachment_id: str, sha256: str) -> tuple[str, bytes | None]:
    """On a worker: the thumbnail's PNG bytes, or None when the file gets an icon."""
    with db.read() as s:
        data = att.read_content(s, sha256)
    if data is None:
        return attachment_id, None
    try:
        return attachment_id, thumbnail_png(data, THUMB)
    except ThumbnailRefused:
        return attachment_id, None


class FileHost(QObject):
    """What a box's files belong to (a table; the key is the row shown) and how a change is
    carried out there. This base attaches to rows of ``table`` and reports refusals through
    ``failed``; subclasses record undo steps their owner's way."""

    changed = Signal(str)  # the key whose files changed
    failed = Signal(str)  # a write was refused: words for the user

    def __init__(self, db: Database, table: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.table = table

    def rows(self, key: str) -> list[att.AttachmentRow]:
        with self.db.read() as s:
            return att.list_attachments(s, target_table=self.table, target_ids=[key])

    def attach(self, key: str, data: bytes, file_name: str) -> att.AttachmentRow:
        with self.db.transaction() as s:
            return att.attach(s, self.table, key, data, file_name=file_name)

    def may_change(self) -> bool:
        return True

    def notify(self, key: str) -> None:
        """Say that the files of ``key`` changed (to the box and whoever else shows them)."""
        self.changed.emit(key)

    def run(self, fn: Callable[[], None]) -> bool:
        return attempt(fn, self.failed)

    def push_done(self, text: str, do: Callable[[], None], undo: Callable[[], None]) -> None:
        raise NotImplementedError


class WindowFiles(FileHost):
    """Files on rows outside the workspace (a meeting): each change is a step on the window's
    undo stack, told to the pages as a change of attachments."""

    def __init__(self, context: AppContext, table: str, parent: QObject | None = None) -> None:
        super().__init__(context.db, table, parent)
        self.context = context

    def push_done(self, text: str, do: Callable[[], None], undo: Callable[[], None]) -> None:
        self.context.edits.push_done(text, do, undo, Change.of(Table.ATTACHMENT))


class EvidenceFilesBox(QGroupBox):
    def __init__(self, host: FileHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Evidence files (drop or paste here)"))
        self.host = host
        self.key = ""
        self._rows: dict[str, att.AttachmentRow] = {}
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        self.list = QListWidget(self)
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 40, THUMB + 44))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(THUMB + 56)
        self.list.setAccessibleName(self.tr("Evidence files"))
        self.list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.list.itemSelectionChanged.connect(self._enable)
        layout.addWidget(self.list)
        row = QGridLayout()
        self.attach_button = QPushButton(self.tr("Attach file…"), self)
        self.attach_button.clicked.connect(self.choose_files)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.clicked.connect(self.open_selected)
        self.save_button = QPushButton(self.tr("Save a copy…"), self)
        self.save_button.clicked.connect(self.save_selected)
        self.detach_button = QPushButton(self.tr("Detach"), self)
        self.detach_button.clicked.connect(self.detach_selected)
        self.edit_button = QPushButton(self.tr("Details…"), self)
        self.edit_button.setToolTip(self.tr("Title, description and whether it is confidential"))
        self.edit_button.clicked.connect(self.edit_selected)
        # two by two: four buttons in a row made the scoring panel wider than its pane at
        # 1100 pixels, and the question's text was cut at the right edge
        for index, button in enumerate(
            (
                self.attach_button,
                self.open_button,
                self.edit_button,
                self.save_button,
                self.detach_button,
            )
        ):
            row.addWidget(button, index // 3, index % 3)
        row.setColumnStretch(3, 1)
        layout.addLayout(row)
        paste = QShortcut(QKeySequence.StandardKey.Paste, self.list)
        paste.activated.connect(self.paste)
        host.changed.connect(self._changed)
        self._enable()

    # --- showing ---

    def show_files_of(self, key: str) -> None:
        self.key = key
        self.reload()

    def _changed(self, key: str) -> None:
        if key == self.key:
            self.reload()

    def reload(self) -> None:
        rows = self.host.rows(self.key) if self.key else []
        self._rows = {r.id: r for r in rows}
        self.list.clear()
        generic = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        absent = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxQuestion)
        for r in rows:
            # words, not a padlock glyph: a plain Debian desktop has no font that draws one
            label = (
                self.tr("%1 (confidential)").replace("%1", r.title) if r.confidential else r.title
            )
            if not r.has_content:
                label = self.tr("%1 (not on this laptop yet)").replace("%1", label)
            item = QListWidgetItem(generic if r.has_content else absent, label)
            item.setData(ID_ROLE, r.id)
            when = r.added_at.strftime("%Y-%m-%d %H:%M")
            tip = f"{r.file_name}\n{r.size:,} B · {when}" + (
                f" · {r.added_by}" if r.added_by else ""
            )
            if not r.has_content:
                tip += "\n" + self.tr(
                    "Only the file's description has arrived: the file itself "
                    "comes with a sync from a colleague who has it."
                )
            item.setToolTip(tip)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, tip)
            self.list.addItem(item)
            if r.has_content and can_preview(r.media_type):
                # a bound method: the task drops the result once this box is gone
                tasks.run(_thumbnail, self.host.db, r.id, r.sha256, on_result=self._set_thumbnail)
        self._enable()

    def _set_thumbnail(self, result: tuple[str, bytes | None]) -> None:
        attachment_id, png = result
        if png is None:
            return
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(ID_ROLE) == attachment_id:
                pixmap = QPixmap()
                pixmap.loadFromData(png, "PNG")
                item.setIcon(QIcon(pixmap))
                item.setData(THUMBNAIL_ROLE, True)

    def has_thumbnail(self, attachment_id: str) -> bool:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(ID_ROLE) == attachment_id:
                return bool(item.data(THUMBNAIL_ROLE))
        return False

    def _selected(self) -> att.AttachmentRow | None:
        items = self.list.selectedItems()
        return self._rows.get(items[0].data(ID_ROLE)) if items else None

    def _enable(self) -> None:
        row = self._selected()
        self.attach_button.setEnabled(bool(self.key))
        for button in (self.open_button, self.save_button):
            button.setEnabled(row is not None and row.has_content)
        self.detach_button.setEnabled(row is not None)
        self.edit_button.setEnabled(row is not None)

    # --- attaching ---

    def attach_bytes(self, data: bytes, file_name: str) -> bool:
        key, host = self.key, self.host
        if not key or not host.may_change():
            return False
        done: list[str] = []
        if not host.run(lambda: done.append(host.attach(key, data, file_name).id)):
            return False
        attachment_id = done[0]

        def redo() -> None:
            with host.db.transaction() as s:
                att.reattach(s, attachment_id)
            host.notify(key)

        def undo() -> None:
            with host.db.transaction() as s:
                att.detach(s, attachment_id)
            host.notify(key)

        host.push_done(self.tr("Attach file"), redo, undo)
        host.notify(key)
        return True

    def attach_paths(self, paths: list[Path]) -> None:
        with self.host.db.read() as s:
            limit = att.max_bytes(s)
        for path in paths:
            try:
                data = att.read_file(path, limit)
            except AssessorError as exc:
                self.host.failed.emit(exc.message)
                continue
            self.attach_bytes(data, path.name)

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach evidence files"))
        self.attach_paths([Path(n) for n in names])

    def attach_mime(self, mime: QMimeData) -> bool:
        """Files (local URLs) or an image from a drop or the clipboard."""
        if mime.hasUrls() and any(u.isLocalFile() for u in mime.urls()):
            self.attach_paths([Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()])
            return True
        if mime.hasImage():
            image = QImage(mime.imageData())
            if image.isNull():
                return False
            raw = QByteArray()
            buffer = QBuffer(raw)
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes
            stamp = datetime.now().strftime("%Y-%m-%d %H.%M.%S")
            return self.attach_bytes(
                bytes(raw.data()), self.tr("Pasted image %1.png").replace("%1", stamp)
            )
        return False

    def paste(self) -> None:
        self.attach_mime(QGuiApplication.clipboard().mimeData())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if self.key and (mime.hasUrls() or mime.hasImage()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.attach_mime(event.mimeData()):
            event.acceptProposedAction()

    # --- using ---

    def open_selected(self) -> None:
        row = self._selected()
        if row is None:
            return
        with self.host.db.read() as s:
            data = att.read_content(s, row.sha256)
        if data is None:
            return
        # a private folder and a name made here: the stored name is never a path
        folder = Path(tempfile.mkdtemp(prefix="assessor-evidence-"))
        target = folder / safe_file_name(row.file_name, fallback=row.sha256[:12])
        target.write_bytes(data)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    def save_selected(self) -> None:
        row = self._selected()
        if row is None:
            return
        suggested = safe_file_name(row.file_name, fallback=row.sha256[:12])
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy"), suggested)
        if not name:
            return
        try:
            with self.host.db.read() as s:
                save_copy(s, row.id, Path(name))
        except (AssessorError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Save a copy"), str(exc))

    def detach_selected(self) -> None:
        row, key, host = self._selected(), self.key, self.host
        if row is None or not host.may_change():
            return

        def do() -> None:
            with host.db.transaction() as s:
                att.detach(s, row.id)
            host.notify(key)

        def undo() -> None:
            with host.db.transaction() as s:
                att.reattach(s, row.id)
            host.notify(key)

        if host.run(do):
            host.push_done(self.tr("Detach file"), do, undo)

    def edit_selected(self) -> None:
        from assessor.ui.attachment_dialog import AttachmentDialog

        row = self._selected()
        if row is None:
            return
        dialog = AttachmentDialog(row, self)
        if dialog.exec() != AttachmentDialog.DialogCode.Accepted:
            return
        self.set_details(row, *dialog.values())

    def set_details(
        self, row: att.AttachmentRow, title: str, description: str, confidential: bool
    ) -> bool:
        """Change what is said about the file (one undo step)."""
        key, host = self.key, self.host
        if (title, description, confidential) == (row.title, row.description, row.confidential):
            return False
        if not host.may_change():
            return False

        def write(t: str, d: str, c: bool) -> Callable[[], None]:
            def run() -> None:
                with host.db.transaction() as s:
                    att.update_attachment(s, row.id, title=t, description=d, confidential=c)
                host.notify(key)

            return run

        do = write(title, description, confidential)
        if not host.run(do):
            return False
        host.push_done(
            self.tr("Change file details"), do, write(row.title, row.description, row.confidential)
        )
        return True
