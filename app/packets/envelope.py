"""The outer envelope: a station-signed header in front of the HPKE-sealed archive.

Byte layout (all integers big-endian):
  magic        8   b"ENRPKT\\x00\\x01"
  header_len   4   1..65536
  header       header_len   RFC 8785 JSON (EnvelopeHeader)
  signature    64  Ed25519 by the station over HEADER_CONTEXT + header
  payload_len  8
  payload      payload_len  HPKE: enc (32) || AES-256-GCM ciphertext+tag
Nothing may follow. The centre checks all of it before decrypting anything.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives import hpke

from app.packets.archive import canonical, load_canonical, sha256_hex
from app.packets.errors import malformed_envelope
from app.packets.inputs import ID_RE
from app.packets.keys import CentrePublicKey, CentreSealKey, SigningKey

MAGIC = b"ENRPKT\x00\x01"
ENVELOPE_FORMAT = "enroll-station/packet"
FORMAT_VERSION = 1
HPKE_SUITE_NAME = "DHKEM(X25519,HKDF-SHA256)/HKDF-SHA256/AES-256-GCM"
HEADER_CONTEXT = b"enroll-station/envelope-header/v1\x00"
MAX_HEADER = 65536
MAX_PAYLOAD = 64 * 1024 * 1024
_HEX16 = re.compile(r"^[0-9a-f]{16}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
_HEADER_KEYS = {"format", "format_version", "packet_id", "station_id", "station_key_id",
                "centre_key_id", "hpke_suite", "payload_size", "payload_sha256", "created_at"}


@dataclass(frozen=True)
class EnvelopeHeader:
    packet_id: str
    station_id: str
    station_key_id: str
    centre_key_id: str
    payload_size: int
    payload_sha256: str
    created_at: str
    format: str = ENVELOPE_FORMAT
    format_version: int = FORMAT_VERSION
    hpke_suite: str = HPKE_SUITE_NAME

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in sorted(_HEADER_KEYS)}

    def to_bytes(self) -> bytes:
        return canonical(self.as_dict(), "header")


def hpke_info(packet_id: str, station_id: str) -> bytes:
    """HPKE `info`: binds the format version, packet id and station id to the ciphertext."""
    return canonical({"format": ENVELOPE_FORMAT, "format_version": FORMAT_VERSION,
                      "packet_id": packet_id, "station_id": station_id}, "info")


def seal_payload(archive: bytes, centre: CentrePublicKey, packet_id: str, station_id: str) -> bytes:
    return SUITE.encrypt(archive, centre.public, info=hpke_info(packet_id, station_id))


def open_payload(payload: bytes, key: CentreSealKey, packet_id: str, station_id: str) -> bytes:
    """Raises cryptography.exceptions.InvalidTag (or ValueError) on any mismatch."""
    return SUITE.decrypt(payload, key.private, info=hpke_info(packet_id, station_id))


def write_envelope(header: EnvelopeHeader, station_key: SigningKey, payload: bytes) -> bytes:
    head = header.to_bytes()
    sig = station_key.sign(HEADER_CONTEXT + head)
    return b"".join((MAGIC, struct.pack(">I", len(head)), head, sig,
                     struct.pack(">Q", len(payload)), payload))


@dataclass(frozen=True)
class RawEnvelope:
    header: EnvelopeHeader
    header_bytes: bytes
    signature: bytes
    payload: bytes


def split_envelope(data: bytes) -> RawEnvelope:
    """Structural parse only (no signature, no hash): raises MalformedEnvelope precisely."""
    data = bytes(data)
    if len(data) < 8 or data[:6] != MAGIC[:6]:
        raise malformed_envelope("missing magic bytes (not an enroll-station packet)",
                                 "thiếu chuỗi nhận dạng (không phải gói tin của trạm)")
    if data[:8] != MAGIC:
        raise malformed_envelope(f"unsupported envelope version {data[6:8].hex()}",
                                 f"phiên bản phong bì không hỗ trợ {data[6:8].hex()}")
    if len(data) < 12:
        raise malformed_envelope("truncated before the header length",
                                 "bị cắt trước độ dài phần đầu")
    (hlen,) = struct.unpack(">I", data[8:12])
    if not 1 <= hlen <= MAX_HEADER:
        raise malformed_envelope(f"header length {hlen} out of range",
                                 f"độ dài phần đầu {hlen} ngoài khoảng")
    end_head = 12 + hlen
    if len(data) < end_head + 64 + 8:
        raise malformed_envelope("truncated in the header or signature",
                                 "bị cắt trong phần đầu hoặc chữ ký")
    head = data[12:end_head]
    sig = data[end_head:end_head + 64]
    (plen,) = struct.unpack(">Q", data[end_head + 64:end_head + 72])
    payload = data[end_head + 72:]
    if plen > MAX_PAYLOAD:
        raise malformed_envelope(f"payload length {plen} exceeds the limit",
                                 f"độ dài dữ liệu {plen} vượt giới hạn")
    if len(payload) < plen:
        raise malformed_envelope(f"payload truncated: {len(payload)} of {plen} bytes present",
                                 f"dữ liệu bị cắt: có {len(payload)} trên {plen} byte")
    if len(payload) > plen:
        raise malformed_envelope(f"{len(payload) - plen} unexpected bytes after the payload",
                                 f"có {len(payload) - plen} byte thừa sau dữ liệu")
    return RawEnvelope(_parse_header(head), head, sig, payload)


def _parse_header(head: bytes) -> EnvelopeHeader:
    try:
        obj = load_canonical(head, "header")
    except Exception as exc:  # MalformedPacket from load_canonical -> envelope-level error
        raise malformed_envelope("header is not canonical JSON",
                                 "phần đầu không phải JSON chuẩn tắc") from exc
    if set(obj) != _HEADER_KEYS:
        raise malformed_envelope(f"header fields are {sorted(obj)}",
                                 f"các trường phần đầu là {sorted(obj)}")
    if obj["format"] != ENVELOPE_FORMAT or obj["format_version"] != FORMAT_VERSION:
        raise malformed_envelope(f"unsupported format {obj['format']} v{obj['format_version']}",
                                 f"định dạng không hỗ trợ {obj['format']} v{obj['format_version']}")
    if obj["hpke_suite"] != HPKE_SUITE_NAME:
        raise malformed_envelope(f"unsupported HPKE suite {obj['hpke_suite']}",
                                 f"bộ HPKE không hỗ trợ {obj['hpke_suite']}")
    ints = isinstance(obj["payload_size"], int) and not isinstance(obj["payload_size"], bool)
    strs = all(isinstance(obj[k], str) for k in _HEADER_KEYS - {"format_version", "payload_size"})
    if not (ints and strs):
        raise malformed_envelope("header field types are wrong", "kiểu trường phần đầu sai")
    if not (_HEX16.match(obj["station_key_id"]) and _HEX16.match(obj["centre_key_id"])
            and _HEX64.match(obj["payload_sha256"]) and _TIME.match(obj["created_at"])
            and ID_RE.match(obj["packet_id"]) and ID_RE.match(obj["station_id"])):
        raise malformed_envelope("an id, key id, hash or time in the header is malformed",
                                 "mã, mã khóa, giá trị băm hoặc thời điểm trong phần đầu sai dạng")
    return EnvelopeHeader(**obj)


def payload_digest(payload: bytes) -> str:
    return sha256_hex(payload)
