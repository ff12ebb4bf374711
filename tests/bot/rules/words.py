"""The vocabulary matrices' shared parts (test_marathi_hindi_words.py and
test_marathi_hindi_names.py): the states in each way Marathi and Hindi writers name them,
their case forms, the frames that put two states around an act, and the report styles.
Texts written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.rules import RuleSet
from tests.bot.rules.helpers import PAIR_TOPICS, WATCHED

Forms = dict[str, str]
Frame = Callable[[Forms, Forms, str], str]
Case = tuple[str, str, str, str, str]  # label, first, second, title, text

PAIRS = [("india", "japan"), ("japan", "india"), ("india", "us"), ("us", "india"),
         ("india", "australia"), ("australia", "india"), ("us", "japan"), ("japan", "us"),
         ("japan", "australia"), ("australia", "japan"), ("india", "france")]


@dataclass(frozen=True)
class Name:
    """One way of writing a state: its nominative, the stem its Marathi endings take (or,
    in Hindi, the word before the postposition) and its adjective."""

    nom: str
    obl: str
    adj: str


MR_NAMES: dict[str, list[Name]] = {
    "india": [Name("भारत", "भारता", "भारतीय"), Name("हिंदुस्थान", "हिंदुस्थाना", "भारतीय"),
              Name("भारत", "भारता", "भारतीय")],
    "japan": [Name("जपान", "जपान", "जपानी"), Name("जापान", "जापान", "जपानी"),
              Name("जपान", "जपान", "जपानी")],
    "us": [Name("अमेरिका", "अमेरिके", "अमेरिकन"), Name("यूएस", "यूएस", "अमेरिकी"),
           Name("यूएसए", "यूएसए", "अमेरिकन"), Name("अमेरीका", "अमेरीके", "अमेरिकी")],
    "australia": [Name("ऑस्ट्रेलिया", "ऑस्ट्रेलिया", "ऑस्ट्रेलियन"),
                  Name("आस्ट्रेलिया", "आस्ट्रेलिया", "ऑस्ट्रेलियाई"),
                  Name("ऑस्ट्रेलिया", "ऑस्ट्रेलिया", "ऑस्ट्रेलियन")],
    "france": [Name("फ्रान्स", "फ्रान्स", "फ्रेंच"), Name("फ्रान्स", "फ्रान्स", "फ्रेंच")],
}
HI_NAMES: dict[str, list[Name]] = {
    "india": [Name("भारत", "भारत", "भारतीय"), Name("हिंदुस्तान", "हिंदुस्तान", "भारतीय")],
    "japan": [Name("जापान", "जापान", "जापानी"), Name("जपान", "जपान", "जापानी")],
    "us": [Name("अमेरिका", "अमेरिका", "अमेरिकी"), Name("अमरीका", "अमरीका", "अमरीकी"),
           Name("यूएस", "यूएस", "अमेरिकी"), Name("यूएसए", "यूएसए", "अमेरिकी")],
    "australia": [Name("ऑस्ट्रेलिया", "ऑस्ट्रेलिया", "ऑस्ट्रेलियाई"),
                  Name("आस्ट्रेलिया", "आस्ट्रेलिया", "आस्ट्रेलियाई")],
    "france": [Name("फ्रांस", "फ्रांस", "फ्रांसीसी")],
}

# what happened between the two (after "A आणि B यांच्यात"), by act, in many words and
# compound verbs; and what the two did (after "A-ने B-शी")
def mr_forms(n: Name) -> dict[str, str]:
    o = n.obl
    return {"nom": n.nom, "erg": f"{o}ने", "shi": f"{o}शी", "sobat": f"{o}सोबत",
            "barobar": f"{o}बरोबर", "samavet": f"{o}समवेत", "gen": f"{o}च्या",
            "genm": f"{o}चे", "dat": f"{o}ला", "daramyan": f"{o}दरम्यान", "adj": n.adj}


def hi_forms(n: Name) -> dict[str, str]:
    o = n.obl
    return {"nom": n.nom, "erg": f"{o} ने", "shi": f"{o} से", "sobat": f"{o} के साथ",
            "gen": f"{o} के", "genf": f"{o} की", "dat": f"{o} को", "adj": n.adj}


MR_BETWEEN: dict[str, Frame] = {
    "and-between": lambda a, b, p: f"{a['nom']} आणि {b['nom']} यांच्यात {p}",
    "va-daramyan": lambda a, b, p: f"{a['nom']} व {b['nom']} यांच्यादरम्यान {p}",
    "attached-daramyan": lambda a, b, p: f"{a['nom']} आणि {b['daramyan']} {p}",
    "hyphen": lambda a, b, p: f"{a['nom']}-{b['nom']} {p}",
    "en dash": lambda a, b, p: f"{a['nom']}–{b['nom']} {p}",
    "both countries": lambda a, b, p: f"{a['nom']} आणि {b['nom']} या दोन्ही देशांमध्ये {p}",
    "time first": lambda a, b, p: f"मंगळवारी {a['nom']} आणि {b['nom']} यांच्यामध्ये {p}",
}
MR_SUBJECT: dict[str, Frame] = {
    "shi": lambda a, b, q: f"{a['erg']} {b['shi']} {q}",
    "sobat": lambda a, b, q: f"{a['erg']} {b['sobat']} {q}",
    "barobar": lambda a, b, q: f"{a['erg']} {b['barobar']} {q}",
    "samavet": lambda a, b, q: f"{a['erg']} {b['samavet']} {q}",
    "with first": lambda a, b, q: f"{b['shi']} {a['erg']} {q}",
    "and-subject": lambda a, b, q: f"{a['nom']} आणि {b['nom']} यांनी {q}",
    "ubhay": lambda a, b, q: f"{a['nom']} व {b['nom']} या उभय देशांनी {q}",
    "ministers": lambda a, b, q: f"{a['gen']} संरक्षणमंत्र्यांनी {b['gen']} संरक्षणमंत्र्यांशी {q}",
    "adverb inside": lambda a, b, q: f"{a['erg']} बुधवारी नवी दिल्लीत {b['shi']} {q}",
}
HI_BETWEEN: dict[str, Frame] = {
    "and-between": lambda a, b, p: f"{a['nom']} और {b['nom']} के बीच {p}",
    "darmiyan": lambda a, b, p: f"{a['nom']} और {b['nom']} के दरमियान {p}",
    "hyphen": lambda a, b, p: f"{a['nom']}-{b['nom']} {p}",
    "en dash": lambda a, b, p: f"{a['nom']}–{b['nom']} {p}",
    "both countries": lambda a, b, p: f"{a['nom']} और {b['nom']} दोनों देशों के बीच {p}",
    "time first": lambda a, b, p: f"मंगलवार को {a['nom']} व {b['nom']} के बीच {p}",
}
HI_SUBJECT: dict[str, Frame] = {
    "se": lambda a, b, q: f"{a['erg']} {b['shi']} {q}",
    "ke saath": lambda a, b, q: f"{a['erg']} {b['sobat']} {q}",
    "with first": lambda a, b, q: f"{b['sobat']} {a['erg']} {q}",
    "and-subject": lambda a, b, q: f"{a['nom']} और {b['nom']} ने {q}",
    "ministers": lambda a, b, q: f"{a['gen']} रक्षा मंत्री ने {b['gen']} रक्षा मंत्री के साथ {q}",
}

MR_NEUTRAL = "दोन्ही देशांच्या अधिकाऱ्यांनी प्रादेशिक सुरक्षेच्या मुद्द्यांवर विचारविनिमय केला."
HI_NEUTRAL = "दोनों देशों के अधिकारियों ने क्षेत्रीय सुरक्षा के मुद्दों पर विचार-विमर्श किया।"
STYLES = ("body", "headline", "both", "neutral")


def report(lang: str, style: str, a: Forms, b: Forms, sentence: str) -> tuple[str, str]:
    """(headline, text): the sentence as the body with no headline, under a neutral one or
    one naming the pair, or as the headline over a body naming neither state."""
    end = "." if lang == "mr" else "।"
    if style == "body":
        return "", sentence + end
    if style == "neutral":
        return ("महत्त्वाची घडामोड" if lang == "mr" else "अहम घटनाक्रम"), sentence + end
    if style == "headline":
        return sentence, MR_NEUTRAL if lang == "mr" else HI_NEUTRAL
    head = (f"{a['nom']}-{b['nom']} संबंधांना नवी दिशा" if lang == "mr"
            else f"{a['nom']}-{b['nom']} संबंधों को नई दिशा")
    return head, sentence + end


def check(ruleset: RuleSet, cases: list[Case]) -> list[str]:
    """The cases that miss their pair's topic or bilateral-defence, or get another pair's."""
    failed = []
    for label, first, second, title, text in cases:
        topic = WATCHED.get(frozenset((first, second)))
        expected = {"bilateral-defence"} | ({topic} if topic else set())
        got = set(ruleset.match_text(title, text).rule_ids)
        if not expected <= got or (got & PAIR_TOPICS) - expected:
            failed.append(f"{label}: {sorted(got)}\n  {title} | {text}")
    return failed
