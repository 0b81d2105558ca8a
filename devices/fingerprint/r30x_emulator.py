"""An R30x scanner twin speaking the real UART protocol on a pseudo-terminal.

The emulator owns the master side of os.openpty(); the driver (or any serial tool) opens the
slave path like a USB-serial port. It serves synthetic 256 x 288 prints and can misbehave on
purpose (Faults): empty GenImg polls, garbage bytes before replies, corrupt checksums, a device
that stops answering (hung) or vanishes (unplugged), a password other than the default.
Optional pacing to the baud rate makes transfers take as long as on the wire.
"""

from __future__ import annotations

import os
import select
import struct
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from devices.fingerprint import r30x_protocol as p
from devices.fingerprint.synthetic import generate_print

ImageSource = Callable[[int], np.ndarray]  # capture index -> 288 x 256 uint8


@dataclass
class Faults:
    """Misbehaviour to inject; counters count down as faults are served."""

    no_finger_polls: int = 0  # GenImg answers "no finger" this many times per capture
    never_finger: bool = False  # nobody ever places a finger
    garbage_replies: int = 0  # next N replies are preceded by random garbage bytes
    bad_checksum_replies: int = 0  # next N acknowledge packets carry a wrong checksum
    bad_data_packets: int = 0  # next N image data packets carry a wrong checksum
    hang_after: int | None = None  # stop answering after this many commands
    unplug_after: int | None = None  # close the port after this many commands
    password: int = 0  # the device's password (VfyPwd with another value fails)


class _SyntheticImages:
    """Synthetic prints: capture i shows finger (i mod 10) + 1 of the person `seed`.

    The next print is made in the background while the current one is served, so GenImg answers
    as fast as a real sensor (~0.3 s of generation would otherwise sit inside the reply)."""

    def __init__(self, seed: int, quality: str) -> None:
        self.seed, self.quality = seed, quality
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="r30x-images")
        self._pending: dict[int, Future[np.ndarray]] = {}

    def _make(self, index: int) -> np.ndarray:
        return generate_print(self.seed, position=index % 10 + 1, quality=self.quality,
                              impression=index, width=p.IMAGE_WIDTH, height=p.IMAGE_HEIGHT)

    def __call__(self, index: int) -> np.ndarray:
        future = self._pending.pop(index, None)
        image = future.result() if future is not None else self._make(index)
        self._pending = {index + 1: self._pool.submit(self._make, index + 1)}
        return image


def default_images(seed: int = 1, quality: str = "good") -> ImageSource:
    """Synthetic prints of one person, fingers 1..10 in turn, prefetched."""
    return _SyntheticImages(seed, quality)


class R30xEmulator:
    """Protocol state machine; `handle()` maps one command packet to the bytes to send back."""

    def __init__(self, images: ImageSource | None = None, faults: Faults | None = None,
                 address: int = p.DEFAULT_ADDRESS, packet_size: int = 128,
                 baudrate: int = 57600, seed: int = 7) -> None:
        self.images = images or default_images()
        self.faults = faults or Faults()
        self.address = address
        self.packet_size = packet_size
        self.baudrate = baudrate
        self.rng = np.random.default_rng(seed)
        self.verified = self.faults.password == 0
        self.commands = 0
        self.captures = 0
        self.empty_polls = 0
        self.image: np.ndarray | None = None  # what the sensor holds (8-bit)
        self.sent_images: list[np.ndarray] = []  # every image uploaded (8-bit, before packing)
        self.hung = False
        self.unplugged = False

    def _ack(self, code: int, payload: bytes = b"") -> bytes:
        pkt = bytearray(p.ack(code, payload, self.address))
        if self.faults.bad_checksum_replies > 0:
            self.faults.bad_checksum_replies -= 1
            pkt[-1] ^= 0x5A
        return bytes(pkt)

    def handle(self, pkt: p.Packet) -> bytes:
        """The reply to one packet (b"" when the device would stay silent)."""
        if pkt.address != self.address:
            return b""  # not for us
        if not pkt.valid or pkt.pid != p.PID_COMMAND or not pkt.content:
            return self._ack(p.ERR_PACKET)
        self.commands += 1
        f = self.faults
        if f.unplug_after is not None and self.commands > f.unplug_after:
            self.unplugged = True
            return b""
        if f.hang_after is not None and self.commands > f.hang_after:
            self.hung = True
            return b""
        ins, params = pkt.content[0], pkt.content[1:]
        if ins == p.VFY_PWD:
            if len(params) != 4:
                return self._ack(p.ERR_PACKET)
            self.verified = struct.unpack(">I", params)[0] == f.password
            return self._ack(p.OK if self.verified else p.ERR_WRONG_PASSWORD)
        if not self.verified:
            return self._ack(p.ERR_NEED_PASSWORD)
        out = b""
        if f.garbage_replies > 0:
            f.garbage_replies -= 1
            # Random noise, including a false header, as a noisy line or a reset would produce.
            out = self.rng.integers(0, 256, 13, dtype=np.uint8).tobytes() + b"\xef\x01\xff"
        return out + self._dispatch(ins, params)

    def _dispatch(self, ins: int, params: bytes) -> bytes:
        if ins == p.HANDSHAKE:
            return self._ack(p.OK)
        if ins == p.READ_SYS_PARA:
            sp = p.SysParams(status=0, system_id=0x0009, library_size=1000, security_level=3,
                             address=self.address, packet_size=self.packet_size,
                             baudrate=self.baudrate)
            return self._ack(p.OK, sp.encode())
        if ins == p.TEMPLATE_NUM:
            return self._ack(p.OK, b"\x00\x00")
        if ins == p.GET_RANDOM_CODE:
            return self._ack(p.OK, self.rng.integers(0, 256, 4, dtype=np.uint8).tobytes())
        if ins == p.GEN_IMG:
            return self._gen_img()
        if ins == p.UP_IMAGE:
            return self._up_image()
        return self._ack(p.ERR_UNDEFINED)

    def _gen_img(self) -> bytes:
        f = self.faults
        if f.never_finger or self.empty_polls < f.no_finger_polls:
            self.empty_polls += 1
            return self._ack(p.ERR_NO_FINGER)
        self.empty_polls = 0
        img = np.asarray(self.images(self.captures), dtype=np.uint8)
        if img.shape != (p.IMAGE_HEIGHT, p.IMAGE_WIDTH):
            raise ValueError("image source must give 288 x 256 images")
        self.image = img
        self.captures += 1
        return self._ack(p.OK)

    def _up_image(self) -> bytes:
        if self.image is None:
            return self._ack(p.ERR_NO_IMAGE)
        self.sent_images.append(self.image.copy())
        data = p.pack_image(self.image)
        out = bytearray(self._ack(p.OK))
        n = self.packet_size
        for i in range(0, len(data), n):
            pid = p.PID_END if i + n >= len(data) else p.PID_DATA
            pkt = bytearray(p.build(pid, data[i: i + n], self.address))
            if self.faults.bad_data_packets > 0 and i >= len(data) // 2:
                self.faults.bad_data_packets -= 1
                pkt[-2] ^= 0x33  # line noise in the middle of the transfer
            out += pkt
        return bytes(out)


