"""Guards read the story, not its background. A column or an editorial often opens on what
came before (what Australia meant to readers: cricket and students; the four navies of
2007 and the Quad's silence; a Cold War umbrella held by a third state) and then says it
turns to its news: "Against this backdrop", "इसी पृष्ठभूमि में", "या पार्श्वभूमीवर",
"こうした中". The sport guard, the group guard and the third state of the multilateral
guard must read that news paragraph as the lead (bot/rules/lead.py), not the opening:
every watched pair in both orders, four languages, each background, several turns and
every act must alert the pair. Pages of the same shapes whose news is a cricket final, a
trade pact or one state's own drill stay silent, the background as above.

A group's exercise given to two of its members alone ("the Indian and US navies'
Malabar", भारतीय नौसेना और अमेरिकी नौसेना का मालाबार अभ्यास) is the two's edition, with a
history paragraph that recalls the year others joined; under a top that names a third
member it is still the group's. Texts written for these tests."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import pytest

from bot.rules import RuleSet
from tests.bot.rules.helpers import BD, IU, PAIR_TOPICS, topics
from tests.bot.rules.test_page_structures import HI, MR, PAIRS, _hi_acts, _mr_acts, failures
from tests.bot.rules.test_page_structures_en_ja import EN, JA, _en_acts, _ja_acts

_QUAD = ("us", "japan", "australia", "india")


def _third(first: str, second: str) -> str:
    return next(s for s in _QUAD if s not in (first, second))


Background = Callable[[Any, Any, Any], str]  # (a, b, a third state) -> the opening paragraph

# the opening paragraphs, each carrying one guard's trigger, by language
BACKGROUNDS: dict[str, dict[str, Background]] = {
    "en": {
        "sport in a list": lambda a, b, t: (
            f"For years {b.name} meant little more to readers here than cricket, beaches "
            "and students. Few thought of its navy."),
        "sport between the two": lambda a, b, t: (
            f"The last time {a.name} and {b.name} made the front page together, it was for "
            "a hockey final that went to penalties."),
        "the group of four": lambda a, b, t: (
            "In 2007 four navies sailed together in the Bay of Bengal, and then the Quad "
            "went quiet for a decade."),
        "a third state": lambda a, b, t: (
            f"During the Cold War {a.name} sheltered under the umbrella of {t.name} while "
            f"{b.name} kept its distance from both."),
    },
    "ja": {
        "sport in a list": lambda a, b, t: (
            f"{b.name}と聞いて多くの読者が思い浮かべたのは、長くサッカーや留学生だった。"),
        "sport between the two": lambda a, b, t: (
            f"{a.name}と{b.name}が並んで紙面を飾ったのは、これまでホッケーの決勝くらいだった。"),
        "the group of four": lambda a, b, t: (
            "２００７年には４カ国の海軍がベンガル湾で共に航行したが、日米豪印の枠組みはその後"
            "１０年近く動かなかった。"),
        "a third state": lambda a, b, t: (
            f"冷戦期、{a.name}は{t.name}の傘の下にあり、{b.name}は距離を置いていた。"),
    },
    "hi": {
        "sport in a list": lambda a, b, t: (
            f"बरसों तक {b.nom} का नाम आते ही पाठकों को क्रिकेट, समुद्र तट और छात्र ही याद "
            "आते थे।"),
        "sport between the two": lambda a, b, t: (
            f"{a.nom} और {b.nom} पिछली बार साथ सुर्खियों में हॉकी के फाइनल की वजह से आए थे।"),
        "the group of four": lambda a, b, t: (
            "2007 में चार देशों की नौसेनाओं ने बंगाल की खाड़ी में साथ अभ्यास किया था, फिर क्वाड "
            "दस साल ठंडा पड़ा रहा।"),
        "a third state": lambda a, b, t: (
            f"शीतयुद्ध के दौर में {a.nom} {t.gen} छत्र के नीचे था और {b.nom} दोनों से दूरी "
            "रखता था।"),
    },
    "mr": {
        "sport in a list": lambda a, b, t: (
            f"{b.nom} म्हटले की वाचकांना वर्षानुवर्षे क्रिकेट, समुद्रकिनारे आणि विद्यार्थीच "
            "आठवत."),
        "sport between the two": lambda a, b, t: (
            f"{a.nom} आणि {b.nom} मागच्या वेळी एकत्र गाजले ते हॉकीच्या अंतिम सामन्यामुळे."),
        "the group of four": lambda a, b, t: (
            "२००७ मध्ये चार देशांच्या नौदलांनी बंगालच्या उपसागरात एकत्र सराव केला होता, पण "
            "त्यानंतर क्वाड दशकभर थंडावला."),
        "a third state": lambda a, b, t: (
            f"शीतयुद्धाच्या काळात {a.nom} {t.gen} छत्राखाली होता आणि {b.nom} दोघांपासून "
            "अंतर राखून होता."),
    },
}
# the turn from the background to the news, by language
TURNS = {
    "en": ("Against this backdrop, ", "It is against this background that ",
           "In this context, "),
    "ja": ("こうした中、", "そうした中で、", "このような状況の中、"),
    "hi": ("इसी पृष्ठभूमि में ", "इस पृष्ठभूमि में ", "इस परिप्रेक्ष्य में "),
    "mr": ("या पार्श्वभूमीवर ", "याच पार्श्वभूमीवर ", "अशा पार्श्वभूमीवर "),
}
HEADS = {"en": ("A neighbour across the ocean", "ANALYSIS"),
         "ja": ("海の向こうの隣人", "【解説】"),
         "hi": ("समंदर पार का पड़ोसी", "विश्लेषण"),
         "mr": ("सागरापलीकडचा शेजारी", "विश्लेषण")}
_STOP = {"en": ".", "ja": "。", "hi": "।", "mr": "."}
_CLOSE = {"en": "The step is small, but it points the right way.",
          "ja": "小さな一歩だが、方向は正しい。",
          "hi": "कदम छोटा है, पर दिशा सही है।",
          "mr": "हे पाऊल छोटे आहे, पण दिशा योग्य आहे."}
_STATES: dict[str, dict[str, Any]] = {"en": EN, "ja": JA, "hi": HI, "mr": MR}
_ACTS: dict[str, Callable[[Any, Any], dict[str, str]]] = {
    "en": _en_acts, "ja": _ja_acts, "hi": _hi_acts, "mr": _mr_acts}


def _lower_first(turn: str, act: str) -> str:
    """An act after a turn that ends mid-sentence ("Against this backdrop, the ...")."""
    return "the" + act[3:] if turn.endswith(" ") and act.startswith("The ") else act


def _page(lang: str, background: str, turn: str, news: str) -> tuple[str, str]:
    """(headline, text) of a column: its label and headline, the background, the turn to
    the news, a closing line."""
    head, label = HEADS[lang]
    stop = _STOP[lang]
    body = f"{label}\n\n{background}\n\n{turn}{_lower_first(turn, news)}{stop}\n\n{_CLOSE[lang]}"
    return head, body


def matrix(lang: str, first: str, second: str) -> list[tuple[str, str, str]]:
    states = _STATES[lang]
    a, b, t = states[first], states[second], states[_third(first, second)]
    out = []
    for (guard, background), turn, (how, act) in itertools.product(
            BACKGROUNDS[lang].items(), TURNS[lang], _ACTS[lang](a, b).items()):
        title, text = _page(lang, background(a, b, t), turn, act)
        out.append((f"{guard} / {turn.strip()} / {how}", title, text))
    return out


@pytest.mark.parametrize("lang", ["en", "ja", "hi", "mr"])
@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_a_guard_in_the_background_keeps_the_news(default_ruleset: RuleSet, lang: str,
                                                   first: str, second: str) -> None:
    pages = matrix(lang, first, second)
    failed = failures(default_ruleset, first, second, pages)
    assert len(pages) == len(BACKGROUNDS[lang]) * len(TURNS[lang]) * len(
        _ACTS[lang](_STATES[lang][first], _STATES[lang][second]))
    assert not failed, f"{len(failed)} of {len(pages)} failed:\n" + "\n".join(failed)


# news of the same pages that is no defence act of two states: a cricket final, a trade
# pact, one state's own drill
NEWS: dict[str, Callable[[Any, Any], dict[str, str]]] = {
    "en": lambda a, b: {
        "cricket final": f"{a.adj} and {b.adj} cricket teams meet in the final on Sunday",
        "trade pact": f"{a.name} and {b.name} signed a trade agreement on tariffs on Monday",
        "one state's drill": f"{a.force} began a drill of its own off its coast on Friday",
    },
    "ja": lambda a, b: {
        "cricket final": f"{a.name}と{b.name}のサッカー代表が日曜、決勝で対戦する",
        "trade pact": f"{a.name}と{b.name}は13日、関税を下げる貿易協定に署名した",
        "one state's drill": f"{a.force}は15日、自国の沿岸で単独の訓練を始めた",
    },
    "hi": lambda a, b: {
        "cricket final": f"{a.nom} और {b.nom} की क्रिकेट टीमें रविवार को फाइनल में "
                         "भिड़ेंगी",
        "trade pact": f"{a.nom} और {b.nom} ने सोमवार को शुल्क घटाने वाले व्यापार समझौते पर "
                      "दस्तखत किए",
        "one state's drill": f"{a.force} ने शुक्रवार को अपने तट के पास अकेले अभ्यास शुरू "
                             "किया",
    },
    "mr": lambda a, b: {
        "cricket final": f"{a.nom} आणि {b.nom} यांचे क्रिकेट संघ रविवारी अंतिम सामन्यात "
                         "आमनेसामने येतील",
        "trade pact": f"{a.nom} व {b.nom} यांनी सोमवारी शुल्ककपातीच्या व्यापार करारावर सह्या "
                      "केल्या",
        "one state's drill": f"{a.force} शुक्रवारी आपल्या किनाऱ्याजवळ स्वतंत्र सराव सुरू "
                             "केला",
    },
}


@pytest.mark.parametrize("lang", ["en", "ja", "hi", "mr"])
@pytest.mark.parametrize(("first", "second"), PAIRS[::2])
def test_news_of_no_defence_act_stays_silent(default_ruleset: RuleSet, lang: str,
                                              first: str, second: str) -> None:
    states = _STATES[lang]
    a, b, t = states[first], states[second], states[_third(first, second)]
    alerted = []
    for (guard, background), turn, (what, news) in itertools.product(
            BACKGROUNDS[lang].items(), TURNS[lang], NEWS[lang](a, b).items()):
        title, text = _page(lang, background(a, b, t), turn, news)
        got = topics(default_ruleset, title, text)
        if got:
            alerted.append(f"{guard} / {turn.strip()} / {what}: {sorted(got)}\n  {text}")
    assert not alerted, f"{len(alerted)} alerted:\n" + "\n".join(alerted)


# Malabar given to two navies alone, by the top; the history of the year others joined
# further down
TWO_NAVY_MALABAR = [
    ("en", "Malabar opens off Chennai with a US carrier",
     "The Indian and US navies began their annual Malabar exercise in the Bay of Bengal on "
     "Monday.\n\nThe series began in 1992. In 2007 Japan, Australia and Singapore joined "
     "one edition; this year it is again the two navies alone."),
    ("en", "Carrier, destroyers sail for Malabar",
     "The Malabar exercise between the Indian Navy and the US Navy got under way off Goa "
     "on Monday, with a carrier from each side.\n\nJapan's ships took part in 2007 and "
     "2009, far to the east."),
    ("hi", "मालाबार अभ्यास शुरू, अमेरिकी विमानवाहक पोत चेन्नई के पास",
     "चेन्नई। भारतीय नौसेना और अमेरिकी नौसेना का सालाना मालाबार अभ्यास सोमवार को शुरू हुआ।"
     "\n\n2007 में एक संस्करण में जापान और ऑस्ट्रेलिया भी शामिल हुए थे, पर इस बार यह दोनों "
     "देशों तक सीमित है।"),
    ("hi", "अरब सागर में मालाबार की शुरुआत",
     "भारत और अमेरिका की नौसेनाओं का मालाबार अभ्यास गोवा के तट के पास सोमवार से शुरू हुआ।"
     "\n\n2007 में जापान, ऑस्ट्रेलिया और सिंगापुर भी इसमें आए थे।"),
    ("mr", "बंगालच्या उपसागरात मलबार सराव",
     "चेन्नई : भारत आणि अमेरिकेच्या नौदलांचा 'मलबार' हा संयुक्त सराव सोमवारपासून सुरू "
     "झाला.\n\n२००७ मध्ये त्यात जपान, ऑस्ट्रेलिया आणि सिंगापूरही सहभागी झाले होते; यंदा "
     "मात्र तो पुन्हा केवळ दोन देशांपुरता आहे."),
    ("mr", "गोव्याजवळ मलबार सरावाला सुरुवात",
     "भारताचे नौदल आणि अमेरिकेचे नौदल यांच्यातील मलबार सराव सोमवारी अरबी समुद्रात सुरू "
     "झाला.\n\n२००७ मध्ये जपान आणि ऑस्ट्रेलियाही त्यात आले होते."),
    ("ja", "マラバール、ベンガル湾で開始",
     "インド海軍と米海軍の共同訓練「マラバール」が１６日、ベンガル湾で始まった。\n\n"
     "２００７年には日本や豪州も加わったが、今回は２カ国のみとなる。"),
]
# the group's editions: the top names a third member, or two members' ships arrive for
# the exercise the third hosts
GROUP_MALABAR = [
    ("en", "Malabar opens off Guam",
     "The Indian and US navies began the Malabar exercise on Monday, joined by ships of "
     "Japan and Australia."),
    ("en", "Indian, Japanese warships reach Guam for Malabar",
     "INS Shivalik and JS Kaga docked on Friday for the Malabar exercise hosted by the "
     "US Navy."),
    ("hi", "गुआम में मालाबार शुरू",
     "भारतीय नौसेना और अमेरिकी नौसेना का मालाबार अभ्यास सोमवार को शुरू हुआ, जिसमें जापान "
     "और ऑस्ट्रेलिया के युद्धपोत भी शामिल हैं।"),
    ("mr", "गुआममध्ये मलबार सराव",
     "भारताचे नौदल आणि अमेरिकेचे नौदल यांच्यातील मलबार सराव सोमवारी सुरू झाला; जपान व "
     "ऑस्ट्रेलियाच्या युद्धनौकाही त्यात सहभागी आहेत."),
    ("hi", "भारतीय और जापानी युद्धपोत मालाबार के लिए गुआम पहुंचे",
     "आईएनएस शिवालिक और जेएस कागा शुक्रवार को अमेरिकी नौसेना की मेजबानी वाले मालाबार "
     "अभ्यास के लिए पहुंचे।"),
    ("mr", "भारतीय आणि जपानी युद्धनौका मलबारसाठी गुआममध्ये",
     "आयएनएस शिवालिक आणि जेएस कागा शुक्रवारी अमेरिकी नौदलाच्या यजमानपदाखालील मलबार "
     "सरावासाठी दाखल झाल्या."),
    ("ja", "印日の艦艇、マラバールでグアム入り",
     "インド海軍と海上自衛隊の艦艇が１４日、米海軍が主催する「マラバール」に参加するため"
     "グアムに入った。"),
    ("ja", "マラバール、グアム沖で開始",
     "海上自衛隊と米海軍、インド海軍、豪海軍の共同訓練「マラバール」が１６日、始まった。"),
]


@pytest.mark.parametrize(("lang", "title", "text"), TWO_NAVY_MALABAR)
def test_a_two_navy_malabar_is_the_pairs(default_ruleset: RuleSet, lang: str, title: str,
                                         text: str) -> None:
    got = topics(default_ruleset, title, text)
    assert got >= IU, got
    assert not (got & PAIR_TOPICS) - IU, got


@pytest.mark.parametrize(("lang", "title", "text"), GROUP_MALABAR)
def test_a_group_malabar_is_no_pairs(default_ruleset: RuleSet, lang: str, title: str,
                                     text: str) -> None:
    got = topics(default_ruleset, title, text)
    assert not got & (PAIR_TOPICS | BD), got


# An explainer's headline ("What is the logistics pact?", म्हणजे काय?, とは何か) heads a
# primer, not news, unless its answer tells the pair acting on a day: "On Tuesday a
# Japanese tanker refuelled INS Shivalik" is the news the explainer is pegged to. The same
# answer telling what the pact allows, on no day, stays a primer.
EXPLAINERS: dict[str, tuple[str, str, Callable[[Any, Any], str], Callable[[Any, Any], str]]] = {
    "en": ("What is a logistics pact, and why it matters now",
           "Q: What is it?\n\nA: An agreement that lets two militaries supply each other.\n\n"
           "Q: Why is it in the news?\n\nA: {answer}",
           lambda a, b: f"On Tuesday a tanker of {b.force} refuelled {a.ship} in the Arabian "
                        "Sea under the pact.",
           lambda a, b: f"Under such pacts, tankers of {b.force} can refuel ships like "
                        f"{a.ship}."),
    "hi": ("लॉजिस्टिक्स समझौता क्या है?",
           "सवाल : यह क्या है?\n\nजवाब : ऐसा समझौता जिससे दो सेनाएं एक-दूसरे को ईंधन और सामान दे "
           "सकती हैं।\n\nसवाल : अभी चर्चा क्यों?\n\nजवाब : {answer}",
           lambda a, b: f"मंगलवार को {b.force} के टैंकर ने अरब सागर में {a.ship} को ईंधन "
                        "दिया।",
           lambda a, b: f"इस समझौते के तहत {b.force} के टैंकर {a.ship} जैसे जहाजों को ईंधन "
                        "दे सकते हैं।"),
    "mr": ("लॉजिस्टिक्स करार म्हणजे काय?",
           "प्रश्न : हा करार म्हणजे काय?\n\nउत्तर : दोन सैन्यांनी एकमेकांना इंधन आणि साहित्य "
           "पुरवण्याची व्यवस्था.\n\nप्रश्न : आत्ता हा विषय का चर्चेत?\n\nउत्तर : {answer}",
           lambda a, b: f"मंगळवारी अरबी समुद्रात {b.gen} नौदलाच्या टँकरने {a.ship}ला इंधन "
                        "दिले.",
           lambda a, b: f"या करारानुसार {b.gen} नौदलाचे टँकर {a.ship}सारख्या जहाजांना इंधन "
                        "देऊ शकतात."),
    "ja": ("物品役務相互提供協定とは何か",
           "問：どんな協定か\n\n答：２国の軍が燃料や物資を融通し合う取り決め。\n\n"
           "問：なぜ今話題に？\n\n答：{answer}",
           lambda a, b: f"火曜日、{b.force}の補給艦がアラビア海で{a.ship}に給油した。",
           lambda a, b: f"協定があれば、{b.force}の補給艦は{a.ship}などに給油できる。"),
}


@pytest.mark.parametrize("lang", ["en", "ja", "hi", "mr"])
def test_an_explainer_pegged_to_a_days_act_is_news(default_ruleset: RuleSet,
                                                    lang: str) -> None:
    title, body, told, allowed = EXPLAINERS[lang]
    states = _STATES[lang]
    missed, alerted = [], []
    for first, second in PAIRS:
        a, b = states[first], states[second]
        text = body.format(answer=told(a, b))
        if failures(default_ruleset, first, second, [("day", title, text)]):
            missed.append(f"{first}-{second}: {sorted(topics(default_ruleset, title, text))}"
                          f"\n  {text}")
        text = body.format(answer=allowed(a, b))
        if got := topics(default_ruleset, title, text) & (PAIR_TOPICS | BD):
            alerted.append(f"{first}-{second}: {sorted(got)}\n  {text}")
    assert not missed, "missed:\n" + "\n".join(missed)
    assert not alerted, "alerted:\n" + "\n".join(alerted)


# A column may turn to its news with no word of the turn, only the news's time ("This
# week", या आठवड्यात, इस हफ्ते, 今週): a sport named in its opening among what a place calls
# to mind is no sport story (the guard reads a sport in the lead only beside a contest:
# a match, a final, who won), while a lead that tells a game stays sport.
ANECDOTES = {lang: {k: v for k, v in BACKGROUNDS[lang].items() if k == "sport in a list"}
             for lang in BACKGROUNDS}
TIMES = {"en": ("This week, ", "Last week "), "ja": ("今週、", "先週、"),
         "hi": ("इस हफ्ते ", "पिछले हफ्ते "), "mr": ("या आठवड्यात ", "गेल्या आठवड्यात ")}


@pytest.mark.parametrize("lang", ["en", "ja", "hi", "mr"])
@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_a_sport_named_in_an_anecdote_keeps_the_news(default_ruleset: RuleSet, lang: str,
                                                     first: str, second: str) -> None:
    states = _STATES[lang]
    a, b, t = states[first], states[second], states[_third(first, second)]
    pages = [(f"{when.strip()} / {how}", *_page(lang, background(a, b, t), when, act))
             for background, when, (how, act) in itertools.product(
                 ANECDOTES[lang].values(), TIMES[lang], _ACTS[lang](a, b).items())]
    failed = failures(default_ruleset, first, second, pages)
    assert not failed, f"{len(failed)} of {len(pages)} failed:\n" + "\n".join(failed)


# leads that tell a game, under a headline with no sport word, and a memoir of a family
# whose soldier and sailor met at a wedding: no defence statement
GAMES = [
    ("en", "Rivals renew old battle",
     "India and Australia met in the cricket final in Perth on Sunday, and Australia won by "
     "six wickets. India's defence collapsed in the last hour."),
    ("ja", "宿敵、再び激突",
     "日本と米国の野球代表は日曜、決勝で対戦し、米国が勝利した。日本の守備は最後に崩れた。"),
    ("hi", "पुराने प्रतिद्वंद्वी फिर आमने-सामने",
     "भारत और ऑस्ट्रेलिया के बीच रविवार को हॉकी का फाइनल खेला गया, जिसमें ऑस्ट्रेलिया ने जीत "
     "हासिल की। भारत की रक्षा पंक्ति आखिरी मिनटों में बिखर गई।"),
    ("mr", "जुने प्रतिस्पर्धी पुन्हा आमनेसामने",
     "भारत आणि जपान यांच्यात रविवारी हॉकीचा अंतिम सामना झाला आणि जपानने विजय मिळवला. भारताची "
     "बचावफळी शेवटच्या मिनिटांत कोसळली."),
    ("en", "What both sides of my family taught me about Japan and India",
     "My grandfather served in the Indian army and my grandmother's brother was a Japanese "
     "sailor; they met once, at a wedding, and talked about football for an evening."),
    ("hi", "मेरे दादा और जापानी नाविक की दोस्ती",
     "मेरे दादा भारतीय सेना में थे और उनके दोस्त जापानी नौसेना में नाविक थे; दोनों एक शादी में मिले "
     "और रात भर फुटबॉल पर बात की।"),
    ("mr", "माझे आजोबा आणि जपानी खलाशी",
     "माझे आजोबा भारतीय लष्करात होते आणि त्यांचे मित्र जपानी नौदलात खलाशी होते; दोघे एका लग्नात "
     "भेटले आणि रात्रभर फुटबॉलवर गप्पा मारल्या."),
    ("ja", "私の祖父とインドの軍人",
     "私の祖父は海上自衛隊の隊員で、インド陸軍の友人と結婚式で一度会い、サッカーの話をした。"),
]


@pytest.mark.parametrize(("lang", "title", "text"), GAMES)
def test_a_game_or_a_memoir_is_no_statement(default_ruleset: RuleSet, lang: str, title: str,
                                            text: str) -> None:
    got = topics(default_ruleset, title, text)
    assert not got & (PAIR_TOPICS | BD), got
