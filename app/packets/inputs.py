"""What the station hands the packet builder: plain, immutable capture data.

Finger exceptions use one vocabulary (the manifest keeps it; the AN2 AMP field gets XX or UP):
amputated -> XX; bandaged, deformed, worn, unable -> UP.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from app.packets.errors import bad_input

FINGER_EXCEPTIONS: dict[str, str] = {
    "amputated": "XX", "bandaged": "UP", "deformed": "UP", "worn": "UP", "unable": "UP",
}
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


@dataclass(frozen=True)
class FaceCapture:
    """The portrait as stored: baseline JPEG bytes and how its capture went."""

    jpeg: bytes
    quality: int | None = None  # 0-100 from the photo checks, None = not scored
    retries: int = 0
    forced: bool = False  # accepted by the officer despite failed checks


@dataclass(frozen=True)
class FingerCapture:
    """One finger (1-10, rolled) or slap (13 right four, 14 left four, 15 two thumbs).

    Either `wsq` is set (with its size, resolution and NFIQ 2 quality) or `exception` says why
    there is no image (see FINGER_EXCEPTIONS).
    """

    position: int
    wsq: bytes | None
    width: int = 0
    height: int = 0
    ppi: int = 500
    quality: int | None = None
    retries: int = 0
    forced: bool = False
    exception: str | None = None


@dataclass(frozen=True)
class PacketInputs:
    """Everything a packet says about one enrollment. Times must be timezone-aware."""

    packet_id: str
    station_id: str
    officer_id: str
    started_at: datetime
    captured_at: datetime
    demographics: Mapping[str, Any]
    face: FaceCapture | None = None
    fingers: Sequence[FingerCapture] = field(default_factory=tuple)
    supervisor_id: str | None = None  # set once approved
    approved_at: datetime | None = None
    clock_suspect: bool = False  # the station's clock looked implausible at capture
    centre_agency: str = "VN-C06"  # AN2 1.007 DAI: destination agency


def utc_text(value: datetime, name: str) -> str:
    """RFC 3339 UTC with seconds and a Z: the only time form in packets."""
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise bad_input(name, "must be a timezone-aware datetime", "phải là thời điểm có múi giờ")
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def check_id(value: str, name: str) -> str:
    if not isinstance(value, str) or not ID_RE.match(value):
        raise bad_input(name, "1-64 characters A-Z a-z 0-9 . _ -, starting with a letter or digit",
                        "1-64 ký tự A-Z a-z 0-9 . _ -, bắt đầu bằng chữ hoặc số")
    return value


def _check_count(value: int | None, name: str, lo: int, hi: int, optional: bool) -> None:
    if value is None and optional:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise bad_input(name, f"must be an integer {lo}-{hi}", f"phải là số nguyên {lo}-{hi}")


def check_inputs(p: PacketInputs) -> None:
    """Reject anything the packet cannot carry faithfully, naming the field."""
    for name in ("packet_id", "station_id", "officer_id"):
        check_id(getattr(p, name), name)
    if (p.supervisor_id is None) != (p.approved_at is None):
        raise bad_input("approval", "supervisor_id and approved_at go together",
                        "supervisor_id và approved_at phải đi cùng nhau")
    if p.supervisor_id is not None:
        check_id(p.supervisor_id, "supervisor_id")
    if not isinstance(p.demographics, Mapping):
        raise bad_input("demographics", "must be a JSON object", "phải là đối tượng JSON")
    if p.face is not None:
        _check_count(p.face.quality, "face.quality", 0, 100, True)
        _check_count(p.face.retries, "face.retries", 0, 1000, False)
    seen: set[int] = set()
    for f in p.fingers:
        where = f"fingers[{f.position}]"
        if f.position in seen or f.position not in (*range(1, 11), 13, 14, 15):
            raise bad_input(where, "unknown or repeated position",
                            "vị trí không hợp lệ hoặc bị lặp")
        seen.add(f.position)
        _check_count(f.retries, where + ".retries", 0, 1000, False)
        if f.wsq is None:
            if f.exception not in FINGER_EXCEPTIONS:
                raise bad_input(where, "no image and no known exception",
                                "không có ảnh và không có lý do ngoại lệ hợp lệ")
        else:
            if f.exception is not None:
                raise bad_input(where, "has both an image and an exception",
                                "vừa có ảnh vừa có lý do ngoại lệ")
            _check_count(f.quality, where + ".quality", 0, 100, True)
            _check_count(f.width, where + ".width", 10, 99999, False)
            _check_count(f.height, where + ".height", 10, 99999, False)
            _check_count(f.ppi, where + ".ppi", 1, 99999, False)
