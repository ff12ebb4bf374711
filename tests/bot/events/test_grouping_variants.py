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

SETS = {"call": CALL, "drill": DRILL, "port": PORT}
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
