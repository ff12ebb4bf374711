"""Security checks: the bot token never reaches logs, errors, the database or `status`, even
when Telegram fails in every way during `defwatch -v once`; operator commands are for
operators only. (The SSRF guard has its own module: test_ssrf.py.)"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from telegram import User

from bot.channels.telegram.commands import is_admin
from bot.cli.status import print_status
from bot.config.options import BUNDLED_RULES, load_config
from tests.fakes.telegram_api import FakeTelegram
from tests.reliability.newsgen import stories
from tests.reliability.site import SiteServer, serve_news

PROJECT = Path(__file__).resolve().parents[2]
SECRET = "AAH-very-secret-part-0123456789"


def _token(case: str) -> str:
    return f"7000001:{SECRET}-{case}"


def _start_once(workdir: Path, feed: str, token: str, base_url: str) -> subprocess.Popen[bytes]:
    config = workdir / "defwatch.yaml"
    config.write_text(
        f"database: sqlite:///dw.db\nrules: {BUNDLED_RULES}\n"
        f"sources:\n  - {{id: news, kind: rss, url: '{feed}'}}\n"
        "channels: ['jsonl:alerts.jsonl', 'telegram:@leaky_channel']\n"
        "events: {max_age: off}\n"  # the fixtures are old news
        "fetch: {per_host_delay: 0s, allow_private: true}\nhttp: {listen: 'off'}\n",
        encoding="utf-8")
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": token, "TELEGRAM_API_BASE_URL": base_url,
           "DEFWATCH_LOG_FORMAT": "json", "PYTHONPATH": str(PROJECT)}
    env.pop("DEFWATCH_CONFIG", None)
    with (workdir / "out.txt").open("wb") as out:
        return subprocess.Popen([sys.executable, "-m", "bot.cli", "-v", "once", "-c",
                                 str(config)], cwd=workdir, env=env, stdout=out,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)


def _status(workdir: Path) -> str:
    lines: list[str] = []
    print_status(load_config(str(workdir / "defwatch.yaml")), lines.append)
    return "\n".join(lines)


def test_the_token_never_leaks_when_telegram_fails(tmp_path: Path) -> None:
    with SiteServer() as site, FakeTelegram(token=_token("flaky")) as flaky, \
            FakeTelegram(token=_token("other")) as strict:
        [feed] = serve_news(site, stories(1))
        flaky.fail("sendMessage", 500, description="Internal Server Error", times=100)
        closed = FakeTelegram()  # bound, never started, then closed: connections refused
        dead_url = closed.base_url
        closed.stop()
        cases = {  # case -> (token the service uses, Bot API it talks to)
            "server-errors": (_token("flaky"), flaky.base_url),
            "token-rejected": (_token("rejected"), strict.base_url),
            "unreachable": (_token("unreachable"), dead_url),
        }
        running = {}
        for case, (token, base_url) in cases.items():
            (tmp_path / case).mkdir()
            running[case] = _start_once(tmp_path / case, feed, token, base_url)
        codes = {case: proc.wait(timeout=120) for case, proc in running.items()}
    assert codes == dict.fromkeys(cases, 0)

    for case in cases:
        workdir = tmp_path / case
        output = (workdir / "out.txt").read_text(encoding="utf-8")
        with sqlite3.connect(workdir / "dw.db") as db:
            stored = "\n".join(db.iterdump())
            [error] = db.execute("SELECT last_error FROM deliveries "
                                 "WHERE channel = 'telegram:@leaky_channel'").fetchone()
        status = _status(workdir)
        assert error, f"{case}: the failure was recorded"
        assert error in " ".join(status.split()) or error[:40] in status, case
        for where, text in (("log", output), ("database", stored), ("status", status)):
            assert SECRET not in text, f"{case}: token in the {where}"
        assert "alert=" in output and "delivery will be retried" in output, case
        print(f"{case}: {error}")


def _user(user_id: int, username: str | None = None, first_name: str = "Someone") -> User:
    return User(id=user_id, first_name=first_name, is_bot=False, username=username)


@pytest.mark.parametrize(("admins", "user", "allowed"), [
    ([11], _user(11), True),
    (["11"], _user(11), True),  # an id written as a string
    ([11], _user(12), False),
    (["@chief"], _user(606, "chief"), True),
    (["@chief"], _user(606, "CHIEF"), True),  # usernames are case-insensitive
    (["chief"], _user(606, "chief"), True),
    (["@chief"], _user(607, "chief_deputy"), False),
    (["@chief"], _user(608, None, first_name="chief"), False),  # a display name is not it
    (["@"], _user(609, None), False),  # an empty entry matches nobody
    ([""], _user(609, None), False),
    ([], _user(11), False),
    ([-1001234], _user(-1001234 & 0xFFFF), False),
])
def test_who_is_an_operator(admins: list[int | str], user: User, allowed: bool) -> None:
    assert is_admin(user, admins) is allowed
    assert is_admin(None, admins) is False  # channel posts have no sender
