"""One sync pass (`sync --once`), store-free: the station supplies hooks that read and apply.

Order and rules:
1. connectivity (OPTIONS, short timeout): offline -> report, nothing else is tried;
2. key update first, so packets sealed from now on use the current centre key (packets already
   sealed to an older kid stay valid and are sent as they are);
3. uploads, oldest first: `upload_started` before any byte leaves (persist state "uploading" and
   the URL), `delivered` only with a verified receipt, `rejected` on a refusal of that packet;
   a dead link ends the pass (the next pass resumes from the centre's offset);
4. pulls: status page by page, master data, worklist; each `apply_*` hook must apply its
   argument and the new cursor/version atomically.
A receipt or centre document that fails its checks stops the pass with BadCentreDocument in
the report: nothing is marked delivered on its strength.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from app.packets.keys import VerifyKey
from sync.client.http import CentreClient, check_connectivity
from sync.client.pulls import (
    KeyUpdate,
    MasterData,
    StatusPage,
    Worklist,
    pull_key_update,
    pull_master_data,
    pull_status,
    pull_worklist,
)
from sync.client.tus import Progress, TusUploader, UploadResult, UploadSettings
from sync.errors import BadCentreDocument, LinkDown, Refused, SyncError


@dataclass(frozen=True)
class Outgoing:
    """A packet waiting to be delivered, as the station's store knows it."""

    packet_id: str
    load: Callable[[], bytes]  # envelope bytes, read only when its turn comes
    upload_url: str | None = None
    may_exist: bool = False  # True if it was already "uploading" (a pass was interrupted)


class StationHooks(Protocol):
    station_id: str
    box_key: X25519PrivateKey
    status_cursor: int
    master_version: int
    worklist_version: int
    key_sequence: int

    def outgoing(self) -> Iterable[Outgoing]: ...
    def upload_started(self, packet_id: str, upload_url: str) -> None: ...
    def delivered(self, packet_id: str, result: UploadResult) -> None: ...
    def rejected(self, packet_id: str, error: Refused) -> None: ...
    def apply_key_update(self, update: KeyUpdate) -> None: ...
    def apply_status(self, page: StatusPage) -> None: ...
    def apply_master_data(self, data: MasterData) -> None: ...
    def apply_worklist(self, worklist: Worklist) -> None: ...


@dataclass
class SyncReport:
    online: bool
    delivered: list[str] = field(default_factory=list)
    already_held: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    status_events: int = 0
    master_version: int | None = None
    worklist_version: int | None = None
    clock_offset_s: float | None = None
    stopped_by: SyncError | None = None  # LinkDown / BadCentreDocument / Refused (not packet)


def sync_once(base_url: str, access_token: str, centre_key: VerifyKey, hooks: StationHooks,
              settings: UploadSettings | None = None, progress: Progress | None = None,
              connect_timeout: float = 3.0) -> SyncReport:
    """Run one pass; never raises a SyncError (it is in `stopped_by`)."""
    probe = check_connectivity(base_url, timeout=connect_timeout)
    report = SyncReport(probe.online, clock_offset_s=probe.clock_offset_s)
    if not probe.online:
        return report
    with CentreClient(base_url, access_token) as client:
        try:
            update = pull_key_update(client, centre_key, hooks.key_sequence)
            if update.sequence > hooks.key_sequence:
                hooks.apply_key_update(update)
            _uploads(client, centre_key, hooks, settings, progress, report)
            _pulls(client, centre_key, hooks, report)
        except (LinkDown, BadCentreDocument, Refused) as exc:
            report.stopped_by = exc
        report.clock_offset_s = client.clock_offset
    return report


def _uploads(client, centre_key, hooks, settings, progress, report: SyncReport) -> None:
    uploader = TusUploader(client, centre_key, settings)
    for item in hooks.outgoing():
        try:
            result = uploader.upload(
                item.load(), item.packet_id, upload_url=item.upload_url,
                may_exist=item.may_exist, progress=progress,
                on_created=lambda url, pid=item.packet_id: hooks.upload_started(pid, url))
        except Refused as exc:
            if exc.status in (401, 403):  # the station itself is refused: stop the pass
                raise
            hooks.rejected(item.packet_id, exc)
            report.rejected.append(item.packet_id)
            continue
        hooks.delivered(item.packet_id, result)
        (report.already_held if result.already_held else report.delivered).append(
            item.packet_id)


def _pulls(client, centre_key, hooks, report: SyncReport) -> None:
    while True:
        page = pull_status(client, hooks.status_cursor)
        if page.events or page.cursor != hooks.status_cursor:
            hooks.apply_status(page)
            report.status_events += len(page.events)
        if not page.more:
            break
    md = pull_master_data(client, centre_key, hooks.master_version)
    if md is not None:
        hooks.apply_master_data(md)
        report.master_version = md.version
    wl = pull_worklist(client, centre_key, hooks.station_id, hooks.box_key,
                       hooks.worklist_version)
    if wl is not None:
        hooks.apply_worklist(wl)
        report.worklist_version = wl.version
