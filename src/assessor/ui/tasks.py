"""The one way to run work off the UI thread.

    from assessor.ui import tasks

    tasks.run(build_report, db_path, assessment_id,
              on_result=self._show_pdf, on_error=self._show_error,
              on_progress=self._show_progress)

``fn`` runs on a QThreadPool worker; ``on_result(value)``, ``on_error(exc)`` and
``on_progress(done, total, text)`` are always called on the main (GUI) thread, so they may touch
widgets. When ``fn`` has a parameter named ``progress``, it receives a
callable ``progress(done, total, text="")`` it may call from the worker; it raises
:class:`Cancelled` once the task's handle has been cancelled, which is how long work stops early.

Rules (CONTRIBUTING.md and docs/architecture.md, "The window and the services"): pass ids,
paths or plain data into ``fn`` and return plain data; never live ORM rows or widgets. A worker
opens its own short session; the database has one writer, so write work from a worker uses the
window's :class:`~assessor.store.db.Database` object (its engine is thread-safe), never a second
``Database`` on the same file.

Tests call :func:`set_synchronous` (or use the ``synchronous()`` context manager): ``fn`` then runs
inline and the callbacks are called before :func:`run` returns, which makes UI tests deterministic.
"""

from __future__ import annotations

import inspect
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")

ResultCallback = Callable[[T], object]
ErrorCallback = Callable[[BaseException], None]
ProgressCallback = Callable[[int, int, str], None]

_synchronous = False
# Handles of tasks still running: keeps their QObjects alive until the result is delivered.
_active: set[TaskHandle[Any]] = set()


class Cancelled(Exception):
    """Raised inside a task by ``progress(...)`` once the task was cancelled."""


class _Relay(QObject):
    """Lives on the main thread; its queued slots hand the worker's results to the callbacks."""

    result = Signal(object)
    error = Signal(object)
    progress = Signal(int, int, str)

    def __init__(self, handle: TaskHandle[Any]) -> None:
        super().__init__()
        self._handle = handle
        # explicit queued connections: the slots run on this object's (the main) thread
        self.result.connect(self._on_result, Qt.ConnectionType.QueuedConnection)
        self.error.connect(self._on_error, Qt.ConnectionType.QueuedConnection)
        self.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _on_result(self, value: object) -> None:
        self._handle._deliver_result(value)

    @Slot(object)
    def _on_error(self, exc: object) -> None:
        assert isinstance(exc, BaseException)
        self._handle._deliver_error(exc)

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, text: str) -> None:
        self._handle._deliver_progress(done, total, text)


