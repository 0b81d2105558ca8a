"""Build a packet: contents -> signatures -> deterministic archive -> HPKE seal -> envelope.

Two ways in:
- `build_packet(inputs, signers, centre_key, created_at)`: everything at once (demo, tests, bench).
- staged, as the station's lifecycle needs: `build_contents` (manifest.py) at any time,
  `manifest.sign(contents, "officer", ...)` at capture, `manifest.sign(..., "supervisor", ...)`
  at approval, then `seal_packet(contents, [officer_sig, supervisor_sig], station_id,
  station_key, centre_key, created_at)` when queued (it adds the station signature).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.packets.archive import (
    BIOMETRICS,
    DEMOGRAPHICS,
    MANIFEST,
    SIGNATURES,
    sha256_hex,
    write_archive,
)
from app.packets.checks import check_role
from app.packets.envelope import EnvelopeHeader, seal_payload, write_envelope
from app.packets.errors import bad_input
from app.packets.inputs import PacketInputs, utc_text
from app.packets.keys import CentrePublicKey, SigningKey
from app.packets.manifest import Contents, build_contents, sign, signatures_document


@dataclass(frozen=True)
class Signers:
    """The three private keys a complete packet needs."""

    station: SigningKey
    officer: SigningKey
    supervisor: SigningKey


@dataclass(frozen=True)
class BuiltPacket:
    """The envelope file's bytes plus what the station records about it (no personal data)."""

    envelope: bytes
    packet_id: str
    envelope_sha256: str
    centre_key_id: str
    manifest_sha256: str


def inner_archive(contents: Contents, signature_entries: list[dict[str, str]]) -> bytes:
    """The archive exactly as sealed (useful to tests and to export for a verifier)."""
    return write_archive({
        MANIFEST: contents.manifest_bytes(),
        SIGNATURES: signatures_document(signature_entries),
        DEMOGRAPHICS: contents.demographics,
        BIOMETRICS: contents.biometrics,
    })


def seal_archive(archive: bytes, packet_id: str, station_id: str, station_key: SigningKey,
                 centre_key: CentrePublicKey, created_at: datetime) -> bytes:
    """HPKE-seal an archive and wrap it in a signed envelope."""
    payload = seal_payload(archive, centre_key, packet_id, station_id)
    header = EnvelopeHeader(
        packet_id=packet_id, station_id=station_id, station_key_id=station_key.key_id,
        centre_key_id=centre_key.key_id, payload_size=len(payload),
        payload_sha256=sha256_hex(payload), created_at=utc_text(created_at, "created_at"))
    return write_envelope(header, station_key, payload)


def seal_packet(contents: Contents, signatures: list[dict[str, str]], station_id: str,
                station_key: SigningKey, centre_key: CentrePublicKey,
                created_at: datetime) -> BuiltPacket:
    """Check the officer's and supervisor's signatures still match the contents, add the
    station's, then seal. Raises BadSignature if the record changed since they signed."""
    roles = sorted(e["role"] for e in signatures)
    if roles != ["officer", "supervisor"]:
        raise bad_input("signatures", f"need officer and supervisor signatures, got {roles}",
                        f"cần chữ ký cán bộ thu nhận và cán bộ duyệt, có {roles}")
    if contents.manifest["station_id"] != station_id:
        raise bad_input("station_id", "does not match the manifest", "không khớp với bản kê")
    for entry in signatures:  # a record changed after signing must not leave the station
        check_role(entry["role"], contents.manifest, {entry["role"]: entry}, None, None)
    entries = [*signatures, sign(contents, "station", station_id, station_key)]
    archive = inner_archive(contents, entries)
    envelope = seal_archive(archive, contents.packet_id, station_id, station_key, centre_key,
                            created_at)
    return BuiltPacket(envelope, contents.packet_id, sha256_hex(envelope), centre_key.key_id,
                       sha256_hex(contents.manifest_bytes()))


def build_packet(inputs: PacketInputs, signers: Signers, centre_key: CentrePublicKey,
                 created_at: datetime) -> BuiltPacket:
    """All stages at once; inputs must carry supervisor_id and approved_at."""
    if inputs.supervisor_id is None:
        raise bad_input("supervisor_id", "a packet is built only after approval",
                        "chỉ tạo gói tin sau khi đã duyệt")
    contents = build_contents(inputs)
    sigs = [sign(contents, "officer", inputs.officer_id, signers.officer),
            sign(contents, "supervisor", inputs.supervisor_id, signers.supervisor)]
    return seal_packet(contents, sigs, inputs.station_id, signers.station, centre_key, created_at)
