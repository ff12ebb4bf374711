"""A matrix of Marathi and Hindi pages by their *structure*: which lines are the page's
headline, lead and body, and where the act is told. Every watched pair in both orders,
times the ways the act is told (its verb and noun varied: a call, talks, a drill, a pact,
a port call; the two named by state, capital, office, surname, force or ship), times the
pages built around it: a label or kicker above the first paragraph (संपादकीय, अग्रलेख,
विश्लेषण, चालू घडामोडी, विशेष), a byline and a place line, a date line, a "continued
from page 5" line, a photo caption, "also read" lines, an explainer's question headings,
a table of facts, the act told in the headline and the last paragraph only, and the pair
named in the headline with the act in the body by offices only. Each report must get its
pair's topic and bilateral-defence and no other pair's topic; pages of the same structures
that tell no defence act between two states (a quiz, a current-affairs note of unrelated
items, an editorial on trade) must stay silent. Texts written for these tests."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from bot.rules import RuleSet
from tests.bot.rules.helpers import PAIR_TOPICS, WATCHED

PAIRS = [("india", "japan"), ("japan", "india"), ("india", "us"), ("us", "india"),
         ("india", "australia"), ("australia", "india"), ("us", "japan"), ("japan", "us"),
         ("japan", "australia"), ("australia", "japan")]


@dataclass(frozen=True)
class State:
    nom: str  # the state as a subject
    gen: str  # "of": -च्या / के
    adj: str
    cap: str  # its capital
    sur: str  # its defence minister's surname
    ship: str  # a warship by its prefix
    port: str
    force: str  # its navy, in words


MR = {
    "india": State("भारत", "भारताच्या", "भारतीय", "नवी दिल्ली", "राजनाथ सिंह",
                   "आयएनएस शिवालिक", "कोची", "भारतीय नौदल"),
    "japan": State("जपान", "जपानच्या", "जपानी", "टोकियो", "नाकातानी", "जेएस कागा",
                   "योकोसुका", "जपानचे सागरी स्वसंरक्षण दल"),
    "us": State("अमेरिका", "अमेरिकेच्या", "अमेरिकन", "वॉशिंग्टन", "हेगसेथ",
                "यूएसएस रॉनल्ड रेगन", "गुआम", "अमेरिकी नौदल"),
    "australia": State("ऑस्ट्रेलिया", "ऑस्ट्रेलियाच्या", "ऑस्ट्रेलियन", "कॅनबेरा", "मार्लेस",
                       "एचएमएएस टूवूम्बा", "डार्विन", "ऑस्ट्रेलियन नौदल"),
}
HI = {
    "india": State("भारत", "भारत के", "भारतीय", "नई दिल्ली", "राजनाथ सिंह", "आईएनएस शिवालिक",
                   "कोच्चि", "भारतीय नौसेना"),
    "japan": State("जापान", "जापान के", "जापानी", "टोक्यो", "नाकातानी", "जेएस कागा",
                   "योकोसुका", "जापान की समुद्री आत्मरक्षा सेना"),
    "us": State("अमेरिका", "अमेरिका के", "अमेरिकी", "वॉशिंगटन", "हेगसेथ",
                "यूएसएस रोनाल्ड रीगन", "गुआम", "अमेरिकी नौसेना"),
    "australia": State("ऑस्ट्रेलिया", "ऑस्ट्रेलिया के", "ऑस्ट्रेलियाई", "कैनबरा", "मार्लेस",
                       "एचएमएएस टूवूम्बा", "डार्विन", "ऑस्ट्रेलियाई नौसेना"),
}


def _mr_acts(a: State, b: State) -> dict[str, str]:
    """The act told in one sentence, by how the two are named (a day in each: pages set it
    apart from background)."""
    return {
        "states / talks": f"{a.nom} आणि {b.nom} यांच्यात मंगळवारी संरक्षण सहकार्यावर "
                          "उच्चस्तरीय चर्चा झाली",
        "capitals / dialogue": f"{a.cap} आणि {b.cap} यांच्यातील संरक्षण संवादाची फेरी "
                               "बुधवारी पार पडली",
        "offices / call": f"{a.gen} संरक्षणमंत्र्यांनी सोमवारी {b.gen} संरक्षणमंत्र्यांशी "
                          "फोनवरून संवाद साधला",
        "surnames / meeting": f"संरक्षणमंत्री {a.sur} यांनी गुरुवारी {b.adj} संरक्षणमंत्री "
                              f"{b.sur} यांची भेट घेतली",
        "forces / drill": f"{a.force} आणि {b.force} यांनी शुक्रवारी अरबी समुद्रात एकत्रित "
                          "युद्धाभ्यास केला",
        "ships / drill": f"{a.ship} आणि {b.ship} या युद्धनौकांनी रविवारी संयुक्त कवायती "
                         "पूर्ण केल्या",
        "states / pact": f"{a.nom} व {b.nom} यांनी सोमवारी लष्करी साहित्य पुरवठ्याच्या "
                         "करारावर सह्या केल्या",
        "ship / port call": f"{a.adj} नौदलाची {a.ship} ही युद्धनौका मंगळवारी {b.port} "
                            f"बंदरात दाखल झाली; {b.adj} नौदलासोबत ती सराव करणार आहे",
    }


def _hi_acts(a: State, b: State) -> dict[str, str]:
    return {
        "states / talks": f"{a.nom} और {b.nom} के बीच मंगलवार को रक्षा सहयोग पर उच्चस्तरीय "
                          "वार्ता हुई",
        "capitals / dialogue": f"{a.cap} और {b.cap} के बीच रक्षा संवाद का दौर बुधवार को "
                               "संपन्न हुआ",
        "offices / call": f"{a.gen} रक्षा मंत्री ने सोमवार को {b.gen} रक्षा मंत्री से फोन पर "
                          "बातचीत की",
        "surnames / meeting": f"रक्षा मंत्री {a.sur} ने गुरुवार को {b.adj} रक्षा मंत्री "
                              f"{b.sur} से मुलाकात की",
        "forces / drill": f"{a.force} और {b.force} ने शुक्रवार को अरब सागर में मिलकर "
                          "युद्धाभ्यास किया",
        "ships / drill": f"{a.ship} और {b.ship} युद्धपोतों ने रविवार को संयुक्त अभ्यास पूरा "
                         "किया",
        "states / pact": f"{a.nom} और {b.nom} ने सोमवार को सैन्य रसद आपूर्ति समझौते पर "
                         "दस्तखत किए",
        "ship / port call": f"{a.adj} नौसेना का युद्धपोत {a.ship} मंगलवार को {b.port} "
                            f"बंदरगाह पहुंचा; वह {b.adj} नौसेना के साथ अभ्यास करेगा",
    }


def _mr_halves(a: State, b: State) -> dict[str, tuple[str, str]]:
    """An act told in a live item's two sentences: a headline's fragment naming one side,
    then what it did with the other."""
    return {
        "ship / passage": (f"{a.adj} नौदलाची {a.ship} {b.port} बंदरात",
                           f"{b.adj} नौदलासोबत समुद्रात पॅसेज एक्सरसाइज पूर्ण"),
        "minister / talks": (f"संरक्षणमंत्री {a.sur} {b.cap} दौऱ्यावर",
                             f"{b.adj} संरक्षणमंत्र्यांशी द्विपक्षीय चर्चा; सागरी सुरक्षेवर भर"),
        "force / drill": (f"{a.force} {b.gen} किनाऱ्याजवळ",
                          f"{b.force} सोबत संयुक्त सरावाला सुरुवात"),
    }


def _hi_halves(a: State, b: State) -> dict[str, tuple[str, str]]:
    return {
        "ship / passage": (f"{a.adj} नौसेना का {a.ship} {b.port} बंदरगाह पर",
                           f"{b.adj} नौसेना के साथ समुद्र में पैसेज एक्सरसाइज पूरी"),
        "minister / talks": (f"रक्षा मंत्री {a.sur} {b.cap} दौरे पर",
                             f"{b.adj} रक्षा मंत्री से द्विपक्षीय वार्ता; समुद्री सुरक्षा पर जोर"),
        "force / drill": (f"{a.force} {b.gen} तट के पास",
                          f"{b.force} के साथ संयुक्त अभ्यास शुरू"),
    }


_LIVE = {"mr": ("LIVE अपडेट्स : आजच्या ठळक घडामोडी",
                "रात्री ९.४५ : पुणे महापालिकेच्या अर्थसंकल्पावरील चर्चा उद्या सुरू राहणार.\n"
                "सायंकाळी ७.१५ : {h}. {t}.\n"
                "दुपारी ४.०० : विधान परिषदेत कर्जमाफीवरून गदारोळ; कामकाज तहकूब."),
         "hi": ("LIVE अपडेट्स : आज की बड़ी खबरें",
                "रात 9:45 : नगर निगम के बजट पर चर्चा कल जारी रहेगी।\n"
                "शाम 7:15 बजे : {h}। {t}।\n"
                "दोपहर 4:00 : विधान परिषद में कर्जमाफी पर हंगामा; कार्यवाही स्थगित।")}


def live_items(lang: str, first: str, second: str) -> list[tuple[str, str, str]]:
    """(label, headline, text) of a live page whose timed item tells the act in two
    sentences."""
    states, halves = (MR, _mr_halves) if lang == "mr" else (HI, _hi_halves)
    title, text = _LIVE[lang]
    return [(f"{how} / live item in two sentences / neutral", title, text.format(h=h, t=t))
            for how, (h, t) in halves(states[first], states[second]).items()]


Page = Callable[[str, str, str], tuple[str, str]]  # (pair headline, act, stop) -> page

# the Marathi pages: a headline naming the pair (or a neutral one) over the act
MR_PAGES: dict[str, Page] = {
    "label above": lambda h, s, p: (h, f"संपादकीय\n{s}{p} या निर्णयाचे दूरगामी परिणाम "
                                       f"होतील{p}"),
    "label, background, act": lambda h, s, p: (
        h, f"अग्रलेख\nगेल्या दशकभरात आशियातील सत्तासमतोल झपाट्याने बदलला आहे{p} सागरी "
           f"मार्गांची सुरक्षा हा कळीचा प्रश्न बनला आहे{p}\nया पार्श्वभूमीवर {s}{p}"),
    "kicker and byline": lambda h, s, p: (
        h, f"विश्लेषण\nविशेष प्रतिनिधी\nनवी दिल्ली\n{s}{p} प्रादेशिक स्थैर्यावरही "
           f"विचारविनिमय झाला{p}"),
    "date line": lambda h, s, p: (h, f"चालू घडामोडी\nता. १४ मार्च २०२५\n{s}{p}"),
    "continued": lambda h, s, p: (h, f"(पान ५ वरून)\n{s}{p} पुढील फेरी वर्षअखेरीस "
                                     f"होईल{p}"),
    "caption first": lambda h, s, p: (
        h, f"छायाचित्र : चर्चेनंतर दोन्ही शिष्टमंडळांचे सदस्य. (छाया : पीटीआय)\n{s}{p}"),
    "also read first": lambda h, s, p: (
        h, f"हेही वाचा : पुण्यात पाणीकपात टळली\n{s}{p}\nहेही वाचा : सोन्याचे दर "
           "स्थिर"),
    "question headings": lambda h, s, p: (
        f"{h} : काय घडले आणि का महत्त्वाचे?",
        f"विशेष\nकाय घडले?\n{s}{p}\nका महत्त्वाचे?\nसागरी सुरक्षेत दोन्ही देशांचे "
        f"हितसंबंध जुळतात{p}\nपार्श्वभूमी\nदोन्ही देशांतील संबंध गेल्या दशकात दृढ झाले "
        f"आहेत{p}"),
    "table of facts": lambda h, s, p: (
        h, f"विशेष\nठिकाण : अरबी समुद्र\nकालावधी : चार दिवस\n{s}{p}"),
    "act last": lambda h, s, p: (
        h, f"इंडो-पॅसिफिक क्षेत्रातील बदलत्या परिस्थितीवर तज्ज्ञांचे लक्ष आहे{p}\n"
           f"दक्षिण चीन समुद्रातील तणाव कायम आहे{p}\nव्यापारी मार्ग खुले ठेवणे ही "
           f"प्राथमिकता आहे{p}\n{s}{p}"),
}
HI_PAGES: dict[str, Page] = {
    "label above": lambda h, s, p: (h, f"संपादकीय\n{s}{p} इस फैसले के दूरगामी असर "
                                       f"होंगे{p}"),
    "label, background, act": lambda h, s, p: (
        h, f"विश्लेषण\nपिछले एक दशक में एशिया में शक्ति संतुलन तेजी से बदला है{p} समुद्री "
           f"रास्तों की सुरक्षा अहम सवाल बन गई है{p}\nइसी पृष्ठभूमि में {s}{p}"),
    "kicker and byline": lambda h, s, p: (
        h, f"विशेष\nविशेष संवाददाता\nनई दिल्ली\n{s}{p} क्षेत्रीय स्थिरता पर भी विचार-"
           f"विमर्श हुआ{p}"),
    "date line": lambda h, s, p: (h, f"करंट अफेयर्स\n14 मार्च 2025\n{s}{p}"),
    "continued": lambda h, s, p: (h, f"(पेज 5 से आगे)\n{s}{p} अगला दौर साल के अंत में "
                                     f"होगा{p}"),
    "caption first": lambda h, s, p: (
        h, f"फोटो : बातचीत के बाद दोनों प्रतिनिधिमंडलों के सदस्य। (फोटो : पीटीआई)\n{s}{p}"),
    "also read first": lambda h, s, p: (
        h, f"यह भी पढ़ें : दिल्ली में बारिश से जाम\n{s}{p}\nइसे भी पढ़ें : सोने के दाम "
           "स्थिर"),
    "question headings": lambda h, s, p: (
        f"{h} : क्या हुआ और क्यों अहम?",
        f"खास\nक्या हुआ?\n{s}{p}\nक्यों अहम है?\nसमुद्री सुरक्षा में दोनों देशों के हित "
        f"मिलते हैं{p}\nपृष्ठभूमि\nपिछले दशक में दोनों देशों के रिश्ते मजबूत हुए हैं{p}"),
    "table of facts": lambda h, s, p: (
        h, f"खास\nजगह : अरब सागर\nअवधि : चार दिन\n{s}{p}"),
    "act last": lambda h, s, p: (
        h, f"इंडो-पैसिफिक क्षेत्र के बदलते हालात पर विशेषज्ञों की नजर है{p}\nदक्षिण चीन "
           f"सागर में तनाव बना हुआ है{p}\nव्यापारिक रास्ते खुले रखना प्राथमिकता है{p}\n"
           f"{s}{p}"),
}
HEADS_MR = ("{a}-{b} संरक्षण सहकार्याला नवी दिशा", "संरक्षण सहकार्याचे नवे पर्व")
HEADS_HI = ("{a}-{b} रक्षा सहयोग को नई दिशा", "रक्षा सहयोग का नया अध्याय")


def matrix(lang: str, first: str, second: str) -> list[tuple[str, str, str]]:
    """(label, headline, text) of every page of the pair in the language."""
    states, acts, pages, heads, stop = (
        (MR, _mr_acts, MR_PAGES, HEADS_MR, ".") if lang == "mr"
        else (HI, _hi_acts, HI_PAGES, HEADS_HI, "।"))
    a, b = states[first], states[second]
    out = []
    for (how, act), (layout, page), head in itertools.product(
            acts(a, b).items(), pages.items(), heads):
        title, text = page(head.format(a=a.nom, b=b.nom), act, stop)
        named = "pair" if "{a}" in head else "neutral"
        out.append((f"{how} / {layout} / {named}", title, text))
    return out + live_items(lang, first, second)


def _fails(ruleset: RuleSet, first: str, second: str, title: str, text: str) -> str | None:
    topic = WATCHED.get(frozenset((first, second)))
    expected = {"bilateral-defence"} | ({topic} if topic else set())
    got = set(ruleset.match_text(title, text).rule_ids)
    if expected <= got and not (got & PAIR_TOPICS) - expected:
        return None
    return f"{sorted(got)}"


def failures(ruleset: RuleSet, first: str, second: str,
             pages: list[tuple[str, str, str]]) -> list[str]:
    """The pages of a matrix that miss their pair's topics, each with what they got."""
    return [f"{label}: {why}\n  {title} | {text}" for label, title, text in pages
            if (why := _fails(ruleset, first, second, title, text)) is not None]


@pytest.mark.parametrize("lang", ["mr", "hi"])
@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_every_act_in_every_page_structure(default_ruleset: RuleSet, lang: str, first: str,
                                           second: str) -> None:
    pages = matrix(lang, first, second)
    failed = failures(default_ruleset, first, second, pages)
    assert len(pages) == 163
    assert not failed, f"{len(failed)} failed:\n" + "\n".join(failed)
