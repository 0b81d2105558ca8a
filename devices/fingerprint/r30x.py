"""Driver for ZhianTec R30x / R307 / R503 / AS608 optical scanners on a serial port (pyserial).

Every reply is framed and checksum-verified (r30x_protocol); garbage before a header is skipped.
Each call has its own deadline: a device that goes quiet raises Timeout, a port that vanishes
raises Unplugged, confirmation codes become typed errors. Idempotent commands are re-sent once
after a corrupt reply. The sensor gives 256 x 288 images at 500 ppi, 4 bits per pixel.
Not thread-safe: one I/O thread owns a scanner.
"""

from __future__ import annotations

import struct
import time

import serial

from devices import errors
from devices.fingerprint import r30x_protocol as p
from devices.fingerprint.base import (
    IMPRESSION_PLAIN,
    SINGLE_FINGERS,
    Capture,
    DeviceInfo,
    FingerprintScanner,
    SelfTestReport,
    check_position,
)
from devices.prompts import NULL_PROMPTS, PromptHandler

SENSOR_PPI = 500


class R30xScanner(FingerprintScanner):
    """One R30x-family scanner at `port` (e.g. /dev/ttyUSB0, COM3, or an emulator's pty)."""

    def __init__(
        self, port: str, *, baudrate: int = 57600, address: int = p.DEFAULT_ADDRESS,
        password: int = 0, call_timeout: float = 1.0, poll_interval: float = 0.05,
        retries: int = 1,
    ) -> None:
        self.port = port
        self.baudrate = baudrate
        self.address = address
        self.password = password
        self.call_timeout = call_timeout
        self.poll_interval = poll_interval
        self.retries = retries
        self._ser: serial.Serial | None = None
        self._buf = bytearray()
        self.stats = p.ParseStats()
        self.params: p.SysParams | None = None

    # -- connection ----------------------------------------------------------------------------
    def open(self) -> None:
        if self._ser is not None:
            return
        try:
            self._ser = serial.Serial(self.port, self.baudrate, timeout=0.05, write_timeout=2.0)
        except (serial.SerialException, OSError) as exc:
            raise errors.NotConnected(detail=f"cannot open port: {type(exc).__name__}") from exc
        self._buf.clear()
        try:
            self.verify_password()
            self.params = self.read_sys_params()
        except errors.Timeout as exc:
            self.close()
            raise errors.NotConnected(detail="no answer to handshake (port, baud?)") from exc
        except errors.DeviceError:
            self.close()
            raise

    def close(self) -> None:
        ser, self._ser = self._ser, None
        if ser is not None:
            try:
                ser.close()
            except (serial.SerialException, OSError):
                pass

    @property
    def device_id(self) -> str:
        return f"r30x:{self.port}"

    # -- packet I/O ----------------------------------------------------------------------------
    def _port(self) -> serial.Serial:
        if self._ser is None:
            raise errors.NotConnected(detail="port not open")
        return self._ser

    def _write(self, data: bytes) -> None:
        ser = self._port()
        try:
            ser.reset_input_buffer()  # stale bytes from an earlier, abandoned reply
            self._buf.clear()
            ser.write(data)
        except (serial.SerialException, OSError) as exc:
            self.close()
            raise errors.Unplugged(detail=f"write failed: {type(exc).__name__}") from exc

    def _read_packet(self, deadline: float) -> p.Packet:
        ser = self._port()
        while True:
            pkt = p.parse(self._buf, self.stats)
            if pkt is not None:
                if not pkt.valid:
                    raise errors.ProtocolError(detail="bad checksum")
                if pkt.address != self.address:
                    raise errors.ProtocolError(detail="reply from another address")
                return pkt
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise errors.Timeout(detail="no complete reply")
            try:
                ser.timeout = min(remaining, 0.1)
                chunk = ser.read(max(1, ser.in_waiting))
            except (serial.SerialException, OSError) as exc:
                self.close()
                raise errors.Unplugged(detail=f"read failed: {type(exc).__name__}") from exc
            self._buf.extend(chunk)

    def _drain(self, quiet: float = 0.1, limit: float = 3.0) -> int:
        """Read and drop bytes until the line has been quiet for `quiet` s (rest of a transfer)."""
        ser = self._port()
        end = time.monotonic() + limit
        dropped = 0
        try:
            ser.timeout = quiet
            while time.monotonic() < end:
                chunk = ser.read(4096)
                if not chunk:
                    break
                dropped += len(chunk)
        except (serial.SerialException, OSError) as exc:
            self.close()
            raise errors.Unplugged(detail=f"read failed: {type(exc).__name__}") from exc
        self._buf.clear()
        self.stats.skipped += dropped
        return dropped

    def _read_ack(self, deadline: float) -> p.Packet:
        """The next acknowledge; data packets left over from an abandoned transfer are dropped."""
        while True:
            pkt = self._read_packet(deadline)
            if pkt.pid in (p.PID_DATA, p.PID_END):
                self.stats.skipped += len(pkt.content) + 11
                continue
            return pkt

    def _call(self, instruction: int, params: bytes = b"", timeout: float | None = None,
              retries: int | None = None) -> p.Packet:
        """Send a command and return its acknowledge; re-send after a corrupt reply."""
        tries = 1 + (self.retries if retries is None else retries)
        for attempt in range(tries):
            self._write(p.command(instruction, params, self.address))
            try:
                reply = self._read_ack(time.monotonic() + (timeout or self.call_timeout))
            except errors.ProtocolError:
                if attempt + 1 >= tries:
                    raise
                continue
            if reply.pid != p.PID_ACK or not reply.content:
                if attempt + 1 >= tries:
                    raise errors.ProtocolError(detail=f"unexpected packet id {reply.pid:#04x}")
                continue
            if reply.code == p.ERR_PACKET and attempt + 1 < tries:
                continue  # the device saw a corrupt command: send it again
            return reply
        raise AssertionError("unreachable")

    # -- commands ------------------------------------------------------------------------------
    def verify_password(self) -> None:
        reply = self._call(p.VFY_PWD, struct.pack(">I", self.password))
        if reply.code == p.ERR_WRONG_PASSWORD:
            raise errors.AccessDenied(detail="VfyPwd refused")
        self._expect_ok(reply, "VfyPwd")

    def read_sys_params(self) -> p.SysParams:
        reply = self._call(p.READ_SYS_PARA)
        self._expect_ok(reply, "ReadSysPara")
        try:
            return p.SysParams.decode(reply.content[1:])
        except ValueError as exc:
            raise errors.ProtocolError(detail="short ReadSysPara reply") from exc

    def _expect_ok(self, reply: p.Packet, what: str) -> None:
        if reply.code == p.OK:
            return
        name = p.CONFIRMATION_NAMES.get(reply.code, f"code {reply.code:#04x}")
        detail = f"{what}: {name}"
        if reply.code == p.ERR_NEED_PASSWORD:
            raise errors.AccessDenied(detail=detail)
        if reply.code == p.ERR_NO_FINGER:
            raise errors.NoFinger(detail=detail)
        if reply.code == p.ERR_PACKET:
            raise errors.ProtocolError(detail=detail)
        raise errors.DeviceFault(detail=detail)

    def wait_for_finger(self, timeout: float, prompts: PromptHandler = NULL_PROMPTS) -> int:
        """Poll GenImg until a finger is imaged; return the number of empty polls."""
        deadline = time.monotonic() + timeout
        empty = 0
        failures = 0
        while True:
            # Imaging takes up to ~1 s on real sensors: allow more than an ordinary call.
            reply = self._call(p.GEN_IMG, timeout=max(self.call_timeout, 2.0))
            if reply.code == p.OK:
                return empty
            if reply.code == p.ERR_NO_FINGER:
                empty += 1
                if empty == 1:
                    prompts.info("waiting for finger")
            elif reply.code == p.ERR_ENROLL and failures < 3:
                failures += 1  # smudged or moving finger: the device asks to try again
            else:
                self._expect_ok(reply, "GenImg")
            if time.monotonic() + self.poll_interval >= deadline:
                raise errors.NoFinger(detail=f"no finger after {empty} polls")
            time.sleep(self.poll_interval)

    def upload_image(self) -> bytes:
        """UpImage: the image buffer as data packets, the last with id 08; 4-bit packed bytes."""
        reply = self._call(p.UP_IMAGE)
        self._expect_ok(reply, "UpImage")
        data = bytearray()
        # 36,864 bytes: generous deadline so slow baud rates (9600 baud ~ 40 s) still work.
        bits = (p.IMAGE_BYTES * 1.2) * 10 / max(self.baudrate, 9600)
        deadline = time.monotonic() + self.call_timeout + bits * 1.5
        while True:
            pkt = self._read_packet(deadline)
            if pkt.pid not in (p.PID_DATA, p.PID_END):
                raise errors.ProtocolError(detail=f"packet id {pkt.pid:#04x} inside image data")
            data += pkt.content
            if len(data) > p.IMAGE_BYTES:
                raise errors.ProtocolError(detail="image data longer than the sensor")
            if pkt.pid == p.PID_END:
                break
        if len(data) != p.IMAGE_BYTES:
            raise errors.ProtocolError(detail=f"image data {len(data)} bytes")
        return bytes(data)

    def _upload_with_retry(self) -> bytes:
        """The sensor keeps its image buffer, so a transfer spoiled by noise can be asked again."""
        for attempt in range(1 + self.retries):
            try:
                return self.upload_image()
            except errors.ProtocolError:
                if attempt >= self.retries:
                    raise
                self._drain()
        raise AssertionError("unreachable")

    # -- FingerprintScanner --------------------------------------------------------------------
    def capture(
        self, position: int, *, prompts: PromptHandler = NULL_PROMPTS, timeout: float = 15.0,
        rolled: bool = False, missing: tuple[int, ...] = (),
    ) -> Capture:
        pos = check_position(position)
        if pos not in SINGLE_FINGERS:
            raise ValueError("an R30x sensor takes one finger at a time (positions 1-10)")
        self._port()
        prompts.place_finger(pos)
        polls = self.wait_for_finger(timeout, prompts)
        image = p.unpack_image(self._upload_with_retry())
        prompts.lift_finger()
        return Capture(image=image, ppi=SENSOR_PPI, device_id=self.device_id, position=pos,
                       impression=IMPRESSION_PLAIN,
                       meta={"empty_polls": polls, "rolled_requested": rolled,
                             "model": "R30x"})

    def info(self) -> DeviceInfo:
        params = self.params
        extra: dict[str, object] = {}
        if params is not None:
            extra = {"system_id": params.system_id, "library_size": params.library_size,
                     "packet_size": params.packet_size, "baudrate": params.baudrate}
        return DeviceInfo(device_id=self.device_id, kind="r30x", model="ZhianTec R30x",
                          image_width=p.IMAGE_WIDTH, image_height=p.IMAGE_HEIGHT,
                          ppi=SENSOR_PPI, positions=SINGLE_FINGERS, extra=extra)

    def self_test(self) -> SelfTestReport:
        start = time.monotonic()
        checks: list[tuple[str, bool, str]] = []
        try:
            was_open = self._ser is not None
            self.open()
            checks.append(("open", True, "handshake ok" if not was_open else "already open"))
            params = self.read_sys_params()
            checks.append(("sys_params", True, f"packet {params.packet_size} B"))
            reply = self._call(p.TEMPLATE_NUM)
            checks.append(("template_count", reply.code == p.OK,
                           p.CONFIRMATION_NAMES.get(reply.code, hex(reply.code))))
        except errors.DeviceError as exc:
            checks.append(("device", False, exc.code))
        return SelfTestReport(self.device_id, tuple(checks), time.monotonic() - start)
