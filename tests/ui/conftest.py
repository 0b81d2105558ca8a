"""UI tests share Qt's global thread pool: let every background operation finish before the
station closes, or a call still queued on a closed store could hold a pool thread for good."""

import pytest
from PySide6.QtCore import QThreadPool


@pytest.fixture(autouse=True)
def drain_operations(station, qtbot):
    yield
    QThreadPool.globalInstance().waitForDone(15_000)
    qtbot.wait(20)
