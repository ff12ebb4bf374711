"""A worker's start loads what its tasks need with the cyclic collector paused, and
leaves it running after, whether the loading worked or not."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest

from bot.pipeline import boot as boot_module
from bot.pipeline import examine


@pytest.fixture
def collections() -> Iterator[list[int]]:
    """Each generation the collector walks while the test runs."""
    seen: list[int] = []

    def note(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(note)
    try:
        yield seen
    finally:
        gc.callbacks.remove(note)
        gc.unfreeze()


def test_a_start_makes_many_objects_without_a_collection(
        collections: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    kept: list[list[int]] = []

    def warm(_: object = None) -> int:  # as imports do: many objects, none of them garbage
        kept.extend([n] for n in range(200_000))
        return 0

    monkeypatch.setattr(examine, "warm_worker", warm)
    assert gc.isenabled()
    boot_module.boot()
    assert len(kept) == 200_000 and collections == []
    assert gc.isenabled()
    gc.collect()  # the collector runs again after
    assert collections


def test_a_start_that_fails_leaves_the_collector_running(
        collections: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_: object = None) -> int:
        raise ImportError("no extraction in this install")

    monkeypatch.setattr(examine, "warm_worker", broken)
    boot_module.boot()  # logged: each task then fails on its own
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off(collections: list[int],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(examine, "warm_worker", lambda _=None: 0)
    gc.disable()
    try:
        boot_module.boot()
        assert not gc.isenabled()
    finally:
        gc.enable()
