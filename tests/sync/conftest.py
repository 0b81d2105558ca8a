"""A real reference centre on 127.0.0.1 per test, a provisioned station, and real packets."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "packets"))

from synth import make_inputs  # noqa: E402

from app.packets.build import BuiltPacket, Signers, build_packet  # noqa: E402
from app.packets.keys import CentrePublicKey, SigningKey  # noqa: E402
from sync.client.http import CentreClient  # noqa: E402
from sync.client.provision import Provisioned, provision_online  # noqa: E402
from sync.client.pulls import register_signers  # noqa: E402
from sync.server.run import issue_token, running_server  # noqa: E402

STATION, COMMUNE = "ST001", "XA001"


@dataclass
class Station:
    signers: Signers
    box: X25519PrivateKey
    prov: Provisioned
    url: str

    def client(self, url: str | None = None) -> CentreClient:
        return CentreClient(url or self.url, self.prov.access_token, timeout=20.0)

    def packet(self, packet_id: str = "ST001-000042",
               centre_key: CentrePublicKey | None = None, **kw) -> BuiltPacket:
        return build_packet(make_inputs(packet_id, **kw), self.signers,
                            centre_key or self.prov.centre.current,
                            datetime(2026, 11, 22, 10, 0, tzinfo=UTC))


@pytest.fixture
def centre_dir(tmp_path: Path) -> Path:
    return tmp_path / "centre"


@pytest.fixture
def server(centre_dir: Path):
    with running_server(centre_dir, max_upload=2 * 1024 * 1024) as url:
        yield url


def provision_station(url: str, centre_dir: Path, station_id: str = STATION) -> Station:
    signers = Signers(SigningKey.generate(), SigningKey.generate(), SigningKey.generate())
    box = X25519PrivateKey.generate()
    prov = provision_online(url, issue_token(centre_dir, COMMUNE), station_id, COMMUNE,
                            signers.station, box)
    st = Station(signers, box, prov, url)
    with st.client() as c:
        register_signers(c, [("officer", "officer.lan", signers.officer.verify_key),
                             ("supervisor", "sup.minh", signers.supervisor.verify_key)])
    return st


@pytest.fixture
def station(server: str, centre_dir: Path) -> Station:
    return provision_station(server, centre_dir)


@pytest.fixture(scope="session")
def shared_packet_inputs():
    return make_inputs("ST001-000042")
