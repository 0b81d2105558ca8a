"""Primitives the store is built from: Argon2id, AES-256-GCM envelopes, HMAC blind indexes, HPKE.

Everything sealed here carries associated data naming what it is and where it belongs, so a
ciphertext copied to another row, record, version or user fails to open instead of decrypting.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import asdict, dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

NONCE = 12
KEY = 32


class DecryptError(Exception):
    """A ciphertext failed authentication: wrong key, wrong binding, or altered bytes."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. The default (~160 ms here) is for people; tests may pass a cheaper one."""

    iterations: int = 3
    memory_kib: int = 64 * 1024
    lanes: int = 4

    def to_dict(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, int]) -> KdfParams:
        return cls(int(d["iterations"]), int(d["memory_kib"]), int(d["lanes"]))


FAST_KDF = KdfParams(iterations=1, memory_kib=8 * 1024, lanes=1)


def random_key() -> bytes:
    return os.urandom(KEY)


def password_key(password: str, salt: bytes, params: KdfParams) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=KEY,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(password.encode("utf-8"))


def seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    """AES-256-GCM; returns nonce || ciphertext+tag."""
    nonce = os.urandom(NONCE)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def open_sealed(key: bytes, blob: bytes, aad: bytes) -> bytes:
    try:
        return AESGCM(key).decrypt(blob[:NONCE], blob[NONCE:], aad)
    except (InvalidTag, ValueError) as exc:
        raise DecryptError("authentication failed") from exc


def subkey(kek: bytes, purpose: str) -> bytes:
    """Separate keys for separate jobs (blind index, audit, ...) derived from the station KEK."""
    return HKDF(algorithm=SHA256(), length=KEY, salt=None, info=purpose.encode()).derive(kek)


def blind_token(key: bytes, kind: str, value: str) -> bytes:
    """Keyed, truncated HMAC: equal values give equal tokens; the value is not recoverable."""
    return hmac.new(key, f"{kind}\x00{value}".encode(), hashlib.sha256).digest()[:16]


_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)


def seal_to(public_key: X25519PublicKey, plaintext: bytes, info: bytes) -> bytes:
    """HPKE base mode (RFC 9180) to a recipient, used for the KEK recovery copy."""
    return _SUITE.encrypt(plaintext, public_key, info=info)


def open_from(private_key: X25519PrivateKey, blob: bytes, info: bytes) -> bytes:
    return _SUITE.decrypt(blob, private_key, info=info)
