"""Reports of one event in the styles outlets write beside the plain news story, read by
the bundled rules and grouped in many orders (the sibling of test_grouping_variants.py
and test_grouping_talks.py): a live blog's timed items, an e-paper page of briefs, a
blog whose lead is the week's other news ("talked about", "चर्चा छाई रही"), a brief whose
headline is another pair's talks still going on, an explainer in questions, a minister's
tour of a visiting ship, an analysis days later telling the act in the past — in
English, Japanese, Hindi and Marathi. Each event must be one whatever the order, and
its neighbours of the same pair (the same ministers' meeting a week after their call,
the pair's next drill, their ministers' meeting the same month) stay apart. Reports
written for these tests."""

from __future__ import annotations

import pytest

from bot.events.kind import event_kind
from bot.events.signature import Signature
from bot.rules import RuleSet
from tests.bot.events.variants import MODES, Report, assert_grouped, read

# An India-US ministers' call: each side's readout, a Hindi wire copy, a Marathi brief
# whose headline and lead are the border talks still going on, a live blog's item among
# unrelated ones, and an analysis two days on; the neighbour: the same ministers meeting
# in New Delhi eight days later
CALL: tuple[Report, ...] = (
    ("call-pib", "call", "2030-07-10T21:00:00+05:30", "en",
     "Raksha Mantri speaks to US Secretary of Defense",
     "Raksha Mantri Shri Rajnath Singh had a telephone conversation with US Secretary of "
     "Defense Pete Hegseth this evening.\n\n"
     "• The two reviewed India-US defence cooperation.\n"
     "• They agreed to remain in close touch."),
    ("call-hi", "call", "2030-07-11T06:00:00+05:30", "hi",
     "सीमा पर तनाव के बीच रक्षा मंत्री की अमेरिकी रक्षा मंत्री से फोन पर बात",
     "नई दिल्ली, 10 जुलाई (एजेंसी)। रक्षा मंत्री राजनाथ सिंह ने बुधवार शाम अमेरिका के रक्षा "
     "मंत्री पीट हेगसेथ से फोन पर बात की। दोनों नेताओं ने भारत-अमेरिका रक्षा सहयोग की समीक्षा की।"),
    ("call-mr", "call", "2030-07-11T08:00:00+05:30", "mr",
     "सीमेवर सैन्य माघारीचा दुसरा टप्पा; चर्चेच्या फेऱ्या सुरूच",
     "नवी दिल्ली : सीमेवरील सैन्य माघार दुसऱ्या टप्प्यात पोहोचल्याचे सूत्रांनी सांगितले. दोन्ही "
     "बाजूंचे कमांडर लवकरच पुन्हा चर्चा करणार आहेत.\n\n"
     "त्याच संध्याकाळी संरक्षणमंत्र्यांनी अमेरिकेच्या संरक्षणमंत्र्यांशी दूरध्वनीवरून चर्चा "
     "केली. भारत-अमेरिका संरक्षण सहकार्याचा आढावा घेण्यात आला."),
    ("call-mr-buzz", "call", "2030-07-11T09:00:00+05:30", "mr",
     "आठवडाभर चर्चेत राहिलेला सीमावाद",
     "आठवडाभर सीमावादाचीच चर्चा रंगली होती. बुधवारी संध्याकाळी संरक्षणमंत्र्यांनी अमेरिकेच्या "
     "संरक्षणमंत्र्यांशी दूरध्वनीवरून चर्चा केली आणि भारत-अमेरिका संरक्षण सहकार्याचा आढावा "
     "घेतला."),
    ("call-hi-buzz", "call", "2030-07-11T10:00:00+05:30", "hi",
     "सुर्खियों के बीच एक अहम बातचीत",
     "पूरे हफ्ते सीमा विवाद की चर्चा छाई रही। इसी बीच बुधवार को रक्षा मंत्री ने अमेरिका के रक्षा "
     "मंत्री से फोन पर बात की और भारत-अमेरिका रक्षा सहयोग की समीक्षा की।"),
    ("call-live", "call", "2030-07-10T23:00:00+05:30", "en",
     "Live updates: Monsoon floods, markets, and the day's top stories",
     "9:05 pm: Flood waters rose again in Assam, officials said.\n\n"
     "9:20 pm: Defence Minister Rajnath Singh spoke by telephone with US Secretary of "
     "Defense Pete Hegseth, the ministry said. India and the US reviewed their defence "
     "ties.\n\n"
     "9:40 pm: Markets closed higher for a third day."),
    ("call-ja", "call", "2030-07-11T09:00:00+09:00", "ja",
     "印米国防相が電話会談",
     "インドのシン国防相は10日、米国のヘグセス国防長官と電話会談を行い、防衛協力について"
     "意見を交わした。"),
    ("call-later", "call", "2030-07-12T18:00:00+05:30", "en",
     "What the Singh-Hegseth call says about the next 2+2",
     "Two days after Rajnath Singh and Pete Hegseth spoke by phone, officials in both "
     "capitals are sketching the agenda of the next 2+2.\n\nThe two ministers reviewed "
     "India-US defence cooperation on Wednesday, the ministry said."),
    # the neighbour: the same ministers meet in New Delhi eight days on
    ("meet-en", "meet", "2030-07-18T18:00:00+05:30", "en",
     "Rajnath Singh, Hegseth hold talks in New Delhi",
     "Defence Minister Rajnath Singh held talks with US Secretary of Defense Pete Hegseth in "
     "New Delhi on Thursday and reviewed India-US defence cooperation."),
    ("meet-hi", "meet", "2030-07-18T20:00:00+05:30", "hi",
     "राजनाथ सिंह और हेगसेथ की दिल्ली में बैठक",
     "रक्षा मंत्री राजनाथ सिंह ने गुरुवार को नई दिल्ली में अमेरिकी रक्षा मंत्री पीट हेगसेथ के साथ "
     "बैठक की और भारत-अमेरिका रक्षा सहयोग की समीक्षा की।"),
)


