"""Typed holders for every key a packet involves, and their text forms.

Roles: the station, officer and supervisor sign with Ed25519 (`SigningKey`, public half
`VerifyKey`); the centre receives with an HPKE X25519 key pair (`CentreSealKey`, public half
`CentrePublicKey`) and signs receipts with Ed25519. Every public key is named by its key id: the
first 16 lowercase hex digits of SHA-256 over the 32 raw public-key bytes.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from app.packets.errors import KeyMismatch, PacketInputError, bad_input

_RAW = serialization.Encoding.Raw
_RAW_PUB = serialization.PublicFormat.Raw
_RAW_PRIV = serialization.PrivateFormat.Raw
_NOENC = serialization.NoEncryption()


def key_id(raw_public: bytes) -> str:
    """Stable short name of a public key: first 16 hex digits of SHA-256(raw public key)."""
    return hashlib.sha256(raw_public).hexdigest()[:16]


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str, field_name: str, size: int | None = None) -> bytes:
    """Strict standard base64 (with padding); raises PacketInputError naming the field."""
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, AttributeError) as exc:
        raise bad_input(field_name, "not base64", "không phải base64") from exc
    if size is not None and len(data) != size:
        raise bad_input(field_name, f"expected {size} bytes, got {len(data)}",
                        f"cần {size} byte, nhận {len(data)}")
    return data


@dataclass(frozen=True)
class VerifyKey:
    """An Ed25519 public key (station, officer, supervisor or centre receipt key)."""

    public: Ed25519PublicKey

    @property
    def raw(self) -> bytes:
        return self.public.public_bytes(_RAW, _RAW_PUB)

    @property
    def key_id(self) -> str:
        return key_id(self.raw)

    def to_b64(self) -> str:
        return b64(self.raw)

    @classmethod
    def from_raw(cls, raw: bytes) -> VerifyKey:
        if len(raw) != 32:
            raise bad_input("public_key", "an Ed25519 public key is 32 bytes",
                            "khóa công khai Ed25519 dài 32 byte")
        return cls(Ed25519PublicKey.from_public_bytes(raw))

    @classmethod
    def from_b64(cls, text: str) -> VerifyKey:
        return cls.from_raw(unb64(text, "public_key", 32))

    def verify(self, signature: bytes, message: bytes) -> bool:
        try:
            self.public.verify(signature, message)
        except InvalidSignature:
            return False
        return True


@dataclass(frozen=True)
class SigningKey:
    """An Ed25519 private key. The station store keeps `raw_private()` wrapped by a KEK."""

    private: Ed25519PrivateKey

    @classmethod
    def generate(cls) -> SigningKey:
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def from_raw(cls, raw: bytes) -> SigningKey:
        if len(raw) != 32:
            raise bad_input("private_key", "an Ed25519 private key is 32 bytes",
                            "khóa bí mật Ed25519 dài 32 byte")
        return cls(Ed25519PrivateKey.from_private_bytes(raw))

    def raw_private(self) -> bytes:
        return self.private.private_bytes(_RAW, _RAW_PRIV, _NOENC)

    @property
    def verify_key(self) -> VerifyKey:
        return VerifyKey(self.private.public_key())

    @property
    def key_id(self) -> str:
        return self.verify_key.key_id

    def sign(self, message: bytes) -> bytes:
        return self.private.sign(message)


@dataclass(frozen=True)
class CentrePublicKey:
    """The centre's HPKE (DHKEM X25519) public key that stations seal packets to."""

    public: X25519PublicKey

    @property
    def raw(self) -> bytes:
        return self.public.public_bytes(_RAW, _RAW_PUB)

    @property
    def key_id(self) -> str:
        return key_id(self.raw)

    def to_b64(self) -> str:
        return b64(self.raw)

    @classmethod
    def from_raw(cls, raw: bytes) -> CentrePublicKey:
        if len(raw) != 32:
            raise bad_input("centre_key", "an X25519 public key is 32 bytes",
                            "khóa công khai X25519 dài 32 byte")
        return cls(X25519PublicKey.from_public_bytes(raw))

    @classmethod
    def from_b64(cls, text: str) -> CentrePublicKey:
        return cls.from_raw(unb64(text, "centre_key", 32))


