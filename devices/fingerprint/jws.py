"""Compact JWS with RS256 and an x5c certificate chain, as MOSIP SBI signs device data.

Sign: header {"alg": "RS256", "typ": "JWT", "x5c": [base64 DER]}. Verify: the signature against
the key of x5c[0], the certificate's validity period, and, when the caller gives a trust set,
that the certificate's SHA-256 fingerprint is in it (devices registered with the station).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID


class JwsError(ValueError):
    """The token is malformed, its signature is wrong or its certificate is not trusted."""


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def fingerprint(cert: x509.Certificate) -> str:
    return hashlib.sha256(cert.public_bytes(Encoding.DER)).hexdigest()


def self_signed(common_name: str, days: int = 365) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    """An RSA-2048 key and a self-signed certificate (emulators and tests)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=days))
            .sign(key, hashes.SHA256()))
    return key, cert


def sign(payload: dict, key: rsa.RSAPrivateKey, cert: x509.Certificate) -> str:
    header = {"alg": "RS256", "typ": "JWT",
              "x5c": [base64.b64encode(cert.public_bytes(Encoding.DER)).decode("ascii")]}
    head = b64url(json.dumps(header, separators=(",", ":")).encode())
    body = b64url(json.dumps(payload, separators=(",", ":")).encode())
    sig = key.sign(f"{head}.{body}".encode(), padding.PKCS1v15(), hashes.SHA256())
    return f"{head}.{body}.{b64url(sig)}"


def verify(token: str, trusted: set[str] | None = None,
           now: dt.datetime | None = None) -> tuple[dict, x509.Certificate]:
    """Return (payload, signer certificate) or raise JwsError saying why not."""
    try:
        head_b64, body_b64, sig_b64 = token.split(".")
        header = json.loads(b64url_decode(head_b64))
        payload = json.loads(b64url_decode(body_b64))
        sig = b64url_decode(sig_b64)
    except (ValueError, AttributeError) as exc:
        raise JwsError("malformed JWS") from exc
    if header.get("alg") != "RS256" or not header.get("x5c"):
        raise JwsError("JWS must be RS256 with an x5c certificate")
    try:
        cert = x509.load_der_x509_certificate(base64.b64decode(header["x5c"][0]))
    except ValueError as exc:
        raise JwsError("x5c certificate unreadable") from exc
    moment = now or dt.datetime.now(dt.UTC)
    if not cert.not_valid_before_utc <= moment <= cert.not_valid_after_utc:
        raise JwsError("device certificate expired or not yet valid")
    if trusted is not None and fingerprint(cert) not in trusted:
        raise JwsError("device certificate not registered with this station")
    pub = cert.public_key()
    if not isinstance(pub, rsa.RSAPublicKey):
        raise JwsError("device key is not RSA")
    try:
        pub.verify(sig, f"{head_b64}.{body_b64}".encode(), padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature as exc:
        raise JwsError("JWS signature does not verify") from exc
    if not isinstance(payload, dict):
        raise JwsError("JWS payload is not an object")
    return payload, cert
