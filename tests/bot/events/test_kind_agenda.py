"""What two sides agreed to do more of is their agenda, not a drill held: a summit's or a
call's report that lists joint exercises among the fields of cooperation to expand does
not read as an exercise report (bot/events/kind.py `_agenda`), which would stretch the
weeks-long exercise window to the drills it names. Sentences written for these tests."""

from __future__ import annotations

import pytest

from bot.events.kind import event_kind

DRILLS = ["Sky Bridge"]


@pytest.mark.parametrize(("title", "body"), [
    ("India, US agree to widen defence ties",
     "NEW DELHI: The two ministers agreed on Saturday to expand defence cooperation, "
     "including more joint exercises and co-production of armoured vehicles.\n\n"
     "They welcomed the Sky Bridge drill held last month."),
    ("日米、防衛協力の拡充で一致",
     "両国の防衛相は２０日、共同訓練や装備品の共同生産などの協力を拡充することで一致した。\n\n"
     "先月の共同訓練「スカイ・ブリッジ」を歓迎した。"),
    ("भारत-अमेरिका रक्षा सहयोग बढ़ाने पर सहमति",
     "दोनों रक्षा मंत्रियों ने संयुक्त सैन्य अभ्यास और रक्षा उत्पादन में सहयोग बढ़ाने पर "
     "शनिवार को सहमति जताई।\n\nदोनों ने पिछले महीने हुए स्काय ब्रिज अभ्यास का स्वागत किया।"),
    ("भारत-अमेरिका संरक्षण सहकार्य वाढवणार",
     "संरक्षण उत्पादन, संयुक्त लष्करी सराव आणि सागरी सुरक्षा या क्षेत्रांत सहकार्य वाढवण्यावर "
     "दोन्ही संरक्षणमंत्र्यांमध्ये शनिवारी सहमती झाली.\n\n"
     "गेल्या महिन्यातील स्काय ब्रिज सरावाचे दोघांनी स्वागत केले."),
])
def test_exercises_on_the_agenda_do_not_make_an_exercise_report(title: str,
                                                                 body: str) -> None:
    assert event_kind(title, body, DRILLS, year=2030) != "exercise"


@pytest.mark.parametrize(("title", "body"), [
    # the drill held, told in the headline and lead; a later sentence's hopes change nothing
    ("Indian and US troops wrap up joint drill in Alaska",
     "The two armies ended their joint exercise on Sunday.\n\n"
     "Officers agreed the drill would strengthen cooperation."),
    ("日米の共同訓練が終了",
     "陸上自衛隊と米陸軍は１５日、共同訓練を終えた。\n\n"
     "両国は協力を強化することで一致した。"),
    ("भारत-अमेरिका सेनाओं का संयुक्त अभ्यास संपन्न",
     "भारत और अमेरिका की सेनाओं का संयुक्त अभ्यास रविवार को संपन्न हुआ।\n\n"
     "अधिकारियों ने सहयोग बढ़ाने पर सहमति जताई।"),
    ("भारत-अमेरिका लष्करांच्या संयुक्त सरावाची सांगता",
     "भारत आणि अमेरिकेच्या लष्करांच्या संयुक्त सरावाची रविवारी सांगता झाली.\n\n"
     "अधिकाऱ्यांनी सहकार्य वाढवण्यावर सहमती दर्शवली."),
])
def test_a_drill_held_is_still_an_exercise_report(title: str, body: str) -> None:
    assert event_kind(title, body, DRILLS, year=2030) == "exercise"
