"""Accents inside words change no verdict: the readers of the sentences as written (mood,
denial, history, habits, datelines, clauses of circumstance, regions, the long forms of
acronyms) read the text with Latin accents folded (bot/rules/reading.py), as the
automaton does; Devanagari and Japanese pass through byte for byte."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest

from bot.rules import RuleSet, load_ruleset
from bot.rules.normalize import normalize
from bot.rules.reading import fold_accents, reading
from bot.rules.scan import ScopeScan, scan
from tests.bot.rules.helpers import matches, one_rule, write_dir

ACUTE = "\u0301"

LEXICON: dict[str, dict[str, Any]] = {
    "countries": {
        "india": {"name": "India", "aliases": ["Indian"]},
        "japan": {"name": "Japan", "aliases": ["Japanese"], "cities": ["Tokyo"]},
        "australia": {"name": "Australia", "aliases": ["Australian"]},
        "us": {"name": "United States", "aliases": ["American"]},
        "china": {"name": "China", "aliases": ["Chinese"]},
    },
}


@pytest.fixture(scope="module")
def pair_rule(tmp_path_factory: pytest.TempPathFactory) -> RuleSet:
    root: Path = tmp_path_factory.mktemp("reading")
    rule = one_rule({"a": ["@country:*"], "act": ["talks", "drills"]}, "pair(a, a, act)")
    return load_ruleset(write_dir(root, {"t": rule}, LEXICON))


def accented(text: str, words: tuple[str, ...], composed: bool) -> str:
    """text with an acute accent after the first letter of each of these words, as a
    combining mark or (composed) as one precomposed letter."""
    for word in words:
        text = text.replace(word, word[0] + ACUTE + word[1:])
    return unicodedata.normalize("NFC", text) if composed else text


# (title, text, the words to accent, the verdict): each reader's class in English
READERS = [
    # a wish (mood), in the body and in the headline
    ("", "India and Japan could hold talks.", ("could",), False),
    ("India and Japan should hold talks", "", ("should",), False),
    # what did not happen (denial); a headline's denial makes the story untold
    ("", "India and Japan did not hold talks.", ("did", "not"), False),
    ("", "The drills of India and Japan were cancelled.", ("cancelled",), False),
    ("India-Japan talks postponed", "India and Japan held talks.", ("postponed",), False),
    # history counted back, and a habit
    ("", "Sixty years ago India and Japan held talks.", ("years", "ago"), False),
    ("", "India and Japan often hold talks.", ("often",), False),
    # a clause of circumstances, a region of a state, a dateline
    ("", "Japan held talks in the north as the United States watched.", ("as",), False),
    ("", "Japan held talks amid tension with China.", ("amid",), False),
    ("", "Japan held talks with farmers in Western Australia.", ("Western",), False),
    ("", "TOKYO, May 2 - Indian ministers held talks.\n", ("TOKYO",), False),
    # and the news itself, accented, is still news
    ("", "India and Japan agreed to hold drills.", ("agreed", "India"), True),
]


@pytest.mark.parametrize("composed", [False, True], ids=["combining", "precomposed"])
@pytest.mark.parametrize("case", READERS, ids=[t or x for t, x, _, _ in READERS])
def test_an_accent_inside_a_word_changes_no_verdict(
        pair_rule: RuleSet, case: tuple[str, str, tuple[str, ...], bool], composed: bool
) -> None:
    title, text, words, expected = case
    assert matches(pair_rule, title, text) is expected
    assert matches(pair_rule, accented(title, words, composed),
                   accented(text, words, composed)) is expected


@pytest.mark.parametrize("composed", [False, True], ids=["combining", "precomposed"])
def test_history_and_habits_read_the_folded_sentences(composed: bool) -> None:
    # a year long ago opens the first (dated), "Monday" makes the second news, the third
    # is a habit
    plain = ("In 1958, India and Japan signed a treaty. In 1998, Japan recalled it on "
             "Monday. The navies train together often.")
    text = accented(plain, ("signed", "Monday", "often"), composed)
    found = ScopeScan("text", text, normalize(text), {}, frozenset(), year=2025)
    assert found.aside() == {0}
    assert found.habits() == {2}
    # the sentences still begin where they do in the text as written
    assert [text[s:s + 3] for s in found.sentences()] == ["In ", "In ", "The"]
    assert found.read().text == plain
    assert [plain[s:s + 3] for s in found.read_starts()] == ["In ", "In ", "The"]


def test_a_dateline_in_capitals_with_an_accent_is_a_dateline(default_ruleset: RuleSet) -> None:
    compiled = default_ruleset._compiled  # the bundled lexicon, scanned as `match` scans
    for city in ("TOKYO", "TO" + ACUTE + "KYO", "TÓKYO"):
        text = f"{city}, May 2 - Indian and Japanese ministers held talks.\n"
        found = scan(compiled, "text", text)
        assert found.dateline == ("japan",), city
        # the hits left are those after the dateline, at their place in the text
        assert all(found.original(h)[0] > len(city) for hs in found.by_atom.values()
                   for h in hs)


def test_a_long_form_with_accents_is_still_another_meaning(default_ruleset: RuleSet) -> None:
    title = "ACSA signs agreement with Japanese firm for terminal"
    for long_form in ("Airports Company South Africa", "Áirports Cómpany South Africa",
                      "A" + ACUTE + "irports Company South Africa"):
        text = (f"{long_form} (ACSA) signed an agreement with a Japanese group and "
                "visitors from India.\nACSA said talks with both countries went well.")
        assert "ACSA" not in default_ruleset.match_text(title, text).entities.agreements


def test_precomposed_letters_fold_one_for_one() -> None:
    text = "Ágreed at São Paulo: Øresund, Łódź, İzmir, naïve façade"
    found = reading(text)
    assert found.text == "Agreed at Sao Paulo: Oresund, Lodz, Izmir, naive facade"
    assert [found.orig(i) for i in range(len(text) + 1)] == list(range(len(text) + 1))
    assert [found.at(i) for i in range(len(text) + 1)] == list(range(len(text) + 1))


def test_combining_marks_after_latin_letters_go_and_offsets_map_back() -> None:
    text = "agre" + ACUTE + "ed, then si\u0302\u0308gned"
    found = reading(text)
    assert found.text == "agreed, then signed"
    # each character of the folded text maps to the same letter as written
    assert all(text[found.orig(i)] == found.text[i] for i in range(len(found.text)))
    # a slice of the folded text covers the word as written, its marks included
    start = found.text.index("signed")
    assert text[found.orig(start):found.orig(start + 6)] == "si\u0302\u0308gned"
    assert found.slice(text.index("then"), len(text)) == "then signed"
    # and back: every original offset lands on the folded offset of its letter
    assert [found.at(found.orig(i)) for i in range(len(found.text) + 1)] == list(
        range(len(found.text) + 1))
    assert found.at(text.index("ed,")) == found.text.index("ed,")


def test_nothing_but_latin_letters_folds() -> None:
    # marks after no Latin letter, Greek and Cyrillic accents stay as written
    for text in (ACUTE + "a", "1" + ACUTE, "Ψ" + ACUTE + " ά й", "भारत" + ACUTE, "日" + ACUTE):
        assert reading(text).text == text


@pytest.mark.parametrize("text", [
    # Hindi: nukta letters precomposed (ज़ U+095B, ड़ U+095C, फ़ U+095E) and decomposed
    # (ज + U+093C), the candrabindu, the candra o of loans, Devanagari digits
    "भारत और जापान की नौसेनाओं ने \u095bरूरी अभ्यास किया; फ़ौज के \u091c\u093cवान पहुँचे, "
    "ऑस्ट्रेलिया भी आया। १० जून को बड़ी बैठक हुई।",
    # Marathi
    "भारत आणि जपान यांच्या नौदलांनी सराव केला. ता. १० : संरक्षणमंत्र्यांची भेट झाली, "
    "ऑस्ट्रेलियाचे \u0921\u093c अधिकारीही पोहोचले.",
    # Japanese: dakuten and handakuten precomposed (が, パ) and combining (か + U+3099),
    # half-width katakana with its sound mark, full-width Latin and digits
    "日印が防衛相会談を行い、パトロールで合意した。か\u3099ガｶﾞﾊﾟ　Ｊａｐａｎ　２０２５年",
])
def test_hindi_marathi_and_japanese_pass_through_byte_for_byte(text: str) -> None:
    assert fold_accents(text).encode("utf-8") == text.encode("utf-8")
    found = reading(text)
    assert [found.orig(i) for i in range(len(text) + 1)] == list(range(len(text) + 1))


def test_latin_words_inside_another_script_fold_alone() -> None:
    text = "भारत और जापान का Malabár अभ्यास: 日米のMalaba" + ACUTE + "r演習"
    assert fold_accents(text) == "भारत और जापान का Malabar अभ्यास: 日米のMalabar演習"


def test_the_bundled_rules_read_accented_english_as_plain(default_ruleset: RuleSet) -> None:
    title = "India and Japan could sign a defence logistics pact, analysts say"
    text = "India and Japan could sign a defence logistics pact next year, analysts said.\n"
    plain = default_ruleset.match_text(title, text).rule_ids
    for composed in (False, True):
        assert default_ruleset.match_text(accented(title, ("could",), composed),
                                          accented(text, ("could",), composed)
                                          ).rule_ids == plain

