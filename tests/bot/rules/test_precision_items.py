"""A matrix of pages that set a pair's act of another field beside one state's own defence
news: two watched states sign or talk on post, weather data, food safety, water or
customs, and, in the same headline, the same sentence or the next item, one state's navy
commissions a submarine, its army tests a missile, its air force receives a fighter, its
defence minister tours the border, another navy names a destroyer. A reader sees two
stories; the rules must not lend the second story's word of the forces to the first
story's pair. Each language (en, ja, hi, mr) in the page shapes such stories come in: a
headline of two items set apart by a semicolon, a lead whose second sentence opens with
"separately" or "the same day", one sentence of two clauses, a ticker, an e-paper's briefs,
a live page's timed items, a listicle, a page led by the defence item. The same shapes
with a pair's defence act in the first item must still alert that pair (the controls).
The fields were chosen to be words the rules do not list as another field's: what must
set them apart is who did what, not a list. Every sentence is our own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from bot.rules import RuleSet
from tests.bot.rules.helpers import PAIR_TOPICS, WATCHED

Item = tuple[str, str]  # (as a headline, as a sentence)


@dataclass(frozen=True)
class Lang:
    civil: list[tuple[frozenset[str], Item]]  # a watched pair's act of another field
    own: list[Item]  # one state's own defence news
    acts: list[tuple[frozenset[str], Item]]  # a watched pair's defence act (controls)
    other: Item  # an item of no state at all
    apart: str  # how a second, separate item opens ("Separately,")
    words: tuple[str, str, str, str]  # headlines: ticker, briefs, live page, listicle


def _p(a: str, b: str) -> frozenset[str]:
    return frozenset((a, b))


EN = Lang(
    civil=[(_p("india", "japan"), (
        "India, Japan sign postal services pact",
        "India and Japan signed an agreement on Tuesday to speed up parcel deliveries "
        "between their postal services.")),
        (_p("us", "japan"), (
            "US, Japan agree to share weather data",
            "The United States and Japan agreed on Wednesday to share typhoon forecasts "
            "and satellite weather data.")),
        (_p("india", "australia"), (
            "India, Australia hold talks on food safety",
            "India and Australia held talks in Canberra on Monday on food safety standards "
            "for mango exports.")),
        (_p("japan", "australia"), (
            "Japan, Australia ink water management accord",
            "Japan and Australia signed a memorandum on river and drought management on "
            "Thursday.")),
        (_p("india", "us"), (
            "India, US sign customs deal",
            "India and the United States signed a customs cooperation agreement in New "
            "Delhi on Friday to speed up cargo clearance."))],
    own=[("Navy commissions new submarine",
          "The Indian Navy commissioned a new submarine at Mumbai the same day."),
         ("Japan's army test-fires new missile",
          "Japan's Ground Self-Defense Force test-fired a new long-range missile in "
          "Hokkaido."),
         ("RAAF receives first upgraded fighter",
          "The Royal Australian Air Force received its first upgraded fighter jet at "
          "Williamtown."),
         ("Defence minister visits Ladakh posts",
          "India's defence minister visited forward army posts in Ladakh."),
         ("US Navy names new destroyer",
          "The US Navy named a new guided-missile destroyer at a ceremony in Maine.")],
    acts=[(_p("india", "japan"), (
        "India, Japan defence ministers hold talks",
        "The defence ministers of India and Japan held talks in Tokyo on Tuesday and "
        "agreed to expand naval exercises.")),
        (_p("us", "japan"), (
            "US, Japanese navies hold joint drill",
            "The US and Japanese navies held a joint anti-submarine drill in the "
            "Philippine Sea on Wednesday.")),
        (_p("india", "australia"), (
            "India, Australia sign defence logistics pact",
            "India and Australia signed a defence logistics agreement in Canberra on "
            "Thursday."))],
    other=("Monsoon reaches Kerala",
           "The monsoon reached Kerala two days early, the weather office said."),
    apart="Separately,",
    words=("Top stories", "In brief", "Live: the day's news", "Five things to know today"))

HI = Lang(
    civil=[(_p("india", "japan"), (
        "भारत-जापान के बीच डाक सेवा समझौता",
        "भारत और जापान ने मंगलवार को डाक सेवाओं के बीच पार्सल जल्दी पहुंचाने के समझौते पर "
        "हस्ताक्षर किए।")),
        (_p("us", "japan"), (
            "अमेरिका और जापान मौसम के आंकड़े साझा करेंगे",
            "अमेरिका और जापान ने बुधवार को तूफान के पूर्वानुमान और उपग्रह से मिले मौसम के "
            "आंकड़े साझा करने पर सहमति जताई।")),
        (_p("india", "australia"), (
            "भारत-ऑस्ट्रेलिया के बीच खाद्य सुरक्षा पर बातचीत",
            "भारत और ऑस्ट्रेलिया ने सोमवार को कैनबरा में आम के निर्यात के लिए खाद्य सुरक्षा "
            "मानकों पर बातचीत की।")),
        (_p("japan", "australia"), (
            "जापान-ऑस्ट्रेलिया में जल प्रबंधन करार",
            "जापान और ऑस्ट्रेलिया ने गुरुवार को नदियों और सूखे के प्रबंधन पर एक करार किया।")),
        (_p("india", "us"), (
            "भारत-अमेरिका के बीच सीमा शुल्क समझौता",
            "भारत और अमेरिका ने शुक्रवार को नई दिल्ली में माल की जल्द निकासी के लिए सीमा "
            "शुल्क सहयोग समझौते पर हस्ताक्षर किए।"))],
    own=[("नौसेना में नई पनडुब्बी शामिल",
          "उसी दिन मुंबई में भारतीय नौसेना के बेड़े में एक नई पनडुब्बी शामिल हुई।"),
         ("जापानी सेना ने नई मिसाइल का परीक्षण किया",
          "जापान की थल आत्मरक्षा सेना ने होक्काइडो में लंबी दूरी की नई मिसाइल का परीक्षण "
          "किया।"),
         ("ऑस्ट्रेलियाई वायुसेना को पहला उन्नत लड़ाकू विमान मिला",
          "ऑस्ट्रेलियाई वायुसेना को विलियमटाउन में पहला उन्नत लड़ाकू विमान मिला।"),
         ("रक्षा मंत्री ने लद्दाख में अग्रिम चौकियों का दौरा किया",
          "रक्षा मंत्री ने लद्दाख में सेना की अग्रिम चौकियों का दौरा किया।"),
         ("अमेरिकी नौसेना के नए विध्वंसक का नामकरण",
          "अमेरिकी नौसेना ने मेन में एक समारोह में नए निर्देशित मिसाइल विध्वंसक का नामकरण "
          "किया।")],
    acts=[(_p("india", "japan"), (
        "भारत-जापान के रक्षा मंत्रियों की बातचीत",
        "भारत और जापान के रक्षा मंत्रियों ने मंगलवार को टोक्यो में बातचीत की और नौसैनिक "
        "अभ्यास बढ़ाने पर सहमति जताई।")),
        (_p("us", "japan"), (
            "अमेरिका-जापान की नौसेनाओं का संयुक्त अभ्यास",
            "अमेरिका और जापान की नौसेनाओं ने बुधवार को फिलीपीन सागर में संयुक्त "
            "पनडुब्बी-रोधी अभ्यास किया।")),
        (_p("india", "australia"), (
            "भारत-ऑस्ट्रेलिया ने रक्षा रसद समझौते पर हस्ताक्षर किए",
            "भारत और ऑस्ट्रेलिया ने गुरुवार को कैनबरा में रक्षा रसद समझौते पर हस्ताक्षर "
            "किए।"))],
    other=("केरल में मानसून पहुंचा", "मौसम विभाग ने बताया कि मानसून दो दिन पहले केरल पहुंच गया।"),
    apart="इस बीच,",
    words=("आज की बड़ी खबरें", "संक्षेप में", "लाइव: दिन भर की खबरें", "आज की पांच खास बातें"))

MR = Lang(
    civil=[(_p("india", "japan"), (
        "भारत-जपान टपाल सेवा करार",
        "भारत आणि जपान यांनी मंगळवारी टपाल सेवांमधील पार्सल लवकर पोहोचवण्याच्या करारावर "
        "स्वाक्षऱ्या केल्या.")),
        (_p("us", "japan"), (
            "अमेरिका आणि जपान हवामानाची माहिती देणार-घेणार",
            "अमेरिका आणि जपान यांनी बुधवारी वादळांचे अंदाज आणि उपग्रहांकडून मिळणारी "
            "हवामानाची माहिती एकमेकांना देण्याचे मान्य केले.")),
        (_p("india", "australia"), (
            "भारत-ऑस्ट्रेलिया अन्न सुरक्षेवर चर्चा",
            "भारत आणि ऑस्ट्रेलिया यांच्यात सोमवारी कॅनबेरा येथे आंब्याच्या निर्यातीसाठी "
            "अन्न सुरक्षा मानकांवर चर्चा झाली.")),
        (_p("japan", "australia"), (
            "जपान-ऑस्ट्रेलियात जल व्यवस्थापन करार",
            "जपान आणि ऑस्ट्रेलिया यांनी गुरुवारी नद्या आणि दुष्काळाच्या व्यवस्थापनाबाबत करार "
            "केला.")),
        (_p("india", "us"), (
            "भारत-अमेरिका सीमाशुल्क करार",
            "भारत आणि अमेरिका यांनी शुक्रवारी नवी दिल्लीत मालाची जलद तपासणी करण्यासाठी "
            "सीमाशुल्क सहकार्य करारावर स्वाक्षऱ्या केल्या."))],
    own=[("नौदलाच्या ताफ्यात नवी पाणबुडी",
          "त्याच दिवशी मुंबईत भारतीय नौदलाच्या ताफ्यात नवी पाणबुडी दाखल झाली."),
         ("जपानी लष्कराकडून नव्या क्षेपणास्त्राची चाचणी",
          "जपानच्या भूदलाने होक्काइडोमध्ये लांब पल्ल्याच्या नव्या क्षेपणास्त्राची चाचणी घेतली."),
         ("ऑस्ट्रेलियन हवाई दलाला पहिले अद्ययावत लढाऊ विमान",
          "ऑस्ट्रेलियन हवाई दलाला विल्यमटाऊन येथे पहिले अद्ययावत लढाऊ विमान मिळाले."),
         ("संरक्षणमंत्र्यांचा लडाख दौरा",
          "संरक्षणमंत्र्यांनी लडाखमधील लष्कराच्या आघाडीच्या चौक्यांना भेट दिली."),
         ("अमेरिकी नौदलाच्या नव्या विनाशिकेचे नामकरण",
          "अमेरिकी नौदलाने मेनमधील समारंभात नव्या क्षेपणास्त्रवाहू विनाशिकेचे नामकरण केले.")],
    acts=[(_p("india", "japan"), (
        "भारत-जपान संरक्षणमंत्र्यांची चर्चा",
        "भारत आणि जपानच्या संरक्षणमंत्र्यांनी मंगळवारी टोकियोत चर्चा केली आणि नौदल सराव "
        "वाढवण्यावर सहमती दर्शवली.")),
        (_p("us", "japan"), (
            "अमेरिका-जपान नौदलांचा संयुक्त सराव",
            "अमेरिका आणि जपानच्या नौदलांनी बुधवारी फिलिपाइन समुद्रात संयुक्त "
            "पाणबुडीविरोधी सराव केला.")),
        (_p("india", "australia"), (
            "भारत-ऑस्ट्रेलिया संरक्षण रसद करार",
            "भारत आणि ऑस्ट्रेलिया यांनी गुरुवारी कॅनबेरा येथे संरक्षण रसद करारावर "
            "स्वाक्षऱ्या केल्या."))],
    other=("केरळमध्ये मान्सून दाखल",
           "मान्सून दोन दिवस आधीच केरळमध्ये दाखल झाल्याचे हवामान विभागाने सांगितले."),
    apart="दरम्यान,",
    words=("आजच्या ठळक बातम्या", "थोडक्यात", "लाइव्ह : दिवसभरातील घडामोडी",
           "आजच्या पाच महत्त्वाच्या गोष्टी"))

JA = Lang(
    civil=[(_p("india", "japan"), (
        "日印、郵便協力で覚書",
        "日本とインドは10日、郵便事業で小包の配達を早める覚書に署名した。")),
        (_p("us", "japan"), (
            "日米、気象データ共有で合意",
            "日米両政府は11日、台風の予報や衛星の気象データを共有することで合意した。")),
        (_p("india", "australia"), (
            "印豪、食品安全で協議",
            "インドとオーストラリアは12日、マンゴー輸出の食品安全基準について協議した。")),
        (_p("japan", "australia"), (
            "日豪、水管理で協定",
            "日本とオーストラリアは13日、河川と干ばつの管理に関する協定に署名した。")),
        (_p("india", "us"), (
            "米印、税関協力で合意",
            "米国とインドは14日、ニューデリーで貨物の通関を早める税関協力協定に署名した。"))],
    own=[("インド海軍、新潜水艦を就役",
          "同じ日、ムンバイではインド海軍の新しい潜水艦が就役した。"),
         ("陸自、新型ミサイルを試射", "陸上自衛隊は北海道で新型の長射程ミサイルを試射した。"),
         ("豪空軍、改修戦闘機の初号機を受領",
          "オーストラリア空軍は改修した戦闘機の初号機を受領した。"),
         ("防衛相、南西諸島の部隊を視察", "防衛相は南西諸島の陸自部隊を視察した。"),
         ("米海軍、新型駆逐艦を命名",
          "米海軍はメーン州での式典で新型のミサイル駆逐艦を命名した。")],
    acts=[(_p("india", "japan"), (
        "日印防衛相が会談",
        "日本とインドの防衛相は10日、東京で会談し、海上共同訓練の拡大で一致した。")),
        (_p("us", "japan"), (
            "海自と米海軍が共同訓練",
            "海上自衛隊と米海軍は11日、フィリピン海で対潜水艦戦の共同訓練を行った。")),
        (_p("india", "australia"), (
            "印豪、防衛協力で協定に署名",
            "インドとオーストラリアは13日、キャンベラで防衛協力を深める協定に署名した。"))],
    other=("沖縄で梅雨入り", "気象台は沖縄地方が梅雨入りしたとみられると発表した。"),
    apart="これとは別に、",
    words=("きょうの主なニュース", "短信", "ライブ　きょうの動き", "きょう知っておきたい5つのこと"))

LANGS = {"en": EN, "hi": HI, "mr": MR, "ja": JA}

Page = Callable[[Lang, Item, Item], tuple[str, str]]


def _join(lang: Lang, a: str, b: str) -> str:
    """Two sentences as one: a semicolon in English, a comma and the Devanagari "while"
    or the Japanese 一方 otherwise."""
    if lang is EN:
        return f"{a[:-1]}; {b[0].lower()}{b[1:]}"
    if lang is JA:
        return f"{a[:-1]}、一方で{b}"
    return f"{a[:-1]}, {'तर' if lang is MR else 'वहीं'} {b}"


# the shapes: (pair's item, one state's item) -> (title, text)
PAGES: dict[str, Page] = {
    "headline of two items": lambda lg, p, o: (
        f"{p[0]}; {o[0]}", f"{p[1]} {o[1]}"),
    "headline of the pair, lead of both": lambda lg, p, o: (p[0], f"{p[1]} {o[1]}"),
    "second item set apart": lambda lg, p, o: (p[0], f"{p[1]} {lg.apart} {o[1]}"),
    "one sentence of two clauses": lambda lg, p, o: (p[0], _join(lg, p[1], o[1])),
    "ticker": lambda lg, p, o: (lg.words[0], f"{o[0]} | {p[0]} | {lg.other[0]}"),
    "briefs": lambda lg, p, o: (
        lg.words[1], f"• {o[0]}\n{o[1]}\n• {p[0]}\n{p[1]}\n• {lg.other[0]}\n{lg.other[1]}"),
    "live page": lambda lg, p, o: (
        lg.words[2], f"10:05 {o[1]}\n10:40 {p[1]}\n11:15 {lg.other[1]}"),
    "listicle": lambda lg, p, o: (
        lg.words[3], f"1. {p[0]}: {p[1]}\n2. {o[0]}: {o[1]}\n3. {lg.other[0]}"),
    "led by the defence item": lambda lg, p, o: (o[0], f"{o[1]} {p[1]}"),
}


def negatives(lang: str) -> list[tuple[str, str, str]]:
    lg = LANGS[lang]
    out = []
    for i, (_, civil) in enumerate(lg.civil):
        for j in (i, (i + 1) % len(lg.own)):
            for shape, page in PAGES.items():
                out.append((f"{shape} / civil {i} / own {j}", *page(lg, civil, lg.own[j])))
    return out


def controls(lang: str) -> list[tuple[frozenset[str], str, str, str]]:
    lg = LANGS[lang]
    out = []
    for i, (pair, act) in enumerate(lg.acts):
        for shape, page in PAGES.items():
            if shape == "led by the defence item":
                continue  # the pair's act second, under one state's headline: not a lead
            out.append((pair, f"{shape} / act {i}", *page(lg, act, lg.own[i])))
    return out


def _topics(ruleset: RuleSet, title: str, text: str) -> set[str]:
    return set(ruleset.match_text(title, text).rule_ids)


# Still alerting, and kept in sight (strictly: a fix shows as a change of this list):
# a defence minister's tour of his own state's posts ("visited forward army posts in
# Ladakh") beside the pair: a visit is an act two states do, so the tour is not set
# apart as the state's own; and a submarine inducted into the fleet (बेड़े में शामिल) in a
# clause, read as a warship's port call the pair makes.
_VISIT = ("headline of two items / civil 2 / own 3",
          "headline of the pair, lead of both / civil 2 / own 3",
          "one sentence of two clauses / civil 2 / own 3",
          "led by the defence item / civil 2 / own 3",
          "one sentence of two clauses / civil 3 / own 3")
GAPS = {"en": set(_VISIT), "mr": set(_VISIT), "ja": set(),
        "hi": {*_VISIT, "headline of two items / civil 3 / own 3",
               "one sentence of two clauses / civil 0 / own 0"}}


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_a_pairs_other_field_beside_one_states_forces_is_silent(
        default_ruleset: RuleSet, lang: str) -> None:
    pages = negatives(lang)
    failed = {label: f"{label}: {sorted(got)}\n  {title} | {text}"
              for label, title, text in pages
              if (got := _topics(default_ruleset, title, text))}
    assert len(pages) == 90
    new = [why for label, why in failed.items() if label not in GAPS[lang]]
    assert not new, f"{len(new)} alerted:\n" + "\n".join(new)
    assert set(failed) == GAPS[lang], f"no longer alerting: {GAPS[lang] - set(failed)}"


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_a_pairs_defence_act_in_the_same_shapes_alerts(default_ruleset: RuleSet,
                                                       lang: str) -> None:
    failed = []
    for pair, label, title, text in controls(lang):
        got = _topics(default_ruleset, title, text)
        want = {"bilateral-defence", WATCHED[pair]}
        if not want <= got or (got & PAIR_TOPICS) - want:
            failed.append(f"{label}: {sorted(got)}\n  {title} | {text}")
    assert not failed, f"{len(failed)} missed:\n" + "\n".join(failed)
