"""A matrix of Marathi and Hindi reports, written for these tests: every watched pair and two
others (India-France, Japan-Philippines), each in both orders, times eleven acts (a
ministers' call, a meeting, talks, a 2+2, a pact signed and in force, an exercise begun,
held and ended, staff talks, a joint statement), times twelve ways of naming the two (आणि /
और with यांच्यात / के बीच, the two as subject, -ने with -शी / -सोबत / -बरोबर / से / के
साथ, their ministers, adjectives of their navies, capitals, forces named in full, a
hyphenated pair, one state the venue, -च्या ... -मध्ये), told in the past, the perfect,
the passive or the future, and wrapped as a headline over the report, wire copy, reported
speech, a caption, a report under a neutral or missing headline, or the act told only in
the second paragraph. Each report must get its pair's topic and bilateral-defence, and no
other pair's topic.

A future act told only in the body under a top naming one state is no statement of two
states that no pair rule watches (bilateral-defence asks such a body sentence to tell the
act as done); the matrix leaves those out."""

from __future__ import annotations

import itertools

import pytest

from bot.rules import RuleSet
from tests.bot.rules.helpers import PAIR_TOPICS, WATCHED

PAIRS = [("india", "japan"), ("japan", "india"), ("india", "us"), ("us", "india"),
         ("india", "australia"), ("australia", "india"), ("us", "japan"), ("japan", "us"),
         ("japan", "australia"), ("australia", "japan"), ("india", "france"),
         ("japan", "philippines")]
KEYS = ("nom", "erg", "shi", "sobat", "barobar", "gen", "loc", "adj", "cap", "navy")

# the case forms of each state: nominative, ergative (-ने), with (-शी / से), with (-सोबत /
# के साथ), with (-बरोबर), genitive, locative, adjective, capital, its navy
MR = {name: dict(zip(KEYS, forms, strict=True)) for name, forms in {
    "india": ("भारत", "भारताने", "भारताशी", "भारतासोबत", "भारताबरोबर", "भारताच्या", "भारतात",
              "भारतीय", "नवी दिल्ली", "भारतीय नौदल"),
    "japan": ("जपान", "जपानने", "जपानशी", "जपानसोबत", "जपानबरोबर", "जपानच्या", "जपानमध्ये",
              "जपानी", "टोकियो", "जपानी सागरी स्वसंरक्षण दल"),
    "us": ("अमेरिका", "अमेरिकेने", "अमेरिकेशी", "अमेरिकेसोबत", "अमेरिकेबरोबर", "अमेरिकेच्या",
           "अमेरिकेत", "अमेरिकी", "वॉशिंग्टन", "अमेरिकन नौदल"),
    "australia": ("ऑस्ट्रेलिया", "ऑस्ट्रेलियाने", "ऑस्ट्रेलियाशी", "ऑस्ट्रेलियासोबत",
                  "ऑस्ट्रेलियाबरोबर", "ऑस्ट्रेलियाच्या", "ऑस्ट्रेलियात", "ऑस्ट्रेलियन",
                  "कॅनबेरा", "रॉयल ऑस्ट्रेलियन नेव्ही"),
    "france": ("फ्रान्स", "फ्रान्सने", "फ्रान्सशी", "फ्रान्ससोबत", "फ्रान्सबरोबर", "फ्रान्सच्या",
               "फ्रान्समध्ये", "फ्रेंच", "पॅरिस", "फ्रेंच नौदल"),
    "philippines": ("फिलिपाइन्स", "फिलिपाइन्सने", "फिलिपाइन्सशी", "फिलिपाइन्ससोबत",
                    "फिलिपाइन्सबरोबर", "फिलिपाइन्सच्या", "फिलिपाइन्समध्ये", "फिलिपाइन्सच्या",
                    "मनिला", "फिलिपाइन्सचे नौदल"),
}.items()}
HI = {name: dict(zip(KEYS, forms, strict=True)) for name, forms in {
    "india": ("भारत", "भारत ने", "भारत से", "भारत के साथ", "", "भारत के", "भारत में",
              "भारतीय", "नई दिल्ली", "भारतीय नौसेना"),
    "japan": ("जापान", "जापान ने", "जापान से", "जापान के साथ", "", "जापान के", "जापान में",
              "जापानी", "टोक्यो", "जापानी समुद्री आत्मरक्षा बल"),
    "us": ("अमेरिका", "अमेरिका ने", "अमेरिका से", "अमेरिका के साथ", "", "अमेरिका के",
           "अमेरिका में", "अमेरिकी", "वॉशिंगटन", "अमेरिकी नौसेना"),
    "australia": ("ऑस्ट्रेलिया", "ऑस्ट्रेलिया ने", "ऑस्ट्रेलिया से", "ऑस्ट्रेलिया के साथ", "",
                  "ऑस्ट्रेलिया के", "ऑस्ट्रेलिया में", "ऑस्ट्रेलियाई", "कैनबरा",
                  "रॉयल ऑस्ट्रेलियाई नौसेना"),
    "france": ("फ्रांस", "फ्रांस ने", "फ्रांस से", "फ्रांस के साथ", "", "फ्रांस के",
               "फ्रांस में", "फ्रांसीसी", "पेरिस", "फ्रांसीसी नौसेना"),
    "philippines": ("फिलीपींस", "फिलीपींस ने", "फिलीपींस से", "फिलीपींस के साथ", "",
                    "फिलीपींस के", "फिलीपींस में", "फिलीपीनी", "मनीला", "फिलीपींस की नौसेना"),
}.items()}

