"""`defwatch status` renders the database's view as tables."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.cli.status import ago
from tests.loopback import LoopbackServer
from tests.ops.fixtures import serve_site

NOW = datetime(2026, 11, 23, 12, 0, 0)


@pytest.mark.parametrize(("then", "shown"), [
    (None, "never"),
    (datetime(2026, 11, 23, 11, 59, 50), "now"),
    (datetime(2026, 11, 23, 11, 57, 0), "3m ago"),
    (datetime(2026, 11, 23, 14, 0, 0), "in 2h"),
    (datetime(2026, 11, 20, 12, 0, 0), "3d ago"),
    (datetime(2026, 11, 23, 11, 59, 15), "45s ago"),
])
def test_ago(then: datetime | None, shown: str) -> None:
    assert ago(then, NOW) == shown


def test_status_after_a_run(loopback: LoopbackServer, tmp_path: Path,
                            monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str]) -> None:
    feed = serve_site(loopback)
    (tmp_path / "defwatch.yaml").write_text(
        "database: sqlite:///dw.db\n"
        f"sources:\n  - {{id: loop-news, kind: rss, url: '{feed}'}}\n"
        "  - {id: dead-feed, kind: rss, url: 'http://127.0.0.1:9/feed.xml'}\n"
        "channels: ['jsonl:alerts.jsonl']\n"
        "events: {max_age: off}\n"  # the fixtures are old news
        "fetch: {per_host_delay: 0s, timeout: 2s, allow_private: true}\n",
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DEFWATCH_CONFIG", raising=False)
    monkeypatch.delenv("DEFWATCH_DATABASE_URL", raising=False)
    assert main(["once"]) == 0
    capsys.readouterr()

    # A source added since: no service has polled (or even seen) it yet.
    config = tmp_path / "defwatch.yaml"
    config.write_text(config.read_text().replace(
        "channels:", "  - {id: added-later, kind: rss, url: 'http://127.0.0.1:9/new.xml'}\n"
                     "channels:"), encoding="utf-8")
    assert main(["status"]) == 0
    out = capsys.readouterr().out
    assert "rules, version " in out
    assert "\x1b[" not in out  # no colour codes when stdout is not a terminal
    assert "sources:  3 configured: 1 healthy, 1 failing, 1 never polled, 0 disabled" in out
    assert "entries:  2 done, 0 pending, 0 failed" in out  # max_age off: no old news count
    rows = {cells[0]: cells[1:] for cells in map(row, out.splitlines()) if cells}
    assert "loop-news" not in rows  # healthy: only what needs attention is listed
    assert rows["dead-feed"][0] == "error" and rows["dead-feed"][3] == "1"
    assert rows["added-later"][:2] == ["never polled", "never"]
    assert rows["jsonl:alerts.jsonl"][:3] == ["0", "1", "0"]  # pending, sent, failed
    assert any(cells[0] == "new" for cells in rows.values() if len(cells) == 4)  # an alert

    assert main(["status", "--all"]) == 0
    rows = {cells[0]: cells[1:] for cells in map(row, capsys.readouterr().out.splitlines())
            if cells}
    state, last_poll, next_due, failures, items, _error = rows["loop-news"]
    assert (state, last_poll, next_due, failures, items) == ("ok", "now", "in 10m", "0", "2")
    assert list(rows)[:3] == ["dead-feed", "added-later", "loop-news"]  # attention first


def row(line: str) -> list[str]:
    """The cells of one table row (box-drawing `│` separators); [] for other lines."""
    if not line.startswith("│"):
        return []
    return [cell.strip() for cell in line.split("│")[1:-1]]
