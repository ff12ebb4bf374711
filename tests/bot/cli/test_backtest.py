"""`rules backtest`: a rule edit previewed over what the store already holds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.cli.rules import backtest
from bot.config.options import BUNDLED_RULES, Config, EventsConfig, FetchConfig
from bot.demo.run import demo_routes
from bot.rules import load_ruleset
from bot.service.app import App
from bot.store import open_database
from bot.store.articles import StoredArticle, articles_since
from bot.store.db import utcnow
from tests.loopback import LoopbackServer

HOCKEY_RULE = """\
id: hockey
title: India–Japan hockey
terms:
  india: ["@india"]
  japan: ["@japan"]
  hockey: [hockey]
require: india and japan and hockey
"""
# At store time: a rule that never matches but names the hockey page's terms, so the cheap
# pass (which ignores `exclude`) lets that page through to be stored, as a pack whose rules
# touch on sport would.
HOCKEY_HELD = HOCKEY_RULE.replace("id: hockey", "id: hockey-held") + "exclude: [hockey]\n"


async def stored_demo(server: LoopbackServer, tmp_path: Path) -> Config:
    routes, sources = demo_routes(server.url("").rstrip("/"))
    for path, (body, ctype) in routes.items():
        server.add(path, body, content_type=ctype)
    rules = tmp_path / "stored-rules"
    shutil.copytree(BUNDLED_RULES, rules)
    (rules / "hockey-held.yaml").write_text(HOCKEY_HELD, encoding="utf-8")
    config = Config(database=f"sqlite:///{tmp_path}/dw.db", rules=rules,
                    events=EventsConfig(max_age=None),  # the fixtures are old news
                    sources=sources, channels=[], path=tmp_path / "defwatch.yaml",
                    fetch=FetchConfig(per_host_delay=0, allow_private=True))
    async with App(config) as app:
        report = await app.cycle(everything=True)
    assert len(report.alerts) == 2
    return config


def stored_articles(config: Config) -> list[StoredArticle]:
    db = open_database(config.database)
    with db.engine.begin() as conn:
        stored = articles_since(conn, utcnow().replace(year=2000))
    db.close()
    return stored


@pytest.fixture
def edited_rules(tmp_path: Path) -> Path:
    rules = tmp_path / "rules"
    shutil.copytree(BUNDLED_RULES, rules)
    (rules / "malabar.yaml").unlink()
    (rules / "hockey.yaml").write_text(HOCKEY_RULE, encoding="utf-8")
    return rules


async def test_added_dropped_and_changed(loopback: LoopbackServer, tmp_path: Path,
                                         edited_rules: Path) -> None:
    config = await stored_demo(loopback, tmp_path)
    stored = stored_articles(config)
    result = backtest(load_ruleset(edited_rules), stored)
    # Pages the cheap pass rejects before extraction are never stored: the backtest sees
    # every stored page and nothing else (which pages the pass rejects is tested elsewhere).
    assert result.articles == len(stored) >= 8
    assert [sorted(d.new) for d in result.added] == [["hockey"]]
    assert result.dropped == []
    [changed] = result.changed
    assert changed.old - changed.new == {"malabar"}
    assert result.changed[0].new >= {"india-japan", "acsa"}


async def test_unchanged_rules_change_nothing(loopback: LoopbackServer, tmp_path: Path) -> None:
    config = await stored_demo(loopback, tmp_path)
    stored = stored_articles(config)
    result = backtest(load_ruleset(BUNDLED_RULES), stored)
    assert (result.added, result.dropped, result.changed) == ([], [], [])


async def test_cli_prints_the_preview(loopback: LoopbackServer, tmp_path: Path,
                                      edited_rules: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    await stored_demo(loopback, tmp_path)
    (tmp_path / "defwatch.yaml").write_text("database: sqlite:///dw.db\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["rules", "backtest", str(edited_rules), "--since", "3650d"]) == 0
    out = capsys.readouterr().out
    assert "would add 1 alert(s)" in out
    assert "[hockey]" in out
    assert "-malabar" in out
