"""The page structures of test_page_structures.py in English and Japanese, where the
mechanism is the same (bot/rules/lead.py: the lead is the first telling paragraph under a
page's label, byline, place, date, caption, "also read" and question lines; story.py: an
explainer's question headline over a lead that tells the act as done on a day): every
watched pair in both orders, the act told in several namings (states, capitals, offices,
surnames, forces, ships), under a headline naming the pair or a neutral one. Texts
written for these tests."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pytest

from bot.rules import RuleSet
from tests.bot.rules.test_page_structures import PAIRS, Page, failures


@dataclass(frozen=True)
class State:
    name: str
    adj: str
    cap: str
    sur: str  # its defence minister's surname
    ship: str
    force: str
    office: str = "defence minister"  # the minister's title (Japan's 防衛相, 国防長官)


EN = {
    "india": State("India", "Indian", "New Delhi", "Singh", "INS Shivalik", "the Indian Navy"),
    "japan": State("Japan", "Japanese", "Tokyo", "Nakatani", "JS Kaga",
                   "the Japan Maritime Self-Defense Force"),
    "us": State("the United States", "US", "Washington", "Hegseth", "USS Ronald Reagan",
                "the US Navy"),
    "australia": State("Australia", "Australian", "Canberra", "Marles", "HMAS Toowoomba",
                       "the Royal Australian Navy"),
}
JA = {
    "india": State("インド", "インド", "ニューデリー", "シン", "インド海軍のフリゲート「シバリク」",
                   "インド海軍", "国防相"),
    "japan": State("日本", "日本", "東京", "中谷", "護衛艦「かが」", "海上自衛隊", "防衛相"),
    "us": State("米国", "米", "ワシントン", "ヘグセス", "米空母「ロナルド・レーガン」", "米海軍",
                "国防長官"),
    "australia": State("オーストラリア", "豪", "キャンベラ", "マールズ",
                       "豪海軍のフリゲート「トゥーンバ」", "豪海軍"),
}


def _en_acts(a: State, b: State) -> dict[str, str]:
    return {
        "states / talks": f"{a.name} and {b.name} held defence talks on Tuesday",
        "capitals / dialogue": f"{a.cap} and {b.cap} wrapped up a round of their defence "
                               "dialogue on Wednesday",
        "offices / call": f"The {a.adj} defence minister spoke by phone with his {b.adj} "
                          "counterpart on Monday",
        "surnames / meeting": f"Defence Minister {a.sur} met his {b.adj} counterpart "
                              f"{b.sur} on Thursday",
        "forces / drill": f"{a.force} and {b.force} began a joint exercise in the Arabian "
                          "Sea on Friday",
        "ships / drill": f"{a.ship} and {b.ship} completed a passage exercise on Sunday",
        "states / pact": f"{a.name} and {b.name} signed a logistics agreement on Monday",
    }


def _ja_acts(a: State, b: State) -> dict[str, str]:
    return {
        "states / talks": f"{a.name}と{b.name}は14日、防衛当局間の協議を開いた",
        "offices / call": f"{a.name}の{a.office}は13日、{b.name}の{b.office}と電話会談した",
        "surnames / meeting": f"{a.sur}{a.office}は16日、{b.name}の{b.sur}{b.office}と"
                              "会談した",
        "forces / drill": f"{a.force}と{b.force}は15日、アラビア海で共同訓練を始めた",
        "ships / drill": f"{a.ship}と{b.ship}は17日、共同訓練を実施した",
        "states / pact": f"{a.name}と{b.name}は13日、物品役務相互提供協定に署名した",
    }


EN_PAGES: dict[str, Page] = {
    "label above": lambda h, s, p: (h, f"ANALYSIS\n{s}{p} The move will have lasting "
                                       f"effects{p}"),
    "kicker and byline": lambda h, s, p: (h, f"World\nBy Staff Reporter\n{s}{p}"),
    "date line": lambda h, s, p: (h, f"Current Affairs\nUpdated: March 14, 2025 10:45 IST\n"
                                     f"{s}{p}"),
    "caption first": lambda h, s, p: (h, f"Photo: Delegates after the talks. (PTI)\n{s}{p}"),
    "also read first": lambda h, s, p: (h, f"Also read: Rains lash Mumbai, trains delayed\n"
                                           f"{s}{p}\nRead more: Markets close higher"),
    "question headings": lambda h, s, p: (
        f"{h}: what happened and why it matters",
        f"EXPLAINER\nWhat happened?\n{s}{p}\nWhy does it matter?\nBoth countries share "
        f"interests at sea{p}"),
}
JA_PAGES: dict[str, Page] = {
    "label above": lambda h, s, p: (h, f"【解説】\n{s}{p}地域の安定にもつながる{p}"),
    "kicker and byline": lambda h, s, p: (h, f"国際\n特派員\n{s}{p}"),
    "date line": lambda h, s, p: (h, f"2025年3月14日 10:45\n{s}{p}"),
    "caption first": lambda h, s, p: (h, f"写真＝協議後に記念撮影する両国の代表団\n{s}{p}"),
    "also read first": lambda h, s, p: (h, f"関連記事：大雨で新幹線が運転見合わせ\n{s}{p}"),
    "question headings": lambda h, s, p: (
        f"{h}　何が起きたのか", f"解説\n何があった？\n{s}{p}\nなぜ重要？\n両国は海洋安全保障で"
                           f"利害が一致する{p}"),
}
HEADS_EN = ("{a}-{b} defence ties take a new turn", "A new chapter in defence ties")
HEADS_JA = ("{a}{b}防衛協力に新局面", "防衛協力、新たな段階へ")
_SHORT = {"india": "印", "japan": "日", "us": "米", "australia": "豪"}  # 日印, 米豪


def matrix(lang: str, first: str, second: str) -> list[tuple[str, str, str]]:
    states, acts, pages, heads, stop = (
        (EN, _en_acts, EN_PAGES, HEADS_EN, ".") if lang == "en"
        else (JA, _ja_acts, JA_PAGES, HEADS_JA, "。"))
    a, b = states[first], states[second]
    out = []
    for (how, act), (layout, page), head in itertools.product(
            acts(a, b).items(), pages.items(), heads):
        # Japanese names Japan first in a pair's compound (日米, 日印, 日豪)
        one, two = (second, first) if lang == "ja" and second == "japan" else (first, second)
        headline = head.format(a=a.adj if lang == "en" else _SHORT[one],
                               b=b.adj if lang == "en" else _SHORT[two])
        title, text = page(headline, act[0].upper() + act[1:], stop)
        named = "pair" if "{a}" in head else "neutral"
        out.append((f"{how} / {layout} / {named}", title, text))
    return out


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_every_act_in_every_page_structure(default_ruleset: RuleSet, lang: str, first: str,
                                           second: str) -> None:
    pages = matrix(lang, first, second)
    failed = failures(default_ruleset, first, second, pages)
    assert len(pages) == (84 if lang == "en" else 72)
    assert not failed, f"{len(failed)} failed:\n" + "\n".join(failed)
