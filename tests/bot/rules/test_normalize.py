"""Normalisation: what text and terms become, and the way back to original offsets."""

from __future__ import annotations

import random

import pytest

from bot.rules.normalize import core, forms, is_acronym, normalize
from bot.rules.spellings import spelling_variants
from tests.bot.rules.conftest import RuleFactory
from tests.bot.rules.helpers import matches


@pytest.mark.parametrize(("text", "cased"), [
    ("India-Japan", "India Japan"),
    ("India–Japan", "India Japan"),
    ("India — Japan", "India Japan"),
    ("  India,\n\tJapan.  ", "India Japan"),
    ("Japan’s", "Japan s"),
    ("Sébastien Lecornu", "Sebastien Lecornu"),
    ("Se\u0301bastien", "Sebastien"),  # NFD input: combining acute after the base letter
    ("Ja\u00adpan", "Japan"),  # soft hyphen
    ("ＪＡＰＡＮ", "JAPAN"),  # full-width
    ("ﬁghter", "fighter"),  # ligature
    ("2+2 dialogue", "2+2 dialogue"),
    ("Japan🇯🇵", "Japan"),
    ("Søren Łukasz", "Soren Lukasz"),
    ("मंत्री", "मंत्री"),  # Devanagari vowel signs are kept
    ("इज़राइल", "इज़राइल"),  # precomposed nukta letter → decomposed (its NFC form)
    ("日本の防衛相。", "日本の防衛相"),
    # a Latin word written into Japanese is a word of its own
    ("日印ACSAが発効", "日印 ACSA が発効"),
    ("ＡＣＳＡに署名", "ACSA に署名"),
    ("9月10日", "9月10日"),  # digits are no seam: dates stay one run
])
def test_normalised_forms(text: str, cased: str) -> None:
    assert normalize(text).cased == f" {cased} "
    assert normalize(text).folded == f" {cased.lower()} "


@pytest.mark.parametrize("text", [
    "plain ascii,  spaced",
    "Ja\u00adpan and\u200b India\ufeff",  # format characters on an NFC page
    "Se\u0301bastien  Lecornu",  # NFD
    "A\u0324\u0304 e\u0301\u0301 \u0301 at the start",  # stacked and lone marks
    "½ ﬁghter ＪＡＰＡＮ ㈠㈡",  # one character to several
    "\u200fشالوم\u200e Israel",  # direction marks
    "भारत\u200d और जापान के रक्षा मंत्री",  # a joiner in Devanagari
    "इज़राइल", "इज़राइल",  # precomposed and decomposed nukta
    "\u1112\u1161\u11ab\u1100\u116e\u11a8 한국 and Korea\u00ad",  # conjoining jamo
    "İstanbul ǅ\u00ad",  # letters whose lower case is longer
    "  \u200b  ",
    "日印ACSAが発効\u200b、海自とJMSDF", "日\u00adACSA",  # Latin letters inside Japanese
])
def test_forms_are_normalize_without_offsets(text: str) -> None:
    # the early-rejection pass reads these; a difference could reject a page that matches
    norm = normalize(text)
    assert forms(text) == (norm.cased, norm.folded)


def test_forms_agree_with_normalize_on_mixed_scripts() -> None:
    # seeded, so a failure names a string that fails again
    pieces = [*"aeAE IndiaJapan ,.-–+\n", "\u00ad", "\u200b", "\ufeff", "\u200d", "\u200e",
              "\u0301", "\u0324", "\u0308", "\u093c", "\u094d", "\u0915", "\u093e", "é",
              "½", "ﬁ", "Ｊ", "㈠", "İ", "ǅ", "ß", "\u1112", "\u1161", "\u11ab", "한", "日", "の",
              "\u3099", "ø", "Ł", "ς", "\u0e01", "\u0e34", "\u0bc6", "\u0bbe", "🇯", "\u212b"]
    rng = random.Random(16)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        norm = normalize(text)
        assert forms(text) == (norm.cased, norm.folded), repr(text)


def test_devanagari_marks_are_not_stripped() -> None:
    assert core("मंत्री") != core("मंत्र")  # minister vs mantra: differ only by a vowel sign


@pytest.mark.parametrize("text", [
    "plain ascii, with  double   spaces. And more!",
    "   leading space and “curly quotes” — dashes",
    "Se\u0301bastien Ja\u00adpan’s ﬁghters",
    "भारत और जापान के रक्षा मंत्री।",
    "日本とインドの防衛相、電話会談",
    "mixed: Kōno Tarō met ＪＡＰＡＮ’s   minister",
    "日印ACSAが発効し、海自とJMSDFが訓練",
])
def test_offsets_map_back_to_the_original(text: str) -> None:
    norm = normalize(text)
    words = norm.cased.strip().split(" ")
    pos = 1
    for word in words:
        start, end = norm.span(pos, pos + len(word))
        original = text[start:end]
        assert core(original) == word, (word, original)
        pos += len(word) + 1


