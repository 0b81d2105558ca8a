"""Client for MOSIP SBI 0.9.5 fingerprint services (certified slap scanners) over loopback HTTP.

MOSIPDISC /device finds devices on 127.0.0.1:4501-4600, MOSIPDINFO /info gives the signed device
info, RCAPTURE /capture returns one signed entry per finger. Every JWS is checked (RS256 with the
x5c certificate; against `trusted` fingerprints when given), the hash chain is recomputed from
`previousHash`, and the transaction id must match: a device that fails any of these is not
believed (ProtocolError). Slaps come back as segmented fingers; the Capture holds a composite
for the slap record and the fingers in `meta["fingers"]`.
"""

from __future__ import annotations

import time
import uuid

import httpx
import numpy as np

from devices import errors
from devices.fingerprint import iso19794_4, jws
from devices.fingerprint import sbi_spec as spec
from devices.fingerprint.base import (
    ALL_POSITIONS,
    SLAP_FINGERS,
    Capture,
    DeviceInfo,
    FingerprintScanner,
    check_position,
)
from devices.prompts import NULL_PROMPTS, PromptHandler

_ERROR_TYPES: dict[int, type[errors.DeviceError]] = {
    101: errors.NoFinger, 112: errors.NoFinger, 110: errors.NotConnected,
    106: errors.NotConnected, 111: errors.DeviceBusy, 100: errors.AccessDenied,
    107: errors.AccessDenied,
}


def discover(host: str = "127.0.0.1", ports: range = spec.PORTS,
             timeout: float = 0.3) -> list[dict]:
    """Finger devices answering MOSIPDISC on each port; each dict gets a "port" key."""
    found: list[dict] = []
    with httpx.Client(timeout=timeout) as client:
        for port in ports:
            try:
                r = client.request(spec.METHOD_DISCOVER, f"http://{host}:{port}{spec.PATH_DISCOVER}",
                                   json={"type": "Finger"})
                items = r.json()
            except (httpx.HTTPError, ValueError):
                continue
            for item in items if isinstance(items, list) else []:
                if isinstance(item, dict) and item.get("deviceId") is not None:
                    found.append({**item, "port": port})
    return found


