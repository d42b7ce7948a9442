from __future__ import annotations

import threading

import pytest

from assessor.ui import tasks


def _whoami() -> int:
    return threading.get_ident()


def test_result_arrives_on_the_main_thread(qtbot) -> None:
    main = threading.get_ident()
    got: list[tuple[int, int]] = []

    def on_result(worker_thread: int) -> None:
        got.append((worker_thread, threading.get_ident()))

    tasks.run(_whoami, on_result=on_result)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    worker_thread, callback_thread = got[0]
    assert worker_thread != main
    assert callback_thread == main
    assert tasks.active_count() == 0


def test_error_goes_to_on_error_not_on_result(qtbot) -> None:
    errors: list[BaseException] = []
    results: list[object] = []

    def boom() -> None:
        raise ValueError("no")

    tasks.run(boom, on_result=results.append, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError)
    assert results == []


def test_progress_is_delivered_in_order(qtbot) -> None:
    seen: list[tuple[int, int, str]] = []
    finished: list[bool] = []

    def work(n: int, progress) -> int:
        for i in range(n):
            progress(i + 1, n, f"step {i + 1}")
        return n

    tasks.run(
        work,
        5,
        on_progress=lambda d, t, s: seen.append((d, t, s)),
        on_finished=lambda: finished.append(True),
    )
    qtbot.waitUntil(lambda: bool(finished), timeout=5000)
    assert [d for d, _, _ in seen] == [1, 2, 3, 4, 5]
    assert seen[-1] == (5, 5, "step 5")


def test_cancel_stops_the_work_and_silences_callbacks(qtbot) -> None:
    started = threading.Event()
    release = threading.Event()
    results: list[object] = []
    errors: list[BaseException] = []
    finished: list[bool] = []

    def work(progress) -> str:
        started.set()
        release.wait(5)
        progress(1, 2)  # raises Cancelled
        return "not reached"

    handle = tasks.run(
        work,
        on_result=results.append,
        on_error=errors.append,
        on_finished=lambda: finished.append(True),
    )
    assert started.wait(5)
    handle.cancel()
    release.set()
    qtbot.waitUntil(lambda: bool(finished), timeout=5000)
    assert results == [] and errors == []
    assert isinstance(handle.error, tasks.Cancelled)


def test_synchronous_mode_runs_inline_before_returning() -> None:
    got: list[int] = []
    with tasks.synchronous():
        handle = tasks.run(_whoami, on_result=got.append)
        assert handle.done
    assert got == [threading.get_ident()]
    assert not tasks.is_synchronous()


def test_synchronous_mode_delivers_errors_too() -> None:
    errors: list[BaseException] = []
    with tasks.synchronous():
        tasks.run(lambda: 1 / 0, on_error=errors.append)
    assert isinstance(errors[0], ZeroDivisionError)


@pytest.mark.parametrize("count", [20])
def test_many_tasks_all_deliver(qtbot, count: int) -> None:
    got: list[int] = []
    for i in range(count):
        tasks.run(lambda i=i: i * i, on_result=got.append)
    assert tasks.wait_all(10000)
    assert sorted(got) == [i * i for i in range(count)]


def test_no_callback_runs_once_its_widget_is_gone(qtbot) -> None:
    import gc

    import shiboken6
    from PySide6.QtWidgets import QLabel

    release = threading.Event()
    calls: list[str] = []
    finished: list[bool] = []

    class Page(QLabel):
        def start(self) -> tasks.TaskHandle:
            return tasks.run(
                lambda: release.wait(5) and "late",
                on_result=lambda r: self.setText(r) or calls.append(r),
                on_finished=lambda: finished.append(True),
            )

    page = Page()
    handle = page.start()
    shiboken6.delete(page)  # the page is closed while the work still runs
    gc.collect()
    release.set()
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert calls == []  # no RuntimeError from a deleted widget, no callback
    assert handle.cancelled


def test_an_explicit_owner_ties_the_task_to_it(qtbot) -> None:
    from PySide6.QtCore import QObject

    release = threading.Event()
    got: list[object] = []
    owner = QObject()
    handle = tasks.run(lambda: release.wait(5), on_result=got.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: handle.cancelled, timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert got == []
