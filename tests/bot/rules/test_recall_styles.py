"""More styles of telling a watched pair's act, in English and Japanese, beyond those of
test_recall_matrix.py: a ministry's release (India's PIB, the US readout, Australia's media
release, Japan's English release with the surname in capitals), a wire story with its
dateline, a TV site's brief with "also read" lines, a live blog of timed items, a release
in bullets, a photo caption before the lead, an explainer, a listicle, an act told across
two sentences, a future act; and in Japanese the defence ministry's release (概要, ・bullets),
a unit's release (日時・場所・参加部隊 as text), a photo caption (写真説明), a short
broadcast item, wire copy with its ＝ headline and 【…時事】 dateline, a regional paper's
port call. Each must get its pair's topic and bilateral-defence, and no other pair's
topic; the few the pack does not read are listed in _GAP with the reason. Texts written
for these tests."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet
from tests.bot.rules.helpers import PAIR_TOPICS, WATCHED
from tests.bot.rules.test_recall_matrix import _ORDER, PAIRS, S, Side, _low

_EN_RELEASE = {
    "india": ("Raksha Mantri holds bilateral talks with {bdem} counterpart in New Delhi",
              "Raksha Mantri Shri Rajnath Singh held bilateral talks with the {bdem} {bfull} "
              "in New Delhi on December 7, 2026. Both sides reviewed the progress of defence "
              "cooperation and agreed to widen maritime exercises."),
    "us": ("Readout of Secretary of Defense Lloyd J. Austin III's Call With {bdem} {bfull}",
           "Secretary of Defense Lloyd J. Austin III spoke today with {bdem} {bfull}. The two "
           "leaders discussed regional security and reaffirmed their commitment to deepen "
           "defense cooperation."),
    "australia": ("Minister for Defence meets {bdem} counterpart",
                  "The Deputy Prime Minister and Minister for Defence, the Hon Richard Marles "
                  "MP, today met {bdem} {bfull} in Canberra. The ministers agreed to expand "
                  "defence exercises and exchanges."),
    "japan": ("Japan-{bstate} Defense Ministerial Meeting",
              "On December 7, Minister of Defense KIHARA Minoru held a meeting with {bdem} "
              "{bfull}. The two ministers affirmed that they would further promote defense "
              "cooperation and exchanges."),
}


def _en(a: Side, b: Side) -> dict[str, tuple[str, str]]:
    sa, sb = a.state, _low(b.state)
    kw = {"bdem": b.dem, "bfull": b.full, "bstate": b.state}
    out: dict[str, tuple[str, str]] = {}
    if a.state.lower().removeprefix("the ") in ("india", "united states", "australia", "japan"):
        key = {"India": "india", "The United States": "us", "Australia": "australia",
               "Japan": "japan"}[a.state]
        head, body = _EN_RELEASE[key]
        out["release"] = (head.format(**kw), body.format(**kw))
    call = (f"{a.dem} and {b.dem} defence ministers agreed on Tuesday to step up joint "
            "naval exercises, officials said.")
    out["wire"] = (f"{sa}, {sb} agree to step up defence ties",
                   f"{a.cap.upper()}, Dec 7 (Reuters) - {call}")
    out["also-read"] = (f"{a.dem}, {b.dem} navies begin joint drill",
                        f"The navies of {_low(sa)} and {sb} began a joint exercise on "
                        "Tuesday.\n\nAlso Read: China warns the Philippines over a shoal\n\n"
                        "Also Read: Russia and North Korea sign a treaty")
    out["live"] = ("Live updates: Asia security news, December 7",
                   "10:05 IST - Thailand's cabinet approves a new air force budget.\n\n"
                   f"10:42 IST - {a.full} spoke by phone with {b.full} and the two agreed "
                   "to deepen defence cooperation.\n\n11:15 IST - Heavy rain closes schools "
                   "in Chennai.")
    # a live blog's items are told as headlines are, in the present
    out["live-present"] = ("LIVE: Asia security news, December 7",
                           "09:30 IST: Thailand opens a maritime museum.\n\n10:40 IST: "
                           f"{a.full} and {b.full} meet in Singapore, agree to expand joint "
                           "exercises.\n\n12:00 IST: Heavy rain closes schools in Chennai.")
    out["live-signed"] = ("Live updates: defence news",
                          "0930: Thailand opens a maritime museum.\n\n1040: "
                          f"{sa}, {sb} sign defence equipment pact.\n\n1200: Markets close "
                          "higher.")
    # an explainer's question over a lead that tells the act as done, on a day
    out["question"] = (f"Explained: What is the {a.dem}-{b.dem} defence pact and why does "
                       "it matter?", f"{sa} and {sb} signed an agreement on defence "
                       "equipment and technology on Monday.")
    out["why"] = (f"Why are {a.dem} and {b.dem} sailors training together?",
                  f"{a.navy[0].upper() + a.navy[1:]} and {b.navy} began a joint exercise on "
                  "Monday.")
    out["bullets"] = (f"{a.dem} defence minister meets {b.dem} counterpart",
                      f"Key points:\n\n- {a.full} met {b.full} in {a.cap} on Tuesday.\n\n"
                      "- The two sides agreed to expand maritime exercises.\n\n- They signed "
                      "a letter of intent on defence research.")
    out["caption"] = (f"{sa}, {sb} sign defence pact",
                      f"Photo: {a.full} and {b.full} after the signing ceremony.\n\n"
                      f"{sa} and {sb} signed an agreement on Tuesday on the transfer of "
                      "defence equipment and technology.")
    out["explainer"] = (f"Explained: what the new {a.dem}-{b.dem} defence pact means",
                        "Defence budgets across Asia have grown for a decade. China's navy is "
                        f"now the world's largest.\n\nOn Tuesday, {_low(sa)} and {sb} signed "
                        "an agreement that lets their forces share supplies and services.")
    out["listicle"] = (f"Five takeaways from the {a.dem}-{b.dem} defence talks",
                       f"1. {a.full} and {b.full} met for two hours on Tuesday.\n\n2. They "
                       "agreed to hold a joint naval exercise every year.\n\n3. A logistics "
                       "pact is close.")
    out["two-sentences"] = (f"{a.sur} in {b.cap} for defence talks",
                            f"{a.full} arrived in {b.cap} on Monday. On Tuesday he held talks "
                            f"with {b.full} on defence cooperation.")
    out["future"] = (f"{sa}, {sb} to hold first joint air exercise next month",
                     f"The air forces of {_low(sa)} and {sb} will hold their first joint "
                     "exercise next month, the defence ministry said on Tuesday.")
    # a port named by its city alone: the city names its state as the port call's host
    # (Kure: at Yokosuka the US Navy is at home, and its ship's arrival is a return)
    port = "Kure" if b.port == "Yokosuka" else b.port
    out["port-city"] = (f"{a.ship} arrives in {port}",
                        f"The {a.dem} warship {a.ship} arrived at {port} on Tuesday for a "
                        "four-day goodwill visit.")
    out["port-city-docked"] = ("Warship visit", f"{a.ship} docked at {port} on Tuesday and "
                               "will sail for a passage exercise on Friday.")
    # ships named by their navies' prefixes, and no other word of the forces
    out["prefixes"] = (f"{a.ship} and {b.ship} hold bilateral exercise",
                       "The two ships held a bilateral exercise on Tuesday.")
    out["prefixes-passex"] = (f"{a.ship}, {b.ship} hold passage exercise",
                              f"{a.ship} and {b.ship} held a passage exercise on Tuesday.")
    out["headline-last"] = (f"{a.dem}, {b.dem} ministers agree to widen drills",
                            "Budgets are rising across Asia, and navies sail further from "
                            "home.\n\nAnalysts expect more of the same next year.\n\n"
                            f"{a.full} and {b.full} met on Tuesday and agreed to widen joint "
                            "drills.")
    return out


def _ja(a: Side, b: Side) -> dict[str, tuple[str, str]]:
    pw = "".join(sorted((a.j_short, b.j_short), key=_ORDER.index))
    port = "呉" if b.j_port == "横須賀" else b.j_port  # as in _en
    own: dict[str, tuple[str, str]] = {}
    if a.j_state == "日本":  # an escort ship, the MSDF's own word, with no force named
        own["escort-ship"] = (f"護衛艦「かが」、{b.j_navy}と訓練",
                              f"護衛艦「かが」は7日、{b.j_ship}と戦術訓練を行った。")
    return own | {
        "mod-release": (f"{pw}防衛相電話会談について",
                        f"1　概要\n\n令和8年12月7日（月）、{a.j_min}は、{b.j_min}との間で電話会談を"
                        "実施しました。\n\n2　内容\n\n・両大臣は、防衛協力・交流を一層推進して"
                        "いくことで一致しました。\n\n・両大臣は、地域情勢について意見交換を行いました。"),
        "unit-release": (f"{b.j_navy}との共同訓練について",
                         f"{a.j_navy}は、下記のとおり{b.j_navy}との共同訓練を実施します。\n\n"
                         "1　目的\n\n戦術技量の向上及び連携の強化を図る。\n\n2　期間\n\n"
                         "令和8年12月8日（火）～12月10日（木）\n\n3　場所\n\nベンガル湾\n\n"
                         f"4　参加部隊\n\n{a.j_ship}\n\n{b.j_ship}"),
        "caption": (f"{pw}が共同訓練",
                    f"（写真）共同訓練を行う{a.j_ship}（右）\n\n{a.j_navy}と{b.j_navy}は7日、"
                    "二国間の共同訓練を実施した。"),
        "nhk": (f"{a.j_state}と{b.j_state}の防衛相　電話会談",
                f"{a.j_state}の{a.j_min}と{b.j_state}の{b.j_min}が7日、電話で会談し、防衛協力を"
                "強化していくことを確認しました。"),
        "jiji": (f"{pw}防衛相が会談＝中国念頭に連携確認",
                 f"【シンガポール時事】{a.j_min}は7日、訪問先のシンガポールで{b.j_min}と会談した。"
                 "両氏は中国の海洋進出を念頭に、防衛協力を強化することで一致した。"),
        "kyodo-signed": (f"{pw}、防衛装備品協定に署名＝技術協力を拡大",
                         f"【東京共同】{a.j_state}と{b.j_state}は7日、防衛装備品・技術移転協定に"
                         "署名した。"),
        "port": (f"{a.j_navy}艦艇が{b.j_port}に入港",
                 f"{a.j_ship}が7日、{b.j_state}の{b.j_port}港に入港した。親善のため寄港したもので、"
                 f"{b.j_navy}の関係者が岸壁で出迎えた。"),
        "question": (f"{pw}防衛装備品協定とは？",
                     f"{a.j_state}と{b.j_state}は13日、防衛装備品・技術移転協定に署名した。"),
        "live": ("【ライブ】アジア安全保障ニュース",
                 f"9時30分　タイ政府が海洋博物館を開館\n\n10時40分　{a.j_min}と{b.j_min}が会談、"
                 "共同訓練の拡大で一致\n\n12時00分　東京株式市場が続伸"),
        "port-city": (f"{a.j_navy}艦艇が{port}入港",
                      f"{a.j_ship}が7日、{port}港に入港した。市民らが岸壁で歓迎した。"),
        "port-city-called": (f"{a.j_ship}、{port}に寄港",
                             "乗員は10日まで市内で交流行事に参加する。"),
        "future": (f"{pw}、来月初の共同訓練へ",
                   f"{a.j_state}と{b.j_state}の空軍は来月、初の共同訓練を行う。{a.j_state}国防省が"
                   "7日、発表した。"),
    }


_GAP: set[str] = set()


@pytest.mark.parametrize("pair", PAIRS, ids=[f"{a}-{b}" for a, b in PAIRS])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_style(default_ruleset: RuleSet, lang: str, pair: tuple[str, str]) -> None:
    wrong = []
    for a, b in (pair, pair[::-1]):
        topic = WATCHED.get(frozenset(pair))
        expected = {"bilateral-defence"} | ({topic} if topic else set())
        for style, (title, text) in (_en if lang == "en" else _ja)(S[a], S[b]).items():
            got = set(default_ruleset.match_text(title, text).rule_ids)
            if (not expected <= got or (got & PAIR_TOPICS) - expected) \
                    and f"{lang}/{style}/{a}-{b}" not in _GAP:
                wrong.append(f"{lang}/{style}/{a}-{b}: {sorted(got)}")
    assert not wrong, "\n".join(wrong)


# Namings and tellings of one pair each: service chiefs, the ministers in their own
# languages' forms, a unit's release, the forces of a base, a short broadcast item, wire
# copy with ＝, a live blog, an "also read" line of another pair, an e-paper's district
# briefs, an act across two sentences, the passive, reported speech, the capitals.
_MORE = [
    # a surname that stands for its minister only beside another minister, with that
    # one's titles between them
    ("india-australia", "In Kuala Lumpur, a quiet Australian follow-up",
     "The defence ministers' forum was dominated by great-power rivalry.\n\nLess noticed "
     "was a half-hour "
     "meeting on the sidelines on Saturday between Singh and Australia's Deputy Prime "
     "Minister and Defence Minister Richard Marles."),
    ("india-us", "A busy week in Washington",
     "Budgets are rising across Asia.\n\nOn Tuesday Singh met US Defense Secretary Pete "
     "Hegseth at the Pentagon and the two agreed to speed up work on engines."),
    ("india-japan", "Sideline diplomacy in Singapore",
     "The conference opened with a speech on China.\n\nSingh and Japanese Defense "
     "Minister Gen Nakatani held talks on the sidelines on Saturday on defence equipment."),
    ("india-japan", "Indian warship in Sasebo for goodwill visit",
     "INS Sahyadri, an Indian Navy frigate, berthed at Sasebo on Tuesday and will sail with "
     "an MSDF destroyer after the visit."),
    ("us-japan", "USS Germantown calls at Kure",
     "The amphibious ship called at Kure on Tuesday, the first such visit in a decade."),
    ("india-australia", "INS Sahyadri arrives in Darwin",
     "INS Sahyadri arrived in Darwin on Tuesday for a port call, the Indian Navy said."),
    ("india-japan", "インド艦艇が佐世保入港",
     "インド海軍のフリゲート「サヒャディ」が7日、佐世保港に入港した。市民ら約50人が岸壁で歓迎した。"),
    ("japan-australia", "豪海軍フリゲートが呉に入港",
     "豪海軍のフリゲート「アンザック」が7日、呉港に入港した。海上自衛隊呉地方総監部によると、"
     "10日まで停泊する。"),
    ("japan-australia", "護衛艦「かが」ダーウィンに寄港",
     "海上自衛隊の護衛艦「かが」が7日、ダーウィンに寄港した。"),
    ("india-japan", "Navy chief Admiral Tripathi holds talks in Tokyo",
     "Indian Navy chief Admiral Dinesh K Tripathi held talks with the Chief of Staff of the "
     "Japan Maritime Self-Defense Force in Tokyo on Tuesday on maritime cooperation."),
    ("india-us", "Army chief meets US counterpart",
     "Indian Army chief General Upendra Dwivedi met US Army Chief of Staff General Randy "
     "George in Washington on Tuesday and discussed training and defence cooperation."),
    ("india-japan", "海上幕僚長、インド海軍参謀長と会談",
     "齋藤聡海上幕僚長は7日、来日したインド海軍参謀長と防衛省で会談し、共同訓練の拡充で一致した。"),
    ("us-japan", "統合幕僚長、米インド太平洋軍司令官と会談",
     "吉田圭秀統合幕僚長は7日、米インド太平洋軍のパパロ司令官と防衛省で会談し、日米の連携強化を"
     "確認した。"),
    ("india-australia", "RM holds bilateral talks with Australian counterpart",
     "Raksha Mantri held bilateral talks with the Deputy Prime Minister of Australia in New "
     "Delhi today. The two ministers reviewed defence cooperation."),
    ("us-japan", "Readout of Secretary of Defense Pete Hegseth's Meeting With Japanese "
     "Minister of Defense Gen Nakatani",
     "Secretary of Defense Pete Hegseth met with Japanese Minister of Defense Gen Nakatani at "
     "the Pentagon today. The two leaders discussed the alliance."),
    ("us-japan", "Readout of the Secretary of Defense's call with Japan's Minister of Defense",
     "The Secretary of Defense spoke today with Japan's Minister of Defense. They discussed "
     "deterrence and the realignment of US forces in Japan."),
    ("japan-australia", "Australia and Japan to deepen defence cooperation",
     "Minister for Defence Richard Marles today hosted Japan's Minister of Defense Gen "
     "Nakatani in Geelong. The ministers toured the shipyard and discussed the Mogami "
     "frigate program."),
    ("us-japan", "小泉防衛相、ヘグセス長官と会談",
     "小泉進次郎防衛相は7日、ヘグセス米国防長官と防衛省で会談し、日米同盟の抑止力強化で一致した。"),
    ("japan-australia", "マールズ副首相兼国防相が来日",
     "オーストラリアのマールズ副首相兼国防相が7日来日し、中谷防衛相と会談した。"),
    ("india-japan", "中谷防衛相、ラジナート・シン印国防相と会談",
     "中谷元防衛相は7日、インドのラジナート・シン国防相と会談した。"),
    ("india-japan", "インド海軍との共同訓練について",
     "海上自衛隊は、インド海軍と共同訓練を実施しました。\n\n1　期間　12月7日\n\n2　場所　"
     "アラビア海\n\n3　参加部隊　護衛艦「いかづち」、インド海軍フリゲート「サヒャディ」"),
    ("us-japan", "陸自と在日米軍が共同訓練",
     "陸上自衛隊と在日米陸軍は7日、北海道の矢臼別演習場で共同訓練を始めた。"),
    ("us-japan", "空自と米空軍、三沢で共同訓練",
     "航空自衛隊と米空軍は7日、三沢基地周辺で戦闘機の共同訓練を行った。"),
    ("japan-australia", "日豪防衛相　テレビ会談",
     "中谷防衛大臣は7日、オーストラリアのマールズ国防相とテレビ会議形式で会談しました。"),
    ("us-japan", "日米防衛相が電話会談＝台湾情勢で連携",
     "【ワシントン共同】中谷元防衛相は7日、ヘグセス米国防長官と電話で会談した。"),
    ("india-japan", "Live: Defence news, December 7",
     "09:10 - Thailand approves an air force budget.\n\n09:40 - Rajnath Singh and Gen "
     "Nakatani held talks in Tokyo on defence equipment cooperation.\n\n10:15 - China and "
     "Russia hold a joint bomber patrol."),
    ("us-japan", "Japan, US hold 2+2 talks in Tokyo",
     "The foreign and defence ministers of Japan and the United States met in Tokyo on "
     "Tuesday.\n\nAlso read: India and France sign Rafale deal"),
    ("india-australia", "District briefs",
     "Visakhapatnam: Australian warship HMAS Anzac arrived at the Eastern Naval Command on "
     "Tuesday for a four-day visit and will exercise with the Indian Navy.\n\nVizianagaram: "
     "The district collector inaugurated a new bridge."),
    ("india-us", "Singh in Washington",
     "Rajnath Singh reached Washington on Monday on a four-day visit. He met Pete Hegseth at "
     "the Pentagon on Tuesday and the two signed a framework for the defence partnership."),
    ("japan-australia", "Joint exercise conducted by Australian, Japanese forces",
     "A joint air combat exercise was conducted by the Royal Australian Air Force and the "
     "Japan Air Self-Defense Force over northern Australia on Tuesday."),
    ("india-japan", "Japan, India agree on defence equipment cooperation: ministry",
     "Japan and India agreed to speed up joint work on defence equipment, Japan's defence "
     "ministry said on Tuesday after talks between the two ministers."),
    ("us-japan", "Tokyo, Washington agree to co-produce missiles",
     "Tokyo and Washington agreed on Tuesday to jointly produce air-to-air missiles, defence "
     "officials said."),
    # a welcome said of the visiting ship by its nationality ("welcomed the Indian
    # frigate"; not "welcomed the US decision")
    ("india-japan", "Japan's navy welcomes Indian warship",
     "Sailors of the Japan Maritime Self-Defense Force welcomed the Indian frigate INS "
     "Sahyadri on Tuesday."),
]


@pytest.mark.parametrize("topic,title,text", _MORE, ids=[f"{i}-{m[0]}" for i, m in
                                                        enumerate(_MORE)])
def test_more_namings_and_tellings(default_ruleset: RuleSet, topic: str, title: str,
                                   text: str) -> None:
    got = set(default_ruleset.match_text(title, text).rule_ids)
    assert {topic, "bilateral-defence"} <= got and not (got & PAIR_TOPICS) - {topic}, got


# What the pack does not read yet, held as strict xfails so that a fix says so: a
# ministry's release that names its own state nowhere ("The Minister for Defence today ...
# with the Minister of Defense of Japan")
_GAPS = [
    ("japan-australia", "Minister for Defence meets Japanese counterpart",
     "The Deputy Prime Minister and Minister for Defence today met the Minister of Defense of "
     "Japan in Canberra. The ministers agreed to expand exercises between their defence "
     "forces."),
]


@pytest.mark.xfail(strict=True, reason="a class the pack does not read yet (see _GAPS)")
@pytest.mark.parametrize("topic,title,text", _GAPS, ids=[f"{i}-{m[0]}" for i, m in
                                                        enumerate(_GAPS)])
def test_known_gaps(default_ruleset: RuleSet, topic: str, title: str, text: str) -> None:
    got = set(default_ruleset.match_text(title, text).rule_ids)
    assert {topic, "bilateral-defence"} <= got


@pytest.mark.parametrize("title,text", [
    ("米空母が佐世保に", "米海軍の原子力空母「ジョージ・ワシントン」が7日、佐世保基地に入港した。"),
    ("Carrier back in Yokosuka", "USS George Washington returned to Yokosuka on Tuesday after "
     "a four-month patrol."),
    ("Cruise liner calls at Darwin", "The Japanese cruise liner Asuka II called at Darwin on "
     "Tuesday with 800 passengers."),
])
def test_a_home_port_or_a_liner_is_no_port_call(default_ruleset: RuleSet, title: str,
                                                text: str) -> None:
    """A ship entering its own navy's base abroad comes home, and a liner's call is no
    navy's: the port names no host of a visit."""
    assert not set(default_ruleset.match_text(title, text).rule_ids) & PAIR_TOPICS


@pytest.mark.parametrize("title,text", [
    ("Will India and Japan sign a submarine deal?",
     "India and Japan will hold talks on Monday, officials said."),
    ("Will Japan and Australia sign a frigate deal?",
     "Officials from both sides will meet next month."),
    ("日印、ACSA締結へ？", "両国は協議を続けている。"),
    ("What is the India-US logistics pact?",
     "India and the US signed the agreement in 2016. It lets each use the other's bases."),
])
def test_a_question_over_no_act_done_stays_a_question(default_ruleset: RuleSet, title: str,
                                                      text: str) -> None:
    """A question headline is news only over a lead that tells its act as done, on a day:
    not over a plan, nor over an act of years before."""
    assert not set(default_ruleset.match_text(title, text).rule_ids) & PAIR_TOPICS
