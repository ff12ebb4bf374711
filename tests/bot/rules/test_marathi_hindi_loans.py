"""Marathi and Hindi reports that name the act in the words a writer chose rather than the
rules' own: English words of the forces in Devanagari (डिफेन्स टॉक्स, जॉइंट नेव्हल
एक्सरसाइज, डिफेन्स ॲग्रीमेंट, मीटिंग, काऊंटरपार्ट), a synonym (विचारविनिमय for चर्चा,
तह for करार, कवायत for सराव), and the mixes of the two (संरक्षण डायलॉग, डिफेन्स करार),
in any case ending (डिफेन्स टॉक्समध्ये, ॲग्रीमेंटवर), for every watched pair in both
orders, named five ways, told as the lead under a neutral headline, under the pair's
headline, or as the headline itself over a body that tells nothing new. Each must get its
pair's topic and bilateral-defence (bot/rules/loans.py).

Beside them, reports of the same shapes that a reader knows are no two states' defence
act: the same loans for trade, business, sport or a firm (ट्रेड डील, बिझनेस मीटिंग,
वाहन डीलर, तेल ड्रिलिंग), one state's own drill, and loans that begin a longer word of
another sense (डीलर, ड्रिलिंग, तहसील). They must stay silent."""

from __future__ import annotations

import itertools

import pytest

from bot.rules import RuleSet
from tests.bot.rules.helpers import PAIR_TOPICS, WATCHED

PAIRS = [("india", "japan"), ("japan", "india"), ("india", "us"), ("us", "india"),
         ("india", "australia"), ("australia", "india"), ("us", "japan"), ("japan", "us"),
         ("japan", "australia"), ("australia", "japan")]
# nominative, ergative, with (-सोबत / के साथ), genitive (-च्या / के)
MR = {"india": ("भारत", "भारताने", "भारतासोबत", "भारताच्या"),
      "japan": ("जपान", "जपानने", "जपानसोबत", "जपानच्या"),
      "us": ("अमेरिका", "अमेरिकेने", "अमेरिकेसोबत", "अमेरिकेच्या"),
      "australia": ("ऑस्ट्रेलिया", "ऑस्ट्रेलियाने", "ऑस्ट्रेलियासोबत", "ऑस्ट्रेलियाच्या")}
HI = {"india": ("भारत", "भारत ने", "भारत के साथ", "भारत के"),
      "japan": ("जापान", "जापान ने", "जापान के साथ", "जापान के"),
      "us": ("अमेरिका", "अमेरिका ने", "अमेरिका के साथ", "अमेरिका के"),
      "australia": ("ऑस्ट्रेलिया", "ऑस्ट्रेलिया ने", "ऑस्ट्रेलिया के साथ", "ऑस्ट्रेलिया के")}

