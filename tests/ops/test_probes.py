"""/healthz, /readyz and /metrics computed from a real database and run state."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import create_engine, text

from bot.ops.metrics import Metrics
from bot.ops.probes import Probes, RunState
from bot.store import Database, open_database
from bot.store import events as event_rows
from bot.store import outbox as outbox_rows
from bot.store.db import utcnow


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path}/dw.db")
    yield database
    database.close()


def running(**changes: object) -> RunState:
    state = RunState(scheduler_running=lambda: True, rules_loaded=lambda: 8, ticks=1,
                     last_tick=None)
    for key, value in changes.items():
        setattr(state, key, value)
    return state


def samples(body: bytes) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for f in text_string_to_metric_families(body.decode()) for s in f.samples}


async def test_healthy_and_ready(db: Database) -> None:
    probes = Probes(db, Metrics(), running())
    health = await probes.healthz()
    assert health.status == 200 and health.content_type == "application/json"
    assert json.loads(health.body)["checks"] == {"db": "ok", "scheduler": "ok"}
    ready = await probes.readyz()
    assert ready.status == 200, ready.body


async def test_a_stopped_scheduler_is_unhealthy(db: Database) -> None:
    got = await Probes(db, Metrics(), running(scheduler_running=lambda: False)).healthz()
    assert got.status == 503
    assert json.loads(got.body)["checks"]["scheduler"] == "not running"


async def test_a_database_that_does_not_answer_is_unhealthy(tmp_path: Path) -> None:
    broken = Database(create_engine(f"sqlite:///{tmp_path}/missing/dir/x.db"), "broken")
    got = await Probes(broken, Metrics(), running()).healthz()
    assert got.status == 503
    assert json.loads(got.body)["checks"]["db"] == "error: OperationalError"
    broken.close()


@pytest.mark.parametrize(("changes", "check", "says"), [
    ({"ticks": 0}, "first_tick", "not yet"),
    ({"rules_loaded": lambda: 0}, "rules", "no topic rules loaded"),
    ({"stopping": True}, "shutdown", "stopping"),
])
async def test_not_ready(db: Database, changes: dict[str, object], check: str,
                         says: str) -> None:
    got = await Probes(db, Metrics(), running(**changes)).readyz()
    assert got.status == 503
    assert json.loads(got.body)["checks"][check] == says


async def test_not_ready_until_migrated_to_head(db: Database) -> None:
    probes = Probes(db, Metrics(), running())
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0000'"))
    got = await probes.readyz()
    assert got.status == 503
    assert json.loads(got.body)["checks"]["migrations"].startswith("at 0000, head is ")


async def test_metrics_show_counters_and_the_outbox_backlog(db: Database) -> None:
    metrics = Metrics()
    metrics.poll("pib", "ok", 0.2, items=5, new=2)
    metrics.poll("pib", "not_modified", 0.01)
    metrics.article("matched", ["india-japan", "acsa"])
    metrics.alert("new")
    metrics.delivery("console", "sent")
    metrics.watch_rules(lambda: 3, lambda: 8)
    with db.engine.begin() as conn:
        event_rows.create_event(conn, "ev-1", None, utcnow())
        outbox_rows.add_alert(conn, "ev-1", "new", {"title": "t"}, ["console", "jsonl:a"],
                              now=utcnow())
    got = await Probes(db, metrics, running()).metrics()
    assert got.status == 200 and got.content_type.startswith("text/plain")
    values = samples(got.body)
    assert values[("defwatch_polls_total", (("outcome", "ok"), ("source", "pib")))] == 1
    assert values[("defwatch_fetch_seconds_count", (("source", "pib"),))] == 2
    assert values[("defwatch_items_seen_total", (("source", "pib"),))] == 5
    assert values[("defwatch_items_new_total", (("source", "pib"),))] == 2
    assert values[("defwatch_matches_total", (("topic", "acsa"),))] == 1
    assert values[("defwatch_alerts_total", (("action", "new"),))] == 1
    assert values[("defwatch_deliveries_total",
                   (("channel", "console"), ("outcome", "sent")))] == 1
    assert values[("defwatch_outbox_backlog", (("channel", "jsonl:a"),))] == 1
    assert values[("defwatch_rules_reload_errors_total", ())] == 3
    assert values[("defwatch_rules_loaded", ())] == 8


def test_each_metrics_object_has_its_own_registry() -> None:
    one, two = Metrics(), Metrics()
    one.alert("new")
    assert b'defwatch_alerts_total{action="new"} 1.0' in one.exposition()
    assert b"defwatch_alerts_total{" not in two.exposition()


async def test_a_channel_family_is_one_backlog_label(db: Database) -> None:
    metrics = Metrics()
    metrics.group_channels(["telegram:chat:"])
    with db.engine.begin() as conn:
        event_rows.create_event(conn, "ev-1", None, utcnow())
        outbox_rows.add_alert(conn, "ev-1", "new", {"title": "t"},
                              ["telegram:chat:1", "telegram:chat:2", "console"], now=utcnow())
    values = samples((await Probes(db, metrics, running()).metrics()).body)
    assert values[("defwatch_outbox_backlog", (("channel", "telegram:chat"),))] == 2
    assert values[("defwatch_outbox_backlog", (("channel", "console"),))] == 1
