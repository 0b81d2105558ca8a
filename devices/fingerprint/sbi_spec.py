"""MOSIP SBI 0.9.5 vocabulary shared by the client and the emulator: names, codes, hash chain."""

from __future__ import annotations

import hashlib

SPEC_VERSION = "0.9.5"
PORTS = range(4501, 4601)  # the service binds 127.0.0.1 on one of these
METHOD_DISCOVER, METHOD_INFO, METHOD_CAPTURE = "MOSIPDISC", "MOSIPDINFO", "RCAPTURE"
PATH_DISCOVER, PATH_INFO, PATH_CAPTURE = "/device", "/info", "/capture"

# ANSI/NIST position <-> SBI bioSubType.
SUBTYPES: dict[int, str] = {
    1: "Right Thumb", 2: "Right IndexFinger", 3: "Right MiddleFinger", 4: "Right RingFinger",
    5: "Right LittleFinger", 6: "Left Thumb", 7: "Left IndexFinger", 8: "Left MiddleFinger",
    9: "Left RingFinger", 10: "Left LittleFinger",
}
POSITIONS: dict[str, int] = {v: k for k, v in SUBTYPES.items()}
# deviceSubId of a slap device: 1 left slap, 2 right slap, 3 two thumbs.
SUB_ID_FOR_SLAP: dict[int, int] = {14: 1, 13: 2, 15: 3}
SLAP_FOR_SUB_ID: dict[int, int] = {v: k for k, v in SUB_ID_FOR_SLAP.items()}

# Error codes as we read the 0.9.5 text; anything else is a technical error.
ERRORS: dict[int, str] = {
    0: "Success", 100: "Device not registered", 101: "Unable to detect a biometric object",
    102: "Technical error during extraction", 103: "Device tamper detected",
    104: "Unable to connect to management server", 105: "Image orientation error",
    106: "Device not found", 107: "Device public key expired", 108: "Domain public key missing",
    109: "Requested number of biometrics not supported", 110: "Device is not ready",
    111: "Device is busy", 112: "Capture timed out",
}


def sub_id_for(position: int) -> int:
    """deviceSubId to ask for: the slap itself, or the slap that holds a single finger."""
    if position in SUB_ID_FOR_SLAP:
        return SUB_ID_FOR_SLAP[position]
    if position in (1, 6):
        return 3
    return 2 if position <= 5 else 1


def chain_hash(previous_hash: str, bio_value: bytes) -> str:
    """SHA-256(previous hash bytes || SHA-256(ISO record)) as upper-case hex.

    The first capture of a transaction chains from SHA-256 of the empty string."""
    prev = bytes.fromhex(previous_hash) if previous_hash else hashlib.sha256(b"").digest()
    return hashlib.sha256(prev + hashlib.sha256(bio_value).digest()).hexdigest().upper()
