"""Stories the default pack must not alert, written in the styles a tuned corpus lacks: a
headline that counts a treaty's years without the word "anniversary" (dated.py), a pact
named only as one in force for years (acsa.yaml's `standing`), security of another field
(groups/defence.yaml's look-alikes), a capital's name as its university's or governor's
(compile.py), and a swap of prisoners (pairwords.py). Each class in every language it
occurs in, with the news beside it that must still alert."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.rules import RuleSet
from bot.rules.dated import counts_years, fold_digits
from watchers.models import Article


def _article(title: str, text: str, published: str = "2025-06-10") -> Article:
    paragraphs = tuple(p.strip() for p in text.split("\n") if p.strip())
    return Article(url="", title=title, text="\n\n".join(paragraphs), source_id="",
                   outlet="", published=datetime.fromisoformat(published).replace(tzinfo=UTC),
                   paragraphs=paragraphs)


def _rules(ruleset: RuleSet, title: str, text: str, published: str = "2025-06-10") -> set[str]:
    return set(ruleset.match(_article(title, text, published)).rule_ids)


@pytest.mark.parametrize(("headline", "counts"), [
    ("Seventy years of the Tokyo-Delhi peace treaty", True),
    ("Alliance at 65: what the old treaty still does", True),
    ("ANZUS turns 75, and the region has changed", True),
    ("日豪平和条約70年　戦後の和解を振り返る", True),
    ("भारत-जापान शांति संधि के 70 साल", True),
    ("भारत-जपान मैत्री कराराची ७० वर्षे", True),
    ("संरक्षण कराराला २० वर्षे पूर्ण", True),
    ("日米防衛協力指針25年　変わる役割", True),
    ("ジミックス10年　日印海軍協力の歩み", True),
    ("平成30年の日米演習を振り返る", False),
    ("日豪訓練、10年ぶりに再開", False),
    ("マラバール開始30年、4か国の艦艇が沖縄沖に集結", False),
    # what led to today's act, a short span, an act done today, a time of day
    ("India, Japan sign pact after fifteen years of talks", False),
    ("Japan-Australia access pact turns 3: drills doubled", False),
    ("日印物品役務協定、発効1年", False),
    ("Japan and India mark 70 years of ties with new naval pact", False),
    ("Alliance at 65: defence ministers meet in Tokyo", False),
    ("日米同盟70年で共同声明", False),
    ("समझौता 10 साल के लिए बढ़ा", False),
    ("Ministers to speak at 10:30 on the treaty", False),
    ("日米、特別協定を10年延長", False),
])
def test_a_headline_counting_the_years_of_a_thing(headline: str, counts: bool) -> None:
    assert counts_years(fold_digits(headline)) is counts


@pytest.mark.parametrize(("title", "text"), [
    ("Seventy years of the Tokyo-Delhi peace treaty",
     "Tokyo and New Delhi signed their peace treaty in 1952.\n"
     "The two countries went on, decades later, to build defence ties."),
    ("US-Japan alliance at 65: what the treaty means now",
     "The United States and Japan signed the revised security treaty in January 1960.\n"
     "Their forces now train together more than ever, historians say."),
    ("日印平和条約70年　独立直後の選択",
     "1952年、日本とインドは平和条約に署名した。\n"
     "両国はその後、防衛協力を進めた。"),
    ("भारत-जापान शांति संधि के 70 साल",
     "1952 में भारत और जापान ने शांति संधि पर हस्ताक्षर किए थे।\n"
     "दोनों देशों ने बाद में रक्षा सहयोग बढ़ाया।"),
    ("भारत-जपान शांतता कराराची ७० वर्षे",
     "१९५२ मध्ये भारत आणि जपान यांनी शांतता करारावर स्वाक्षरी केली.\n"
     "दोन्ही देशांनी पुढे संरक्षण सहकार्य वाढवले."),
])
def test_an_anniversary_told_without_the_word_alerts_nothing(
        default_ruleset: RuleSet, title: str, text: str) -> None:
    assert _rules(default_ruleset, title, text, "2022-06-09") == set()


@pytest.mark.parametrize(("title", "text"), [
    ("मलबार सरावाची ३० वर्षे",
     "१९९२ मध्ये भारत आणि अमेरिका यांच्या नौदलांनी पहिला मलबार सराव केला.\n"
     "आता जपान आणि ऑस्ट्रेलियाही या सरावात सहभागी होतात."),
    ("ジミックス10年　日印海軍協力の歩み",
     "日印の海上共同訓練ジメックスは2012年に始まった。\n"
     "海上自衛隊とインド海軍の協力は深まっている。"),
])
def test_an_exercise_counted_in_years_is_its_history(
        default_ruleset: RuleSet, title: str, text: str) -> None:
    assert _rules(default_ruleset, title, text, "2022-06-01") == set()


def test_an_act_told_on_the_anniversary_still_alerts(default_ruleset: RuleSet) -> None:
    found = _rules(default_ruleset, "Japan and India mark 70 years of ties with new naval pact",
                   "Japan and India signed a naval cooperation pact in Tokyo on Monday.",
                   "2022-06-09")
    assert {"india-japan", "bilateral-defence"} <= found


def test_a_pact_reviewed_after_a_year_in_use_alerts(default_ruleset: RuleSet) -> None:
    found = _rules(default_ruleset, "日印物品役務相互提供協定、発効1年",
                   "日印物品役務相互提供協定（ACSA）が11日、発効から1年を迎えた。"
                   "海上自衛隊の護衛艦は協定に基づきインド海軍から洋上で燃料を受けた。",
                   "2022-07-11")
    assert "acsa" in found


@pytest.mark.parametrize(("title", "text"), [
    ("Five years since India and Japan signed ACSA",
     "India and Japan signed the ACSA in September 2020.\n"
     "Their navies have drawn fuel from each other several times since."),
    ("India, Japan defence ministers meet in Tokyo",
     "Rajnath Singh and Shinjiro Koizumi met in Tokyo on Tuesday and agreed to widen joint "
     "exercises. The two countries' supply and services agreement, in force since 2021, "
     "lets their navies refuel each other."),
    ("日印防衛相、東京で会談",
     "日印の防衛相が15日に会談し、共同訓練の拡充で一致した。"
     "両国間では2021年に発効した物品役務相互提供協定がある。"),
    ("राजनाथ सिंह और जापानी रक्षा मंत्री की टोक्यो में बैठक",
     "रक्षा मंत्री राजनाथ सिंह ने मंगलवार को अपने जापानी समकक्ष से मुलाकात की। "
     "दोनों देशों के बीच 2021 से लागू रसद समझौता पहले से है।"),
    ("भारत-जपान संरक्षणमंत्र्यांची टोकियोत चर्चा",
     "राजनाथ सिंह आणि जपानचे संरक्षणमंत्री यांनी मंगळवारी टोकियोत चर्चा केली. "
     "दोन्ही देशांत २०२१ पासून अमलात असलेला परस्पर पुरवठा करार आहे."),
])
def test_a_pact_in_force_for_years_is_no_news_of_it(
        default_ruleset: RuleSet, title: str, text: str) -> None:
    assert "acsa" not in _rules(default_ruleset, title, text, "2026-09-16")


@pytest.mark.parametrize(("title", "text"), [
    ("Indian, Japanese navies train off Chennai",
     "Two Indian warships and a Japanese destroyer trained off Chennai on Monday. Under the "
     "ACSA, which has been in effect since 2021, the Indian tanker refuelled the destroyer."),
    ("護衛艦、ムンバイで補給",
     "護衛艦がムンバイに入港した。燃料の補給は2021年に発効した日印物品役務相互提供協定を"
     "使ったものだ。"),
    ("भारतीय टँकरकडून जपानी विनाशिकेला इंधन",
     "भारतीय नौदलाच्या टँकरने जपानी विनाशिकेला इंधन दिले. दोन्ही देशांनी २०२० मध्ये "
     "स्वाक्षरी केलेल्या परस्पर पुरवठा व सेवा करारानुसार हे इंधन देण्यात आले."),
])
def test_a_pact_in_force_for_years_and_used_today_is_news(
        default_ruleset: RuleSet, title: str, text: str) -> None:
    assert "acsa" in _rules(default_ruleset, title, text, "2026-09-16")


@pytest.mark.parametrize(("title", "text"), [
    ("US, Japan agree on economic security cooperation",
     "The US and Japan agreed to cooperate on economic security and chip supply chains."),
    ("日米、エネルギー安全保障協力で合意",
     "日米両政府はLNGの安定供給を柱とするエネルギー安全保障協力で合意した。"),
    ("भारत-ऑस्ट्रेलिया खाद्य सुरक्षा सहयोग पर सहमत",
     "भारत और ऑस्ट्रेलिया खाद्य सुरक्षा सहयोग बढ़ाने पर सहमत हुए।"),
    ("भारत-जपान सायबर सुरक्षा करार",
     "भारत आणि जपान यांनी सोमवारी सायबर सुरक्षा सहकार्य करारावर स्वाक्षरी केली."),
    ("भारत-ऑस्ट्रेलिया अन्न सुरक्षा करार",
     "भारत आणि ऑस्ट्रेलिया यांनी अन्न सुरक्षा सहकार्य करार केला."),
])
def test_security_of_another_field_is_no_defence(
        default_ruleset: RuleSet, title: str, text: str) -> None:
    assert _rules(default_ruleset, title, text) == set()


@pytest.mark.parametrize(("title", "text"), [
    ("India, Japan sign maritime security cooperation pact",
     "India and Japan signed a maritime security cooperation pact on Monday."),
    ("भारत-जपान सागरी सुरक्षा सहकार्य करार",
     "भारत आणि जपान यांनी सोमवारी सागरी सुरक्षा सहकार्य करारावर स्वाक्षरी केली."),
])
def test_security_of_the_sea_is_still_defence(
        default_ruleset: RuleSet, title: str, text: str) -> None:
    assert "india-japan" in _rules(default_ruleset, title, text)


@pytest.mark.parametrize(("title", "text"), [
    ("Tokyo University, IIT Delhi sign defence research pact",
     "The University of Tokyo and IIT Delhi signed an agreement on defence technology research."),
    ("Tokyo governor meets Indian defence minister's delegation",
     "Tokyo Governor Yuriko Koike met a delegation led by India's defence minister."),
    ("टोक्यो विश्वविद्यालय और आईआईटी दिल्ली में रक्षा अनुसंधान समझौता",
     "टोक्यो विश्वविद्यालय और आईआईटी दिल्ली ने रक्षा प्रौद्योगिकी अनुसंधान पर समझौता किया।"),
    ("वॉशिंग्टन विद्यापीठ आणि पुणे विद्यापीठ यांच्यात संरक्षण संशोधन करार",
     "वॉशिंग्टन विद्यापीठ आणि पुणे विद्यापीठ यांनी संरक्षण तंत्रज्ञान संशोधनावर करार केला. "
     "भारताच्या संरक्षण मंत्रालयाचे अधिकारी उपस्थित होते."),
])
def test_a_capital_named_for_its_university_or_governor_is_no_party(
        default_ruleset: RuleSet, title: str, text: str) -> None:
    assert _rules(default_ruleset, title, text) == set()


def test_a_capital_that_acts_is_still_its_state(default_ruleset: RuleSet) -> None:
    found = _rules(default_ruleset, "Tokyo, New Delhi sign defence equipment pact",
                   "Tokyo and New Delhi signed a defence equipment transfer agreement on Monday.")
    assert "india-japan" in found


@pytest.mark.parametrize(("title", "text"), [
    ("Russia, US swap prisoners after secret talks",
     "Russia and the United States exchanged prisoners in Abu Dhabi on Thursday after months "
     "of secret talks. A former US Marine was freed; Russia's defence ministry confirmed."),
    ("Ukraine and Russia swap bodies of fallen soldiers",
     "Ukraine and Russia exchanged the bodies of 900 soldiers after talks in Istanbul, the "
     "defence ministry in Kyiv said."),
    ("ロシアと米国、収監者を交換",
     "ロシアと米国は協議の末、アブダビで収監者を交換した。ロシア国防省が発表した。"),
    ("रूस और अमेरिका ने कैदियों की अदला-बदली की",
     "रूस और अमेरिका ने वार्ता के बाद कैदियों की अदला-बदली की। रूसी रक्षा मंत्रालय ने पुष्टि की।"),
    ("रशिया-अमेरिका कैद्यांची अदलाबदल",
     "रशिया आणि अमेरिका यांनी चर्चेनंतर कैद्यांची अदलाबदल केली. रशियाच्या संरक्षण मंत्रालयाने "
     "दुजोरा दिला."),
])
def test_a_swap_of_prisoners_alerts_nothing(
        default_ruleset: RuleSet, title: str, text: str) -> None:
    assert _rules(default_ruleset, title, text) == set()


def test_a_joint_drill_to_rescue_hostages_still_alerts(default_ruleset: RuleSet) -> None:
    found = _rules(default_ruleset, "Indian, Japanese navies hold hostage-rescue drill",
                   "The Indian and Japanese navies held a joint exercise on Monday to free "
                   "hostages from a hijacked merchant ship off Kochi.")
    assert {"india-japan", "bilateral-defence"} <= found
