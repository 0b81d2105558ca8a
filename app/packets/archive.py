"""Canonical JSON and the inner archive: a deterministic, uncompressed ZIP of four fixed members.

Why ZIP_STORED: JPEG and WSQ are already compressed, the JSON is small, and stored members make
the archive byte-identical for identical content on every platform (no zlib version drift).
Reading is strict: exactly the expected names, in order, stored, within size limits.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Mapping
from typing import Any

import rfc8785

from app.packets.errors import bad_input, malformed_packet

MANIFEST = "manifest.json"
SIGNATURES = "signatures.json"
DEMOGRAPHICS = "demographics.json"
BIOMETRICS = "biometrics.an2"
MEMBERS = (MANIFEST, SIGNATURES, DEMOGRAPHICS, BIOMETRICS)
MAX_MEMBER = 16 * 1024 * 1024
_DATE = (1980, 1, 1, 0, 0, 0)


def canonical(obj: Any, field: str = "json") -> bytes:
    """RFC 8785 (JCS) bytes; raises PacketInputError for values JCS cannot represent."""
    try:
        return rfc8785.dumps(obj)
    except (rfc8785.CanonicalizationError, TypeError, ValueError) as exc:
        raise bad_input(field, "cannot be written as canonical JSON (RFC 8785)",
                        "không ghi được thành JSON chuẩn tắc (RFC 8785)") from exc


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load_canonical(data: bytes, name: str) -> dict[str, Any]:
    """Parse a JSON object and insist it is in RFC 8785 form (so signed bytes are unambiguous)."""
    try:
        obj = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise malformed_packet(f"{name} is not UTF-8 JSON", f"{name} không phải JSON UTF-8",
                               field=name) from exc
    if not isinstance(obj, dict):
        raise malformed_packet(f"{name} is not a JSON object", f"{name} không phải đối tượng JSON",
                               field=name)
    try:
        again = rfc8785.dumps(obj)
    except (rfc8785.CanonicalizationError, TypeError, ValueError):
        again = b""
    if again != data:
        raise malformed_packet(f"{name} is not in RFC 8785 canonical form",
                               f"{name} không ở dạng chuẩn tắc RFC 8785", field=name)
    return obj


def write_archive(files: Mapping[str, bytes]) -> bytes:
    """The four members, in MEMBERS order, stored, with fixed dates and permissions."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_STORED) as zf:
        for name in MEMBERS:
            info = zipfile.ZipInfo(name, date_time=_DATE)
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            info.compress_type = zipfile.ZIP_STORED
            zf.writestr(info, files[name])
    return buf.getvalue()


def read_archive(data: bytes) -> dict[str, bytes]:
    """Members by name; raises MalformedPacket for anything but the exact expected layout."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise malformed_packet("the decrypted payload is not a ZIP archive",
                               "dữ liệu giải mã không phải tệp ZIP", field="archive") from exc
    with zf:
        infos = zf.infolist()
        names = tuple(i.filename for i in infos)
        if names != MEMBERS:
            raise malformed_packet(f"archive members are {list(names)}, expected {list(MEMBERS)}",
                                   f"tệp nén chứa {list(names)}, cần {list(MEMBERS)}",
                                   field="archive")
        out: dict[str, bytes] = {}
        for info in infos:
            if info.compress_type != zipfile.ZIP_STORED or info.file_size > MAX_MEMBER:
                raise malformed_packet(f"{info.filename} is compressed or too large",
                                       f"{info.filename} bị nén hoặc quá lớn", field=info.filename)
            try:
                out[info.filename] = zf.read(info)
            except (zipfile.BadZipFile, OSError) as exc:
                raise malformed_packet(f"{info.filename} is damaged (CRC)",
                                       f"{info.filename} bị hỏng (CRC)",
                                       field=info.filename) from exc
    return out
