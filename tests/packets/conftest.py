"""Shared keys and one built packet per session (building is the slow part)."""

from __future__ import annotations

import pytest
from synth import T0, make_inputs

from app.packets.build import Signers, build_packet
from app.packets.keys import CentreKeys, SigningKey, TrustedKeys


@pytest.fixture(scope="session")
def centre() -> CentreKeys:
    return CentreKeys.generate()


@pytest.fixture(scope="session")
def signers() -> Signers:
    return Signers(SigningKey.generate(), SigningKey.generate(), SigningKey.generate())


@pytest.fixture(scope="session")
def trusted(signers: Signers) -> TrustedKeys:
    return (TrustedKeys().add("station", "ST001", signers.station.verify_key)
            .add("officer", "officer.lan", signers.officer.verify_key)
            .add("supervisor", "sup.minh", signers.supervisor.verify_key))


@pytest.fixture(scope="session")
def inputs():
    return make_inputs()


@pytest.fixture(scope="session")
def built(inputs, signers, centre):
    return build_packet(inputs, signers, centre.current_public, T0.replace(hour=10))