class SbiScanner(FingerprintScanner):
    """A slap scanner behind an SBI service; positions 13/14/15 and single fingers 1-10."""

    def __init__(self, port: int | None = None, *, host: str = "127.0.0.1",
                 env: str = "Staging", purpose: str = "Registration",
                 trusted: set[str] | None = None, call_timeout: float = 5.0,
                 requested_score: int = 40) -> None:
        self.host, self.port = host, port
        self.env, self.purpose = env, purpose
        self.trusted = trusted
        self.call_timeout = call_timeout
        self.requested_score = requested_score
        self._client: httpx.Client | None = None
        self._info: dict = {}
        self.previous_hash = ""  # chains captures within one enrollment; reset per person

    @property
    def device_id(self) -> str:
        return f"sbi:{self.host}:{self.port}"

    def _request(self, method: str, path: str, body: dict, timeout: float) -> object:
        if self._client is None:
            raise errors.NotConnected(kind="scanner", detail="service not open")
        try:
            r = self._client.request(method, f"http://{self.host}:{self.port}{path}", json=body,
                                     timeout=timeout)
            r.raise_for_status()
            return r.json()
        except httpx.ConnectError as exc:
            raise errors.Unplugged(detail="SBI service went away") from exc
        except httpx.TimeoutException as exc:
            raise errors.Timeout(detail=f"{method} timed out") from exc
        except (httpx.HTTPError, ValueError) as exc:
            raise errors.ProtocolError(detail=f"{method}: {type(exc).__name__}") from exc

    def open(self) -> None:
        if self._client is not None:
            return
        if self.port is None:
            devices = discover(self.host)
            if not devices:
                raise errors.NotConnected(detail="no SBI service on 4501-4600")
            self.port = int(devices[0]["port"])
        self._client = httpx.Client()
        try:
            answer = self._request(spec.METHOD_INFO, spec.PATH_INFO, {}, self.call_timeout)
            entry = answer[0] if isinstance(answer, list) and answer else {}
            payload, _cert = jws.verify(str(entry.get("deviceInfo", "")), self.trusted)
        except errors.Unplugged as exc:
            self.close()
            raise errors.NotConnected(detail="no SBI service at the port") from exc
        except jws.JwsError as exc:
            self.close()
            raise errors.ProtocolError(detail=f"device info: {exc}") from exc
        except errors.DeviceError:
            self.close()
            raise
        status = payload.get("deviceStatus")
        if status != "Ready":
            self.close()
            cls = errors.DeviceBusy if status == "Busy" else errors.NotConnected
            raise cls(detail=f"device status {status}")
        self._info = payload

    def reset_chain(self) -> None:
        """Start a new hash chain (call at the start of each person's capture)."""
        self.previous_hash = ""

    def close(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            client.close()

    def info(self) -> DeviceInfo:
        i = self._info
        return DeviceInfo(device_id=self.device_id, kind="sbi", model="MOSIP SBI slap scanner",
                          serial=str(i.get("deviceCode", "")), firmware=str(i.get("firmware", "")),
                          ppi=500, positions=ALL_POSITIONS,
                          extra={"certification": i.get("certification"),
                                 "specVersion": i.get("specVersion")})

    def capture(
        self, position: int, *, prompts: PromptHandler = NULL_PROMPTS, timeout: float = 15.0,
        rolled: bool = False, missing: tuple[int, ...] = (),
    ) -> Capture:
        pos = check_position(position)
        fingers = [f for f in SLAP_FINGERS.get(pos, (pos,)) if f not in missing]
        transaction = str(uuid.uuid4())
        body = {
            "env": self.env, "purpose": self.purpose, "specVersion": spec.SPEC_VERSION,
            "timeout": int(timeout * 1000), "transactionId": transaction,
            "captureTime": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
            "bio": [{"type": "Finger", "count": len(fingers),
                     "bioSubType": [spec.SUBTYPES[f] for f in fingers],
                     "exception": [spec.SUBTYPES[f] for f in missing],
                     "requestedScore": self.requested_score,
                     "deviceId": str(self._info.get("deviceId", "1")),
                     "deviceSubId": str(spec.sub_id_for(pos)),
                     "previousHash": self.previous_hash}],
            "customOpts": None,
        }
        prompts.place_finger(pos)
        answer = self._request(spec.METHOD_CAPTURE, spec.PATH_CAPTURE, body,
                               timeout + self.call_timeout)
        images, scores, last_hash = self._check(answer, transaction, set(fingers))
        prompts.lift_finger()
        self.previous_hash = last_hash
        image = images[pos] if pos in images else _composite(pos, images)
        return Capture(image=image, ppi=500, device_id=self.device_id, position=pos,
                       meta={"fingers": images, "device_scores": scores, "hash": last_hash,
                             "transaction_id": transaction})

    def _check(self, answer: object, transaction: str,
               fingers: set[int]) -> tuple[dict[int, np.ndarray], dict[int, int], str]:
        items = answer.get("biometrics") if isinstance(answer, dict) else None
        if not isinstance(items, list) or not items:
            raise errors.ProtocolError(detail="RCAPTURE without biometrics")
        images: dict[int, np.ndarray] = {}
        scores: dict[int, int] = {}
        previous = self.previous_hash
        for item in items:
            code = int(str((item.get("error") or {}).get("errorCode", "0")) or 0)
            if code:
                cls = _ERROR_TYPES.get(code, errors.DeviceFault)
                raise cls(detail=f"SBI error {code}: {spec.ERRORS.get(code, 'unknown')}")
            try:
                payload, _ = jws.verify(str(item.get("data", "")), self.trusted)
                record = jws.b64url_decode(str(payload["bioValue"]))
                reps = iso19794_4.decode(record)
            except (jws.JwsError, KeyError, ValueError) as exc:
                raise errors.ProtocolError(detail=f"biometric rejected: {exc}") from exc
            if payload.get("transactionId") != transaction:
                raise errors.ProtocolError(detail="transaction id mismatch")
            expected = spec.chain_hash(previous, record)
            if str(item.get("hash", "")).upper() != expected:
                raise errors.ProtocolError(detail="hash chain broken")
            previous = expected
            position = spec.POSITIONS.get(str(payload.get("bioSubType")))
            if position not in fingers or len(reps) != 1:
                raise errors.ProtocolError(detail="unexpected finger in answer")
            images[position] = reps[0].image
            scores[position] = int(payload.get("qualityScore") or 0)
        if set(images) != fingers:
            raise errors.ProtocolError(detail="fingers missing from answer")
        return images, scores, previous


def _composite(position: int, images: dict[int, np.ndarray]) -> np.ndarray:
    """Fingers side by side on white, in glass order, for the slap's own record."""
    order = [f for f in SLAP_FINGERS[position] if f in images]
    gap = 16
    h = max(images[f].shape[0] for f in order)
    w = sum(images[f].shape[1] for f in order) + gap * (len(order) + 1)
    canvas = np.full((h + 2 * gap, w), 255, np.uint8)
    x = gap
    for f in order:
        img = images[f]
        canvas[gap: gap + img.shape[0], x: x + img.shape[1]] = img
        x += img.shape[1] + gap
    return canvas
