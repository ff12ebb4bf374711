"""A matrix of Marathi and Hindi sentences by their *words*: what a writer free of any style
guide uses for each act and for the states (test_marathi_hindi_matrix.py has the
constructions, test_marathi_hindi_styles.py the page layouts, test_marathi_hindi_names.py
the people, forces, exercises and pacts by name). Every act is told with the synonyms of
its noun and verb (चर्चा / बोलणी / संवाद / वार्तालाप / भेटीगाठी / गाठीभेटी / बैठक; करार /
सामंजस्य करार / MoU / शिक्कामोर्तब / अंमलबजावणी / मोहोर; सराव / युद्धसराव / कवायती / अभ्यास /
ड्रिल / एक्सरसाइज / गस्त; साझा अभ्यास) in the compound verbs of every tense and mood (पार
पडली, संपन्न झाली, रंगली, सुरू झाला, समारोप झाला, आटोपला, होणार आहे, केली गेली, झाल्याची
माहिती), with the states in every case ending and naming (यूएस, यूएसए, हिंदुस्थान,
आस्ट्रेलिया, भारत आणि जपानदरम्यान, उभय देश, the "with" first), under a headline, a
neutral one, one naming the pair, or none. Each report must get its pair's topic and
bilateral-defence, and no other pair's topic. Texts written for these tests."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from bot.rules import RuleSet
from tests.bot.rules.words import (
    HI_BETWEEN,
    HI_NAMES,
    HI_SUBJECT,
    MR_BETWEEN,
    MR_NAMES,
    MR_SUBJECT,
    PAIRS,
    STYLES,
    Case,
    check,
    hi_forms,
    mr_forms,
    report,
)

MR_HAPPENED = [
    "संरक्षणविषयक चर्चा पार पडली", "संरक्षण सहकार्यावर बोलणी झाली",
    "संरक्षणमंत्री स्तरावरील संवाद झाला", "संरक्षणमंत्र्यांची भेट झाली",
    "संरक्षणमंत्र्यांच्या भेटीगाठी झाल्या", "उच्चस्तरीय संरक्षण बैठक संपन्न झाली",
    "संरक्षण सहकार्यावर वार्तालाप झाला", "संरक्षणमंत्र्यांची दूरध्वनीवरून चर्चा झाली",
    "संरक्षणमंत्र्यांमध्ये फोनवरून संवाद झाला", "संरक्षणमंत्र्यांची व्हिडिओ कॉलवरून चर्चा झाली",
    "संरक्षण संवादाची पाचवी फेरी रंगली", "संरक्षण धोरण संवादाला सुरुवात झाली",
    "संरक्षण चर्चेचा समारोप झाला", "संरक्षणमंत्र्यांची बैठक होणार आहे",
    "संरक्षण विषयक बोलणी आज होत आहेत", "संरक्षणमंत्र्यांची बैठक घेण्यात आली",
    "संरक्षण सहकार्यावर सविस्तर चर्चा केली गेली", "२+२ संवाद पार पडला",
    "टू प्लस टू मंत्रिस्तरीय चर्चा झाली", "संरक्षण सहकार्य करार झाला",
    "संरक्षण सामंजस्य करारावर स्वाक्षऱ्या झाल्या", "संरक्षण क्षेत्रातील सामंजस्य करार झाला",
    "लष्करी रसद पुरवठा करारावर शिक्कामोर्तब झाले", "परस्पर रसद पुरवठा करार लागू झाला",
    "संरक्षण कराराची अंमलबजावणी सुरू झाली", "संरक्षण उपकरण हस्तांतर करार झाला",
    "संरक्षण करारावर सह्या झाल्या", "नवा संरक्षण करार होणार आहे",
    "संरक्षण करारावर स्वाक्षरी करण्यात आली", "संरक्षण सहकार्य करार अंमलात आला",
    "संयुक्त नौदल सराव सुरू झाला", "संयुक्त युद्धसराव रंगला",
    "संयुक्त लष्करी कवायती पार पडल्या", "नौदलांचा संयुक्त अभ्यास सुरू झाला",
    "हवाई दलांचा संयुक्त ड्रिल पार पडला", "संयुक्त लष्करी एक्सरसाइज सुरू झाली",
    "संयुक्त नौदल सरावाला प्रारंभ झाला", "संयुक्त नौदल सरावाचा समारोप झाला",
    "संयुक्त सागरी सराव संपला", "दोन आठवड्यांचा संयुक्त लष्करी सराव होणार आहे",
    "संयुक्त युद्धसराव आयोजित करण्यात आला", "वायुसेनांचा संयुक्त सराव सुरू आहे",
    "नौदलांचा युद्धाभ्यास सुरू झाला", "संयुक्त लष्करी सराव यशस्वीरीत्या पार पडला",
    "लष्करांच्या संयुक्त प्रशिक्षणाला सुरुवात झाली", "संयुक्त लष्करी सरावाची सांगता झाली",
    "संरक्षण सहकार्य करार पक्का झाला", "संरक्षण करारावर मोहोर उमटली",
    "संरक्षण सहकार्य करार अस्तित्वात आला", "संरक्षण सहकार्य कराराला मान्यता मिळाली",
    "संयुक्त नौदल सरावाचे उद्घाटन झाले", "संयुक्त युद्धसरावास आरंभ झाला",
    "संयुक्त लष्करी सराव आटोपला", "संयुक्त नौदल सरावाचा पहिला टप्पा पूर्ण झाला",
    "संरक्षण चर्चा फलदायी ठरली", "संरक्षणमंत्र्यांची बैठक यशस्वी झाली",
    "संरक्षणमंत्र्यांच्या गाठीभेटी झाल्या", "संरक्षण करार झाल्याची माहिती मंत्रालयाने दिली",
    "संरक्षण विषयक चर्चा झाल्याचे सांगण्यात आले", "संयुक्त लष्करी सराव नुकताच पार पडला",
    "संयुक्त नौदल सराव येत्या सोमवारपासून सुरू होईल", "संरक्षण सहकार्य करार करण्यात येणार आहे",
    "संरक्षण सहकार्य वाढवण्यावर एकमत झाले", "संरक्षण सहकार्य वाढवण्यावर सहमती झाली",
]
MR_DID = [
    "संरक्षण सहकार्यावर चर्चा केली", "संरक्षणविषयक बोलणी केली", "संरक्षणविषयक मुद्द्यांवर फोनवरून संवाद साधला",
    "दूरध्वनीवरून संरक्षण सहकार्यावर चर्चा केली", "व्हिडिओ कॉलद्वारे संरक्षण विषयांवर चर्चा केली",
    "संरक्षण सहकार्य करार केला", "संरक्षण करारावर स्वाक्षरी केली",
    "संरक्षण सामंजस्य करारावर स्वाक्षऱ्या केल्या", "लष्करी रसद करारावर शिक्कामोर्तब केले",
    "संयुक्त नौदल सराव केला", "संयुक्त युद्धसराव सुरू केला", "संयुक्त लष्करी कवायती केल्या",
    "संयुक्त नौदल सराव पूर्ण केला", "संयुक्त लष्करी सराव करणार आहे",
    "संयुक्त नौदल सराव पार पाडला", "संरक्षण सहकार्य करार लागू केला",
    "संरक्षण सहकार्याचा आढावा घेतला", "संरक्षण संबंध दृढ करण्यावर भर दिला",
    "संरक्षण सहकार्य वाढवण्याचा निर्णय घेतला", "संयुक्त युद्धसराव करण्याचे ठरवले",
    "संरक्षणविषयक वाटाघाटी केल्या", "संयुक्त सागरी गस्त घातली",
    "हवाई दलांचा संयुक्त सराव सुरू केला आहे", "संरक्षण करार करण्यात आला",
    "संरक्षण सहकार्य करार पक्का केला", "संरक्षण करारावर सही केली",
    "संयुक्त नौदल सरावात सहभाग घेतला", "संयुक्त लष्करी सरावाचे आयोजन केले",
    "संरक्षण सहकार्य वाढवण्याची ग्वाही दिली", "संरक्षण सहकार्याबाबत सहमती दर्शवली",
    "संयुक्त युद्धसराव करण्याचे मान्य केले", "संरक्षण सहकार्याला चालना देण्याचे ठरवले",
    "संरक्षण करार अमलात आणला", "संयुक्त सागरी सराव यशस्वीपणे पूर्ण केला",
]

HI_HAPPENED = [
    "रक्षा वार्ता संपन्न हुई", "रक्षा सहयोग पर बातचीत हुई", "रक्षा मंत्रियों की बैठक हुई",
    "रक्षा मंत्रियों की भेंटवार्ता हुई", "रक्षा मंत्रियों की फोन पर बातचीत हुई",
    "रक्षा मंत्रियों की वीडियो कॉल पर चर्चा हुई", "रक्षा मंत्रियों की मुलाकात हुई",
    "रक्षा संवाद का पांचवां दौर हुआ", "रक्षा नीति वार्ता शुरू हुई", "2+2 वार्ता संपन्न हुई",
    "रक्षा सहयोग समझौता हुआ", "रक्षा समझौते पर हस्ताक्षर हुए", "रक्षा एमओयू पर दस्तखत किए गए",
    "रसद सहायता समझौता लागू हुआ", "रक्षा समझौते पर मुहर लगी", "रक्षा समझौता होगा",
    "संयुक्त सैन्य अभ्यास शुरू हुआ", "संयुक्त युद्धाभ्यास का आगाज हुआ",
    "संयुक्त नौसैनिक अभ्यास संपन्न हुआ", "संयुक्त नौसेना अभ्यास का समापन हुआ",
    "संयुक्त सैन्य अभ्यास होगा", "रक्षा वार्ता आयोजित की गई", "वायुसेनाओं की संयुक्त ड्रिल हुई",
    "संयुक्त सैन्य एक्सरसाइज शुरू हुई", "सेनाओं का साझा युद्धाभ्यास चल रहा है",
    "रक्षा मंत्रियों के बीच टेलीफोन पर वार्ता हुई", "रक्षा साझेदारी पर विचार-विमर्श हुआ",
    "रक्षा समझौता पक्का हुआ", "रक्षा समझौते को मंजूरी मिली", "संयुक्त सैन्य अभ्यास का शुभारंभ हुआ",
    "संयुक्त नौसैनिक अभ्यास का पहला चरण पूरा हुआ", "रक्षा वार्ता सफल रही",
    "रक्षा समझौता होने की जानकारी मंत्रालय ने दी", "संयुक्त सैन्य अभ्यास हाल ही में संपन्न हुआ",
    "संयुक्त नौसैनिक अभ्यास अगले सोमवार से शुरू होगा", "रक्षा सहयोग बढ़ाने पर सहमति बनी",
    "रक्षा सहयोग बढ़ाने पर आम सहमति हुई",
]
HI_DID = [
    "रक्षा सहयोग पर बातचीत की", "फोन पर रक्षा मुद्दों पर बात की", "रक्षा समझौते पर हस्ताक्षर किए",
    "रक्षा एमओयू पर दस्तखत किए", "संयुक्त सैन्य अभ्यास किया", "संयुक्त युद्धाभ्यास शुरू किया",
    "संयुक्त नौसैनिक अभ्यास पूरा किया", "संयुक्त सैन्य अभ्यास करेगा",
    "रक्षा सहयोग की समीक्षा की", "रक्षा संबंध मजबूत करने का फैसला किया",
    "रक्षा सहयोग बढ़ाने पर सहमति जताई", "रक्षा वार्ता की",
    "वीडियो कॉल के जरिए रक्षा सहयोग पर चर्चा की", "साझा नौसैनिक गश्त की",
    "रक्षा समझौते पर मुहर लगाई", "संयुक्त सैन्य अभ्यास में हिस्सा लिया",
    "रक्षा सहयोग बढ़ाने का भरोसा दिलाया", "संयुक्त युद्धाभ्यास करने पर रजामंदी जताई",
    "रक्षा सहयोग को बढ़ावा देने का निर्णय लिया", "संयुक्त नौसैनिक अभ्यास सफलतापूर्वक पूरा किया",
]


def _acts(lang: str) -> Iterator[Case]:
    """Every act's words in every frame, the pair, its namings and the style turning."""
    names, forms = (MR_NAMES, mr_forms) if lang == "mr" else (HI_NAMES, hi_forms)
    between, subject = (MR_BETWEEN, MR_SUBJECT) if lang == "mr" else (HI_BETWEEN, HI_SUBJECT)
    happened, did = (MR_HAPPENED, MR_DID) if lang == "mr" else (HI_HAPPENED, HI_DID)
    pairs = itertools.cycle(PAIRS)
    styles = itertools.cycle(STYLES)
    turn = itertools.count()
    for table, preds in ((between, happened), (subject, did)):
        for (how, frame), pred in itertools.product(table.items(), preds):
            first, second = next(pairs)
            k = next(turn)
            na, nb = names[first], names[second]
            a, b = forms(na[k % len(na)]), forms(nb[(k // 3) % len(nb)])
            style = next(styles)
            title, text = report(lang, style, a, b, frame(a, b, pred))
            yield f"{how} / {pred} / {a['nom']}, {b['nom']} / {style}", first, second, title, text


def _namings(lang: str) -> Iterator[Case]:
    """Every naming of every state in every pair, with a few acts."""
    names, forms = (MR_NAMES, mr_forms) if lang == "mr" else (HI_NAMES, hi_forms)
    between, subject = (MR_BETWEEN, MR_SUBJECT) if lang == "mr" else (HI_BETWEEN, HI_SUBJECT)
    happened, did = (MR_HAPPENED, MR_DID) if lang == "mr" else (HI_HAPPENED, HI_DID)
    frames = itertools.cycle([("b", h, f) for h, f in between.items()]
                             + [("s", h, f) for h, f in subject.items()])
    styles = itertools.cycle(STYLES)
    turn = itertools.count(7)
    for first, second in PAIRS:
        for na, nb in itertools.product(names[first], names[second]):
            for _ in range(3):
                kind, how, frame = next(frames)
                k = next(turn)
                pred = (happened if kind == "b" else did)[k * 7 % len(happened if kind == "b"
                                                                      else did)]
                a, b = forms(na), forms(nb)
                style = next(styles)
                title, text = report(lang, style, a, b, frame(a, b, pred))
                yield (f"naming {na.nom}/{nb.nom} / {how} / {pred} / {style}", first, second,
                       title, text)


@pytest.mark.parametrize("lang", ["mr", "hi"])
def test_every_act_in_its_synonyms_and_compound_verbs(default_ruleset: RuleSet,
                                                      lang: str) -> None:
    cases = list(_acts(lang))
    assert len(cases) > 200
    failed = check(default_ruleset, cases)
    assert not failed, f"{len(failed)} of {len(cases)}\n" + "\n".join(failed)


@pytest.mark.parametrize("lang", ["mr", "hi"])
def test_every_naming_of_every_state(default_ruleset: RuleSet, lang: str) -> None:
    cases = list(_namings(lang))
    assert len(cases) > 100
    failed = check(default_ruleset, cases)
    assert not failed, f"{len(failed)} of {len(cases)}\n" + "\n".join(failed)


# each state's people and forces as a free writer names them: the minister with the office
# in its spellings, the minister by name alone in other transliterations, a service chief
# by his one-word office, the forces in their own and in English words


# a wish that closes a sentence which first reports the act is said of what was done: the
# two talked, and hoped or said what should follow; the same wish with no act before it,
# or an act itself still wished (करार केला जावा, चर्चा केली पाहिजे), reports nothing
@pytest.mark.parametrize(("text", "expected"), [
    ("अमेरिकेच्या संरक्षणमंत्र्यांनी जपानच्या संरक्षणमंत्र्यांशी चर्चा केली आणि तळाच्या "
     "स्थलांतरात प्रगती व्हावी, अशी अपेक्षा व्यक्त केली.", {"us-japan", "bilateral-defence"}),
    ("भारत आणि ऑस्ट्रेलिया यांच्या संरक्षणमंत्र्यांची बैठक झाली आणि सराव वाढवावा, असे "
     "दोघांनी सांगितले.", {"india-australia", "bilateral-defence"}),
    ("भारत और जापान के रक्षा मंत्रियों ने बातचीत की और कहा कि सहयोग बढ़ना चाहिए।",
     {"india-japan", "bilateral-defence"}),
    ("日米防衛相は会談し、同盟の抑止力を強化すべきだ。", {"us-japan", "bilateral-defence"}),
    ("भारत आणि जपान यांच्यात संरक्षण करार व्हावा, अशी अपेक्षा व्यक्त केली.", set()),
    ("भारत आणि जपान यांनी संरक्षण करार केला जावा.", set()),
    ("भारत आणि जपान यांच्या संरक्षणमंत्र्यांनी चर्चा केली पाहिजे.", set()),
    ("भारत और जापान के बीच रक्षा समझौता किया जाना चाहिए।", set()),
    ("日米防衛相は同盟の抑止力を強化すべきだ。", set()),
])
def test_a_wish_after_the_act_reported(default_ruleset: RuleSet, text: str,
                                       expected: set[str]) -> None:
    assert set(default_ruleset.match_text("", text).rule_ids) == expected