# A two-day Japan-Australia drill of two ships told by each navy's release, a Marathi
# page of world briefs, a Hindi blog whose lead is the week's other news and a Q&A
# explainer; neighbours: the two navies' next drill four weeks on and the ministers'
# meeting in Tokyo ten days after it
DRILL: tuple[Report, ...] = (
    ("drill-ja", "drill", "2030-09-22T17:00:00+09:00", "ja",
     "日豪共同訓練について",
     "海上自衛隊は、オーストラリア海軍と以下のとおり共同訓練を実施しました。\n\n"
     "１　期間　９月２１日～２２日\n\n２　場所　沖縄南方海空域"),
    ("drill-en", "drill", "2030-09-23T15:00:00+10:00", "en",
     "HMAS Toowoomba trains with Japanese destroyer",
     "HMAS Toowoomba has completed two days of bilateral training with a Japan Maritime "
     "Self-Defense Force destroyer south of Okinawa.\n\nThe activity included air defence "
     "serials and a gunnery shoot, the Australian Navy said."),
    ("drill-mr", "drill", "2030-09-24T06:30:00+05:30", "mr",
     "जगभरातून थोडक्यात",
     "• ढाका : बांगलादेशात पुराचे पाणी ओसरू लागले आहे.\n\n"
     "• टोकियो : जपानच्या विनाशिकेने ऑस्ट्रेलियाच्या फ्रिगेटसोबत ओकिनावाच्या दक्षिणेला दोन "
     "दिवसांचा संयुक्त नौदल सराव पूर्ण केला.\n\n"
     "• बर्लिन : जर्मनीत निवडणुकीचा प्रचार शिगेला पोहोचला आहे."),
    ("drill-hi-blog", "drill", "2030-09-24T21:00:00+05:30", "hi",
     "हिंद-प्रशांत में जापान-ऑस्ट्रेलिया की बढ़ती नज़दीकी",
     "पिछले हफ्ते खबरों में पनडुब्बी सौदे की चर्चा छाई रही। इस शोर के बीच एक छोटी खबर पर कम "
     "ध्यान गया।\n\nओकिनावा के दक्षिण में जापानी नौसेना के विध्वंसक और ऑस्ट्रेलियाई फ्रिगेट ने "
     "दो दिन का द्विपक्षीय अभ्यास किया।"),
    ("drill-explainer", "drill", "2030-09-24T12:00:00+10:00", "en",
     "Explained: why a two-day drill off Okinawa matters",
     "What happened? An Australian frigate and a Japanese destroyer trained together south "
     "of Okinawa for two days this week.\n\nWhy does it matter? Japan and Australia are "
     "drawing closer, and such drills are now routine."),
    # neighbours: the next drill four weeks on, the ministers' talks ten days after
    ("next-drill", "next", "2030-10-21T15:00:00+09:00", "en",
     "Japanese, Australian navies begin drill in Coral Sea",
     "The navies of Japan and Australia began a bilateral exercise in the Coral Sea on "
     "Monday, the Japan Maritime Self-Defense Force said."),
    ("ministers", "meet", "2030-10-02T18:00:00+09:00", "en",
     "Japan, Australia defence ministers meet in Tokyo",
     "Japanese Defence Minister Gen Nakatani and Australia's Richard Marles held talks in "
     "Tokyo on Wednesday and agreed to deepen cooperation between their forces."),
)


