"""An article's event signature and the pure functions it is made of: its JSON round
trip, the kind and stage of an event, named formats, proper words and the MinHash sketch."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from bot.errors import StoreError
from bot.events.kind import event_kind, exercise_stage, formats
from bot.events.signature import Signature, signature
from bot.events.similarity import (
    content_words,
    name_parts,
    overlap,
    proper_words,
    sketch,
    words,
)
from tests.bot.events.reports import BY_NAME, CALL_TEXT, CORPUS, IJ, MINISTERS, Fixture, _sig


@pytest.mark.parametrize("fx", CORPUS, ids=lambda fx: fx.name)
def test_signature_json_round_trips_exactly(fx: Fixture) -> None:
    sig = _sig(fx)
    assert Signature.from_json(json.loads(json.dumps(sig.to_json()))) == sig
    assert all(0 <= h < 2 ** 53 for h in sig.sketch)  # exact in any JSON reader


def test_signature_fields() -> None:
    sig = _sig(BY_NAME["call-pib"])
    assert sig.day == date(2020, 12, 22)  # 17:00 IST is 11:30 UTC
    assert sig.countries == frozenset(IJ) and sig.pair == ("India", "Japan")
    assert sig.people == frozenset(MINISTERS)
    assert sig.agreements == {"ACSA"} and sig.exercises == {"JIMEX", "Malabar"}
    assert sig.kind == "call"
    assert 0 < len(sig.sketch) <= 64 and sig.shingles >= len(sig.sketch)
    assert signature(BY_NAME["call-pib"].article, BY_NAME["call-pib"].entities) == sig


def test_signature_json_without_the_newer_fields_still_reads() -> None:
    """Records stored before formats and names existed: both read as empty."""
    sig = _sig(BY_NAME["aus-2p2-official"])
    assert sig.formats == {"2+2"} and {"dutton", "payne", "jaishankar"} <= sig.names
    old = {k: v for k, v in sig.to_json().items() if k not in ("formats", "names")}
    assert Signature.from_json(old) == replace(sig, formats=frozenset(), names=frozenset())


def test_signature_keeps_the_states_named_besides_the_parties() -> None:
    fx = BY_NAME["call-pib"]
    entities = replace(fx.entities, mentioned=("China", "India", "United States"))
    sig = signature(fx.article, entities)
    assert sig.mentioned == {"China", "United States"}  # a party is not also a bystander
    assert sig.states == {"China", "India", "Japan", "United States"}
    assert Signature.from_json(sig.to_json()) == sig
    old = {k: v for k, v in sig.to_json().items() if k != "mentioned"}
    assert Signature.from_json(old) == replace(sig, mentioned=frozenset())


@pytest.mark.parametrize("broken", [
    {},
    {"v": 99},
    {"v": 1, "day": "2020-13-01"},
    "kind",
    "sketch",
])
def test_malformed_signature_json_is_a_store_error(broken: object) -> None:
    good = _sig(BY_NAME["call-pib"]).to_json()
    if broken == "kind":
        data = {**good, "kind": "party"}
    elif broken == "sketch":
        data = {**good, "sketch": ["1"]}
    else:
        assert isinstance(broken, dict)
        data = {**(good if broken.get("v") == 1 else {}), **broken}
    with pytest.raises(StoreError, match="event signature"):
        Signature.from_json(data)


@pytest.mark.parametrize(("title", "body", "kind"), [
    ("Raksha Mantri speaks to Japanese counterpart over telephone", "They spoke.", "call"),
    ("Austin, Hamada talk missile warnings", "Austin met Hamada in Tokyo on Thursday.",
     "meeting"),
    ("India, Japan sign logistics pact", "The agreement was signed on Wednesday.", "signing"),
    ("Navies begin JIMEX off Visakhapatnam", "The exercise runs for three days.", "exercise"),
    ("JIMEX 22 commences", "The sixth edition got under way on Monday.", "exercise"),
    ("", "India and Japan exchanged views. They talked. Later, a drill and a signing.", None),
    # Japanese, Hindi and Marathi reports carry the same kinds as English ones
    ("日印防衛相が電話会談", "両大臣は協力を確認した。", "call"),
    ("日豪防衛相会談を開催", "両大臣は防衛協力について意見交換した。", "meeting"),
    ("日比が円滑化協定に署名", "協定は両国の部隊の往来を容易にする。", "signing"),
    ("陸自と豪陸軍が共同訓練を開始", "訓練は二週間続く。", "exercise"),
    ("रक्षा मंत्रियों ने फोन पर वार्ता की", "दोनों मंत्रियों ने फोन पर चर्चा की।", "call"),
    ("दोन्ही मंत्र्यांमध्ये दिल्लीत चर्चा", "चर्चेत सहकार्यावर भर देण्यात आला.", "meeting"),
    ("दिल्ली में दोनों रक्षा मंत्रियों की बैठक", "मंत्रियों ने सहयोग पर वार्ता की।", "meeting"),
    ("दोनों देशों ने समझौते पर हस्ताक्षर किए", "समझौता अगले महीने लागू होगा।", "signing"),
    ("पुण्यात दोन्ही लष्करांचा संयुक्त सराव", "सराव दोन आठवडे चालेल.", "exercise"),
    ("संयुक्त सैन्य अभ्यास राजस्थान में", "अभ्यास दो सप्ताह चलेगा।", "exercise"),
    ("हिमालय में दोनों सेनाओं का युद्धाभ्यास", "दो सप्ताह तक चलेगा।", "exercise"),
    # a port call, at-sea refuelling or repairs: the use of a logistics agreement
    ("Destroyer calls at Chennai", "The crew took on fuel and stores under the pact.",
     "logistics"),
    ("Supply ship refuels frigates at sea", "It was the first such top-up under the deal.",
     "logistics"),
    ("補給艦が護衛艦に洋上給油", "協定に基づく初の補給となった。", "logistics"),
    ("चेन्नई बंदरगाह पर जहाज़ को मिला ईंधन", "जहाज़ दो दिन रुकेगा।", "logistics"),
    ("अमेरिकी जहाज दुरुस्तीसाठी मुंबईत", "काम दोन आठवडे चालेल.", "logistics"),
    # ... but ships refuel during an exercise too, and then it is the exercise
    ("JIMEX ends; ships refuelled each other", "The navies sailed home.", "exercise"),
    # a parliament approving an agreement signed earlier
    ("Upper house approves troop access pact", "The vote was 180 to 40.", "approval"),
    ("参院本会議で協定を承認", "来月にも発効する。", "approval"),
    ("संसद ने रक्षा समझौते को दी मंज़ूरी", "समझौता अगले महीने लागू होगा।", "approval"),
    # a ship or aircraft handed over to the other's forces
    ("India hands over corvette to Vietnam's navy", "A ceremony marked the gift.", "transfer"),
    ("भारत ने वियतनाम को सौंपा युद्धपोत", "समारोह कैम रान्ह में हुआ।", "transfer"),
    ("練習機を比海軍に引き渡し", "式典はマニラで行われた。", "transfer"),
    # ... but ministers who meet and approve a plan held a meeting
    ("Ministers meet, approve roadmap", "The cabinet approved it later.", "meeting"),
])
def test_event_kind(title: str, body: str, kind: str | None) -> None:
    assert event_kind(title, body, ["JIMEX"]) == kind


@pytest.mark.parametrize(("title", "stage"), [
    ("Second phase of Malabar begins in Arabian Sea", "start"),
    ("JIMEX concludes with steam-past", "end"),
    ("Navies wrap up first phase of Malabar", "end"),
    ("Malabar: what the navies practise", None),
    ("陸自と印陸軍の共同訓練が開始", "start"),
    ("共同訓練が終了", "end"),
    ("जोधपुर में वायु सेना अभ्यास शुरू", "start"),
    ("संयुक्त अभ्यास संपन्न", "end"),
    ("पुण्यात संयुक्त सराव सुरू", "start"),
])
def test_exercise_stage(title: str, stage: str | None) -> None:
    assert exercise_stage(title, "") == stage


@pytest.mark.parametrize(("title", "body", "named"), [
    ("India, Japan hold 2+2 in New Delhi", "The ministers met.", {"2+2"}),
    ("Allies agree on command reform", "The two-plus-two talks ended on Wednesday.", {"2+2"}),
    ("Joint Statement of the Security Consultative Committee", "", {"2+2"}),
    ("AUSMIN 2023 held in Brisbane", "", {"2+2"}),
    # further down the text a 2+2 is history, not the news
    ("Ministers speak by phone", "They spoke on Monday. Both sides welcomed progress.\n\n"
     "The call followed last month's 2+2 in Tokyo.", set()),
    ("Maths quiz: 2+2 and beyond", "", {"2+2"}),  # the rules, not clustering, keep this out
    ("日米安全保障協議委員会を開催", "", {"2+2"}),
    ("भारत-जापान टू प्लस टू वार्ता", "", {"2+2"}),
])
def test_formats(title: str, body: str, named: set[str]) -> None:
    assert formats(title, body) == named


@pytest.mark.parametrize(("text", "expected"), [
    ("WASHINGTON — Secretary Lloyd J. Austin III met Hamada.",
     ["washington", "secretary", "lloyd", "austin", "iii", "hamada"]),
    ("The Hon KIHARA Minoru and Shin Won-sik; He said Kihara", ["hon", "kihara", "minoru",
                                                                "shin", "won-sik"]),
    ("Défense minister Élodie Duprée", ["defence", "elodie", "dupree"]),
    ("no capitals here", []),
])
def test_proper_words(text: str, expected: list[str]) -> None:
    assert proper_words(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # vowel signs, viramas and anusvara are parts of a Devanagari word, not its seams
    ("रक्षा मंत्री ने बात की", 5),
    ("संरक्षणमंत्र्यांनी दूरध्वनीवरून संवाद साधला", 4),
    ("मंत्र्यांच्या बैठकीत, उभय देशांनी।", 4),
])
def test_devanagari_words_stay_whole(text: str, expected: int) -> None:
    assert len(words(text)) == expected
    assert all(len(w) >= 2 for w in words(text))


def test_devanagari_function_words_are_no_content() -> None:
    assert content_words("भारत और जापान के रक्षा मंत्री") == words("भारत जापान रक्षा मंत्री")
    assert content_words("भारत आणि जपान यांच्यात चर्चा") == words("भारत जपान चर्चा")


def test_devanagari_reports_compare_by_their_wording() -> None:
    call = ("रक्षा मंत्री ने अपने जापानी समकक्ष से टेलीफोन पर बात की और दोनों ने समुद्री "
            "सहयोग बढ़ाने पर सहमति जताई")
    retold = "नई दिल्ली में जारी बयान के अनुसार " + call
    other = ("थल सेना के जवानों ने पहाड़ी इलाके में बचाव अभ्यास पूरा किया और शिविर लौट "
             "आए जहां प्रशिक्षकों ने उनका स्वागत किया")
    a, na = sketch(words(call))
    b, nb = sketch(words(retold))
    c, nc = sketch(words(other))
    assert overlap(a, na, b, nb).containment > 0.8
    assert overlap(a, na, c, nc).shared == 0


def test_name_parts() -> None:
    assert name_parts("Lloyd Austin") == {"lloyd", "austin"}
    assert name_parts("Nakatani Gen") == {"nakatani"}  # "Gen" is also a rank
    assert name_parts("S. Jaishankar") == {"jaishankar"}


def test_sketch_estimates_resemblance() -> None:
    text = words(CALL_TEXT)
    a, na = sketch(text)
    b, nb = sketch(text[5:])  # the copy without the dateline
    same = overlap(a, na, b, nb)
    assert same.jaccard > 0.8 and same.containment > 0.9
    c, nc = sketch(words(BY_NAME["jimex-start"].article.text))
    assert overlap(a, na, c, nc).jaccard == 0.0
    part, npart = sketch(text[:40])  # a short excerpt is contained in the whole
    assert overlap(part, npart, a, na).containment > 0.8
    assert sketch([]) == ((), 0)
    assert sketch(["one"])[1] == 1
