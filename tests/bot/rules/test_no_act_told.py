"""More ways ordinary news names two states and a drill without any act of the two: a
meeting pushed back (denial.py), a headline whose states stand only in its question, an
op-ed's "time to" or a story of speculation (mood.py), a board game named like an
exercise (homonyms.py), what grew over the past decades and what one force does often
(dated.py), and a look back at an exercise's first edition (the `history` condition)."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet
from bot.rules.dated import habitual_sentences
from bot.rules.denial import denied_sentences
from bot.rules.mood import unasserted_sentences
from bot.rules.ruleset import article_from_text
from bot.rules.splitting import sentence_starts


@pytest.mark.parametrize(("text", "denied"), [
    ("Defence talks with Japan pushed back amid tariff row.", [0]),
    ("The India-Australia drill has been deferred to next year.", [0]),
    ("The summit is on hold.", [0]),
    ("日豪の防衛協議、先送り。", [0]),
    ("関係者「現時点で協議なし」", [0]),
    # resisting a claim is no putting off; a long-delayed pact signed is news
    ("Japan and the US pushed back against Chinese claims on Monday.", []),
    ("India and the US signed the long-delayed pact.", []),
    ("Strykers and a delayed edition: Indo-US army drill opens in Bikaner.", []),
    ("The drill, which had been on hold for four years, opened on Monday.", []),
])
def test_put_off(text: str, denied: list[int]) -> None:
    assert sorted(denied_sentences(text, sentence_starts(text))) == denied


@pytest.mark.parametrize(("text", "unasserted"), [
    ("Time to go beyond words with Japan.", [0]),
    ("Speculation grows that Canberra and Tokyo will sign.", [0]),
    ("次期戦闘機、インド参加の可能性は", [0]),
    ("भारत-अमेरिका संबंधों को लेकर अनुमान लगाए जा रहे हैं।", [0]),
    ("The ministers met amid speculation about a new pact.", []),
])
def test_time_to_and_speculation(text: str, unasserted: list[int]) -> None:
    assert sorted(unasserted_sentences(text, sentence_starts(text))) == unasserted


@pytest.mark.parametrize(("text", "habits"), [
    ("Over the past two decades India and the US have drawn close.", [0]),
    ("पिछले दो दशकों में दोनों देशों ने लंबा सफर तय किया है।", [0]),
    ("गेल्या दशकात भारत आणि जपान यांचे संरक्षण संबंध वाढले.", [0]),
    ("米軍は同種のミサイルを頻繁に試射している。", [0]),
    ("India and the US signed the pact on Monday.", []),
    # told today: the pact used N times in the last years, the ministry said on Tuesday
    ("भारत-जपान करार गेल्या तीन वर्षांत चौदा वेळा वापरला गेल्याची माहिती सरकारने मंगळवारी दिली.",
     []),
])
def test_what_grew_over_the_years_is_a_habit(text: str, habits: list[int]) -> None:
    assert sorted(habitual_sentences(text, sentence_starts(text))) == habits


@pytest.mark.parametrize(("title", "text"), [
    ("US to sell India F-35s? The odds and the costs",
     "The American president said India could buy the jets; no offer has been made."),
    ("अमेरिका भारताला एफ-३५ देणार? शक्यता आणि वास्तव",
     "अमेरिकेच्या अध्यक्षांनी भारताला लढाऊ विमाने देण्याचे सूतोवाच केले. कोणताही औपचारिक प्रस्ताव आलेला नाही."),
    ("क्या अमेरिका भारत को एफ-35 देगा? संभावनाएं और हकीकत",
     "अमेरिकी राष्ट्रपति ने भारत को लड़ाकू विमान देने की बात कही। कोई औपचारिक प्रस्ताव नहीं आया है।"),
    ("日豪、潜水艦で協力か？　課題と展望",
     "日本と豪州の潜水艦協力をめぐり、防衛省内で検討が始まったとの見方がある。"),
])
def test_a_headline_whose_states_stand_in_its_question_alerts_nothing(
        default_ruleset: RuleSet, title: str, text: str) -> None:
    assert not default_ruleset.match(article_from_text(title, text)).matches


@pytest.mark.parametrize(("title", "text"), [
    ("Review: 'Keen Sword' is a tense carrier duel",
     "Keen Sword the board game has one player command a US task force near Japan; "
     "Japanese and US carriers and destroyers move across the map."),
    ("Where it began: the first Malabar of 1992",
     "Two Indian frigates and two American warships sailed together off Kerala in May "
     "1992 in the first Malabar exercise; the navies barely knew each other."),
    ("2+2 talks with Japan pushed back amid tariff row",
     "The annual India-Japan 2+2 dialogue of foreign and defence ministers has been put "
     "off, officials said; no new dates have been set."),
])
def test_no_act_of_two(default_ruleset: RuleSet, title: str, text: str) -> None:
    assert not default_ruleset.match(article_from_text(title, text)).matches


def test_this_years_malabar_is_news(default_ruleset: RuleSet) -> None:
    title = "Malabar 2025 opens off Guam with four navies"
    text = ("Warships of India, the US, Japan and Australia began the Malabar exercise on "
            "Monday, the navies said.")
    assert "malabar" in default_ruleset.match(article_from_text(title, text)).rule_ids
