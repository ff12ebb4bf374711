"""Two who meet apart from a forum's crowd, and a round-up whose first item names a crowd:
a headline about a gathering (ADMM-Plus, シャングリラ, आसियान) over a story that says two
ministers met separately ("sat down separately with", "the readouts from both capitals",
個別に会談, अलग से मुलाकात, स्वतंत्र बैठक) is their statement too; and a morning briefing
whose first item names India, Japan and South Korea as oil buyers is no group's story when
a later item tells two states, any two, acting as two. Beside them, a forum's speeches and
a briefing of other news stay silent (texts written for these tests)."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet
from tests.bot.rules.helpers import IA, IU, UJ, topics


@pytest.mark.parametrize(("title", "text", "expected"), [
    ("Three things from the ADMM-Plus in Jakarta",
     "Ministers from eighteen countries met for the annual forum.\n\n"
     "The Pentagon chief sat down separately with Japan's defence minister for half an hour, "
     "and the readouts from both capitals stressed missile defence.", UJ),
    ("Shangri-La Dialogue: what we heard",
     "Defence chiefs of the region spoke one after another.\n\n"
     "Marles met separately with India's defence minister, and the two agreed to expand "
     "naval exercises.", IA),
    ("シャングリラ会合が閉幕", "各国の国防相が演説した。\n\n"
     "木原防衛相はオースティン国防長官と個別に会談し、防衛協力の強化で一致した。", UJ),
    ("आसियान रक्षा मंत्रियों की बैठक संपन्न", "कई देशों के रक्षा मंत्रियों ने भाषण दिए।\n\n"
     "राजनाथ सिंह ने अमेरिकी रक्षा मंत्री ऑस्टिन से अलग से मुलाकात की और रक्षा सहयोग पर चर्चा की।",
     IU),
    ("आसियान संरक्षणमंत्र्यांची परिषद संपन्न", "अनेक देशांच्या संरक्षणमंत्र्यांनी भाषणे केली.\n\n"
     "राजनाथ सिंह यांनी अमेरिकेचे संरक्षणमंत्री ऑस्टिन यांच्याशी स्वतंत्र बैठक घेऊन संरक्षण "
     "सहकार्यावर चर्चा केली.", IU),
])
def test_two_who_met_apart_from_the_forum(default_ruleset: RuleSet, title: str, text: str,
                                          expected: set[str]) -> None:
    assert expected <= topics(default_ruleset, title, text)


def test_a_forum_of_speeches_stays_silent(default_ruleset: RuleSet) -> None:
    text = ("Ministers from eighteen countries met for the annual forum.\n\n"
            "The US defence secretary warned China, and Japan's minister spoke on missile "
            "defence.")
    assert not topics(default_ruleset, "Three things from the ADMM-Plus in Jakarta", text)


_BRIEFING = ("Oil: Asian buyers of Iranian crude, including India, Japan and South Korea, face "
             "a difficult few months.\n\nElections: voters in Malaysia go to the polls today.\n\n")


@pytest.mark.parametrize(("item", "expected"), [
    ("Philippines: Filipino and American troops opened the annual Balikatan exercise on "
     "Monday.", {"bilateral-defence"}),
    ("Defence: British and Japanese warships began a joint exercise off Kyushu on Monday.",
     {"bilateral-defence"}),
])
def test_a_briefing_item_of_any_two(default_ruleset: RuleSet, item: str,
                                    expected: set[str]) -> None:
    got = topics(default_ruleset, "Morning briefing: oil, elections and drills",
                  _BRIEFING + item)
    assert expected <= got and not got & {"india-japan", "us-japan", "japan-australia"}


def test_a_briefing_of_other_news_stays_silent(default_ruleset: RuleSet) -> None:
    assert not topics(default_ruleset, "Morning briefing: oil, elections and markets",
                       _BRIEFING + "Markets: Asian shares opened mixed.")
