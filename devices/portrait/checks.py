"""Photo checks for the card portrait; each gives (name, passed, score, reason in vi and en).

The 2024 photo rules are not confirmed, so every limit lives in `Thresholds` (defaults explained
in docs/portrait.md). Checks measure the largest face; `face_count` says if there were others.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import cv2
import numpy as np

from devices.portrait.crop import CropSpec, crop_window, outside_fraction
from devices.portrait.detect import Face


@dataclass(frozen=True)
class Thresholds:
    min_confidence: float = 0.75  # detector confidence to count a face (real faces: 0.85+)
    other_face_ratio: float = 0.3  # faces narrower than this share of the main one are ignored
    face_height_min: float = 0.22  # face box height / frame height
    face_height_max: float = 0.55  # beyond this the 2:3 crop runs off a 16:9 frame
    max_offset_x: float = 0.12  # eye midpoint off the vertical centre line, / frame width
    eye_line_min: float = 0.25  # eye line height from the top, / frame height
    eye_line_max: float = 0.60
    max_outside: float = 0.02  # share of the portrait crop that would fall outside the frame
    max_roll_deg: float = 8.0  # ICAO 9303 allows +-8 degrees of roll
    min_eye_distance_px: float = 70.0  # 300 dpi on the 20 mm card portrait (see docs)
    min_sharpness: float = 50.0  # see sharpness(); a sharp real face scores 120+
    face_mean_min: float = 70.0  # mean grey level of the inner face
    face_mean_max: float = 210.0
    max_clipped: float = 0.05  # share of face pixels at black or white
    min_contrast: float = 40.0  # 5th..95th percentile range of face grey levels
    background_min_level: float = 150.0  # mean grey level around the head
    background_max_std: float = 22.0
    background_max_edges: float = 0.03  # share of edge pixels (Canny) around the head
    background_min_pixels: int = 2000


@dataclass(frozen=True)
class CheckResult:
    name: str
    passed: bool
    score: float | None  # the measured value the threshold applies to (None: not measurable)
    vi: str
    en: str

    def as_dict(self) -> dict[str, object]:
        d = asdict(self)
        if self.score is not None:
            d["score"] = round(self.score, 3)
        return d


def _ok(name: str, score: float) -> CheckResult:
    return CheckResult(name, True, score, "Đạt.", "OK.")


def _fail(name: str, score: float | None, vi: str, en: str) -> CheckResult:
    return CheckResult(name, False, score, vi, en)


def not_measured(name: str) -> CheckResult:
    return _fail(name, None, "Không đo được vì không có khuôn mặt.",
                 "Not measured: there is no face.")


def to_grey(frame: np.ndarray) -> np.ndarray:
    return frame if frame.ndim == 2 else cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)


def _face_region(grey: np.ndarray, face: Face, shrink: float = 0.0) -> np.ndarray:
    x, y, w, h = face.box
    x0, y0 = int(x + shrink * w), int(y + shrink * h)
    x1, y1 = int(x + w - shrink * w), int(y + h - shrink * h)
    h_img, w_img = grey.shape
    return grey[max(0, y0):min(h_img, y1), max(0, x0):min(w_img, x1)]


def check_face_count(faces: list[Face], t: Thresholds) -> CheckResult:
    if not faces:
        return _fail("face_count", 0, "Không thấy khuôn mặt: nhìn thẳng vào camera.",
                     "No face found: look straight at the camera.")
    main_w = faces[0].box[2]
    n = sum(1 for f in faces if f.box[2] >= t.other_face_ratio * main_w)
    if n > 1:
        return _fail("face_count", n, f"Có {n} khuôn mặt: chỉ để một người trong khung hình.",
                     f"{n} faces found: only one person may be in the picture.")
    return _ok("face_count", n)


def check_face_size(face: Face, shape: tuple[int, ...], t: Thresholds) -> CheckResult:
    share = face.box[3] / shape[0]
    if share < t.face_height_min:
        return _fail("face_size", share, "Mặt quá nhỏ: tiến lại gần camera.",
                     "Face too small: move closer to the camera.")
    if share > t.face_height_max:
        return _fail("face_size", share, "Mặt quá to: lùi xa camera một chút.",
                     "Face too large: move a little away from the camera.")
    return _ok("face_size", share)


def check_centring(face: Face, shape: tuple[int, ...], t: Thresholds,
                   spec: CropSpec) -> CheckResult:
    """Score: horizontal offset; on failure, the value that failed (offset, eye line height or
    share of the crop outside the frame)."""
    h, w = shape[:2]
    cx, cy = face.eye_center
    dx, line = (cx - w / 2) / w, cy / h
    if abs(dx) > t.max_offset_x:
        side_vi, side_en = ("trái", "left") if dx < 0 else ("phải", "right")
        return _fail("centring", dx, f"Mặt lệch sang {side_vi} ảnh: dịch vào giữa khung.",
                     f"Face is off to the {side_en} of the picture: move to the centre.")
    if not t.eye_line_min <= line <= t.eye_line_max:
        vi = "Mặt quá cao trong khung: hạ camera" if line < t.eye_line_min else \
            "Mặt quá thấp trong khung: nâng camera"
        en = "Face too high in the picture: lower the camera" if line < t.eye_line_min else \
            "Face too low in the picture: raise the camera"
        return _fail("centring", line, vi + " hoặc chỉnh ghế.", en + " or adjust the seat.")
    outside = outside_fraction(face, spec, shape)
    if outside > t.max_outside:
        return _fail("centring", outside,
                     "Ảnh chân dung bị thiếu mép khung: lùi lại và ngồi giữa.",
                     "The portrait would run off the picture: step back and sit centred.")
    return _ok("centring", dx)


def check_roll(face: Face, t: Thresholds) -> CheckResult:
    roll = face.roll_deg
    if abs(roll) > t.max_roll_deg:
        return _fail("roll", roll, f"Đầu nghiêng {abs(roll):.0f}°: giữ thẳng đầu.",
                     f"Head tilted {abs(roll):.0f} degrees: hold the head straight.")
    return _ok("roll", roll)


def check_eye_distance(face: Face, t: Thresholds) -> CheckResult:
    d = face.eye_distance
    if d < t.min_eye_distance_px:
        return _fail("eye_distance", d,
                     f"Hai mắt chỉ cách nhau {d:.0f} điểm ảnh (cần {t.min_eye_distance_px:.0f}): "
                     "tiến lại gần camera.",
                     f"Eyes only {d:.0f} px apart (need {t.min_eye_distance_px:.0f}): move closer.")
    return _ok("eye_distance", d)


def sharpness(grey: np.ndarray, face: Face) -> float:
    """Variance of the Laplacian on the inner face, made independent of face size (scaled to
    128 px wide) and of lighting (grey levels scaled to a standard deviation of 50)."""
    region = _face_region(grey, face, 0.1).astype(np.float32)
    if region.size == 0:
        return 0.0
    k = 128 / region.shape[1]
    region = cv2.resize(region, (128, max(1, round(region.shape[0] * k))),
                        interpolation=cv2.INTER_AREA if k < 1 else cv2.INTER_LINEAR)
    region *= 50.0 / max(float(region.std()), 1.0)
    return float(cv2.Laplacian(region, cv2.CV_32F).var())


def check_sharpness(grey: np.ndarray, face: Face, t: Thresholds) -> CheckResult:
    s = sharpness(grey, face)
    if s < t.min_sharpness:
        return _fail("sharpness", s, "Ảnh bị mờ: giữ yên, lau ống kính và chỉnh nét camera.",
                     "Picture is blurred: keep still, clean the lens and refocus the camera.")
    return _ok("sharpness", s)


def check_exposure(grey: np.ndarray, face: Face, t: Thresholds) -> CheckResult:
    region = _face_region(grey, face, 0.2)
    if region.size == 0:
        return not_measured("exposure")
    mean = float(region.mean())
    clipped = float(((region <= 8) | (region >= 247)).mean())
    if mean < t.face_mean_min:
        return _fail("exposure", mean, "Mặt quá tối: bật thêm đèn phía trước người được chụp.",
                     "Face too dark: add light in front of the person.")
    if mean > t.face_mean_max or clipped > t.max_clipped:
        return _fail("exposure", mean, "Mặt quá sáng hoặc bị lóa: giảm đèn, tránh đèn chiếu thẳng.",
                     "Face too bright or glaring: dim the light, avoid direct lamps.")
    return _ok("exposure", mean)


def check_contrast(grey: np.ndarray, face: Face, t: Thresholds) -> CheckResult:
    region = _face_region(grey, face, 0.1)
    if region.size == 0:
        return not_measured("contrast")
    lo, hi = np.percentile(region, [5, 95])
    spread = float(hi - lo)
    if spread < t.min_contrast:
        return _fail("contrast", spread, "Ảnh thiếu tương phản: chiếu sáng đều và đủ lên mặt.",
                     "Too little contrast: light the face evenly and brightly enough.")
    return _ok("contrast", spread)


def background_mask(shape: tuple[int, ...], face: Face,
                    spec: CropSpec) -> tuple[np.ndarray, int, int]:
    """Pixels of the future portrait beside and above the head, above mouth level, as a mask
    over the portrait's bounding box (clipped to the frame) and that box's top-left corner."""
    h, w = shape[:2]
    window = crop_window(face, spec)
    x0, y0 = (max(0, int(v)) for v in window.min(axis=0))
    x1, y1 = min(w, int(window[:, 0].max()) + 1), min(h, int(window[:, 1].max()) + 1)
    mask = np.zeros((max(0, y1 - y0), max(0, x1 - x0)), np.uint8)
    if mask.size == 0:
        return mask, x0, y0
    offset = np.array([x0, y0])
    cv2.fillConvexPoly(mask, np.round(window - offset).astype(np.int32), 255)
    x, y, bw, bh = face.box
    # The head with hair and ears: wider than the face box and reaching well above it.
    centre = (round(x + bw / 2 - x0), round(y + bh / 2 - 0.2 * bh - y0))
    cv2.ellipse(mask, centre, (round(0.7 * bw), round(0.8 * bh)), -face.roll_deg, 0, 360, 0, -1)
    mask[max(0, int(y + 0.75 * bh) - y0):, :] = 0  # from the mouth down: neck, collar, shoulders
    return mask, x0, y0


def check_background(grey: np.ndarray, face: Face, t: Thresholds, spec: CropSpec) -> CheckResult:
    mask, x0, y0 = background_mask(grey.shape, face, spec)
    m = mask > 0
    if int(m.sum()) < t.background_min_pixels:
        return _fail("background", None, "Không thấy đủ nền quanh đầu: lùi xa camera.",
                     "Not enough background visible around the head: move away from the camera.")
    sub = grey[y0:y0 + mask.shape[0], x0:x0 + mask.shape[1]]
    values = sub[m]
    level, spread = float(values.mean()), float(values.std())
    edges = float((cv2.Canny(sub, 60, 150)[m] > 0).mean())
    if level < t.background_min_level:
        return _fail("background", level, "Nền quá tối: dùng phông trắng hoặc sáng màu.",
                     "Background too dark: use a white or light backdrop.")
    if spread > t.background_max_std or edges > t.background_max_edges:
        return _fail("background", level,
                     "Nền không trơn: dùng phông trơn, không có đồ vật phía sau.",
                     "Background not plain: use a plain backdrop with nothing behind the person.")
    return _ok("background", level)
