"""Who did what: sentence(), pair(), datelines, and the parties an article names."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet
from bot.rules.splitting import dateline_ends, sentence_starts
from tests.bot.rules.conftest import RuleFactory
from tests.bot.rules.helpers import matches

STATES = {"a": ["@country:*", "@person:*"], "act": ["talks", "met", "counterpart"]}


@pytest.mark.parametrize(("text", "expected"), [
    ("India and Japan held talks.", True),
    ("India-Japan talks began.", True),
    ("Talks between Japan and India opened.", True),
    ("Kishi Nobuo held talks with India.", True),  # a person speaks for a state
    ("Japan's minister met his Indian counterpart before a US visit.", True),
    ("日印の防衛相が会談した。", False),  # no act word of this rule in Japanese
    ("India, Japan and the United States held talks.", False),  # a group, no pair
    ("Japan held talks. India was not there.", False),  # two sentences
    ("The U.S. Navy met Japan's on Monday.", True),  # "U.S." ends no sentence
    # Hindi and Marathi attach "of"/"in" to the word before: a state and the word after it
    # ("amid American pressure", दबावात) are no pair with the next state; "and" joins
    ("American दबावात भारत-इज़राइल talks", True),
    ("American दबावात भारत talks", True),  # exactly two states
    ("American, भारत और इज़राइल talks", False),  # three written together: a group
    ("भारत और इज़राइल talks", True),
    # a region of a state is a place, not the state: no pair with the other state named
    ("Chinese survey ships held talks off Western Australia.", False),
    ("Chinese survey ships held talks in southern India.", False),
    ("中国の調査船が南インドの港でtalks", False),
    # a state at sea ("off Japan") or "near" one is where, never a party: the two parties
    # are elsewhere, or there is one
    ("India and the US held talks off Japan.", True),
    ("American ships met Indian ones near Japan.", True),
    ("Indian ships held talks off Japan.", False),
    ("Indian ships met around Japan.", False),
    # an invasion sets one state against another
    ("The American invasion of Iraq followed failed talks.", False),
])
def test_pair_needs_two_parties_in_one_sentence(make_rule: RuleFactory, text: str,
                                                expected: bool) -> None:
    ruleset = make_rule(STATES, "pair(a, a, act)")
    assert matches(ruleset, "", text) is expected


def test_a_state_named_with_a_point_of_the_compass_is_no_region(
        default_ruleset: RuleSet) -> None:
    text = "South Korea and Japan held defence talks."
    assert default_ruleset.match_text(text, text).entities.countries == (
        "South Korea", "Japan")


def test_sentence_holds_when_one_sentence_has_every_group(make_rule: RuleFactory) -> None:
    ruleset = make_rule({"x": ["navy"], "y": ["drill"]}, "sentence(x, y)")
    assert matches(ruleset, "", "The navy began a drill. It ended.")
    assert not matches(ruleset, "", "The navy sailed. A drill began later.")
    assert matches(ruleset, "navy drill", "nothing here")  # the title is one sentence


def test_a_place_limits_sentence_and_pair(make_rule: RuleFactory) -> None:
    ruleset = make_rule(STATES, "pair(top:a, top:a, act)")
    assert matches(ruleset, "India and Japan hold talks", "Nothing else.")
    assert not matches(ruleset, "Ministers meet", "First line.\n\nIndia and Japan held talks.")


def test_a_dateline_is_no_party(make_rule: RuleFactory) -> None:
    ruleset = make_rule(STATES, "pair(a, a, act)")
    assert not matches(ruleset, "", "WASHINGTON (AP) — India held talks on its carrier.")
    assert not matches(ruleset, "", "TOKYO, Dec 22 — Indian officials held talks.")
    assert matches(ruleset, "", "TOKYO, Dec 22 — Japan and India held talks.")


def test_sentences_and_datelines() -> None:
    text = "Mr. Singh met the U.S. Defense Secretary. Talks went on.\nNext line。続き"
    starts = sentence_starts(text)
    assert [text[s:s + 5] for s in starts] == ["Mr. S", "Talks", "Next ", "続き"]
    assert dateline_ends("NEW DELHI, Oct 4 (Reuters) - India said") == [(0, 29)]
    assert dateline_ends("India and Japan - a partnership") == []
    # a place in capitals and its state ("SASEBO NAVAL BASE, Japan -"), not a heading
    assert dateline_ends("SASEBO NAVAL BASE, Japan - A sailor") == [(0, 27)]
    assert dateline_ends("US, Japan: allies agree") == []
    # Hindi and Marathi (a place, maybe a date and the agency, then । or :), Japanese wires
    for text, dateline in [("नई दिल्ली। भारत ने कहा", "नई दिल्ली। "),
                           ("तोक्यो, 9 जून (भाषा)। जापान ने", "तोक्यो, 9 जून (भाषा)। "),
                           ("नवी दिल्ली, ता. १० : भारताने", "नवी दिल्ली, ता. १० : "),
                           ("【ワシントン＝共同】米国防総省は", "【ワシントン＝共同】")]:
        assert [text[a:b] for a, b in dateline_ends(text)] == [dateline]
    # a heading naming a pair, a wrapped line's last word, a speaker are no datelines
    assert dateline_ends("भारत आणि जपान : नवे पर्व") == []
    assert dateline_ends("पहली पंक्ति\nहै। और आगे") == []
    assert dateline_ends("रक्षा मंत्री राजनाथ सिंह ने कहा: हम") == []


def test_devanagari_terms_match_at_the_start_of_a_word(make_rule: RuleFactory) -> None:
    ruleset = make_rule({"x": ["नौदल"]}, "x")
    assert matches(ruleset, "", "भारतीय नौदलाच्या युद्धनौका")  # Marathi: endings attached
    assert not matches(ruleset, "", "एकनौदल")  # not inside a word


def test_parties_and_other_states_named(default_ruleset: RuleSet) -> None:
    result = default_ruleset.match_text(
        "Japan's defence minister holds talks with his Australian counterpart",
        "The ministers met in Singapore before a meeting with the United States and "
        "South Korea.")
    assert "japan-australia" in result.rule_ids
    assert result.entities.countries == ("Japan", "Australia")
    assert result.entities.mentioned == ("Singapore", "United States", "South Korea")


def test_a_pair_topic_names_the_parties_of_a_story_with_many_states(
        default_ruleset: RuleSet) -> None:
    """The headline pairs Japan with Ukraine in passing; the us-japan topic holds on the
    ministers' meeting, so the facts name its two states and the rest as mentioned."""
    result = default_ruleset.match_text(
        "Kishida warns on Ukraine; Japan's defence chief meets Austin",
        "SINGAPORE - Japanese Prime Minister Fumio Kishida used the opening speech of the "
        "forum on Friday to warn that what Russia did to Ukraine could happen in Asia.\n"
        "On the sidelines, Japan's defence minister Kishi Nobuo sat down with U.S. Defense "
        "Secretary Lloyd Austin, and the two agreed to speed up joint work on missile "
        "defence.\nIndia and Australia sent deputy ministers to the meeting.")
    assert "us-japan" in result.rule_ids
    assert result.entities.countries == ("Japan", "United States")
    assert result.entities.mentioned == ("Ukraine", "Russia", "India", "Australia")


