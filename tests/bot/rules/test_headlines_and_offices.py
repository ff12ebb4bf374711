"""How outlets write what dev's reports write otherwise: a pair's own exercise named in the
headline with no state (its second day, its close), a Japanese headline whose items are set
apart by a space, a defence department or secretary named by office alone (国防長官,
ペンタゴン, पेंटागन), a ministers' call told in the headline's present ("talk by phone"), a
meeting told as had ("had his session with"), and a round-up's headline ("takeaways",
まとめ, संक्षेप में, थोडक्यात). The default pack reads each as the pair's act, and stays
silent on a brand, a racehorse or a board game named like an exercise, a headline whose
later item puts the act off, and another state's own office (texts written for these
tests)."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet
from bot.rules.splitting import sentence_starts

US_JAPAN = {"us-japan", "bilateral-defence"}
INDIA_JAPAN = {"india-japan", "bilateral-defence"}
JAPAN_AUSTRALIA = {"japan-australia", "bilateral-defence"}
INDIA_US = {"india-us", "bilateral-defence"}
INDIA_AUSTRALIA = {"india-australia", "bilateral-defence"}


@pytest.mark.parametrize(("title", "text", "expected"), [
    ("Keen Sword ends", "The exercise, held every two years, wrapped up on Friday with a landing "
     "drill on a southern island.", US_JAPAN),
    ("Resolute Dragon wraps up in Hokkaido",
     "The drill involved about 3,000 troops and closed on Thursday.", US_JAPAN),
    ("Orient Shield 25 closes", "Soldiers finished three weeks of training in Kyushu.",
     US_JAPAN),
    ("Yudh Abhyas concludes in Alaska",
     "The two-week exercise ended with a live-fire drill on Friday.", INDIA_US),
    ("AUSINDEX enters sea phase",
     "Warships of the two navies sailed from Visakhapatnam on Monday.", INDIA_AUSTRALIA),
    ("キーン・ソード終了", "自衛隊と米軍の共同統合演習は２０日、終了した。", US_JAPAN),
    ("ジメックス、２日目", "海自とインド海軍の艦艇は２日目の訓練を行った。", INDIA_JAPAN),
    ("जिमेक्स अभ्यास संपन्न", "दोनों नौसेनाओं का अभ्यास शुक्रवार को संपन्न हुआ।", INDIA_JAPAN),
    ("जिमेक्स सराव संपन्न", "दोन्ही नौदलांचा सराव शुक्रवारी संपन्न झाला.", INDIA_JAPAN),
])
def test_an_exercise_of_two_named_alone_in_the_headline(
        default_ruleset: RuleSet, title: str, text: str, expected: set[str]) -> None:
    assert expected <= set(default_ruleset.match_text(title, text).rule_ids)


@pytest.mark.parametrize(("title", "text"), [
    ("Keen Sword Knives opens Osaka shop",
     "The kitchen knife maker launched a new range of blades on Friday."),
    ("Resolute Dragon wins Melbourne race", "The colt, trained in Sydney, beat ten rivals."),
    ("Yudh Abhyas: a board game for the whole family",
     "The new game, launched on Friday, lets players drill their armies."),
    ("Orient Shield insurance posts record profit", "The insurer said its earnings rose."),
])
def test_a_name_of_something_else_is_no_exercise(default_ruleset: RuleSet, title: str,
                                                  text: str) -> None:
    assert default_ruleset.match_text(title, text).rule_ids == ()


def test_a_japanese_headline_sets_its_items_apart_with_a_space() -> None:
    assert sentence_starts("日米防衛相会談　台湾情勢で連携", whole=True) == [0, 8]
    assert sentence_starts("日米防衛相会談 台湾情勢で連携", whole=True) == [0, 8]
    # a speaker's tag belongs to the item before it; Latin words keep their spaces
    assert sentence_starts("米政府と契約締結　木原防衛相", whole=True) == [0]
    assert sentence_starts("US, Japan defence chiefs meet in Tokyo", whole=True) == [0]


@pytest.mark.parametrize(("title", "text", "expected"), [
    ("日米防衛相会談　台湾情勢で連携", "中谷防衛相とヘグセス米国防長官が会談した。", US_JAPAN),
    ("日米防衛相会談 台湾情勢で連携", "", US_JAPAN),
    ("日豪防衛相が会談　中国の動向を注視", "両氏は共同訓練の拡大で一致した。", JAPAN_AUSTRALIA),
    ("日印防衛相会談　米国との連携も確認", "両氏は防衛装備協力で一致した。", INDIA_JAPAN),
    ("巡航ミサイル取得、米政府と契約締結　防衛相",
     "防衛相は記者会見で、米政府と契約を結んだと発表した。", US_JAPAN),
    # items that share their subject, each naming one of the pair, stay one sentence
    ("豪フリゲートが呉に寄港　海自護衛艦と訓練終え",
     "豪海軍のフリゲートが３日、呉基地に入った。寄港前に海自の護衛艦と共同訓練を行った。",
     JAPAN_AUSTRALIA),
    # an item that tells what the talks left undone puts off no talks: the headline is read
    # whole for that
    ("ミサイル評価で一致せず　日米防衛相会談、温度差",
     "防衛相は４日、来日した米国防長官と会談し、連携の方針を確認した。", US_JAPAN),
])
def test_a_third_state_in_another_item_of_the_headline(
        default_ruleset: RuleSet, title: str, text: str, expected: set[str]) -> None:
    assert expected <= set(default_ruleset.match_text(title, text).rule_ids)


@pytest.mark.parametrize(("title", "text"), [
    ("日米防衛相会談　見送り", "政府は予定していた会談を見送った。"),
    ("日豪防衛相会談　実現せず", "豪州側の事情で会談は実現しなかった。"),
])
def test_a_later_item_that_puts_the_act_off(default_ruleset: RuleSet, title: str,
                                            text: str) -> None:
    found = set(default_ruleset.match_text(title, text).rule_ids)
    assert "us-japan" not in found and "japan-australia" not in found


@pytest.mark.parametrize(("title", "text", "expected"), [
    ("防衛相が国防長官と電話会談",
     "防衛相は３日、米国の国防長官と電話で会談し、中国の軍事活動について意見交換した。",
     US_JAPAN),
    ("防衛相、ペンタゴンで会談",
     "防衛相は３日、ペンタゴンを訪れ、長官と会談した。共同生産の拡大で一致した。", US_JAPAN),
    ("国防総省で日米防衛相会談", "", US_JAPAN),
    ("Defense minister, Pentagon chief agree on missile output",
     "Japan's defense minister and the Pentagon chief agreed on Tuesday to double output of "
     "interceptors.", US_JAPAN),
    ("रक्षा मंत्री ने पेंटागन प्रमुख से बात की",
     "रक्षा मंत्री राजनाथ सिंह ने मंगलवार को पेंटागन प्रमुख से फोन पर बात की और रक्षा सहयोग "
     "की समीक्षा की।", INDIA_US),
    ("संरक्षणमंत्र्यांची पेंटागॉन प्रमुखांशी चर्चा",
     "संरक्षणमंत्री राजनाथ सिंह यांनी मंगळवारी पेंटागॉनच्या प्रमुखांशी फोनवरून चर्चा केली आणि "
     "संरक्षण सहकार्याचा आढावा घेतला.", INDIA_US),
])
def test_a_defence_department_named_by_office(
        default_ruleset: RuleSet, title: str, text: str, expected: set[str]) -> None:
    assert expected <= set(default_ruleset.match_text(title, text).rule_ids)


def test_another_states_office_of_the_same_name_is_not_americas(
        default_ruleset: RuleSet) -> None:
    found = default_ruleset.match_text("韓国国防部長官が来日",
                                       "韓国の国防部長官は３日、防衛相と会談した。").rule_ids
    assert "us-japan" not in found


@pytest.mark.parametrize(("title", "text", "expected"), [
    ("Japan, US defence chiefs talk by phone",
     "The two discussed China's drills near Taiwan and agreed to keep in close contact.",
     US_JAPAN),
    ("Australia, Japan defence ministers talk by phone",
     "They agreed to speed up the frigate project.", JAPAN_AUSTRALIA),
    ("India, US defence chiefs speak by phone", "They reviewed cooperation on jet engines.",
     INDIA_US),
    ("日豪防衛相が電話会談", "両氏はフリゲート計画の加速で一致した。", JAPAN_AUSTRALIA),
    ("भारत-अमेरिका रक्षा मंत्रियों की फोन पर बात", "दोनों ने जेट इंजन पर सहयोग की समीक्षा की।",
     INDIA_US),
    ("भारत-अमेरिका संरक्षणमंत्र्यांची फोनवरून चर्चा",
     "दोघांनी जेट इंजिन सहकार्याचा आढावा घेतला.", INDIA_US),
])
def test_a_call_told_in_the_headlines_present(
        default_ruleset: RuleSet, title: str, text: str, expected: set[str]) -> None:
    assert expected <= set(default_ruleset.match_text(title, text).rule_ids)


@pytest.mark.parametrize(("title", "text", "expected"), [
    ("Shangri-La: the meetings that mattered",
     "Many ministers met on the sidelines.\n\nCanberra's minister had his session with "
     "Nakatani of Japan, where the frigate bid came first.\n\nIndia's defence chief spoke "
     "on Pakistan.", JAPAN_AUSTRALIA),
    ("Takeaways from the defence ministers' meeting in Bangkok",
     "China pressed its neighbours.\n\nEsper met Kono, Japan's defense minister, and the two "
     "agreed to keep working closely on North Korea.", US_JAPAN),
    ("防衛ニュースまとめ",
     "日米防衛相は１７日、バンコクで会談し、ミサイル防衛協力の強化で一致した。\n\n"
     "台風が沖縄を直撃した。", US_JAPAN),
    ("रक्षा समाचार संक्षेप में",
     "भारत और अमेरिका के रक्षा मंत्रियों ने मंगलवार को फोन पर बात की और रक्षा सहयोग पर चर्चा "
     "की।\n\nदिल्ली में बारिश हुई।", INDIA_US),
    ("संरक्षण बातम्या थोडक्यात",
     "भारत आणि अमेरिकेच्या संरक्षणमंत्र्यांनी मंगळवारी फोनवरून चर्चा केली.\n\nमुंबईत पाऊस "
     "झाला.", INDIA_US),
])
def test_a_round_up_and_a_meeting_told_as_had(
        default_ruleset: RuleSet, title: str, text: str, expected: set[str]) -> None:
    assert expected <= set(default_ruleset.match_text(title, text).rule_ids)


@pytest.mark.parametrize(("title", "text", "expected"), [
    ("陸自と海兵隊、離島防衛訓練", "陸自と海兵隊は５日、沖縄で共同訓練を始めた。", US_JAPAN),
    ("水陸機動団、海兵隊と共同訓練を開始", "訓練は２週間続く。", US_JAPAN),
    ("JASDF and USAF fighters fly together", "The flight took place over the Sea of Japan.",
     US_JAPAN),
    ("JGSDF, III MEF begin drill", "The exercise began on Tuesday in Okinawa.", US_JAPAN),
    ("भारतीय सेना और मरीन कोर का संयुक्त अभ्यास शुरू", "अभ्यास दो सप्ताह चलेगा।", INDIA_US),
    ("भारतीय लष्कर आणि मरीन कोरचा संयुक्त सराव सुरू", "सराव दोन आठवडे चालेल.", INDIA_US),
    # another state's marines are its own, and its navy is no sea
    ("フィリピン海兵隊と陸自が訓練", "フィリピン海兵隊と陸自が共同訓練を行った。",
     {"bilateral-defence"}),
])
def test_forces_named_without_their_state(
        default_ruleset: RuleSet, title: str, text: str, expected: set[str]) -> None:
    found = set(default_ruleset.match_text(title, text).rule_ids)
    assert expected <= found
    if "us-japan" not in expected:
        assert "us-japan" not in found


@pytest.mark.parametrize(("title", "text"), [
    ("韓国海兵隊が上陸訓練", "韓国海兵隊は５日、単独で上陸訓練を行った。"),
    ("元海兵隊員がボランティア", "元海兵隊員の男性が被災地で活動した。日本には恩があると話した。"),
    ("Japanese marines train in Kyushu", "The amphibious brigade trained alone on Tuesday."),
])
def test_marines_of_another_state_or_of_none(default_ruleset: RuleSet, title: str,
                                             text: str) -> None:
    assert default_ruleset.match_text(title, text).rule_ids == ()


@pytest.mark.parametrize(("title", "text", "expected"), [
    ("Morning briefing: oil, Iran, drills",
     "Oil: Buyers in India, Japan, South Korea and China face higher prices after the output "
     "cut.\n\nJapan: Japanese and US destroyers began a joint exercise in the East China Sea "
     "on Monday.", US_JAPAN),
    ("ニュースまとめ", "原油：インド、日本、韓国、中国の輸入国は値上がりに直面する。\n\n"
     "防衛：海自と米海軍は５日、東シナ海で共同訓練を行った。", US_JAPAN),
    ("समाचार संक्षेप में", "तेल: भारत, जापान, दक्षिण कोरिया और चीन जैसे खरीदारों को महंगा तेल "
     "मिलेगा।\n\nरक्षा: भारत और अमेरिका की नौसेनाओं ने सोमवार को संयुक्त अभ्यास शुरू किया।",
     INDIA_US),
    ("बातम्या थोडक्यात", "तेल: भारत, जपान, दक्षिण कोरिया आणि चीन या खरेदीदारांना महाग तेल "
     "मिळेल.\n\nसंरक्षण: भारत आणि अमेरिकेच्या नौदलांनी सोमवारी संयुक्त सराव सुरू केला.", INDIA_US),
])
def test_a_round_up_whose_first_item_names_many_states(
        default_ruleset: RuleSet, title: str, text: str, expected: set[str]) -> None:
    assert expected <= set(default_ruleset.match_text(title, text).rule_ids)


@pytest.mark.parametrize(("title", "text"), [
    ("News in brief", "Quad foreign ministers of India, Japan, Australia and the US met in "
     "Tokyo.\n\nA typhoon hit Okinawa."),
    ("Morning briefing: markets", "Shares in Tokyo and New York rose.\n\nJapanese and US "
     "carmakers reported higher profits."),
])
def test_a_round_up_of_a_group_or_of_business(default_ruleset: RuleSet, title: str,
                                              text: str) -> None:
    assert default_ruleset.match_text(title, text).rule_ids == ()


@pytest.mark.parametrize(("title", "text", "expected"), [
    ("US defence chief warns China at Asia forum",
     "U.S. Defense Secretary told the forum on Saturday that Beijing's island building was "
     "destabilising.\n\nOn the sidelines, he held talks with Japan's defence minister, and the "
     "two agreed to deepen missile defence cooperation.", US_JAPAN),
    ("Marles warns China over unsafe intercepts",
     "Australia's defence minister said Chinese jets had acted dangerously.\n\nLater on "
     "Saturday, Marles met Japanese Defence Minister Nakatani and the two signed a pact on "
     "frigate cooperation.", JAPAN_AUSTRALIA),
    ("中国を批判、米国防長官が演説", "米国防長官は演説で中国の海洋進出を批判した。\n\nその後、"
     "中谷防衛相と会談し、日米同盟の抑止力強化で一致した。", US_JAPAN),
    ("राजनाथ सिंह ने चीन को चेतावनी दी", "रक्षा मंत्री ने मंच से चीन को चेतावनी दी।\n\nबाद में "
     "उन्होंने अमेरिकी रक्षा मंत्री से मुलाकात की और रक्षा सहयोग पर समझौता किया।", INDIA_US),
    ("राजनाथ सिंह यांचा चीनला इशारा", "संरक्षणमंत्र्यांनी व्यासपीठावरून चीनला इशारा दिला.\n\n"
     "नंतर राजनाथ सिंह यांनी अमेरिकेच्या संरक्षणमंत्र्यांची भेट घेतली आणि संरक्षण सहकार्य करार "
     "केला.", INDIA_US),
])
def test_a_pair_the_headline_of_one_against_another_leaves_out(
        default_ruleset: RuleSet, title: str, text: str, expected: set[str]) -> None:
    assert expected <= set(default_ruleset.match_text(title, text).rule_ids)


@pytest.mark.parametrize(("title", "text"), [
    ("Japan protests Chinese incursion near Senkakus",
     "Japan lodged a protest with China after coast guard ships entered its waters.\n\nJapan "
     "and China held talks on the incident on Monday.\n\nThe United States has long said the "
     "treaty covers the islands."),
    ("Japan protests North Korean missile launch",
     "Japan lodged a protest through its embassy in Beijing.\n\nJapan, the US and South Korea "
     "held a call on the launch."),
    ("India slams Pakistan at UN", "India's envoy criticised Pakistan.\n\nIndia and the US "
     "have held regular counter-terrorism talks over the past decade."),
    # a state the headline names only as the nationality of firms is one of its states too
    ("Japan blacklists Indian firms over parts sent to Russia",
     "Tokyo listed two companies in India that it said supplied the Russian army; India's "
     "foreign ministry said it would discuss the matter with the Russian military."),
])
def test_the_two_a_headline_sets_against_each_other(default_ruleset: RuleSet, title: str,
                                                     text: str) -> None:
    assert default_ruleset.match_text(title, text).rule_ids == ()