@pytest.mark.parametrize(("term", "acronym"), [
    ("ACSA", True), ("JMSDF", True), ("U.S.", True), ("F-35", True), ("acsa", False),
    ("Acsa", False), ("2+2", False), ("日本", False), ("navy", False),
])
def test_acronyms_are_terms_in_capitals(term: str, acronym: bool) -> None:
    assert is_acronym(term) is acronym


@pytest.mark.parametrize(("term", "variant"), [
    ("defence", "defense"), ("defense", "defence"), ("defence ministry", "defense ministry"),
    ("organisation", "organization"), ("modernization", "modernisation"),
    ("cooperation", "co operation"), ("manoeuvres", "maneuvers"), ("dialogue", "dialog"),
    # Hindi/Marathi z and f with or without the nukta; ड़ keeps its own
    (core("कोइज़ुमी"), "कोइजुमी"), ("कोइजुमी", core("कोइज़ुमी")),
    ("क्रिस्टोफर पाइन", core("क्रिस्टोफ़र पाइन")),
    # a nasal before a stop: the anusvara or that stop's half nasal, either way
    ("संबंध", "सम्बन्ध"), ("सम्बन्ध", "संबंध"), ("मंत्री", "मन्त्री"), ("पंडित", "पण्डित"),
    ("संपर्क", "सम्पर्क"), ("गंगा", "गङ्गा"),
    # Marathi plurals of nouns in -ī: the eyelash ऱ after a vowel, र in a conjunct
    ("स्वाक्षरी", core("स्वाक्षऱ्या")), ("पाणबुडी", "पाणबुड्या"),
    ("संरक्षण मंत्री", "संरक्षण मंत्र्या"),
    # Marathi obliques of nouns in -ā: the last word's -ā becomes -e
    ("सागरी सुरक्षा", "सागरी सुरक्षे"), ("नौसेना", "नौसेने"), ("चर्चा", "चर्चे"),
    # katakana: no middle dot (a space once normalised), no long-vowel mark
    (core("キーン・ソード"), "キーンソード"), ("マラバール", "マラバル"),
])
def test_spelling_variants(term: str, variant: str) -> None:
    variants = spelling_variants(term)
    assert variants[0] == term
    assert variant in variants


def test_a_particle_and_a_word_in_a_consonant_have_no_plural_stem() -> None:
    assert spelling_variants("से बात की") == ["से बात की"]
    assert spelling_variants("करार") == ["करार"]


def test_a_marathi_plural_meets_the_singular_term(make_rule: RuleFactory) -> None:
    ruleset = make_rule({"x": ["स्वाक्षरी"]}, "x")
    assert matches(ruleset, "", "अधिकाऱ्यांनी कागदपत्रांवर स्वाक्षऱ्या केल्या.")
    assert not matches(ruleset, "", "अधिकाऱ्यांनी कागदपत्रे पाहिली.")


@pytest.mark.parametrize(("text", "matched"), [
    ("पंतप्रधानांच्या दौऱ्यात सागरी सुरक्षेवर भर", True),
    ("सागरी सुरक्षेच्या मुद्द्यावर बैठक झाली.", True),
    ("सागरी सुरक्षा दलाची बैठक झाली.", True),
    ("सागरी किनाऱ्यावर पर्यटकांची गर्दी झाली.", False),
])
def test_a_marathi_oblique_meets_the_term(make_rule: RuleFactory, text: str,
                                          matched: bool) -> None:
    ruleset = make_rule({"x": ["सागरी सुरक्षा"]}, "x")
    assert matches(ruleset, "", text) is matched


def test_a_devanagari_letter_of_its_own_keeps_its_nukta() -> None:
    assert spelling_variants(core("लड़ाकू")) == [core("लड़ाकू")]


def test_a_nasal_before_no_stop_and_a_short_katakana_word_keep_their_spelling() -> None:
    # न्य, म्ह and the anusvara before स have no half-nasal twin; ヨク is not ヨーク
    assert spelling_variants("अन्य") == ["अन्य"]
    assert spelling_variants("संयुक्त") == ["संयुक्त"]
    assert spelling_variants("ヨーク") == ["ヨーク"]


@pytest.mark.parametrize(("written", "folded"), [
    ("पहुँचे", "पहुंचे"), ("ऑस्ट्रेलिया", "आस्ट्रेलिया"), ("कॉर्वेट", "कार्वेट"),
])
def test_devanagari_signs_used_one_for_another_fold(written: str, folded: str) -> None:
    assert core(written) == core(folded) == folded
