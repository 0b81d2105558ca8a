"""sync_once against the real centre with in-memory hooks (the station's store stands aside)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sync.client.session import Outgoing, sync_once
from sync.errors import LinkDown
from sync.server.run import mark_packet, publish_master_data, publish_worklist, rotate_keys

from .conftest import COMMUNE


@dataclass
class Memory:
    station_id: str
    box_key: object
    queue: list
    status_cursor: int = 0
    master_version: int = 0
    worklist_version: int = 0
    key_sequence: int = 0
    log: list = field(default_factory=list)
    states: dict = field(default_factory=dict)

    def outgoing(self):
        return [o for o in self.queue if self.states.get(o.packet_id) != "delivered"]

    def upload_started(self, packet_id, url):
        self.states[packet_id] = "uploading"
        self.log.append(("started", packet_id))

    def delivered(self, packet_id, result):
        self.states[packet_id] = "delivered"
        self.log.append(("delivered", packet_id, result.receipt.envelope_sha256))

    def rejected(self, packet_id, error):
        self.states[packet_id] = "rejected:" + error.code

    def apply_key_update(self, update):
        self.key_sequence = update.sequence
        self.log.append(("keys", update.centre.current.key_id))

    def apply_status(self, page):
        for e in page.events:
            self.states[e.packet_id] = e.status
        self.status_cursor = page.cursor

    def apply_master_data(self, data):
        self.master_version = data.version

    def apply_worklist(self, worklist):
        self.worklist_version = worklist.version


def test_sync_once_uploads_then_pulls(station, centre_dir):
    good = station.packet("ST001-1")
    bad = bytearray(station.packet("ST001-2").envelope)
    bad[-50] ^= 1
    mem = Memory("ST001", station.box, [Outgoing("ST001-1", lambda: good.envelope),
                                        Outgoing("ST001-2", lambda: bytes(bad))])
    publish_master_data(centre_dir, {"thresholds": {}})
    publish_worklist(centre_dir, COMMUNE, [{"personal_id": "001190000001"}])
    new_kid = rotate_keys(centre_dir)
    rep = sync_once(station.url, station.prov.access_token, station.prov.centre.receipt, mem)
    assert rep.online and rep.stopped_by is None
    assert rep.delivered == ["ST001-1"] and rep.rejected == ["ST001-2"]
    assert mem.states["ST001-2"] == "rejected:hash_mismatch"
    assert ("keys", new_kid) in mem.log and mem.key_sequence == 1
    assert mem.log.index(("started", "ST001-1")) < [e[0] for e in mem.log].index("delivered")
    assert mem.states["ST001-1"] == "received"  # from the status feed, cursor applied
    assert mem.master_version == 1 and mem.worklist_version == 1
    mark_packet(centre_dir, "ST001-1", "accepted")
    again = sync_once(station.url, station.prov.access_token, station.prov.centre.receipt, mem)
    assert again.delivered == [] and again.status_events == 1
    assert mem.states["ST001-1"] == "accepted"


def test_sync_once_offline_changes_nothing(station):
    mem = Memory("ST001", station.box, [Outgoing("X", lambda: b"")])
    rep = sync_once("http://127.0.0.1:9", "t", station.prov.centre.receipt, mem)
    assert not rep.online and mem.log == [] and mem.states == {}
    assert rep.stopped_by is None or isinstance(rep.stopped_by, LinkDown)
