"""Fingerprint scanners (R30x UART, MOSIP SBI, simulated), their emulators and quality checks."""
