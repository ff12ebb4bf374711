"""A Japanese paper's editorial or column is labelled before its headline (【主張】, 【社説】,
＜論説＞, 【正論】): its lead recounts the news it argues from, and the story is a case
argued, no report, like an English headline's "Editorial:". The same news without the
label, or with the word inside a headline ("中国の主張に反論"), is still read (texts written
for these tests)."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet

LEAD = "日本とインドは16日、防衛協力の強化で一致した。両国は連携を一層深めるべきだ。"


@pytest.mark.parametrize("title", [
    "【主張】日印防衛協力　連携を一層深めよ",
    "【社説】日印防衛協力の強化を歓迎する",
    "＜論説＞日印の防衛協力　次は共同開発だ",
    "【正論】日印連携の次の一手",
    "Editorial: India and Japan must deepen defence ties",
])
def test_an_editorial_label_reports_no_act(default_ruleset: RuleSet, title: str) -> None:
    assert not default_ruleset.match_text(title, LEAD).rule_ids


@pytest.mark.parametrize("title", [
    "日印防衛協力の強化で一致",
    "日印防衛相会談、中国の主張に反論",
])
def test_the_same_news_unlabelled_is_read(default_ruleset: RuleSet, title: str) -> None:
    assert {"india-japan", "bilateral-defence"} <= set(
        default_ruleset.match_text(title, LEAD).rule_ids)
