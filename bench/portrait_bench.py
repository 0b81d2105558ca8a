"""Camera and portrait speed on this machine: run `python bench/portrait_bench.py [--json]`.

Prints synthetic capture fps at 1280x720, analysis time per frame, analyses per second and
capture fps while both threads run, and crop + JPEG time and size. Numbers, not assertions:
the targets (>= 25 fps preview, >= 8 analyses a second) are judged by a person reading them.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import cv2  # noqa: E402

from devices.camera.opencv_camera import OpenCVCamera  # noqa: E402
from devices.camera.scene import Scene  # noqa: E402
from devices.camera.synthetic import SyntheticCamera  # noqa: E402
from devices.camera.worker import AnalysisWorker, CaptureWorker  # noqa: E402
from devices.portrait.analyse import analyse_frame  # noqa: E402
from devices.portrait.crop import CropSpec, crop_portrait, encode_jpeg_bounded  # noqa: E402
from devices.portrait.detect import detect_faces  # noqa: E402
from devices.portrait.process import ProcessAnalyser  # noqa: E402


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def ms(values: list[float]) -> dict[str, float]:
    values = sorted(values)
    return {"median_ms": round(statistics.median(values) * 1000, 1),
            "p95_ms": round(values[int(0.95 * (len(values) - 1))] * 1000, 1)}


def scene_change(repeat: int = 10) -> dict[str, float]:
    """Time of the read that follows set_scene() (the demo moves the person this way)."""
    with SyntheticCamera(fps=0) as cam:
        cam.read()
        out = []
        for i in range(repeat):
            cam.set_scene(Scene(offset_x=0.01 * (i + 1)))
            start = time.perf_counter()
            cam.read()
            out.append(time.perf_counter() - start)
    return ms(out)


def capture_alone(seconds: float) -> dict[str, float]:
    with SyntheticCamera(fps=0) as cam:
        cam.read()  # renders the scene once
        n, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds:
            cam.read()
            n += 1
    return {"unpaced_fps": round(n / (time.perf_counter() - start), 1)}


class Ticker:
    """Stands in for the GUI thread: wakes every ms and records the longest gap (GIL stalls)."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        last = time.perf_counter()
        while not self._stop.is_set():
            time.sleep(0.001)
            now = time.perf_counter()
            self.longest = max(self.longest, now - last)
            last = now

    def __enter__(self) -> Ticker:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def file_capture(frames: int = 60) -> dict[str, float]:
    """A 1280x720 MJPEG file through OpenCVCamera: the decode cost a USB webcam's MJPEG adds."""
    with tempfile.TemporaryDirectory() as folder:  # synthetic frames only, removed after
        path = os.path.join(folder, "bench.avi")
        with SyntheticCamera(fps=0) as cam:
            writer = cv2.VideoWriter(path, cv2.VideoWriter_fourcc(*"MJPG"), 30.0, (1280, 720))
            for _ in range(frames):
                writer.write(cam.read())
            writer.release()
        with OpenCVCamera(path) as cam:
            start = time.perf_counter()
            for _ in range(frames):
                cam.read()
            elapsed = time.perf_counter() - start
    return {"fps": round(frames / elapsed, 1), "ms_per_frame": round(elapsed / frames * 1000, 1)}


def live(seconds: float, max_rate: float | None, analyse=analyse_frame) -> dict[str, float]:
    cap = CaptureWorker(SyntheticCamera(fps=30)).start()
    ana = AnalysisWorker(cap.slot, analyse, max_rate=max_rate).start()
    time.sleep(1.0)  # warm up
    with Ticker() as gui:
        f0, a0, t0 = cap.stats().frames, ana.stats().analyses, time.perf_counter()
        time.sleep(seconds)
        f1, a1, t1 = cap.stats().frames, ana.stats().analyses, time.perf_counter()
    mean = ana.stats().mean_seconds
    ana.stop()
    cap.stop()
    return {"capture_fps": round((f1 - f0) / (t1 - t0), 1),
            "analyses_per_s": round((a1 - a0) / (t1 - t0), 1),
            "analysis_mean_ms": round(mean * 1000, 1),
            "longest_gui_stall_ms": round(gui.longest * 1000, 1)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()

    cam = SyntheticCamera(fps=0)
    with cam:
        frame = cam.read()
    face = detect_faces(frame)[0]
    spec = CropSpec()
    analyse_frame(frame)
    results: dict[str, object] = {
        "cpu_count": os.cpu_count(),
        "frame": "1280x720 synthetic",
        "first_scene_ms": ms(timed(lambda: SyntheticCamera(scene=Scene(seed=2)).truth(), 3)),
        "scene_change_ms": scene_change(),
        "capture_alone": capture_alone(2.0),
        "mjpeg_file_capture_1280x720": file_capture(),
        "detect_640x360": ms(timed(lambda: detect_faces(frame, refine=False), 30)),
        "analyse_frame": ms(timed(lambda: analyse_frame(frame), 30)),
        "live_30fps_analysis_capped_12": live(args.seconds, 12.0),
        "live_30fps_analysis_uncapped": live(args.seconds, None),
    }
    with ProcessAnalyser() as child:
        results["live_30fps_child_process_capped_12"] = live(args.seconds, 12.0, child)
        results["live_30fps_child_process_uncapped"] = live(args.seconds, None, child)
    portrait = crop_portrait(frame, face, spec)
    jpeg, quality = encode_jpeg_bounded(portrait, spec.max_bytes)
    results["crop"] = ms(timed(lambda: crop_portrait(frame, face, spec), 30))
    results["crop_plus_jpeg"] = ms(timed(lambda: encode_jpeg_bounded(
        crop_portrait(frame, face, spec), spec.max_bytes), 30))
    results["jpeg"] = {"bytes": len(jpeg), "quality": quality,
                       "size": f"{spec.width}x{spec.height}", "limit": spec.max_bytes}
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for key, value in results.items():
        print(f"{key:32s} {value}")


if __name__ == "__main__":
    main()
