"""A loopback TCP proxy that behaves like a bad rural link: slow, late, and cut often.

- throttles each direction to `rate_bps` bits per second (shared by all connections, like one
  link), delivering every piece `latency_s` after it went through the throttle;
- cuts the connection that carries the upstream (client -> server) byte number ~`cut_every`
  (each threshold drawn at 75-125 % of it from a seeded RNG), after forwarding up to that byte:
  the client side closes at once, the server side `linger_s` later (a dead link is noticed
  late by the far end; linger_s=0 closes both at once);
- listens on 127.0.0.1 only, accepts at most `max_connections`, and stops by itself after
  `lifetime_s`. `stats` counts bytes and cuts.
Run it in a thread with `FlakyProxy(...).start()` / `.stop()` or `with running_proxy(...)`.
"""

from __future__ import annotations

import asyncio
import random
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

PIECE = 1024


@dataclass
class ProxyStats:
    connections: int = 0
    cuts: int = 0
    upstream_bytes: int = 0
    downstream_bytes: int = 0


class _Link:
    """One direction of the shared link: a serialising throttle."""

    def __init__(self, rate_bps: int | None) -> None:
        self.rate, self.free_at = rate_bps, 0.0

    def slot(self, n: int) -> float:
        now = time.monotonic()
        start = max(now, self.free_at)
        self.free_at = start + (n * 8 / self.rate if self.rate else 0.0)
        return self.free_at


class FlakyProxy:
    def __init__(self, target_port: int, rate_bps: int | None = 256_000, latency_s: float = 0.05,
                 cut_every: int | None = 100_000, seed: int = 1, lifetime_s: float = 600.0,
                 max_connections: int = 10_000, target_host: str = "127.0.0.1",
                 linger_s: float = 1.0) -> None:
        if target_host not in ("127.0.0.1", "localhost"):
            raise ValueError("the flaky proxy forwards to loopback only")
        self.target = (target_host, target_port)
        self.up, self.down = _Link(rate_bps), _Link(rate_bps)
        self.latency, self.cut_every = latency_s, cut_every
        self.rng = random.Random(seed)
        self.lifetime, self.max_connections = lifetime_s, max_connections
        self.linger = linger_s
        self.stats = ProxyStats()
        self.next_cut = self._draw(0)
        self.port = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._tasks: set[asyncio.Task] = set()

    def _draw(self, base: int) -> int | None:
        if not self.cut_every:
            return None
        return base + int(self.cut_every * self.rng.uniform(0.75, 1.25))

    # --- forwarding --------------------------------------------------------------------------
    async def _pump(self, reader, writer, link: _Link, upstream: bool, cut: asyncio.Event):
        queue: asyncio.Queue = asyncio.Queue(maxsize=8)

        async def deliver() -> None:
            while True:
                item = await queue.get()
                if item is None:
                    break
                due, data, last = item
                await asyncio.sleep(max(0.0, due - time.monotonic()))
                writer.write(data)
                await writer.drain()
                if last:
                    cut.set()
                    break

        task = asyncio.create_task(deliver())
        try:
            while not cut.is_set():
                data = await reader.read(PIECE)
                if not data:
                    break
                last = False
                if upstream:
                    if self.next_cut is not None and \
                            self.stats.upstream_bytes + len(data) >= self.next_cut:
                        data = data[:self.next_cut - self.stats.upstream_bytes]
                        self.next_cut = self._draw(self.next_cut)
                        self.stats.cuts += 1
                        last = True
                    self.stats.upstream_bytes += len(data)
                else:
                    self.stats.downstream_bytes += len(data)
                await queue.put((link.slot(len(data)) + self.latency, data, last))
                if last:
                    break
        except (ConnectionError, OSError):
            pass
        finally:
            try:
                await queue.put(None)  # deliver what was already read, then stop
                await task
            except (ConnectionError, OSError):
                pass
            except asyncio.CancelledError:
                task.cancel()
                raise
            finally:
                cut.set()

    async def _handle(self, c_reader, c_writer) -> None:
        task = asyncio.current_task()
        self._tasks.add(task)
        try:
            await self._connection(c_reader, c_writer)
        except asyncio.CancelledError:  # stopping: end quietly
            c_writer.close()
        finally:
            self._tasks.discard(task)

    async def _connection(self, c_reader, c_writer) -> None:
        if self.stats.connections >= self.max_connections:
            c_writer.close()
            return
        self.stats.connections += 1
        try:
            s_reader, s_writer = await asyncio.open_connection(*self.target)
        except OSError:
            c_writer.close()
            return
        cut = asyncio.Event()
        up = asyncio.create_task(self._pump(c_reader, s_writer, self.up, True, cut))
        down = asyncio.create_task(self._pump(s_reader, c_writer, self.down, False, cut))
        try:
            await cut.wait()
            c_writer.close()  # the station's side drops at once ...
            if self.linger:  # ... the centre's side hears nothing for a while, like a dead link
                await asyncio.sleep(self.linger)
        finally:
            for w in (c_writer, s_writer):
                w.close()
            for t in (up, down):
                t.cancel()
            await asyncio.gather(up, down, return_exceptions=True)

    async def _main(self) -> None:
        self._stop = asyncio.Event()
        server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            await asyncio.wait_for(self._stop.wait(), self.lifetime)
        except TimeoutError:
            pass
        server.close()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await server.wait_closed()

    # --- thread control ----------------------------------------------------------------------
    def start(self) -> int:
        """Start in a daemon thread; returns the listening port on 127.0.0.1."""
        def run() -> None:
            self._loop = asyncio.new_event_loop()
            self._loop.run_until_complete(self._main())
            self._loop.close()
        self._thread = threading.Thread(target=run, daemon=True, name="flaky-proxy")
        self._thread.start()
        self._ready.wait(10)
        return self.port

    def stop(self) -> None:
        if self._loop is not None and self._stop is not None and self._loop.is_running():
            self._loop.call_soon_threadsafe(self._stop.set)
        if self._thread is not None:
            self._thread.join(10)


@contextmanager
def running_proxy(target_port: int, **kwargs) -> Iterator[FlakyProxy]:
    proxy = FlakyProxy(target_port, **kwargs)
    proxy.start()
    try:
        yield proxy
    finally:
        proxy.stop()