# each act: a headline's noun phrase; what the two did (the verb after "A-ने B-शी") and what
# happened between them, by tense
Act = tuple[str, dict[str, str], dict[str, str]]
MR_ACTS: dict[str, Act] = {
    "call": ("संरक्षणमंत्र्यांची दूरध्वनीवरून चर्चा",
             {"past": "संरक्षणमंत्री स्तरावर फोनवरून चर्चा केली",
              "perfect": "फोनवरून संरक्षण सहकार्यावर चर्चा केली आहे"},
             {"past": "संरक्षणमंत्र्यांची फोनवरून चर्चा झाली",
              "future": "संरक्षणमंत्र्यांची फोनवरून चर्चा होणार आहे",
              "passive": "संरक्षणमंत्र्यांची दूरध्वनीवरून चर्चा घडवून आणण्यात आली"}),
    "meeting": ("संरक्षणमंत्र्यांची बैठक",
                {"past": "संरक्षण सहकार्यावर उच्चस्तरीय बैठक घेतली",
                 "perfect": "संरक्षण सहकार्यावर बैठक घेतली आहे"},
                {"past": "संरक्षणमंत्र्यांची बैठक झाली",
                 "future": "संरक्षणमंत्र्यांची बैठक होणार आहे",
                 "passive": "संरक्षणमंत्र्यांची बैठक आयोजित करण्यात आली"}),
    "talks": ("संरक्षण चर्चा",
              {"past": "संरक्षण सहकार्यावर चर्चा केली",
               "perfect": "संरक्षण सहकार्यावर चर्चा केली आहे"},
              {"past": "संरक्षण चर्चा झाली", "future": "संरक्षण चर्चा होणार आहे",
               "passive": "संरक्षण चर्चेची फेरी घेण्यात आली"}),
    "2+2": ("२+२ संवाद",
            {"past": "२+२ मंत्रिस्तरीय संवादात संरक्षण सहकार्याचा आढावा घेतला",
             "perfect": "२+२ संवादात सहकार्याचा आढावा घेतला आहे"},
            {"past": "२+२ मंत्रिस्तरीय संवाद पार पडला",
             "future": "२+२ मंत्रिस्तरीय संवाद होणार आहे",
             "passive": "२+२ मंत्रिस्तरीय संवाद आयोजित करण्यात आला"}),
    "signed": ("लष्करी रसद करार",
               {"past": "लष्करी रसद पुरवठा करारावर स्वाक्षऱ्या केल्या",
                "perfect": "संरक्षण करारावर स्वाक्षरी केली आहे"},
               {"past": "संरक्षण सहकार्य करार झाला", "future": "संरक्षण सहकार्य करार होणार आहे",
                "passive": "लष्करी रसद पुरवठा करारावर स्वाक्षऱ्या करण्यात आल्या"}),
    "in force": ("लष्करी रसद करार लागू",
                 {"past": "लष्करी रसद पुरवठा करार लागू केला",
                  "perfect": "संरक्षण सहकार्य करार लागू केला आहे"},
                 {"past": "लष्करी रसद पुरवठा करार आजपासून लागू झाला",
                  "future": "लष्करी रसद पुरवठा करार पुढील महिन्यापासून लागू होणार आहे",
                  "passive": "लष्करी रसद पुरवठा करार अमलात आणण्यात आला"}),
    "exercise begun": ("संयुक्त नौदल सरावाला सुरुवात",
                       {"past": "संयुक्त नौदल सराव सुरू केला",
                        "perfect": "संयुक्त नौदल सराव सुरू केला आहे"},
                       {"past": "संयुक्त नौदल सरावाला सुरुवात झाली",
                        "future": "संयुक्त नौदल सराव सुरू होणार आहे",
                        "passive": "संयुक्त नौदल सरावाला प्रारंभ करण्यात आला"}),
    "exercise held": ("संयुक्त लष्करी कवायत",
                      {"past": "संयुक्त लष्करी कवायत केली",
                       "perfect": "संयुक्त युद्धसराव केला आहे"},
                      {"past": "संयुक्त लष्करी सराव पार पडला",
                       "future": "संयुक्त लष्करी सराव होणार आहे",
                       "passive": "संयुक्त लष्करी सराव आयोजित करण्यात आला"}),
    "exercise ended": ("हवाई दलांच्या संयुक्त सरावाचा समारोप",
                       {"past": "हवाई दलांचा संयुक्त सराव पूर्ण केला",
                        "perfect": "हवाई दलांचा संयुक्त सराव पूर्ण केला आहे"},
                       {"past": "हवाई दलांच्या संयुक्त सरावाचा समारोप झाला",
                        "future": "हवाई दलांच्या संयुक्त सरावाचा समारोप होणार आहे",
                        "passive": "हवाई दलांच्या संयुक्त सरावाचा समारोप करण्यात आला"}),
    "staff talks": ("नौदल स्टाफ चर्चा",
                    {"past": "नौदल स्टाफ स्तरावरील चर्चा केली",
                     "perfect": "नौदल स्टाफ चर्चा केली आहे"},
                    {"past": "नौदल स्टाफ स्तरावरील चर्चा झाली",
                     "future": "नौदल स्टाफ स्तरावरील चर्चा होणार आहे",
                     "passive": "नौदल स्टाफ चर्चेची बारावी फेरी घेण्यात आली"}),
    "joint statement": ("संरक्षण सहकार्यावर संयुक्त निवेदन",
                        {"past": "संरक्षण सहकार्यावर संयुक्त निवेदन जारी केले",
                         "perfect": "संरक्षण सहकार्यावर संयुक्त निवेदन जारी केले आहे"},
                        {"past": "संरक्षण सहकार्यावर संयुक्त निवेदन जारी झाले",
                         "future": "संरक्षण सहकार्यावर संयुक्त निवेदन जारी होणार आहे",
                         "passive": "संरक्षण सहकार्यावर संयुक्त निवेदन प्रसिद्ध करण्यात आले"}),
}
HI_ACTS: dict[str, Act] = {
    "call": ("रक्षा मंत्रियों की फोन पर बातचीत",
             {"past": "रक्षा मंत्री स्तर पर फोन पर बातचीत की",
              "perfect": "फोन पर रक्षा सहयोग पर बातचीत की है"},
             {"past": "रक्षा मंत्रियों की फोन पर बातचीत हुई",
              "future": "रक्षा मंत्रियों की फोन पर बातचीत होगी",
              "passive": "रक्षा मंत्रियों की टेलीफोन वार्ता आयोजित की गई"}),
    "meeting": ("रक्षा मंत्रियों की बैठक",
                {"past": "रक्षा सहयोग पर उच्चस्तरीय बैठक की",
                 "perfect": "रक्षा सहयोग पर बैठक की है"},
                {"past": "रक्षा मंत्रियों की बैठक हुई", "future": "रक्षा मंत्रियों की बैठक होगी",
                 "passive": "रक्षा मंत्रियों की बैठक आयोजित की गई"}),
    "talks": ("रक्षा वार्ता",
              {"past": "रक्षा सहयोग पर वार्ता की", "perfect": "रक्षा सहयोग पर वार्ता की है"},
              {"past": "रक्षा वार्ता हुई", "future": "रक्षा वार्ता होगी",
               "passive": "रक्षा वार्ता का दौर आयोजित किया गया"}),
    "2+2": ("2+2 वार्ता",
            {"past": "2+2 मंत्रिस्तरीय वार्ता में रक्षा सहयोग की समीक्षा की",
             "perfect": "2+2 वार्ता में सहयोग की समीक्षा की है"},
            {"past": "2+2 मंत्रिस्तरीय वार्ता हुई", "future": "2+2 मंत्रिस्तरीय वार्ता होगी",
             "passive": "2+2 मंत्रिस्तरीय वार्ता आयोजित की गई"}),
    "signed": ("सैन्य रसद समझौता",
               {"past": "सैन्य रसद सहायता समझौते पर हस्ताक्षर किए",
                "perfect": "रक्षा समझौते पर हस्ताक्षर किए हैं"},
               {"past": "रक्षा सहयोग समझौता हुआ", "future": "रक्षा सहयोग समझौता होगा",
                "passive": "सैन्य रसद सहायता समझौते पर हस्ताक्षर किए गए"}),
    "in force": ("सैन्य रसद समझौता लागू",
                 {"past": "सैन्य रसद समझौता लागू किया",
                  "perfect": "रक्षा सहयोग समझौता लागू किया है"},
                 {"past": "सैन्य रसद समझौता आज से लागू हो गया",
                  "future": "सैन्य रसद समझौता अगले महीने से लागू होगा",
                  "passive": "सैन्य रसद समझौता प्रभावी किया गया"}),
    "exercise begun": ("संयुक्त नौसैनिक अभ्यास शुरू",
                       {"past": "संयुक्त नौसैनिक अभ्यास शुरू किया",
                        "perfect": "संयुक्त नौसैनिक अभ्यास शुरू किया है"},
                       {"past": "संयुक्त नौसैनिक अभ्यास शुरू हुआ",
                        "future": "संयुक्त नौसैनिक अभ्यास शुरू होगा",
                        "passive": "संयुक्त नौसैनिक अभ्यास शुरू किया गया"}),
    "exercise held": ("संयुक्त सैन्य अभ्यास",
                      {"past": "संयुक्त सैन्य अभ्यास किया", "perfect": "संयुक्त युद्धाभ्यास किया है"},
                      {"past": "संयुक्त सैन्य अभ्यास हुआ", "future": "संयुक्त सैन्य अभ्यास होगा",
                       "passive": "संयुक्त सैन्य अभ्यास आयोजित किया गया"}),
    "exercise ended": ("वायुसेनाओं का संयुक्त अभ्यास संपन्न",
                       {"past": "वायुसेनाओं का संयुक्त अभ्यास पूरा किया",
                        "perfect": "वायुसेनाओं का संयुक्त अभ्यास पूरा किया है"},
                       {"past": "वायुसेनाओं का संयुक्त अभ्यास संपन्न हुआ",
                        "future": "वायुसेनाओं का संयुक्त अभ्यास संपन्न होगा",
                        "passive": "वायुसेनाओं के संयुक्त अभ्यास का समापन किया गया"}),
    "staff talks": ("नौसेना स्टाफ वार्ता",
                    {"past": "नौसेना स्टाफ स्तर की वार्ता की",
                     "perfect": "नौसेना स्टाफ वार्ता की है"},
                    {"past": "नौसेना स्टाफ स्तर की वार्ता हुई",
                     "future": "नौसेना स्टाफ स्तर की वार्ता होगी",
                     "passive": "नौसेना स्टाफ वार्ता का बारहवां दौर आयोजित किया गया"}),
    "joint statement": ("रक्षा सहयोग पर संयुक्त बयान",
                        {"past": "रक्षा सहयोग पर संयुक्त बयान जारी किया",
                         "perfect": "रक्षा सहयोग पर संयुक्त बयान जारी किया है"},
                        {"past": "रक्षा सहयोग पर संयुक्त बयान जारी हुआ",
                         "future": "रक्षा सहयोग पर संयुक्त बयान जारी होगा",
                         "passive": "रक्षा सहयोग पर संयुक्त बयान जारी किया गया"}),
}

