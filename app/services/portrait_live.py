"""The live photo step without Qt: preview frames, live photo checks, automatic and manual capture.

One thread owns the camera (opened from the factory there, reopened after an error) and hands
every frame, already shrunk for display, to `on_frame`; an AnalysisWorker checks only the newest
frame whenever the previous analysis is done (in a child process by default: yuface holds the
GIL, see docs/portrait.md). The result has the shape `take_portrait` gives the record: the card
JPEG as `face.jpg` and `{"face": {"quality", "retries", "forced", ["failed_checks"]}}`.
Callbacks run on service threads; a UI turns them into signals. Frames are never logged.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

from app.services.capture import DeviceProblem, face_quality
from app.services.packaging import FACE_BLOB
from devices.camera.base import Camera
from devices.camera.worker import AnalysisWorker, FrameEvent, LatestFrame
from devices.errors import DeviceError
from devices.portrait.analyse import PortraitReport
from devices.portrait.checks import Thresholds
from devices.portrait.crop import CropSpec, encode_jpeg_bounded, portrait_jpeg
from devices.portrait.process import AnalysisProcessFailed, ProcessAnalyser

log = logging.getLogger(__name__)
Analyser = Callable[[np.ndarray], PortraitReport]
NO_CAMERA = ("Chưa có camera cho máy trạm này: kiểm tra cấu hình thiết bị.",
             "No camera is set up for this station: check the device settings.")
NO_FRAME = ("Camera chưa gửi hình: kiểm tra camera rồi chụp lại.",
            "The camera has sent no picture yet: check it and capture again.")


@dataclass(frozen=True)
class LiveCheck:
    """One photo check as the step lists it; vi/en say what to do when it fails."""

    name: str
    passed: bool
    vi: str
    en: str


@dataclass(frozen=True)
class LiveFrame:
    """What the preview shows: the newest frame and the newest analysis (may be older)."""

    preview: np.ndarray  # h x w x 4 BGRA uint8, contiguous: Qt's Format_RGB32 (little-endian)
    checks: tuple[LiveCheck, ...]  # empty until the first analysis
    passed: bool
    face_box: tuple[float, float, float, float] | None  # x, y, w, h as shares of the frame
    streak: int  # passing analyses in a row (auto-capture at passes_needed)
    taken: bool  # a photo was captured and auto-capture waits for retake()


@dataclass(frozen=True)
class LiveCapture:
    blobs: dict[str, bytes]  # {FACE_BLOB: card JPEG}
    capture: dict[str, Any]  # {"face": {"quality", "retries", "forced", ["failed_checks"]}}
    auto: bool


def live_checks(report: PortraitReport) -> tuple[LiveCheck, ...]:
    return tuple(LiveCheck(r.name, r.passed, r.vi, r.en) for r in report.checks)


def preview_image(frame: np.ndarray, width: int) -> np.ndarray:
    """Shrink to `width` and add the alpha byte Qt's RGB32 wants: the GUI only wraps it."""
    h, w = frame.shape[:2]
    if w > width:
        frame = cv2.resize(frame, (width, max(1, round(h * width / w))),
                           interpolation=cv2.INTER_AREA)
    return np.ascontiguousarray(cv2.cvtColor(frame, cv2.COLOR_BGR2BGRA))


def centre_crop_jpeg(frame: np.ndarray, spec: CropSpec) -> bytes:
    """The officer's override when no face is detected: the frame's middle at the card's 2:3."""
    h, w = frame.shape[:2]
    ch = min(h, round(w * spec.height / spec.width))
    cw = round(ch * spec.width / spec.height)
    x, y = (w - cw) // 2, (h - ch) // 2
    part = cv2.resize(frame[y:y + ch, x:x + cw], (spec.width, spec.height),
                      interpolation=cv2.INTER_AREA)
    data, _ = encode_jpeg_bounded(part, spec.max_bytes, spec.quality_start, spec.quality_min,
                                  spec.quality_step)
    return data


