"""Apprise channels end to end: e-mail through a real SMTP server on loopback, a JSON
webhook to the loopback HTTP server, and a failing service that blocks nobody."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from markdown_it import MarkdownIt

from bot.channels import Channel, build_channels
from bot.channels.apprise import AppriseChannel, apprise_name
from bot.pipeline.dispatch import Dispatcher
from bot.store import Database
from bot.store import outbox as outbox_rows
from tests.bot.channels.conftest import make_alert, queue, source
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
    assert note.splitlines()[:2] == ["+1 source: Outlet 2 — Ministers hold a call, report 2",
                                     f"  on: {title}"]
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


PAGE_TITLE = "India &amp; Japan <b>sign</b> *a* [pact](http://e.vil) ~~now~~ & more"


class _Visible(HTMLParser):
    """Tags and visible text of an HTML body."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.parts: list[str] = []
        self.feed(html)
        self.close()
        self.text = "".join(self.parts)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


OWN_TAGS = {"p", "ul", "ol", "li", "strong", "a"}  # what render_markdown writes itself


def commonmark(body: str) -> _Visible:
    return _Visible(MarkdownIt("commonmark").enable(["strikethrough", "table"]).render(body))


async def _notify_json(loopback: LoopbackServer, query: str) -> dict[str, Any]:
    loopback.add("/hook", "ok", content_type="text/plain")
    channel = AppriseChannel(f"json://127.0.0.1:{loopback.port}/hook{query}",
                             min_interval_s=0)
    hostile = source(2, outlet="Out<i>let", title=PAGE_TITLE)
    alert = make_alert(title=PAGE_TITLE, summary=PAGE_TITLE, extra=(hostile,))
    await channel.send(alert, alert_id=1, previous_ref=None)
    [request] = [r for r in loopback.requests if r.path.startswith("/hook")]
    payload: dict[str, Any] = json.loads(request.body)
    assert payload["title"] == f"[New] {PAGE_TITLE}"  # a title field is shown literally
    return payload


async def test_a_markdown_service_gets_commonmark_that_shows_page_text_as_written(
        loopback: LoopbackServer) -> None:
    message = (await _notify_json(loopback, ""))["message"]  # json:// takes Markdown
    assert r"\<b\>sign\</b\>" in message and r"\&amp;" in message
    shown = commonmark(message)
    assert shown.tags <= OWN_TAGS
    assert shown.text.count(PAGE_TITLE) == 2 and "Out<i>let" in shown.text
    assert "<https://news2.example.org/2020/12/22/call-2.html>" in message  # still a link


async def test_an_html_service_gets_html_with_page_text_escaped(
        loopback: LoopbackServer) -> None:
    message = (await _notify_json(loopback, "?format=html"))["message"]
    shown = _Visible(message)
    assert shown.tags <= OWN_TAGS
    assert shown.text.count(PAGE_TITLE) == 2 and "Out<i>let" in shown.text
    assert 'href="https://news2.example.org/2020/12/22/call-2.html"' in message


async def test_a_text_service_gets_plain_text_not_markdown(loopback: LoopbackServer) -> None:
    message = (await _notify_json(loopback, "?format=text"))["message"]
    assert message.startswith(PAGE_TITLE + "\n")  # the title is in its own field
    assert "**" not in message and "\\" not in message
    assert "  2. Out<i>let: " + PAGE_TITLE in message
    assert "     https://news2.example.org/2020/12/22/call-2.html" in message


async def test_a_title_shown_in_the_body_is_escaped_like_the_body(
        loopback: LoopbackServer) -> None:
    """Evolution (WhatsApp) has no title field: Apprise makes the title a heading of the
    Markdown body, then turns the whole into WhatsApp's own markup."""
    loopback.add("/message/sendText/desk", "{}", content_type="application/json")
    channel = AppriseChannel(f"evolution://key@127.0.0.1:{loopback.port}/desk/15551234567",
                             min_interval_s=0)
    await channel.send(make_alert(title=PAGE_TITLE, summary=PAGE_TITLE), alert_id=1,
                       previous_ref=None)
    [request] = loopback.requests
    heading, summary, *_ = json.loads(request.body)["text"].splitlines()
    assert heading == f"*[New] {PAGE_TITLE}*"  # bold, and the page's markup left alone
    assert summary == PAGE_TITLE


async def test_a_page_cannot_ping_a_whole_room(loopback: LoopbackServer) -> None:
    loopback.add("/hook", "ok", content_type="text/plain")
    channel = AppriseChannel(f"json://127.0.0.1:{loopback.port}/hook", min_interval_s=0)
    title = "@everyone: ministers meet; @here too (mail desk@here.org)"
    await channel.send(make_alert(title=title, summary="@channel @All"), alert_id=1,
                       previous_ref=None)
    [request] = [r for r in loopback.requests if r.path.startswith("/hook")]
    payload = json.loads(request.body)
    for text in (payload["title"], payload["message"]):
        for word in ("everyone", "here", "channel", "All"):
            assert f"@{word}" not in text.replace("desk@here.org", "")
    assert "@\u200beveryone" in payload["title"] and "desk@here.org" in payload["title"]
