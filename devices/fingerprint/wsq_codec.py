"""WSQ (FBI wavelet scalar quantisation) for Type-14 records, via the `wsq` 0.9 package (NBIS).

We call its C extension `_wsq` directly on bytes: its Pillow plugin converts pixel by pixel in
Python. The codec works at a fixed ~0.75 bit per pixel; the ratio argument it takes is ignored
by NBIS, so we do not expose it. Everything stays in memory (no temp files).

Encoding goes to NBIS's `wsq_encode_mem` in the same library through ctypes when it can: the
extension's compress() keeps the GIL for the whole encode (~80 ms for a 1600x1500 slap), which
stalls a GUI thread while a capture worker packs prints, and ctypes releases it. Same library,
same settings (0.75 bpp, 500 ppi), byte-identical output; compress() stays the fallback. One
ctypes encode at a time (NBIS keeps global state).
"""

from __future__ import annotations

import ctypes
import threading
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


_lock = threading.Lock()
_encode_mem = None  # None: not tried yet; False: unavailable
_free = None


def _nogil_encoder() -> object | None:
    global _encode_mem, _free
    if _encode_mem is None:
        try:
            fn = ctypes.CDLL(_wsq.__file__).wsq_encode_mem  # type: ignore[union-attr]
            fn.argtypes = [ctypes.POINTER(ctypes.POINTER(ctypes.c_ubyte)),
                           ctypes.POINTER(ctypes.c_int), ctypes.c_float, ctypes.c_char_p,
                           ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_int,
                           ctypes.c_char_p]
            fn.restype = ctypes.c_int
            _free = ctypes.CDLL(None).free
            _encode_mem = fn
        except (OSError, AttributeError):
            _encode_mem = False
    return _encode_mem or None


def encode(image: np.ndarray, *, release_gil: bool = True) -> bytes:
    """Compress an 8-bit grayscale image (rows x cols, 500 ppi) to WSQ bytes; other Python
    threads keep running meanwhile unless `release_gil` is False (the extension's own call)."""
    codec = _need()
    if not isinstance(image, np.ndarray) or image.dtype != np.uint8 or image.ndim != 2:
        raise ValueError("WSQ needs a 2-D uint8 image")
    h, w = image.shape
    if h < 16 or w < 16:
        raise ValueError("image too small for WSQ")
    data = np.ascontiguousarray(image).tobytes()
    fn = _nogil_encoder() if release_gil else None
    if fn is not None:
        out, size = ctypes.POINTER(ctypes.c_ubyte)(), ctypes.c_int()
        with _lock:
            rc = fn(ctypes.byref(out), ctypes.byref(size), 0.75, data, w, h, 8, 500, None)
        if rc == 0 and out:
            try:
                return ctypes.string_at(out, size.value)
            finally:
                _free(out)  # type: ignore[misc]
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