def test_two_pair_topics_leave_the_parties_to_the_story(default_ruleset: RuleSet) -> None:
    result = default_ruleset.match_text(
        "Japan's defence minister holds talks with US and Indian counterparts",
        "Japan's defence minister Hamada Yasukazu met US Defense Secretary Lloyd Austin in "
        "Tokyo on Monday and agreed to expand joint exercises. On Tuesday he held talks "
        "with India's defence minister Rajnath Singh and the two agreed to hold their "
        "first fighter exercise.")
    assert {"india-japan", "us-japan"} <= set(result.rule_ids)
    assert result.entities.countries == ("Japan", "United States", "India")


@pytest.mark.parametrize(("title", "text"), [
    ("University of Washington team visits Japan",
     "The navy research group held talks with Japanese scientists."),
    ("Governor leads State of Washington trade mission to Japan",
     "Talks with Japanese ports and military suppliers are planned."),
    ("Indian tribe asks Navy for talks", "The US Navy said it would meet the tribe."),
    # a city after "at a", "in the": where, not who
    ("India commissions aircraft carrier",
     "Analysts at a Washington seminar said India's navy would hold talks on its future."),
])
def test_place_names_are_no_party(default_ruleset: RuleSet, title: str, text: str) -> None:
    assert not default_ruleset.match_text(title, text).matches


