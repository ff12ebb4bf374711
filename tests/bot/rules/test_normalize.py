"""Normalisation: what text and terms become, and the way back to original offsets."""

from __future__ import annotations

import pytest

from bot.rules.normalize import core, is_acronym, normalize, spelling_variants


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
])
def test_spelling_variants(term: str, variant: str) -> None:
    variants = spelling_variants(term)
    assert variants[0] == term
    assert variant in variants
