"""Reports of one event written many ways, read by the bundled rules and grouped in many
orders: each side's readout, a wire brief without a verb, a long report that tells the
act only in its last paragraph, a report days later that tells it in the past, a drill's
port call, start, later days and end (some naming the drill, some not), a round-up item —
in English, Japanese, Hindi and Marathi. Each event must be one whatever the order, and
its neighbours of the same pair (the same ministers' meeting a week after their call, the
pair's other drill and their 2+2 the same month, another ship's port call) stay apart.
Orders are seeded shuffles; in the stripped ones the first report of each event arrives
without its people (and names), as `bench.corpus` strips them. Reports written for these
tests."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime

import pytest

from bench.corpus import place
from bot.events.cluster import Candidate, assign
from bot.events.kind import event_kind, exercise_stage, formats
from bot.events.signature import Signature, event_day, signature
from bot.rules import RuleSet
from watchers.models import Article

# name, event, published, language, headline, text
Report = tuple[str, str, str, str, str, str]

CALL: tuple[Report, ...] = (
    ("call-pib", "call", "2029-03-13T17:00:00+05:30", "en",
     "Raksha Mantri holds telephone conversation with Japanese Defence Minister",
     "Raksha Mantri Shri Rajnath Singh held a telephone conversation with the Minister of "
     "Defense of Japan, Mr Nakatani Gen, today.\n\nThe two Ministers reviewed the progress of "
     "India-Japan defence cooperation and agreed to take forward exchanges between their "
     "forces."),
    ("call-ja", "call", "2029-03-13T21:00:00+09:00", "ja",
     "日印防衛相が電話会談　防衛協力の推進で一致",
     "中谷防衛相は13日、インドのシン国防相と電話会談を行った。両氏は日印の防衛協力をさらに"
     "進めることで一致した。\n\n防衛省によると、会談は約30分間行われた。"),
    ("call-hi", "call", "2029-03-13T20:00:00+05:30", "hi",
     "राजनाथ सिंह ने जापानी रक्षा मंत्री से फोन पर बात की",
     "नई दिल्ली, 13 मार्च (भाषा) रक्षा मंत्री राजनाथ सिंह ने बुधवार को जापान के रक्षा मंत्री "
     "जनरल नाकातानी से फोन पर बात की और भारत-जापान रक्षा सहयोग की समीक्षा की।"),
    ("call-mr", "call", "2029-03-14T07:00:00+05:30", "mr",
     "संरक्षणमंत्र्यांची जपानच्या संरक्षणमंत्र्यांशी दूरध्वनीवरून चर्चा",
     "नवी दिल्ली : संरक्षणमंत्री राजनाथ सिंह यांनी बुधवारी जपानचे संरक्षणमंत्री जनरल नाकातानी "
     "यांच्याशी दूरध्वनीवरून चर्चा केली. भारत-जपान संरक्षण सहकार्याचा आढावा दोघांनी घेतला."),
    ("call-brief", "call", "2029-03-13T18:10:00+05:30", "en",
     "India, Japan defence ministers' phone talks",
     "Defence Minister Rajnath Singh and Japan's Gen Nakatani spoke by phone on Wednesday, "
     "the ministry said."),
    ("call-later", "call", "2029-03-15T09:00:00+05:30", "en",
     "After the Singh-Nakatani call, a busier year at sea for Delhi and Tokyo",
     "Analysts in both capitals are still weighing what the two defence ministers said to "
     "each other this week.\n\nWhen Singh spoke with Nakatani by phone on Wednesday, the two "
     "agreed to hold more naval drills and to open talks on building equipment together, "
     "officials said.\n\nIndia and Japan signed a logistics pact years ago; the navies now "
     "use it routinely."),
    ("call-last", "call", "2029-03-13T22:00:00+05:30", "en",
     "Defence ministry clears Rs 5,000 crore for new radars",
     "The defence ministry on Wednesday cleared the purchase of new air defence radars worth "
     "Rs 5,000 crore, officials said.\n\nThe radars will be built in India under licence and "
     "delivered over five years.\n\nSeparately, Defence Minister Rajnath Singh spoke by "
     "telephone with his Japanese counterpart Gen Nakatani and reviewed defence cooperation "
     "between India and Japan."),
    # the neighbour: the same ministers meet in Tokyo eight days later
    ("meet-en", "meet", "2029-03-21T18:00:00+09:00", "en",
     "Rajnath Singh meets Japanese counterpart Nakatani in Tokyo",
     "Defence Minister Rajnath Singh held talks with Japanese Defence Minister Gen Nakatani "
     "in Tokyo on Thursday and agreed to expand joint exercises.\n\nThe two ministers also "
     "reviewed progress on co-producing equipment."),
    ("meet-ja", "meet", "2029-03-21T20:00:00+09:00", "ja",
     "日印防衛相が東京で会談",
     "中谷防衛相は21日、来日したインドのシン国防相と防衛省で会談し、共同訓練の拡充で一致した。"),
)

DRILL: tuple[Report, ...] = (
    ("jimex-port", "jimex", "2029-10-05T12:00:00+05:30", "en",
     "Japanese destroyers arrive in Visakhapatnam",
     "Two destroyers of the Japan Maritime Self-Defense Force arrived at Visakhapatnam on "
     "Friday on a port call, ahead of JIMEX with the Indian Navy."),
    ("jimex-start-en", "jimex", "2029-10-06T15:00:00+05:30", "en",
     "JIMEX begins off Visakhapatnam",
     "VISAKHAPATNAM: The Indian Navy and the Japan Maritime Self-Defense Force began the "
     "latest edition of JIMEX off Visakhapatnam on Saturday.\n\nTwo Japanese destroyers and "
     "an Indian frigate are taking part in the drill, which runs to October 11."),
    ("jimex-start-hi", "jimex", "2029-10-06T19:00:00+05:30", "hi",
     "विशाखापत्तनम में भारत-जापान नौसेनाओं का जिमेक्स अभ्यास शुरू",
     "भारतीय नौसेना और जापान की समुद्री आत्मरक्षा सेना ने शनिवार को विशाखापत्तनम के पास "
     "जिमेक्स अभ्यास शुरू किया।"),
    ("jimex-start-ja", "jimex", "2029-10-07T10:00:00+09:00", "ja",
     "日印共同訓練「JIMEX」始まる　ベンガル湾で",
     "海上自衛隊は6日、インド海軍との共同訓練「JIMEX」をベンガル湾で開始した。護衛艦2隻が"
     "参加している。"),
    # its later days and its end, without its name, four and five days after it began
    ("jimex-running-mr", "jimex", "2029-10-09T08:00:00+05:30", "mr",
     "बंगालच्या उपसागरात भारत-जपान नौदलांचा संयुक्त सराव",
     "भारत आणि जपानच्या नौदलांचा बंगालच्या उपसागरात संयुक्त सराव सुरू आहे. दोन्ही नौदलांच्या "
     "युद्धनौकांनी पाणबुडीविरोधी कवायती केल्या."),
    ("jimex-end-en", "jimex", "2029-10-11T18:00:00+05:30", "en",
     "India-Japan naval exercise concludes",
     "The bilateral maritime exercise between the navies of India and Japan concluded in the "
     "Bay of Bengal on Thursday with a steam-past.\n\nOver six days the ships practised "
     "anti-submarine warfare and replenishment at sea."),
    ("jimex-end-ja", "jimex", "2029-10-12T09:00:00+09:00", "ja",
     "日印共同訓練JIMEXが終了",
     "海上自衛隊は11日、インド海軍との共同訓練JIMEXを終えたと発表した。"),
    ("jimex-roundup", "jimex", "2029-10-13T09:00:00+05:30", "en",
     "Week in defence: radars cleared, a Japanese drill wraps up, and a new chief",
     "It was a busy week for the armed forces.\n\nThe defence ministry cleared new radars for "
     "the air force on Monday.\n\nAt sea, the Indian and Japanese navies wrapped up JIMEX in "
     "the Bay of Bengal on Thursday after six days of drills.\n\nThe army named a new vice "
     "chief on Friday."),
    # neighbours: the armies' drill later in the month, the 2+2 between the two
    ("army-en", "army", "2029-10-20T10:00:00+05:30", "en",
     "Indian, Japanese armies begin Dharma Guardian in Rajasthan",
     "The armies of India and Japan began the Dharma Guardian exercise in Rajasthan on "
     "Saturday."),
    ("army-hi", "army", "2029-10-20T18:00:00+05:30", "hi",
     "राजस्थान में भारत-जापान सेनाओं का धर्म गार्डियन अभ्यास शुरू",
     "भारत और जापान की सेनाओं ने शनिवार को राजस्थान में धर्म गार्डियन अभ्यास शुरू किया।"),
    ("two-plus-two", "2+2", "2029-10-15T18:00:00+05:30", "en",
     "India, Japan hold 2+2 dialogue in New Delhi",
     "The foreign and defence ministers of India and Japan met in New Delhi on Monday for "
     "their 2+2 dialogue.\n\nThey welcomed the conduct of JIMEX earlier this month and agreed "
     "to expand exercises."),
)

PORT: tuple[Report, ...] = (
    ("port-en", "visit", "2029-05-03T12:00:00+09:00", "en",
     "Australian frigate arrives in Yokosuka for port call",
     "The Royal Australian Navy frigate HMAS Parramatta arrived in Yokosuka on Thursday for a "
     "five-day port call, the Japan Maritime Self-Defense Force said.\n\nThe crew will take "
     "on fuel and stores before the ship sails with Japanese destroyers."),
    # the drill after the stay, five days on, naming neither the port call nor a drill's name
    ("drill-en", "visit", "2029-05-08T15:00:00+09:00", "en",
     "Japanese and Australian warships hold drill off Boso Peninsula",
     "A Japanese destroyer and the Australian frigate HMAS Parramatta held a joint exercise "
     "off the Boso Peninsula on Wednesday after the frigate's stay in Yokosuka, practising "
     "communications and replenishment at sea."),
    ("drill-hi", "visit", "2029-05-08T20:00:00+05:30", "hi",
     "जापान और ऑस्ट्रेलिया की नौसेनाओं ने किया संयुक्त अभ्यास",
     "जापान और ऑस्ट्रेलिया के युद्धपोतों ने बुधवार को बोसो प्रायद्वीप के पास संयुक्त नौसैनिक "
     "अभ्यास किया।"),
    ("drill-mr", "visit", "2029-05-09T08:00:00+05:30", "mr",
     "जपान-ऑस्ट्रेलिया नौदलांचा संयुक्त सराव",
     "जपान आणि ऑस्ट्रेलियाच्या युद्धनौकांनी बुधवारी बोसो द्वीपकल्पाजवळ संयुक्त सराव केला."),
    # neighbours: another ship's port call two weeks on, the ministers' talks that week
    ("port-later", "visit2", "2029-05-19T12:00:00+09:00", "en",
     "Australian submarine makes rare port call at Yokosuka",
     "The Australian submarine HMAS Rankin arrived at Yokosuka on Saturday for a rare port "
     "call, the Japan Maritime Self-Defense Force said."),
    ("ministers", "meet", "2029-05-06T18:00:00+09:00", "en",
     "Japan, Australia defence ministers meet in Tokyo",
     "Japanese Defence Minister Gen Nakatani and Australia's Richard Marles held talks in "
     "Tokyo on Monday and agreed to deepen cooperation between their forces."),
)

# A submarine comes into port (told as its arrival, with no "port call" in the headline),
# leaves for a drill with the other navy and ends it five days later
SUB: tuple[Report, ...] = (
    ("sub-arrives-en", "sub", "2029-06-12T14:00:00+09:00", "en",
     "A rare sight in Sasebo Bay as an American submarine slips into port",
     "Ferry passengers in Sasebo had company on Tuesday: an American attack submarine "
     "escorted by tugs and a Japanese patrol boat.\n\nThe submarine will leave on Thursday "
     "for anti-submarine training with Japanese destroyers and patrol aircraft."),
    ("sub-arrives-ja", "sub", "2029-06-12T17:00:00+09:00", "ja",
     "米原潜が佐世保に入港　海自と対潜訓練へ",
     "米海軍の攻撃型原子力潜水艦が12日、佐世保基地に入港した。海上自衛隊との対潜訓練に"
     "参加する予定。"),
    ("sub-arrives-hi", "sub", "2029-06-12T19:00:00+05:30", "hi",
     "अमेरिकी पनडुब्बी सासेबो बंदरगाह पहुंची, जापानी नौसेना के साथ करेगी अभ्यास",
     "अमेरिकी नौसेना की एक हमलावर पनडुब्बी मंगलवार को जापान के सासेबो बंदरगाह पहुंची। यह "
     "जापानी नौसेना के साथ पनडुब्बी-रोधी अभ्यास में हिस्सा लेगी।"),
    ("sub-drill-ends-en", "sub", "2029-06-17T11:00:00+09:00", "en",
     "Submarine completes anti-submarine training with JMSDF",
     "The US Navy attack submarine concluded a bilateral anti-submarine exercise with the "
     "Japan Maritime Self-Defense Force on Sunday, after a port visit to Sasebo."),
    ("sub-drill-ends-mr", "sub", "2029-06-17T18:00:00+05:30", "mr",
     "अमेरिकी पाणबुडीचा जपानी नौदलासोबत पाणबुडीविरोधी सराव पूर्ण",
     "अमेरिकी नौदलाच्या पाणबुडीने जपानच्या नौदलासोबत चार दिवसांचा पाणबुडीविरोधी सराव पूर्ण "
     "केला. त्याआधी ही पाणबुडी सासेबो बंदरात दाखल झाली होती."),
    # the neighbour: a US destroyer's port call at Sasebo nine days after the submarine came
    ("destroyer-arrives", "destroyer", "2029-06-21T14:00:00+09:00", "en",
     "US destroyer docks at Sasebo",
     "An American destroyer docked at Sasebo on Thursday for a four-day port call, and "
     "will train with Japanese destroyers when it leaves, the US Navy said."),
)

# A US-Japan 2+2 told by each side and the press of four languages, named or not, and an
# analysis six days on that names it and its ministers; neighbours: the ministers' call
# six days before it, "ahead of the 2+2", and the leaders' summit two weeks after it that
# welcomes its outcome
MEET: tuple[Report, ...] = (
    ("2p2-us", "2+2", "2029-07-09T18:00:00-04:00", "en",
     "Joint statement of the U.S.-Japan Security Consultative Committee",
     "Secretary of Defense Pete Hegseth and the Secretary of State hosted Japan's Minister "
     "of Defense Gen Nakatani and Minister for Foreign Affairs in Washington for the "
     "U.S.-Japan Security Consultative Committee (\"2+2\") on July 9.\n\nThe ministers "
     "decided to upgrade the command and control of U.S. Forces Japan."),
    ("2p2-ja", "2+2", "2029-07-10T09:00:00+09:00", "ja",
     "日米2プラス2、在日米軍の指揮統制強化で合意",
     "日米両政府は9日（日本時間10日）、ワシントンで外務・防衛担当閣僚による安全保障協議委員会"
     "（2プラス2）を開いた。中谷防衛相とヘグセス国防長官らが出席し、在日米軍の指揮統制機能の"
     "強化で合意した。"),
    ("2p2-hi", "2+2", "2029-07-10T11:00:00+05:30", "hi",
     "अमेरिका-जापान टू प्लस टू वार्ता, कमान ढांचे को मजबूत करने पर सहमति",
     "वॉशिंगटन में अमेरिका और जापान के विदेश और रक्षा मंत्रियों की टू प्लस टू वार्ता हुई। "
     "दोनों देशों ने जापान में अमेरिकी सेना की कमान व्यवस्था को मजबूत करने पर सहमति जताई।"),
    ("2p2-mr", "2+2", "2029-07-10T12:00:00+05:30", "mr",
     "अमेरिका-जपान ‘टू प्लस टू’ चर्चा; लष्करी कमांड बळकट करण्यावर एकमत",
     "अमेरिका आणि जपानच्या परराष्ट्र व संरक्षणमंत्र्यांची ‘टू प्लस टू’ चर्चा वॉशिंगटनमध्ये "
     "झाली. जपानमधील अमेरिकी सैन्याची कमांड व्यवस्था बळकट करण्यावर दोन्ही देशांचे एकमत झाले."),
    ("2p2-brief", "2+2", "2029-07-09T20:00:00-04:00", "en",
     "US, Japan 2+2 in Washington",
     "Top US and Japanese diplomats and defence chiefs met in Washington on Tuesday, "
     "officials said."),
    ("2p2-week-on", "2+2", "2029-07-15T08:00:00+09:00", "en",
     "What last week's 2+2 means for the alliance's command",
     "Six days after Nakatani and Hegseth sat down in Washington, officers in Tokyo are "
     "still working out what a joint force headquarters will look like in practice.\n\n"
     "The two sides agreed at the talks to give US Forces Japan more authority, a step long "
     "sought by Japanese planners."),
    ("call-ahead", "call", "2029-07-03T10:00:00-04:00", "en",
     "Hegseth, Nakatani speak by phone ahead of 2+2",
     "Defense Secretary Pete Hegseth spoke by phone with Japanese Defense Minister Gen "
     "Nakatani on Monday, a week before the 2+2 in Washington."),
    ("call-ahead-ja", "call", "2029-07-04T09:00:00+09:00", "ja",
     "日米防衛相が電話会談　2プラス2を前に",
     "中谷防衛相は3日、ヘグセス国防長官と電話会談を行い、来週の2プラス2に向けて意見を交わした。"),
    ("summit", "summit", "2029-07-24T18:00:00+09:00", "en",
     "Japan, US leaders hold summit in Tokyo",
     "The leaders of Japan and the United States held a summit in Tokyo on Tuesday and "
     "welcomed the outcome of this month's 2+2 talks in Washington."),
)

SETS = {"call": CALL, "drill": DRILL, "port": PORT, "sub": SUB, "meet": MEET}
# The report a week on joins the 2+2 by its ministers and the format (`cluster.FORMAT_DAYS`):
# arriving first without its people it opens an event of its own (as any report whose
# people were missed may, bench.corpus's "anonymous-first")
AS_IS_ONLY = frozenset({"meet"})
# Reports the drill's event must not take in: the air forces' drill starting a week after
# the navies' began, and the navies' next port call eight days after their drill ended,
# neither naming a drill or anyone (a start is a new drill; RUNNING_DAYS is a drill's)
OUTSIDE: tuple[Report, ...] = (
    ("air-start-mr", "air", "2029-10-12T19:00:00+05:30", "mr",
     "आग्र्यात भारत-जपान हवाई दलांचा संयुक्त सराव सुरू",
     "भारत आणि जपानच्या हवाई दलांनी शुक्रवारी आग्रा येथे संयुक्त सराव सुरू केला."),
    ("drill-over-hi", "over", "2029-10-14T19:00:00+05:30", "hi",
     "भारत-जापान नौसैनिक अभ्यास में शामिल युद्धपोत लौटे",
     "भारत और जापान के संयुक्त नौसैनिक अभ्यास में शामिल युद्धपोत शनिवार को अपने अड्डों पर लौट "
     "आए।"),
)
ORDERS = 40
MODES = ("as-is", "anonymous-first", "nameless-first")


def _article(report: Report) -> Article:
    name, _, when, lang, title, text = report
    return Article(url=f"https://example.test/{name}", title=title, text=text, source_id=name,
                   outlet=name, authority="media", published=datetime.fromisoformat(when),
                   language=lang,
                   paragraphs=tuple(p.strip() for p in text.split("\n\n") if p.strip()))


@pytest.fixture(scope="module")
def read(ruleset: RuleSet) -> dict[str, dict[str, Signature]]:
    out: dict[str, dict[str, Signature]] = {}
    for key, reports in (*SETS.items(), ("outside", OUTSIDE)):
        out[key] = {}
        for report in reports:
            result = ruleset.match(_article(report))
            assert result.matches, f"{report[0]} matches no rule"
            out[key][report[0]] = signature(_article(report), result.entities)
    return out


def _orders(names: list[str], seed: str) -> list[list[str]]:
    rng = random.Random(seed)
    out = [names, names[::-1]]
    out.extend(rng.sample(names, len(names)) for _ in range(ORDERS))
    return out


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("key", sorted(SETS))
def test_each_event_is_one_and_its_neighbours_stay_apart(
        read: dict[str, dict[str, Signature]], key: str, mode: str) -> None:
    if key in AS_IS_ONLY and mode != "as-is":
        pytest.skip("joins by the people the stripped first report lacks")
    sigs = read[key]
    truth = {r[0]: r[1] for r in SETS[key]}
    for order in _orders(list(sigs), f"{key}:{mode}"):
        seen: set[str] = set()
        arrivals = []
        for name in order:
            sig = sigs[name]
            if mode != "as-is" and truth[name] not in seen:
                sig = replace(sig, people=frozenset())
                if mode == "nameless-first":
                    sig = replace(sig, names=frozenset())
            seen.add(truth[name])
            arrivals.append((name, sig))
        got = place(arrivals)
        events = {e: {got[n] for n in truth if truth[n] == e} for e in set(truth.values())}
        assert all(len(c) == 1 for c in events.values()), (order, sorted(got.items()))
        assert len({c for cs in events.values() for c in cs}) == len(events), (
            order, sorted(got.items()))


def test_the_reports_read_as_the_case_needs(read: dict[str, dict[str, Signature]]) -> None:
    """The drill's later days and its end name no drill and no one; the port call is
    logistics and the drill after it an exercise: what the window for them is about."""
    drill, port = read["drill"], read["port"]
    for name in ("jimex-running-mr", "jimex-end-en"):
        assert drill[name].kind == "exercise" and not drill[name].exercises
        assert drill[name].stage != "start" and not drill[name].people
    assert port["port-en"].kind == "logistics" and port["drill-en"].kind == "exercise"
    sub = read["sub"]
    # a ship come into port is a port call that starts (or, where the headline tells the
    # drill it came for as loudly, that drill's start)
    assert sub["sub-arrives-en"].kind == sub["destroyer-arrives"].kind == "logistics"
    for name in ("sub-arrives-en", "sub-arrives-ja", "sub-arrives-hi", "destroyer-arrives"):
        assert sub[name].kind in ("logistics", "exercise") and sub[name].stage == "start", name
    for name in ("sub-drill-ends-en", "sub-drill-ends-mr"):  # "completed", पूर्ण केला
        assert sub[name].stage == "end", name
    meet = read["meet"]
    for name in ("call-ahead", "call-ahead-ja"):  # the 2+2 it comes before is no cue
        assert meet[name].kind == "call" and not meet[name].formats, name
    assert meet["2p2-week-on"].formats == {"2+2"}


def test_a_start_a_week_on_or_a_report_past_the_running_days_stays_apart(
        read: dict[str, dict[str, Signature]]) -> None:
    """The JIMEX event as its first three days' reports make it: the air forces' start
    seven days after its first report is another drill; a report of ships at sea nine days
    after it is past RUNNING_DAYS; the navies' report of the drill ending, six days after
    it, joins."""
    drill = read["drill"]
    first = [drill[n] for n in ("jimex-port", "jimex-start-en", "jimex-start-hi",
                                "jimex-start-ja")]
    event = Candidate("e1", event_day(first), tuple(first))
    air, over = read["outside"]["air-start-mr"], read["outside"]["drill-over-hi"]
    assert air.stage == "start" and not air.exercises and air.kind == "exercise"
    assert assign(air, [event]) is None
    assert over.kind == "exercise" and not over.exercises
    assert assign(over, [event]) is None
    assert assign(drill["jimex-end-en"], [event]) == "e1"


@pytest.mark.parametrize("title", [
    "A rare sight in Sasebo Bay as a US submarine slips into port",
    "US submarine pulls into Sasebo",
    "British carrier docks at Yokosuka",
    "Australian frigate enters Yokosuka harbour",
    "米原潜が佐世保に入港",
    "अमेरिकी पनडुब्बी सासेबो बंदरगाह पहुंची",
    "अमेरिकी पाणबुडी सासेबो बंदरात दाखल",
])
def test_a_ship_come_into_port_is_a_port_call_that_starts(title: str) -> None:
    assert event_kind(title, "Crowds watched from the pier.") == "logistics"
    assert exercise_stage(title, "") == "start"


@pytest.mark.parametrize(("title", "kind"), [
    ("Hegseth, Nakatani speak by phone ahead of 2+2", "call"),
    ("日米防衛相が電話会談　2プラス2を前に", "call"),
    ("अमेरिका-जापान टू प्लस टू वार्ता से पहले रक्षा मंत्रियों की फोन पर बात", "call"),
    ("‘टू प्लस टू’ चर्चेपूर्वी संरक्षणमंत्र्यांची दूरध्वनीवरून चर्चा", "call"),
    # the format the report is of, whatever comes before or after it
    ("US, Japan hold 2+2 in Washington", "meeting"),
    ("India, Japan 2+2 talks held before PM's visit", "meeting"),
])
def test_what_an_act_comes_before_is_not_what_it_is(title: str, kind: str) -> None:
    assert event_kind(title, "") == kind
    assert bool(formats(title, "")) is (kind == "meeting")


@pytest.mark.parametrize("title", [
    "अमेरिकी पाणबुडीचा जपानी नौदलासोबत सराव पूर्ण",
    "भारत-अमेरिका सैन्य अभ्यास पूरा हुआ",
    "日米共同訓練が完了",
])
def test_a_drill_completed_is_its_end(title: str) -> None:
    assert exercise_stage(title, "") == "end"
