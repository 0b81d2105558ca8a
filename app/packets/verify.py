"""Verify and open packets: the centre, the reference server and `verify-packet` share this.

- `verify_envelope(data, station_keys)`: cheap, before decrypting (structure, size, hash, station
  signature against a trusted key).
- `open_packet(data, centre_keys, trusted)`: everything; raises the first failure as a typed
  PacketError; returns an OpenedPacket.
- `check_packet(data, centre_keys, trusted=None)`: runs every check it can and returns a list of
  CheckResult (for `verify-packet --json`); never raises a PacketError.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from app.packets import an2, checks
from app.packets.archive import (
    BIOMETRICS,
    DEMOGRAPHICS,
    MANIFEST,
    SIGNATURES,
    load_canonical,
    read_archive,
    sha256_hex,
)
from app.packets.envelope import HEADER_CONTEXT, EnvelopeHeader, open_payload, split_envelope
from app.packets.errors import (
    DecryptionFailed,
    KeyMismatch,
    PacketError,
    bad_signature,
    hash_mismatch,
    malformed_envelope,
    malformed_packet,
)
from app.packets.keys import CentreKeys, CentreSealKey, KeyLookup, VerifyKey


@dataclass(frozen=True)
class CheckResult:
    """One named check: status ok / fail / warn / skipped, with the error code and vi/en text."""

    name: str
    status: str
    code: str | None = None
    en: str = ""
    vi: str = ""

    def as_dict(self) -> dict[str, str | None]:
        return {"name": self.name, "status": self.status, "code": self.code, "en": self.en,
                "vi": self.vi}


@dataclass
class OpenedPacket:
    header: EnvelopeHeader
    envelope_sha256: str
    manifest: dict[str, Any]
    signatures: dict[str, dict[str, str]]
    demographics: dict[str, Any]
    transaction: an2.Transaction
    checks: list[CheckResult] = field(default_factory=list)


def _station_key(header: EnvelopeHeader, lookup: KeyLookup) -> VerifyKey:
    key = lookup("station", header.station_id, header.station_key_id)
    if key is None:
        raise bad_signature("station", f"station key {header.station_key_id} is not trusted for "
                            f"station {header.station_id}", f"khóa {header.station_key_id} của "
                            f"trạm {header.station_id} không được tin cậy")
    return key


def _check_header_signature(raw, key: VerifyKey) -> None:
    if not key.verify(raw.signature, HEADER_CONTEXT + raw.header_bytes):
        raise bad_signature("station", "the envelope header signature does not verify",
                            "chữ ký phần đầu phong bì không đúng")


def _check_payload(raw) -> None:
    h = raw.header
    if h.payload_size != len(raw.payload):
        raise malformed_envelope(f"header says {h.payload_size} payload bytes, found "
                                 f"{len(raw.payload)}", f"phần đầu ghi {h.payload_size} byte, "
                                 f"thực có {len(raw.payload)}")
    if sha256_hex(raw.payload) != h.payload_sha256:
        raise hash_mismatch("payload")


def verify_envelope(data: bytes, station_keys: KeyLookup) -> EnvelopeHeader:
    """Reject garbage before decrypting: structure, payload size and hash, station signature."""
    raw = split_envelope(data)
    _check_payload(raw)
    _check_header_signature(raw, _station_key(raw.header, station_keys))
    return raw.header


def _seal_key(header: EnvelopeHeader, keys: CentreKeys | Mapping[str, CentreSealKey]):
    seal = keys.seal_keys if isinstance(keys, CentreKeys) else keys
    key = seal.get(header.centre_key_id)
    if key is None:
        held = ", ".join(sorted(seal)) or "none"
        raise KeyMismatch("centre_key_unknown",
                          f"Gói tin được niêm phong cho khóa trung tâm {header.centre_key_id}; "
                          f"thư mục khóa chỉ có: {held}.",
                          f"The packet is sealed to centre key {header.centre_key_id}; the key "
                          f"directory holds only: {held}.", field="centre_key_id")
    return key


def _decrypt(raw, key: CentreSealKey) -> bytes:
    try:
        return open_payload(raw.payload, key, raw.header.packet_id, raw.header.station_id)
    except Exception as exc:  # InvalidTag, ValueError: any failure means the same thing here
        raise DecryptionFailed(
            "decrypt_failed",
            "Không giải mã được dữ liệu: khóa trung tâm, mã gói tin hoặc mã trạm không khớp "
            "với lúc niêm phong, hoặc dữ liệu bị sửa.",
            "The payload does not decrypt: the centre key, packet id or station id differ from "
            "sealing time, or the ciphertext was altered.", field="payload") from exc


class _Runner:
    """Runs checks in order; a check whose prerequisite failed is recorded as skipped."""

    def __init__(self, strict: bool) -> None:
        self.strict = strict
        self.results: list[CheckResult] = []

    def run(self, name: str, fn: Callable[[], Any], ready: bool = True) -> tuple[bool, Any]:
        if not ready:
            self.results.append(CheckResult(name, "skipped", None, "an earlier check failed",
                                            "một bước kiểm tra trước đã lỗi"))
            return False, None
        try:
            value = fn()
        except PacketError as exc:
            if self.strict:
                raise
            self.results.append(CheckResult(name, "fail", exc.code, exc.en, exc.vi))
            return False, None
        except Exception as exc:  # hostile content reaching a corner the checks did not foresee
            err = malformed_packet(f"{name}: unexpected content ({type(exc).__name__})",
                                   f"{name}: nội dung bất thường ({type(exc).__name__})")
            if self.strict:
                raise err from exc
            self.results.append(CheckResult(name, "fail", err.code, err.en, err.vi))
            return False, None
        self.results.append(CheckResult(name, "ok"))
        return True, value

    def warn(self, name: str, en: str, vi: str) -> None:
        self.results.append(CheckResult(name, "warn", None, en, vi))


def _run(data: bytes, centre_keys, trusted: KeyLookup | None, strict: bool):
    r = _Runner(strict)
    ok, raw = r.run("envelope.structure", lambda: split_envelope(data))
    ok_pay, _ = r.run("envelope.payload", lambda: _check_payload(raw), ok)
    if trusted is not None:
        r.run("envelope.signature",
              lambda: _check_header_signature(raw, _station_key(raw.header, trusted)), ok)
    ok_key, key = r.run("centre_key", lambda: _seal_key(raw.header, centre_keys), ok_pay)
    ok_dec, archive = r.run("decrypt", lambda: _decrypt(raw, key), ok_key)
    ok_arc, files = r.run("archive", lambda: read_archive(archive), ok_dec)
    ok_man, manifest = r.run("manifest", lambda: checks.check_manifest(
        files[MANIFEST], raw.header), ok_arc)
    for name in (DEMOGRAPHICS, BIOMETRICS):
        r.run(f"file:{name}", partial(_check_file, manifest, name, files and files[name]), ok_man)
    ok_sigs, sigs = r.run("signatures", lambda: checks.load_signatures(files[SIGNATURES]), ok_man)
    for role in ("officer", "supervisor", "station"):
        r.run(f"signature:{role}", partial(checks.check_role, role, manifest, sigs,
                                           raw and raw.header, trusted), ok_sigs)
    if trusted is None:
        r.run("envelope.signature", lambda: _check_header_signature(
            raw, checks.embedded_key(sigs, "station")), ok_sigs)
        r.warn("trust", "signer keys were checked for consistency only, not against a list "
               "of trusted keys", "khóa người ký chỉ được kiểm tra tính nhất quán, chưa đối "
               "chiếu danh sách khóa tin cậy")
    ok_dem, demographics = r.run("demographics", lambda: load_canonical(
        files[DEMOGRAPHICS], DEMOGRAPHICS), ok_arc)
    ok_an2, txn = r.run("biometrics", lambda: checks.check_biometrics(
        files[BIOMETRICS], manifest), ok_man)
    opened = None
    if all(c.status != "fail" and c.status != "skipped" for c in r.results):
        opened = OpenedPacket(raw.header, sha256_hex(bytes(data)), manifest,
                              sigs, demographics, txn, r.results)
    return r.results, opened


def _check_file(manifest: dict[str, Any], name: str, content: bytes) -> None:
    entry = manifest["files"][name]
    if entry["size"] != len(content):
        raise hash_mismatch(name, "Size")
    if entry["sha256"] != sha256_hex(content):
        raise hash_mismatch(name)


def open_packet(data: bytes, centre_keys: CentreKeys | Mapping[str, CentreSealKey],
                trusted: KeyLookup | None) -> OpenedPacket:
    """Verify everything and return the opened packet; raises the first PacketError.

    `trusted` None accepts the signer keys embedded in the packet (consistency only): the
    reference centre always passes its lookup; verify-packet may not have one.
    """
    _, opened = _run(data, centre_keys, trusted, strict=True)
    if opened is None:  # unreachable in strict mode; kept explicit rather than an assert
        raise malformed_packet("verification did not complete", "kiểm tra không hoàn tất")
    return opened


def check_packet(data: bytes, centre_keys: CentreKeys | Mapping[str, CentreSealKey],
                 trusted: KeyLookup | None = None) -> list[CheckResult]:
    """Every check with its status; the packet is good iff no result has status "fail"."""
    results, _ = _run(data, centre_keys, trusted, strict=False)
    return results