@dataclass(frozen=True)
class CentreSealKey:
    """The centre's HPKE private key; only the centre (and verify-packet) holds it."""

    private: X25519PrivateKey

    @classmethod
    def generate(cls) -> CentreSealKey:
        return cls(X25519PrivateKey.generate())

    @property
    def public(self) -> CentrePublicKey:
        return CentrePublicKey(self.private.public_key())

    @property
    def key_id(self) -> str:
        return self.public.key_id


@dataclass
class CentreKeys:
    """Everything the centre holds: HPKE keys by key id (old ones kept to open queued packets),
    which one stations should seal to now, and the receipt-signing key."""

    seal_keys: dict[str, CentreSealKey]
    current_kid: str
    receipt_key: SigningKey

    @classmethod
    def generate(cls) -> CentreKeys:
        first = CentreSealKey.generate()
        return cls({first.key_id: first}, first.key_id, SigningKey.generate())

    def rotate(self) -> CentreSealKey:
        """Make a new current HPKE key; older keys stay so queued packets still open."""
        new = CentreSealKey.generate()
        self.seal_keys[new.key_id] = new
        self.current_kid = new.key_id
        return new

    @property
    def current_public(self) -> CentrePublicKey:
        return self.seal_keys[self.current_kid].public

    @property
    def receipt_verify_key(self) -> VerifyKey:
        return self.receipt_key.verify_key

    def public_document(self) -> dict:
        """What a station is given at provisioning (also written as keys/centre-public.json)."""
        return {
            "format": "enroll-station/centre-keys",
            "version": 1,
            "hpke_current": self.current_kid,
            "hpke": [{"kid": kid, "public": k.public.to_b64()}
                     for kid, k in sorted(self.seal_keys.items())],
            "receipt_signing": {"kid": self.receipt_key.key_id,
                                "public": self.receipt_verify_key.to_b64()},
        }


@dataclass(frozen=True)
class CentrePublic:
    """What a station knows of the centre (from centre-public.json at provisioning)."""

    current: CentrePublicKey
    hpke: dict[str, CentrePublicKey]
    receipt: VerifyKey

    @classmethod
    def from_document(cls, doc: Any) -> CentrePublic:
        """Parse and check CentreKeys.public_document(): every kid must match its key."""
        try:
            if doc["format"] != "enroll-station/centre-keys" or doc["version"] != 1:
                raise ValueError("format")
            hpke = {e["kid"]: CentrePublicKey.from_b64(e["public"]) for e in doc["hpke"]}
            receipt = VerifyKey.from_b64(doc["receipt_signing"]["public"])
            ok = (all(k.key_id == kid for kid, k in hpke.items())
                  and receipt.key_id == doc["receipt_signing"]["kid"])
            current = hpke[doc["hpke_current"]]
        except (KeyError, TypeError, ValueError, PacketInputError) as exc:
            raise _centre_doc_error() from exc
        if not ok:
            raise _centre_doc_error()
        return cls(current, hpke, receipt)


def _centre_doc_error() -> KeyMismatch:
    return KeyMismatch("centre_public_document",
                       "Tài liệu khóa công khai của trung tâm không hợp lệ hoặc mã khóa "
                       "không khớp.",
                       "The centre's public key document is malformed or a key id does not match.",
                       field="centre_keys")


# A lookup answers "which public key may sign as <role> for <signer id>?", given the key id the
# packet claims. Return None for unknown or revoked keys.
KeyLookup = Callable[[str, str, str], VerifyKey | None]


@dataclass
class TrustedKeys:
    """A simple in-memory KeyLookup: (role, signer id) -> the public keys accepted for it.

    The centre fills it from provisioning records; tests and verify-packet fill it directly.
    Roles are "station", "officer", "supervisor".
    """

    keys: dict[tuple[str, str], list[VerifyKey]] = field(default_factory=dict)

    def add(self, role: str, signer_id: str, key: VerifyKey) -> TrustedKeys:
        self.keys.setdefault((role, signer_id), []).append(key)
        return self

    def __call__(self, role: str, signer_id: str, kid: str) -> VerifyKey | None:
        for key in self.keys.get((role, signer_id), []):
            if key.key_id == kid:
                return key
        return None

    @classmethod
    def from_mapping(cls, entries: Mapping[tuple[str, str], Iterable[VerifyKey]]) -> TrustedKeys:
        return cls({k: list(v) for k, v in entries.items()})
