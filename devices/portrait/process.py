"""Portrait analysis in a child process, so yuface's GIL hold never stalls the GUI thread.

yuface keeps the GIL for its whole ~32 ms detection, which freezes every Python thread of the
station, the Qt GUI thread included. `ProcessAnalyser` is a drop-in for `analyse_frame` in the
`AnalysisWorker`: it sends the frame through a pipe (no shared-memory or temp file, since frames
are biometric data), and the waiting thread releases the GIL while the child works.
"""

from __future__ import annotations

import multiprocessing
import threading
from multiprocessing.connection import Connection
from typing import Any

import numpy as np

from devices.portrait.analyse import PortraitReport, analyse_frame
from devices.portrait.checks import Thresholds
from devices.portrait.crop import CropSpec
from devices.portrait.errors import PortraitError


class AnalysisProcessFailed(PortraitError):
    def __init__(self) -> None:
        super().__init__(
            "portrait.analysis_process",
            "Bộ phân tích ảnh bị dừng; máy đang khởi động lại nó. Nếu lặp lại, khởi động lại "
            "ứng dụng.",
            "The photo analyser stopped; the station is restarting it. If this repeats, restart "
            "the application.",
        )


def _serve(conn: Connection, thresholds: Thresholds | None, spec: CropSpec | None) -> None:
    """Child process: frames in, PortraitReports out, until it receives None."""
    conn.send("ready")
    while True:
        header = conn.recv()
        if header is None:
            break
        shape = tuple(header)
        buf = bytearray(int(np.prod(shape)))
        conn.recv_bytes_into(buf)
        frame = np.frombuffer(buf, np.uint8).reshape(shape)
        try:
            conn.send(analyse_frame(frame, thresholds, spec))
        except Exception as exc:  # noqa: BLE001 - reported to the parent, the child lives on
            conn.send(("error", type(exc).__name__))


class ProcessAnalyser:
    """Callable(frame) -> PortraitReport, computed in a child process started on first use."""

    def __init__(self, thresholds: Thresholds | None = None, spec: CropSpec | None = None,
                 start_timeout: float = 60.0) -> None:
        self.thresholds, self.spec, self.start_timeout = thresholds, spec, start_timeout
        self._ctx = multiprocessing.get_context("spawn")  # same on Linux and Windows
        self._lock = threading.Lock()
        self._proc: Any = None
        self._conn: Connection | None = None

    def start(self) -> ProcessAnalyser:
        """Start the child now (about a second: it imports OpenCV and yuface)."""
        with self._lock:
            self._ensure_started()
        return self

    def _ensure_started(self) -> Connection:
        if self._conn is not None and self._proc is not None and self._proc.is_alive():
            return self._conn
        self._shutdown()
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_serve, args=(child, self.thresholds, self.spec),
                                 name="portrait-analyser", daemon=True)
        proc.start()
        child.close()
        if not parent.poll(self.start_timeout) or parent.recv() != "ready":
            proc.kill()
            raise AnalysisProcessFailed()
        self._proc, self._conn = proc, parent
        return parent

    def __call__(self, frame: np.ndarray) -> PortraitReport:
        frame = np.ascontiguousarray(frame, dtype=np.uint8)
        with self._lock:
            conn = self._ensure_started()
            try:
                conn.send(frame.shape)
                conn.send_bytes(memoryview(frame).cast("B"))
                result = conn.recv()
            except (EOFError, OSError, BrokenPipeError):
                self._shutdown()
                raise AnalysisProcessFailed() from None
        if isinstance(result, tuple):
            raise AnalysisProcessFailed()
        return result

    def _shutdown(self) -> None:
        conn, proc = self._conn, self._proc
        self._conn = self._proc = None
        if conn is not None:
            try:
                conn.send(None)
            except (OSError, BrokenPipeError):
                pass
            conn.close()
        if proc is not None:
            proc.join(2.0)
            if proc.is_alive():
                proc.kill()
                proc.join(2.0)

    def close(self) -> None:
        with self._lock:
            self._shutdown()

    def __enter__(self) -> ProcessAnalyser:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()
