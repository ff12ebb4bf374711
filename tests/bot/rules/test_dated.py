"""History is not news: sentences that tell of long ago name no parties (bot/rules/dated.py)."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.events.years import AGO_TEN
from bot.rules import RuleSet, dated
from bot.rules.dated import counted_back, dated_sentences, fold_digits
from bot.rules.ruleset import article_from_text
from bot.rules.splitting import sentence_starts
from tests.bot.rules.conftest import RuleFactory
from watchers import Article

STATES = {"a": ["@country:*", "@person:*"], "act": ["signed", "talks", "署名", "हस्ताक्षर"]}


@pytest.mark.parametrize(("text", "year", "dated"), [
    ("On June 19, 1960, Japan and the US signed a treaty. They met again.", 2020, [0]),
    ("In 1998, India tested. Japan and India held talks.", 2024, [0]),
    ("1960年6月、日米が条約に署名した。今日は会談した。", 2025, [0]),
    ("१९६० में भारत और जापान ने हस्ताक्षर किए। आज वार्ता हुई।", 2025, [0]),
    # a Japanese era year: 昭和35年 is 1960, 平成元年 1989, 令和2年 2020
    ("昭和３５年１月、日米が条約に署名した。平成元年に会談した。令和2年に署名した。", 2025,
     [0, 1]),
    ("半世紀前、日米が署名した。भारत और जापान ने साठ वर्ष पूर्व संधि की।", None, [0, 1]),
    ("Sixty years ago Japan and the US signed it. Now they talk.", None, [0]),
    ("Six decades ago, that was. それは65年前のことだ。", None, [0, 1]),
    ("भारत और जापान ने साठ साल पहले संधि की। भारत आणि जपानने ६० वर्षांपूर्वी करार केला।",
     None, [0, 1]),
    # a few years back is the context of today's news
    ("In 2020, India and Japan signed the ACSA.", 2024, []),
    ("India and Japan, who met two years ago, held talks. 2年前に署名した協定だ。", None, []),
    ("भारत और जापान ने दो साल पहले करार किया। दोन वर्षांपूर्वी करार झाला।", None, []),
    # a year further on names a thing of today by its past
    ("India and Japan upgraded the declaration they signed in 2008.", 2025, []),
    # and so does a count-back in a clause naming a thing ("the declaration signed by ...
    # fifteen years ago", "the pact that ... two decades ago"); a passive's own verb is
    # the sentence's
    ("The two agreed to update the charter signed by their fathers fifteen years ago.",
     None, []),
    ("They will revise the pact that Japan and India agreed two decades ago.", None, []),
    ("The treaty was signed by Japan and the US sixty years ago.", None, [0]),
    # a sentence that says when, today, it happens is news
    ("In 1998 terms, India and France signed on Monday a pact.", 2025, []),
    ("令和5年に日印が協定に署名した。पूर्व रक्षा मंत्री ने दो वर्ष पूर्व वार्ता की।", 2025, []),
    # numbers that are no years
    ("Tel 1960-3456 and 1,960 people.", 2025, []),
    ("India and Japan held talks.", None, []),
])
def test_dated_sentences(text: str, year: int | None, dated: list[int]) -> None:
    assert sorted(dated_sentences(text, sentence_starts(text), year)) == dated


def _article(title: str, text: str, year: int) -> Article:
    return Article(url="", title=title, text=text, source_id="", outlet="",
                   published=datetime(year, 6, 1, tzinfo=UTC),
                   paragraphs=tuple(p for p in text.split("\n") if p))


def test_pair_and_sentence_look_past_history(make_rule: RuleFactory) -> None:
    ruleset = make_rule(STATES, "pair(a, a, act)")
    story = "On June 19, 1960, Japan and the United States signed the revised treaty."
    assert not ruleset.match(_article("", story, 2020)).matches
    assert ruleset.match(_article("", story, 1960)).matches  # news when it was published
    ruleset = make_rule(STATES, "sentence(a, act)")
    assert not ruleset.match(_article("", "Sixty years ago, Japan signed it.", 2020)).matches


@pytest.mark.parametrize(("title", "text", "alerted"), [
    # the story of a past treaty, in the body only
    ("The night a treaty took effect",
     "On June 19, 1960, the revised security treaty between Japan and the United States "
     "took effect after talks failed in the Diet.\nSixty years ago, Japan and the US "
     "defence chiefs signed it.", False),
    # an anniversary with nothing done now
    ("Japan, US defence chiefs mark treaty anniversary",
     "The defence ministers of Japan and the United States laid wreaths.", False),
    # an anniversary that also announces a new agreement
    ("Japan, US defence chiefs sign new pact on treaty anniversary",
     "The defence ministers of Japan and the United States signed a new agreement.", True),
])
def test_history_is_no_news(default_ruleset: RuleSet, title: str, text: str,
                            alerted: bool) -> None:
    assert bool(default_ruleset.match(_article(title, text, 2020)).matches) is alerted


@pytest.mark.parametrize(("title", "text", "paired"), [
    # what the two do as a habit is the background of a report, no act of today
    ("Frigates of seven navies end drill",
     "Indian and Japanese sailors have met often in recent years.", False),
    ("七か国の艦艇が訓練終了", "日本とインドの海軍はたびたび共同訓練をしてきた。", False),
    ("सात नौसेनाओं का अभ्यास समाप्त", "भारत और जापान की नौसेनाएं अक्सर अभ्यास करती हैं।", False),
    ("सात नौदलांचा सराव संपला", "भारत आणि जपानची नौदले नियमितपणे सराव करतात.", False),
    # said with the day it happens, or as what was agreed from now on, it is news
    ("Frigates of seven navies end drill",
     "Indian and Japanese sailors met again on Monday, as they often do.", True),
    ("Frigates of seven navies end drill",
     "India and Japan agreed that their navies would train together regularly.", True),
    ("Frigates of seven navies end drill",
     "India wants Japanese jets to train with its air force more often.", True),
])
def test_a_habit_names_no_pair(make_rule: RuleFactory, title: str, text: str,
                               paired: bool) -> None:
    ruleset = make_rule({"a": ["@country:*"], "act": ["met", "agreed", "train", "訓練",
                                                      "अभ्यास", "सराव"]},
                        "pair(a, a, act)")
    assert bool(ruleset.match(article_from_text(title, text)).matches) is paired
def _searched_whole(folded: str, starts: list[int]) -> frozenset[int]:
    """The count-backs found by one search of the whole text: what counted_back must find
    while it searches only the stretches around "ago", 年前, पहले and पूर्व."""
    out = set()
    for m in AGO_TEN.finditer(folded):
        i = bisect_right(starts, m.start()) - 1
        if not dated._NAMED_BY_PAST.search(folded, starts[i], m.start()):
            out.add(i)
    return frozenset(out)


_PIECES = ("sixty", "60", "१९", "twenty-five", "years", "years ago", "ago", "decades ago",
           "a few", "the pact that", "signed by", "Chicago", "साठ", "साल", "पहले", "पूर्व",
           "वर्षांपूर्वी", "दशकांपूर्वी", "65", "年前", "半世紀前", "十年前", " ", " ", "\n", ". ",
           ", ", "。", "।", "-", "(", "'")


@pytest.mark.parametrize("text", [
    "Sixty years ago, they met. (Sixty years ago) and, sixty years ago.",
    "Chicago: 60 years ago. The pact that they signed sixty years ago; 65\n年前に。",
    "साठ साल\nपहले संधि हुई। ६०\nवर्षांपूर्वी करार झाला. 十年前",
    "ago ago. ten years ago",
])
def test_counted_back_finds_what_a_whole_search_finds(text: str) -> None:
    folded, starts = fold_digits(text), sentence_starts(text)
    assert counted_back(folded, starts) == _searched_whole(folded, starts)
    assert counted_back(folded, starts)  # each text has a count-back to find


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_counted_back_agrees_on_any_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    folded, starts = fold_digits(text), sentence_starts(text)
    assert counted_back(folded, starts) == _searched_whole(folded, starts)


def test_no_stop_can_be_part_of_a_count_back() -> None:
    # the stretches end at these: a match of the whole-text search never holds one
    for stop in dated._GAPS:
        assert re.fullmatch(r"[\w\s-]", stop) is None, stop
