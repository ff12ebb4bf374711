"""A matrix of our own sentences: every watched pair and two others (US–Philippines,
Japan–UK) × every act (a ministers' call and meeting, a 2+2, a pact signed or in force, a
joint statement, an exercise begun, held or concluded, a port call told as an arrival, a
call or a welcome, equipment handed over, staff talks) × the ways a party is named (the
state, the minister in full, the surname, the office, the capital, the navy, a force
without its state, a ship by its prefix) × the ways it is told (headline and lead, a lead
under a headline that names nobody, the act only in the last paragraph after a background
of other states, an item of a round-up, the headline alone), in English and Japanese:
2,135 variants; and fifteen more styles of telling for each pair (passive, reported, a
headline without a verb, a Q&A, a clause of circumstances, the office or a counterpart in
the last paragraph, a ministry's briefing), 105 more.

Each variant must get its pair's topic and bilateral-defence, and no other pair's topic.
The few that do not are listed in `_GAP` with the reason the pack does not read them: a
Japanese joint drill with no word of the forces (a fire brigade's 合同訓練 is one too), a
drill "held" for weeks under a top naming nobody. Texts written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from bot.rules import RuleSet
from tests.bot.rules.helpers import PAIR_TOPICS, WATCHED


@dataclass(frozen=True)
class Side:
    state: str  # the state as a sentence's subject
    dem: str
    cap: str
    full: str  # the minister by office and name
    sur: str
    office: str
    navy: str
    force: str  # a force named without its state
    ship: str
    port: str
    j_state: str
    j_min: str
    j_navy: str
    j_force: str
    j_ship: str
    j_port: str
    j_short: str  # its sign in a pair word (日印, 米豪)


S = {
    "india": Side("India", "Indian", "New Delhi", "Defence Minister Rajnath Singh", "Singh",
                  "India's defence minister", "the Indian Navy", "Indian Army troops",
                  "INS Sahyadri", "Visakhapatnam", "インド", "シン国防相", "インド海軍",
                  "インド陸軍", "インド海軍のフリゲート「サヒャディ」", "ムンバイ", "印"),
    "japan": Side("Japan", "Japanese", "Tokyo", "Defense Minister Minoru Kihara", "Kihara",
                  "Japan's defense minister", "the Japan Maritime Self-Defense Force", "MSDF",
                  "JS Kaga", "Yokosuka", "日本", "木原防衛相", "海上自衛隊", "海自",
                  "海上自衛隊の護衛艦「かが」", "横須賀", "日"),
    "us": Side("The United States", "American", "Washington", "Defense Secretary Lloyd Austin",
               "Austin", "the Pentagon chief", "the US Navy", "Marines", "USS Germantown",
               "San Diego", "米国", "オースティン国防長官", "米海軍", "海兵隊",
               "米海軍の強襲揚陸艦「ジャーマンタウン」", "サンディエゴ", "米"),
    "australia": Side("Australia", "Australian", "Canberra", "Defence Minister Richard Marles",
                      "Marles", "Australia's defence minister", "the Royal Australian Navy",
                      "RAAF", "HMAS Anzac", "Darwin", "オーストラリア", "マールズ国防相",
                      "豪海軍", "豪空軍", "豪海軍のフリゲート「アンザック」", "ダーウィン", "豪"),
    "philippines": Side("The Philippines", "Philippine", "Manila",
                        "Defense Secretary Gilberto Teodoro", "Teodoro",
                        "the Philippine defense chief", "the Philippine Navy",
                        "Philippine Marines", "BRP Jose Rizal", "Subic Bay", "フィリピン",
                        "テオドロ国防相", "フィリピン海軍", "フィリピン海兵隊",
                        "フィリピン海軍のフリゲート「ホセ・リサール」", "スービック", "比"),
    "uk": Side("Britain", "British", "London", "Defence Secretary John Healey", "Healey",
               "Britain's defence secretary", "the Royal Navy", "Royal Marines", "HMS Spey",
               "Portsmouth", "英国", "ヒーリー国防相", "英海軍", "英海兵隊",
               "英海軍の哨戒艦「スペイ」", "ポーツマス", "英"),
}
PAIRS = [("india", "japan"), ("india", "us"), ("india", "australia"), ("us", "japan"),
         ("japan", "australia"), ("us", "philippines"), ("japan", "uk")]
_ORDER = "日米豪印英比"

Acts = dict[str, dict[str, tuple[str, str]]]  # act -> naming -> (headline, lead)


def _low(s: str) -> str:
    return s if s.startswith(("Britain", "Australia", "India", "Japan")) else s[0].lower() + s[1:]


def _en(a: Side, b: Side) -> Acts:
    acts: Acts = {}
    names = {"state": (a.state, _low(b.state), a.state, _low(b.state)),
             "full": (f"{a.dem} {a.full}", f"{b.dem} {b.full}", a.sur, b.sur),
             "surname": (a.sur, b.sur, a.sur, b.sur),
             "office": (a.office[0].upper() + a.office[1:], b.office, a.dem, b.dem),
             "capital": (a.cap, b.cap, a.cap, b.cap)}
    for n, (x, y, hx, hy) in names.items():
        plain = n in ("state", "office", "capital")
        acts.setdefault("call", {})[n] = (
            f"{hx}, {hy} defence chiefs speak by phone" if plain
            else f"{hx}, {hy} hold phone talks",
            f"{x} and {y} spoke by phone on Tuesday and agreed to deepen defence cooperation.")
        acts.setdefault("meeting", {})[n] = (
            f"{hx}, {hy} defence ministers meet" if plain else f"{hx} meets {hy} on defence ties",
            f"{x} met {y} in Singapore on Tuesday, and the two agreed to expand joint naval "
            "exercises.")
        acts.setdefault("signed", {})[n] = (
            f"{hx}, {hy} sign defence equipment pact",
            f"{x} and {y} signed an agreement on Tuesday on the transfer of defence equipment "
            "and technology.")
        acts.setdefault("statement", {})[n] = (
            f"{hx}, {hy} issue joint statement on defence",
            f"{x} and {y} issued a joint statement on Tuesday pledging closer defence "
            "cooperation.")
    sa, sb = a.state, _low(b.state)
    acts["2+2"] = {"state": (f"{sa}, {sb} hold 2+2 dialogue",
                             f"The foreign and defence ministers of {_low(sa)} and {sb} held "
                             "their 2+2 dialogue on Tuesday."),
                   "capital": (f"{a.cap}, {b.cap} hold 2+2 talks",
                               f"{a.cap} and {b.cap} held their second 2+2 meeting of foreign "
                               "and defence ministers on Tuesday.")}
    acts["in-force"] = {"state": (f"{sa}-{sb} defence equipment pact enters into force",
                                  f"The agreement between {_low(sa)} and {sb} on defence "
                                  "equipment and technology entered into force on Tuesday.")}
    for verb, now in (("began", "begin"), ("held", "hold"), ("concluded", "conclude")):
        acts[f"exercise-{verb}"] = {
            "state": (f"{sa}, {sb} navies {now} joint exercise",
                      f"The navies of {_low(sa)} and {sb} {verb} a joint exercise in the "
                      "Arabian Sea on Tuesday."),
            "navy": (f"{a.dem}, {b.dem} navies {now} drills",
                     f"{a.navy[0].upper() + a.navy[1:]} and {b.navy} {verb} a five-day "
                     "bilateral exercise on Tuesday."),
            "force": (f"{a.force} and {b.force} {now} joint training",
                      f"{a.force} and {b.force} {verb} two weeks of joint training on "
                      "Tuesday.")}
    acts["port-arrived"] = {
        "ship": (f"{a.ship} arrives in {sb}",
                 f"{a.ship} arrived at {b.port}, {sb}, on Tuesday for a four-day visit."),
        "dem": (f"{a.dem} warship arrives in {b.port}",
                f"The {a.dem} warship {a.ship} arrived in {b.port} on Tuesday for a port call "
                f"and was received by {b.navy}.")}
    acts["port-called"] = {"ship": (f"{a.ship} calls at {b.port}",
                                    f"{a.ship} called at the {b.dem} port of {b.port} on "
                                    "Tuesday.")}
    acts["port-welcomed"] = {
        "ship": (f"{b.dem} navy welcomes {a.ship}",
                 f"{b.navy[0].upper() + b.navy[1:]} welcomed {a.ship} to {b.port} on Tuesday."),
        "dem": (f"{b.port} welcomes {a.dem} warship",
                f"Sailors of {b.navy} welcomed the {a.dem} frigate {a.ship} at {b.port} on "
                "Tuesday.")}
    acts["handover"] = {"state": (f"{sa} hands over patrol vessels to {sb}",
                                  f"{sa} handed over two patrol vessels to {b.navy} on "
                                  "Tuesday.")}
    acts["staff-talks"] = {"navy": (f"{a.dem}, {b.dem} navies hold staff talks",
                                    f"Senior officers of {a.navy} and {b.navy} held staff talks "
                                    "in the capital on Tuesday.")}
    return acts


def _ja(a: Side, b: Side) -> Acts:
    pw = "".join(sorted((a.j_short, b.j_short), key=_ORDER.index))
    acts: Acts = {}
    for n, (x, y) in {"state": (a.j_state, b.j_state), "minister": (a.j_min, b.j_min)}.items():
        state = n == "state"
        acts.setdefault("call", {})[n] = (
            f"{pw}防衛相が電話会談" if state else f"{a.j_min}、{b.j_min}と電話会談",
            f"{x}と{y}は16日、電話で会談し、防衛協力を強化することで一致した。")
        acts.setdefault("meeting", {})[n] = (
            f"{pw}防衛相会談　防衛協力の強化で一致" if state else f"{a.j_min}、{b.j_min}と会談",
            f"{x}と{y}は16日、シンガポールで会談し、海軍の共同訓練を拡大することで一致した。")
        acts.setdefault("signed", {})[n] = (f"{pw}、防衛装備品・技術移転協定に署名",
                                            f"{x}と{y}は16日、防衛装備品・技術移転協定に署名した。")
        acts.setdefault("statement", {})[n] = (f"{pw}が共同声明　防衛協力を強化",
                                               f"{x}と{y}は16日、防衛協力の強化をうたう共同声明を発表した。")
    acts["2+2"] = {"state": (f"{pw}2プラス2を開催",
                             f"{a.j_state}と{b.j_state}の外務・防衛閣僚は16日、"
                             "安全保障協議委員会（2プラス2）を開いた。")}
    acts["in-force"] = {"state": (f"{pw}の防衛装備品協定が発効",
                                  f"{a.j_state}と{b.j_state}の防衛装備品・技術移転協定が16日、発効した。")}
    for verb, now in (("開始した", "開始"), ("実施した", "実施"), ("終了した", "終了")):
        acts[f"exercise-{now}"] = {
            "state": (f"{pw}共同訓練を{now}",
                      f"{a.j_state}と{b.j_state}の海軍は16日、共同訓練を{verb}。"),
            "navy": (f"{a.j_navy}と{b.j_navy}が共同訓練",
                     f"{a.j_navy}と{b.j_navy}は16日、二国間の共同訓練を{verb}。"),
            "force": (f"{a.j_force}と{b.j_force}、共同訓練を{now}",
                      f"{a.j_force}と{b.j_force}は16日、共同訓練を{verb}。")}
    acts["port-寄港"] = {"ship": (f"{a.j_ship}が{b.j_port}に寄港",
                                  f"{a.j_ship}が16日、{b.j_state}の{b.j_port}に寄港した。")}
    acts["port-入港"] = {"ship": (f"{a.j_ship}、{b.j_port}に入港",
                                  f"{a.j_ship}が16日、{b.j_state}の{b.j_port}港に入港し、"
                                  f"{b.j_navy}の歓迎を受けた。")}
    acts["handover"] = {"state": (f"{a.j_state}、{b.j_state}にレーダーを引き渡し",
                                  f"{a.j_state}は16日、{b.j_state}に警戒管制レーダー1基を引き渡した。")}
    return acts


# how it is told: (headline, lead) -> (title, text)
_TELLINGS: dict[str, dict[str, Callable[[str, str], tuple[str, str]]]] = {
    "en": {
        "top": lambda h, lead: (h, f"{lead}\n\nOfficials said more details would follow."),
        "lead-generic": lambda h, lead: ("A busy week for regional security",
                                         f"{lead}\n\nOfficials said more details would follow."),
        "last": lambda h, lead: (
            "A busy week for regional security",
            "Defence budgets across the region have risen for a decade, and navies are sailing "
            "further from home than at any time since the Cold War. China's growing fleet and "
            "Russia's war in Ukraine weigh on planners everywhere.\n\nAnalysts expect more of "
            f"the same next year.\n\n{lead}"),
        "roundup": lambda h, lead: (
            "Asia defence round-up", "Thailand's cabinet approved a new budget for its air force "
            f"on Monday.\n\n{lead}\n\nVietnam opened a new maritime museum."),
        "headline-only": lambda h, lead: (h, "More details are expected later in the week."),
    },
    "ja": {
        "top": lambda h, lead: (h, f"{lead}\n\n詳細は週内に発表される見通し。"),
        "lead-generic": lambda h, lead: ("地域の安全保障、慌ただしい一週間",
                                         f"{lead}\n\n詳細は週内に発表される見通し。"),
        "last": lambda h, lead: (
            "地域の安全保障、慌ただしい一週間",
            "地域の防衛費は10年にわたり増え続けており、中国の海軍力の増強やロシアのウクライナ侵攻が"
            f"各国の計画に影を落としている。\n\n専門家は来年も同じ傾向が続くとみている。\n\n{lead}"),
        "roundup": lambda h, lead: (
            "アジア防衛ニュースまとめ",
            f"タイ政府は15日、空軍の新予算を承認した。\n\n{lead}\n\nベトナムでは新しい海洋博物館が開館した。"),
        "headline-only": lambda h, lead: (h, "詳細は週内に発表される見通し。"),
    },
}

# variants the pack does not read, by class (language/act/naming/telling)
_GAP = {
    # a headline alone saying a port welcomes a warship by its demonym ("Visakhapatnam
    # welcomes Japanese warship"): a port names its state only where an arrival there is
    # told ("arrived at Visakhapatnam"), so the host is not named
    *(f"en/port-welcomed/dem/headline-only/{a}-{b}" for a, b in PAIRS),
    # 日印共同訓練を開始 with no word of the forces: fire brigades train jointly too
    *(f"ja/exercise-{v}/state/headline-only" for v in ("開始", "実施", "終了")),
    # "... held two weeks of joint training" under a top naming nobody: a bare "held" is
    # no deed ("India and France held naval talks" under another state's story)
    "en/exercise-held/force/last",
    # a headline naming a US ship and Yokosuka, the text nothing more: the Seventh Fleet
    # is at home there, and its ship's arrival is a return, not a visit
    *(f"{v}/us-japan" for v in ("en/port-called/ship/headline-only",
                                "en/port-arrived/dem/headline-only",
                                "ja/port-寄港/ship/headline-only",
                                "ja/port-入港/ship/headline-only")),
}


def _cases() -> list[tuple[str, str, str, set[str]]]:
    out = []
    for lang, acts_of in (("en", _en), ("ja", _ja)):
        for a, b in PAIRS:
            topic = WATCHED.get(frozenset((a, b)))
            expected = {"bilateral-defence"} | ({topic} if topic else set())
            for act, namings in acts_of(S[a], S[b]).items():
                for naming, (head, lead) in namings.items():
                    for telling, tell in _TELLINGS[lang].items():
                        title, text = tell(head, lead)
                        out.append((f"{lang}/{act}/{naming}/{telling}/{a}-{b}", title, text,
                                    expected))
    return out


CASES = _cases()


def test_the_matrix_is_large() -> None:
    assert len(CASES) >= 2000


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("pair", [f"{a}-{b}" for a, b in PAIRS])
def test_every_variant_gets_its_pair(default_ruleset: RuleSet, lang: str, pair: str) -> None:
    wrong = []
    for cid, title, text, expected in CASES:
        if not cid.startswith(f"{lang}/") or not cid.endswith(f"/{pair}"):
            continue
        got = set(default_ruleset.match_text(title, text).rule_ids)
        ok = expected <= got and not (got & PAIR_TOPICS) - expected
        if not ok and cid.rsplit("/", 1)[0] not in _GAP and cid not in _GAP:
            wrong.append(f"{cid}: {sorted(got)}")
    assert not wrong, "\n".join(wrong)


def _styles(a: Side, b: Side) -> dict[str, tuple[str, str]]:
    """More ways of telling one act: passive, reported, a headline without a verb, a Q&A,
    a clause of circumstances, the office or a counterpart in the last paragraph, and in
    Japanese the passive, the ministry's briefing, a circumstance (中国をけん制)."""
    sa, sb = a.state, _low(b.state)
    pw = "".join(sorted((a.j_short, b.j_short), key=_ORDER.index))
    office = a.office[0].upper() + a.office[1:]
    return {
        "passive": (f"Defence pact signed by {sa}, {sb}",
                    f"An agreement on defence equipment was signed by {a.dem} and {b.dem} "
                    "ministers on Tuesday."),
        "reported": ("Ministry statement", f"{a.dem} and {b.dem} defence ministers agreed to "
                     "step up naval exercises, the ministry said in a statement on Tuesday."),
        "verbless": (f"{sa}-{sb} defence talks in Tokyo",
                     "Officials said the agenda covered maritime security."),
        "verbless-surnames": (f"{a.sur}-{b.sur} call on defence ties",
                              "Officials said the agenda covered maritime security."),
        "qa": (f"Q&A: what the {a.dem}-{b.dem} pact means",
               f"What happened?\n\n{sa} and {sb} signed a defence equipment agreement on "
               "Tuesday.\n\nWhy does it matter?\n\nIt lets the two forces buy from each other."),
        "amid": (f"{sa}, {sb} hold naval drills amid China tension",
                 f"As China presses its claims, the navies of {_low(sa)} and {sb} held a joint "
                 "exercise on Tuesday."),
        "office-last": ("Regional security notes", f"Budgets are rising across Asia.\n\n{office} "
                        f"spoke by phone with {b.office} on Tuesday and agreed to deepen defence "
                        "cooperation."),
        "counterpart": (f"{a.dem} minister calls {b.dem} counterpart",
                        f"{a.full} spoke to his {b.dem} counterpart on Tuesday about defence "
                        "cooperation."),
        "counterpart-last": ("Regional security notes", f"Budgets are rising across Asia.\n\n"
                             f"{a.full} spoke to his {b.dem} counterpart on Tuesday about "
                             "defence cooperation."),
        "ja-passive": (f"{pw}防衛協定が署名される",
                       f"{a.j_state}と{b.j_state}の防衛装備品協定が16日、署名された。"),
        "ja-reported": ("両政府が発表", f"{a.j_state}と{b.j_state}は16日、防衛協力を強化することで"
                        "一致したと両政府が発表した。"),
        "ja-verbless": (f"{pw}防衛相会談", "詳細は週内に発表される見通し。"),
        "ja-briefing": ("防衛相会見", f"{a.j_min}は16日の記者会見で、{b.j_min}と電話で会談し、"
                        "防衛協力の強化で一致したと明らかにした。"),
        "ja-amid": (f"{pw}、共同訓練　中国けん制", f"中国が海洋進出を強める中、{a.j_state}と"
                    f"{b.j_state}の海軍は16日、共同訓練を実施した。"),
        "ja-last": ("地域の安全保障メモ", f"各国の防衛費が増えている。\n\n{a.j_min}は16日、"
                    f"{b.j_min}と電話で会談し、防衛協力の強化で一致した。"),
    }


@pytest.mark.parametrize("pair", PAIRS, ids=[f"{a}-{b}" for a, b in PAIRS])
def test_every_style_of_telling(default_ruleset: RuleSet, pair: tuple[str, str]) -> None:
    a, b = pair
    topic = WATCHED.get(frozenset(pair))
    expected = {"bilateral-defence"} | ({topic} if topic else set())
    wrong = []
    for style, (title, text) in _styles(S[a], S[b]).items():
        got = set(default_ruleset.match_text(title, text).rule_ids)
        if not expected <= got or (got & PAIR_TOPICS) - expected:
            wrong.append(f"{style}: {sorted(got)}")
    assert not wrong, "\n".join(wrong)
