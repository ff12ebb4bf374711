"""Acts the pack missed however they were told, by class: a warship's port call told only
as its arrival, its call or its welcome (寄港, 入港, बंदरात दाखल, बंदरगाह पहुंचा); America's
Marines named bare; special forces, commandos and an alliance of arms as words of the
forces; 防衛相 after another pair's sign (米印防衛相会談 is no Japanese minister's); a
Japanese term beginning or ending with a digit written into running text (日印2プラス2);
a pact told as in force, a statement as issued, talks as held; an item of a round-up
that hands equipment over; and a top whose two states have nothing to do with each other
("China's growing fleet and Russia's war weigh on planners"), which no longer hides the
pair that acts further down. And what stays silent beside them (texts written for these
tests)."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet
from tests.bot.rules.helpers import BD, IA, IJ, IU, JA, PAIR_TOPICS, UJ, assert_exactly, topics


@pytest.mark.parametrize(("title", "text", "expected"), [
    ("INS Sahyadri arrives in Japan",
     "INS Sahyadri arrived at Yokosuka, Japan, on Tuesday for a four-day stay.", IJ),
    ("Royal Australian Navy welcomes INS Kadmatt",
     "The Royal Australian Navy welcomed INS Kadmatt to Darwin on Monday.", IA),
    ("USS Germantown calls at Indian port",
     "USS Germantown called at the Indian port of Visakhapatnam on Friday.", IU),
    ("Busy harbour", "Fishing boats crowded the quay as the season opened.\n\n"
     "JS Kaga berthed at Darwin, Australia, on Sunday, the first Japanese carrier to visit "
     "the port.", JA),
    ("HMS Spey docks in Japan", "HMS Spey docked at Yokosuka, Japan, on Monday.", BD),
    ("インド海軍のフリゲート、横須賀に寄港",
     "インド海軍のフリゲート「サヒャディ」が16日、日本の横須賀に寄港した。", IJ),
    ("米強襲揚陸艦が入港", "米海軍の強襲揚陸艦が16日、オーストラリアのダーウィン港に入港した。",
     {"bilateral-defence"}),
    ("海自護衛艦、ダーウィンに入港",
     "海上自衛隊の護衛艦「かが」が16日、オーストラリアのダーウィン港に入港し、豪海軍の歓迎を受けた。",
     JA),
    ("आयएनएस सह्याद्री जपानमध्ये",
     "आयएनएस सह्याद्री ही युद्धनौका मंगळवारी जपानच्या योकोसुका बंदरात दाखल झाली.", IJ),
    ("आईएनएस सह्याद्री जापान पहुंचा",
     "भारतीय नौसेना का युद्धपोत आईएनएस सह्याद्री मंगलवार को जापान के योकोसुका बंदरगाह पहुंचा।",
     IJ),
])
def test_a_port_call_told_as_an_arrival(default_ruleset: RuleSet, title: str, text: str,
                                        expected: set[str]) -> None:
    assert_exactly(default_ruleset, title, text, expected)


@pytest.mark.parametrize(("title", "text"), [
    # a statement welcoming another's plan is no ship's welcome
    ("Japan welcomes US plan",
     "Japan welcomed the US decision to deploy more destroyers to the region on Tuesday."),
    # tourists on a liner; a life told in a blog without a word of the forces at its top
    ("Tourists flock to Japan",
     "Indian tourists arrived in Japan aboard a cruise ship on Tuesday."),
    ("A heritage walk in Tokyo",
     "A small group of Indians and Japanese gather each January at a temple in Tokyo.\n\n"
     "Bose arrived in Japanese-held Singapore after a submarine journey from Germany."),
])
def test_no_port_call_without_a_ship_arriving(default_ruleset: RuleSet, title: str,
                                              text: str) -> None:
    assert not topics(default_ruleset, title, text) & (PAIR_TOPICS | {"bilateral-defence"})


@pytest.mark.parametrize(("title", "text", "expected"), [
    ("Marines and Indian Army troops begin joint training",
     "Marines and Indian Army troops began two weeks of joint training on Tuesday.", IU),
    ("Marines, GSDF wrap up drill in Kyushu",
     "Marines and Ground Self-Defense Force soldiers concluded a ten-day drill on Friday.", UJ),
    ("Special forces of India and Japan train together",
     "Special forces of India and Japan began a joint exercise near Agra on Monday.", IJ),
    ("日米の特殊部隊が共同訓練", "日本と米国の特殊部隊は16日、共同訓練を開始した。", UJ),
    ("भारत-अमेरिका कमांडो अभ्यास",
     "भारत और अमेरिका के कमांडो ने सोमवार को संयुक्त अभ्यास शुरू किया।", IU),
    ("भारत-अमेरिका कमांडो सराव",
     "भारत आणि अमेरिकेच्या कमांडोंनी सोमवारी संयुक्त सराव सुरू केला.", IU),
    ("日米同盟の強化で一致", "日本と米国の外相は16日、会談し、日米同盟の強化で一致した。", UJ),
    ("US, Japan pledge to deepen alliance",
     "The US and Japan pledged on Tuesday to deepen the US-Japan alliance.", UJ),
])
def test_forces_named_by_their_kind(default_ruleset: RuleSet, title: str, text: str,
                                    expected: set[str]) -> None:
    assert_exactly(default_ruleset, title, text, expected)


@pytest.mark.parametrize(("title", "text", "countries"), [
    # another state's marines are theirs, and a lower-case "marines" is anybody's
    ("Philippine Marines and Japanese troops train",
     "Philippine Marines and Japanese troops began two weeks of joint training on Tuesday.",
     {"Philippines", "Japan"}),
    ("Indian and Japanese marines train together",
     "The marines of both countries began joint training on Tuesday.", {"India", "Japan"}),
    # 米印防衛相会談 is the US and Indian ministers', not Japan's
    ("米印防衛相会談", "インドと米国は16日、会談し、共同訓練を拡大することで一致した。",
     {"India", "United States"}),
    ("豪印防衛相が電話会談", "両防衛相は16日、電話で会談し、防衛協力の強化で一致した。",
     {"India", "Australia"}),
])
def test_the_parties_are_the_two_named(default_ruleset: RuleSet, title: str, text: str,
                                       countries: set[str]) -> None:
    result = default_ruleset.match_text(title, text)
    assert "bilateral-defence" in result.rule_ids
    assert "us-japan" not in result.rule_ids and "japan-australia" not in result.rule_ids
    assert set(result.entities.countries) == countries


@pytest.mark.parametrize(("title", "text", "expected"), [
    ("日印2プラス2を開催", "詳細は週内に発表される見通し。", IJ),
    ("日豪、2プラス2を開催", "両国の外務・防衛閣僚が東京で会談した。", JA),
])
def test_a_japanese_term_beginning_with_a_digit(default_ruleset: RuleSet, title: str,
                                                text: str, expected: set[str]) -> None:
    assert_exactly(default_ruleset, title, text, expected)


def test_a_count_inside_a_longer_number_is_not_two(default_ruleset: RuleSet) -> None:
    # 12か国 holds no 2か国: a fleet review of twelve is a crowd's
    assert not topics(default_ruleset, "国際観艦式に12か国の艦艇",
                       "日本と米国の艦艇が並んで航行し、インドや豪州の艦が続いた。") & PAIR_TOPICS


_BACKGROUND = ("Defence budgets across the region have risen for a decade. China's growing "
               "fleet and Russia's war in Ukraine weigh on planners everywhere.\n\n"
               "Analysts expect more of the same next year.\n\n")
_JA_BACKGROUND = ("地域の防衛費は10年にわたり増え続けており、"
                  "中国の海軍力の増強やロシアのウクライナ侵攻が各国の計画に影を落としている。\n\n")
_HI_BACKGROUND = "क्षेत्र में रक्षा बजट बढ़ रहे हैं। चीन और रूस पर सबकी नज़र है।\n\n"


@pytest.mark.parametrize(("text", "expected"), [
    (_BACKGROUND + "India and Japan issued a joint statement on Tuesday pledging closer "
     "defence cooperation.", IJ),
    (_BACKGROUND + "The agreement between Australia and Japan on defence equipment entered "
     "into force on Tuesday.", JA),
    (_BACKGROUND + "Senior officers of the Indian Navy and the US Navy held staff talks in "
     "the capital on Tuesday.", IU),
    (_BACKGROUND + "India handed over two patrol vessels to the Royal Australian Navy on "
     "Tuesday.", IA),
    (_JA_BACKGROUND + "日本とオーストラリアの防衛装備品・技術移転協定が16日、発効した。", JA),
    (_JA_BACKGROUND + "海上自衛隊と米海軍は16日、二国間の共同訓練を終了した。", UJ),
    (_HI_BACKGROUND + "भारत और जापान के बीच रक्षा उपकरण समझौता मंगलवार को लागू हुआ।", IJ),
])
def test_the_act_told_last_after_a_background(default_ruleset: RuleSet, text: str,
                                              expected: set[str]) -> None:
    assert_exactly(default_ruleset, "A busy week for regional security", text, expected)


def test_a_top_pair_with_forces_is_still_the_story(default_ruleset: RuleSet) -> None:
    # the top's two states do something of arms together: a third named further down
    # is no pair of the story's
    text = ("The United States will send more bombers and warships through Australia on "
            "rotation, the two countries' defense chiefs said Tuesday.\n\n"
            "They would invite Japan to take part in more force posture initiatives, and "
            "Austin said the US and Japan had discussed the plan with their forces.")
    assert not topics(default_ruleset, "More American bombers to rotate through Australia",
                       text) & {"us-japan", "japan-australia"}


@pytest.mark.parametrize(("title", "text", "expected"), [
    ("Asia defence round-up", "Thailand's cabinet approved a new budget for its air force on "
     "Monday.\n\nJapan handed over an air surveillance radar to India on Tuesday.", IJ),
    ("アジア防衛ニュースまとめ", "タイ政府は15日、空軍の新予算を承認した。\n\n"
     "日本は16日、オーストラリアに警戒管制レーダー1基を引き渡した。", JA),
    ("British, Japanese navies hold drills", "More details are expected later in the week.",
     BD),
    ("US, Philippines issue joint statement on defence",
     "More details are expected later in the week.", BD),
])
def test_round_up_items_and_headlines(default_ruleset: RuleSet, title: str, text: str,
                                      expected: set[str]) -> None:
    assert_exactly(default_ruleset, title, text, expected)


_IJ_ACSA = IJ | {"acsa"}


@pytest.mark.parametrize(("title", "text", "expected"), [
    # a logistics pact used, told in the last paragraph under a top naming nobody
    ("Sea lanes", "Shipping was busy in the strait.\n\nINS Sahyadri took on fuel from a "
     "Japanese navy tanker on Tuesday under the two countries' logistics agreement.", _IJ_ACSA),
    ("Sea lanes", "Shipping was busy in the strait.\n\nHMAS Anzac took on fuel from an "
     "American navy tanker on Tuesday under the two countries' logistics agreement.",
     {"bilateral-defence"}),
    ("Sea lanes", "Shipping was busy in the strait.\n\nJS Kaga was refuelled by a US Navy "
     "oiler on Monday under the logistics agreement between the two countries.", UJ),
    ("給油", "海峡は混雑していた。\n\nインド海軍のフリゲート「サヒャディ」は16日、"
     "日印の物品役務相互提供協定に基づき、海上自衛隊の補給艦から給油を受けた。", _IJ_ACSA),
    ("ईंधन भरा", "समुद्री मार्ग पर भीड़ थी।\n\nआईएनएस सह्याद्री ने मंगलवार को दोनों देशों के "
     "लॉजिस्टिक्स समझौते के तहत जापानी नौसेना के टैंकर से ईंधन लिया।", _IJ_ACSA),
    ("इंधन भरले", "सागरी मार्गावर वर्दळ होती.\n\nआयएनएस सह्याद्रीने मंगळवारी दोन्ही देशांच्या "
     "लॉजिस्टिक करारानुसार जपानी नौदलाच्या टँकरकडून इंधन घेतले.", _IJ_ACSA),
])
def test_a_pact_used_told_last(default_ruleset: RuleSet, title: str, text: str,
                               expected: set[str]) -> None:
    got = topics(default_ruleset, title, text)
    assert expected <= got and not (got & (PAIR_TOPICS | {"acsa"})) - expected, got


@pytest.mark.parametrize(("title", "text", "expected"), [
    # a defence minister named by name alone is a word of defence
    ("Secretary Austin hosts Indian counterpart",
     "Austin and Singh discussed co-production of Stryker vehicles and jet engines.", IU),
    ("Kihara, Marles hold phone talks", "More details are expected later in the week.", JA),
    ("木原氏、マールズ氏と電話会談", "詳細は週内に発表される見通し。", JA),
    ("किहारा-मार्ल्स फोन पर बात", "ज़्यादा जानकारी बाद में दी जाएगी।", JA),
    # equipment told from the side that receives it, and armed drones by their model
    ("India receives first MH-60R helicopters from US",
     "The US Navy handed over two helicopters at San Diego.", IU),
    ("US approves sale of MQ-9B drones to India",
     "The State Department approved the sale of 31 drones.", IU),
    ("フィリピン、日本からレーダーを受領", "比空軍は16日、日本製の警戒管制レーダーを受領した。",
     BD),
])
def test_ministers_by_name_and_equipment_received(default_ruleset: RuleSet, title: str,
                                                  text: str, expected: set[str]) -> None:
    assert_exactly(default_ruleset, title, text, expected)


@pytest.mark.parametrize(("title", "text"), [
    ("Japan tracks Chinese submarines",
     "Japan received reports of two Chinese submarines near its islands on Monday."),
    ("Modi, Albanese talk cricket and trade",
     "The two prime ministers met in Ahmedabad and watched the Test match."),
])
def test_received_reports_and_leaders_stay_silent(default_ruleset: RuleSet, title: str,
                                                  text: str) -> None:
    assert not topics(default_ruleset, title, text) & (PAIR_TOPICS | {"bilateral-defence"})
