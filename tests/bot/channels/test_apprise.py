"""Apprise channels end to end: e-mail through a real SMTP server on loopback, a JSON
webhook to the loopback HTTP server, and a failing service that blocks nobody."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from bot.channels import Channel, build_channels
from bot.channels.apprise import AppriseChannel, apprise_name
from bot.outbox import Dispatcher
from bot.store import Database
from bot.store import outbox as outbox_rows
from tests.bot.channels.conftest import make_alert, queue
from tests.loopback import LoopbackServer


class Mailbox:
    """aiosmtpd handler keeping what it was sent."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        self.messages.append(parsed)
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp() -> Iterator[tuple[Mailbox, int]]:
    mailbox, port = Mailbox(), free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield mailbox, port
    finally:
        controller.stop()


def body(message: EmailMessage, subtype: str) -> str:
    part = message.get_body(preferencelist=(subtype,))
    assert part is not None
    return str(part.get_content())


async def test_email_carries_the_alert_then_a_short_note_for_the_update(
        db: Database, smtp: tuple[Mailbox, int]) -> None:
    mailbox, port = smtp
    url = (f"mailto://127.0.0.1:{port}?mode=insecure&from=defwatch@example.org"
           "&to=desk@example.org")
    name = apprise_name(url)
    channels: dict[str, Channel] = {name: AppriseChannel(url, min_interval_s=0)}
    title = "India & Japan <b>sign</b> a pact"
    queue(db, make_alert(title=title, summary=title, sources=1), channels)
    d = Dispatcher(db, channels)
    assert (await d.run_once()).sent == 1
    [first] = mailbox.messages
    assert first["Subject"] == f"[New] {title}"
    assert first["To"] == "desk@example.org"
    html = body(first, "html")
    assert "&lt;b&gt;sign&lt;/b&gt;" in html  # the page's markup is shown, not applied
    assert 'href="https://news1.example.org/2020/12/22/call-1.html"' in html
    plain = body(first, "plain")
    assert "Outlet 1" in plain and title in plain

    queue(db, make_alert(action="update", title=title, sources=2), channels)
    assert (await d.run_once()).sent == 1
    note = body(mailbox.messages[1], "plain")
    assert note.startswith(f"+1 source: Outlet 2 — {title}")
    with db.engine.begin() as conn:
        assert outbox_rows.backlog(conn) == {name: {"sent": 2}}


async def test_json_webhook_receives_title_and_markdown_body(db: Database,
                                                             loopback: LoopbackServer) -> None:
    loopback.add("/hooks/defwatch", "ok", content_type="text/plain")
    url = f"json://127.0.0.1:{loopback.port}/hooks/defwatch"
    channels = build_channels([url], Path.cwd())
    queue(db, make_alert(sources=2), channels)
    assert (await Dispatcher(db, channels).run_once()).sent == 1
    [request] = [r for r in loopback.requests if r.path == "/hooks/defwatch"]
    assert request.method == "POST"
    payload = json.loads(request.body)
    assert payload["title"] == "[New] India and Japan defence ministers hold a call"
    assert "**Outlet 2**" in payload["message"]
    assert "<https://news2.example.org/2020/12/22/call-2.html>" in payload["message"]


async def test_a_failing_service_blocks_no_other_channel_and_shows_why(
        db: Database, tmp_path: Path) -> None:
    dead = f"json://127.0.0.1:{free_port()}/nobody-listens"  # connection refused
    channels = build_channels([dead, "jsonl:alerts.jsonl"], tmp_path)
    queue(db, make_alert(), channels)
    report = await Dispatcher(db, channels).run_once()
    assert (report.sent, report.retried) == (1, 1)
    assert len((tmp_path / "alerts.jsonl").read_text().splitlines()) == 1
    with db.engine.begin() as conn:
        backlog = outbox_rows.backlog(conn)
        errors = outbox_rows.last_errors(conn)
    assert backlog == {apprise_name(dead): {"pending": 1}, "jsonl:alerts.jsonl": {"sent": 1}}
    assert errors[apprise_name(dead)].startswith("not delivered (failure)")


def test_apprise_refuses_nonsense_at_start() -> None:
    with pytest.raises(Exception, match="Apprise does not accept"):
        AppriseChannel("mailto://")
