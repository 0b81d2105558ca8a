"""ISO/IEC 19794-4:2011 finger image records (what MOSIP SBI puts in `bioValue`).

Only what the station exchanges: one or more representations, each a grayscale image compressed
with WSQ (or raw), 500 ppi, with an optional quality block. Extended data blocks are not written
and are refused when read.
"""

from __future__ import annotations

import struct
import time
from dataclasses import dataclass

import numpy as np

from devices.fingerprint import wsq_codec

MAGIC = b"FIR\0"
VERSION = b"020\0"
COMPRESSION_RAW, COMPRESSION_WSQ = 0, 2
SCALE_PPI = 1
# Quality algorithm owner/id for NFIQ 2 as we record it (NIST as vendor); configurable upstream.
NFIQ2_VENDOR, NFIQ2_ALGORITHM = 0x000F, 0x0025
_HEADER = struct.Struct(">4s4sIHBB")
_REP_FIXED = struct.Struct(">I9sBHHB")
_REP_TAIL = struct.Struct(">BBBHHHHBBBHHI")


@dataclass(frozen=True)
class FingerImage:
    position: int
    image: np.ndarray
    ppi: int = 500
    quality: int | None = None
    impression: int = 0


def _when(ts: float) -> bytes:
    t = time.gmtime(ts)
    ms = int((ts % 1) * 1000)
    return struct.pack(">HBBBBBH", t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec,
                       ms)


def encode(fingers: list[FingerImage], *, compression: int = COMPRESSION_WSQ,
           captured_at: float | None = None) -> bytes:
    """A finger image record holding each finger as one representation."""
    reps = []
    when = _when(time.time() if captured_at is None else captured_at)
    for n, f in enumerate(fingers, start=1):
        h, w = f.image.shape
        data = wsq_codec.encode(f.image) if compression == COMPRESSION_WSQ else f.image.tobytes()
        quality = b""
        if f.quality is not None:
            quality = struct.pack(">BHH", f.quality, NFIQ2_VENDOR, NFIQ2_ALGORITHM)
        tail = _REP_TAIL.pack(f.position, n, SCALE_PPI, f.ppi, f.ppi, f.ppi, f.ppi, 8,
                              compression, f.impression, w, h, len(data))
        length = _REP_FIXED.size + len(quality) + len(tail) + len(data)
        fixed = _REP_FIXED.pack(length, when, 0, 0, 0, 1 if quality else 0)
        reps.append(fixed + quality + tail + data)
    body = b"".join(reps)
    positions = len({f.position for f in fingers})
    header = _HEADER.pack(MAGIC, VERSION, _HEADER.size + len(body), len(fingers), 0, positions)
    return header + body


def decode(record: bytes) -> list[FingerImage]:
    """Parse a record written as above; raises ValueError on anything malformed."""
    if len(record) < _HEADER.size:
        raise ValueError("record too short")
    magic, version, length, count, cert, _ = _HEADER.unpack_from(record)
    if magic != MAGIC or version != VERSION:
        raise ValueError("not an ISO 19794-4:2011 finger image record")
    if length != len(record) or cert:
        raise ValueError("record length or certification flag not supported")
    out = []
    pos = _HEADER.size
    for _ in range(count):
        rep_len, _, _, _, _, nq = _REP_FIXED.unpack_from(record, pos)
        end = pos + rep_len
        if end > len(record):
            raise ValueError("representation overruns the record")
        cur = pos + _REP_FIXED.size
        quality = None
        for _q in range(nq):
            score, _vendor, _alg = struct.unpack_from(">BHH", record, cur)
            quality = score if quality is None else quality
            cur += 5
        (finger, _n, scale, _cx, _cy, ppi, _iy, depth, comp, imp, w, h,
         size) = _REP_TAIL.unpack_from(record, cur)
        cur += _REP_TAIL.size
        data = record[cur: cur + size]
        if cur + size != end or depth != 8 or scale != SCALE_PPI:
            raise ValueError("unsupported representation layout")
        if comp == COMPRESSION_WSQ:
            img = wsq_codec.decode(data).image
        elif comp == COMPRESSION_RAW:
            img = np.frombuffer(data, np.uint8).reshape(h, w).copy()
        else:
            raise ValueError(f"compression {comp} not supported")
        if img.shape != (h, w):
            raise ValueError("image size disagrees with the header")
        out.append(FingerImage(finger, img, ppi, quality, imp))
        pos = end
    return out
