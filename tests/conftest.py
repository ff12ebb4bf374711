"""Fixtures shared by the whole suite."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

try:  # tests/ as a package (tests/__init__.py present, or run via `python -m pytest`)
    from tests.loopback import LoopbackServer
except ModuleNotFoundError:  # rootdir-style: pytest put tests/ itself on sys.path
    from loopback import LoopbackServer  # type: ignore[no-redef]


@pytest.fixture
def loopback() -> Iterator[LoopbackServer]:
    """A started HTTP server on 127.0.0.1, stopped after the test; see tests/loopback.py."""
    with LoopbackServer() as server:
        yield server
