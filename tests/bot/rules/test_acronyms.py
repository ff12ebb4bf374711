"""Acronyms with other meanings (bot/rules/acronyms.py)."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet
from bot.rules.acronyms import other_meanings, spelled_out
from bot.rules.lexicon import Lexicon, LexiconEntry

LEXICON = Lexicon({"acsa": LexiconEntry(
    "acsa", "agreement", "ACSA", aliases=("Acquisition and Cross-Servicing Agreement",
                                         "物品役務相互提供協定"),
    acronyms=("RPSS",))})


@pytest.mark.parametrize(("text", "other"), [
    ("Airports Company South Africa (ACSA) signed a deal.", {"ACSA": "acsa"}),
    ("The Association of Collegiate Schools of Architecture (ACSA) met.", {"ACSA": "acsa"}),
    ("Japan and India signed the Acquisition and Cross-Servicing Agreement (ACSA).", {}),
    ("They signed the pact (ACSA) on Monday.", {}),  # no long form before it
    ("India and Japan signed the ACSA.", {}),
    ("Regional Procurement Support Service (RPSS) opened.", {"RPSS": "acsa"}),
])
def test_other_meanings(text: str, other: dict[str, str]) -> None:
    assert other_meanings([text], spelled_out(LEXICON)) == other


@pytest.mark.parametrize(("text", "other"), [
    # a gloss in Japanese whose head is a body: an association, a company
    ("ACSA（米国大学建築学校協会）は日本とインドの大学と協定に署名した。", {"ACSA": "acsa"}),
    ("南アフリカ空港会社（ACSA）は日本企業と契約した。", {"ACSA": "acsa"}),
    ("ACSAは米国とカナダの建築学校でつくる団体で、東京の大学と覚書を結んだ。", {"ACSA": "acsa"}),
    # or in katakana, the English words of a body
    ("アソシエーション・オブ・カレッジエート・スクールズ（ACSA）が署名した。", {"ACSA": "acsa"}),
    # glossed as a pact, or as the entry's own name, it is the entry
    ("日印はACSA（物品役務相互提供協定）に署名した。", {}),
    ("ACSA（日印の物品役務相互提供協定）が発効した。", {}),
    ("ACSA（2020年署名）が発効した。", {}),
    ("ACSAは日米間で物品を融通する協定で、1996年に結ばれた。", {}),
])
def test_a_gloss_in_another_script(text: str, other: dict[str, str]) -> None:
    assert other_meanings([text], spelled_out(LEXICON)) == other


def test_an_acronym_spelled_out_as_something_else_is_no_hit(default_ruleset: RuleSet) -> None:
    title = "ACSA signs agreement with Japanese firm for terminal"
    text = ("Airports Company South Africa (ACSA) signed an agreement with a Japanese group "
            "and visitors from India.\nACSA said talks with both countries went well.")
    result = default_ruleset.match_text(title, text)
    assert not result.matches
    assert "ACSA" not in result.entities.agreements
    # the same story without its long form reads as the agreement
    named = default_ruleset.match_text(title, "ACSA signed it with India and Japan.")
    assert "ACSA" in named.entities.agreements


@pytest.mark.parametrize("text", [
    "They signed the Basic Exchange and Cooperation Agreement for Geo-spatial Cooperation "
    "(BECA).",
    "They signed the Enhanced Defence Cooperation Agreement (EDCA).",  # another spelling
])
def test_a_longer_or_respelled_long_form_is_the_entry(default_ruleset: RuleSet,
                                                      text: str) -> None:
    assert not other_meanings([text], spelled_out(default_ruleset.lexicon))


@pytest.mark.parametrize(("text", "other"), [
    # said other ways than "Long Form (ACR)"
    ("The Japan India Machinery Exhibition, better known as JIMEX, opened.",
     {"JIMEX": "jimex"}),
    ("JIMEX (Japan India Machinery Exhibition) opened on Friday.", {"JIMEX": "jimex"}),
    ("Visitors of JIMEX, short for Japan India Machinery Expo, queued.", {"JIMEX": "jimex"}),
    # the names of states are no word of the entry's own: the exercise's long form shares
    # Japan and India with the fair's, but not Maritime or Exercise
    ("The Japan-India Maritime Exercise (JIMEX) began off Visakhapatnam.", {}),
    ("JIMEX (in Japanese waters this year) began.", {}),  # says where, not what
    ("JIMEX (India-Japan) began.", {}),  # names only the states
    # the long form as the whole of a capitalised name anywhere in the text
    ("Members called the RAA. The Royal Automobile Association of South Australia said so.",
     {"RAA": "raa"}),
    ("They signed the RAA; the Royal Australian Air Force flew over.", {}),  # a longer name
    ("They signed the RAA. The Reciprocal Access Agreement lets troops visit.", {}),
    # a state's own long form is the state: the DPRK is North Korea
    ("The DPRK fired a missile; the Democratic People's Republic of Korea said so.", {}),
])
def test_other_meanings_said_other_ways(default_ruleset: RuleSet, text: str,
                                        other: dict[str, str]) -> None:
    assert other_meanings([text], spelled_out(default_ruleset.lexicon)) == other


def test_a_fair_named_like_an_exercise_is_no_exercise(default_ruleset: RuleSet) -> None:
    title = "JIMEX 2025 opens with more exhibitors from Japan and India"
    text = ("The Japan India Machinery Exhibition, better known as JIMEX, opened in Pune with "
            "Japan and India trade officials; its pavilion shows naval engineering tools.")
    assert default_ruleset.match_text(title, text).rule_ids == ()
    # the same headline over a report of the exercise is the exercise
    drill = "Warships of Japan and India began JIMEX 2025, the bilateral naval exercise."
    assert "india-japan" in default_ruleset.match_text(title, drill).rule_ids
