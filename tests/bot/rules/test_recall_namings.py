"""Recall by naming: each side of a watched pair named beyond its state and its minister
(offices, capitals, commands, forces, surnames, 米側 and 米兵, यूएस and पेंटागन), each pair
of namings told as an agreement, a drill and talks, under a plain headline, as a
round-up's item and late in a column, in English, Japanese and Hindi. Each variant must
get its pair's topic and bilateral-defence and no other pair's topic; those the pack does
not read are listed in _NAMING_GAP with the reason. Texts written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.rules import RuleSet
from tests.bot.rules.helpers import PAIR_TOPICS, WATCHED

_NAMES = {
    "en": {"us": ("the Pentagon", "Washington", "the U.S.", "the Seventh Fleet", "INDOPACOM",
                  "the Pentagon chief", "the U.S. defense secretary", "US Marines",
                  "the US Air Force", "Secretary Hegseth", "Hegseth", "America"),
           "japan": ("Tokyo", "the JMSDF", "the Japan Self-Defense Forces",
                     "Japan's defence chief", "the Japanese defence ministry",
                     "Defence Minister Koizumi"),
           "india": ("New Delhi", "the Raksha Mantri", "the Indian Navy's Eastern Fleet",
                     "Indian Army troops", "the Indian Air Force", "Rajnath Singh")},
    "ja": {"us": ("米側", "在日米軍", "米インド太平洋軍", "米国防総省", "米海兵隊",
                  "ヘグセス米国防長官", "米軍", "米空軍", "米兵", "アメリカ軍"),
           "japan": ("日本側", "陸上自衛隊", "航空自衛隊", "防衛省", "小泉防衛相", "海自"),
           "india": ("インド側", "インド陸軍", "インド国防省", "ラジナート・シン国防相",
                     "インド空軍", "インド軍")},
    "hi": {"us": ("पेंटागन", "यूएस", "अमेरिकी रक्षा विभाग", "अमेरिकी सेना", "अमेरिकी वायुसेना",
                  "हेगसेथ", "अमेरिकी मरीन", "यूएस नेवी"),
           "japan": ("जापानी रक्षा मंत्रालय", "जापान की सेना", "जापान सेल्फ डिफेंस फोर्स",
                     "कोइज़ुमी", "जापानी सेना", "टोक्यो"),
           "india": ("राजनाथ सिंह", "भारतीय सेना", "रक्षा मंत्री", "भारतीय वायुसेना", "नई दिल्ली",
                     "भारतीय रक्षा मंत्रालय")},
}
_NAMING_PAIRS = [("us", "japan"), ("japan", "us"), ("india", "us"), ("us", "india")]


def _naming_acts(lang: str, x: str, y: str) -> dict[str, str]:
    if lang == "en":
        return {"agreed": f"{x} and {y} agreed on Tuesday to expand joint exercises and deepen "
                          "defence cooperation.",
                "held": f"{x} and {y} held a joint naval exercise on Tuesday.",
                "talks": f"{x} held talks with {y} on Tuesday on defence cooperation."}
    if lang == "ja":
        return {"agreed": f"{x}と{y}は7日、防衛協力の拡大で合意した。",
                "held": f"{x}と{y}は7日、海上で共同訓練を実施した。",
                "talks": f"{x}は7日、{y}と防衛協力について協議した。"}
    return {"agreed": f"{x} और {y} ने मंगलवार को रक्षा सहयोग बढ़ाने पर सहमति जताई।",
            "held": f"{x} और {y} ने मंगलवार को संयुक्त नौसैनिक अभ्यास किया।",
            "talks": f"{x} ने मंगलवार को {y} के साथ रक्षा सहयोग पर बातचीत की।"}


_NAMING_STYLES: dict[str, dict[str, Callable[[str], tuple[str, str]]]] = {
    "en": {"plain": lambda lead: ("A busy week for regional security", lead),
           "roundup": lambda lead: ("Asia defence round-up", "Thailand approved a budget.\n\n"
                                    f"{lead}\n\nVietnam opened a museum."),
           "column": lambda lead: ("Analysis: the new shape of Asian security",
                                   f"Budgets are rising.\n\nFactories are busy.\n\n{lead}")},
    "ja": {"plain": lambda lead: ("安全保障の一週間", lead),
           "roundup": lambda lead: ("防衛ニュースまとめ", f"タイ政府が予算を承認した。\n\n{lead}"),
           "column": lambda lead: ("アジアの安全保障",
                                   f"防衛費は増えている。\n\n工場は忙しい。\n\n{lead}")},
    "hi": {"plain": lambda lead: ("सुरक्षा की खबरें", lead),
           "roundup": lambda lead: ("रक्षा समाचार संक्षेप में", f"थाईलैंड ने बजट मंजूर किया।\n\n{lead}"),
           "column": lambda lead: ("एशिया की सुरक्षा",
                                   f"बजट बढ़ रहे हैं।\n\nकारखाने व्यस्त हैं।\n\n{lead}")},
}

# namings the pack does not read, by language and naming (or naming pair)
_NAMING_GAP = {
    # two sides (米側と日本側) training "at sea" with no word of the forces: a joint drill
    # is a fire brigade's too
    "ja|米側|日本側|held", "ja|日本側|米側|held", "ja|米側|インド側|held", "ja|インド側|米側|held",
    # the bare office beside the other state's name alone (रक्षा मंत्री और हेगसेथ, यूएस और
    # रक्षा मंत्री): whose office it is, the text does not say (offices.py reads it as the
    # other side's)
    "hi|रक्षा मंत्री|हेगसेथ", "hi|यूएस|रक्षा मंत्री",
}


def _naming_cases(lang: str, a: str, b: str) -> list[tuple[str, str, str]]:
    out = []
    for x in _NAMES[lang][a]:
        for y in _NAMES[lang][b]:
            for act, lead in _naming_acts(lang, x, y).items():
                for style, wrap in _NAMING_STYLES[lang].items():
                    title, text = wrap(lead)
                    out.append((f"{lang}|{x}|{y}|{act}|{style}", title, text))
    return out


def _naming_gap(cid: str) -> bool:
    lang, x, y, act, _style = cid.split("|")
    return any(k in _NAMING_GAP for k in (f"{lang}|{x}", f"{lang}|{y}", f"{lang}|{x}|{y}",
                                          f"{lang}|{x}|{y}|{act}"))


@pytest.mark.parametrize("pair", _NAMING_PAIRS, ids=[f"{a}-{b}" for a, b in _NAMING_PAIRS])
@pytest.mark.parametrize("lang", ["en", "ja", "hi"])
def test_every_naming(default_ruleset: RuleSet, lang: str, pair: tuple[str, str]) -> None:
    a, b = pair
    expected = {"bilateral-defence", WATCHED[frozenset(pair)]}
    wrong = []
    for cid, title, text in _naming_cases(lang, a, b):
        got = set(default_ruleset.match_text(title, text).rule_ids)
        if (not expected <= got or (got & PAIR_TOPICS) - expected) and not _naming_gap(cid):
            wrong.append(f"{cid}|{a}-{b}: {sorted(got)}")
    assert not wrong, "\n".join(wrong)
