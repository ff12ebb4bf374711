"""Arms sold between two governments are a bilateral defence act; a firm's order is not.

A purchase agreement signed between two states, a letter of offer and acceptance under
the US Foreign Military Sales programme or a government-to-government agreement is
concluded by the two governments, as a logistics pact is: it alerts their pair. A
contract with a firm names no state as a party (a firm's nationality is no party), a deal
of another field (gas, airliners) is no defence act, and a purchase from a yard at home is
one state's: those stay silent. Hindi and Marathi papers name the buyer as their own
ministry or air force ("रक्षा मंत्रालय ने अमेरिकी सरकार के साथ सौदे पर हस्ताक्षर किए"): a
ministry that deals with another state's government is the paper's own state's
(bot/rules/offices.py), and that government stands across the table from the story's
other party (bot/rules/counterparts.py). Every watched pair, each state as buyer and as
seller, in English, Japanese, Hindi and Marathi. Texts written for these tests."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from bot.rules import RuleSet
from tests.bot.rules.helpers import PAIR_TOPICS, WATCHED, topics
from tests.bot.rules.test_page_structures import PAIRS


@dataclass(frozen=True)
class Side:
    name: str  # the state as a subject
    adj: str  # before "government", a firm
    gen: str  # "of" (Hindi के, Marathi -च्या)


EN = {"india": Side("India", "Indian", "India's"), "japan": Side("Japan", "Japanese", "Japan's"),
      "us": Side("the United States", "US", "the US"),
      "australia": Side("Australia", "Australian", "Australia's")}
HI = {"india": Side("भारत", "भारतीय", "भारत के"), "japan": Side("जापान", "जापानी", "जापान के"),
      "us": Side("अमेरिका", "अमेरिकी", "अमेरिका के"),
      "australia": Side("ऑस्ट्रेलिया", "ऑस्ट्रेलियाई", "ऑस्ट्रेलिया के")}
MR = {"india": Side("भारत", "भारतीय", "भारताच्या"), "japan": Side("जपान", "जपानी", "जपानच्या"),
      "us": Side("अमेरिका", "अमेरिकी", "अमेरिकेच्या"),
      "australia": Side("ऑस्ट्रेलिया", "ऑस्ट्रेलियन", "ऑस्ट्रेलियाच्या")}
JA = {"india": Side("インド", "インド", "インド"), "japan": Side("日本", "日本", "日本"),
      "us": Side("米国", "米", "米国"), "australia": Side("オーストラリア", "豪", "オーストラリア")}
# what is sold, by language (helicopters, frigates, submarines, radars)
WARES = {"en": ("24 MH-60R naval helicopters", "six frigates", "two submarines",
                "air defence radars"),
         "hi": ("24 एमएच-60आर हेलीकॉप्टरों", "छह फ्रिगेट", "दो पनडुब्बियों", "रडार प्रणालियों"),
         "mr": ("२४ एमएच-६०आर हेलिकॉप्टर", "सहा फ्रिगेट", "दोन पाणबुड्या", "रडार यंत्रणा"),
         "ja": ("哨戒ヘリコプター24機", "フリゲート6隻", "潜水艦2隻", "警戒管制レーダー")}

Deal = Callable[[Side, Side, str], tuple[str, str]]  # (buyer, seller, wares) -> page

SALES: dict[str, dict[str, Deal]] = {
    "en": {
        "deal with the government": lambda a, b, w: (
            "Arms deal signed", f"{a.name} signed a deal with the {b.adj} government on "
                                f"Monday for {w}."),
        "letters of offer": lambda a, b, w: (
            "Letters of offer signed", f"{a.name} on Monday signed letters of offer and "
                                       f"acceptance with the {b.adj} government for {w}."),
        "government-to-government": lambda a, b, w: (
            "Government-to-government deal", f"{a.name} and {b.name} signed a "
                                             f"government-to-government agreement on Monday "
                                             f"for the sale of {w}."),
        "deal inked, seller below": lambda a, b, w: (
            "Deal inked for new hardware", f"{a.name} on Monday signed contracts worth $3 "
                                           f"billion for {w}.\n\nThe purchase goes through "
                                           f"an agreement with the {b.adj} government."),
        "purchase agreement": lambda a, b, w: (
            f"{a.adj} purchase agreement", f"{a.name} and {b.name} signed a purchase "
                                           f"agreement for {w} on Tuesday."),
    },
    "hi": {
        "deal with the government": lambda a, b, w: (
            "रक्षा सौदे पर हस्ताक्षर", f"{a.name} ने सोमवार को {b.adj} सरकार के साथ {w} की "
                                      "खरीद के सौदे पर हस्ताक्षर किए।"),
        "with the state": lambda a, b, w: (
            "रक्षा सौदे पर हस्ताक्षर", f"{a.name} ने सोमवार को {b.gen} साथ {w} के सौदे पर "
                                      "हस्ताक्षर किए।"),
        "contract signed": lambda a, b, w: (
            "खरीद अनुबंध पर दस्तखत", f"{a.name} और {b.name} ने मंगलवार को {w} की खरीद के "
                                    "अनुबंध पर दस्तखत किए।"),
        "bought from the government": lambda a, b, w: (
            "सरकार से सरकार सौदा", f"{a.name} ने {b.adj} सरकार से {w} खरीदने के समझौते पर "
                                  "हस्ताक्षर किए।"),
    },
    "mr": {
        "deal with the government": lambda a, b, w: (
            "संरक्षण करारावर स्वाक्षरी", f"{a.name} सरकारने सोमवारी {b.adj} सरकारसोबत {w} "
                                        "खरेदीच्या करारावर स्वाक्षरी केली."),
        "with the state": lambda a, b, w: (
            "खरेदी करारावर शिक्कामोर्तब", f"{a.name} आणि {b.name} यांनी मंगळवारी {w} "
                                         "खरेदीच्या करारावर सह्या केल्या."),
        "honorific with": lambda a, b, w: (
            "खरेदी करार झाला", f"{a.gen} सरकारचा {b.adj} सरकार यांच्याशी {w} खरेदीचा करार "
                              "सोमवारी झाला."),
    },
    "ja": {
        "government across": lambda a, b, w: (
            "装備品の購入契約に署名", f"{a.name}政府は13日、{b.name}政府との間で{w}を購入する"
                                   "契約に署名した。"),
        "with the state": lambda a, b, w: (
            "装備品の売買契約", f"{a.name}は14日、{b.name}と{w}の売買契約を結んだ。"),
    },
}
# the buyer named only as the paper's own ministry: India in Hindi and Marathi
OWN_MINISTRY: dict[str, Callable[[Side, str], tuple[str, str]]] = {
    "hi": lambda b, w: ("हेलीकॉप्टर सौदे पर हस्ताक्षर",
                        f"रक्षा मंत्रालय ने सोमवार को {b.adj} सरकार के साथ {w} के सौदे पर "
                        "हस्ताक्षर किए।"),
    "mr": lambda b, w: ("खरेदी करारावर स्वाक्षरी",
                        f"संरक्षण मंत्रालयाने सोमवारी {b.adj} सरकारसोबत {w} खरेदीच्या करारावर "
                        "स्वाक्षरी केली."),
}
_SIDES = {"en": EN, "hi": HI, "mr": MR, "ja": JA}


def sales(lang: str, buyer: str, seller: str) -> list[tuple[str, str, str]]:
    a, b = _SIDES[lang][buyer], _SIDES[lang][seller]
    out = [(f"{how} / {w}", *deal(a, b, w))
           for (how, deal), w in itertools.product(SALES[lang].items(), WARES[lang])]
    if buyer == "india" and lang in OWN_MINISTRY:
        out += [(f"own ministry / {w}", *OWN_MINISTRY[lang](b, w)) for w in WARES[lang]]
    return out


def _missed(ruleset: RuleSet, buyer: str, seller: str,
            pages: list[tuple[str, str, str]]) -> list[str]:
    want = {"bilateral-defence", WATCHED[frozenset((buyer, seller))]}
    return [f"{label}: {sorted(got)}\n  {title} | {text}" for label, title, text in pages
            if not want <= (got := topics(ruleset, title, text))
            or (got & PAIR_TOPICS) - want]


@pytest.mark.parametrize("lang", ["en", "hi", "mr", "ja"])
@pytest.mark.parametrize(("buyer", "seller"), PAIRS)
def test_a_sale_between_governments_alerts_the_pair(default_ruleset: RuleSet, lang: str,
                                                   buyer: str, seller: str) -> None:
    pages = sales(lang, buyer, seller)
    missed = _missed(default_ruleset, buyer, seller, pages)
    assert not missed, f"{len(missed)} of {len(pages)} missed:\n" + "\n".join(missed)


# the same shapes of deal with a firm, of another field, or made at home
NOT_SALES: dict[str, dict[str, Deal]] = {
    "en": {
        "a firm's order": lambda a, b, w: (
            "Contract signed", f"{a.gen} defence ministry signed a contract with {b.adj} "
                               f"firm Lockheed Martin on Monday for {w}."),
        "gas from the government": lambda a, b, w: (
            "Gas deal signed", f"{a.name} signed a deal with the {b.adj} government on Monday "
                               "for liquefied natural gas."),
        "airliners": lambda a, b, w: (
            "Airliner deal inked", f"{a.name} on Monday signed contracts for 24 airliners.\n\n"
                                   f"The purchase goes through an agreement with the {b.adj} "
                                   "government."),
        "a yard at home": lambda a, b, w: (
            "Navy orders hardware", f"{a.gen} navy signed a contract with a shipyard at home "
                                    f"on Monday for {w}."),
    },
    "hi": {
        "a firm's order": lambda a, b, w: (
            "खरीद अनुबंध पर हस्ताक्षर", f"रक्षा मंत्रालय ने सोमवार को {b.adj} कंपनी के साथ {w} "
                                       "की खरीद के अनुबंध पर हस्ताक्षर किए।"),
        "gas from the government": lambda a, b, w: (
            "गैस सौदे पर हस्ताक्षर", f"{a.name} ने {b.adj} सरकार के साथ एलएनजी आपूर्ति के सौदे "
                                    "पर हस्ताक्षर किए।"),
    },
    "mr": {
        "a firm's order": lambda a, b, w: (
            "खरेदी करारावर स्वाक्षरी", f"संरक्षण मंत्रालयाने सोमवारी {b.adj} कंपनीसोबत {w} "
                                      "खरेदीच्या करारावर स्वाक्षरी केली."),
        "gas from the government": lambda a, b, w: (
            "वायू करारावर स्वाक्षरी", f"{a.name} सरकारने {b.adj} सरकारसोबत नैसर्गिक वायू "
                                     "पुरवठ्याच्या करारावर स्वाक्षरी केली."),
    },
    "ja": {
        "a firm's order": lambda a, b, w: (
            "装備品の購入契約", f"防衛当局は13日、{b.name}の企業と{w}を購入する契約に署名した。"),
        "gas from the government": lambda a, b, w: (
            "ガスの購入契約", f"{a.name}政府は13日、{b.name}政府との間で液化天然ガスを購入する"
                             "契約に署名した。"),
    },
}


@pytest.mark.parametrize("lang", ["en", "hi", "mr", "ja"])
@pytest.mark.parametrize(("buyer", "seller"), PAIRS)
def test_a_firms_order_or_another_fields_deal_stays_silent(
        default_ruleset: RuleSet, lang: str, buyer: str, seller: str) -> None:
    a, b = _SIDES[lang][buyer], _SIDES[lang][seller]
    alerted = [f"{how} / {w}: {sorted(got)}\n  {title} | {text}"
               for (how, deal), w in itertools.product(NOT_SALES[lang].items(), WARES[lang])
               for title, text in [deal(a, b, w)]
               if (got := topics(default_ruleset, title, text))]
    assert not alerted, f"{len(alerted)} alerted:\n" + "\n".join(alerted)
