"""One HTTP session to the centre: timeouts, bearer auth, error mapping, clock offset, health.

Every response's Date header updates `clock_offset` (server time minus local time, seconds,
measured at the request's midpoint; 1 s resolution), which the station records at each contact
to re-anchor its clock. Network failures and 5xx/423 become LinkDown (retry later); other 4xx
become Refused with the server's code.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from sync.common.protocol import FILES_PATH, TUS_VERSION
from sync.errors import link_down, refused_from_body

RETRYABLE = {408, 423, 425, 429, 500, 502, 503, 504}


@dataclass(frozen=True)
class Connectivity:
    online: bool
    latency_s: float | None = None
    clock_offset_s: float | None = None
    max_upload: int | None = None
    reason: str | None = None


# The station sets its software version here at start-up, so the centre sees it on every request.
USER_AGENT = "enroll-station-sync/1"


class CentreClient:
    """A thin httpx.Client wrapper; one per sync run (not thread-safe)."""

    def __init__(self, base_url: str, access_token: str | None = None, timeout: float = 30.0,
                 connect_timeout: float = 10.0, transport: httpx.BaseTransport | None = None):
        self.base_url = base_url.rstrip("/")
        headers = {"User-Agent": USER_AGENT}
        if access_token:
            headers["Authorization"] = f"Bearer {access_token}"
        self.http = httpx.Client(base_url=self.base_url, headers=headers, transport=transport,
                                 timeout=httpx.Timeout(timeout, connect=connect_timeout))
        self.clock_offset: float | None = None

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> CentreClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _record_clock(self, response: httpx.Response, sent: float, done: float) -> None:
        date = response.headers.get("date")
        if not date:
            return
        try:
            server = parsedate_to_datetime(date).timestamp()
        except (TypeError, ValueError):
            return
        self.clock_offset = server + 0.5 - (sent + done) / 2  # Date truncates to the second

    def send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """Send; raise LinkDown on transport failure. Any HTTP status is returned."""
        sent = time.time()
        try:
            response = self.http.request(method, path, **kwargs)
        except httpx.TransportError as exc:
            raise link_down(type(exc).__name__, type(exc).__name__) from exc
        self._record_clock(response, sent, time.time())
        return response

    def call(self, method: str, path: str, ok: tuple[int, ...] = (200,),
             **kwargs: Any) -> httpx.Response:
        """Send and map statuses: ok -> response; retryable -> LinkDown; else Refused."""
        response = self.send(method, path, **kwargs)
        if response.status_code in ok:
            return response
        raise error_for(response)


def error_for(response: httpx.Response) -> Exception:
    if response.status_code in RETRYABLE:
        return link_down(f"HTTP {response.status_code}", f"HTTP {response.status_code}")
    try:
        body = response.json()
    except ValueError:
        body = None
    return refused_from_body(response.status_code, body)


def check_connectivity(base_url: str, timeout: float = 3.0,
                       transport: httpx.BaseTransport | None = None) -> Connectivity:
    """A cheap OPTIONS /files with a short timeout: is the centre reachable right now?"""
    client = CentreClient(base_url, timeout=timeout, connect_timeout=timeout,
                          transport=transport)
    start = time.monotonic()
    try:
        r = client.send("OPTIONS", FILES_PATH, headers={"Tus-Resumable": TUS_VERSION})
    except Exception as exc:  # LinkDown and anything odd: offline
        return Connectivity(False, reason=type(exc).__name__)
    finally:
        client.close()
    if r.status_code not in (200, 204) or r.headers.get("tus-resumable") != TUS_VERSION:
        return Connectivity(False, reason=f"HTTP {r.status_code}")
    size = r.headers.get("tus-max-size")
    return Connectivity(True, time.monotonic() - start, client.clock_offset,
                        int(size) if size and size.isdigit() else None)
