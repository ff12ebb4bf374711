"""A signing and a drill told in many styles, grouped in many orders (the sibling of
test_grouping_styles.py): a signing told by a ministry's release with bullet points, a
wire brief in Hindi, a Marathi e-paper brief, a Japanese report and an analysis three
days on that tells it in the past without a minister's name; a drill's start, its middle
told with a port call during it, its end and a live blog's item. Each event must be one
whatever the order; its neighbours of the same pair (the ministers' talks two days
before the signing, the pair's summit the same month, the same drill's next edition)
stay apart. Reports written for these tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from bot.events.evidence import score
from bot.events.kind import event_kind
from bot.events.signature import Signature
from bot.events.told import told_day
from bot.rules import RuleSet
from tests.bot.events.variants import MODES, Report, assert_grouped, read

# India and Australia sign an arrangement two days after their ministers' talks; the
# talks' own reports are the neighbour (they name the same two ministers)
SIGNING: tuple[Report, ...] = (
    ("talks-en", "talks", "2030-03-11T18:00:00+11:00", "en",
     "Marles, Rajnath Singh hold talks in Canberra",
     "Deputy Prime Minister Richard Marles held talks with Indian Defence Minister Rajnath "
     "Singh in Canberra on Monday on maritime security and defence industry cooperation "
     "between Australia and India."),
    ("talks-hi", "talks", "2030-03-11T19:00:00+05:30", "hi",
     "कैनबरा में राजनाथ सिंह और मार्ल्स की वार्ता",
     "रक्षा मंत्री राजनाथ सिंह ने सोमवार को कैनबरा में ऑस्ट्रेलिया के उप प्रधानमंत्री रिचर्ड "
     "मार्ल्स के साथ वार्ता की और समुद्री सुरक्षा पर चर्चा की।"),
    ("sign-pib", "sign", "2030-03-13T15:00:00+05:30", "en",
     "India and Australia sign Implementing Arrangement on air-to-air refuelling",
     "Raksha Mantri Shri Rajnath Singh and Australian Deputy Prime Minister Richard Marles "
     "witnessed the signing of an Implementing Arrangement in Sydney today.\n\n"
     "• The arrangement lets the two air forces refuel each other's aircraft in flight.\n"
     "• It builds on the India-Australia Mutual Logistics Support Arrangement."),
    ("sign-hi", "sign", "2030-03-13T19:00:00+05:30", "hi",
     "भारत-ऑस्ट्रेलिया ने हवाई ईंधन भरने के समझौते पर हस्ताक्षर किए",
     "सिडनी, 12 मार्च (एजेंसी)। भारत और ऑस्ट्रेलिया ने बुधवार को हवा में ईंधन भरने के एक "
     "समझौते पर हस्ताक्षर किए। रक्षा मंत्री राजनाथ सिंह और रिचर्ड मार्ल्स इस मौके पर मौजूद थे।"),
    ("sign-mr", "sign", "2030-03-14T06:00:00+05:30", "mr",
     "थोडक्यात",
     "• सिडनी : भारत आणि ऑस्ट्रेलियाने हवेतच इंधन भरण्याच्या करारावर बुधवारी स्वाक्षरी केली. "
     "संरक्षणमंत्री राजनाथ सिंह उपस्थित होते.\n\n"
     "• पुणे : शहरात पावसाचा जोर कायम आहे."),
    ("sign-ja", "sign", "2030-03-13T21:00:00+09:00", "ja",
     "印豪、空中給油で取り決めに署名",
     "インドとオーストラリアは13日、シドニーで空中給油に関する取り決めに署名した。インドの"
     "シン国防相と豪州のマールズ国防相が立ち会った。"),
    ("sign-later", "sign", "2030-03-16T09:00:00+05:30", "en",
     "Why a refuelling deal matters more than it sounds",
     "When India and Australia signed an arrangement on air-to-air refuelling in Sydney on "
     "Wednesday, few outside the two air forces took notice.\n\nYet the pact lets Indian "
     "and Australian tankers top up each other's jets, stretching their reach across the "
     "Indian Ocean."),
)


# The Dharma Guardian drill of India and Japan: its start, its middle (with a Japanese
# ship's port call during it), its end and a live blog's item; the neighbours: the
# leaders' summit the same month and the drill's next edition a year on
DRILL: tuple[Report, ...] = (
    ("dg-start-en", "dg", "2030-02-18T15:00:00+05:30", "en",
     "India, Japan begin Exercise Dharma Guardian in Rajasthan",
     "The armies of India and Japan began the sixth edition of Exercise Dharma Guardian at "
     "Mahajan Field Firing Range in Rajasthan on Monday. The exercise runs for two weeks."),
    ("dg-start-ja", "dg", "2030-02-19T09:00:00+09:00", "ja",
     "日印共同訓練「ダルマ・ガーディアン」始まる",
     "陸上自衛隊とインド陸軍の共同訓練「ダルマ・ガーディアン」が18日、インド西部ラジャスタン州"
     "で始まった。"),
    ("dg-mid-hi", "dg", "2030-02-22T18:00:00+05:30", "hi",
     "धर्म गार्डियन: रेगिस्तान में भारत-जापान सैनिकों का अभ्यास",
     "राजस्थान में चल रहे भारत-जापान सैन्य अभ्यास धर्म गार्डियन में दोनों सेनाओं के सैनिकों ने "
     "शहरी इलाकों में आतंकवाद-रोधी अभियानों का अभ्यास किया।"),
    ("dg-live", "dg", "2030-02-24T22:00:00+05:30", "en",
     "Live updates: India-Japan drill, rail fares, weather",
     "6:10 pm: Rail fares will not rise this year, the railway minister said.\n\n"
     "6:45 pm: The armies of India and Japan carried out a joint raid on a mock village in "
     "Rajasthan on the seventh day of Exercise Dharma Guardian, the Army said.\n\n"
     "7:30 pm: Rain is expected in Delhi tomorrow."),
    ("dg-end-mr", "dg", "2030-03-03T08:00:00+05:30", "mr",
     "भारत-जपान ‘धर्म गार्डियन’ सरावाचा समारोप",
     "राजस्थानमध्ये सुरू असलेल्या भारत आणि जपानच्या लष्करांच्या ‘धर्म गार्डियन’ सरावाचा शनिवारी "
     "समारोप झाला."),
    ("dg-end-en", "dg", "2030-03-02T17:00:00+05:30", "en",
     "Dharma Guardian concludes with validation exercise",
     "Exercise Dharma Guardian between the Indian Army and the Japan Ground Self-Defense "
     "Force concluded in Rajasthan on Saturday with a validation exercise."),
    # neighbours: the leaders' summit the same month, the next edition a year on
    ("summit", "summit", "2030-02-26T18:00:00+05:30", "en",
     "India, Japan hold annual summit in New Delhi",
     "The prime ministers of India and Japan held their annual summit in New Delhi on "
     "Tuesday and welcomed the conduct of Exercise Dharma Guardian in Rajasthan."),
    ("dg-next", "next", "2031-02-20T15:00:00+05:30", "en",
     "Seventh Dharma Guardian begins in Rajasthan",
     "The armies of India and Japan began the seventh edition of Exercise Dharma Guardian in "
     "Rajasthan on Thursday."),
)

SETS = {"signing": SIGNING, "drill": DRILL}


@pytest.fixture(scope="module")
def sigs(ruleset: RuleSet) -> dict[str, dict[str, Signature]]:
    return {key: read(ruleset, reports) for key, reports in SETS.items()}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("key", sorted(SETS))
def test_each_event_is_one_and_its_neighbours_stay_apart(
        sigs: dict[str, dict[str, Signature]], key: str, mode: str) -> None:
    assert_grouped(sigs[key], SETS[key], mode, key)


def test_the_reports_read_as_the_case_needs(sigs: dict[str, dict[str, Signature]]) -> None:
    signing = sigs["signing"]
    # the analysis names no minister and tells the signing on its day, three days back
    later = signing["sign-later"]
    assert not later.people and later.kind == "signing"
    assert later.day is not None and later.told is not None
    assert (later.day - later.told).days == 3 and later.told == signing["sign-pib"].day


PUBLISHED = date(2030, 3, 16)  # a Saturday


@pytest.mark.parametrize(("title", "text", "told"), [
    ("Why a refuelling deal matters",
     "When India and Australia signed the arrangement in Sydney on Wednesday, few noticed.",
     date(2030, 3, 13)),
    ("हवाई ईंधन समझौते के मायने",
     "भारत और ऑस्ट्रेलिया ने बुधवार को सिडनी में समझौते पर हस्ताक्षर किए थे।", date(2030, 3, 13)),
    ("नवी मैत्री",
     "जपान आणि चीन यांच्यात तणाव वाढत आहे. सिडनीमध्ये गुरुवारी दोन्ही देशांच्या मंत्र्यांची बैठक "
     "झाली.", date(2030, 3, 14)),
    ("印豪の空中給油協定", "両国は13日、シドニーで取り決めに署名した。", date(2030, 3, 13)),
    # the day of publication, a day to come, a sentence of no act: nothing to tell
    ("India, Australia sign refuelling pact", "The two signed it in Sydney on Saturday.", None),
    ("India, Australia to sign pact", "The two will sign it in Sydney next Monday.", None),
    ("A busy week", "Markets fell on Monday. The two navies are close.", None),
    ("日豪協議", "両国は12日間の訓練を終えた。", None),
])
def test_the_day_a_report_tells_its_act(title: str, text: str, told: date | None) -> None:
    assert told_day(title, text, PUBLISHED) == told


def test_a_signing_days_after_the_same_ministers_talks_is_another_event(
        sigs: dict[str, dict[str, Signature]]) -> None:
    """Two shared ministers do not make the signing two days on one with their talks;
    a report of the signing that tells it on the talks' day does."""
    signing = sigs["signing"]
    talks, signed = signing["talks-en"], signing["sign-pib"]
    assert score(signed, talks) == 0.0 and score(talks, signed) == 0.0
    assert score(replace(signed, told=talks.day), talks) > 0