def yield_to_gui(nice: int = 5) -> None:
    """Lower the calling thread's priority (Linux: per thread; the analysis child process
    started from it inherits it), so on a busy machine the GUI thread gets the CPU first."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), nice)
    except (AttributeError, OSError):  # not on Windows; never fatal
        pass


class PortraitLive:
    """start() / stop() as the step shows and hides; close() when it is gone for good.

    Callbacks (service threads): `on_frame(LiveFrame)` for every camera frame,
    `on_captured(LiveCapture)` once per photo, `on_problem(DeviceProblem | None)` when the
    camera fails (None: it works again; the camera is reopened by itself meanwhile).
    """

    def __init__(self, camera: Callable[[], Camera] | None, *,
                 on_frame: Callable[[LiveFrame], None],
                 on_captured: Callable[[LiveCapture], None],
                 on_problem: Callable[[DeviceProblem | None], None],
                 analyser: Analyser | None = None, thresholds: Thresholds | None = None,
                 spec: CropSpec | None = None, preview_width: int = 640, passes_needed: int = 3,
                 max_rate: float = 10.0, backoff: float = 0.3, backoff_max: float = 3.0) -> None:
        self.camera_factory = camera
        self.on_frame, self.on_captured, self.on_problem = on_frame, on_captured, on_problem
        self.spec = spec or CropSpec()
        self._own_analyser = analyser is None
        self._analyser: Any = analyser or ProcessAnalyser(thresholds, self.spec)
        self.preview_width, self.passes_needed, self.max_rate = preview_width, passes_needed, \
            max_rate
        self.backoff, self.backoff_max = backoff, backoff_max
        self.retries = 0  # photos discarded with retake() for this person
        self._lock = threading.RLock()
        self._capturing = threading.Lock()  # one capture at a time (auto vs button)
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._worker: AnalysisWorker[PortraitReport | None] | None = None
        self._slot = LatestFrame()
        self._last: PortraitReport | None = None
        self._best: tuple[int, PortraitReport, np.ndarray] | None = None
        self._streak = 0
        self._taken = False
        self._problem = ""  # "camera" or "analysis" while one is shown
        self._niced: threading.Thread | None = None

    # -- control (any thread; the GUI calls these, none of them blocks on the camera) ---------
    @property
    def running(self) -> bool:
        return any(th.is_alive() for th in self._threads)

    @property
    def taken(self) -> bool:
        return self._taken

    def start(self, taken: bool = False) -> None:
        """Open the camera and preview; `taken`: a photo exists, wait for retake() first."""
        if self.running:
            return
        with self._lock:
            self._taken, self._streak, self._last, self._best = taken, 0, None, None
            self._problem = ""
        if self.camera_factory is None:
            self._report(DeviceProblem(DeviceError("camera.missing", *NO_CAMERA, kind="camera")))
            return
        self._stop = stop = threading.Event()
        self._slot = slot = LatestFrame()
        self._worker = AnalysisWorker(slot, self._analyse, on_result=self._analysed,
                                      max_rate=self.max_rate, name="portrait")
        th = threading.Thread(target=self._camera_loop, args=(stop, slot),
                              name="portrait-camera", daemon=True)
        self._threads = [th]
        th.start()
        self._worker.start()

    def stop(self, timeout: float = 3.0) -> bool:
        """Stop preview and analysis and close the camera; False if a driver call hangs."""
        self._stop.set()
        ok = self._worker.stop(timeout) if self._worker is not None else True
        for th in self._threads:
            th.join(timeout)
            ok = ok and not th.is_alive()
        with self._lock:
            self._best = self._last = None  # no biometric frame kept once off screen
        return ok

    def close(self) -> None:
        self.stop()
        if self._own_analyser:
            self._analyser.close()

    def retake(self) -> None:
        """Discard the photo just taken (counted in `retries`) and capture again."""
        with self._lock:
            if self._taken:
                self.retries += 1
            self._taken, self._streak, self._best = False, 0, None

    def reset(self, retries: int = 0, taken: bool = False) -> None:
        """A new person (or a resumed draft): retake count and capture state as stored."""
        with self._lock:
            self.retries, self._taken, self._streak, self._best = retries, taken, 0, None

    def capture_now(self) -> bool:
        """The capture button: the best frame so far, forced if it failed a check. Runs on its
        own short thread; False when a photo is already taken or the preview is not running."""
        if self._taken or not self.running:
            return False
        stop = self._stop
        th = threading.Thread(target=self._manual, args=(stop,), name="portrait-manual",
                              daemon=True)
        self._threads.append(th)
        th.start()
        return True

    # -- threads ------------------------------------------------------------------------------
    def _report(self, problem: DeviceProblem | None, source: str = "camera") -> None:
        """Tell the UI about a problem once; None clears it when `source` works again."""
        with self._lock:
            if problem is None and self._problem != source:
                return
            self._problem = source if problem is not None else ""
        try:
            self.on_problem(problem)
        except Exception:
            log.exception("problem callback failed")

    def _camera_loop(self, stop: threading.Event, slot: LatestFrame) -> None:
        yield_to_gui()
        camera: Camera | None = None
        failures = 0
        while not stop.is_set():
            try:
                if camera is None:
                    assert self.camera_factory is not None
                    camera = self.camera_factory()
                if not camera.is_open:
                    camera.open()
                frame = camera.read()
            except Exception as exc:  # noqa: BLE001 - every failure is shown, then retried
                if not isinstance(exc, DeviceError):
                    log.exception("camera failed unexpectedly")
                    exc = DeviceError(kind="camera")
                failures += 1
                if camera is not None:
                    self._close(camera)
                if not stop.is_set():
                    self._report(DeviceProblem(exc))
                stop.wait(min(self.backoff * 2 ** (failures - 1), self.backoff_max))
                continue
            failures = 0
            self._report(None)
            slot.put(frame)
            live = self._live(preview_image(frame, self.preview_width))
            if not stop.is_set():
                try:
                    self.on_frame(live)
                except Exception:
                    log.exception("frame callback failed")
        if camera is not None:
            self._close(camera)

    @staticmethod
    def _close(camera: Camera) -> None:
        try:
            camera.close()
        except Exception:
            log.exception("closing the camera failed")

    def _live(self, preview: np.ndarray) -> LiveFrame:
        with self._lock:
            rep = self._last
            box = None
            if rep is not None and rep.face is not None:
                x, y, w, h = rep.face.box
                box = (x / rep.width, y / rep.height, w / rep.width, h / rep.height)
            return LiveFrame(preview, live_checks(rep) if rep else (), bool(rep and rep.passed),
                             box, self._streak, self._taken)

    def _analyse(self, frame: np.ndarray) -> PortraitReport | None:
        if self._taken:
            return None  # no CPU spent once the photo is taken
        if threading.current_thread() is not self._niced:
            self._niced = threading.current_thread()
            yield_to_gui()
        try:
            report = self._analyser(frame)
        except Exception as exc:  # noqa: BLE001 - shown once; the next frame tries again
            if not isinstance(exc, DeviceError):
                if self._problem != "analysis":
                    log.exception("portrait analysis failed")
                exc = AnalysisProcessFailed()
            self._report(DeviceProblem(exc), "analysis")
            return None
        self._report(None, "analysis")
        return report

    def _analysed(self, event: FrameEvent, report: PortraitReport | None) -> None:
        if report is None:
            return
        with self._lock:
            if self._taken:
                return
            self._last = report
            q = face_quality(report)
            if self._best is None or q >= self._best[0]:
                self._best = (q, report, event.frame)
            self._streak = self._streak + 1 if report.passed else 0
            due = self._streak >= self.passes_needed
        if due:
            self._take(event.frame, report, auto=True)

    def _manual(self, stop: threading.Event) -> None:
        with self._lock:
            best = self._best
        if best is None:  # nothing analysed yet: check the newest frame now
            event = self._slot.wait_newer(0, timeout=3.0)
            if event is None or stop.is_set():
                if not stop.is_set():
                    self._report(DeviceProblem(DeviceError("camera.no_frame", *NO_FRAME,
                                                           kind="camera")))
                return
            try:
                report = self._analyser(event.frame)
            except DeviceError as err:
                self._report(DeviceProblem(err), "analysis")
                return
            best = (face_quality(report), report, event.frame)
        if not stop.is_set():
            self._take(best[2], best[1], auto=False)

    def _take(self, frame: np.ndarray, report: PortraitReport, auto: bool) -> None:
        with self._capturing:
            with self._lock:
                if self._taken:
                    return
                retries = self.retries
            try:
                jpeg = (portrait_jpeg(frame, report.face, self.spec) if report.face is not None
                        else centre_crop_jpeg(frame, self.spec))
            except DeviceError as err:
                self._report(DeviceProblem(err))
                return
            face: dict[str, Any] = {"quality": face_quality(report), "retries": retries,
                                    "forced": not report.passed}
            if not report.passed:
                face["failed_checks"] = report.failed
            with self._lock:
                self._taken, self._streak, self._best = True, 0, None
        try:
            self.on_captured(LiveCapture({FACE_BLOB: jpeg}, {"face": face}, auto))
        except Exception:
            log.exception("capture callback failed")
