"""WSQ (FBI wavelet scalar quantisation) for Type-14 records, via the `wsq` 0.9 package (NBIS).

We call its C extension `_wsq` directly on bytes: its Pillow plugin converts pixel by pixel in
Python. The codec works at a fixed ~0.75 bit per pixel; the ratio argument it takes is ignored
by NBIS, so we do not expose it. Everything stays in memory (no temp files).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from devices.errors import DeviceFault

try:  # the module ships inside the `wsq` wheel
    import _wsq
except ImportError:  # pragma: no cover - only when the wheel is missing
    _wsq = None

WSQ_SOI = b"\xff\xa0"  # start-of-image marker
_RATIO = 12  # passed for the API's sake; NBIS uses its fixed 0.75 bpp table


@dataclass(frozen=True)
class WsqImage:
    """A decoded WSQ image and the resolution recorded in its header."""

    image: np.ndarray
    ppi: int


def _need() -> object:
    if _wsq is None:
        raise DeviceFault(detail="wsq package not installed")
    return _wsq


def encode(image: np.ndarray) -> bytes:
    """Compress an 8-bit grayscale image (rows x cols) to WSQ bytes."""
    codec = _need()
    if not isinstance(image, np.ndarray) or image.dtype != np.uint8 or image.ndim != 2:
        raise ValueError("WSQ needs a 2-D uint8 image")
    h, w = image.shape
    if h < 16 or w < 16:
        raise ValueError("image too small for WSQ")
    data = np.ascontiguousarray(image).tobytes()
    return bytes(codec.compress(data, h, w, _RATIO))  # type: ignore[attr-defined]


def decode(data: bytes) -> WsqImage:
    """Decompress WSQ bytes; raises ValueError on anything that is not a valid WSQ stream."""
    codec = _need()
    if not data.startswith(WSQ_SOI):
        raise ValueError("not a WSQ stream (no start-of-image marker)")
    try:
        pixels, w, h, ppi = codec.decompress(bytes(data))  # type: ignore[attr-defined]
    except Exception as exc:  # the extension raises a bare Exception("WSQ Error: -n")
        raise ValueError(f"corrupt WSQ stream ({exc})") from exc
    img = np.frombuffer(pixels, dtype=np.uint8).reshape(h, w).copy()
    return WsqImage(img, int(ppi) if ppi and ppi > 0 else 500)
