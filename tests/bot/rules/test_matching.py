"""Matching semantics, one table per concern: each row is terms, text and the verdict."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.rules import RuleSet, article_from_text, load_ruleset
from tests.bot.rules.conftest import RuleFactory
from tests.bot.rules.helpers import matches, write_dir

Row = tuple[list[str], str, bool]


def check(make_rule: RuleFactory, terms: list[str], text: str, expected: bool) -> None:
    ruleset = make_rule({"a": terms}, "a")
    assert matches(ruleset, "", text) is expected


WORDS: list[Row] = [
    (["navy"], "The NAVY sailed", True),  # case-insensitive
    (["navy"], "a navyblue coat", False),  # whole words only
    (["navy"], "a navy-blue coat", True),
    (["navy"], "navies", False),
    (["armed forces"], "the armed\n  forces of", True),  # any run of spaces between words
    (["India Japan"], "India–Japan ties", True),
    (["India Japan"], "India-Japan ties", True),
    (["India Japan"], "India — Japan ties", True),
    (["India-Japan"], "India Japan ties", True),
    (["Indo-Japanese"], "Indo Japanese ties", True),
    (["Japan"], "Japan's navy", True),
    (["Japan"], "Japan’s navy", True),
    (["Japan"], "Japan🇯🇵 navy", True),
    (["Japan"], "ＪＡＰＡＮ navy", True),
    (["Japan"], "Ja\u00adpan navy", True),
    (["2+2"], "the 2+2 dialogue", True),
    (["2+2"], "the match ended 2-2", False),
]

ACRONYMS: list[Row] = [
    (["ACSA"], "the ACSA was signed", True),
    (["ACSA"], "the acsa conference", False),
    (["ACSA"], "the Acsa conference", False),
    (["acsa"], "the ACSA was signed", True),  # lower case means case-insensitive
    (["US"], "India and the US", True),
    (["US"], "join us today", False),
    (["U.S."], "the U.S. Navy", True),
    (["JMSDF"], "JMSDF-led drill", True),
]

DIACRITICS_AND_SPELLING: list[Row] = [
    (["Sebastien Lecornu"], "Sébastien Lecornu said", True),
    (["Sébastien Lecornu"], "Sebastien Lecornu said", True),
    (["Sébastien"], "Se\u0301bastien said", True),
    (["Kono Taro"], "Kōno Tarō said", True),
    (["defence"], "US defense policy", True),
    (["defense ministry"], "the defence ministry", True),
    (["organisation"], "the organization", True),
    (["cooperation"], "defence co-operation", True),
    (["co-operation"], "defence cooperation", True),
    (["manoeuvres"], "naval maneuvers", True),
]

SCRIPTS: list[Row] = [
    (["日本"], "日本の防衛相が会談", True),  # CJK: no word boundaries
    (["防衛相"], "日本の防衛相が会談", True),
    (["日印"], "日印防衛相会談", True),
    (["防衛相"], "日本の防衛省", False),
    (["रक्षा मंत्री"], "भारत के रक्षा मंत्री ने कहा।", True),  # Devanagari: words
    (["मंत्री"], "यह एक मंत्र है", False),  # a vowel sign is part of the word
    (["जापान"], "भारत-जापान संबंध", True),
    (["इज़राइल"], "इज\u093cराइल के साथ", True),  # precomposed vs decomposed nukta
    # a nasal as the anusvara or as a half letter, written either way in term and text
    (["रक्षा संबंध"], "दोनों देशों के रक्षा सम्बन्धों पर", True),
    (["रक्षा मन्त्री"], "भारत के रक्षा मंत्री ने कहा।", True),
    (["हिंद महासागर"], "हिन्द महासागर में", True),
    (["संबंध"], "संयम से", False),
    # the candrabindu for the anusvara, the candra o for ā
    (["पहुंचे"], "नौसेना के जहाज़ पहुँचे", True),
    (["ऑस्ट्रेलिया"], "आस्ट्रेलिया की नौसेना", True),
    (["आस्ट्रेलिया"], "ऑस्ट्रेलियाच्या नौदलासोबत", True),
    # katakana names with or without the middle dot and the long-vowel mark
    (["キーン・ソード"], "日米共同統合演習キーンソードが始まった", True),
    (["キーン・ソード"], "キーン ソード23", True),
    (["マラバール"], "共同訓練マラバル2024", True),
    (["マラバール"], "マラバ", False),
]


@pytest.mark.parametrize(("terms", "text", "expected"), WORDS)
def test_words_and_punctuation(make_rule: RuleFactory, terms: list[str], text: str,
                               expected: bool) -> None:
    check(make_rule, terms, text, expected)


@pytest.mark.parametrize(("terms", "text", "expected"), ACRONYMS)
def test_acronyms_are_case_sensitive(make_rule: RuleFactory, terms: list[str], text: str,
                                     expected: bool) -> None:
    check(make_rule, terms, text, expected)


@pytest.mark.parametrize(("terms", "text", "expected"), DIACRITICS_AND_SPELLING)
def test_diacritics_and_spelling(make_rule: RuleFactory, terms: list[str], text: str,
                                 expected: bool) -> None:
    check(make_rule, terms, text, expected)


@pytest.mark.parametrize(("terms", "text", "expected"), SCRIPTS)
def test_scripts(make_rule: RuleFactory, terms: list[str], text: str, expected: bool) -> None:
    check(make_rule, terms, text, expected)


LEXICON_REFS: list[Row] = [
    (["@japan"], "Tokyo said", True),
    (["@japan"], "the JMSDF said", True),
    (["@japan"], "the jmsdf said", False),  # a lexicon acronym is case-sensitive
    (["@india"], "in the Indian Ocean", False),  # masked by `not:`
    (["@india"], "in the Indian Ocean, Indian ships", True),
    (["@india"], "インドネシアの海軍", False),  # インド inside インドネシア is masked
    (["@acsa"], "Airports Company South Africa (ACSA) results", False),
    (["@acsa"], "the Reciprocal Provision of Supplies and Services", True),
    (["@malabar"], "a flat on Malabar Hill", False),
    (["@malabar"], "MALABAR 2020 ended", True),
    (["@malabar"], "Malabar-2024 began", True),
    (["@malabar"], "Malabar2020 began", True),
    (["@jimex"], "JIMEX-22 began", True),
    (["@jimex"], "JIMEX22 began", True),
    (["@bright-star"], "Bright Star 2023 began", True),  # numbered: needs its number
    (["@bright-star"], "Bright Star-23 began", True),
    (["@bright-star"], "a bright star of cinema", False),
    # or with words after it that say it is an exercise
    (["@bright-star"], "the Bright Star drills began", True),
    (["@bright-star"], "Bright Star, an exercise held in Egypt, began", True),
    (["@bright-star"], "a bright star of the training camp", False),
    (["@person:japan"], "Nobuo Kishi said", True),
    (["@country:*"], "Israel said", True),
    (["@exercise:india"], "JIMEX began", True),
    (["@exercise:us"], "JIMEX began", False),
    (["navy"], "navy2 began", False),  # only exercises take glued numbers
]


@pytest.mark.parametrize(("terms", "text", "expected"), LEXICON_REFS)
def test_lexicon_references(make_rule: RuleFactory, terms: list[str], text: str,
                            expected: bool) -> None:
    check(make_rule, terms, text, expected)


@pytest.mark.parametrize(("text", "hit"), [
    ("The MALABAR 2020 exercise", "MALABAR 2020"),
    ("The Malabar-2024 exercise", "Malabar-2024"),
    ("The JIMEX22 exercise", "JIMEX22"),
    ("The Bright Star 2023 exercise", "Bright Star 2023"),
])
def test_exercise_hits_carry_their_year(make_rule: RuleFactory, text: str, hit: str) -> None:
    ruleset = make_rule({"a": ["@exercise:*"]}, "a")
    (match,) = ruleset.match_text("", text).matches
    assert [h.text for h in match.hits] == [hit]


def test_exclude_vetoes(make_rule: RuleFactory) -> None:
    ruleset = make_rule({"a": ["navy"]}, "a", exclude=["cricket", "@acsa"])
    assert matches(ruleset, "", "the navy sailed")
    assert not matches(ruleset, "", "the navy cricket team")
    assert not matches(ruleset, "", "the navy and the ACSA")
    assert not matches(ruleset, "Cricket: navy wins", "the navy sailed")


@pytest.mark.parametrize(("scope", "title", "text", "expected"), [
    (["title"], "Navy news", "nothing", True),
    (["title"], "News", "the navy sailed", False),
    (["text"], "Navy news", "nothing", False),
    (["text"], "News", "the navy sailed", True),
    (["lead"], "News", "the navy sailed\nsecond paragraph", True),
    (["lead"], "News", "first paragraph\nthe navy sailed", False),
    (["title", "text"], "News", "first paragraph\nthe navy sailed", True),
])
def test_scope(make_rule: RuleFactory, scope: list[str], title: str, text: str,
               expected: bool) -> None:
    ruleset = make_rule({"a": ["navy"]}, "a", scope=scope)
    assert matches(ruleset, title, text) is expected


def test_hits_point_into_the_original_text(make_rule: RuleFactory) -> None:
    ruleset = make_rule({"a": ["@japan", "defence minister"]}, "a")
    text = "  The De\u0301fence\u00ad  Minister of Ja\u00adpan’s SDF met the  JMSDF."
    (match,) = ruleset.match_text("", text).matches
    # a Match keeps the first hit of each term (here: the entity Japan) in each scope …
    assert [(h.term, h.text, h.word) for h in match.hits] == [
        ("defence minister", "De\u0301fence\u00ad  Minister", 1), ("Japan", "Ja\u00adpan", 4)]
    # … explain lists every hit
    why = ruleset.explain("t", article_from_text("", text))
    hits = [r.hit for r in why.groups["a"]]
    assert [(h.term, h.text, h.word) for h in hits] == [
        ("defence minister", "De\u0301fence\u00ad  Minister", 1), ("Japan", "Ja\u00adpan", 4),
        ("JMSDF", "JMSDF", 9)]  # "Japan’s" is two words
    for hit in hits:
        assert text[hit.start:hit.end] == hit.text
        assert hit.scope == "text"


def test_score_weighs_title_hits_more(make_rule: RuleFactory) -> None:
    ruleset = make_rule({"a": ["navy"], "b": ["army"]}, "a and b")
    (in_text,) = ruleset.match_text("News", "first line\nthe navy and the army").matches
    (in_lead,) = ruleset.match_text("News", "the navy and the army").matches
    (in_title,) = ruleset.match_text("Navy and army", "nothing").matches
    assert in_text.score < in_lead.score < in_title.score
    assert in_title.score == 6.0  # two distinct terms at 3 each


def test_min_score_filters(make_rule: RuleFactory) -> None:
    ruleset = make_rule({"a": ["navy", "army", "air force"]}, "a", min_score=3)
    assert not matches(ruleset, "", "first line\nthe navy and the army")
    assert matches(ruleset, "", "first line\nthe navy, the army and the air force")


def test_entities_in_order_of_first_appearance(default_ruleset: RuleSet) -> None:
    result = default_ruleset.match_text(
        "Kishi Nobuo calls Rajnath Singh",
        "India and Japan welcomed MALABAR 2020, JIMEX-20 and the ACSA. Tokyo and the US…"
        " Flats on Malabar Hill. The Indian Ocean.")
    entities = result.entities
    assert entities.people == ("Kishi Nobuo", "Rajnath Singh")
    # the parties: the headline's two people speak for their states; the others are named
    assert entities.countries == ("Japan", "India")
    assert entities.mentioned == ("United States",)
    assert entities.exercises == ("Malabar", "JIMEX")
    assert entities.agreements == ("ACSA",)


def test_people_in_either_name_order(default_ruleset: RuleSet) -> None:
    for name in ("Kishi Nobuo", "Nobuo Kishi", "Kishi Nobou", "岸信夫"):
        assert default_ruleset.match_text("", f"{name} said").entities.people == ("Kishi Nobuo",)


def test_spellings_of_one_term_count_once(make_rule: RuleFactory) -> None:
    ruleset = make_rule({"a": ["defence", "defense", "navy"]}, "count(a) >= 2")
    assert not matches(ruleset, "", "the defence ministry")
    assert matches(ruleset, "", "the defense ministry and the navy")


def test_the_design_example_rule(tmp_path: Path) -> None:
    rule = """\