# A US carrier's visit to an Indian port: its arrival, told by the press of three
# languages, and the Defence Minister's tour of it two days on (a minister aboard a
# visiting ship is that visit's news); the neighbours: the ministers' 2+2 ten days on
CARRIER: tuple[Report, ...] = (
    ("carrier-en", "visit", "2030-11-04T12:00:00+05:30", "en",
     "US aircraft carrier docks at Kochi",
     "The US Navy aircraft carrier USS Carl Vinson docked at Kochi on Monday for a four-day "
     "port call, the Indian Navy said."),
    ("carrier-hi", "visit", "2030-11-04T18:00:00+05:30", "hi",
     "अमेरिकी विमानवाहक पोत कोच्चि बंदरगाह पहुंचा",
     "अमेरिकी नौसेना का विमानवाहक पोत यूएसएस कार्ल विन्सन सोमवार को कोच्चि बंदरगाह पहुंचा। यह "
     "पोत चार दिन भारत में रहेगा और भारतीय नौसेना के साथ अभ्यास करेगा।"),
    ("tour-en", "visit", "2030-11-06T17:00:00+05:30", "en",
     "Rajnath Singh tours US carrier at Kochi",
     "Defence Minister Rajnath Singh toured the US aircraft carrier USS Carl Vinson at Kochi "
     "on Wednesday and said the visit showed the depth of India-US defence ties."),
    ("tour-mr", "visit", "2030-11-07T07:00:00+05:30", "mr",
     "संरक्षणमंत्र्यांची अमेरिकी विमानवाहू नौकेला भेट",
     "संरक्षणमंत्री राजनाथ सिंह यांनी बुधवारी कोची येथे अमेरिकेच्या विमानवाहू नौकेची पाहणी केली. "
     "भारत-अमेरिका संरक्षण संबंध दृढ असल्याचे ते म्हणाले."),
    ("two-plus-two", "2+2", "2030-11-16T18:00:00+05:30", "en",
     "India, US hold 2+2 dialogue in New Delhi",
     "The foreign and defence ministers of India and the United States met in New Delhi on "
     "Saturday for their 2+2 dialogue."),
)

SETS = {"call": CALL, "drill": DRILL, "carrier": CARRIER}


@pytest.fixture(scope="module")
def sigs(ruleset: RuleSet) -> dict[str, dict[str, Signature]]:
    return {key: read(ruleset, reports) for key, reports in SETS.items()}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("key", sorted(SETS))
def test_each_event_is_one_and_its_neighbours_stay_apart(
        sigs: dict[str, dict[str, Signature]], key: str, mode: str) -> None:
    assert_grouped(sigs[key], SETS[key], mode, key)


def test_the_reports_read_as_the_case_needs(sigs: dict[str, dict[str, Signature]]) -> None:
    call, drill, carrier = sigs["call"], sigs["drill"], sigs["carrier"]
    # the talks still going on, or the week's buzz, cast no vote against the call
    for name in ("call-mr", "call-mr-buzz", "call-hi-buzz", "call-later"):
        assert call[name].kind in (None, "call"), name
    assert not call["call-later"].formats  # "the next 2+2" is its horizon
    assert drill["drill-hi-blog"].kind != "meeting" and drill["drill-en"].kind == "exercise"
    for name in ("tour-en", "tour-mr"):  # a minister aboard the visiting carrier
        assert carrier[name].kind == "logistics" and carrier[name].people, name