CONSTRUCTIONS = ("and-between", "and-subject", "with-shi", "with-sobat", "with-barobar",
                 "ministers", "navies", "capitals", "forces", "hyphen", "venue",
                 "genitive-between")
TENSES = ("past", "perfect", "passive", "future")
STYLES = ("headline", "no headline", "neutral headline", "wire", "wire, no headline",
          "reported", "reported before", "second paragraph", "headline only", "caption")


Sides = tuple[dict[str, str], dict[str, str]]


def _clause(lang: str, how: str, sides: Sides, act: Act, tense: str) -> str | None:
    """The sentence telling the act, or None when the construction has no such form."""
    a, b = sides
    did, happened = act[1].get(tense), act[2].get(tense)
    mr = lang == "mr"
    forms: dict[str, str | None] = {
        "and-between": happened and (f"{a['nom']} आणि {b['nom']} यांच्यात {happened}" if mr
                                     else f"{a['nom']} और {b['nom']} के बीच {happened}"),
        "and-subject": did and (f"{a['nom']} आणि {b['nom']} यांनी {did}" if mr
                                else f"{a['nom']} और {b['nom']} ने {did}"),
        "with-shi": did and f"{a['erg']} {b['shi']} {did}",
        "with-sobat": did and f"{a['erg']} {b['sobat']} {did}",
        "with-barobar": f"{a['erg']} {b['barobar']} {did}" if did and mr else None,
        "ministers": did and (
            f"{a['gen']} संरक्षणमंत्र्यांनी {b['gen']} संरक्षणमंत्र्यांसोबत {did}" if mr
            else f"{a['gen']} रक्षा मंत्री ने {b['gen']} रक्षा मंत्री के साथ {did}"),
        "navies": did and (f"{a['adj']} आणि {b['adj']} नौदलांनी {did}" if mr
                           else f"{a['adj']} और {b['adj']} नौसेनाओं ने {did}"),
        "capitals": did and (f"{a['cap']} आणि {b['cap']} यांनी {did}" if mr
                             else f"{a['cap']} और {b['cap']} ने {did}"),
        "forces": did and (f"{a['navy']} आणि {b['navy']} यांनी {did}" if mr
                           else f"{a['navy']} और {b['navy']} ने {did}"),
        "hyphen": happened and f"{a['nom']}-{b['nom']} {happened}",
        "venue": did and (
            f"{b['loc']} {a['gen']} संरक्षणमंत्र्यांनी {b['adj']} संरक्षणमंत्र्यांशी {did}" if mr
            else f"{b['loc']} {a['gen']} रक्षा मंत्री ने {b['adj']} रक्षा मंत्री के साथ {did}"),
        "genitive-between": happened and (
            f"{a['gen']} आणि {b['gen']} नौदलांमध्ये {happened}" if mr
            else f"{a['gen']} और {b['gen']} नौसेनाओं के बीच {happened}"),
    }
    return forms[how]


