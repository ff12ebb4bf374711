"""`run` warns when the archive would be open beyond this machine without a token."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.errors import ConfigError
from bot.ops.endpoint import serve_ops
from bot.ops.metrics import Metrics
from bot.ops.probes import RunState
from bot.store import open_database

WARNING = "is not a loopback address and http.token is not set"


@pytest.mark.parametrize(("listen", "token", "warned"), [
    ("127.0.0.1:0", None, False),
    ("[::1]:0", None, False),
    ("localhost:0", None, False),
    # Documentation addresses (RFC 5737): never on this machine, so nothing is bound.
    ("192.0.2.7:0", None, True),
    ("192.0.2.7:0", "s3cret", False),
])
async def test_an_open_non_loopback_endpoint_is_warned_about(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, listen: str, token: str | None,
        warned: bool) -> None:
    db = open_database(f"sqlite:///{tmp_path}/w.db")
    caplog.set_level(logging.WARNING, logger="defwatch.http")
    try:
        async with serve_ops(listen, db, Metrics(), RunState(), token=token):
            pass
    except ConfigError as exc:  # the address is not this machine's: the bind fails
        assert "cannot listen on 192.0.2.7" in str(exc)
    finally:
        db.close()
    assert any(WARNING in r.getMessage() for r in caplog.records) == warned
