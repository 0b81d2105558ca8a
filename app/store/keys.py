"""The station's keys: the master key (KEK), what it protects, and what it is derived into.

The KEK never touches the disk in clear: each user's copy is wrapped by a key derived from that
user's password, and an optional recovery copy is sealed (HPKE) to the centre's recovery key.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlite_utils import Database

from app.store import audit, crypto


@dataclass(frozen=True)
class Keys:
    """What a logged-in session holds in memory; dropped on logout or idle lock."""

    kek: bytes
    index_key: bytes

    @classmethod
    def from_kek(cls, kek: bytes) -> Keys:
        return cls(kek=kek, index_key=crypto.subkey(kek, "enroll-station blind index v1"))


def raw_public(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def raw_private(key: Ed25519PrivateKey) -> bytes:
    from cryptography.hazmat.primitives.serialization import NoEncryption, PrivateFormat

    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def recovery_info(station_id: str) -> bytes:
    return f"enroll-station kek recovery v1|{station_id}".encode()


def create_station(db: Database, name: str, kek: bytes,
                   recovery_pub: X25519PublicKey | None = None) -> str:
    """Write the singleton station row. Call inside the transaction that adds the first admin."""
    station_id = str(uuid.uuid4())
    signing = Ed25519PrivateKey.generate()
    db.execute(
        "INSERT INTO station (id, station_id, name, created_at, sign_pub, sign_priv_wrapped, "
        "kek_check, recovery_pub, kek_recovery) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            station_id,
            name,
            audit.now_iso(),
            raw_public(signing),
            crypto.seal(kek, raw_private(signing), b"station-sign|" + station_id.encode()),
            crypto.seal(kek, b"kek-check", b"kek-check|" + station_id.encode()),
            recovery_pub.public_bytes(Encoding.Raw, PublicFormat.Raw) if recovery_pub else None,
            crypto.seal_to(recovery_pub, kek, recovery_info(station_id)) if recovery_pub else None,
        ],
    )
    audit.append(db, "station_init", None, None, recovery=recovery_pub is not None)
    return station_id


def station_row(db: Database) -> dict | None:
    rows = list(db.query("SELECT station_id, name, created_at, sign_pub, recovery_pub "
                         "FROM station WHERE id = 1"))
    return rows[0] if rows else None


def station_signing_key(db: Database, kek: bytes) -> Ed25519PrivateKey:
    station_id, wrapped = db.execute(
        "SELECT station_id, sign_priv_wrapped FROM station WHERE id = 1").fetchone()
    raw = crypto.open_sealed(kek, wrapped, b"station-sign|" + station_id.encode())
    return Ed25519PrivateKey.from_private_bytes(raw)
