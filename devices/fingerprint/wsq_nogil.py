"""WSQ encoding that lets other Python threads run: NBIS's `wsq_encode_mem` through ctypes.

The `wsq` extension's compress() keeps the GIL for the whole encode (~80 ms for a 1600x1500
slap), which stalls a GUI thread while a capture worker packs prints. ctypes drops the GIL
around foreign calls. Same library, same settings (0.75 bpp, 500 ppi): byte-identical output to
wsq_codec.encode, which stays the fallback. One encode at a time (NBIS keeps global state).
"""

from __future__ import annotations

import ctypes
import threading

import numpy as np

from devices.fingerprint import wsq_codec

_lock = threading.Lock()
_fn = None
_free = None


def _load() -> object | None:
    global _fn, _free
    if _fn is None:
        try:
            import _wsq

            lib = ctypes.CDLL(_wsq.__file__)
            fn = lib.wsq_encode_mem
            fn.argtypes = [ctypes.POINTER(ctypes.POINTER(ctypes.c_ubyte)),
                           ctypes.POINTER(ctypes.c_int), ctypes.c_float, ctypes.c_char_p,
                           ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_int,
                           ctypes.c_char_p]
            fn.restype = ctypes.c_int
            _free = ctypes.CDLL(None).free
            _fn = fn
        except (ImportError, OSError, AttributeError):
            _fn = False
    return _fn or None


def encode(image: np.ndarray, ppi: int = 500) -> bytes:
    """WSQ bytes for an 8-bit grayscale image; falls back to wsq_codec.encode."""
    fn = _load()
    if fn is None or ppi != 500:
        return wsq_codec.encode(image)
    if not isinstance(image, np.ndarray) or image.dtype != np.uint8 or image.ndim != 2:
        raise ValueError("WSQ needs a 2-D uint8 image")
    h, w = image.shape
    if h < 16 or w < 16:
        raise ValueError("image too small for WSQ")
    data = np.ascontiguousarray(image).tobytes()
    out = ctypes.POINTER(ctypes.c_ubyte)()
    size = ctypes.c_int()
    with _lock:
        rc = fn(ctypes.byref(out), ctypes.byref(size), 0.75, data, w, h, 8, ppi, None)
    if rc != 0 or not out:
        return wsq_codec.encode(image)
    try:
        return ctypes.string_at(out, size.value)
    finally:
        _free(out)
