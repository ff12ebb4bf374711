"""How much memory a piece of work took: the peak resident set above the level it started
from, sampled by a thread (C allocations count too, unlike tracemalloc)."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from types import TracebackType
from typing import Self

__all__ = ["PeakRss", "rss_bytes"]

_PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_bytes() -> int:
    """This process's resident set now (Linux /proc)."""
    return int(Path("/proc/self/statm").read_text(encoding="ascii").split()[1]) * _PAGE


class PeakRss:
    """`with PeakRss() as m: ...` then `m.delta_mib`: the peak RSS rise during the block."""

    def __init__(self, every_s: float = 0.005) -> None:
        self._every = every_s
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, name="rss-sampler", daemon=True)
        self.baseline = 0
        self.peak = 0

    def _sample(self) -> None:
        while not self._done.wait(self._every):
            self.peak = max(self.peak, rss_bytes())

    @property
    def delta_mib(self) -> float:
        return max(0, self.peak - self.baseline) / (1 << 20)

    def __enter__(self) -> Self:
        self.baseline = self.peak = rss_bytes()
        self._thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._done.set()
        self._thread.join()
        self.peak = max(self.peak, rss_bytes())
