"""Turn a device SPEC into a scanner, and find the scanners this machine can see.

SPEC strings (the CLI's `--device`): `r30x:/dev/ttyUSB0` or `r30x:COM3@115200` (serial path,
optional baud rate), `sbi:127.0.0.1:4501`, `sbi:4501` or `sbi` (first SBI service found),
`simulated` or `simulated:poor` (quality good/poor/worn). The device manager calls
`scanner_from_spec` each time it needs a client (never cache a device object across unplugs).
"""

from __future__ import annotations

from devices.fingerprint.base import FingerprintScanner
from devices.fingerprint.r30x import R30xScanner
from devices.fingerprint.sbi import SbiScanner
from devices.fingerprint.sbi import discover as discover_sbi
from devices.fingerprint.simulated import SimulatedScanner
from devices.fingerprint.synthetic import QUALITIES


def scanner_from_spec(spec: str, **options: object) -> FingerprintScanner:
    """A (closed) scanner for `spec`; `options` go to the driver (e.g. trusted=, password=)."""
    kind, _, rest = spec.partition(":")
    if kind == "r30x":
        if not rest:
            raise ValueError("r30x needs a serial port: r30x:/dev/ttyUSB0")
        path, _, baud = rest.rpartition("@") if "@" in rest else (rest, "", "")
        return R30xScanner(path, baudrate=int(baud) if baud else 57600, **options)  # type: ignore[arg-type]
    if kind == "sbi":
        host, port = "127.0.0.1", None
        if rest:
            host_part, _, port_part = rest.rpartition(":")
            host = host_part or host
            port = int(port_part)
        if host not in ("127.0.0.1", "localhost"):
            raise ValueError("SBI services listen on 127.0.0.1 only")
        return SbiScanner(port, host="127.0.0.1", **options)  # type: ignore[arg-type]
    if kind == "simulated":
        quality = rest or "good"
        if quality not in QUALITIES:
            raise ValueError(f"simulated quality must be one of {QUALITIES}")
        return SimulatedScanner(default=quality, **options)  # type: ignore[arg-type]
    raise ValueError(f"unknown fingerprint device {spec!r} (r30x:PORT, sbi:PORT, simulated)")


def discover_scanners(*, probe_serial: bool = False, include_simulated: bool = True,
                      sbi_ports: range | None = None) -> list[dict[str, object]]:
    """Fingerprint devices in view: SBI services, serial ports (probed only when asked, since
    probing writes to unknown devices) and the simulated scanner."""
    found: list[dict[str, object]] = []
    kwargs = {"ports": sbi_ports} if sbi_ports is not None else {}
    for dev in discover_sbi(**kwargs):  # type: ignore[arg-type]
        found.append({"spec": f"sbi:127.0.0.1:{dev['port']}", "kind": "sbi",
                      "status": dev.get("deviceStatus"), "serial": dev.get("deviceCode"),
                      "verified": True})
    try:
        from serial.tools import list_ports

        ports = [p.device for p in list_ports.comports()]
    except Exception:  # noqa: BLE001 - no serial support on this machine is not an error
        ports = []
    for path in ports:
        entry: dict[str, object] = {"spec": f"r30x:{path}", "kind": "serial", "verified": False}
        if probe_serial:
            scanner = R30xScanner(path, call_timeout=0.3, retries=0)
            try:
                scanner.open()
                entry["verified"] = True
            except Exception as exc:  # noqa: BLE001 - any failure means "not an R30x here"
                entry["error"] = getattr(exc, "code", type(exc).__name__)
            finally:
                scanner.close()
        found.append(entry)
    if include_simulated:
        found.append({"spec": "simulated", "kind": "simulated", "verified": True})
    return found
