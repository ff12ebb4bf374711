"""Reports of a bilateral act that name a party only by its service ("Marine Corps",
陸自, "MSDF"), tell the act with the words of the forces rather than "defence" (destroyers,
bombers, F-35Bs, ミサイル, a passage exercise, joint development), or tell the other party
by a pronoun ("the two agreed") or by the name of the minister met ("met Defense Secretary
Lloyd Austin"). The default pack reads each as the pair's act, and stays silent on one
state's own drill, a service's budget, a sports final and the freedom of the high seas
(texts written for these tests)."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet
from bot.rules.mood import unasserted

US_JAPAN = {"us-japan", "bilateral-defence"}
INDIA_JAPAN = {"india-japan", "bilateral-defence"}
JAPAN_AUSTRALIA = {"japan-australia", "bilateral-defence"}
INDIA_US = {"india-us", "bilateral-defence"}


@pytest.mark.parametrize(("title", "text", "expected"), [
    # America's marines and fleet named without the state
    ("Marine Corps jets train with Japanese troops in Hokkaido",
     "Marine Corps F-35B fighters and Ground Self-Defense Force units began two weeks of "
     "live-fire training near the range on Monday.", US_JAPAN),
    ("Seventh Fleet carrier trains with Japanese destroyers",
     "The carrier sailed with two Maritime Self-Defense Force destroyers in the Philippine "
     "Sea for three days of anti-submarine drills, the Seventh Fleet said.", US_JAPAN),
    ("Japanese, US troops rehearse island defence in Kyushu",
     "About 1,500 GSDF and Marine Corps troops began a two-week drill on Tuesday.", US_JAPAN),
    # Japan's three services by their short names
    ("陸自と米陸軍、北海道で共同訓練開始",
     "陸自と米陸軍は５日、北海道の演習場で共同訓練を始めた。約８００人が参加する。", US_JAPAN),
    ("海自護衛艦、インド海軍と共同訓練",
     "海自の護衛艦は８日、ムンバイ沖でインド海軍のフリゲートと共同訓練を行った。",
     INDIA_JAPAN),
    ("空自と豪空軍が共同訓練", "空自の戦闘機４機と豪空軍の戦闘機が１２日、共同訓練を行った。",
     JAPAN_AUSTRALIA),
    ("護衛艦かがに米戦闘機が着艦",
     "米海兵隊のＦ３５Ｂ戦闘機２機が１日、四国沖で海自の護衛艦「かが」に着艦した。", US_JAPAN),
    ("US bombers, Japanese fighters fly joint drill over Sea of Japan",
     "Two B-52 bombers flew with four ASDF F-15 fighters on Wednesday, the Air Staff Office "
     "said.", US_JAPAN),
])
def test_a_service_named_without_its_state_names_the_state(
        default_ruleset: RuleSet, title: str, text: str, expected: set[str]) -> None:
    assert expected <= set(default_ruleset.match_text(title, text).rule_ids)


@pytest.mark.parametrize(("title", "text", "expected"), [
    # the forces' plurals and aircraft instead of "defence"
    ("Japan and US: a new step",
     "Japanese and American destroyers sailed together through the East China Sea on "
     "Sunday.", US_JAPAN),
    ("US jets land on Japanese carrier",
     "Two U.S. Marine Corps F-35B fighters landed on the Japanese helicopter carrier off "
     "Shikoku on Thursday.", US_JAPAN),
    ("India-Japan ties",
     "The two navies carried out a passage exercise off Kochi on Friday, the Indian Navy "
     "said.", INDIA_JAPAN),
    # weapons developed or built together; Japanese arms words
    ("日米、迎撃ミサイルの共同開発で合意",
     "日米両政府は１８日、新型迎撃ミサイルの共同開発に関する取り決めを交わした。", US_JAPAN),
    ("陸自、米海兵隊と離島防衛訓練",
     "陸上自衛隊は１５日、南西諸島の島で米海兵隊と離島防衛を想定した訓練を始めた。", US_JAPAN),
    ("India, US to co-produce armoured vehicles",
     "India and the United States signed an agreement on Tuesday to jointly produce "
     "armoured vehicles for their armies.", INDIA_US),
    ("भारत-अमेरिका बख्तरबंद वाहनों का संयुक्त उत्पादन करेंगे",
     "भारत और अमेरिका ने मंगलवार को सेना के वाहनों के संयुक्त उत्पादन पर समझौता किया।",
     INDIA_US),
    ("भारत-अमेरिका चिलखती वाहनांची संयुक्त निर्मिती",
     "भारत आणि अमेरिकेने मंगळवारी लष्करी वाहनांच्या संयुक्त निर्मितीचा करार केला.", INDIA_US),
    # a sea named after a state is where the two sail, not a third party
    ("Japan's new destroyer joins U.S. carrier group",
     "The Maritime Self-Defense Force's newest destroyer sailed with the aircraft carrier "
     "USS George Washington in the Philippine Sea this week, the Navy said.", US_JAPAN),
    ("India, Philippines navies drill in the Philippine Sea",
     "Indian and Philippine warships held a joint drill on Monday.", {"bilateral-defence"}),
    ("空自と米空軍、日本海上空で共同訓練",
     "空自の戦闘機と米空軍の爆撃機が１２日、日本海上空で共同訓練を行った。", US_JAPAN),
    # the port call's ship, then "with the other navy's frigate" in a sentence without
    # a subject
    ("海自艦、豪州に寄港",
     "海上自衛隊の護衛艦が３日、豪北部の港に寄港した。寄港に先立ち、豪海軍のフリゲートと"
     "通信訓練を行った。", JAPAN_AUSTRALIA),
    # a pact named for its field or by its name alone; the perfect's participle; a call
    # made by video
    ("India, US sign 10-year defence framework",
     "The framework was signed in Kuala Lumpur by the two defence ministers on Friday.",
     INDIA_US),
    ("India and US ink SOSA", "The arrangement commits each side to prioritise the other's "
     "orders for defence goods in a crisis.", INDIA_US),
    ("Japanese fighters escort bombers near Korea",
     "Japan's defense ministry said two ASDF F-2 fighters had flown alongside two U.S. B-1B "
     "bombers on Wednesday.", US_JAPAN),
    ("Japan, Australia defence chiefs hold video conference",
     "Japan's defence minister and his Australian counterpart held a video conference on "
     "Thursday on naval activity in the region.", JAPAN_AUSTRALIA),
    ("防衛相と豪国防相、テレビ会議",
     "防衛相は３日、オーストラリアの国防相とテレビ会議を行い、共同訓練の拡大で一致した。",
     JAPAN_AUSTRALIA),
    # an exercise the lexicon names, told without the word "exercise"
    ("Japan, US launch Valiant Shield",
     "More than 10,000 troops began the drill on Guam on Monday.", US_JAPAN),
])
def test_the_act_told_in_the_words_of_the_forces(
        default_ruleset: RuleSet, title: str, text: str, expected: set[str]) -> None:
    assert expected <= set(default_ruleset.match_text(title, text).rule_ids)


@pytest.mark.parametrize(("title", "text", "expected"), [
    # "he met <the other's minister by name>": the name says the other party
    ("Japanese defence minister visits Washington",
     "Japan's defence minister arrived in Washington on Tuesday for a three-day visit.\n\n"
     "On Wednesday he met Defense Secretary Lloyd Austin at the Pentagon.", US_JAPAN),
    # "the two" as the subject of what they did
    ("Japanese defence minister visits Washington",
     "Japan's defence minister arrived in Washington on Tuesday.\n\n"
     "The two agreed to speed up joint production of air-defence missiles.", US_JAPAN),
    ("Pentagon chief in Tokyo",
     "Defense Secretary Lloyd Austin arrived in Tokyo on Sunday.\n\n"
     "He met Defense Minister Minoru Kihara on Monday and the two signed an agreement on "
     "co-producing air-to-air missiles.", US_JAPAN),
    ("日米防衛相が会談",
     "木原防衛相は２日、来日したオースティン米国防長官と会談した。両氏はミサイルの共同生産を"
     "加速させることで一致した。", US_JAPAN),
    # what the two say together, a courtesy call
    ("Japan, US pledge closer missile work",
     "Japan and the United States pledged on Tuesday to deepen cooperation on missile "
     "defence.", US_JAPAN),
    ("Austin, Kihara reaffirm alliance",
     "The US defense secretary and the Japanese defense minister reaffirmed on Friday that "
     "the security treaty covers the islands.", US_JAPAN),
    ("Indian Navy chief calls on Japanese counterpart",
     "The admiral called on the chief of the Maritime Self-Defense Force in Tokyo on "
     "Wednesday.", INDIA_JAPAN),
    ("インド海軍参謀長、海自トップを表敬",
     "インド海軍の参謀長は１０日、防衛省で海上幕僚長を表敬訪問した。", INDIA_JAPAN),
])
def test_the_other_party_told_by_a_name_or_a_pronoun(
        default_ruleset: RuleSet, title: str, text: str, expected: set[str]) -> None:
    assert expected <= set(default_ruleset.match_text(title, text).rule_ids)


@pytest.mark.parametrize(("title", "text", "expected"), [
    # a watched pair's statement, as its pair rule reads it, is a bilateral one
    ("Indian frigate and Australian warship exercise off Darwin",
     "INS Shivalik and HMAS Anzac completed two days of gunnery and replenishment drills off "
     "Darwin, the navy said.", {"india-australia", "bilateral-defence"}),
    ("陸自と米海兵隊、九州で訓練", "陸上自衛隊と米海兵隊は九州の演習場で訓練に臨んでいる。",
     US_JAPAN),
    ("海自とインド海軍、ムンバイ沖で訓練",
     "海上自衛隊の護衛艦とインド海軍のフリゲートがムンバイ沖で訓練に臨んだ。", INDIA_JAPAN),
    # English "exercised with (ships of) X" in a sentence naming no other state: X and the
    # state the story names elsewhere, as Japanese "Xと訓練" is
    ("Carrier strike group in the Indian Ocean",
     "The Nimitz carrier strike group conducted a passing exercise with ships of the Indian "
     "Navy on Monday. The group includes the cruiser USS Princeton.", INDIA_US),
    # a headline's clause of circumstances ("as Hegseth warns on China") sets no two
    # states against each other: the story is still the pair's
    ("Marles talks frigates in Singapore as Hegseth warns on China",
     "Richard Marles met his Japanese counterpart on the sidelines of the forum on Saturday. "
     "The two defence ministers discussed the frigate competition.", JAPAN_AUSTRALIA),
    # the described India-Japan supply pact
    ("India, Japan sign pact allowing militaries to share supplies",
     "The agreement lets the Indian armed forces and the Self-Defense Forces provide each "
     "other with fuel, food and spare parts.", {"acsa", "india-japan", "bilateral-defence"}),
])
def test_the_pair_read_as_the_pair_rules_read_it(
        default_ruleset: RuleSet, title: str, text: str, expected: set[str]) -> None:
    assert expected <= set(default_ruleset.match_text(title, text).rule_ids)


@pytest.mark.parametrize(("sentence", "wish"), [
    ("India calls on Japan to sign the pact.", True),
    ("The minister called upon both nations to exercise restraint.", True),
    ("Analysts call for India and Japan to sign a pact.", True),
    # a courtesy call, and one made to discuss something, are visits
    ("Indian Navy chief calls on Japanese counterpart", False),
    ("He called on Prime Minister Modi to discuss defence ties.", False),
])
def test_calling_on_someone_to_act_is_a_wish_a_courtesy_call_is_not(
        sentence: str, wish: bool) -> None:
    assert unasserted(sentence) is wish


@pytest.mark.parametrize(("title", "text"), [
    # one state's own drill, a service's budget, its base (a place that hosts a
    # headquarters): no act of two
    ("Court orders state to pay residents near air base",
     "The court dismissed the demand for a flight ban. The base hosts the headquarters of US "
     "Forces Japan, and Air Self-Defense Force units share the site."),
    ("Marine Corps budget request rises",
     "The Marine Corps asked Congress for more amphibious ships; the request was debated on "
     "Tuesday."),
    ("Court clears way for new air station",
     "Japan's top court on Monday cleared the way for the planned US Marine Corps air "
     "station, which the defence ministry is building on reclaimed land."),
    ("海自、単独で訓練", "海上自衛隊は１０日、日本海で護衛艦による単独の訓練を行った。"),
    ("演習場で陸自が単独の射撃訓練　今年は米海兵隊の参加なし",
     "陸上自衛隊は１８日、演習場で実弾射撃訓練を行った。例年は米海兵隊も使うが、今年は"
     "日程が合わなかった。"),
    # a headline that sets two states against each other makes the story one side's
    ("Japan warns China over drills",
     "Tokyo warned Beijing after the navy drills. Japanese and Chinese officials held talks on "
     "Friday."),
    # the supply pact told only in a wish is none signed
    ("The pact the two navies still lack",
     "India and Japan should finally sign a logistics pact for their navies."),
    ("The pact the two navies still lack",
     "India and Japan should finally sign an agreement that lets their navies share fuel and "
     "supplies."),
    # the first of a list is no partner
    ("Carrier strike group in the Indian Ocean",
     "The Nimitz carrier strike group conducted a passing exercise with ships of the Indian "
     "Navy and other navies on Monday. The group includes the cruiser USS Princeton."),
    ("Navy's biggest war game under way",
     "Unlike exercises with France and other partners, the drill involves no foreign navies. "
     "India's navy runs it alone."),
    # "the two" of a sports final; the short names inside other words
    ("Japan and US meet again in the final",
     "Japan and the United States played a thrilling final. The two agreed to meet again in "
     "May for a friendly match."),
    ("公海自由の原則を確認",
     "日本と米国は、公海自由の原則の重要性を再確認する国際会議に出席した。"),
    ("上海自由貿易試験区、日米企業が進出", "日本と米国の企業が上海自由貿易試験区に進出した。"),
])
def test_no_act_of_two(default_ruleset: RuleSet, title: str, text: str) -> None:
    assert default_ruleset.match_text(title, text).rule_ids == ()
