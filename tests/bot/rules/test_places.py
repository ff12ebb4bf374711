"""Places that name no party: a border where something happens, in every language the
rules read; and sentences of Devanagari text wrapped at a fixed width."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet
from bot.rules.parties import groups
from bot.rules.ruleset import article_from_text
from bot.rules.scan import scan
from bot.rules.splitting import sentence_starts


@pytest.mark.parametrize("text", [
    "To watch the China-Pakistan border, India signed a drone deal with Japan on Monday.",
    "To watch along China and Pakistan's border, India signed a drone deal with Japan.",
    "Troops on India's northern border will fly drones that Japan sold under a new deal.",
    "चीन आणि पाकिस्तानच्या सीमेवर लक्ष ठेवण्यासाठी भारताने जपानसोबत ड्रोन करार केला.",
    "चीन-पाकिस्तान सीमेजवळ गस्त घालण्यासाठी भारताने जपानशी ड्रोन करार केला.",
    "चीन और पाकिस्तान की सीमा पर निगरानी के लिए भारत ने जापान के साथ ड्रोन समझौता किया।",
    "चीन से लगी सीमा के करीब निगरानी के लिए भारत ने जापान के साथ समझौता किया।",
    "中国とパキスタンの国境付近を監視するため、インドは日本と無人機の協定を結んだ。",
])
def test_states_of_a_border_are_a_place_not_parties(default_ruleset: RuleSet,
                                                    text: str) -> None:
    title = "Drone deal for the north"
    found = default_ruleset.match_text(title, text)
    assert found.entities.countries == ("India", "Japan")


@pytest.mark.parametrize(("text", "countries"), [
    # the border is what the two talk about or who guards it, not where: they are the
    # parties
    ("India-China border talks ended on Monday.", ("India", "China")),
    ("Indian and Chinese border troops held talks on Monday.", ("India", "China")),
    ("भारत आणि चीन यांच्यात सीमा प्रश्नावर करार झाला.", ("India", "China")),
    # one state acts on the border of two others
    ("Japan held talks with India on the China-Pakistan border.", ("Japan", "India")),
    ("भारताने चीन-पाकिस्तान सीमेवर जपानसोबत करार केला.", ("India", "Japan")),
])
def test_a_border_as_the_subject_leaves_the_parties(default_ruleset: RuleSet, text: str,
                                                    countries: tuple[str, ...]) -> None:
    assert default_ruleset.match_text("", text).entities.countries == countries


def test_a_wrapped_devanagari_line_that_ends_in_a_vowel_sign_ends_no_sentence() -> None:
    # lines wrapped at a fixed width; the first ends in a vowel sign (करण्या), the
    # second in a consonant: one sentence, up to the danda-less full stop
    text = ("नवी दिल्ली : सीमेवरील हालचालींवर लक्ष ठेवण्यासाठी ड्रोन खरेदी करण्या\n"
            "संबंधीच्या करारावर भारताने मंगळवारी अमेरिकेसोबत स्वाक्षरी केली. पुढे\n"
            "काय?")
    assert len(sentence_starts(text)) == 2
    short = "ठीक आहे, करण्या\nपुढे"  # a short line (a heading) still ends its sentence
    assert len(sentence_starts(short)) == 2


@pytest.mark.parametrize(("title", "text"), [
    ("China begins drills around Taiwan, sending warships",
     "The exercise began on Monday with warships and fighter jets."),
    ("Chinese warships sail off Japan", "The destroyers sailed near Japan for two days."),
    ("中国軍、台湾周辺で演習　艦艇を派遣",
     "中国軍は台湾周辺で大規模な演習を始め、艦艇を派遣した。"),
    ("चीन ने ताइवान के आसपास युद्धपोत भेजे", "चीन ने सोमवार को ताइवान के आसपास युद्धपोत भेजे।"),
    ("चीन ने ताइवान के आसपास युद्धाभ्यास शुरू किया", "चीन ने सोमवार को अभ्यास शुरू किया।"),
    ("चीनने तैवानजवळ युद्धनौका पाठवल्या", "चीनने सोमवारी तैवानजवळ युद्धनौका पाठवल्या."),
])
def test_a_state_a_drill_is_held_near_is_a_place_not_a_party(
        default_ruleset: RuleSet, title: str, text: str) -> None:
    assert not default_ruleset.match_text(title, text).matches


@pytest.mark.parametrize(("title", "text"), [
    ("India and Japan hold naval drills off Japan", "The two navies began JIMEX off Yokosuka."),
    ("日印、インド沖で共同訓練", "海上自衛隊とインド海軍はインド沖で共同訓練を行った。"),
])
def test_the_pair_drilling_near_one_of_them_is_still_the_pair(
        default_ruleset: RuleSet, title: str, text: str) -> None:
    found = default_ruleset.match_text(title, text)
    assert {"bilateral-defence", "india-japan"} <= set(found.rule_ids)


@pytest.mark.parametrize("title", ["Warships off Japan", "Drills near Taiwan", "off Japan",
                                   "台湾周辺", "ताइवान के आसपास", "तैवानजवळ"])
def test_a_place_word_at_the_edge_of_a_text(default_ruleset: RuleSet, title: str) -> None:
    assert not default_ruleset.match_text(title, title).matches


@pytest.mark.parametrize(("title", "alerts"), [
    # a firm or a couple of two nationalities written together is private, both of them
    ("India-Australia travel firm launches army exercise retreats", False),
    ("Indian-Australian couple's firm opens army exercise camps", False),
    # the two states themselves are the parties
    ("India-Australia army exercise opens in Perth", True),
])
def test_two_nationalities_written_together_before_a_firm(
        default_ruleset: RuleSet, title: str, alerts: bool) -> None:
    text = "The first group of soldiers arrived on Monday."
    found = default_ruleset.match(article_from_text(title, text)).rule_ids
    assert ("bilateral-defence" in found) is alerts


@pytest.mark.parametrize(("title", "text"), [
    ("Universities in Japan and Australia open joint defence studies course",
     "Two universities in Australia and Japan will run a joint course on defence policy; "
     "academics from India and the US will teach it."),
    ("Firms based in India and Australia sign drone deal",
     "Companies in India and Australia signed a deal to make army drones together."),
    ("日豪の大学が安全保障の共同講座",
     "日本と豪州の大学が防衛政策の講座を開く。"),
    ("भारत और ऑस्ट्रेलिया के विश्वविद्यालयों का रक्षा अध्ययन पाठ्यक्रम",
     "भारत और ऑस्ट्रेलिया के विश्वविद्यालय रक्षा नीति पर संयुक्त पाठ्यक्रम चलाएंगे।"),
])
def test_schools_and_firms_of_two_states_are_no_pair(default_ruleset: RuleSet, title: str,
                                                      text: str) -> None:
    assert not default_ruleset.match(article_from_text(title, text)).matches


def test_a_state_beside_firms_of_another_still_acts(default_ruleset: RuleSet) -> None:
    title = "Japan, Australia sign defence pact"
    text = "Japan and Australia signed a defence pact that opens orders to firms in both."
    assert "japan-australia" in default_ruleset.match(article_from_text(title, text)).rule_ids


@pytest.mark.parametrize(("title", "text"), [
    # a firm of two nationalities, its founders and where it takes people: the drill its
    # body recalls in passing is no news
    ("Indo-Pacific 2026: India-Australia travel firm opens yoga and surf season",
     "A tour company set up by an Indian-Australian couple offers yoga in Rishikesh and "
     "surfing on Australia's east coast.\n"
     "Its founders joke that searches for the name find Indian and Australian soldiers "
     "training together."),
    ("日豪の旅行会社、ヨガとサーフィンの旅を発売",
     "日本人と豪州人の夫婦が作った旅行会社が、新しい旅を売り出した。\n"
     "日本と豪州の部隊が共同訓練をしたとの報道と名前が似ていると話す。"),
    ("भारत-ऑस्ट्रेलिया ट्रैवल कंपनी ने योग और सर्फिंग यात्राएं शुरू कीं",
     "भारतीय-ऑस्ट्रेलियाई दंपती की कंपनी ऋषिकेश में योग की यात्राएं चलाती है।\n"
     "संस्थापकों ने बताया कि लोग भारत और ऑस्ट्रेलिया की सेनाओं के संयुक्त अभ्यास की खबरें खोजते हुए उन तक पहुंचते हैं।"),
])
def test_a_story_of_private_people_of_two_states_is_no_pair_news(
        default_ruleset: RuleSet, title: str, text: str) -> None:
    assert not default_ruleset.match(article_from_text(title, text)).matches


def test_a_coast_is_a_place(default_ruleset: RuleSet) -> None:
    title = "Indian tourists flock to surf schools on Australia's east coast"
    text = ("Bookings have doubled this year.\n"
            "Indian and Australian soldiers trained together last year, the owners joke.")
    assert not default_ruleset.match(article_from_text(title, text)).matches


@pytest.mark.parametrize("text", [
    "Japan on Friday eased its rules on arms exports, which could help refill stockpiles "
    "drained by the war in Ukraine.",
    "Japan on Friday eased its rules on arms exports as the Ukraine war drags on.",
    "日本は金曜日、ウクライナでの戦争で減った在庫を補うため、武器輸出の規則を緩和した。",
    "यूक्रेन युद्ध के बीच जापान ने शुक्रवार को हथियार निर्यात के नियमों में ढील दी।",
    "युक्रेनमधील युद्धामुळे घटलेला साठा भरून काढण्यासाठी जपानने शुक्रवारी शस्त्र निर्यातीचे "
    "नियम शिथिल केले.",
])
def test_a_state_a_war_is_fought_in_is_a_place_not_a_party(default_ruleset: RuleSet,
                                                           text: str) -> None:
    """The sentence names Japan acting and Ukraine as where a war goes on: no pair."""
    assert not groups(scan(default_ruleset._compiled, "text", text, 2030))


@pytest.mark.parametrize("text", [
    "India and the US began war games in Alaska on Monday.",
    "India and the US began war-gaming in Alaska on Monday.",
    # a war minister's state is his (the US Department of War)
    "India's defence minister met the US war secretary on Monday.",
    "भारत के रक्षा मंत्री ने सोमवार को अमेरिकी युद्ध मंत्री से मुलाकात की।",
])
def test_war_games_and_war_ministers_of_two_states_are_still_theirs(
        default_ruleset: RuleSet, text: str) -> None:
    found = groups(scan(default_ruleset._compiled, "text", text, 2030))
    assert {g.countries for g in found} == {frozenset({"india", "us"})}
