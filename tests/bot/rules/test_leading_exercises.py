"""The exercises a report leads with (`Entities.leading`): those its headline or first
paragraph names and its two parties hold. A leaders' summit that welcomes last month's
drills names them further down; a drill's report names the drill at the top and the
pair's other drills below; an analysis may open with another pair's drill as its
backdrop. Grouping reads the drill a report is of from these (bot/events/cluster.py).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet


@pytest.mark.parametrize(("title", "text"), [
    ("Leaders agree to deepen defence ties at Delhi summit",
     "India and Japan agreed on Monday to widen defence cooperation, as the two prime "
     "ministers met in New Delhi.\n\n"
     "Both welcomed the army exercise Dharma Guardian held in February."),
    ("日印首脳が会談、防衛協力の拡大で一致",
     "日印両首脳は２０日、ニューデリーで会談し、防衛協力を広げることで一致した。\n\n"
     "両首脳は２月の陸上部隊の共同訓練「ダルマ・ガーディアン」を歓迎した。"),
    ("भारत-जापान शिखर वार्ता में रक्षा सहयोग बढ़ाने पर सहमति",
     "भारत और जापान के प्रधानमंत्रियों ने सोमवार को नई दिल्ली में वार्ता की और रक्षा सहयोग "
     "बढ़ाने पर सहमति जताई।\n\n"
     "दोनों नेताओं ने फरवरी में हुए धर्म गार्डियन अभ्यास का स्वागत किया।"),
    ("भारत-जपान शिखर बैठकीत संरक्षण सहकार्य वाढवण्यावर एकमत",
     "भारत आणि जपानच्या पंतप्रधानांची सोमवारी नवी दिल्लीत बैठक झाली आणि संरक्षण सहकार्य "
     "वाढवण्यावर एकमत झाले.\n\n"
     "फेब्रुवारीत झालेल्या धर्म गार्डियन सरावाचे दोन्ही नेत्यांनी स्वागत केले."),
])
def test_a_drill_named_below_the_lead_is_not_led_with(default_ruleset: RuleSet, title: str,
                                                       text: str) -> None:
    entities = default_ruleset.match_text(title, text).entities
    assert "Dharma Guardian" in entities.exercises
    assert entities.leading == ()


@pytest.mark.parametrize(("title", "text"), [
    ("Indian and Japanese navies open JIMEX off Chennai",
     "The two navies began JIMEX off Chennai on Monday with two destroyers each.\n\n"
     "Next month the armies hold Dharma Guardian in Rajasthan."),
    ("日印海上共同訓練「ジメックス」始まる",
     "インド海軍と海上自衛隊は１２日、チェンナイ沖でジメックスを始めた。\n\n"
     "来月には陸上部隊の「ダルマ・ガーディアン」も予定されている。"),
    ("चेन्नई तट पर भारत-जापान का जिमेक्स अभ्यास शुरू",
     "भारत और जापान की नौसेनाओं ने सोमवार को चेन्नई तट पर जिमेक्स अभ्यास शुरू किया।\n\n"
     "अगले महीने दोनों सेनाएं राजस्थान में धर्म गार्डियन अभ्यास करेंगी।"),
    ("चेन्नईजवळ भारत-जपान नौदलांचा जिमेक्स सराव सुरू",
     "भारत आणि जपानच्या नौदलांनी सोमवारी चेन्नईजवळ जिमेक्स सराव सुरू केला.\n\n"
     "पुढील महिन्यात दोन्ही लष्करे राजस्थानमध्ये धर्म गार्डियन सराव करणार आहेत."),
])
def test_the_drill_at_the_top_is_led_with_and_the_others_are_not(
        default_ruleset: RuleSet, title: str, text: str) -> None:
    entities = default_ruleset.match_text(title, text).entities
    assert {"JIMEX", "Dharma Guardian"} <= set(entities.exercises)
    assert entities.leading == ("JIMEX",)


@pytest.mark.parametrize(("title", "text"), [
    ("After Talisman Sabre, US and Japanese troops turn to Resolute Dragon",
     "Weeks after Talisman Sabre ended in Australia, the US Army and the Ground Self-Defense "
     "Force began Resolute Dragon in Kyushu on Monday."),
    ("タリスマン・セイバー後、日米がレゾリュート・ドラゴン開始",
     "豪州でのタリスマン・セイバーに続き、陸上自衛隊と米陸軍は１１日、九州でレゾリュート・ドラゴン"
     "を始めた。"),
])
def test_another_pair_s_drill_at_the_top_is_backdrop(default_ruleset: RuleSet, title: str,
                                                     text: str) -> None:
    entities = default_ruleset.match_text(title, text).entities
    assert set(entities.countries) >= {"Japan", "United States"}
    assert "Talisman Sabre" in entities.exercises
    assert entities.leading == ("Resolute Dragon",)
