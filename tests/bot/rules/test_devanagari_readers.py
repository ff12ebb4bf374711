"""The readers behind the Devanagari styles of variants_devanagari.yaml, sentence by
sentence: a hope is no act (उम्मीद है, अशी आशा), a report denied is none (वृत्त फेटाळले,
खबरों का खंडन किया), a tally of pacts over the years is a habit (कई समझौते किए हैं), the
places of a tour are no pair (भारत आणि जपानचा दौरा), and a citizen "of" a state is a
private person in Hindi too (अमेरिका के एक नागरिक). Every sentence is our own."""

from __future__ import annotations

import re

import pytest

from bot.rules.actors import toured
from bot.rules.dated import counts_years, fold_digits, habitual_sentences
from bot.rules.denial import denied
from bot.rules.mood import unasserted
from bot.rules.normalize import normalize
from bot.rules.places import private, set_apart


@pytest.mark.parametrize("sentence", [
    "उम्मीद है भारत और ऑस्ट्रेलिया जल्द रक्षा समझौता करेंगे",
    "विशेषज्ञों को आशा है कि भारत और जापान अगले वर्ष नौसैनिक अभ्यास करेंगे।",
    "भारत-ऑस्ट्रेलिया लवकरच संरक्षण करार करतील, अशी आशा",
    "भारत आणि अमेरिका पुढील वर्षी संयुक्त सराव करतील, अशी अपेक्षा तज्ज्ञांनी व्यक्त केली.",
    # a headline's "possible", "likely"
    "भारत-ऑस्ट्रेलिया सैन्य अभ्यास अगले साल संभव",
    "भारत-ऑस्ट्रेलिया लष्करी सराव पुढील वर्षी शक्य",
    "भारत-जपान नौदल सराव पुढील महिन्यात होण्याची शक्यता",
])
def test_a_hope_is_no_act(sentence: str) -> None:
    assert unasserted(sentence)


@pytest.mark.parametrize("sentence", [
    # the act told first: what they hoped is said of a meeting held
    "भारत और जापान के रक्षा मंत्रियों ने बैठक की और उम्मीद जताई कि अभ्यास बढ़ेंगे।",
    "भारत आणि जपानच्या संरक्षणमंत्र्यांची बैठक झाली आणि सहकार्य वाढेल, अशी आशा व्यक्त केली.",
    "भारत और जापान ने संयुक्त अभ्यास शुरू किया।",
    # "every possible help" is no headline's "possible"
    "राजनाथ सिंह ने जापान के रक्षा मंत्री को हर संभव सहयोग का भरोसा दिया।",
])
def test_a_hope_after_the_act_leaves_it_told(sentence: str) -> None:
    assert not unasserted(sentence)


@pytest.mark.parametrize("sentence", [
    "भारत-जपान संरक्षण करार झाल्याचे वृत्त सरकारने फेटाळले",
    "भारत आणि जपान यांच्यात नवा संरक्षण करार झाल्याचे वृत्त मंत्रालयाने फेटाळून लावले.",
    "रक्षा मंत्रालय ने भारत और जापान के बीच नए रक्षा समझौते की खबरों का खंडन किया।",
    "भारत-जापान रक्षा समझौते की खबर का सरकार ने खंडन किया",
])
def test_a_report_denied_is_no_act(sentence: str) -> None:
    assert denied(sentence)


@pytest.mark.parametrize("sentence", [
    # a headline's denial and who made it, after a colon
    "जपानसोबत संरक्षण करार नाही : परराष्ट्र मंत्रालयाचे स्पष्टीकरण",
    "जापान के साथ कोई रक्षा करार नहीं: विदेश मंत्रालय",
    "ऑस्ट्रेलियासोबत सराव नाही: लष्कर",
    # a pact stalled, stuck, shelved
    "अमेरिकेसोबतचा संरक्षण करार रखडला",
    "भारत आणि अमेरिका यांच्यातील प्रस्तावित संरक्षण करार अनेक महिन्यांपासून रखडला आहे.",
    "अमेरिका के साथ रक्षा समझौता अधर में लटका",
    "भारत और अमेरिका के बीच प्रस्तावित रक्षा समझौता कई महीनों से अटका हुआ है।",
    "भारत-जापान नौसैनिक अभ्यास की योजना ठंडे बस्ते में",
    "भारत-ऑस्ट्रेलिया संरक्षण करार बारगळला",
    # still awaited
    "भारत-ऑस्ट्रेलिया संरक्षण कराराची प्रतीक्षा कायम",
    "भारत-ऑस्ट्रेलिया रक्षा समझौते का इंतजार जारी",
])
def test_a_denial_headline_or_a_stalled_pact_is_no_act(sentence: str) -> None:
    assert denied(sentence)


@pytest.mark.parametrize("sentence", [
    # the colon after an act told: the act is the news
    "भारत और जापान ने रक्षा समझौते पर हस्ताक्षर किए: रक्षा मंत्रालय",
    "भारत-जपान संरक्षण करारावर स्वाक्षरी : संरक्षण मंत्रालय",
    # a pact signed after it had long been stalled is signed
    "अनेक महिने रखडलेल्या संरक्षण करारावर भारत आणि अमेरिकेने अखेर स्वाक्षरी केली.",
    "लंबे इंतजार के बाद भारत और ऑस्ट्रेलिया ने रक्षा समझौते पर हस्ताक्षर किए।",
])
def test_a_colon_or_a_stalled_past_leaves_the_act_told(sentence: str) -> None:
    assert not denied(sentence)