@pytest.mark.parametrize(("title", "text"), [
    ("ऑस्ट्रेलियन युद्धनौका विशाखापट्टणममध्ये",
     "ऑस्ट्रेलियाची फ्रिगेट गुरुवारी विशाखापट्टणम बंदरात दाखल झाली. तीन दिवसांच्या या भेटीत "
     "दोन्ही नौदलांतील अधिकाऱ्यांच्या बैठका होणार आहेत."),
    ("ऑस्ट्रेलियाई युद्धपोत विशाखापत्तनम बंदरगाह पहुंचा",
     "तीन दिन की इस यात्रा में दोनों नौसेनाओं के अधिकारियों की बैठक होगी।"),
    ("Australian frigate docks at Visakhapatnam",
     "During the three-day visit, officers of the two navies will hold meetings."),
])
def test_the_visit_of_a_ship_come_into_port_is_its_stay(title: str, text: str) -> None:
    assert event_kind(title, text) == "logistics"


@pytest.mark.parametrize(("title", "text", "kind"), [
    # ships come for a visit (दौरे पर) are on a port call
    ("विशाखापत्तनम में जापानी युद्धपोतों को ईंधन",
     "जापान के दो विध्वंसक पोत तीन दिन के दौरे पर यहां पहुंचे और उन्हें ईंधन दिया गया।", "logistics"),
    # के दौरान is "during", no visit
    ("गोवा में उतरा ऑस्ट्रेलियाई निगरानी विमान, भारतीय नौसेना ने दिया ईंधन",
     "गश्त के दौरान विमान ने गोवा में ईंधन लिया। ठहराव के दौरान दल ने भारतीय अधिकारियों से बात की।",
     "logistics"),
    # the visit a sale comes before is its horizon
    ("काय आहे सी गार्डियन?",
     "मोदी यांच्या अमेरिका दौऱ्याच्या तोंडावर अमेरिकेने भारताला ड्रोन विकण्यास मंजुरी दिली.",
     "approval"),
])
def test_a_visit_in_hindi_and_marathi(title: str, text: str, kind: str) -> None:
    assert event_kind(title, text) == kind