# rules/india-japan.yaml
id: india-japan
title: India–Japan defence
terms:                       # named groups of aliases; @name pulls a lexicon entry
  india: ["@india"]
  japan: ["@japan"]
  defence: [defence, defense, military, "armed forces", navy, "self-defense forces",
            "@acsa", "@malabar", "@jimex", "2+2"]
require: india and japan and defence          # boolean over groups; near(a, b, 40) allowed
exclude: [cricket, hockey, "bullet train"]
scope: [title, text]
"""
    ruleset = load_ruleset(write_dir(tmp_path, {"india-japan": rule}))
    assert ruleset.match_text("India, Japan sign ACSA", "").rule_ids == ("india-japan",)
    assert ruleset.match_text("India, Japan sign bullet train deal", "navy").rule_ids == ()


@pytest.mark.parametrize(("text", "found"), [
    ("Minister Kishi Nobou said", ["Minister Kishi Nobou"]),  # overlapping aliases merge
    ("Indo-Japanese ties", ["Indo-Japanese"]),  # the longer alias swallows "Japanese"
    ("Japan and Japanese", ["Japan", "Japanese"]),
])
def test_one_hit_per_occurrence(default_ruleset: RuleSet, text: str, found: list[str]) -> None:
    # india-japan's group "japan" is ["@japan", "@person:japan"]
    why = default_ruleset.explain("india-japan", article_from_text("", text))
    assert [r.hit.text for r in why.groups["japan"]] == found


@pytest.mark.parametrize(("require", "evidence"), [
    ("a and not title:g", ["navy"]),  # a guard: its words only ever stop a match
    ("a and (b or not title:g)", ["navy"]),
    ("a and count(g) <= 2", ["navy"]),  # a ceiling is a guard too
    ("a and not count(g) >= 3", ["navy"]),
    ("a and not (b and g)", ["navy"]),
    ("a and (g or b)", ["navy", "Quad"]),
    ("a and not not g", ["navy", "Quad"]),
    ("a and count(g) >= 1", ["navy", "Quad"]),
    ("a and not count(g) <= 0", ["navy", "Quad"]),
    ("near(a, g, 3)", ["navy", "Quad"]),
])
def test_matched_lists_only_the_evidence(make_rule: RuleFactory, require: str,
                                         evidence: list[str]) -> None:
    ruleset = make_rule({"a": ["navy"], "b": ["army"], "g": ["Quad"]}, require)
    (match,) = ruleset.match_text("", "The navy joined the Quad drill").matches
    assert match.matched_terms == evidence
    assert match.score == 2 * len(evidence)  # lead terms; a guard's add nothing
    # explain shows every group, guards included
    why = ruleset.explain("t", article_from_text("", "The navy joined the Quad drill"))
    assert [r.hit.text for r in why.groups["g"]] == ["Quad"]


def test_default_pack_matched_leaves_out_the_multilateral_guard(
        default_ruleset: RuleSet) -> None:
    result = default_ruleset.match_text(
        "Singh meets his Japanese counterpart on the sidelines of the Quad talks",
        "India's Rajnath Singh and Japan's defence minister held bilateral talks on naval "
        "cooperation in Singapore.")
    (match,) = (m for m in result.matches if m.rule_id == "india-japan")
    # the two meeting as two on defence (sides, meeting) lift the guard: evidence, like
    # pairwise; the group's words (quad, several) never are
    assert {h.group for h in match.hits} == {"india", "japan", "defence", "ties", "act",
                                             "pairwise", "sides", "meeting", "deed"}
    assert "Quad" not in match.matched_terms
    assert "Singapore" not in match.matched_terms  # states: a ceiling on other countries
