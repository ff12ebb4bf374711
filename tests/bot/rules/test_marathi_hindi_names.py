"""The vocabulary matrix of Marathi and Hindi reports, by their names (test_marathi_hindi_
words.py has the acts' words): the defence ministers with their offices in every spelling
and by name alone in other transliterations, the forces in their own and in English words,
the pairs' own exercises and pacts as papers transliterate them, a warship's call told by
its anchor or its welcome, a ship fuelled by the other navy's tanker, arms handed over, and
English words in Latin script inside the Devanagari sentence; and the same words in their
second senses (संरक्षण of forests, सराव in sport, करार in trade, कवायत at school, a USB
port), which must stay silent. Texts written for these tests."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from bot.rules import RuleSet
from tests.bot.rules.words import (
    HI_NAMES,
    MR_NAMES,
    PAIRS,
    STYLES,
    Case,
    check,
    hi_forms,
    mr_forms,
    report,
)


@dataclass(frozen=True)
class People:
    minister: list[str]  # the defence minister's names, in their Devanagari spellings
    forces: list[str]  # the forces, named with their state


MR_PEOPLE = {
    "india": People(["राजनाथ सिंह", "राजनाथसिंह", "राजनाथ"],
                    ["भारतीय नौदल", "भारतीय लष्कर", "भारतीय हवाई दल", "भारतीय वायुसेना",
                     "भारतीय तटरक्षक दल", "इंडियन नेव्ही", "भारताचे नौदल"]),
    "japan": People(["जनरल नाकातानी", "नकातानी", "मिनोरू किहारा", "किहारा", "यासुकाझू हमादा",
                     "नोबुओ किशी"],
                    ["जपानी सागरी स्वसंरक्षण दल", "जपानचे सागरी स्वसंरक्षण दल",
                     "जपानी आत्मसंरक्षण दल", "जपानी सेल्फ डिफेन्स फोर्स", "जपानी नौदल",
                     "जपानचे हवाई स्वसंरक्षण दल"]),
    "us": People(["लॉइड ऑस्टिन", "ऑस्टीन", "पीट हेगसेथ", "हेग्सेथ", "जिम मॅटिस", "मार्क एस्पर"],
                 ["अमेरिकन नौदल", "अमेरिकी लष्कर", "अमेरिकेचे हवाई दल", "यूएस नेव्ही",
                  "अमेरिकन मरीन कोर", "अमेरिकी तटरक्षक दल"]),
    "australia": People(["रिचर्ड मार्लस", "मार्लेस", "मार्ल्स", "लिंडा रेनॉल्ड्स"],
                        ["ऑस्ट्रेलियन नौदल", "रॉयल ऑस्ट्रेलियन नेव्ही", "ऑस्ट्रेलियाचे लष्कर",
                         "ऑस्ट्रेलियन हवाई दल"]),
    "france": People(["सेबास्टियन लेकोर्नू"], ["फ्रेंच नौदल", "फ्रान्सचे हवाई दल"]),
}
HI_PEOPLE = {
    "india": People(["राजनाथ सिंह", "राजनाथ"],
                    ["भारतीय नौसेना", "भारतीय थलसेना", "भारतीय वायुसेना", "भारतीय तटरक्षक बल",
                     "भारत की सेना"]),
    "japan": People(["जनरल नाकातानी", "नाकाटानी", "मिनोरु किहारा", "यासुकाजु हमादा"],
                    ["जापानी समुद्री आत्मरक्षा बल", "जापान की नौसेना", "जापानी सेल्फ डिफेंस फोर्स",
                     "जापान का वायु आत्मरक्षा बल"]),
    "us": People(["लॉयड ऑस्टिन", "पीट हेगसेथ", "हेगसेठ", "जिम मैटिस"],
                 ["अमेरिकी नौसेना", "अमेरिकी थलसेना", "अमेरिकी वायुसेना", "यूएस नेवी"]),
    "australia": People(["रिचर्ड मार्लेस", "मार्ल्स"],
                        ["ऑस्ट्रेलियाई नौसेना", "रॉयल ऑस्ट्रेलियन नेवी", "ऑस्ट्रेलियाई सेना"]),
    "france": People(["सेबास्टियन लेकोर्नू"], ["फ्रांसीसी नौसेना"]),
}
# the offices, as each language writes them
MR_OFFICES = ["संरक्षणमंत्री", "संरक्षण मंत्री", "रक्षामंत्री", "डिफेन्स मिनिस्टर"]
HI_OFFICES = ["रक्षा मंत्री", "रक्षामंत्री", "डिफेंस मिनिस्टर"]
MR_TALKED = ["संरक्षण सहकार्यावर चर्चा केली", "द्विपक्षीय संरक्षण संबंधांवर बोलणी केली",
             "फोनवरून संरक्षणविषयक मुद्द्यांवर संवाद साधला", "भेट घेऊन संरक्षण सहकार्याचा आढावा घेतला",
             "व्हिडिओ कॉलद्वारे प्रादेशिक सुरक्षेवर चर्चा केली",
             "संरक्षण करारावर स्वाक्षरी केली", "दूरध्वनीवरून चर्चा केली"]
HI_TALKED = ["रक्षा सहयोग पर बातचीत की", "द्विपक्षीय रक्षा संबंधों पर चर्चा की",
             "फोन पर रक्षा मामलों पर बात की", "मुलाकात कर रक्षा सहयोग की समीक्षा की",
             "वीडियो कॉल के जरिए क्षेत्रीय सुरक्षा पर चर्चा की", "रक्षा समझौते पर हस्ताक्षर किए"]
MR_DRILLED = ["संयुक्त सराव केला", "युद्धसराव सुरू केला", "संयुक्त कवायती केल्या",
              "संयुक्त ड्रिल पूर्ण केला", "सागरी भागीदारी सराव (पॅसेक्स) केला",
              "संयुक्त गस्त घातली", "संयुक्त प्रशिक्षण घेतले"]
HI_DRILLED = ["संयुक्त अभ्यास किया", "युद्धाभ्यास शुरू किया", "साझा अभ्यास पूरा किया",
              "संयुक्त ड्रिल की", "पैसेज एक्सरसाइज की", "संयुक्त गश्त की"]


def _people(lang: str) -> Iterator[Case]:
    """The ministers with their offices or by name, and the forces, acting together."""
    mr = lang == "mr"
    names, forms = (MR_NAMES, mr_forms) if mr else (HI_NAMES, hi_forms)
    people = MR_PEOPLE if mr else HI_PEOPLE
    offices, talked, drilled = ((MR_OFFICES, MR_TALKED, MR_DRILLED) if mr
                                else (HI_OFFICES, HI_TALKED, HI_DRILLED))
    styles = itertools.cycle(STYLES)
    turn = itertools.count()
    for first, second in PAIRS:
        pa, pb = people[first], people[second]
        a, b = forms(names[first][0]), forms(names[second][0])
        for office, (ma, mb) in itertools.product(offices, zip(pa.minister, pb.minister[::-1],
                                                               strict=False)):
            k = next(turn)
            q = talked[k % len(talked)]
            sentences = ([f"{a['genm']} {office} {ma} यांनी {b['genm']} {office} {mb} यांच्याशी {q}",
                          f"{office} {ma} यांनी {b['gen']} {mb} यांच्याशी {q}",
                          f"{ma} यांनी {b['adj']} समकक्ष {mb} यांच्यासोबत {q}",
                          f"{ma} आणि {mb} यांनी {q}"] if mr else
                         [f"{a['gen']} {office} {ma} ने {b['gen']} {office} {mb} के साथ {q}",
                          f"{office} {ma} ने {b['genf']} {mb} से {q}",
                          f"{ma} ने अपने {b['adj']} समकक्ष {mb} के साथ {q}",
                          f"{ma} और {mb} ने {q}"])
            for sentence in sentences:
                style = next(styles)
                title, text = report(lang, style, a, b, sentence)
                yield f"people / {office} / {sentence} / {style}", first, second, title, text
        for fa, fb in zip(pa.forces, pb.forces[::-1], strict=False):
            for q in drilled:
                sentence = (f"{fa} आणि {fb} यांनी {q}" if mr else f"{fa} और {fb} ने {q}")
                style = next(styles)
                title, text = report(lang, style, a, b, sentence)
                yield f"forces / {sentence} / {style}", first, second, title, text


@pytest.mark.parametrize("lang", ["mr", "hi"])
def test_offices_ministers_and_forces_in_their_spellings(default_ruleset: RuleSet,
                                                         lang: str) -> None:
    cases = list(_people(lang))
    assert len(cases) > 200
    failed = check(default_ruleset, cases)
    assert not failed, f"{len(failed)} of {len(cases)}\n" + "\n".join(failed)


# the pairs' own exercises and pacts in the transliterations papers use, each told with one
# state or both, and a few words of the forces
OWN = {
    frozenset(("india", "japan")): ["जिमेक्स", "जायमेक्स", "धर्मा गार्डियन", "धर्म गार्डीयन",
                                    "शिन्यू मैत्री", "वीर गार्डियन"],
    frozenset(("india", "us")): ["युद्ध अभ्यास", "वज्र प्रहार", "वज्रप्रहार", "कोप इंडिया",
                                 "टायगर ट्रायम्फ", "टाइगर ट्रायंफ", "तरकश"],
    frozenset(("india", "australia")): ["ऑसइंडेक्स", "ऑसिंडेक्स", "ऑस्ट्राहिंद"],
    frozenset(("us", "japan")): ["कीन स्वॉर्ड", "कीन स्वोर्ड", "ओरिएंट शील्ड",
                                 "रिझोल्युट ड्रॅगन", "यामा साकुरा"],
    frozenset(("japan", "australia")): ["बुशिदो गार्डियन", "निची-गौ ट्राइडेंट"],
    frozenset(("india", "france")): ["वरुणा", "शक्ती", "गरुड"],
}
PACTS = {
    frozenset(("india", "japan")): ["एसीएसए", "आरपीएसएस"],
    frozenset(("india", "us")): ["लेमोआ", "लिमोआ", "कॉमकासा", "बेका करार", "बीईसीए"],
    frozenset(("india", "australia")): ["एमएलएसए", "म्युच्युअल लॉजिस्टिक्स सपोर्ट करार"],
    frozenset(("japan", "australia")): ["आरएए", "परस्पर प्रवेश करार"],
}
MR_EXERCISE_DONE = ["सरावाला सुरुवात झाली", "सराव पार पडला", "सरावाचा समारोप झाला",
                    "युद्धसराव रंगला", "सराव संपन्न झाला", "सरावाची दहावी आवृत्ती सुरू झाली",
                    "अभ्यास सुरू झाला", "कवायती सुरू होणार आहेत"]
HI_EXERCISE_DONE = ["अभ्यास शुरू हुआ", "युद्धाभ्यास संपन्न हुआ", "अभ्यास का समापन हुआ",
                    "अभ्यास का दसवां संस्करण शुरू हुआ", "अभ्यास होगा"]


def _own(lang: str) -> Iterator[Case]:
    """An exercise or pact of the pair, named with both states, with one of them and its
    forces, or in the headline alone over a sentence of the forces."""
    mr = lang == "mr"
    names, forms = (MR_NAMES, mr_forms) if mr else (HI_NAMES, hi_forms)
    people = MR_PEOPLE if mr else HI_PEOPLE
    done = MR_EXERCISE_DONE if mr else HI_EXERCISE_DONE
    turn = itertools.count()
    for first, second in PAIRS:
        pair = frozenset((first, second))
        a, b = forms(names[first][0]), forms(names[second][0])
        fa, fb = people[first].forces[0], people[second].forces[0]
        for exercise in OWN.get(pair, []):
            for verb in done:
                k = next(turn)
                if mr:
                    reports = [
                        ("", f"{a['nom']} आणि {b['nom']} यांच्यातील '{exercise}' {verb}."),
                        (f"'{exercise}' {verb}",
                         f"{fa} आणि {fb} यांच्या तुकड्या यात सहभागी झाल्या आहेत."),
                        ("", f"{b['gen']} सहकार्याने {fa}चा '{exercise}' संयुक्त {verb}."),
                    ]
                else:
                    reports = [
                        ("", f"{a['nom']} और {b['nom']} के बीच '{exercise}' {verb}।"),
                        (f"'{exercise}' {verb}",
                         f"{fa} और {fb} की टुकड़ियां इसमें हिस्सा ले रही हैं।"),
                        ("", f"{b['gen']} साथ {fa} का '{exercise}' संयुक्त {verb}।"),
                    ]
                title, text = reports[k % len(reports)]
                yield f"own / {exercise} / {verb}", first, second, title, text
        for pact in PACTS.get(pair, []):
            sentences = ([f"{a['erg']} {b['shi']} {pact} करारावर स्वाक्षरी केली",
                          f"{a['nom']} आणि {b['nom']} यांच्यातील {pact} करार लागू झाला",
                          f"{a['nom']}-{b['nom']} {pact} करारावर शिक्कामोर्तब"] if mr else
                         [f"{a['erg']} {b['sobat']} {pact} समझौते पर हस्ताक्षर किए",
                          f"{a['nom']} और {b['nom']} के बीच {pact} समझौता लागू हुआ"])
            for sentence in sentences:
                yield f"pact / {sentence}", first, second, "", sentence + "."


# a warship's call at the other's port, a ship fuelled or supplied under their pact, arms
# handed over, in the words and forms the two languages use
MR_SHIPS = {"india": ("आयएनएस सह्याद्री", "विशाखापट्टणम"), "japan": ("जेएस काशिमा", "योकोसुका"),
            "us": ("यूएसएस ब्लू रिज", "ग्वाम"), "australia": ("एचएमएएस अरुंटा", "डार्विन"),
            "france": ("एफएस प्रोव्हान्स", "तुलाँ")}


def _ships(lang: str) -> Iterator[Case]:
    if lang != "mr":
        return
    names = MR_NAMES
    for first, second in PAIRS:
        a, b = mr_forms(names[first][0]), mr_forms(names[second][0])
        ship, _ = MR_SHIPS[first]
        _, port = MR_SHIPS[second]
        sentences = [
            f"{a['adj']} नौदलाची युद्धनौका {ship} {b['gen']} {port} बंदरात दाखल झाली",
            f"{a['adj']} नौदलाची युद्धनौका {ship} सदिच्छा भेटीसाठी {b['gen']} {port} बंदरात पोहोचली",
            f"{a['adj']} युद्धनौका {ship}चे {b['gen']} {port} बंदरात आगमन झाले",
            f"{b['gen']} नौदलाने {port} बंदरात {a['adj']} युद्धनौकेचे स्वागत केले",
            f"{a['adj']} युद्धनौका {ship}ने {b['gen']} {port} बंदरात नांगर टाकला",
            f"{a['adj']} नौदलाच्या {ship} या युद्धनौकेने {b['gen']} नौदलाच्या टँकरकडून इंधन भरले",
            f"{a['erg']} {b['dat']} गस्ती नौका सुपूर्द केली",
            f"{a['erg']} {b['dat']} दोन युद्धनौका हस्तांतरित केल्या",
        ]
        for k, sentence in enumerate(sentences):
            style = STYLES[k % len(STYLES)]
            title, text = report(lang, style, a, b, sentence)
            yield f"ships / {sentence} / {style}", first, second, title, text


# English words in Latin script inside the Devanagari sentence, as wire copy and TV
# websites keep them
MR_LATIN = ["{a} आणि {b} यांच्यात defence dialogue पार पडला",
            "{a}-{b} joint military exercise सुरू झाला",
            "{aerg} {bshi} defence MoU sign केला",
            "{a} आणि {b} यांच्यात 2+2 ministerial dialogue झाला",
            "{a} आणि {b} यांच्या Navy नी PASSEX केला",
            "{a}-{b} Defence Ministers ची phone वर चर्चा झाली",
            "{a} आणि {b} यांच्यात Defence Cooperation करार झाला"]
HI_LATIN = ["{a} और {b} के बीच defence dialogue संपन्न हुआ",
            "{a}-{b} joint military exercise शुरू हुआ",
            "{aerg} {bshi} defence MoU sign किया",
            "{a} और {b} के बीच 2+2 ministerial dialogue हुआ",
            "{a}-{b} Defence Ministers की phone पर बातचीत हुई"]


def _latin(lang: str) -> Iterator[Case]:
    mr = lang == "mr"
    names, forms = (MR_NAMES, mr_forms) if mr else (HI_NAMES, hi_forms)
    styles = itertools.cycle(STYLES)
    for first, second in PAIRS:
        a, b = forms(names[first][0]), forms(names[second][0])
        for template in MR_LATIN if mr else HI_LATIN:
            sentence = template.format(a=a["nom"], b=b["nom"], aerg=a["erg"],
                                       bshi=b["shi"] if mr else b["sobat"])
            style = next(styles)
            title, text = report(lang, style, a, b, sentence)
            yield f"latin / {sentence} / {style}", first, second, title, text


@pytest.mark.parametrize("lang", ["mr", "hi"])
def test_own_exercises_pacts_ships_and_english_words(default_ruleset: RuleSet,
                                                     lang: str) -> None:
    cases = [*_own(lang), *_ships(lang), *_latin(lang)]
    assert len(cases) > 100
    failed = check(default_ruleset, cases)
    assert not failed, f"{len(failed)} of {len(cases)}\n" + "\n".join(failed)


# the same words in their other senses, with two states named: conservation and
# protection (संरक्षण, रक्षा), practice in sport and music (सराव, अभ्यास), a pact of trade
# or culture (करार, सामंजस्य करार), a school's drill (कवायत), a police patrol (गस्त),
# a USB port and India's older name on a firm, a paper and music; none of them alerts
MR_SECOND = [
    "{a} आणि {b} यांच्यात वन संरक्षण करार झाला",
    "{a} आणि {b} यांच्यात पर्यावरण संरक्षण विषयक चर्चा झाली",
    "{a} आणि {b} यांच्यात डेटा संरक्षण सामंजस्य करार झाला",
    "{a} आणि {b} यांच्यात व्यापार करार झाला",
    "{a} आणि {b} यांच्यात सांस्कृतिक सामंजस्य करारावर स्वाक्षऱ्या झाल्या",
    "{a} आणि {b} यांच्यात शिक्षण क्षेत्रातील सामंजस्य करार झाला",
    "{a} आणि {b} यांच्या क्रिकेट संघांनी संयुक्त सराव केला",
    "{a} आणि {b} यांच्या हॉकी खेळाडूंनी सराव सत्र पूर्ण केले",
    "{a} आणि {b} यांच्या विद्यार्थ्यांनी शाळेच्या मैदानावर कवायत केली",
    "{a} आणि {b} यांच्या गायकांनी मैफलीपूर्वी संयुक्त सराव केला",
    "{a} आणि {b} यांच्या विद्यापीठांनी संयुक्त अभ्यास गट स्थापन केला",
    "{a} आणि {b} यांच्या पोलिसांनी पर्यटनस्थळी गस्त वाढवली",
    "{a} आणि {b} यांच्यात नागरी संरक्षण प्रशिक्षणावर संवाद झाला",
    "{a}च्या कंपनीने {b}च्या बाजारात यूएसबी चार्जर विकले",
    "हिंदुस्तान युनिलिव्हरने {b}मधील कंपनीशी व्यापार करार केला",
    "हिंदुस्थानी संगीताच्या मैफलीत {b}च्या कलाकारांनी संवाद साधला",
]
HI_SECOND = [
    "{a} और {b} के बीच वन संरक्षण समझौता हुआ",
    "{a} और {b} के बीच पर्यावरण रक्षा पर बातचीत हुई",
    "{a} और {b} के बीच व्यापार समझौते पर हस्ताक्षर हुए",
    "{a} और {b} की क्रिकेट टीमों ने साझा अभ्यास किया",
    "{a} और {b} के स्कूली बच्चों ने मैदान में कवायद की",
    "{a} और {b} के विश्वविद्यालयों ने संयुक्त अध्ययन शुरू किया",
    "{a} और {b} के बीच नागरिक सुरक्षा प्रशिक्षण पर संवाद हुआ",
    "{a} और {b} की पुलिस ने पर्यटन स्थलों पर गश्त बढ़ाई",
    "हिंदुस्तान टाइम्स के अनुसार {b} की कंपनी ने {a} में निवेश किया",
]


def _second_senses(lang: str) -> Iterator[Case]:
    mr = lang == "mr"
    names = MR_NAMES if mr else HI_NAMES
    for first, second in PAIRS:
        a, b = names[first][0].nom, names[second][0].nom
        for template in MR_SECOND if mr else HI_SECOND:
            sentence = template.format(a=a, b=b)
            yield sentence, first, second, "", sentence + ("." if mr else "।")


@pytest.mark.parametrize("lang", ["mr", "hi"])
def test_second_senses_stay_silent(default_ruleset: RuleSet, lang: str) -> None:
    cases = list(_second_senses(lang))
    alerted = [f"{label}: {sorted(got)}" for label, _, _, title, text in cases
               if (got := set(default_ruleset.match_text(title, text).rule_ids))]
    assert not alerted, f"{len(alerted)} of {len(cases)}\n" + "\n".join(alerted)


@pytest.mark.parametrize(("title", "text"), [
    ("", "INS Sahyadri took on fuel from a Japanese Navy tanker in the Arabian Sea."),
    ("", "USS Dewey refuelled from an Indian Navy tanker off Chennai on Tuesday."),
    ("", "海上自衛隊の護衛艦が米海軍の補給艦から洋上給油を受けた。"),
    ("", "インド海軍の艦艇が海上自衛隊の補給艦から給油を受けた。"),
])
def test_one_navy_fuelled_by_the_other_in_every_language(default_ruleset: RuleSet,
                                                         title: str, text: str) -> None:
    got = set(default_ruleset.match_text(title, text).rule_ids)
    assert "bilateral-defence" in got, got