def _report(lang: str, style: str, sides: Sides, act: Act, sentence: str) -> tuple[str, str]:
    """(headline, text) of a report telling the sentence in the style."""
    a, _ = sides
    mr = lang == "mr"
    end = "." if mr else "।"
    headline = f"{a['nom']}-{sides[1]['nom']} {act[0]}"
    neutral = "संरक्षण सहकार्याला नवी दिशा" if mr else "रक्षा सहयोग को नई दिशा"
    reports = {
        "headline": (headline, sentence + end),
        "no headline": ("", sentence + end),
        "neutral headline": (neutral, sentence + end),
        "wire": (headline, f"{a['cap']}, ता. १२ (वृत्तसंस्था) : {sentence}." if mr
                 else f"{a['cap']}, 12 मार्च (भाषा) : {sentence}।"),
        "wire, no headline": ("", f"{a['cap']} (पीटीआय) – {sentence}." if mr
                              else f"{a['cap']} (पीटीआई) – {sentence}।"),
        "reported": (headline, f"{sentence}, असे संरक्षण मंत्रालयाने सांगितले." if mr
                     else f"रक्षा मंत्रालय ने बताया कि {sentence}।"),
        "reported before": (headline, f"संरक्षण मंत्रालयाने म्हटले आहे की, {sentence}." if mr
                            else f"{sentence}, रक्षा मंत्रालय ने एक बयान में कहा।"),
        "second paragraph": (
            (f"{a['adj']} संरक्षण दलांची तयारी",
             f"हिंदी महासागरातील बदलत्या परिस्थितीवर {a['gen']} संरक्षण मंत्रालयाचे लक्ष "
             f"आहे.\n{sentence}.") if mr else
            (f"{a['adj']} सेनाओं की तैयारी",
             f"हिंद महासागर में बदलती परिस्थितियों पर {a['gen']} रक्षा मंत्रालय की नजर "
             f"है।\n{sentence}।")),
        "headline only": (headline, "दोन्ही देशांच्या अधिकाऱ्यांनी प्रादेशिक सुरक्षेच्या "
                          "मुद्द्यांवर सविस्तर विचारविनिमय केला." if mr else
                          "दोनों देशों के अधिकारियों ने क्षेत्रीय सुरक्षा के मुद्दों पर विस्तार "
                          "से विचार-विमर्श किया।"),
        "caption": ("", f"{headline}\n{sentence}{end}"),
    }
    return reports[style]