# each act: a headline's noun phrase, what the two did, what happened between them
MR_ACTS = [
    ("जॉइंट नेव्हल एक्सरसाइज", "अरबी समुद्रात जॉइंट नेव्हल एक्सरसाइज केली",
     "अरबी समुद्रात जॉइंट नेव्हल एक्सरसाइज पार पडली"),
    ("नेव्ही ड्रिल", "बंगालच्या उपसागरात संयुक्त नेव्ही ड्रिल पूर्ण केले",
     "बंगालच्या उपसागरात संयुक्त नेव्ही ड्रिल रंगले"),
    ("मिलिटरी एक्सरसाइज", "राजस्थानात संयुक्त मिलिटरी एक्सरसाइज सुरू केली",
     "राजस्थानात संयुक्त मिलिटरी एक्सरसाइजला सुरुवात झाली"),
    ("संयुक्त नौदल कवायती", "संयुक्त नौदल कवायती केल्या", "संयुक्त नौदल कवायती उत्साहात पार पडल्या"),
    ("डिफेन्स टॉक्स", "दिल्लीत डिफेन्स टॉक्स केल्या", "दिल्लीत डिफेन्स टॉक्स झाल्या"),
    ("डिफेन्स डायलॉग", "डिफेन्स डायलॉगची पाचवी फेरी घेतली",
     "डिफेन्स डायलॉगची पाचवी फेरी पार पडली"),
    ("संरक्षण विचारविनिमय", "संरक्षण सहकार्याबाबत विचारविनिमय केला",
     "संरक्षण सहकार्याबाबत सविस्तर विचारविनिमय झाला"),
    ("डिफेन्स मीटिंग", "डिफेन्स मीटिंग घेतली", "डिफेन्स मीटिंग झाली"),
    ("डिफेन्स ॲग्रीमेंट", "डिफेन्स ॲग्रीमेंटवर स्वाक्षऱ्या केल्या",
     "डिफेन्स ॲग्रीमेंटवर स्वाक्षऱ्या झाल्या"),
    ("संरक्षण डील", "संरक्षण डीलवर सह्या केल्या", "संरक्षण डीलवर शिक्कामोर्तब झाले"),
    ("डिफेन्स पार्टनरशिप करार", "डिफेन्स पार्टनरशिप करारावर साइन केले",
     "डिफेन्स पार्टनरशिप करार झाला"),
    ("संरक्षण तह", "संरक्षण सहकार्याचा तह केला", "संरक्षण सहकार्याचा तह झाला"),
    ("मेरिटाइम सिक्युरिटी टॉक्स", "मेरिटाइम सिक्युरिटी टॉक्समध्ये भाग घेतला",
     "मेरिटाइम सिक्युरिटी टॉक्स पार पडल्या"),
]
HI_ACTS = [
    ("जॉइंट नेवल एक्सरसाइज", "अरब सागर में जॉइंट नेवल एक्सरसाइज की",
     "अरब सागर में जॉइंट नेवल एक्सरसाइज हुई"),
    ("मिलिट्री ड्रिल", "राजस्थान में संयुक्त मिलिट्री ड्रिल शुरू की",
     "राजस्थान में संयुक्त मिलिट्री ड्रिल शुरू हुई"),
    ("डिफेंस टॉक्स", "दिल्ली में डिफेंस टॉक्स की", "दिल्ली में डिफेंस टॉक्स हुई"),
    ("डिफेंस डायलॉग", "डिफेंस डायलॉग का पांचवां दौर पूरा किया",
     "डिफेंस डायलॉग का पांचवां दौर संपन्न हुआ"),
    ("रक्षा विचार-विमर्श", "रक्षा सहयोग पर विचार-विमर्श किया", "रक्षा सहयोग पर विचार-विमर्श हुआ"),
    ("डिफेंस मीटिंग", "डिफेंस मीटिंग की", "डिफेंस मीटिंग हुई"),
    ("डिफेंस एग्रीमेंट", "डिफेंस एग्रीमेंट पर हस्ताक्षर किए", "डिफेंस एग्रीमेंट पर हस्ताक्षर हुए"),
    ("रक्षा डील", "रक्षा डील पर साइन किए", "रक्षा डील पर मुहर लगी"),
    ("डिफेंस कोऑपरेशन एग्रीमेंट", "डिफेंस कोऑपरेशन एग्रीमेंट पर दस्तखत किए",
     "डिफेंस कोऑपरेशन एग्रीमेंट हुआ"),
]


def _namings(lang: str, a: tuple[str, ...], b: tuple[str, ...], did: str, happened: str
             ) -> list[str]:
    if lang == "mr":
        return [f"{a[0]} आणि {b[0]} यांनी सोमवारी {did}", f"{a[1]} {b[2]} सोमवारी {did}",
                f"{a[0]} व {b[0]} यांच्यात सोमवारी {happened}",
                f"{a[0]}-{b[0]} दरम्यान सोमवारी {happened}",
                f"{a[3]} आणि {b[3]} संरक्षणमंत्र्यांनी सोमवारी {did}"]
    return [f"{a[0]} और {b[0]} ने सोमवार को {did}", f"{a[1]} {b[2]} सोमवार को {did}",
            f"{a[0]} और {b[0]} के बीच सोमवार को {happened}",
            f"{a[0]}-{b[0]} के बीच सोमवार को {happened}",
            f"{a[3]} और {b[3]} रक्षा मंत्रियों ने सोमवार को {did}"]


def _reports(lang: str, first: str, second: str) -> list[tuple[str, str, str]]:
    states, acts = (MR, MR_ACTS) if lang == "mr" else (HI, HI_ACTS)
    a, b = states[first], states[second]
    end = "." if lang == "mr" else "।"
    neutral = "सहकार्याचा नवा अध्याय" if lang == "mr" else "सहयोग का नया अध्याय"
    body = ("या वेळी दोन्ही देशांचे वरिष्ठ अधिकारी उपस्थित होते." if lang == "mr"
            else "इस मौके पर दोनों देशों के वरिष्ठ अधिकारी मौजूद थे।")
    out = []
    styles = itertools.cycle(("neutral", "pair", "headline"))
    # each act twice round the namings, so that each naming meets each style
    for (noun, did, happened), _ in itertools.product(acts, range(2)):
        for sentence in _namings(lang, a, b, did, happened):
            style = next(styles)
            report = {"neutral": (neutral, sentence + end),
                      "pair": (f"{a[0]}-{b[0]} {noun}", sentence + end),
                      "headline": (sentence, body)}[style]
            out.append((f"{noun} / {style}", *report))
    return out