# Talks told as still going on, to come again, or as the week's news, in the headline:
# each above a call told further down, which must not lose to them
ONGOING = [
    ("Border talks continue as commanders meet again next week",
     "Markets were calm.\n\nSeparately, the defence minister spoke by phone with his "
     "Japanese counterpart."),
    ("Ongoing trade talks overshadow the week",
     "Markets were calm.\n\nSeparately, the defence minister spoke by phone with his "
     "Japanese counterpart."),
    ("सीमा वार्ता जारी, सेनाएं पीछे हटीं",
     "बाज़ार शांत रहे।\n\nइस बीच रक्षा मंत्री ने जापान के रक्षा मंत्री से फोन पर बात की।"),
    ("पूरे हफ्ते पनडुब्बी सौदे की चर्चा छाई रही",
     "बाज़ार शांत रहे।\n\nइस बीच रक्षा मंत्री ने जापान के रक्षा मंत्री से फोन पर बात की।"),
    ("सीमा विवाद फिर चर्चा में है",
     "बाज़ार शांत रहे।\n\nइस बीच रक्षा मंत्री ने जापान के रक्षा मंत्री से फोन पर बात की।"),
    ("सीमेवर चर्चेच्या फेऱ्या सुरूच",
     "बाजार शांत होता.\n\nदरम्यान संरक्षणमंत्र्यांनी जपानच्या संरक्षणमंत्र्यांशी दूरध्वनीवरून चर्चा केली."),
    ("आठवडाभर चर्चेत राहिलेला पाणबुडी करार",
     "बाजार शांत होता.\n\nदरम्यान संरक्षणमंत्र्यांनी जपानच्या संरक्षणमंत्र्यांशी दूरध्वनीवरून चर्चा केली."),
    ("कमांडर पुन्हा चर्चा करणार",
     "बाजार शांत होता.\n\nदरम्यान संरक्षणमंत्र्यांनी जपानच्या संरक्षणमंत्र्यांशी दूरध्वनीवरून चर्चा केली."),
    ("国境を巡る協議が難航",
     "市場は落ち着いていた。\n\n一方、防衛相はインドの国防相と電話会談を行った。"),
    ("国境を巡る協議を続ける方針",
     "市場は落ち着いていた。\n\n一方、防衛相はインドの国防相と電話会談を行った。"),
]


@pytest.mark.parametrize(("title", "text"), ONGOING)
def test_talks_still_going_on_or_in_the_news_are_no_meeting(title: str, text: str) -> None:
    assert event_kind(title, text) in (None, "call")


@pytest.mark.parametrize("title", [
    "India, Japan defence ministers hold talks in Tokyo",
    "भारत-जापान रक्षा मंत्रियों की टोक्यो में वार्ता",
    "रक्षा मंत्रियों ने सीमा विवाद पर चर्चा की",
    "भारत-जपान संरक्षणमंत्र्यांची टोकियोत चर्चा",
    "日印防衛相が東京で会談",
    "日印が防衛協議",
    # a visit, as "visit" is in English: दौरा, दौऱ्यात
    "प्रधानमंत्री मोदी का जापान दौरा, कई समझौतों पर सहमति",
    "मोदींच्या जपान दौऱ्यात करारांची मालिका",
])
def test_talks_held_are_still_a_meeting(title: str) -> None:
    assert event_kind(title, "") == "meeting"


@pytest.mark.parametrize("title", [
    "Rajnath Singh tours US aircraft carrier at Kochi",
    "Marles visits Japanese destroyer in Darwin",
    "Defence minister goes aboard USS Carl Vinson",
    "岸防衛相、英空母「クイーン・エリザベス」を視察",
    "रक्षा मंत्री ने अमेरिकी विमानवाहक पोत का दौरा किया",
    "संरक्षणमंत्र्यांची अमेरिकी विमानवाहू नौकेला भेट",
    "संरक्षणमंत्र्यांकडून जपानी विनाशिकेची पाहणी",
])
def test_a_minister_aboard_a_visiting_ship_is_that_visit(title: str) -> None:
    assert event_kind(title, "He said the visit showed how close the two navies are.") \
        == "logistics"


@pytest.mark.parametrize("title", [
    "Marles visits Japan to discuss submarines",
    "Rajnath Singh visits Tokyo, holds talks on ship repairs",
    "मार्ल्स पनडुब्बी सौदे पर चर्चा के लिए जापान पहुंचे",
])
def test_a_ministers_visit_about_ships_is_still_a_meeting(title: str) -> None:
    assert event_kind(title, "") == "meeting"


@pytest.mark.parametrize(("title", "kind"), [
    ("HMAS Toowoomba trains with Japanese destroyer", "exercise"),
    ("Indian and US soldiers trained together in Alaska", "exercise"),
    ("Australian, Japanese fighters complete bilateral training", "exercise"),
    ("भारत-अमेरिका सैनिकों का संयुक्त प्रशिक्षण", "exercise"),
    # the drill to come is no drill held
    ("US destroyer docks at Sasebo, will train with Japanese ships", "logistics"),
])
def test_training_together_is_a_drill(title: str, kind: str) -> None:
    assert event_kind(title, "") == kind
