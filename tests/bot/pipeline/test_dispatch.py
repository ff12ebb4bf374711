"""The outbox: exactly-once delivery, retries that honour retry_after, isolation of channels."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.channels import Channel
from bot.channels.jsonl import JsonlChannel
from bot.errors import DeliveryError
from bot.models import Alert, AlertSource, Facts
from bot.pipeline.dispatch import Dispatcher, backoff
from bot.store import Database, open_database
from bot.store import events as event_rows
from bot.store import outbox as rows


class Killed(BaseException):
    """Stands for the process dying: nothing in the code under test catches it."""


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 12, 0, 0)

    def __call__(self) -> datetime:
        return self.now


class Recorder:
    """A channel that records what it was given and fails on demand."""

    def __init__(self, name: str, failures: list[DeliveryError] | None = None) -> None:
        self.name = name
        self.failures = list(failures or [])
        self.sent: list[tuple[int, str | None]] = []

    async def send(self, alert: Alert, *, alert_id: int, previous_ref: str | None) -> str | None:
        if self.failures:
            raise self.failures.pop(0)
        self.sent.append((alert_id, previous_ref))
        return f"msg-{alert_id}"

    async def close(self) -> None:
        return None


def alert(event_id: str = "ev-1", action: str = "new") -> Alert:
    return Alert(event_id=event_id, action="new" if action == "new" else "update",
                 rules=("india-japan",), title="Ministers talk", summary="They talked.",
                 facts=Facts(date="2026-11-20", countries=("India", "Japan")),
                 sources=(AlertSource(url="http://127.0.0.1/a", outlet="Wire", title="T",
                                      published=None, rules=("india-japan",)),),
                 matched={"india-japan": ["India", "Japan"]})


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path}/t.db")
    yield database
    database.close()


def queue(db: Database, clock: Clock, channels: list[str], event_id: str = "ev-1",
          action: str = "new") -> int:
    with db.engine.begin() as conn:
        if action == "new":
            event_rows.create_event(conn, event_id, None, clock.now)
        return rows.add_alert(conn, event_id, action, alert(event_id, action).to_json(),
                              channels, now=clock.now)


async def test_each_alert_is_delivered_once_per_channel(db: Database) -> None:
    clock = Clock()
    a, b = Recorder("a"), Recorder("b")
    queue(db, clock, ["a", "b"])
    dispatcher = Dispatcher(db, {"a": a, "b": b}, clock=clock)
    assert (await dispatcher.run_once()).sent == 2
    assert (await dispatcher.run_once()).sent == 0
    assert len(a.sent) == len(b.sent) == 1


async def test_update_gets_the_first_message_ref(db: Database) -> None:
    clock = Clock()
    chan = Recorder("tg")
    first = queue(db, clock, ["tg"])
    dispatcher = Dispatcher(db, {"tg": chan}, clock=clock)
    await dispatcher.run_once()
    queue(db, clock, ["tg"], action="update")
    await dispatcher.run_once()
    assert chan.sent[1][1] == f"msg-{first}"


async def test_retry_after_is_never_cut_short_and_other_channels_carry_on(db: Database) -> None:
    clock = Clock()
    slow = Recorder("slow", [DeliveryError("slow", "HTTP 429", retry_after=120)])
    fine = Recorder("fine")
    queue(db, clock, ["slow", "fine"])
    dispatcher = Dispatcher(db, {"slow": slow, "fine": fine}, clock=clock)
    report = await dispatcher.run_once()
    assert (report.sent, report.retried) == (1, 1)
    clock.now += timedelta(seconds=119)
    assert (await dispatcher.run_once()).sent == 0
    assert slow.sent == []
    clock.now += timedelta(seconds=2)
    assert (await dispatcher.run_once()).sent == 1
    assert len(slow.sent) == 1


async def test_permanent_failure_is_recorded_not_retried(db: Database) -> None:
    clock = Clock()
    chan = Recorder("x", [DeliveryError("x", "HTTP 400 bad request", permanent=True)])
    queue(db, clock, ["x"])
    dispatcher = Dispatcher(db, {"x": chan}, clock=clock)
    assert (await dispatcher.run_once()).failed == 1
    clock.now += timedelta(days=1)
    assert (await dispatcher.run_once()).sent == 0
    with db.engine.begin() as conn:
        assert rows.backlog(conn) == {"x": {"failed": 1}}


def test_backoff_grows_and_honours_retry_after() -> None:
    assert backoff(1, None) < backoff(2, None) < backoff(5, None)
    assert backoff(1, 300.0) == 300.0
    assert backoff(40, None) == 3600.0


async def test_jsonl_is_exactly_once_across_a_crash_after_writing(db: Database, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch,
                                                                  ) -> None:
    clock = Clock()
    path = tmp_path / "alerts.jsonl"
    channels: dict[str, Channel] = {"jsonl": JsonlChannel("jsonl", path)}
    queue(db, clock, ["jsonl"])

    def crash(*_args: object) -> None:
        raise Killed("killed between the write and the commit")

    monkeypatch.setattr(rows, "mark_sent", crash)
    with pytest.raises(Killed):
        await Dispatcher(db, channels, clock=clock).run_once()
    monkeypatch.undo()
    assert (await Dispatcher(db, channels, clock=clock).run_once()).sent == 1
    lines = [json.loads(x) for x in path.read_text().splitlines()]
    assert len(lines) == 1
    assert lines[0]["event_id"] == "ev-1"
    assert set(lines[0]) >= {"event_id", "action", "rules", "title", "summary", "facts",
                             "sources", "matched"}


@pytest.mark.parametrize(("retry_after", "sent", "slept", "left"), [
    (30.0, 1, [30.0], 0),   # due within the minute: waited for, then sent
    (90.0, 0, [], 1),       # further off: left waiting, no waiting at all
])
async def test_flush_waits_only_for_retries_due_soon(db: Database, retry_after: float,
                                                     sent: int, slept: list[float],
                                                     left: int) -> None:
    clock = Clock()
    busy = Recorder("chat", [DeliveryError("chat", "flood control", retry_after=retry_after)])
    queue(db, clock, ["chat"])
    waits: list[float] = []

    async def sleep(seconds: float) -> None:  # the clock moves instead of the test waiting
        waits.append(seconds)
        clock.now += timedelta(seconds=seconds)

    d = Dispatcher(db, {"chat": busy}, clock=clock)
    report, waiting = await d.flush(timedelta(seconds=60), sleep=sleep)
    assert (report.sent, report.retried, waits, len(waiting)) == (sent, 1, slept, left)
    assert len(busy.sent) == sent
    if waiting:
        assert waiting[0].channel == "chat" and waiting[0].last_error == "flood control"
        assert waiting[0].next_try == clock.now + timedelta(seconds=retry_after)


async def test_flush_does_not_wait_on_another_replicas_delivery(db: Database) -> None:
    clock = Clock()
    queue(db, clock, ["chat"])
    with db.engine.begin() as conn:  # another replica holds it, sending right now
        rows.claim_deliveries(conn, clock.now, ["chat"], owner="other",
                              until=clock.now + timedelta(minutes=5))
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)
        clock.now += timedelta(seconds=seconds)

    report, waiting = await Dispatcher(db, {"chat": Recorder("chat")}, clock=clock).flush(
        timedelta(seconds=60), sleep=sleep)
    assert (report.sent, waits, len(waiting)) == (0, [], 1)