@pytest.mark.parametrize(("text", "countries"), [
    # a state's base is where, not who
    ("Kishi toured the British carrier docked at the US Navy base at Yokosuka and met "
     "British officers.", ("Japan", "United Kingdom")),
    ("岸防衛相は米海軍横須賀基地に寄港中の英海軍空母を視察し、英国側と会談した。",
     ("Japan", "United Kingdom")),
    ("岸防衛相は米軍の基地を視察し、英国防相と会談した。", ("Japan", "United Kingdom")),
    # …but a state that acts next to one is still a party
    ("岸防衛相は米国と基地の負担について協議した。", ("Japan", "United States")),
    # Japanese papers shorten the states of forces and ministers to one character
    ("日仏の防衛相が会談し、仏海軍の艦艇が寄港した。", ("Japan", "France")),
    ("独国防相が訪日し、日独の防衛協力を確認した。", ("Germany", "Japan")),
])
def test_a_base_is_a_place_and_short_japanese_names(default_ruleset: RuleSet, text: str,
                                                    countries: tuple[str, ...]) -> None:
    assert default_ruleset.match_text("", text).entities.countries == countries


def test_a_japanese_run_that_goes_on_with_nado_is_no_pair(default_ruleset: RuleSet) -> None:
    # "the SDF, the US Navy and others ..., watching China's navy": a list, no pair
    listed = ("海上自衛隊や米海軍などは、沖縄の周辺で、数日にわたり、"
              "訓練を続けつつ、中国海軍を監視した。")
    paired = listed.replace("などは", "は")
    # (a watched pair's statement, as us-japan reads it, is a bilateral one too)
    assert set(default_ruleset.match_text("", paired).rule_ids) == {"us-japan",
                                                                   "bilateral-defence"}
    assert default_ruleset.match_text("", listed).rule_ids == ()


def test_citation_marks_end_no_sentence_early() -> None:
    text = "It became a colony in 1840.[38] The British Government sent a resident.[3][4] Then."
    assert [text[s:s + 7] for s in sentence_starts(text)] == ["It beca", "The Bri", "Then."]


@pytest.mark.parametrize("initials", ["U.S.", "U\u0301.S.", "U.\u015a.", "U.S\u0301.",
                                      "M\u0155."])
def test_an_accented_initial_ends_no_sentence(initials: str) -> None:
    # normalisation drops Latin accents, so "U.Ś." is read as "U.S." and is no full stop
    text = f"The head of {initials} Forces Japan met the Japanese commanders."
    assert sentence_starts(text) == [0]


@pytest.mark.parametrize("text", [
    "She told her father, a retired Indian Navy officer, she would marry a Japanese man she "
    "had met at a conference.",
    "Indian navy veterans showed Japanese companies their shipyard and met the firms.",
    "インド海軍の元将校の娘が日本人男性と会談した。",
    # both nationalities of one group of people
    "Indian and Japanese actors met to sign a film deal about navy life.",
])
def test_people_of_a_nationality_are_no_party(default_ruleset: RuleSet, text: str) -> None:
    title = "Two navy families meet"
    assert default_ruleset.match_text(title, text).rule_ids == ()
    state = text.replace("a Japanese man", "Japan's navy").replace(
        "Japanese companies", "Japan's navy").replace("日本人男性", "日本政府").replace(
        "Indian and Japanese actors", "Indian and Japanese navy officers")
    assert "india-japan" in default_ruleset.match_text(title, state).rule_ids


