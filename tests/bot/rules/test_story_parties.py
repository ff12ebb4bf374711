"""Parties named across a story: people for their states, venues set aside, "his Japanese
counterpart" and "the two ministers" resolved from the headline, lead or dateline, short
surnames once the full name is there, Hindi/Marathi names however inflected."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.rules import RuleSet, load_ruleset
from bot.rules.stems import name_stem
from tests.bot.rules.helpers import matches, one_rule, write_dir

LEXICON: dict[str, dict[str, Any]] = {
    "countries": {
        "india": {"name": "India", "aliases": ["Indian", "भारत", "インド"]},
        "japan": {"name": "Japan", "aliases": ["Japanese", "जपान", "日本"], "cities": ["Tokyo"]},
        "australia": {"name": "Australia", "aliases": ["Australian", "ऑस्ट्रेलिया", "オーストラリア"],
                      "cities": ["Canberra", "कॅनबेरा"]},
        "us": {"name": "United States", "aliases": ["अमेरिका"]},
        "laos": {"name": "Laos"},
        "malaysia": {"name": "Malaysia", "aliases": ["マレーシア"]},
        "china": {"name": "China"},
    },
    "people": {
        "rajnath-singh": {"name": "Rajnath Singh", "country": "india", "short": ["Singh"]},
        "richard-marles": {"name": "Richard Marles", "aliases": ["Marles"],
                           "country": "australia"},
        "kihara-minoru": {"name": "Kihara Minoru", "aliases": ["Kihara"], "country": "japan"},
    },
}
STATES = {"a": ["@country:*", "@person:*"], "act": ["talks", "agreed", "met", "सहमति", "सराव",
                                                    "合意", "会談", "訓練"]}


@pytest.fixture(scope="module")
def ruleset(tmp_path_factory: pytest.TempPathFactory) -> RuleSet:
    root: Path = tmp_path_factory.mktemp("story")
    return load_ruleset(write_dir(root, {"t": one_rule(STATES, "pair(a, a, act)")}, LEXICON))


@pytest.mark.parametrize(("title", "text", "expected"), [
    # two people speak for their states, whatever else the sentence names
    ("", "Marles met Rajnath Singh in Delhi, saying Australia wants ties with India as "
         "China grows stronger.", True),
    ("", "Australia, India and China met.", False),  # a group, no pair
    # the venue ("in Laos") is set aside when the others are two
    ("", "Japan's minister met India's minister in Laos.", True),
    ("", "Japan's minister met India's minister and Laos's envoy.", False),
])
def test_people_and_venues(ruleset: RuleSet, title: str, text: str, expected: bool) -> None:
    assert matches(ruleset, title, text) is expected


@pytest.mark.parametrize(("title", "text", "expected"), [
    # Japanese "with X" before a meeting or a drill, in a sentence without a subject: X and
    # the story's other party (its headline, its lead, an earlier sentence)
    ("日本の防衛相、初外遊", "防衛相は1日、国際会議に出席した。会議の合間に、インドの国防相と"
     "約40分間会談した。", True),
    ("日本の護衛艦が寄港", "入港に先立ち、オーストラリア海軍と周辺海域で共同訓練を行った。", True),
    ("", "日本の護衛艦が入港した。これに先立ち、オーストラリア海軍とともに訓練を行った。", True),
    ("", "オーストラリア海軍と共同訓練を行った。", False),  # nobody else
    # a firm of the state, not the state ("の" between)
    ("日本の護衛艦が寄港", "オーストラリアの企業と会談した。", False),
    # a venue with で is where the talks were, never a party, whatever else is named
    ("日本の防衛相、初外遊", "防衛相は1日、マレーシアで国際会議に出席した。会議の合間に、"
     "インドの国防相と会談した。", True),
    ("", "日本の防衛相は1日、マレーシアで会談した。", False),
    ("", "日本の防衛相は1日、マレーシアの国防相と会談した。", True),
    ("", "日本とオーストラリアで訓練の拡大に合意した。", True),  # the two agreed: no venue
])
def test_japanese_with_and_venue(ruleset: RuleSet, title: str, text: str,
                                 expected: bool) -> None:
    assert matches(ruleset, title, text) is expected


@pytest.mark.parametrize(("title", "text", "expected"), [
    # the other state of a counterpart: the story's headline, then an earlier sentence,
    # then the dateline
    ("Marles in Tokyo", "The minister later held talks with his Japanese counterpart.", True),
    ("", "Richard Marles arrived on Monday. He held talks with his Japanese counterpart.",
     True),
    ("", "CANBERRA, Dec 5 — The minister held talks with his Japanese counterpart.", True),
    ("", "The minister held talks with his Japanese counterpart.", False),  # nobody else
    ("", "The minister held talks with his Japanese counterpart. Australia wants more.",
     True),  # a later sentence
    ("", "Marles held talks with his counterpart, Kihara.", True),  # named after it
    # a state's minister met "with" (Marathi -शी, -सोबत; Hindi से, के साथ) stands across
    # the table as a counterpart does; the same minister acting alone does not
    ("भारताचे संरक्षणमंत्री", "मंत्र्यांनी नंतर जपानच्या संरक्षणमंत्र्यांशी सराव ठरवला.", True),
    ("भारताचे संरक्षणमंत्री", "मंत्र्यांनी जपानच्या संरक्षणमंत्र्यांसोबत सराव पाहिला.", True),
    ("भारताचे संरक्षणमंत्री", "जपानच्या संरक्षणमंत्र्यांनी सराव ठरवला.", False),
    ("भारत के रक्षा मंत्री", "उन्होंने ऑस्ट्रेलिया के रक्षा मंत्री के साथ सहमति जताई।", True),
    ("भारत के रक्षा मंत्री", "उन्होंने ऑस्ट्रेलियाई रक्षा मंत्री से सहमति जताई।", True),
    ("भारत के रक्षा मंत्री", "ऑस्ट्रेलिया के रक्षा मंत्री ने सहमति जताई।", False),
    # a Marathi or Hindi dateline names the state the minister speaks for
    ("", "कॅनबेरा, ता. ५ : मंत्र्यांनी जपानच्या संरक्षणमंत्र्यांशी सराव ठरवला.", True),
    ("", "मंत्र्यांनी जपानच्या संरक्षणमंत्र्यांशी सराव ठरवला.", False),
])
def test_a_counterpart_pairs_with_the_story(ruleset: RuleSet, title: str, text: str,
                                            expected: bool) -> None:
    assert matches(ruleset, title, text) is expected


@pytest.mark.parametrize(("title", "text", "expected"), [
    ("Marles, Kihara sit down in Darwin", "The two ministers agreed on more jet rotations.",
     True),
    ("Ministers sit down in Darwin", "The two ministers agreed on more jet rotations.", False),
    # a sentence naming another state is not about the story's pair
    ("Marles, Kihara sit down in Darwin", "Both countries agreed with China on fishing.",
     False),
    ("जपान-ऑस्ट्रेलिया बैठक", "दोन्ही देशांच्या नौदलांचा सराव होईल.", True),  # Marathi
    ("जपान और ऑस्ट्रेलिया की बैठक", "दोनों देशों ने सहमति जताई।", True),  # Hindi
    ("日本と豪州", "両国は共同訓練で合意した。", False),  # 豪州 is not in this lexicon
    # "both nations", the stressed "both the countries", Marathi उभय, Japanese 両 before
    # what the two are
    ("जपान-ऑस्ट्रेलिया बैठक", "उभय राष्ट्रांच्या नौदलांचा सराव होईल.", True),
    ("जपान-ऑस्ट्रेलिया बैठक", "दोन्ही राष्ट्रांनी सराव ठरवला.", True),
    ("जपान और ऑस्ट्रेलिया की बैठक", "दोनों ही देशों ने सहमति जताई।", True),
    ("जपान और ऑस्ट्रेलिया की बैठक", "दोनों राष्ट्रों ने सहमति जताई।", True),
    ("Japan, India defence chiefs in Tokyo", "両防衛相は共同訓練で合意した。", True),
    ("Japan, India defence chiefs in Tokyo", "車両部隊の訓練で合意した。", False),  # a vehicle
    # "between the two", 双方: the pair of the headline, unnamed; "both sides" is not
    # (of a family, of a river)
    ("Marles, Kihara sit down in Darwin", "The two sides agreed on more jet rotations.",
     False),
    ("Marles, Kihara sit down in Darwin", "It was the first such talks between the two.",
     True),
    ("Ministers sit down in Darwin", "It was the first such talks between the two.", False),
    ("Marles, Kihara sit down in Darwin", "Both sides agreed with China on fishing.", False),
    # the two capitals, the two allies: the headline's pair by what they are
    ("Marles, Kihara sit down in Darwin", "Both capitals agreed on more jet rotations.", True),
    ("Marles, Kihara sit down in Darwin", "The two allies agreed on more jet rotations.",
     True),
    ("Ministers sit down in Darwin", "Both capitals agreed on more jet rotations.", False),
    ("Japan and India hold talks", "双方は共同訓練で合意した。", True),
    # a headline and lead that name two states, each in a sentence of its own, and no
    # third: the story is theirs
    ("Destroyer calls at port", "A Japanese destroyer arrived on Monday. The Indian Navy "
     "received it.\nThe two navies agreed on a drill.", True),
    ("Destroyer calls at port", "A Japanese destroyer arrived on Monday. An Indian ship "
     "sailed out. China's coast guard watched.\nThe two navies agreed on a drill.", False),
    # a top naming one state: "both capitals" are it and the one other state the story
    # names more than once and more than any other; one named once is no partner
    ("Japan weighs its options", "The cabinet is split.\nTalk turns to Canberra's role. "
     "Officials from both capitals met on Wednesday. An Australian team toured a base.",
     True),
    ("Japan weighs its options", "The cabinet is split.\nTalk turns to Canberra's role. "
     "Officials from both capitals met on Wednesday.", False),
    ("Japan weighs its options", "The cabinet is split.\nTalk turns to Canberra. China "
     "watches. Officials from both capitals met. An Australian team toured a base. So did "
     "one from China.", False),
    # the story's ship told by a pronoun or by what it is: the headline's state
    ("Japanese submarine arrives in port", "She met Australian warships at sea.", True),
    ("Japanese submarine arrives in port", "The destroyer met Australian warships.", True),
    ("Submarine arrives in port", "She met Australian warships at sea.", False),
    ("Japanese submarine arrives in port", "She met Japanese warships at sea.", False),
    # Marathi and Hindi point at it with "this": the headline's state, met by the other
    ("जपानी पाणबुडी बंदरात दाखल", "ऑस्ट्रेलियाच्या नौदलाने या पाणबुडीसोबत सराव केला.", True),
    ("पाणबुडी बंदरात दाखल", "ऑस्ट्रेलियाच्या नौदलाने या पाणबुडीसोबत सराव केला.", False),
    ("भारतीय पनडुब्बी बंदरगाह पहुंची",
     "ऑस्ट्रेलिया की नौसेना ने इस पनडुब्बी के साथ अभ्यास पर सहमति जताई।", True),
    ("पनडुब्बी बंदरगाह पहुंची",
     "ऑस्ट्रेलिया की नौसेना ने इस पनडुब्बी के साथ अभ्यास पर सहमति जताई।", False),
])
def test_the_two_of_the_story(ruleset: RuleSet, title: str, text: str,
                              expected: bool) -> None:
    assert matches(ruleset, title, text) is expected


@pytest.fixture(scope="module")
def india_japan(tmp_path_factory: pytest.TempPathFactory) -> RuleSet:
    root: Path = tmp_path_factory.mktemp("india-japan")
    terms = {"india": ["@india"], "japan": ["@japan"], "act": STATES["act"]}
    return load_ruleset(write_dir(root, {"t": one_rule(terms, "pair(india, japan, act)")},
                                  LEXICON))


@pytest.mark.parametrize(("title", "text", "expected"), [
    # two states to choose between are alternatives, not a pair
    ("", "India will not choose between Japan and the United States in the talks.", False),
    ("", "Caught between Japan and India, the envoy held talks.", False),
    ("", "India and Japan held talks.", True),
    # under a headline naming one state, a lead of others (a choice) is not the story's
    # pair: "both capitals" are the headline's state and the one it names most after it
    ("India's balancing act", "India will not choose between Australia and China.\nTalk "
     "turns to Japan's role. Officials from both capitals met on Wednesday. A Japanese "
     "team toured a base.", True),
    ("India's balancing act", "India will not choose between Australia and China.\nTalk "
     "turns to Japan's role. Officials from both capitals met on Wednesday.", False),
])
def test_a_choice_between_two_is_no_pair(india_japan: RuleSet, title: str, text: str,
                                         expected: bool) -> None:
    assert matches(india_japan, title, text) is expected


@pytest.mark.parametrize("text", [
    "Japan held talks with every partner other than India.",
    "Japan held talks with every partner besides India.",
    "Japan held talks with all its partners except the United States.",
    "Japan held talks with partners beyond India.",
    # set apart whatever else the sentence sets aside: here a clause of circumstances
    "Partners besides India met as Japan looked on.",
])
def test_a_state_set_apart_is_no_party(ruleset: RuleSet, text: str) -> None:
    assert not matches(ruleset, "", text)
    assert matches(ruleset, "", "Japan held talks with India.")


def test_a_short_name_counts_once_the_full_name_is_there(ruleset: RuleSet) -> None:
    assert matches(ruleset, "", "Rajnath Singh opened a plant. Later Singh held talks with "
                                "Japan.")
    assert not matches(ruleset, "", "Later Singh held talks with Japan.")
    # or next to another minister: "Kihara and Singh"
    assert matches(ruleset, "", "Kihara and Singh held talks.")
    assert not matches(ruleset, "", "Singh held talks on Kihara's plan with Japan's rivals.")
    result = ruleset.match_text("", "Rajnath Singh spoke. Singh and Marles met.")
    assert result.entities.people == ("Rajnath Singh", "Richard Marles")


def test_hindi_and_marathi_names_match_when_their_stem_changes(ruleset: RuleSet) -> None:
    assert name_stem("अमेरिका") == "अमेरिक"
    assert name_stem("Japan") is None and name_stem("राजनाथ सिंह") is None
    # Marathi "of America" and Hindi "American" change the name's last vowel
    assert matches(ruleset, "", "भारत आणि अमेरिकेच्या नौदलांचा सराव")
    assert matches(ruleset, "", "भारत और अमेरिकी नौसेना ने सहमति जताई।")
