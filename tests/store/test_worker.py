"""The database thread's shutdown: calls that race a close never hang (the UI saw this)."""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future

import pytest

from app.domain.errors import StorageError
from app.store.worker import DbWorker


def make_worker() -> tuple[DbWorker, list[str]]:
    closed: list[str] = []
    return DbWorker(lambda: {"n": 0}, lambda _r: closed.append("closed")), closed


def test_calls_queued_before_close_finish_and_later_ones_raise() -> None:
    worker, closed = make_worker()
    gate = threading.Event()
    first = worker.submit(lambda r: gate.wait(5) and "first")
    second = worker.submit(lambda r: "second")
    closer = threading.Thread(target=worker.close)
    closer.start()
    time.sleep(0.05)  # close is now waiting behind the two queued calls
    with pytest.raises(StorageError) as err:
        worker.submit(lambda r: "too late")
    assert err.value.code == "store_closed" and "closed" in err.value.en
    gate.set()
    closer.join(5)
    assert first.result(1) == "first" and second.result(1) == "second"
    assert closed == ["closed"]


def test_submits_racing_a_close_all_settle() -> None:
    worker, _ = make_worker()
    futures: list[Future] = []
    refused = []

    def hammer() -> None:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                futures.append(worker.submit(lambda r: r.__setitem__("n", r["n"] + 1)))
            except StorageError:
                refused.append(1)
                return

    threads = [threading.Thread(target=hammer) for _ in range(4)]
    for th in threads:
        th.start()
    time.sleep(0.01)
    worker.close()
    for th in threads:
        th.join(5)
    for fut in futures:  # every accepted call has an answer: none is left pending forever
        assert fut.exception(timeout=2) is None
    assert refused, "the close happened while threads were still submitting"


def test_close_twice_and_from_the_worker_thread_is_safe() -> None:
    worker, closed = make_worker()
    assert worker.submit(lambda r: worker.close()).result(2) is None  # no self-join deadlock
    worker.close()
    worker.thread.join(2)
    assert not worker.thread.is_alive() and closed == ["closed"]
