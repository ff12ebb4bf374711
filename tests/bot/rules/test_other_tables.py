"""States a report names beside its own pair that are no pair of their own: those on the
far side of a table of three or more ("a month after officials of the two countries met
their US and Japanese counterparts", अमेरिकी और जापानी समकक्षों से, 米国とインドの国防相を
交えた: bot/rules/pairwords.py's ACROSS_*, bot/rules/counterparts.py), and two members of
an exercise of three or more named in one sentence ("Japan's place in the Malabar exercise
with the US": bot/rules/parties.py), and another pair told as done before the news ("He
had held similar talks with the US defense secretary in March", की थी, केली होती, 会談して
いた: bot/rules/earlier.py), and a state where a thing was made beside two that act ("US-built
missiles", 米国製, अमेरिकी निर्मित: bot/rules/actors.py), and a state the news is compared
with ("After US and Japan, India signs pact with Australia", अमेरिका के बाद अब, 米国に続き:
bot/rules/places.py). Each class in every language it occurs in, with the report's own
pair, which must still alert, and pairs that must still be read."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.rules import RuleSet
from bot.rules.earlier import earlier_sentences
from bot.rules.places import compared
from tests.bot.rules.conftest import RuleFactory
from tests.bot.rules.helpers import matches
from watchers.models import Article

PAIRS = {"india-japan", "us-japan", "india-us", "india-australia", "japan-australia"}


def _rules(ruleset: RuleSet, title: str, text: str) -> set[str]:
    paragraphs = tuple(p.strip() for p in text.split("\n") if p.strip())
    article = Article(url="", title=title, text="\n\n".join(paragraphs), source_id="",
                      outlet="", published=datetime(2025, 6, 10, tzinfo=UTC),
                      paragraphs=paragraphs)
    return set(ruleset.match(article).rule_ids)


# (title, text, the report's own pair or None when it stands alone in its story)
FAR_SIDE = [
    ("India, Australia hold first secretaries' 2+2",
     "India and Australia held their first 2+2 dialogue of foreign and defence secretaries "
     "in New Delhi on Tuesday, weeks after officials of both countries met their American "
     "and Japanese counterparts in Manila.\n"
     "The two sides reviewed maritime security and agreed to hold more staff talks.",
     "india-australia"),
    ("A new format for an old friendship",
     "India and Australia held their first 2+2 dialogue of secretaries on Tuesday, a month "
     "after officials of the two countries met their US and Japanese counterparts in "
     "Manila.\nThe two sides discussed maritime security.",
     "india-australia"),
    ("India, Australia secretaries hold 2+2",
     "India and Australia held their first 2+2 of secretaries in Delhi on Tuesday, weeks "
     "after both sat down with officials from the United States and Japan in Manila.\n"
     "The two sides discussed maritime security.",
     "india-australia"),
    ("Japan, Australia ministers to meet US, Indian counterparts",
     "Japan's defence minister arrived in Canberra on Monday for talks with his Australian "
     "counterpart on joint drills.\nThe two will later meet their US and Indian "
     "counterparts.",
     "japan-australia"),
    ("भारत-ऑस्ट्रेलिया की पहली 2+2 वार्ता",
     "भारत और ऑस्ट्रेलिया ने मंगलवार को नई दिल्ली में विदेश और रक्षा सचिवों की पहली 2+2 "
     "वार्ता की, जो दोनों देशों के अधिकारियों की मनीला में अमेरिकी और जापानी समकक्षों से "
     "मुलाकात के एक महीने बाद हुई।\nदोनों पक्षों ने समुद्री सुरक्षा पर चर्चा की।",
     "india-australia"),
    ("भारत-अमेरिका रक्षा वार्ता",
     "भारत और अमेरिका के रक्षा अधिकारियों ने सोमवार को वाशिंगटन में वार्ता की।\n"
     "पिछले महीने दोनों देशों के अधिकारियों ने टोक्यो में जापान और ऑस्ट्रेलिया के "
     "अधिकारियों से मुलाकात की थी।",
     "india-us"),
    ("भारत-ऑस्ट्रेलिया सचिवस्तरीय २+२ चर्चा",
     "भारत आणि ऑस्ट्रेलिया यांच्या परराष्ट्र व संरक्षण सचिवांची पहिली २+२ चर्चा मंगळवारी "
     "नवी दिल्लीत झाली.\nगेल्या महिन्यात दोन्ही देशांच्या अधिकाऱ्यांनी मनिला येथे अमेरिकी "
     "आणि जपानी समकक्षांशी चर्चा केली होती.\nदोन्ही बाजूंनी सागरी सुरक्षा व संरक्षण "
     "सहकार्यावर भर दिला.",
     "india-australia"),
    ("भारत-अमेरिका संरक्षण चर्चा",
     "भारत आणि अमेरिकेच्या संरक्षण अधिकाऱ्यांनी सोमवारी वॉशिंग्टन येथे चर्चा केली.\n"
     "गेल्या महिन्यात दोन्ही देशांच्या अधिकाऱ्यांनी टोकियो येथे जपान व ऑस्ट्रेलियाच्या "
     "अधिकाऱ्यांशी चर्चा केली होती.",
     "india-us"),
    ("日豪、防衛相会談",
     "日本とオーストラリアの防衛相は10日、東京で会談し、共同訓練の拡大で一致した。"
     "両氏は先月、シンガポールで米国とインドの国防相を交えた4カ国会合に出席していた。",
     "japan-australia"),
    ("日米防衛相が会談",
     "中谷防衛相は10日、ヘグセス米国防長官と東京で会談し、共同訓練の拡大で一致した。\n"
     "両氏は前日、オーストラリアとインドの国防相を交えた4カ国会合に出席した。",
     "us-japan"),
]


@pytest.mark.parametrize(("title", "text", "own"), FAR_SIDE)
def test_states_met_across_a_table_of_three_or_more_are_no_pair(
        default_ruleset: RuleSet, title: str, text: str, own: str) -> None:
    found = _rules(default_ruleset, title, text)
    assert own in found
    assert found & PAIRS == {own}


# a member of a group exercise named with another of its members in one sentence
GROUP_DRILL = [
    ("The quieter half of the summit",
     "The summit's joint statement deserves a second look for its section on defence.\n"
     "Mr Modi and Mr Abe committed their governments to expanding defence cooperation. "
     "They welcomed Japan's regular place in the Malabar exercise with the US.",
     None),
    ("What the summit left out",
     "The leaders of India and Japan spent most of Friday on trade.\n"
     "On defence they only welcomed Japan's presence, beside the US Navy, in the Malabar "
     "exercise.",
     None),
    ("शिखर वार्ता का दूसरा पहलू",
     "मोदी और आबे ने रक्षा सहयोग बढ़ाने का वादा किया।\n"
     "उन्होंने मालाबार अभ्यास में अमेरिका के साथ जापान की नियमित भागीदारी का स्वागत किया।",
     "india-japan"),
    ("भारत-ऑस्ट्रेलिया नौसेना अभ्यास शुरू",
     "भारत और ऑस्ट्रेलिया की नौसेनाओं ने सोमवार को डार्विन के पास अभ्यास शुरू किया।\n"
     "पिछले साल मालाबार में जापान ने अमेरिका के साथ भाग लिया था।",
     "india-australia"),
    ("शिखर परिषदेची दुसरी बाजू",
     "मोदी आणि आबे यांनी संरक्षण सहकार्य वाढवण्याचे ठरवले.\n"
     "मलबार सरावात अमेरिकेसोबत जपानच्या नियमित सहभागाचे त्यांनी स्वागत केले.",
     "india-japan"),
    ("भारत-ऑस्ट्रेलिया नौदल सराव सुरू",
     "भारत आणि ऑस्ट्रेलियाच्या नौदलांनी सोमवारी डार्विनजवळ सराव सुरू केला.\n"
     "गेल्या वर्षी मलबार सरावात जपानने अमेरिकेसोबत भाग घेतला होता.",
     "india-australia"),
    ("首脳会談のもう一つの成果",
     "モディ首相と安倍首相は防衛協力の拡大を約束した。\n"
     "両首脳は、日本がマラバールで米国と共に訓練していることを歓迎した。",
     "india-japan"),
    ("日豪が共同訓練",
     "海上自衛隊とオーストラリア海軍は10日、ダーウィン沖で共同訓練を始めた。\n"
     "昨年のマラバールでは、日本は米国とともにインド洋で訓練した。",
     "japan-australia"),
]


@pytest.mark.parametrize(("title", "text", "own"), GROUP_DRILL)
def test_two_members_of_a_group_exercise_are_no_pair(
        default_ruleset: RuleSet, title: str, text: str, own: str | None) -> None:
    found = _rules(default_ruleset, title, text)
    assert "us-japan" not in found and "india-us" not in found
    if own:
        assert own in found


@pytest.mark.parametrize(("title", "text", "own"), [
    # people speak for their states, in a sentence naming Malabar too
    ("Austin, Kishi speak by phone",
     "The US and Japanese defence chiefs spoke by phone on Tuesday.\n"
     "Lloyd Austin and Kishi Nobuo discussed the Malabar exercise and agreed to deepen "
     "defence cooperation.", "us-japan"),
    ("Singh, Kishi review defence ties",
     "Defence Minister Rajnath Singh spoke to Japanese Defence Minister Kishi Nobuo by phone "
     "on Tuesday.\nSingh told Kishi that India valued Japan's place in the Malabar exercise.",
     "india-japan"),
    # two members written together as the ones who act
    ("India, Japan defence ministers meet in Tokyo",
     "The defence ministers of India and Japan met in Tokyo on Monday.\n"
     "India and Japan welcomed the Malabar exercise and agreed to deepen defence "
     "cooperation.", "india-japan"),
    # one counterpart, of one state: a pair
    ("Singh meets Japanese counterpart",
     "Defence Minister Rajnath Singh met his Japanese counterpart in Tokyo on Monday and "
     "agreed to expand JIMEX.", "india-japan"),
])
def test_pairs_beside_a_group_are_still_read(default_ruleset: RuleSet, title: str, text: str,
                                             own: str) -> None:
    assert own in _rules(default_ruleset, title, text)


STATES = {"a": ["@country:*", "@person:*"], "act": ["talks", "met", "welcomed"]}


@pytest.mark.parametrize(("text", "expected"), [
    ("India met its US and Japanese counterparts.", False),
    ("India met counterparts from the US and Japan.", False),
    ("India held talks with officials from the United States and Japan.", False),
    ("Japan welcomed its place in the Malabar talks with the US.", False),
    # the same states with no group between them
    ("India met its Japanese counterpart.", True),
    ("Japan held talks with the US.", True),
    ("US and Japanese officials held talks.", True),
    ("Japan and the US welcomed Malabar.", True),
])
def test_the_far_side_and_a_group_exercise_in_one_sentence(
        make_rule: RuleFactory, text: str, expected: bool) -> None:
    ruleset = make_rule(STATES, "pair(a, a, act)")
    assert matches(ruleset, "", text) is expected


# another pair told as done before the news (the pluperfect) is the story's background
EARLIER = [
    ("Defence minister in Tokyo",
     "India's defence minister arrived in Tokyo on Monday for talks with his Japanese "
     "counterpart on joint drills.\nHe had held similar talks with the US defense secretary "
     "in Washington in March.",
     "india-japan", "india-us"),
    ("रक्षा मंत्री टोक्यो में",
     "भारत के रक्षा मंत्री सोमवार को अपने जापानी समकक्ष के साथ संयुक्त अभ्यास पर वार्ता के लिए "
     "टोक्यो पहुंचे।\nउन्होंने मार्च में वाशिंगटन में अमेरिकी रक्षा मंत्री से भी ऐसी ही वार्ता "
     "की थी।",
     "india-japan", "india-us"),
    ("संरक्षणमंत्री टोकियोत",
     "भारताचे संरक्षणमंत्री सोमवारी जपानी समकक्षांशी संयुक्त सरावाबाबत चर्चा करण्यासाठी "
     "टोकियोत दाखल झाले.\nमार्चमध्ये त्यांनी वॉशिंग्टन येथे अमेरिकेच्या संरक्षणमंत्र्यांशी "
     "अशीच चर्चा केली होती.",
     "india-japan", "india-us"),
]


@pytest.mark.parametrize(("title", "text", "own", "other"), EARLIER)
def test_another_pair_told_as_done_before_the_news_is_background(
        default_ruleset: RuleSet, title: str, text: str, own: str, other: str) -> None:
    found = _rules(default_ruleset, title, text)
    assert own in found
    assert other not in found


@pytest.mark.parametrize(("title", "text", "own"), [
    # the story's own pair, told so, is still the story's
    ("India, Japan sign defence pact",
     "India and Japan signed a defence equipment pact in Tokyo on Monday.\nThe two defence "
     "ministers had met in Delhi in March to settle its terms.", "india-japan"),
    # with no pair at the top there is no news to set it against
    ("Navy news",
     "The Indian Navy had exercised with the US Navy in the Arabian Sea on Monday, officials "
     "said on Tuesday.", "india-us"),
])
def test_a_pair_told_in_the_pluperfect_is_kept_where_it_is_the_news(
        default_ruleset: RuleSet, title: str, text: str, own: str) -> None:
    assert own in _rules(default_ruleset, title, text)


@pytest.mark.parametrize(("sentence", "earlier"), [
    ("He had held similar talks in Washington in March.", True),
    ("The two ministers had already met twice this year.", True),
    ("उन्होंने मार्च में अमेरिकी रक्षा मंत्री से मुलाकात की थी।", True),
    ("त्यांनी मार्चमध्ये अशीच चर्चा केली होती.", True),
    ("中谷氏は先月、ワシントンで米国防長官と会談していた。", True),
    # today's act, and a wait that tells of no act done
    ("He held talks in Washington on Monday.", False),
    ("The pact had been expected for months.", False),
    ("उन्होंने सोमवार को मुलाकात की।", False),
    ("त्यांनी सोमवारी चर्चा केली.", False),
    ("中谷氏は10日、米国防長官と会談した。", False),
])
def test_the_pluperfect_in_each_language(sentence: str, earlier: bool) -> None:
    assert bool(earlier_sentences(sentence, [0])) is earlier


# where a thing was made is no act of its maker's state, beside two states that act
MADE = [
    ("Japan sends destroyer to Indian drill",
     "Japan's destroyer, armed with US-built missiles, arrived in Visakhapatnam on Monday for "
     "the JIMEX exercise with the Indian Navy.", "india-japan"),
    ("Indian jets land in Darwin",
     "Indian Air Force Su-30 jets and a US-made C-17 transport landed in Darwin on Monday for "
     "the Pitch Black exercise with the Royal Australian Air Force.", "india-australia"),
    ("जापानी विध्वंसक जिमेक्स के लिए विशाखापत्तनम पहुंचा",
     "अमेरिकी निर्मित मिसाइलों से लैस जापान का विध्वंसक सोमवार को भारतीय नौसेना के साथ जिमेक्स "
     "अभ्यास के लिए विशाखापत्तनम पहुंचा।", "india-japan"),
    ("जपानी विनाशिका जिमेक्ससाठी विशाखापट्टणममध्ये",
     "अमेरिकन बनावटीच्या क्षेपणास्त्रांनी सज्ज जपानची विनाशिका सोमवारी भारतीय नौदलासोबत जिमेक्स "
     "सरावासाठी विशाखापट्टणम येथे दाखल झाली.", "india-japan"),
    ("海自護衛艦、JIMEXでインド入り",
     "米国製ミサイルを搭載した海上自衛隊の護衛艦が10日、インド海軍との共同訓練JIMEXのため"
     "ビシャカパトナムに入港した。", "india-japan"),
]


@pytest.mark.parametrize(("title", "text", "own"), MADE)
def test_where_a_thing_was_made_names_no_party(default_ruleset: RuleSet, title: str,
                                               text: str, own: str) -> None:
    found = _rules(default_ruleset, title, text)
    assert own in found
    assert found & PAIRS == {own}


@pytest.mark.parametrize(("title", "text", "own"), [
    # "built" as the verb of the state, and a sale the two sign
    ("US, Japan defence ministers meet",
     "The US built a new radar site in Kyoto under an agreement with Japan, the two defence "
     "ministers said after talks in Tokyo on Monday.", "us-japan"),
    ("India signs deal for US-made drones",
     "India and the United States signed a deal in New Delhi on Tuesday for 31 US-made MQ-9B "
     "drones for the Indian Navy and Army.", "india-us"),
])
def test_a_maker_that_acts_is_still_a_party(default_ruleset: RuleSet, title: str, text: str,
                                            own: str) -> None:
    assert own in _rules(default_ruleset, title, text)


# a state the news is compared with, in a phrase of its own
COMPARED = [
    ("After US and Japan, India signs logistics pact with Australia",
     "India and Australia signed a mutual logistics support agreement on Thursday, allowing "
     "their militaries to use each other's bases for fuel and repairs.", "india-australia"),
    ("Like Japan, Australia gets logistics pact with India",
     "India and Australia signed a mutual logistics support agreement in a virtual summit on "
     "Thursday.", "india-australia"),
    ("Australia becomes second partner after Japan to sign pact with India",
     "India and Australia signed a mutual logistics support agreement on Thursday.",
     "india-australia"),
    ("Unlike the US, Japan gets a quiet welcome in Delhi for naval talks",
     "Japan's navy chief held talks with Indian Navy leaders in New Delhi on Tuesday on JIMEX "
     "and maritime security.", "india-japan"),
    ("अमेरिका के बाद अब ऑस्ट्रेलिया के साथ भारत का लॉजिस्टिक्स समझौता",
     "भारत और ऑस्ट्रेलिया ने गुरुवार को एक-दूसरे के सैन्य अड्डों के इस्तेमाल के लिए लॉजिस्टिक्स "
     "सहयोग समझौते पर हस्ताक्षर किए।", "india-australia"),
    ("अमेरिकेनंतर आता ऑस्ट्रेलियाशी भारताचा लॉजिस्टिक करार",
     "भारत आणि ऑस्ट्रेलियाने गुरुवारी परस्पर लॉजिस्टिक सहाय्य करारावर स्वाक्षरी केली.",
     "india-australia"),
    ("米国に続き豪州とも　インドが物品役務協定",
     "インドとオーストラリアは4日、物品役務相互提供協定に署名した。", "india-australia"),
]


@pytest.mark.parametrize(("title", "text", "own"), COMPARED)
def test_a_state_the_news_is_compared_with_is_no_party(default_ruleset: RuleSet, title: str,
                                                       text: str, own: str) -> None:
    found = _rules(default_ruleset, title, text)
    assert own in found
    assert found & PAIRS == {own}
    assert "acsa" not in found  # the India-Japan pact is no comparison's


@pytest.mark.parametrize(("text", "start"), [
    ("After Japan and India agreed to hold drills, their navies sailed.", "Japan"),
    ("Following talks with Japan, India sailed.", "Japan"),
    ("India and Japan signed after the US did.", "US"),
])
def test_an_act_after_another_is_no_comparison(text: str, start: str) -> None:
    i = text.index(start)
    assert not compared(text, i, i + len(start))
