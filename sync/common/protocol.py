"""Wire constants and small codecs both ends agree on (paths, headers, tus metadata)."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

TUS_VERSION = "1.0.0"
TUS_EXTENSIONS = "creation,creation-with-upload,termination,expiration,checksum"
TUS_CHECKSUMS = "sha1,sha256"
FILES_PATH = "/files"
RECEIPT_HEADER = "Enroll-Receipt"  # base64 of the receipt wire JSON on the final PATCH / POST
OCTET = "application/offset+octet-stream"
API_PREFIX = ""


def encode_metadata(values: dict[str, str]) -> str:
    """tus Upload-Metadata: comma-separated `key base64(value)` pairs."""
    return ",".join(f"{k} {base64.b64encode(v.encode('utf-8')).decode('ascii')}"
                    for k, v in values.items())


def decode_metadata(header: str | None) -> dict[str, str]:
    """Parse Upload-Metadata; raises ValueError on a malformed pair."""
    out: dict[str, str] = {}
    if not header:
        return out
    for pair in header.split(","):
        parts = pair.strip().split(" ")
        if not parts[0] or len(parts) > 2 or parts[0] in out:
            raise ValueError("malformed Upload-Metadata")
        try:
            out[parts[0]] = (base64.b64decode(parts[1], validate=True).decode("utf-8")
                             if len(parts) == 2 else "")
        except (binascii.Error, UnicodeDecodeError) as exc:
            raise ValueError("malformed Upload-Metadata value") from exc
    return out


def encode_receipt_header(wire: dict[str, Any]) -> str:
    return base64.b64encode(json.dumps(wire, sort_keys=True).encode("utf-8")).decode("ascii")


def decode_receipt_header(value: str) -> Any:
    return json.loads(base64.b64decode(value, validate=True))
