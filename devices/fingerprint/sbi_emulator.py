"""A MOSIP SBI 0.9.5 slap-scanner service on 127.0.0.1:4501-4600, for the demo and tests.

Certified scanners ship such a service; MOSIP's own mock is Java. This one answers MOSIPDISC
/device, MOSIPDINFO /info and RCAPTURE /capture with synthetic slaps and singles, signs device
info and every biometric with RS256 under a self-signed certificate (x5c), chains the hashes as
the spec says, and can misbehave: device status, no finger, a tampered signature or a wrong hash.
Plain HTTP on loopback, as the specification has it. Request bodies are never logged.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from devices.fingerprint import iso19794_4, jws
from devices.fingerprint import sbi_spec as spec
from devices.fingerprint.base import SLAP_FINGERS
from devices.fingerprint.quality import assess, segment_slap
from devices.fingerprint.synthetic import generate_print, generate_slap


@dataclass
class SbiFaults:
    status: str = "Ready"  # or "Busy", "Not Ready", "Not Registered"
    no_finger: int = 0  # the next N captures find no finger (error 101)
    tamper_signature: bool = False  # corrupt the JWS signature of captures
    wrong_hash: bool = False  # break the hash chain
    delay: float = 0.0  # seconds before each capture answer


class SbiEmulator:
    """State and answers of one emulated slap device (serial, keys, faults, captures served)."""

    def __init__(self, *, seed: int = 1, quality: str = "good", faults: SbiFaults | None = None,
                 env: str = "Staging") -> None:
        self.seed, self.quality, self.env = seed, quality, env
        self.faults = faults or SbiFaults()
        self.serial = f"EMU{seed:06d}"
        self.key, self.cert = jws.self_signed(f"SBI emulator {self.serial}")
        self.device_id = "1"
        self.captures = 0
        self.port = 0

    @property
    def cert_fingerprint(self) -> str:
        return jws.fingerprint(self.cert)

    def _digital_id(self) -> dict:
        return {"serialNo": self.serial, "make": "EnrollStation", "model": "SLAP-EMU",
                "type": "Finger", "deviceSubType": "Slap", "deviceProvider": "enroll-station",
                "deviceProviderId": "enroll-station.emulator",
                "dateTime": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}

    def _device(self, signed: bool) -> dict:
        digital = self._digital_id()
        return {
            "deviceId": self.device_id, "deviceStatus": self.faults.status,
            "certification": "L0", "serviceVersion": "1.0", "deviceSubId": [1, 2, 3],
            "callbackId": f"http://127.0.0.1:{self.port}/", "deviceCode": self.serial,
            "specVersion": [spec.SPEC_VERSION], "purpose": "Registration", "firmware": "1.0.0",
            "env": self.env,
            "digitalId": (jws.sign(digital, self.key, self.cert) if signed
                          else jws.b64url(json.dumps(digital).encode())),
        }

    def discover(self, body: dict) -> list[dict]:
        if body.get("type") not in ("Biometric Device", "Finger"):
            return [{"error": {"errorCode": "502", "errorInfo": "Invalid type"}}]
        dev = self._device(signed=False)
        dev["error"] = {"errorCode": "0", "errorInfo": "Success"}
        return [dev]

    def info(self) -> list[dict]:
        return [{"deviceInfo": jws.sign(self._device(signed=True), self.key, self.cert),
                 "error": {"errorCode": "0", "errorInfo": "Success"}}]

    def _error(self, code: int) -> dict:
        return {"biometrics": [{"specVersion": spec.SPEC_VERSION, "data": "", "hash": "",
                                "error": {"errorCode": str(code),
                                          "errorInfo": spec.ERRORS.get(code, "Error")}}]}

    def capture(self, body: dict) -> dict:
        """The RCAPTURE answer for one request."""
        f = self.faults
        status_errors = {"Busy": 111, "Not Ready": 110, "Not Registered": 100}
        if f.status in status_errors:
            return self._error(status_errors[f.status])
        bios = body.get("bio") or []
        if body.get("specVersion") != spec.SPEC_VERSION or len(bios) != 1:
            return self._error(109)
        bio = bios[0]
        if bio.get("type") != "Finger" or str(bio.get("deviceId")) != self.device_id:
            return self._error(106)
        if f.delay:
            time.sleep(f.delay)
        if f.no_finger > 0:
            f.no_finger -= 1
            return self._error(101)
        try:
            sub_id = int(bio.get("deviceSubId"))
            slap = spec.SLAP_FOR_SUB_ID[sub_id]
        except (TypeError, ValueError, KeyError):
            return self._error(109)
        excluded = {spec.POSITIONS[n] for n in bio.get("exception") or [] if n in spec.POSITIONS}
        wanted = [spec.POSITIONS[n] for n in bio.get("bioSubType") or [] if n in spec.POSITIONS]
        fingers = [p for p in SLAP_FINGERS[slap] if p not in excluded]
        if wanted:
            fingers = [p for p in fingers if p in wanted]
        if not fingers or len(fingers) < int(bio.get("count") or len(fingers)):
            return self._error(109)
        images = self._images(slap, fingers, excluded)
        return {"biometrics": self._sign_all(body, bio, images)}

    def _images(self, slap: int, fingers: list[int], excluded: set[int]) -> list[tuple]:
        impression = self.captures
        self.captures += 1
        if len(fingers) == 1:  # a single finger: the device images it alone
            pos = fingers[0]
            img = generate_print(self.seed, position=pos, quality=self.quality,
                                 impression=impression)
            return [(pos, img, assess(img, pos).score or 0)]
        missing = tuple(p for p in SLAP_FINGERS[slap] if p not in fingers)
        image = generate_slap(self.seed, slap, quality=self.quality, impression=impression,
                              missing=missing)
        report = assess(image, slap, missing=missing)
        crops = segment_slap(image, report.gate, slap, missing=missing)
        return [(p, crops[p], report.finger_scores.get(p, 0)) for p in fingers if p in crops]

    def _sign_all(self, body: dict, bio: dict, images: list[tuple]) -> list[dict]:
        previous = str(bio.get("previousHash") or "")
        out = []
        for pos, img, score in images:
            record = iso19794_4.encode([iso19794_4.FingerImage(pos, img, 500, int(score))])
            payload = {
                "digitalId": jws.sign(self._digital_id(), self.key, self.cert),
                "deviceCode": self.serial, "deviceServiceVersion": "1.0", "bioType": "Finger",
                "bioSubType": spec.SUBTYPES[pos], "purpose": body.get("purpose", "Registration"),
                "env": body.get("env", self.env), "bioValue": jws.b64url(record),
                "transactionId": body.get("transactionId", ""),
                "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
                "requestedScore": bio.get("requestedScore", 0), "qualityScore": int(score),
            }
            token = jws.sign(payload, self.key, self.cert)
            if self.faults.tamper_signature:
                head, data, sig = token.split(".")
                token = f"{head}.{data}.{sig[:-4]}AAAA"
            digest = spec.chain_hash(previous, record)
            if self.faults.wrong_hash:
                digest = digest[::-1]
            previous = digest
            out.append({"specVersion": spec.SPEC_VERSION, "data": token, "hash": digest,
                        "error": {"errorCode": "0", "errorInfo": "Success"}})
        return out


class _Handler(BaseHTTPRequestHandler):
    server_version = "SBI-Emulator/1.0"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        return None  # quiet, and nothing about requests ends up in a log

    def _body(self) -> dict:
        length = int(self.headers.get("Content-Length") or 0)
        try:
            data = json.loads(self.rfile.read(length) or b"{}")
        except ValueError:
            data = {}
        return data if isinstance(data, dict) else {}

    def _send(self, obj: object, status: int = 200) -> None:
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _route(self, path: str, fn: Callable[[dict], object]) -> None:
        if self.path.rstrip("/") != path:
            self._send({"error": {"errorCode": "500", "errorInfo": "Invalid URL"}}, 404)
            return
        self._send(fn(self._body()))

    def do_MOSIPDISC(self) -> None:  # noqa: N802 - http.server dispatches on the method name
        self._route(spec.PATH_DISCOVER, self.server.emulator.discover)  # type: ignore[attr-defined]

    def do_MOSIPDINFO(self) -> None:  # noqa: N802
        self._route(spec.PATH_INFO, lambda _b: self.server.emulator.info())  # type: ignore[attr-defined]

    def do_RCAPTURE(self) -> None:  # noqa: N802
        self._route(spec.PATH_CAPTURE, self.server.emulator.capture)  # type: ignore[attr-defined]


def _bind(port: int | None) -> ThreadingHTTPServer:
    for candidate in ([port] if port else spec.PORTS):
        try:
            return ThreadingHTTPServer(("127.0.0.1", candidate), _Handler)
        except OSError:
            continue
    raise OSError("no free port in 4501-4600")


def start_sbi_emulator(
    *, port: int | None = None, seed: int = 1, quality: str = "good", **faults: object,
) -> tuple[int, Callable[[], None], SbiEmulator]:
    """Start the service in a thread; return (port, stop function, emulator)."""
    emu = SbiEmulator(seed=seed, quality=quality, faults=SbiFaults(**faults))  # type: ignore[arg-type]
    server = _bind(port)
    server.emulator = emu  # type: ignore[attr-defined]
    server.daemon_threads = True
    emu.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                              name="sbi-emulator", daemon=True)
    thread.start()

    def stop() -> None:
        server.shutdown()
        server.server_close()
        thread.join(timeout=2)

    return emu.port, stop, emu


def serve_forever(*, port: int | None = None, seed: int = 1, quality: str = "good",
                  print_fn: Callable[[str], None] = print,
                  stop: threading.Event | None = None, **faults: object) -> None:
    """For `enroll-station emulate sbi [--port N]`: print the URL, serve until Ctrl+C."""
    bound, stop_fn, emu = start_sbi_emulator(port=port, seed=seed, quality=quality, **faults)
    print_fn(f"http://127.0.0.1:{bound}")
    try:
        while not (stop.wait(0.5) if stop is not None else time.sleep(0.5)):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        stop_fn()


def port_is_open(port: int, host: str = "127.0.0.1", timeout: float = 0.2) -> bool:
    with socket.socket() as s:
        s.settimeout(timeout)
        return s.connect_ex((host, port)) == 0

