"""A loopback server that counts requests in flight at once, per Host header, and holds
each one a moment (up to `hold` seconds, less once the limit is broken) so that requests
sent together do overlap: a limit that holds shows up as a low maximum, not as luck."""

from __future__ import annotations

import threading
from collections import Counter

from tests.loopback import LoopbackServer, RecordedRequest, Route


class InFlightServer(LoopbackServer):
    def __init__(self, *, limit: int, hold: float = 0.2, prefix: str = "/") -> None:
        super().__init__()
        self._limit = limit
        self._hold = hold
        self._prefix = prefix  # only these paths are held and counted
        self._count_lock = threading.Lock()
        self._handler = threading.local()  # the Host of the request this thread serves
        self._now: Counter[str] = Counter()
        self.most: Counter[str] = Counter()  # the highest count seen, per host
        self.broken = threading.Event()  # set once more than `limit` were in flight

    def _record(self, request: RecordedRequest) -> None:
        super()._record(request)
        self._handler.host = request.headers.get("host", "")

    def _route(self, target: str) -> Route | None:
        if target.startswith(self._prefix):
            host = str(getattr(self._handler, "host", ""))
            with self._count_lock:
                self._now[host] += 1
                self.most[host] = max(self.most[host], self._now[host])
                if self._now[host] > self._limit:
                    self.broken.set()
            try:
                self.broken.wait(self._hold)  # the overlap window; over once the limit broke
            finally:
                with self._count_lock:
                    self._now[host] -= 1
        return super()._route(target)