class PtyEmulator:
    """Runs an R30xEmulator on a pty master in a daemon thread; `path` is the serial port."""

    def __init__(self, emulator: R30xEmulator, pace_baud: int | None = None) -> None:
        self.emulator = emulator
        self.pace_baud = pace_baud
        import tty  # POSIX only: keeps this module importable on Windows (no pty there)

        self.master, self._slave = os.openpty()
        tty.setraw(self._slave)  # no echo, no line editing, 8-bit clean
        self.path = os.ttyname(self._slave)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="r30x-emulator", daemon=True)
        self._closed = False

    def start(self) -> PtyEmulator:
        self._thread.start()
        return self

    def _send(self, data: bytes) -> None:
        chunk = 64
        for i in range(0, len(data), chunk):
            part = data[i: i + chunk]
            os.write(self.master, part)
            if self.pace_baud:
                time.sleep(len(part) * 10 / self.pace_baud)  # start + 8 data + stop bits

    def _run(self) -> None:
        buf = bytearray()
        try:
            while not self._stop.is_set():
                ready, _, _ = select.select([self.master], [], [], 0.05)
                if not ready:
                    continue
                try:
                    buf += os.read(self.master, 4096)
                except OSError:
                    continue
                while (pkt := p.parse(buf)) is not None:
                    reply = self.emulator.handle(pkt)
                    if self.emulator.unplugged:
                        self._close_fds()  # the port vanishes: the driver sees EOF/EIO
                        return
                    if reply:
                        self._send(reply)
        except OSError:
            return

    def _close_fds(self) -> None:
        if not self._closed:
            self._closed = True
            for fd in (self.master, self._slave):
                try:
                    os.close(fd)
                except OSError:
                    pass

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout=2)
        self._close_fds()


def start_pty_emulator(
    *, seed: int = 1, quality: str = "good", images: ImageSource | None = None,
    pace_baud: int | None = None, **faults: object,
) -> tuple[str, Callable[[], None], R30xEmulator]:
    """Start an emulator; return (serial path, stop function, the emulator for inspection).

    `faults` are Faults fields: no_finger_polls, never_finger, garbage_replies,
    bad_checksum_replies, hang_after, unplug_after, password."""
    emu = R30xEmulator(images or default_images(seed, quality), Faults(**faults))  # type: ignore[arg-type]
    runner = PtyEmulator(emu, pace_baud).start()
    return runner.path, runner.stop, emu


def serve_forever(
    *, seed: int = 1, quality: str = "good", pace_baud: int | None = None,
    print_fn: Callable[[str], None] = print, stop: threading.Event | None = None,
    **faults: object,
) -> None:
    """For `enroll-station emulate r30x --pty`: print the serial path, serve until Ctrl+C."""
    path, stop_fn, _ = start_pty_emulator(seed=seed, quality=quality, pace_baud=pace_baud,
                                          **faults)
    print_fn(path)
    try:
        while not (stop.wait(0.5) if stop is not None else time.sleep(0.5)):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        stop_fn()