@pytest.mark.parametrize("sentence", [
    "दोन्ही देशांच्या नौदलांनी अधिक वेळा संयुक्त सराव करणे गरजेचे आहे.",
    "भारत आणि जपान यांच्यात संरक्षण करार होण्याची गरज आहे.",
    "भारत और जापान की नौसेनाओं को ज्यादा संयुक्त अभ्यास करने की जरूरत है।",
    "भारत और ऑस्ट्रेलिया के बीच रक्षा समझौता जरूरी है।",
    "सरकारने याबाबत ठोस पावले उचलावीत.",
])
def test_a_need_is_no_act(sentence: str) -> None:
    assert unasserted(sentence)


@pytest.mark.parametrize("sentence", [
    "भारत और ऑस्ट्रेलिया की नौसेनाओं का अभ्यास शुरू हुआ, लेकिन चीन ने आरोपों का खंडन किया।",
    "भारत और जापान ने समझौते पर हस्ताक्षर किए।",
])
def test_a_denial_after_the_act_leaves_it_told(sentence: str) -> None:
    assert not denied(sentence)


def _sentences(text: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer(r"[।.] ", text))]


def test_a_tally_of_pacts_is_a_habit_unless_dated_today() -> None:
    text = ("भारत और अमेरिका ने कई रक्षा समझौते किए हैं। "
            "भारत आणि अमेरिकेने अनेक संरक्षण करार केले आहेत. "
            "भारत और जापान ने सोमवार को कई समझौतों पर हस्ताक्षर किए हैं। "
            "भारत और जापान ने कई समझौतों पर हस्ताक्षर किए।")
    assert habitual_sentences(text, _sentences(text)) == {0, 1}


@pytest.mark.parametrize(("text", "state", "expected"), [
    ("त्यांनी भारत आणि ऑस्ट्रेलियाचा दौरा केला", "ऑस्ट्रेलियाचा", True),
    ("अमेरिकेचे मंत्री भारत आणि जपानच्या दौऱ्यावर आहेत", "जपानच्या", True),
    ("वे भारत और जापान के दौरे पर हैं", "जापान", True),
    ("भारत और जापान की यात्रा पूरी हुई", "जापान", True),
    # a meeting of the two is no tour: मोदी आणि अल्बानीज यांची भेट
    ("भारत आणि ऑस्ट्रेलियाची भेट झाली", "ऑस्ट्रेलियाची", False),
    ("भारत और जापान का संयुक्त अभ्यास", "जापान", False),
])
def test_the_places_of_a_tour(text: str, state: str, expected: bool) -> None:
    words = normalize(text).folded.split()  # as the scan reads them: ऱ folded to र
    assert toured(words, words.index(normalize(state).folded.strip())) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("अमेरिका के एक नागरिक को जमानत मिली", True),
    ("अमेरिका के नागरिक को जमानत मिली", True),
    ("अमेरिकेच्या एका नागरिकाला जामीन मिळाला", True),
    ("अमेरिका के रक्षा मंत्री ने बात की", False),
])
def test_a_citizen_of_a_state_in_hindi(text: str, expected: bool) -> None:
    words = text.split()
    hit = (0, len(words[0]), 0, 0, 0, words[0])
    assert private(" " + text + " ", words, hit) is expected


@pytest.mark.parametrize(("headline", "expected"), [
    # the thing whose years are counted may be named by a word of today: a declaration
    ("भारत-जापान रक्षा सहयोग घोषणा के 15 साल", True),
    ("भारत-जपान सुरक्षा जाहीरनाम्याची १५ वर्षे", True),
    # a new act on the anniversary is today's news
    ("समझौते के 15 साल पर भारत और जापान की नई घोषणा", False),
    ("कराराची १५ वर्षे पूर्ण; भारत-जपानचा नवा करार", False),
])
def test_a_thing_counted_by_its_years(headline: str, expected: bool) -> None:
    assert counts_years(fold_digits(headline)) is expected  # as the story reads it


@pytest.mark.parametrize(("text", "state", "expected"), [
    ("अमेरिकेशिवाय इतर देशाशी जपानचा पहिलाच करार", "अमेरिकेशिवाय", True),
    ("अमेरिकेबाहेर जपानचा पहिलाच सुरक्षा करार", "अमेरिकेबाहेर", True),
    ("अमेरिका वगळता ऑस्ट्रेलियाशी भारताचा पहिला सराव", "अमेरिका", True),
    ("अमेरिका के अलावा किसी देश के साथ जापान का पहला समझौता", "अमेरिका", True),
    ("अमेरिका को छोड़कर ऑस्ट्रेलिया पहला साझेदार", "अमेरिका", True),
    ("अमेरिका और जापान के रक्षा मंत्री मिले", "अमेरिका", False),
    ("अमेरिकेसोबत जपानचा करार", "अमेरिकेसोबत", False),
])
def test_a_state_set_apart_after_it(text: str, state: str, expected: bool) -> None:
    words = normalize(text).folded.split()
    at = words.index(normalize(state).folded.strip())
    hit = (0, 0, at, at, 0, state)
    assert set_apart(" ".join(words), words, hit) is expected