def _matrix(lang: str, first: str, second: str) -> list[tuple[str, str, str]]:
    """(label, headline, text) of every report of the pair in the language: each act in
    each construction, in every tense the construction has, in a style that turns with
    them (so that each style meets each act and construction)."""
    states, acts = (MR, MR_ACTS) if lang == "mr" else (HI, HI_ACTS)
    a, b = states[first], states[second]
    watched = frozenset((first, second)) in WATCHED
    out = []
    turn = itertools.cycle(STYLES)
    for (name, act), how, tense in itertools.product(acts.items(), CONSTRUCTIONS, TENSES):
        sentence = _clause(lang, how, (a, b), act, tense)
        style = next(turn)
        if sentence is None or (tense == "future" and style == "second paragraph"
                                and not watched):
            continue
        title, text = _report(lang, style, (a, b), act, sentence)
        out.append((f"{name} / {how} / {tense} / {style}", title, text))
    return out


@pytest.mark.parametrize("lang", ["mr", "hi"])
@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_every_act_named_and_told_every_way(default_ruleset: RuleSet, lang: str,
                                            first: str, second: str) -> None:
    topic = WATCHED.get(frozenset((first, second)))
    expected = {"bilateral-defence"} | ({topic} if topic else set())
    failed = []
    reports = _matrix(lang, first, second)
    for label, title, text in reports:
        got = set(default_ruleset.match_text(title, text).rule_ids)
        if not expected <= got or (got & PAIR_TOPICS) - expected:
            failed.append(f"{label}: {sorted(got)}\n  {title} | {text}")
    assert len(reports) > 100
    assert not failed, "\n".join(failed)
