"""ZhianTec R30x / R307 / R503 / AS608 UART packets, shared by the driver and its emulator.

Packet: EF 01 | address (4, big endian) | packet id (1) | length (2) = len(content) + 2 |
content | checksum (2) = (packet id + both length bytes + content bytes) mod 65536.
Packet ids: 01 command, 02 data, 07 acknowledge, 08 last data packet. A command's content is the
instruction code and its parameters; an acknowledge's content starts with a confirmation code.
The parser works on a growing buffer so both sides resynchronise the same way after garbage:
skip to the next EF 01 and try again; a frame with an impossible length is garbage too.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

import numpy as np

HEADER = b"\xef\x01"
DEFAULT_ADDRESS = 0xFFFFFFFF
PID_COMMAND, PID_DATA, PID_ACK, PID_END = 0x01, 0x02, 0x07, 0x08
_PIDS = {PID_COMMAND, PID_DATA, PID_ACK, PID_END}
MAX_CONTENT = 256 + 32  # data packets carry at most 256 bytes; commands far less
_FIXED = 9  # header + address + pid + length

# Instruction codes (ZFM-20 user manual, R30x/R503 datasheets).
GEN_IMG = 0x01
IMG2TZ = 0x02
UP_IMAGE = 0x0A
READ_SYS_PARA = 0x0F
VFY_PWD = 0x13
GET_RANDOM_CODE = 0x14
TEMPLATE_NUM = 0x1D
HANDSHAKE = 0x40

# Confirmation codes.
OK = 0x00
ERR_PACKET = 0x01
ERR_NO_FINGER = 0x02
ERR_ENROLL = 0x03
ERR_DISORDERLY = 0x06
ERR_FEW_FEATURES = 0x07
ERR_UPLOAD_IMAGE = 0x0F
ERR_WRONG_PASSWORD = 0x13
ERR_NO_IMAGE = 0x15
ERR_FLASH = 0x18
ERR_UNDEFINED = 0x19
ERR_PORT = 0x1D
ERR_NEED_PASSWORD = 0x21  # R503: password not verified yet

CONFIRMATION_NAMES = {
    OK: "ok", ERR_PACKET: "packet receive error", ERR_NO_FINGER: "no finger",
    ERR_ENROLL: "failed to collect image", ERR_DISORDERLY: "image too disorderly",
    ERR_FEW_FEATURES: "too few features", ERR_UPLOAD_IMAGE: "failed to upload image",
    ERR_WRONG_PASSWORD: "wrong password", ERR_NO_IMAGE: "no valid image in buffer",
    ERR_FLASH: "flash write error", ERR_UNDEFINED: "undefined error", ERR_PORT: "port error",
    ERR_NEED_PASSWORD: "password not verified",
}

IMAGE_WIDTH, IMAGE_HEIGHT = 256, 288
IMAGE_BYTES = IMAGE_WIDTH * IMAGE_HEIGHT // 2  # 4 bits per pixel
PACKET_SIZES = {0: 32, 1: 64, 2: 128, 3: 256}  # ReadSysPara data-packet size code -> bytes


def checksum(pid: int, content: bytes) -> int:
    length = len(content) + 2
    return (pid + (length >> 8) + (length & 0xFF) + sum(content)) & 0xFFFF


def build(pid: int, content: bytes, address: int = DEFAULT_ADDRESS) -> bytes:
    """One packet as bytes."""
    if len(content) > MAX_CONTENT:
        raise ValueError("packet content too long")
    length = len(content) + 2
    return (HEADER + struct.pack(">IBH", address, pid, length) + content
            + struct.pack(">H", checksum(pid, content)))


def command(instruction: int, params: bytes = b"", address: int = DEFAULT_ADDRESS) -> bytes:
    return build(PID_COMMAND, bytes([instruction]) + params, address)


def ack(code: int, payload: bytes = b"", address: int = DEFAULT_ADDRESS) -> bytes:
    return build(PID_ACK, bytes([code]) + payload, address)


@dataclass(frozen=True)
class Packet:
    """A framed packet; `valid` is False when its checksum did not match."""

    address: int
    pid: int
    content: bytes
    valid: bool = True

    @property
    def code(self) -> int:
        """Instruction (command) or confirmation code (acknowledge)."""
        return self.content[0] if self.content else -1


@dataclass
class ParseStats:
    skipped: int = 0  # garbage bytes dropped while looking for a header
    bad_checksums: int = 0


def parse(buf: bytearray, stats: ParseStats | None = None) -> Packet | None:
    """Take one packet off the front of `buf` (mutated), dropping garbage; None = need more."""
    stats = stats if stats is not None else ParseStats()
    while True:
        start = buf.find(HEADER)
        if start < 0:
            keep = 1 if buf[-1:] == HEADER[:1] else 0
            stats.skipped += len(buf) - keep
            del buf[: len(buf) - keep]
            return None
        if start:
            stats.skipped += start
            del buf[:start]
        if len(buf) < _FIXED:
            return None
        address, pid, length = struct.unpack(">IBH", bytes(buf[2:_FIXED]))
        if pid not in _PIDS or length < 2 or length > MAX_CONTENT + 2:
            stats.skipped += 1  # not a real header: resynchronise one byte further on
            del buf[:1]
            continue
        end = _FIXED + length
        if len(buf) < end:
            return None
        content = bytes(buf[_FIXED: end - 2])
        (received,) = struct.unpack(">H", bytes(buf[end - 2: end]))
        del buf[:end]
        valid = received == checksum(pid, content)
        if not valid:
            stats.bad_checksums += 1
        return Packet(address, pid, content, valid)


def pack_image(image: np.ndarray) -> bytes:
    """8-bit image (rows x cols, even width) -> 4-bit pairs, high nibble first (UpImage)."""
    pairs = np.ascontiguousarray(image, dtype=np.uint8).reshape(-1, 2)
    return ((pairs[:, 0] & 0xF0) | (pairs[:, 1] >> 4)).astype(np.uint8).tobytes()


def unpack_image(data: bytes, width: int = IMAGE_WIDTH, height: int = IMAGE_HEIGHT) -> np.ndarray:
    """4-bit pairs -> 8-bit image; each nibble n becomes n * 17 so 0..15 spans 0..255."""
    if len(data) != width * height // 2:
        raise ValueError(f"image data is {len(data)} bytes, expected {width * height // 2}")
    raw = np.frombuffer(data, dtype=np.uint8)
    out = np.empty(raw.size * 2, dtype=np.uint8)
    out[0::2] = raw >> 4
    out[1::2] = raw & 0x0F
    return (out * 17).reshape(height, width)


def quantise(image: np.ndarray) -> np.ndarray:
    """What an 8-bit image looks like after the 4-bit round trip."""
    return (np.asarray(image, dtype=np.uint8) >> 4) * 17


@dataclass(frozen=True)
class SysParams:
    """ReadSysPara answer (16 bytes after the confirmation code)."""

    status: int
    system_id: int
    library_size: int
    security_level: int
    address: int
    packet_size: int  # bytes per data packet
    baudrate: int

    @classmethod
    def decode(cls, data: bytes) -> SysParams:
        if len(data) < 16:
            raise ValueError("short system parameter block")
        status, sysid, lib, sec, addr, size_code, baud_n = struct.unpack(">HHHHIHH", data[:16])
        return cls(status, sysid, lib, sec, addr, PACKET_SIZES.get(size_code, 128),
                   baud_n * 9600)

    def encode(self) -> bytes:
        code = {v: k for k, v in PACKET_SIZES.items()}[self.packet_size]
        return struct.pack(">HHHHIHH", self.status, self.system_id, self.library_size,
                           self.security_level, self.address, code, self.baudrate // 9600)
