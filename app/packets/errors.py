"""Typed packet errors: each names exactly what is wrong (which file, signature, key, length).

Every class derives from StationError so the CLI and UI show vi/en text and scripts get a stable
`code`. Messages name files, roles and key ids, never personal data.
"""

from __future__ import annotations

from app.domain.errors import InputError, StationError


class PacketError(StationError):
    """Base of every failure to build, open or verify a packet or receipt."""

    exit_code = 6


class PacketInputError(InputError):
    """The builder was given unusable content (bad id, not a JPEG, unknown finger position)."""


class MalformedEnvelope(PacketError):
    """The envelope bytes are not an envelope: bad magic, lengths, header JSON, truncation."""


class MalformedPacket(PacketError):
    """The decrypted archive or one of its documents is not what the format requires."""


class HashMismatch(PacketError):
    """A size or SHA-256 does not match what a signed document says."""


class BadSignature(PacketError):
    """A signature is missing, made by an unknown key, or does not verify."""


class KeyMismatch(PacketError):
    """The packet was sealed to a centre key we do not hold, or a key id does not match."""


class DecryptionFailed(PacketError):
    """HPKE opening failed: wrong key, wrong packet binding or altered ciphertext."""


class AN2Error(PacketError):
    """The ANSI/NIST-ITL transaction misses a mandatory field or does not parse."""


class ReceiptError(PacketError):
    """A receipt is malformed, signed by another key or about another packet."""


def malformed_envelope(what_en: str, what_vi: str) -> MalformedEnvelope:
    return MalformedEnvelope(
        "envelope_malformed",
        f"Tệp gói tin không hợp lệ: {what_vi}.",
        f"Not a valid packet envelope: {what_en}.",
        field="envelope",
    )


def malformed_packet(what_en: str, what_vi: str, field: str | None = None) -> MalformedPacket:
    return MalformedPacket(
        "packet_malformed",
        f"Nội dung gói tin không hợp lệ: {what_vi}.",
        f"Packet content is not valid: {what_en}.",
        field=field,
    )


def hash_mismatch(name: str, what: str = "SHA-256") -> HashMismatch:
    return HashMismatch(
        "hash_mismatch",
        f"{what} của '{name}' không khớp với giá trị đã ký: dữ liệu đã bị thay đổi hoặc hỏng.",
        f"{what} of '{name}' does not match the signed value: the data was altered or damaged.",
        field=name,
    )


def bad_signature(role: str, why_en: str, why_vi: str) -> BadSignature:
    return BadSignature(
        f"signature_{role}",
        f"Chữ ký của {_ROLE_VI.get(role, role)} không hợp lệ: {why_vi}.",
        f"The {role} signature is not valid: {why_en}.",
        field=role,
    )


def bad_input(field: str, why_en: str, why_vi: str) -> PacketInputError:
    return PacketInputError(
        "packet_input", f"Dữ liệu '{field}' không dùng được: {why_vi}.",
        f"Field '{field}' cannot be used: {why_en}.", field=field,
    )


def an2_error(why_en: str, why_vi: str, field: str | None = None) -> AN2Error:
    return AN2Error(
        "an2_invalid", f"Tệp sinh trắc ANSI/NIST không hợp lệ: {why_vi}.",
        f"ANSI/NIST biometric file is not valid: {why_en}.", field=field or "biometrics.an2",
    )


_ROLE_VI = {
    "station": "trạm",
    "officer": "cán bộ thu nhận",
    "supervisor": "cán bộ duyệt",
    "centre": "trung tâm",
}
