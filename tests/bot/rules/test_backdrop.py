""""Both countries" read from around the sentence: the pair its paragraph has just named,
over a top that names the states of the background; and, after a story turns from its
background ("या पार्श्वभूमीवर", "इस पृष्ठभूमि में", "Against this backdrop", こうした中),
the two states its news names most (texts written for these tests)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.rules import RuleSet, load_ruleset
from tests.bot.rules.helpers import matches, one_rule, write_dir

LEXICON: dict[str, dict[str, Any]] = {
    "countries": {
        "india": {"name": "India", "aliases": ["Indian", "भारत", "インド"]},
        "us": {"name": "United States", "aliases": ["American", "US", "अमेरिका", "米国"]},
        "china": {"name": "China", "aliases": ["Chinese", "चीन", "中国"]},
        "pakistan": {"name": "Pakistan", "aliases": ["पाकिस्तान", "パキスタン"]},
    },
}
TERMS = {"india": ["@india"], "us": ["@us"],
         "act": ["talks", "drill", "सहमति", "सराव", "करार", "共同訓練"]}


@pytest.fixture(scope="module")
def india_us(tmp_path_factory: pytest.TempPathFactory) -> RuleSet:
    root: Path = tmp_path_factory.mktemp("backdrop")
    return load_ruleset(write_dir(root, {"t": one_rule(TERMS, "pair(india, us, act)")},
                                  LEXICON))


# A lead pairing the background's states (Pakistan buys submarines from China); a later
# paragraph names India and the US together, then says "both countries": they are its two.
# Without that sentence, "both countries" stay the lead's pair.
PARAGRAPH = [
    ("Eyes on Chinese submarines",
     "Pakistan's navy buys new submarines from China.\n"
     "American aircraft already fly with Indian squadrons. Both countries held talks on "
     "their logistics pact.",
     "Both countries held talks on their logistics pact."),
    ("चिनी पाणबुड्यांवर नजर",
     "पाकिस्तानचे नौदल चीनकडून नव्या पाणबुड्या घेत आहे.\n"
     "अमेरिकी बनावटीची विमाने भारतीय सेनादलांत आहेत. दोन्ही देशांच्या नौदलांनी सराव केला.",
     "दोन्ही देशांच्या नौदलांनी सराव केला."),
    ("चीनी पनडुब्बियों पर नज़र",
     "पाकिस्तान की नौसेना चीन से नई पनडुब्बियां खरीद रही है।\n"
     "अमेरिकी विमान पहले से भारतीय सेनाओं के पास हैं। दोनों देशों ने करार पर सहमति जताई।",
     "दोनों देशों ने करार पर सहमति जताई।"),
    ("中国潜水艦を警戒",
     "パキスタン海軍は中国から新型潜水艦を購入している。\n"
     "インド海軍も米国製の哨戒機を運用している。両国は共同訓練を行った。",
     "両国は共同訓練を行った。"),
]


@pytest.mark.parametrize(("title", "text", "alone"), PARAGRAPH)
def test_both_countries_are_the_pair_their_paragraph_just_named(
        india_us: RuleSet, title: str, text: str, alone: str) -> None:
    assert matches(india_us, title, text)
    lead = text.split("\n", maxsplit=1)[0]
    assert not matches(india_us, title, f"{lead}\n{alone}")


def test_a_paragraph_sharing_a_state_with_the_top_s_pair_keeps_the_top_s(
        india_us: RuleSet) -> None:
    # India and China in the paragraph, India and the US at the top: "both countries" are
    # still the top's pair, the story's parties
    assert matches(india_us, "India, US hold talks",
                   "India and the US met in Delhi.\nIndian and Chinese troops clashed in "
                   "Ladakh. Both countries held talks on a drill.")


# A top naming only the background's state (China); after the turn, the US named twice and
# India once: "both countries" are those two, not China and the one it is named most with.
BACKDROP = [
    ("New equations in the Andaman sky",
     "Chinese submarines sail into the Bay of Bengal.\n"
     "Against this backdrop an American patrol aircraft refuelled at Port Blair. Both "
     "countries held talks on the logistics pact that allowed it. American crews thanked "
     "the Indian Navy.",
     "Chinese submarines sail into the Bay of Bengal.\n"
     "An American patrol aircraft refuelled at Port Blair. Both countries held talks on "
     "the logistics pact that allowed it. American crews thanked the Indian Navy."),
    ("अंदमानच्या आकाशात नवी समीकरणे",
     "चीनच्या पाणबुड्या हिंदी महासागरात येतात.\n"
     "या पार्श्वभूमीवर अमेरिकी नौदलाचे विमान पोर्ट ब्लेअर येथे उतरले. दोन्ही देशांच्या "
     "करारानुसार ही सेवा देण्यात आली. अमेरिकेच्या वैमानिकांनी भारतीय नौदलाचे आभार मानले.",
     "चीनच्या पाणबुड्या हिंदी महासागरात येतात.\n"
     "अमेरिकी नौदलाचे विमान पोर्ट ब्लेअर येथे उतरले. दोन्ही देशांच्या "
     "करारानुसार ही सेवा देण्यात आली. अमेरिकेच्या वैमानिकांनी भारतीय नौदलाचे आभार मानले."),
    ("अंडमान के आसमान में नए समीकरण",
     "चीनी पनडुब्बियां हिंद महासागर में आ रही हैं।\n"
     "इस पृष्ठभूमि में अमेरिकी नौसेना का विमान पोर्ट ब्लेयर पर उतरा। दोनों देशों के करार के "
     "तहत उसे ईंधन दिया गया। अमेरिकी चालक दल ने भारतीय नौसेना का धन्यवाद किया।",
     "चीनी पनडुब्बियां हिंद महासागर में आ रही हैं।\n"
     "अमेरिकी नौसेना का विमान पोर्ट ब्लेयर पर उतरा। दोनों देशों के करार के "
     "तहत उसे ईंधन दिया गया। अमेरिकी चालक दल ने भारतीय नौसेना का धन्यवाद किया।"),
    ("アンダマンの空に新たな構図",
     "中国の潜水艦がベンガル湾に進出している。\n"
     "こうした中、米国の哨戒機がポートブレアに着陸した。両国は共同訓練も行った。"
     "米国の乗員はインド側に謝意を示した。",
     "中国の潜水艦がベンガル湾に進出している。\n"
     "米国の哨戒機がポートブレアに着陸した。両国は共同訓練も行った。"
     "米国の乗員はインド側に謝意を示した。"),
]


@pytest.mark.parametrize(("title", "text", "unturned"), BACKDROP)
def test_after_the_turn_from_the_background_both_countries_are_the_news_s_two(
        india_us: RuleSet, title: str, text: str, unturned: str) -> None:
    assert matches(india_us, title, text)
    # the same story without the turn: "both countries" are China and its partner
    assert not matches(india_us, title, unturned)