class TaskHandle(Generic[T]):
    """A running (or finished) task: cancel it, ask whether it is done."""

    def __init__(
        self,
        on_result: ResultCallback[T] | None,
        on_error: ErrorCallback | None,
        on_progress: ProgressCallback | None,
        on_finished: Callable[[], None] | None,
    ) -> None:
        self._on_result = on_result
        self._on_error = on_error
        self._on_progress = on_progress
        self._on_finished = on_finished
        self._cancel = threading.Event()
        self.done = False
        self.result: T | None = None
        self.error: BaseException | None = None
        self._relay: _Relay | None = None
        self._owner: QObject | None = None

    # --- called by the task's code (any thread) ---

    def cancel(self, *_: object) -> None:
        """Ask the task to stop; its callbacks are not called after this."""
        self._cancel.set()

    def _owner_gone(self) -> bool:
        if self._owner is None:
            return False
        import shiboken6

        return not shiboken6.isValid(self._owner)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _report_progress(self, done: int, total: int, text: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        if self._relay is not None:
            self._relay.progress.emit(int(done), int(total), str(text))
        else:
            self._deliver_progress(done, total, text)

    # --- main thread ---

    def _deliver_result(self, value: T) -> None:
        self.result = value
        self._finish()
        if self._owner_gone():
            self.cancel()
        if self._on_result is not None and not self.cancelled:
            self._on_result(value)
        self._call_finished()

    def _deliver_error(self, exc: BaseException) -> None:
        self.error = exc
        self._finish()
        if self._owner_gone():
            self.cancel()
        if isinstance(exc, Cancelled) or self.cancelled:
            self._call_finished()
            return
        if self._on_error is not None:
            self._on_error(exc)
        else:
            log.error("background task failed", exc_info=exc)
        self._call_finished()

    def _deliver_progress(self, done: int, total: int, text: str) -> None:
        if self._on_progress is not None and not self.cancelled:
            self._on_progress(done, total, text)

    def _finish(self) -> None:
        self.done = True
        _active.discard(self)

    def _call_finished(self) -> None:
        if self._on_finished is not None and not self._owner_gone():
            self._on_finished()


class _Runnable(QRunnable):
    def __init__(self, handle: TaskHandle[Any], call: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._handle = handle
        self._call = call

    def run(self) -> None:
        relay = self._handle._relay
        assert relay is not None
        try:
            value = self._call()
        except BaseException as exc:
            relay.error.emit(exc)
        else:
            relay.result.emit(value)


def pool() -> QThreadPool:
    return QThreadPool.globalInstance()


def set_synchronous(on: bool) -> None:
    """Run tasks inline on the calling thread (for tests)."""
    global _synchronous
    _synchronous = on


def is_synchronous() -> bool:
    return _synchronous


@contextmanager
def synchronous() -> Iterator[None]:
    before = _synchronous
    set_synchronous(True)
    try:
        yield
    finally:
        set_synchronous(before)


def _accepts_progress(fn: Callable[..., Any]) -> bool:
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False
    return "progress" in params


def run(
    fn: Callable[..., T],
    *args: Any,
    on_result: ResultCallback[T] | None = None,
    on_error: ErrorCallback | None = None,
    on_progress: ProgressCallback | None = None,
    on_finished: Callable[[], None] | None = None,
    owner: QObject | None = None,
    **kwargs: Any,
) -> TaskHandle[T]:
    """Run ``fn(*args, **kwargs)`` off the UI thread; callbacks come back on the UI thread.

    ``on_finished`` is called after the result or error callback (also after a cancel), e.g. to
    re-enable a button. Without ``on_error`` a failure is logged. ``owner`` (a widget) ties the
    task to its life: once the owner is destroyed the task is cancelled and no callback runs.
    Without one, the QObject a callback belongs to is taken (see ``_owner_of``).
    """
    handle: TaskHandle[T] = TaskHandle(on_result, on_error, on_progress, on_finished)
    if owner is None:
        owner = _owner_of(on_result) or _owner_of(on_finished) or _owner_of(on_error)
    if owner is not None:
        handle._owner = owner
        owner.destroyed.connect(handle.cancel)
    if "progress" not in kwargs and _accepts_progress(fn):
        kwargs["progress"] = handle._report_progress

    def call() -> T:
        return fn(*args, **kwargs)

    if _synchronous:
        try:
            value = call()
        except BaseException as exc:  # delivered to on_error, as from a worker
            handle._deliver_error(exc)
        else:
            handle._deliver_result(value)
        return handle

    handle._relay = _Relay(handle)
    _active.add(handle)
    pool().start(_Runnable(handle, call))
    return handle


def _owner_of(callback: Callable[..., Any] | None) -> QObject | None:
    """The QObject a callback belongs to: a bound method's object, or what a lambda closes
    over (``lambda r: self._show(r)`` belongs to ``self``)."""
    target = getattr(callback, "__self__", None)
    if isinstance(target, QObject):
        return target
    for cell in getattr(callback, "__closure__", None) or ():
        try:
            value = cell.cell_contents
        except ValueError:  # an empty cell
            continue
        if isinstance(value, QObject):
            return value
    return None


def active_count() -> int:
    return len(_active)


def wait_all(timeout_ms: int = 30000) -> bool:
    """Block until every task has finished and its callbacks ran (tests, and quitting)."""
    from PySide6.QtCore import QCoreApplication, QElapsedTimer

    timer = QElapsedTimer()
    timer.start()
    while _active:
        remaining = timeout_ms - timer.elapsed()
        if remaining <= 0:
            return False
        pool().waitForDone(int(min(remaining, 50)))
        QCoreApplication.processEvents()
    return True
