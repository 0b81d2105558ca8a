"""The centre's key directory: the one place app.packets touches files, and only when asked.

Layout (under DIR/keys/, or DIR itself if it holds centre-public.json):
  centre-public.json        public document (CentreKeys.public_document(), RFC 8785 JSON)
  hpke-<kid>.key            one per HPKE key, X25519 private key, PKCS#8 PEM, unencrypted
  receipt-signing.key       Ed25519 private key, PKCS#8 PEM, unencrypted
  trusted-signers.json      optional: station and user public keys the centre has provisioned,
                            so verify-packet can check trust, not only consistency
Files are written 0600 in a 0700 directory, each through a temporary file and a rename.
The reference server writes it (`server`), `verify-packet --central-keys DIR` reads it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import rfc8785
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from app.packets.errors import KeyMismatch
from app.packets.keys import CentreKeys, CentreSealKey, SigningKey, TrustedKeys, VerifyKey

PUBLIC_FILE = "centre-public.json"
TRUSTED_FILE = "trusted-signers.json"
TRUSTED_FORMAT = "enroll-station/trusted-signers"
RECEIPT_FILE = "receipt-signing.key"
HPKE_PREFIX, HPKE_SUFFIX = "hpke-", ".key"


def _pem(private) -> bytes:
    return private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                 serialization.NoEncryption())


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def key_dir(root: str | os.PathLike[str]) -> Path:
    """DIR/keys if it exists (the server's data dir was given), else DIR itself."""
    root = Path(root)
    return root / "keys" if (root / "keys" / PUBLIC_FILE).exists() else root


def write_key_dir(root: str | os.PathLike[str], keys: CentreKeys) -> Path:
    """Write all centre keys to ROOT/keys/ (created 0700); returns that directory."""
    target = Path(root) / "keys"
    target.mkdir(mode=0o700, parents=True, exist_ok=True)
    for kid, k in keys.seal_keys.items():
        _write(target / f"{HPKE_PREFIX}{kid}{HPKE_SUFFIX}", _pem(k.private))
    _write(target / RECEIPT_FILE, _pem(keys.receipt_key.private))
    _write(target / PUBLIC_FILE, rfc8785.dumps(keys.public_document()))
    return target


def _error(what_en: str, what_vi: str) -> KeyMismatch:
    return KeyMismatch("centre_keys", f"Thư mục khóa trung tâm không dùng được: {what_vi}.",
                       f"Centre key directory cannot be used: {what_en}.", field="central_keys")


def _load_pem(path: Path, kind: type):
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise _error(f"{path.name} is not a readable PKCS#8 PEM key",
                     f"{path.name} không phải khóa PKCS#8 PEM đọc được") from exc
    if not isinstance(key, kind):
        raise _error(f"{path.name} holds the wrong kind of key", f"{path.name} chứa sai loại khóa")
    return key


def read_key_dir(root: str | os.PathLike[str]) -> CentreKeys:
    """Load and cross-check the centre's keys (file names, key ids and public document agree)."""
    d = key_dir(root)
    try:
        public = json.loads((d / PUBLIC_FILE).read_bytes())
    except (OSError, ValueError) as exc:
        raise _error(f"{PUBLIC_FILE} missing or not JSON in {d}",
                     f"thiếu {PUBLIC_FILE} hoặc không phải JSON trong {d}") from exc
    seal: dict[str, CentreSealKey] = {}
    for path in sorted(d.glob(f"{HPKE_PREFIX}*{HPKE_SUFFIX}")):
        kid = path.name[len(HPKE_PREFIX):-len(HPKE_SUFFIX)]
        key = CentreSealKey(_load_pem(path, X25519PrivateKey))
        if key.key_id != kid:
            raise _error(f"{path.name} holds key {key.key_id}, not {kid}",
                         f"{path.name} chứa khóa {key.key_id}, không phải {kid}")
        seal[kid] = key
    receipt = SigningKey(_load_pem(d / RECEIPT_FILE, Ed25519PrivateKey))
    current = public.get("hpke_current") if isinstance(public, dict) else None
    if current not in seal:
        raise _error("the current HPKE key named in centre-public.json has no private key file",
                     "khóa HPKE hiện hành ghi trong centre-public.json không có tệp khóa bí mật")
    keys = CentreKeys(seal, current, receipt)
    if keys.public_document() != public:
        raise _error("centre-public.json does not match the private key files",
                     "centre-public.json không khớp với các tệp khóa bí mật")
    return keys


def write_trusted(root: str | os.PathLike[str], trusted: TrustedKeys) -> Path:
    """Write the provisioned signer keys to ROOT/keys/trusted-signers.json."""
    target = Path(root) / "keys"
    target.mkdir(mode=0o700, parents=True, exist_ok=True)
    signers = sorted(({"role": role, "signer_id": sid, "public": k.to_b64()}
                      for (role, sid), keys in trusted.keys.items() for k in keys),
                     key=lambda e: (e["role"], e["signer_id"], e["public"]))
    path = target / TRUSTED_FILE
    _write(path, rfc8785.dumps({"format": TRUSTED_FORMAT, "version": 1, "signers": signers}))
    return path


def read_trusted(root: str | os.PathLike[str]) -> TrustedKeys | None:
    """The trusted signer keys if the directory has them, else None (consistency-only checks)."""
    path = key_dir(root) / TRUSTED_FILE
    if not path.exists():
        return None
    try:
        doc = json.loads(path.read_bytes())
        if doc["format"] != TRUSTED_FORMAT or doc["version"] != 1:
            raise ValueError("format")
        trusted = TrustedKeys()
        for e in doc["signers"]:
            if e["role"] not in ("station", "officer", "supervisor"):
                raise ValueError("role")
            trusted.add(e["role"], e["signer_id"], VerifyKey.from_b64(e["public"]))
    except Exception as exc:  # OSError, JSON, KeyError, TypeError, bad key: all mean unusable
        raise _error(f"{TRUSTED_FILE} is unreadable or malformed",
                     f"{TRUSTED_FILE} không đọc được hoặc sai dạng") from exc
    return trusted
