"""Recall by vocabulary: each act a watched pair's report tells (a call, a meeting, a pact
signed or ratified, a drill, a port call, equipment handed over) with the many verbs
outlets use for it ("staged", "carried out", "rounded off", "initialled", "ratified",
"put in at", "refuelled at", 調印した, 懇談した, 着岸した, 停泊した, बंदरगाह पर लंगर डाला,
अनुमोदन किया), with the parties named in several ways (ministers, navies, ships by class or
by their state's adjective, ports, 日米 and 米軍, अमेरिकी), in English, Japanese and Hindi,
each wrapped in styles that put the act below a headline naming nobody: wire copy with
its dateline, a release's highlights, a TV brief, a ticker of timed items under a plain
headline (a live page whose headline does not say so), a column with the act late, a
round-up. Each variant must get its pair's topic and bilateral-defence and no other
pair's topic; those the pack does not read are listed in _GAP by class, with the reason.
Each act is wrapped in four of the styles, in turn, so every verb meets several styles
and every style every act. Texts written for these tests."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from bot.rules import RuleSet
from bot.rules.timed import timed_items
from tests.bot.rules.helpers import PAIR_TOPICS, WATCHED

PAIRS = [("us", "japan"), ("japan", "us"), ("india", "us"), ("us", "india"),
         ("india", "japan"), ("japan", "australia")]
_PER_ACT = 4  # styles each act is wrapped in


@dataclass(frozen=True)
class En:
    state: str
    dem: str
    cap: str
    minister: str
    sur: str
    navy: str
    ship: str  # a ship by its class and name
    shipdem: str  # a ship by its state's adjective alone
    port: str


EN = {
    "us": En("the United States", "American", "Washington", "US Defense Secretary Lloyd Austin",
             "Austin", "the US Navy", "the Arleigh Burke-class destroyer USS Ralph Johnson",
             "an American destroyer", "Pearl Harbor"),
    "japan": En("Japan", "Japanese", "Tokyo", "Japanese Defence Minister Gen Nakatani",
                "Nakatani", "the Maritime Self-Defense Force", "the helicopter destroyer JS Ise",
                "a Japanese destroyer", "Kure"),
    "india": En("India", "Indian", "New Delhi", "Indian Defence Minister Rajnath Singh", "Singh",
                "the Indian Navy", "the stealth frigate INS Shivalik", "an Indian frigate",
                "Visakhapatnam"),
    "australia": En("Australia", "Australian", "Canberra",
                    "Australian Defence Minister Richard Marles", "Marles",
                    "the Royal Australian Navy", "the Anzac-class frigate HMAS Stuart",
                    "an Australian frigate", "Darwin"),
}


def _cap(s: str) -> str:
    return s[0].upper() + s[1:]


def _en_acts(a: En, b: En) -> dict[str, str]:
    v: dict[str, str] = {}
    for verb in ("spoke by phone", "held a telephone conversation", "talked over the phone",
                 "held a video call", "held virtual talks", "conferred by telephone"):
        v[f"call/{verb}"] = (f"{a.minister} and {b.minister} {verb} on Tuesday and agreed to "
                             "deepen defence cooperation.")
    for verb in ("met", "held talks with", "sat down with", "hosted", "received", "called on",
                 "held a bilateral meeting with", "conferred with", "huddled with"):
        v[f"meet/{verb}"] = (f"{a.minister} {verb} {b.minister} in {a.cap} on Tuesday, and "
                             "the two agreed to expand joint naval exercises.")
    v["meet/between"] = (f"A meeting between {a.minister} and {b.minister} in Singapore on "
                         "Saturday ended with a pledge to expand joint exercises.")
    v["talks/between"] = (f"Talks between {a.minister} and {b.minister} in {a.cap} on Tuesday "
                          "focused on co-production of munitions.")
    for verb in ("signed", "inked", "concluded", "sealed", "finalised", "initialled"):
        v[f"sign/{verb}"] = (f"{_cap(a.state)} and {b.state} {verb} an agreement on Tuesday on "
                             "the reciprocal provision of supplies and services between their "
                             "armed forces.")
    for verb in ("ratified", "gave final approval to"):
        v[f"ratify/{verb}"] = (f"{_cap(a.state)}'s parliament {verb} the defence pacts with "
                               f"{b.state} on Tuesday, clearing the way for joint training.")
    v["ratify/both"] = (f"{_cap(a.state)} and {b.state} ratified their reciprocal access "
                        "agreement on Tuesday.")
    v["ratify/took-effect"] = (f"The reciprocal access agreement between {a.state} and "
                               f"{b.state} took effect on Tuesday.")
    for verb in ("held", "conducted", "staged", "carried out", "launched", "kicked off",
                 "wrapped up", "concluded", "completed", "began", "commenced", "rounded off"):
        v[f"drill/{verb}"] = (f"The navies of {a.state} and {b.state} {verb} a joint exercise "
                              "in the Philippine Sea on Tuesday.")
        v[f"drill-navy/{verb}"] = (f"{_cap(a.navy)} and {b.navy} {verb} a bilateral maritime "
                                   "exercise on Tuesday.")
    # at Yokosuka and Sasebo the US Navy is at home: Kure is Japan's alone
    port = "Kure" if b.port == "Kure" else b.port
    for verb in ("arrived at", "docked at", "berthed at", "pulled into", "called at",
                 "made a port call at", "refuelled at", "put in at", "entered the port of",
                 "sailed into", "moored at"):
        v[f"port/{verb}"] = (f"{_cap(a.ship)} {verb} {port} on Tuesday for a four-day goodwill "
                             "visit.")
        v[f"port-dem/{verb}"] = (f"{_cap(a.shipdem)} {verb} {port} on Tuesday for a four-day "
                                 f"goodwill visit, and sailors of {b.navy} greeted its crew.")
    v["port/welcomed-dem"] = (f"Sailors of {b.navy} welcomed the {a.dem} destroyer at {port} "
                              "on Tuesday.")
    v["port/warm-welcome"] = (f"{_cap(b.navy)} gave the {a.dem} destroyer a warm welcome at "
                              f"{port} on Tuesday.")
    for verb in ("handed over", "transferred", "gifted"):
        v[f"handover/{verb}"] = (f"{_cap(a.state)} {verb} two maritime patrol aircraft to "
                                 f"{b.navy} on Tuesday.")
    return v


def _en_styles(a: En, b: En, lead: str) -> dict[str, tuple[str, str]]:
    return {
        "top": (f"{a.dem}, {b.dem} defence ties get a boost", lead),
        "neutral": ("A busy week for regional security", lead),
        "wire": (f"{a.dem}, {b.dem} officials in new step",
                 f"{a.cap.upper()}, Dec 7 (AP) — {lead} Officials gave no further details."),
        "highlights": ("Defence cooperation moves ahead",
                       f"HIGHLIGHTS\n\n- Budgets rise across Asia\n\n- {lead}\n\n- More talks "
                       "expected next year"),
        "tv": ("Watch: defence news in 60 seconds", f"Our correspondent reports. {lead}"),
        "ticker": ("Asia security news, December 7",
                   f"07:45 Thai cabinet approves air force budget\n\n08:10 {lead}\n\n08:40 "
                   "Rupee steady against dollar"),
        "ticker-ist": ("Newsroom: Tuesday",
                       "0930 IST: Monsoon session to open next week\n\n1040 IST: "
                       f"{lead}\n\n1115 IST: Markets close higher"),
        "column-late": ("The quiet shift in Asian security",
                        "Alliances in Asia have changed more in five years than in the previous "
                        "twenty. Budgets are rising, and factories are busy.\n\nSome of this is "
                        f"obvious, some is not.\n\n{lead}\n\nWhat happens next is anyone's "
                        "guess."),
        "roundup": ("Asia defence round-up",
                    "Thailand's cabinet approved a new air force budget on Monday.\n\n"
                    f"{lead}\n\nVietnam opened a maritime museum."),
    }


@dataclass(frozen=True)
class Ja:
    state: str
    minister: str
    navy: str
    ship: str
    shipdem: str
    sign: str  # in a pair word (日米)
    port: str


JA = {
    "us": Ja("米国", "オースティン国防長官", "米海軍",
             "米海軍のミサイル駆逐艦「ラルフ・ジョンソン」", "米駆逐艦", "米", "真珠湾"),
    "japan": Ja("日本", "中谷防衛相", "海上自衛隊", "海上自衛隊の護衛艦「いせ」", "海自の護衛艦",
                "日", "呉"),
    "india": Ja("インド", "シン国防相", "インド海軍", "インド海軍のフリゲート「シヴァリク」",
                "インド海軍の艦艇", "印", "ムンバイ"),
    "australia": Ja("オーストラリア", "マールズ国防相", "豪海軍",
                    "豪海軍のフリゲート「スチュアート」", "豪海軍の艦艇", "豪", "ダーウィン"),
}
_ORDER = "日米豪印"


def _ja_acts(a: Ja, b: Ja) -> dict[str, str]:
    pw = "".join(sorted((a.sign, b.sign), key=_ORDER.index))
    v: dict[str, str] = {}
    for verb in ("電話で会談した", "電話会談を行った", "電話で協議した", "テレビ会議形式で会談した",
                 "オンラインで会談した"):
        v[f"call/{verb}"] = f"{a.minister}は7日、{b.minister}と{verb}。"
    for verb in ("会談した", "会った", "面会した", "懇談した", "協議した"):
        v[f"meet/{verb}"] = (f"{a.minister}は7日、{b.minister}と東京都内で{verb}。両氏は共同訓練の"
                             "拡大で一致した。")
    v["meet/genitive"] = f"{a.state}と{b.state}の防衛相による会談が7日、シンガポールで行われた。"
    for verb in ("署名した", "調印した"):
        v[f"sign/{verb}"] = f"{a.state}と{b.state}は7日、物品役務相互提供協定（ACSA）に{verb}。"
    for verb in ("締結した", "結んだ"):
        v[f"sign/{verb}"] = f"{a.state}と{b.state}は7日、物品役務相互提供協定（ACSA）を{verb}。"
    for verb in ("承認した", "批准した"):
        v[f"ratify/{verb}"] = f"{a.state}の国会は7日、{b.state}との円滑化協定を{verb}。"
    v["ratify/発効"] = f"{a.state}と{b.state}の円滑化協定が7日、発効した。"
    for verb in ("実施した", "行った", "開始した", "始めた", "終えた", "終了した", "展開した",
                 "締めくくった"):
        v[f"drill/{verb}"] = f"{a.navy}と{b.navy}は7日、フィリピン海で共同訓練を{verb}。"
        v[f"drill-pw/{verb}"] = f"{pw}の部隊は7日、九州で共同訓練を{verb}。"
    for verb in ("入港した", "寄港した", "着岸した", "接岸した", "到着した", "停泊した"):
        v[f"port/{verb}"] = f"{a.ship}が7日、{b.port}に{verb}。"
        v[f"port-dem/{verb}"] = f"{a.shipdem}が7日、{b.port}に{verb}。{b.navy}の隊員が出迎えた。"
    for verb in ("引き渡した", "供与した", "移転した", "納入した"):
        v[f"handover/{verb}"] = f"{a.state}は7日、{b.state}に哨戒艇2隻を{verb}。"
    return v


def _ja_styles(a: Ja, b: Ja, lead: str) -> dict[str, tuple[str, str]]:
    pw = "".join(sorted((a.sign, b.sign), key=_ORDER.index))
    return {
        "top": (f"{pw}、防衛協力を強化", lead),
        "neutral": ("安全保障の一週間", lead),
        "kyodo": ("防衛ニュース", f"【東京共同】{lead}関係者が明らかにした。"),
        "nhk": ("ニュース", f"{lead}\n\n防衛省が発表しました。"),
        "ticker": ("ニュース速報", f"9時30分　東京株式市場が続伸\n\n10時10分　{lead}\n\n"
                   "11時00分　関東で強風"),
        "column": ("アジアの安全保障が変わる", "この5年でアジアの同盟関係は大きく変わった。\n\n"
                   f"防衛費は増え、工場は忙しい。\n\n{lead}"),
        "roundup": ("防衛ニュースまとめ", f"タイ政府は6日、空軍の予算を承認した。\n\n{lead}\n\n"
                    "ベトナムで海洋博物館が開館した。"),
    }


@dataclass(frozen=True)
class Hi:
    state: str
    gen: str
    minister: str
    sur: str
    navy: str
    ship: str
    shipdem: str
    port: str


HI = {
    "us": Hi("अमेरिका", "अमेरिका के", "अमेरिकी रक्षा मंत्री लॉयड ऑस्टिन", "ऑस्टिन",
             "अमेरिकी नौसेना", "अमेरिकी नौसेना का विध्वंसक यूएसएस राल्फ जॉनसन", "एक अमेरिकी विध्वंसक",
             "पर्ल हार्बर"),
    "japan": Hi("जापान", "जापान के", "जापान के रक्षा मंत्री जेन नाकातानी", "नाकातानी",
                "जापानी समुद्री आत्मरक्षा बल", "जापानी युद्धपोत जेएस इसे", "एक जापानी विध्वंसक",
                "कुरे"),
    "india": Hi("भारत", "भारत के", "रक्षा मंत्री राजनाथ सिंह", "सिंह", "भारतीय नौसेना",
                "भारतीय नौसेना का युद्धपोत आईएनएस शिवालिक", "एक भारतीय युद्धपोत", "विशाखापत्तनम"),
    "australia": Hi("ऑस्ट्रेलिया", "ऑस्ट्रेलिया के", "ऑस्ट्रेलिया के रक्षा मंत्री रिचर्ड मार्लेस",
                    "मार्लेस", "रॉयल ऑस्ट्रेलियाई नौसेना", "ऑस्ट्रेलियाई युद्धपोत एचएमएएस स्टुअर्ट",
                    "एक ऑस्ट्रेलियाई फ्रिगेट", "डार्विन"),
}


def _hi_acts(a: Hi, b: Hi) -> dict[str, str]:
    v: dict[str, str] = {}
    for verb in ("फोन पर बात की", "टेलीफोन पर बातचीत की", "वीडियो कॉन्फ्रेंस के जरिए बातचीत की",
                 "फोन पर चर्चा की", "फ़ोन पर वार्ता की"):
        v[f"call/{verb}"] = (f"{a.minister} ने मंगलवार को {b.minister} से {verb} और रक्षा सहयोग "
                             "बढ़ाने पर सहमति जताई।")
    for verb in ("मुलाकात की", "द्विपक्षीय बैठक की", "वार्ता की", "भेंट की", "बातचीत की"):
        v[f"meet/{verb}"] = f"{a.minister} ने मंगलवार को नई दिल्ली में {b.minister} के साथ {verb}।"
    v["meet/मिले"] = f"{a.minister} मंगलवार को सिंगापुर में {b.minister} से मिले।"
    v["meet/between"] = (f"{a.sur} और {b.sur} के बीच मंगलवार को सिंगापुर में बैठक हुई, जिसमें "
                         "संयुक्त अभ्यास बढ़ाने पर सहमति बनी।")
    for verb in ("हस्ताक्षर किए", "दस्तखत किए"):
        v[f"sign/{verb}"] = f"{a.state} और {b.state} ने मंगलवार को रसद समझौते पर {verb}।"
    for verb in ("समझौता किया", "करार किया"):
        v[f"sign/{verb}"] = f"{a.state} और {b.state} ने मंगलवार को रक्षा सहयोग का {verb}।"
    for verb in ("को मंजूरी दी", "का अनुमोदन किया"):
        v[f"ratify/{verb}"] = (f"{a.gen} संसद ने मंगलवार को {b.state} के साथ रक्षा समझौते "
                               f"{verb}।")
    for verb in ("संयुक्त अभ्यास किया", "संयुक्त अभ्यास शुरू किया", "संयुक्त युद्धाभ्यास किया",
                 "संयुक्त अभ्यास संपन्न किया", "संयुक्त अभ्यास का आयोजन किया"):
        v[f"drill/{verb}"] = f"{a.navy} और {b.navy} ने मंगलवार को फिलीपीन सागर में {verb}।"
    for verb in ("पहुंचा", "बंदरगाह पर पहुंचा", "बंदरगाह पर लंगर डाला", "पहुँचा",
                 "बंदरगाह में दाखिल हुआ"):
        v[f"port/{verb}"] = f"{a.ship} मंगलवार को {b.port} {verb}।"
    for verb in ("सौंपे", "हस्तांतरित किए", "प्रदान किए"):
        v[f"handover/{verb}"] = f"{a.state} ने मंगलवार को {b.navy} को दो गश्ती जहाज {verb}।"
    return v


def _hi_styles(a: Hi, b: Hi, lead: str) -> dict[str, tuple[str, str]]:
    return {
        "top": (f"{a.state}-{b.state} रक्षा संबंधों को मजबूती", lead),
        "neutral": ("सुरक्षा की खबरें", lead),
        "wire": ("रक्षा समाचार", f"मुंबई, 7 दिसंबर (भाषा) {lead} अधिकारियों ने यह जानकारी दी।"),
        "ticker": ("आज की खबरें", f"09:30 शेयर बाजार में तेजी\n\n10:10 {lead}\n\n11:00 दिल्ली में "
                   "बारिश"),
        "column": ("एशिया की बदलती सुरक्षा", "पिछले पांच वर्षों में एशिया में गठबंधन तेजी से बदले "
                   f"हैं।\n\nबजट बढ़ रहे हैं।\n\n{lead}"),
        "roundup": ("रक्षा समाचार संक्षेप में", f"थाईलैंड ने वायुसेना के बजट को मंजूरी दी।\n\n{lead}"
                    "\n\nवियतनाम में संग्रहालय खुला।"),
    }


def _cases(lang: str, a: str, b: str) -> list[tuple[str, str, str]]:
    """(id, title, text) of one ordered pair: each act in _PER_ACT styles, in turn."""
    def styles(lead: str) -> dict[str, tuple[str, str]]:
        if lang == "en":
            return _en_styles(EN[a], EN[b], lead)
        if lang == "ja":
            return _ja_styles(JA[a], JA[b], lead)
        return _hi_styles(HI[a], HI[b], lead)

    acts = (_en_acts(EN[a], EN[b]) if lang == "en" else _ja_acts(JA[a], JA[b]) if lang == "ja"
            else _hi_acts(HI[a], HI[b]))
    out = []
    for i, (act, lead) in enumerate(acts.items()):
        wrapped = list(styles(lead).items())
        for k in range(_PER_ACT):
            style, (title, text) = wrapped[(i + k) % len(wrapped)]
            out.append((f"{lang}/{act}/{style}", title, text))
    return out


# variants the pack does not read, by class (language/act/style or language/act)
_GAP: set[str] = set()


def _gap(cid: str) -> bool:
    """Whether a variant (lang/act/verb/style) is of a class listed in _GAP."""
    lang, act, _verb, style = cid.split("/")
    return f"{lang}/{act}/{style}" in _GAP


def test_the_matrix_is_large() -> None:
    assert sum(len(_cases(lang, a, b)) for lang in ("en", "ja", "hi") for a, b in PAIRS) > 3000


@pytest.mark.parametrize("pair", PAIRS, ids=[f"{a}-{b}" for a, b in PAIRS])
@pytest.mark.parametrize("lang", ["en", "ja", "hi"])
def test_every_verb_naming_and_style(default_ruleset: RuleSet, lang: str,
                                     pair: tuple[str, str]) -> None:
    a, b = pair
    expected = {"bilateral-defence", WATCHED[frozenset(pair)]}
    wrong = []
    for cid, title, text in _cases(lang, a, b):
        got = set(default_ruleset.match_text(title, text).rule_ids)
        if (not expected <= got or (got & PAIR_TOPICS) - expected) and not _gap(cid):
            wrong.append(f"{cid}/{a}-{b}: {sorted(got)}")
    assert not wrong, "\n".join(wrong)


# What the wider vocabulary must not take: a page of timed items about sport, markets or a
# programme (a live page's items are news only when one tells a pair's act of defence); a
# welcome, a speech, talks or an arrival of something other than the forces; a parliament
# approving a tax treaty or a trade deal; history. Texts written for these tests.
_NOT = [
    ("Sports live: Tuesday", "10:10 India beat Japan 3-1 in the hockey final in Chennai.\n\n"
     "10:40 American swimmers arrive in Tokyo for the world championships.\n\n11:15 Rain "
     "delays play in Sydney."),
    ("Markets today", "09:30 Nikkei opens higher as US data lifts exporters.\n\n10:05 India "
     "and Japan sign a deal on semiconductor supply chains.\n\n11:00 Rupee steady."),
    ("Conference programme", "09:00 Registration\n\n09:30 Opening remarks\n\n10:00 Panel: "
     "India, Japan and the future of trade\n\n11:00 Tea"),
    ("Tokyo reacts", "Tokyo welcomed the American decision on tariffs on Tuesday, officials "
     "said."),
    ("Speech in Washington", "Singh delivered a speech in Washington on Tuesday about India's "
     "economy."),
    ("A festival of war films", "The Tokyo film festival staged a retrospective of American "
     "and Japanese war films on Tuesday."),
    ("Trade talks", "Talks between India and the United States on Tuesday focused on tariffs "
     "and visas."),
    ("Cruise ship visit", "The American cruise liner arrived at Yokohama on Tuesday with 3,000 "
     "tourists, and Japanese officials gave it a warm welcome."),
    ("Business", "A Japanese bulk carrier docked at Visakhapatnam on Tuesday to load iron ore, "
     "and Indian port officials welcomed the crew."),
    ("Quake relief", "US military aircraft delivered water and blankets to towns in Japan "
     "on Tuesday."),
    ("History", "Eighty years ago an American destroyer anchored off Sasebo as the occupation "
     "began."),
    # a place held by a state ("Japanese-held Singapore") names no party
    ("A chapter of the war", "Every year a small group gathers at a temple.\n\nBose arrived in "
     "Japanese-held Singapore after a submarine journey from Germany."),
    ("国会", "日本の国会は7日、米国との租税条約を承認した。"),
    ("व्यापार समाचार", "भारत और अमेरिका ने मंगलवार को व्यापार समझौते को मंजूरी दी।"),
    ("खेल", "10:10 भारत ने जापान को हॉकी में हराया\n\n10:40 अमेरिकी तैराक टोक्यो पहुंचे\n\n"
     "11:15 सिडनी में बारिश"),
    ("यात्रा", "अमेरिकी पर्यटकों का जहाज मंगलवार को विशाखापत्तनम बंदरगाह पर पहुंचा।"),
    # यूएस-2 is Japan's flying boat, not the United States
    ("यूएस-2 पर बातचीत", "भारत और जापान के बीच यूएस-2 विमानों की खरीद पर बातचीत कई साल से "
     "चल रही है, लेकिन सौदा अब तक तय नहीं हुआ है।"),
]


@pytest.mark.parametrize(("title", "text"), _NOT, ids=[t for t, _ in _NOT])
def test_what_the_wider_vocabulary_leaves(default_ruleset: RuleSet, title: str,
                                          text: str) -> None:
    assert not set(default_ruleset.match_text(title, text).rule_ids)


@pytest.mark.parametrize(("text", "timed"), [
    ("10:42 IST - Singh spoke to Austin.\n\n11:15 IST - Rain in Chennai.", True),
    ("0930: Markets open.\n\n1040: Singh meets Austin.", True),
    ("9時30分　株価が続伸\n\n10時10分　日米防衛相が会談", True),
    ("09:30 शेयर बाजार में तेजी\n\n10:10 रक्षा मंत्री वॉशिंगटन पहुंचे", True),
    ("The talks began at 10:30 and ended at 12:00.", False),
    ("10:30 - the talks began.\n\nThey ended two hours later.", False),
])
def test_a_page_of_timed_items(text: str, timed: bool) -> None:
    assert timed_items(text) is timed
