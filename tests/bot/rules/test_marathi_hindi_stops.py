"""How Marathi and Hindi are read letter by letter and stop by stop, written for these
tests: a title or an initial abbreviated with a full stop (डॉ., जन., ले. जन., व्हा. ॲड.,
कॅ., एस. जयशंकर, अ. ब. पाटील) ends no sentence, so the two states on either side of it
stay in one; the ordinary ends of sentences (आहे., झाला., है., थे.) still end them, also
before a title; the candra a of English loans typed as अ with the candra e sign
(अ‍ॅग्रीमेंट, अॅक्सेस) is the letter ॲ; an adjourned meeting (तहकूब) did not happen;
"both" with what the two are to each other (दोन्ही मित्रदेश, उभयतां) is the pair."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet
from bot.rules.splitting import sentence_starts
from tests.bot.rules.helpers import IA, IJ, IU, JA, UJ, assert_exactly


def _sentences(text: str) -> list[str]:
    starts = sentence_starts(text)
    return [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


@pytest.mark.parametrize(("text", "count"), [
    ("भारताचे संरक्षणमंत्री डॉ. अ. ब. पाटील आणि जपानचे जन. ताकेदा यांनी चर्चा केली. "
     "नंतर ते परतले.", 2),
    ("ले. जन. र. म. कुलकर्णी यांनी पाहणी केली. दुसऱ्या दिवशी सराव संपला.", 2),
    ("व्हा. ॲड. स. ना. जोशी आणि कॅ. डेव्हिड मिलर यांनी जहाजांची पाहणी केली.", 1),
    ("परराष्ट्रमंत्री डॉ. एस. जयशंकर यांनी भेट घेतली. त्यानंतर पत्रकार परिषद झाली.", 2),
    ("श्री. जी. के. मेहता आणि सौ. मेहता उपस्थित होते.", 1),
    ("रक्षा मंत्री डॉ. एस. के. वर्मा ने बात की. इसके बाद वे लौट गए.", 2),
    ("ब्रिग. जे. पी. सिंह ने निरीक्षण किया. अभ्यास पूरा हुआ.", 2),
    # ordinary ends, also before a title or an initial
    ("सराव सुरू झाला आहे. डॉ. पाटील यांनी माहिती दिली.", 2),
    ("अभ्यास हुआ है. डॉ. सिंह ने कहा. वे लौट गए.", 3),
    ("नौसेना ने अभ्यास किया था. एस. के. वर्मा ने बताया.", 2),
    ("करार झाला. अ. ब. पाटील यांनी स्वागत केले.", 2),
])
def test_titles_and_initials_end_no_sentence(text: str, count: int) -> None:
    assert len(_sentences(text)) == count, _sentences(text)


# each pair's act told by two people whose titles or initials are abbreviated
MR_NAMED = [
    "{a}चे संरक्षणमंत्री डॉ. अ. ब. पाटील आणि {b}चे संरक्षणमंत्री जन. ताकेदा यांनी सोमवारी "
    "फोनवरून चर्चा केली.",
    "{a}चे लष्करप्रमुख ले. जन. र. म. कुलकर्णी आणि {b}चे लष्करप्रमुख यांनी सोमवारी संरक्षण "
    "सहकार्यावर चर्चा केली.",
    "{a}चे नौदल उपप्रमुख व्हा. ॲड. स. ना. जोशी आणि {b}चे नौदलप्रमुख ॲड. पीटर ब्लॅकवुड यांच्यात "
    "सोमवारी संरक्षण सहकार्यावर बैठक झाली.",
]
HI_NAMED = [
    "{a} के रक्षा मंत्री डॉ. एस. के. वर्मा और {b} के रक्षा मंत्री जन. ताकेदा ने सोमवार को फोन "
    "पर बातचीत की।",
    "{a} के सेना प्रमुख ले. जन. आर. एस. मलिक और {b} के सेना प्रमुख ने सोमवार को रक्षा सहयोग "
    "पर वार्ता की।",
]
MR_GEN = {"india": "भारता", "japan": "जपान", "us": "अमेरिके", "australia": "ऑस्ट्रेलिया"}
HI_GEN = {"india": "भारत", "japan": "जापान", "us": "अमेरिका", "australia": "ऑस्ट्रेलिया"}
PAIRS = [("india", "japan", IJ), ("japan", "india", IJ), ("india", "us", IU),
         ("us", "india", IU), ("india", "australia", IA), ("australia", "india", IA),
         ("us", "japan", UJ), ("japan", "us", UJ), ("japan", "australia", JA),
         ("australia", "japan", JA)]


@pytest.mark.parametrize(("a", "b", "expected"), PAIRS)
def test_a_pair_told_by_abbreviated_people(default_ruleset: RuleSet, a: str, b: str,
                                           expected: set[str]) -> None:
    for template in MR_NAMED:
        text = template.format(a=MR_GEN[a], b=MR_GEN[b])
        assert_exactly(default_ruleset, "सहकार्याचा नवा अध्याय", text, expected)
    for template in HI_NAMED:
        text = template.format(a=HI_GEN[a], b=HI_GEN[b])
        assert_exactly(default_ruleset, "सहयोग का नया अध्याय", text, expected)


@pytest.mark.parametrize(("title", "text"), [
    ("शहरातील घडामोडी",
     "भारतीय नौदलाने सोमवारी स्वतःचा सराव पूर्ण केला आहे. डॉ. तनाका हे जपानचे इतिहासकार "
     "मुंबईत व्याख्यानासाठी आले."),
    ("शहर की हलचल",
     "भारतीय नौसेना ने सोमवार को अपना अभ्यास पूरा किया है. डॉ. तनाका जापान के इतिहासकार हैं "
     "और मुंबई में व्याख्यान देने आए."),
])
def test_a_sentence_ended_before_a_title_keeps_its_states_apart(default_ruleset: RuleSet,
                                                                title: str, text: str) -> None:
    """One state's own drill, then a visitor from another state: two sentences, though
    the second opens with a title."""
    assert not default_ruleset.match_text(title, text).rule_ids


@pytest.mark.parametrize("word", ["ॲग्रीमेंट", "अ\u200dॅग्रीमेंट", "अॅग्रीमेंट", "एग्रीमेंट"])
def test_the_candra_a_typed_either_way(default_ruleset: RuleSet, word: str) -> None:
    assert_exactly(default_ruleset, "सहकार्याचा नवा अध्याय",
                   f"भारत आणि जपान यांच्यात सोमवारी डिफेन्स {word}वर स्वाक्षऱ्या झाल्या.", IJ)
    assert_exactly(default_ruleset, "सहकार्याचा नवा अध्याय",
                   f"भारत आणि ऑस्ट्रेलिया यांनी सोमवारी लॉजिस्टिक्स {word} केले.", IA)


@pytest.mark.parametrize(("title", "text"), [
    ("भारत-जपान संरक्षण चर्चा तहकूब",
     "भारत आणि जपान यांच्यातील संरक्षण चर्चा सोमवारी तहकूब करण्यात आली."),
    ("भारत-अमेरिका संरक्षणमंत्र्यांची बैठक तहकूब",
     "अमेरिकेच्या संरक्षणमंत्र्यांच्या दौऱ्यातील भारतासोबतची संरक्षण बैठक तहकूब झाली."),
])
def test_an_adjourned_meeting_did_not_happen(default_ruleset: RuleSet, title: str,
                                             text: str) -> None:
    assert not default_ruleset.match_text(title, text).rule_ids


# "both" with what the two are to each other (दोन्ही मित्रदेश, उभय मित्रराष्ट्रे, दोनों पड़ोसी
# देश) or alone (उभयतांनी) stands for the pair the headline names, as दोन्ही देश does
BOTH = [
    ("mr", "दोन्ही मित्रदेशांनी सोमवारी अरबी समुद्रात संयुक्त नौदल सराव केला."),
    ("mr", "उभय मित्रराष्ट्रांच्या नौदलांनी सोमवारी संयुक्त सराव पूर्ण केला."),
    ("mr", "दोन्ही लोकशाही देशांच्या संरक्षणमंत्र्यांनी सोमवारी फोनवरून चर्चा केली."),
    ("mr", "उभयतांनी सोमवारी संरक्षण सहकार्यावर सविस्तर चर्चा केली."),
    ("hi", "दोनों मित्र देशों की नौसेनाओं ने सोमवार को संयुक्त अभ्यास किया।"),
    ("hi", "दोनों ही लोकतांत्रिक राष्ट्रों के रक्षा मंत्रियों ने सोमवार को फोन पर बातचीत की।"),
]


@pytest.mark.parametrize(("a", "b", "expected"), PAIRS)
def test_both_friends_stand_for_the_headlines_pair(default_ruleset: RuleSet, a: str, b: str,
                                                   expected: set[str]) -> None:
    nom = {"india": "भारत", "japan": "जपान", "us": "अमेरिका", "australia": "ऑस्ट्रेलिया"}
    for lang, text in BOTH:
        title = (f"{nom[a]}-{nom[b]} मैत्री दृढ" if lang == "mr"
                 else f"{HI_GEN[a]}-{HI_GEN[b]} दोस्ती मजबूत")
        assert_exactly(default_ruleset, title, text, expected)


@pytest.mark.parametrize(("title", "text"), [
    ("भारत-जपान व्यापार परिषद", "दोन्ही मित्रदेशांनी सोमवारी व्यापार आणि गुंतवणुकीचे करार केले."),
    ("भारत-ऑस्ट्रेलिया क्रिकेट मालिका", "दोन्ही शेजारी देशांच्या संघांनी सोमवारी सराव केला."),
    ("भारत-जापान व्यापार सम्मेलन", "दोनों मित्र देशों ने सोमवार को निवेश समझौते किए।"),
])
def test_both_friends_elsewhere_stay_silent(default_ruleset: RuleSet, title: str,
                                            text: str) -> None:
    assert not default_ruleset.match_text(title, text).rule_ids
