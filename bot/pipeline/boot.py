"""A worker process's start, with the cyclic garbage collector paused.

Starting a worker imports some 500 modules (extraction, matching, grouping) and each new
object counts towards the next collection: about 200 collections during a start, a
sixth of its CPU (~0.06 s of ~0.35 s), though what a start makes lives as long as the
worker and is never garbage. This module imports nothing heavy, so the pool can name
`boot` as its workers' initializer and have it run before those imports.
"""

from __future__ import annotations

import gc
import logging

__all__ = ["boot"]

log = logging.getLogger("defwatch.pool")


def boot() -> None:
    """A worker's initializer: load what its tasks need before the first one comes, then
    keep it out of later collections' walks (gc.freeze)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        from bot.pipeline import examine  # noqa: PLC0415 (the point: after the pause)

        examine.warm_worker()
    except Exception:  # a broken install: each task fails on its own, as it would
        log.exception("a worker could not load extraction and matching at its start")
    finally:
        gc.freeze()
        if collecting:
            gc.enable()
