"""A wish is not news: sentences that ask, propose or suppose an act name no parties
(bot/rules/mood.py)."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet
from bot.rules.denial import denied_sentences
from bot.rules.mood import unasserted_sentences
from bot.rules.ruleset import article_from_text
from bot.rules.splitting import sentence_starts
from tests.bot.rules.conftest import RuleFactory

STATES = {"a": ["@country:*", "@person:*"],
          "act": ["agree", "sign", "pact", "talks", "協定", "समझौता", "करार"]}


@pytest.mark.parametrize(("text", "unasserted"), [
    # proposed, supposed, urged, asked
    ("Tokyo and Canberra should sign a pact. They met in May.", [0]),
    ("India and France could agree to pool their drones.", [0]),
    ("Critics urged Seoul and Manila to sign a pact.", [0]),
    ("Will India and Japan ever sign a pact?", [0]),
    ("An access pact would let Indian jets rotate through Darwin.", [0]),
    ("Market note: Indian gunmakers could gain if a US artillery deal is signed.", [0]),
    ("日豪は協定を結ぶべきだ。日米は会談した。", [0]),
    ("「日米の訓練と関係があるのか」と尋ねる客もいる。", [0]),
    ("भारत और जापान को समझौता करना चाहिए। भारत आणि जपानने करार करायला हवा.", [0, 1]),
    ("दोन्ही देश कदाचित करार करतील।", [0]),
    # a wish that someone is said to hold is still a wish
    ("Analysts say Tokyo and Canberra should sign a pact.", [0]),
    ("Experts told reporters that India and Japan could agree to build frigates.", [0]),
    ("専門家は、日豪は防衛協定を結ぶべきだと指摘した。", [0]),
    ("日豪は協定を結ぶべきだとの見方が広がっている。", [0]),
    ("भारत और जापान को रक्षा समझौता करना चाहिए, ऐसा विशेषज्ञों ने कहा।", [0]),
    ("भारत आणि जपानने संरक्षण करार करायला हवा, असे तज्ज्ञांनी सांगितले.", [0]),
    # what someone said will happen is news; so is what they said after meeting, and a
    # clause of its own before the one that says so
    ("The minister said India and Japan would hold the drill in May.", []),
    ("両氏は会談し、協力を強化すべきだと述べた。", []),
    ("दोन्ही मंत्र्यांची बैठक झाली आणि नौदलांनी सराव करावा, असे त्यांनी सांगितले.", []),
    ("Australia has not sailed in Malabar since 2007, and analysts said it could return.",
     []),
    # a Japanese condition supposes the act; によれば ("according to") reports it
    ("協定が結ばれれば、補給を受けやすくなる。", [0]),
    ("防衛省によれば、両国は協定に署名した。", []),
    # a reported act first: what should follow is part of the news
    ("The ministers met on Monday and agreed the navies should train together.", []),
    ("両氏は会談し、協力を強化すべきだとの認識で一致した。", []),
    ("The summit statement kept the pledge that the US would defend Japan.", []),
    # "may" hedges a judgement, and "will" schedules an act
    ("The telling hour may have been when the two ministers met.", []),
    ("India and Japan will sign the pact on Friday.", []),
])
def test_unasserted_sentences(text: str, unasserted: list[int]) -> None:
    assert sorted(unasserted_sentences(text, sentence_starts(text))) == unasserted


def test_pair_looks_past_a_proposal(make_rule: RuleFactory) -> None:
    ruleset = make_rule(STATES, "pair(a, a, act)")
    proposal = "Here is an idea: Japan and India could agree to share sea drones."
    assert not ruleset.match(article_from_text("", proposal)).matches
    report = "Japan and India agree to share sea drones."
    assert ruleset.match(article_from_text("", report)).matches


def test_an_opinion_piece_proposing_a_pact_is_no_alert(default_ruleset: RuleSet) -> None:
    article = article_from_text(
        "Opinion: the case for a sensor drone pact",
        "Nobody in government has floated it yet.\n"
        "Indonesia and Australia should agree to build a common family of sea drones and "
        "share what their navies learn.\n"
        "Would Jakarta and Canberra sign such a defence pact?\n"
        "Their ministers ought to ask officials to study it.")
    assert not default_ruleset.match(article).matches


def test_sentence_of_one_group_asks_for_a_sentence_of_todays_news(
        make_rule: RuleFactory) -> None:
    ruleset = make_rule(STATES, "title:a and not sentence(title:a)")
    wish = article_from_text("India and Japan ought to pool their frigate yards", "")
    question = article_from_text("Will Japan and the US ever sign a coast guard pact?", "")
    report = article_from_text("India and Japan pool their frigate yards", "")
    assert ruleset.match(wish).matches
    assert ruleset.match(question).matches
    assert not ruleset.match(report).matches


# A column arguing for a pact: its body tells, as background, of acts the two states
# really did, with the pair words and repeated names of a report
_CASE_FOR = (
    "Ask a Japanese admiral about the Philippines and you hear about trust; ask about "
    "fuel bills and the answer gets thinner.\n"
    "Japan and the Philippines signed a reciprocal access agreement last year, and "
    "Japanese and Philippine ships now exercise together in the South China Sea.\n"
    "Manila buys Japanese radars; Tokyo trains Philippine coast guard crews; Japan "
    "lends the Philippines patrol boats.\n"
    "The next step is a standing logistics arrangement between the two forces.")


@pytest.mark.parametrize("title", [
    "Tokyo and Manila should turn their drills into a standing supply pact",
    "Could Japan and the Philippines be the next Indo-Pacific alliance?",
])
def test_a_headline_that_argues_for_a_pact_heads_no_alert(
        default_ruleset: RuleSet, title: str) -> None:
    assert not default_ruleset.match(article_from_text(title, _CASE_FOR)).matches


def test_the_same_story_under_a_headline_that_reports_alerts(
        default_ruleset: RuleSet) -> None:
    title = "Tokyo and Manila turn their drills into a standing supply pact"
    got = default_ruleset.match(article_from_text(title, _CASE_FOR)).rule_ids
    assert "bilateral-defence" in got


def test_a_pair_column_in_hindi_heads_no_alert(default_ruleset: RuleSet) -> None:
    body = ("लड़ाकू विमानों के इंजन के लिए भारत आज भी दूसरों पर निर्भर है।\n"
            "भारत और अमेरिका ने पिछले साल रक्षा सहयोग समझौते पर हस्ताक्षर किए।\n"
            "भारत और अमेरिका की नौसेनाएं हर साल संयुक्त अभ्यास करती हैं।\n"
            "अमेरिका भारत को विमान बेचता है और भारत अमेरिका से इंजन खरीदता है।")
    column = article_from_text("भारत को अमेरिका के साथ इंजन बनाने चाहिए", body)
    assert not default_ruleset.match(column).matches


@pytest.mark.parametrize(("text", "denied"), [
    ("Tokyo and Canberra say their ties have never been closer.", []),
    ("Never before have the Indian and Japanese navies sailed so far together.", []),
    ("Relations between Seoul and Manila were never stronger, the envoy said.", []),
    ("The two governments never signed the pact.", [0]),
])
def test_never_in_praise_denies_no_act(text: str, denied: list[int]) -> None:
    assert sorted(denied_sentences(text, sentence_starts(text))) == denied


def test_a_headline_praising_ties_after_talks_alerts(default_ruleset: RuleSet) -> None:
    article = article_from_text(
        "Tokyo says India ties 'never closer' after defence talks",
        "Japan's defence minister said relations with India had never been closer, a day "
        "after hosting his Indian counterpart for talks on Tuesday.")
    assert {"india-japan", "bilateral-defence"} <= set(default_ruleset.match(article).rule_ids)
