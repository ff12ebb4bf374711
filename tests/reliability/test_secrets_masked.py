"""Secrets a mistake could echo: a malformed database URL keeps its password to itself, a
mistyped channel spec keeps its webhook path to itself, and at -v Apprise's own log lines
show which service was called, not the full webhook URL."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.channels import build_channels
from bot.errors import ConfigError, StoreError
from bot.ops.logs import setup_logging
from bot.store import open_database

SECRET = "s3cretXYZ"


@pytest.mark.parametrize("url", [
    f"postgresql://watch:{SECRET}@db.example:notaport/defwatch",
    f"postgresql://watch:{SECRET}@db.example:99999999/defwatch",
    f"postgresql+nodriver://watch:{SECRET}@db.example/defwatch",
    f"://watch:{SECRET}@db.example/defwatch",
])
def test_a_malformed_database_url_hides_its_password(url: str) -> None:
    with pytest.raises(StoreError) as caught:
        open_database(url)
    assert SECRET not in str(caught.value)
    assert "watch:***@db.example" in str(caught.value)


@pytest.mark.parametrize("spec", [f"slak:/T000/B000/{SECRET}", f"slack//T000/B000/{SECRET}",
                                  f"discrod:{SECRET}"])
def test_a_mistyped_channel_spec_hides_its_secret(spec: str, tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        build_channels([spec], tmp_path)
    assert SECRET not in str(caught.value)
    assert "unknown channel" in str(caught.value)


@pytest.fixture
def verbose_log() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    setup_logging(logging.DEBUG, "text", stream)
    yield stream
    for handler in list(root.handlers):
        root.removeHandler(handler)
    for handler in handlers:
        root.addHandler(handler)
    root.setLevel(level)


def test_apprise_log_lines_do_not_show_webhook_urls(verbose_log: io.StringIO) -> None:
    log = logging.getLogger("apprise")
    log.setLevel(logging.DEBUG)
    # What Apprise 1.x logs at DEBUG for a webhook, word for word in shape.
    log.debug("Loaded JSON URL: json://127.0.0.1:9/hook/%s?method=POST", SECRET)
    log.debug("Slack POST URL: https://hooks.slack.example/services/T0/B0/%s "
              "(cert_verify=True)", SECRET)
    log.debug("Socket Exception: HTTPConnectionPool(host='127.0.0.1', port=9): Max retries "
              "exceeded with url: /hook/%s (Caused by NewConnectionError())", SECRET)
    out = verbose_log.getvalue()
    assert SECRET not in out
    assert "Slack POST URL: https://…" in out and "json://…" in out