@pytest.mark.parametrize(("text", "pair"), [
    # a third state joins the two written together: a group of three, no pair
    ("France took part in the naval exercise alongside India and the United States.", False),
    ("France's navy held drills with India and Japan off Goa.", False),
    # the two written together with no third state joining them
    ("India and the United States held naval drills, China said.", True),
    # a state's own forces written after it are part of it: the Indian Navy and the US
    # Navy are still written together when a third state is named apart
    ("Ships of the Indian Navy and the US Navy held naval drills; France watched.", True),
    ("Ships of the Indian Navy, the US Navy and France's navy held naval drills.", False),
])
def test_a_run_that_a_third_state_joins_is_a_group(default_ruleset: RuleSet, text: str,
                                                    pair: bool) -> None:
    title = "Navies of the region train off the coast"
    assert ("india-us" in default_ruleset.match_text(title, text).rule_ids
            or "india-japan" in default_ruleset.match_text(title, text).rule_ids) is pair


def test_a_marathi_locative_state_is_the_venue(make_rule: RuleFactory) -> None:
    ruleset = make_rule({"a": ["@israel"], "b": ["@us"], "act": ["talks"]}, "pair(a, b, act)")
    # भारतात: "in India", where the two met, not a third party
    assert matches(ruleset, "", "इज़राइल के मंत्री ने भारतात American मंत्री से talks की।")
    assert not matches(ruleset, "", "इज़राइल के मंत्री ने भारत American मंत्री से talks की।")


@pytest.mark.parametrize(("title", "text", "expected"), [
    # one state against another: adversaries, not the two parties of one act
    ("", "Japan protested to India after talks.", False),
    ("", "The United States sanctioned two Indian ministries; talks follow.", False),
    ("", "日本はインドに抗議し、会談した。 talks", False),
    ("", "भारत ने इज़राइल की निंदा की, talks", False),
    # two states written together still act as one, and the state they warn is no third
    ("", "India and Japan condemned Israel after their talks.", True),
    ("", "India, Japan warn Israel at talks.", True),
    ("", "India, Japan and Israel held talks.", False),  # no warning between: a group
    # a headline that sets one state against another: its story names no pair below
    ("Japan protests Indian survey ship", "Japan and India held talks on Monday.", False),
    ("India, Japan warn Israel", "Japan and India held talks on Monday.", True),
    ("Japan protests survey ship", "Japan and India held talks on Monday.", True),  # one state
])
def test_adversaries_are_no_pair(make_rule: RuleFactory, title: str, text: str,
                                 expected: bool) -> None:
    ruleset = make_rule(STATES, "pair(a, a, act)")
    assert matches(ruleset, title, text) is expected




JOINED_DRILL = ("【ニューデリー＝共同】インドを訪れた小野寺五典防衛相は8日、"
                "アントニー国防相と会談した。"
                "両氏は海上自衛隊とインド海軍の共同訓練を続けることで一致した。"
                "米印の共同訓練「マラバール」に海自が参加することも確認した。")


def test_a_third_joining_a_pairs_drill_makes_no_pair_of_the_two(default_ruleset: RuleSet
                                                                ) -> None:
    # Japan's navy joins the US-India drill: told after the pair in Japanese (in English,
    # "will join the India-US drill", before it)
    title = "小野寺防衛相、インド国防相と会談"
    got = default_ruleset.match_text(title, JOINED_DRILL).rule_ids
    assert "india-japan" in got
    assert "india-us" not in got
    # the two confirming the pair's own drill name that pair
    own = JOINED_DRILL.replace("に海自が参加することも", "の拡大も")
    assert "india-us" in default_ruleset.match_text(title, own).rule_ids