@pytest.mark.parametrize("lang", ["mr", "hi"])
@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_acts_in_loans_and_synonyms(default_ruleset: RuleSet, lang: str, first: str,
                                    second: str) -> None:
    expected = {"bilateral-defence", WATCHED[frozenset((first, second))]}
    failed = []
    for label, title, text in _reports(lang, first, second):
        got = set(default_ruleset.match_text(title, text).rule_ids)
        if not expected <= got or (got & PAIR_TOPICS) - expected:
            failed.append(f"{label}: {sorted(got)}\n  {title} | {text}")
    assert not failed, "\n".join(failed)


# the same shapes and loans, of trade, business, sport, firms, one state's own forces, and
# loans that begin longer words of other senses
SILENT = [
    ("भारत-जपान ट्रेड डील", "भारत आणि जपान यांच्यात सोमवारी ट्रेड डीलवर सह्या झाल्या."),
    ("भारत-जपान बिझनेस मीटिंग", "भारत आणि जपानच्या उद्योजकांची सोमवारी बिझनेस मीटिंग झाली."),
    ("वाहन डीलरांची बैठक", "भारत आणि जपानच्या वाहन डीलरांनी सोमवारी मुंबईत बैठक घेतली."),
    ("तेल ड्रिलिंग करार", "भारत आणि ऑस्ट्रेलिया यांच्यात सोमवारी समुद्रातील तेल ड्रिलिंगचा करार झाला."),
    ("तहसील कार्यालयात बैठक", "जपानच्या शिष्टमंडळाने भारतातील तहसीलदारांसोबत सोमवारी बैठक घेतली."),
    ("क्रिकेट टॉक्स", "भारत आणि ऑस्ट्रेलिया यांच्या क्रिकेट मंडळांमध्ये सोमवारी मालिकेवर टॉक्स झाले."),
    ("भारतीय नौदलाचे ड्रिल", "भारतीय नेव्हीने सोमवारी मुंबईत स्वतःची फायर सेफ्टी ड्रिल पूर्ण केली."),
    ("जपानी नेव्हीची एक्सरसाइज", "जपानच्या नेव्हीने सोमवारी स्वतःच्या समुद्रात एकटीनेच एक्सरसाइज केली."),
    ("भारत-अमेरिका डेटा करार", "भारत आणि अमेरिका यांच्यात सोमवारी डेटा प्रायव्हसी ॲग्रीमेंट झाले."),
    ("भारत-जपान सोशल सिक्युरिटी करार",
     "भारत आणि जपान यांच्यात सोमवारी सोशल सिक्युरिटी ॲग्रीमेंटवर स्वाक्षऱ्या झाल्या."),
    ("विद्यार्थ्यांची मीटिंग", "भारत आणि जपानच्या विद्यापीठांच्या विद्यार्थ्यांची सोमवारी मीटिंग झाली."),
    ("भारत-जापान ट्रेड डील", "भारत और जापान के बीच सोमवार को ट्रेड डील पर हस्ताक्षर हुए।"),
    ("भारत-अमेरिका बिजनेस मीटिंग", "भारत और अमेरिका की कंपनियों की सोमवार को बिजनेस मीटिंग हुई।"),
    ("ऑयल ड्रिलिंग समझौता", "भारत और ऑस्ट्रेलिया के बीच सोमवार को ऑयल ड्रिलिंग समझौता हुआ।"),
    ("क्रिकेट टॉक्स", "भारत और ऑस्ट्रेलिया के क्रिकेट बोर्डों के बीच सोमवार को टॉक्स हुई।"),
    ("भारतीय नौसेना की ड्रिल", "भारतीय नेवी ने सोमवार को मुंबई में अपनी फायर सेफ्टी ड्रिल पूरी की।"),
]


@pytest.mark.parametrize(("title", "text"), SILENT)
def test_the_same_loans_elsewhere_stay_silent(default_ruleset: RuleSet, title: str,
                                              text: str) -> None:
    assert not default_ruleset.match_text(title, text).rule_ids
