"""Acceptance for issue 8: `defwatch run` as a supervised process.

Started as a child process against a loopback news site with `http.listen: 127.0.0.1:0`;
it must say where it listens, count its polls on /metrics, answer its probes, reload
sources on SIGHUP, and on SIGTERM exit 0 with the alert delivered and nothing pending.
"""

from __future__ import annotations

import json
import signal
import sqlite3
from pathlib import Path

from bot.config.options import BUNDLED_RULES
from tests.loopback import LoopbackServer
from tests.ops.fixtures import serve_site
from tests.ops.service_proc import ServiceProcess


def write_config(tmp_path: Path, feed_url: str, *, extra_source: str = "") -> Path:
    config = tmp_path / "defwatch.yaml"
    config.write_text(
        "database: sqlite:///dw.db\n"
        f"rules: {BUNDLED_RULES}\n"
        "sources:\n"
        f"  - {{id: loop-news, kind: rss, url: '{feed_url}', interval: 10m}}\n"
        f"{extra_source}"
        "channels: ['jsonl:alerts.jsonl']\n"
        "events: {max_age: off}\n"  # the fixtures are old news
        "fetch: {per_host_delay: 0s, timeout: 5s, allow_private: true}\n"
        "http: {listen: '127.0.0.1:0'}\n", encoding="utf-8")
    return config


def alerts(tmp_path: Path) -> list[dict[str, object]]:
    path = tmp_path / "alerts.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def pending_deliveries(tmp_path: Path) -> int:
    with sqlite3.connect(tmp_path / "dw.db") as db:
        return int(db.execute("SELECT count(*) FROM deliveries WHERE state = 'pending'")
                   .fetchone()[0])


def test_run_serves_metrics_and_stops_cleanly_on_sigterm(loopback: LoopbackServer,
                                                         tmp_path: Path) -> None:
    config = write_config(tmp_path, serve_site(loopback))
    with ServiceProcess(config) as service:
        assert service.port > 0
        polls = service.wait_until("a poll on /metrics", lambda: service.metric(
            "defwatch_polls_total", source="loop-news", outcome="ok"))
        assert polls >= 1
        service.wait_until("the alert in alerts.jsonl", lambda: alerts(tmp_path))
        service.wait_until("readiness", lambda: service.get("/readyz")[0] == 200)

        status, body = service.get("/healthz")
        assert status == 200, body
        assert json.loads(body)["checks"] == {"db": "ok", "scheduler": "ok"}
        assert service.metric("defwatch_items_seen_total", source="loop-news") == 2
        assert service.metric("defwatch_matches_total", topic="india-japan") == 2
        assert service.metric("defwatch_events_created_total") == 1
        assert service.metric("defwatch_alerts_total", action="new") == 1
        assert service.metric("defwatch_deliveries_total", channel="jsonl:alerts.jsonl",
                              outcome="sent") == 1
        assert service.metric("defwatch_outbox_backlog", channel="jsonl:alerts.jsonl") == 0
        assert service.get("/nothing-here")[0] == 404
        # The archive is served beside the probes: the alerted event is on the timeline.
        status, page = service.get("/")
        assert status == 200 and b'class="event"' in page
        event_id = alerts(tmp_path)[0]["event_id"]
        assert service.get(f"/events/{event_id}")[0] == 200

        assert service.stop() == 0

    [alert] = alerts(tmp_path)
    assert alert["action"] == "new"
    assert "india-japan" in alert["rules"]  # type: ignore[operator]
    assert len(alert["sources"]) == 2  # type: ignore[arg-type]
    assert pending_deliveries(tmp_path) == 0
    with sqlite3.connect(tmp_path / "dw.db") as db:  # a clean stop unregisters its worker
        assert db.execute("SELECT count(*) FROM workers").fetchone()[0] == 0
    records = service.log_records()  # every line parses as JSON
    polled = next(r for r in records if r["message"].startswith("polled "))
    assert polled["source"] == "loop-news"
    assert polled["logger"] == "defwatch.poll"
    assert records[-1]["message"] == "stopped"
    assert not [r for r in records if r["level"] in ("ERROR", "CRITICAL")]


def test_sighup_reloads_sources_and_a_broken_file_changes_nothing(
        loopback: LoopbackServer, tmp_path: Path) -> None:
    feed = serve_site(loopback)
    config = write_config(tmp_path, feed)
    with ServiceProcess(config) as service:
        service.wait_until("the first tick", lambda: service.get("/readyz")[0] == 200)
        assert service.metric("defwatch_sources") == 1

        write_config(tmp_path, feed, extra_source=(
            f"  - {{id: loop-two, kind: rss, url: '{feed}?two', interval: 10m}}\n"))
        service.signal(signal.SIGHUP)
        service.wait_until("two sources", lambda: service.metric("defwatch_sources") == 2)

        config.write_text(config.read_text() + "  - {id: BAD ID, kind: gopher}\n")
        service.signal(signal.SIGHUP)
        service.wait_until("the refused reload", lambda: service.metric(
            "defwatch_config_reload_errors_total") == 1)
        assert service.metric("defwatch_sources") == 2
        assert service.get("/healthz")[0] == 200

        assert service.stop() == 0
    reloaded = [r for r in service.log_records() if r["message"].startswith("sources reloaded")]
    assert reloaded and "loop-two" in reloaded[0]["message"]
