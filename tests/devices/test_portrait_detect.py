"""Face detection details: full-frame coordinates, tilt measured from refined eyes, OpenMP."""

from __future__ import annotations

import threading

import cv2
import numpy as np
import pytest
from skimage import data

from devices.camera.scene import Scene, render
from devices.portrait import detect
from devices.portrait.detect import detect_faces, downscale


def test_downscale_keeps_small_frames_and_reports_the_factor():
    frame = np.zeros((720, 1280, 3), np.uint8)
    small, k = downscale(frame, 640)
    assert small.shape == (360, 640, 3) and k == 2.0
    same, k = downscale(small, 640)
    assert same is small and k == 1.0


def test_coordinates_are_in_full_frame_pixels():
    frame, truth = render(Scene(offset_x=0.2, offset_y=-0.05))
    face = detect_faces(frame, max_side=640)[0]
    assert face.eye_center[0] == pytest.approx(sum(e[0] for e in truth.eyes) / 2, abs=6)
    x, y, w, h = face.box
    assert x < truth.center[0] < x + w and y < truth.center[1] < y + h


@pytest.mark.parametrize("angle", [-20, -10, 10, 20])
def test_tilt_of_a_real_face_is_measured_from_the_irises(angle):
    photo = cv2.cvtColor(data.astronaut(), cv2.COLOR_RGB2BGR)
    rot = cv2.getRotationMatrix2D((222.0, 120.0), angle, 1.0)
    tilted = cv2.warpAffine(photo, rot, (512, 512), borderMode=cv2.BORDER_REPLICATE)
    raw = detect_faces(tilted, refine=False)[0]
    refined = detect_faces(tilted)[0]
    base = detect_faces(photo)[0].roll_deg  # she already tilts her head a little
    # yuface's own landmarks barely follow the tilt; the iris refinement does.
    assert abs(refined.roll_deg - base - angle) < 6
    assert abs(refined.roll_deg - base - angle) < abs(raw.roll_deg - base - angle)


def test_detection_runs_single_threaded_in_the_calling_thread():
    frame, _ = render(Scene())
    seen = []

    def work():
        detect_faces(frame)
        lib = detect._omp_lib[0] if detect._omp_lib else None
        seen.append(None if lib is None else lib.omp_get_max_threads())

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert seen == [detect.OPENMP_THREADS]
