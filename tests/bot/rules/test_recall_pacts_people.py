"""Recall of two classes the written styles of test_recall_styles.py do not reach: pacts,
more than one, with a run of two states ("access agreements with Australia and Britain":
one with each, the two no pair of their own), and ministers and leaders of earlier years
named and not their states (Gates and Kitazawa in 2009, Howard and Abe in 2007), in
English and Japanese. Texts written for these tests."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet
from tests.bot.rules.helpers import PAIR_TOPICS, WATCHED
from tests.bot.rules.test_recall_matrix import PAIRS, S, Side, _low


def _pacts(a: Side, b: Side) -> dict[str, tuple[str, str]]:
    """Pacts, more than one, with a run of two states: one with each, the two no pair of
    their own (France: no watched pair with any)."""
    sa, sb = a.state, _low(b.state)
    return {
        "pacts-headline": (f"{sa} signs access pacts with {b.state}, France",
                           f"{sa} signed reciprocal access agreements with {sb} and France on "
                           "Friday."),
        "pacts-approved": ("Parliament approves troop pacts",
                           f"{a.cap} approved status of forces agreements with France and "
                           f"{sb} on Friday, clearing the way for their troops to train "
                           "together."),
    }


@pytest.mark.parametrize("pair", PAIRS[:5], ids=[f"{a}-{b}" for a, b in PAIRS[:5]])
def test_pacts_with_a_run_of_two_are_one_with_each(default_ruleset: RuleSet,
                                                   pair: tuple[str, str]) -> None:
    wrong = []
    for a, b in (pair, pair[::-1]):
        expected = {"bilateral-defence", WATCHED[frozenset(pair)]}
        for style, (title, text) in _pacts(S[a], S[b]).items():
            got = set(default_ruleset.match_text(title, text).rule_ids)
            if not expected <= got or (got & PAIR_TOPICS) - expected:
                wrong.append(f"{style}/{a}-{b}: {sorted(got)}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("title,text", [
    ("Japan joins research pact", "Japan signed an agreement with Australia and Britain on "
     "Tuesday on joint research into hypersonic weapons."),
    ("Japan, Philippines sign troop pact", "Japan and the Philippines signed a reciprocal "
     "access agreement on Monday. Japan has similar pacts with Australia and Britain."),
    ("Three-way drill", "Japan held naval exercises with Australia and Britain on Tuesday."),
])
def test_one_pact_or_drill_with_two_is_no_pair(default_ruleset: RuleSet, title: str,
                                               text: str) -> None:
    """One pact or drill with a run of two is a group of three; pacts with two as the
    background of another pair's news are theirs."""
    assert not set(default_ruleset.match_text(title, text).rule_ids) & {"japan-australia"}


# ministers and leaders of earlier years, named and not their states
_EARLIER = [
    ("us-japan", "Gates presses Tokyo on Futenma plan",
     "TOKYO - Defense Secretary Robert M. Gates told Japan's new government on Wednesday that "
     "there was no alternative to the agreed plan, urging Tokyo to move quickly after talks "
     "with Defense Minister Toshimi Kitazawa."),
    ("japan-australia", "Howard and Abe seal security pact",
     "TOKYO: John Howard and his Japanese counterpart Shinzo Abe have signed a joint "
     "declaration on security co-operation."),
    ("india-australia", "Rudd, Manmohan Singh discuss defence ties",
     "Kevin Rudd and Manmohan Singh agreed on Tuesday to deepen defence cooperation."),
    ("japan-australia", "Fitzgibbon, Kitazawa hold talks",
     "Joel Fitzgibbon met Toshimi Kitazawa in Tokyo on Tuesday and the two agreed to step up "
     "joint training."),
    ("india-us", "Fernandes meets Rumsfeld at the Pentagon",
     "George Fernandes met Donald Rumsfeld on Monday and the two signed a framework for "
     "defence cooperation."),
    ("us-japan", "北沢防衛相、ゲーツ長官と会談",
     "北沢俊美防衛相は21日、来日中のゲーツ米国防長官と防衛省で会談した。"),
    ("japan-australia", "日豪首脳、安保共同宣言に署名",
     "安倍首相は13日、来日したハワード首相と会談し、安全保障協力に関する日豪共同宣言に署名した。"),
]


@pytest.mark.parametrize("topic,title,text", _EARLIER, ids=[f"{i}-{m[0]}" for i, m in
                                                           enumerate(_EARLIER)])
def test_ministers_of_earlier_years(default_ruleset: RuleSet, topic: str, title: str,
                                    text: str) -> None:
    got = set(default_ruleset.match_text(title, text).rule_ids)
    assert {topic, "bilateral-defence"} <= got and not (got & PAIR_TOPICS) - {topic}, got


def test_a_namesake_of_an_earlier_minister_is_nobody(default_ruleset: RuleSet) -> None:
    got = default_ruleset.match_text("Bill Gates visits Tokyo", "Microsoft founder Bill Gates "
                                     "met Japanese officials in Tokyo on Tuesday on vaccines.")
    assert not set(got.rule_ids) & PAIR_TOPICS
