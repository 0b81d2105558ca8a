"""The flaky proxy itself: it throttles (never faster than the rate), cuts, and stays local."""

from __future__ import annotations

import socket
import socketserver
import threading
import time

import pytest

from sync.testing.flaky_proxy import FlakyProxy, running_proxy


class _Sink(socketserver.BaseRequestHandler):
    received: list[int] = []

    def handle(self) -> None:
        total = 0
        while chunk := self.request.recv(65536):
            total += len(chunk)
        _Sink.received.append(total)


@pytest.fixture
def sink():
    _Sink.received = []
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Sink)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def _send_until_cut(port: int, data: bytes) -> None:
    with socket.create_connection(("127.0.0.1", port)) as s:
        try:
            s.sendall(data)
            s.shutdown(socket.SHUT_WR)
            while s.recv(1024):
                pass
        except OSError:
            pass


def test_throttle_is_never_faster_than_the_rate(sink):
    data = b"x" * 20_000
    with running_proxy(sink, rate_bps=160_000, latency_s=0.01, cut_every=None,
                       linger_s=0) as proxy:
        start = time.monotonic()
        _send_until_cut(proxy.port, data)
        deadline = time.monotonic() + 20
        while not _Sink.received and time.monotonic() < deadline:
            time.sleep(0.02)
        elapsed = time.monotonic() - start
    assert _Sink.received == [len(data)]
    assert elapsed >= len(data) * 8 / 160_000 * 0.95  # 1.0 s at 160 kbit/s


def test_cuts_after_about_n_bytes_and_forwards_exactly_up_to_the_cut(sink):
    with running_proxy(sink, rate_bps=None, latency_s=0, cut_every=10_000, seed=5,
                       linger_s=0) as proxy:
        for _ in range(3):
            _send_until_cut(proxy.port, b"y" * 50_000)
        deadline = time.monotonic() + 10
        while len(_Sink.received) < 3 and time.monotonic() < deadline:
            time.sleep(0.02)
        stats = proxy.stats
    assert stats.cuts == 3 and len(_Sink.received) == 3
    assert all(7_500 <= n <= 12_500 for n in _Sink.received)  # 75-125 % of cut_every
    assert sum(_Sink.received) == stats.upstream_bytes


def test_loopback_only_and_stops_by_itself(sink):
    with pytest.raises(ValueError):
        FlakyProxy(sink, target_host="10.0.0.1")
    proxy = FlakyProxy(sink, lifetime_s=0.3)
    port = proxy.start()
    time.sleep(0.8)
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    proxy.stop()
