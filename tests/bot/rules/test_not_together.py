"""More stories that name two states and the forces and tell no act of the two, each in our
own words and in every language the class occurs in: one state's concern over another's
drills (places.py AGAINST), counterparts of several states across one table
(parties.py, counterparts.py), a champion's title defence (the `sport` group), a look
back that says "remembering" or "years later" and an obituary (the `history` condition),
a supply pact the two "already have" (acsa.yaml `standing`), and an aircraft named US-2.
Beside each, the news that must still alert."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet
from bot.rules.ruleset import article_from_text


def _rules(ruleset: RuleSet, title: str, text: str) -> set[str]:
    return set(ruleset.match(article_from_text(title, text)).rule_ids)


@pytest.mark.parametrize(("title", "text"), [
    ("Canberra voices concern as Chinese warships circle Taiwan",
     "Australia on Monday expressed concern over Chinese naval drills near Taiwan, the "
     "defence minister said."),
    ("中国軍の台湾包囲演習、日本政府が懸念",
     "日本政府は中国軍が台湾周辺で行った大規模演習について懸念を表明した。防衛省は警戒を続ける。"),
    ("चीन के सैन्य अभ्यास पर जापान ने चिंता जताई",
     "जापान ने ताइवान के आसपास चीन के बड़े सैन्य अभ्यास पर चिंता जताई। रक्षा मंत्रालय ने कहा कि "
     "वह नजर रखे हुए है।"),
    ("चीनच्या लष्करी सरावावर जपानची चिंता व्यक्त",
     "तैवानभोवती चीनने केलेल्या मोठ्या लष्करी सरावावर जपानने चिंता व्यक्त केली. संरक्षण मंत्रालय "
     "लक्ष ठेवून आहे."),
])
def test_concern_over_another_states_drills_is_no_act_of_the_two(
        default_ruleset: RuleSet, title: str, text: str) -> None:
    assert _rules(default_ruleset, title, text) == set()


def test_two_who_voice_concern_together_and_agree_are_news(default_ruleset: RuleSet) -> None:
    found = _rules(default_ruleset,
                   "India, Japan voice concern over Chinese drills, agree to step up naval ties",
                   "India and Japan expressed concern over Chinese drills and agreed to step up "
                   "naval cooperation at defence talks in Tokyo on Monday.")
    assert {"india-japan", "bilateral-defence"} <= found


@pytest.mark.parametrize(("title", "text"), [
    ("India, Australia officials meet US, Japanese counterparts",
     "Officials of India and Australia met their US and Japanese counterparts in Manila on "
     "Monday to discuss maritime security."),
    ("भारत और ऑस्ट्रेलिया के अधिकारी अमेरिकी और जापानी समकक्षों से मिले",
     "भारत और ऑस्ट्रेलिया के अधिकारियों ने मनीला में अपने अमेरिकी और जापानी समकक्षों से मुलाकात की "
     "और समुद्री सुरक्षा पर चर्चा की।"),
])
def test_counterparts_of_several_states_pair_none_of_them(
        default_ruleset: RuleSet, title: str, text: str) -> None:
    found = _rules(default_ruleset, title, text)
    assert not {"us-japan", "india-japan", "india-us"} & found


def test_two_ministers_meeting_their_counterparts_of_one_state_pair(
        default_ruleset: RuleSet) -> None:
    found = _rules(default_ruleset, "Australian ministers in Delhi for first 2+2",
                   "Australia's defence and foreign ministers met their Indian counterparts in "
                   "New Delhi on Saturday and discussed defence science.")
    assert "india-australia" in found


@pytest.mark.parametrize(("title", "text"), [
    ("Japanese champion defends title against American in Tokyo",
     "The champion defended his title against a US challenger at a sold-out arena; the two "
     "signed the bout contract in December."),
    ("王者、豪州出身の挑戦者退け2度目の防衛",
     "ボクシングの世界王者が豪州出身の挑戦者を判定で下し、2度目の防衛に成功した。"),
    ("भारतीय पहलवान ने जापानी पहलवान को हराकर खिताब बचाया",
     "भारतीय पहलवान ने जापान के पहलवान को हराकर अपना खिताब बचाया।"),
    ("भारतीय बॉक्सरने अमेरिकन प्रतिस्पर्ध्याला हरवून विजेतेपद राखले",
     "भारतीय बॉक्सरने अमेरिकेच्या प्रतिस्पर्ध्याला हरवून विजेतेपद राखले."),
])
def test_a_title_defence_is_sport(default_ruleset: RuleSet, title: str, text: str) -> None:
    assert _rules(default_ruleset, title, text) == set()


@pytest.mark.parametrize(("title", "text"), [
    ("Remembering the treaty protests",
     "Protesters surrounded the Diet as Japan and the United States put their revised "
     "security treaty into effect."),
    ("Sixty years later: the Anpo summer",
     "Japan and the United States signed their revised security treaty in Washington."),
    ("Navy surgeon who served two nations",
     "Dr Rao served in the Indian Navy and later with the Australian Army in a joint field "
     "hospital.\nHe is survived by his wife and two sons."),
    ("二つの国の軍で働いた医師", "インド海軍と豪陸軍で勤務した医師が先月死去した。喪主は長男。"),
    ("दो देशों की सेनाओं में सेवा देने वाले डॉक्टर",
     "भारतीय नौसेना और ऑस्ट्रेलियाई सेना में सेवा देने वाले डॉक्टर का निधन हो गया। उनके परिवार में "
     "पत्नी और दो बेटे हैं।"),
    ("दोन देशांच्या सैन्यात सेवा करणारे डॉक्टर",
     "भारतीय नौदल आणि ऑस्ट्रेलियन लष्करात सेवा करणाऱ्या डॉक्टरांचे निधन झाले. त्यांच्या पश्चात "
     "पत्नी व दोन मुले आहेत."),
])
def test_a_look_back_or_an_obituary_is_history(
        default_ruleset: RuleSet, title: str, text: str) -> None:
    assert _rules(default_ruleset, title, text) == set()


@pytest.mark.parametrize(("title", "text"), [
    ("Indian, Japanese navies hold passage exercise",
     "Two Indian warships and a Japanese destroyer held a passage exercise off Kochi on "
     "Monday. The two countries already have a logistics pact that lets their forces "
     "exchange fuel."),
    ("空自とインド空軍が共同訓練",
     "航空自衛隊とインド空軍は2日、輸送機による共同訓練を実施した。日印は2020年に物品役務相互提供"
     "協定に署名し、翌年発効した。"),
    ("भारत-जापान नौसेनाओं का पासेक्स अभ्यास",
     "भारतीय और जापानी नौसेना ने सोमवार को कोच्चि के पास पासेक्स अभ्यास किया। दोनों देशों के बीच "
     "पहले से रसद समझौता है।"),
    ("भारत-जपान नौदलांचा संयुक्त सराव",
     "भारतीय आणि जपानी नौदलांनी सोमवारी कोचीजवळ संयुक्त सराव केला. दोन्ही देशांमध्ये आधीच परस्पर "
     "पुरवठा करार आहे."),
])
def test_a_drill_beside_a_pact_the_two_already_have_is_no_acsa_news(
        default_ruleset: RuleSet, title: str, text: str) -> None:
    found = _rules(default_ruleset, title, text)
    assert "india-japan" in found and "acsa" not in found


def test_fuel_given_under_a_pact_in_force_for_years_is_acsa_news(
        default_ruleset: RuleSet) -> None:
    found = _rules(default_ruleset, "भारतीय जहाजाकडून जपानी विनाशिकेला इंधन",
                   "भारतीय नौदलाच्या जहाजाने जपानच्या विनाशिकेला बुधवारी इंधन पुरवले. भारत-जपान "
                   "यांच्यात २०२१ पासून लागू असलेल्या परस्पर पुरवठा व सेवा करारांतर्गत ही देवाणघेवाण "
                   "झाली.")
    assert "acsa" in found


def test_the_us2_aircraft_names_no_state(default_ruleset: RuleSet) -> None:
    found = _rules(default_ruleset, "Modi, Abe discuss US-2 aircraft deal",
                   "India and Japan discussed the US-2 amphibious aircraft deal; the US-2 would "
                   "be built partly in India. Japan's defence minister backed the deal.")
    assert "india-japan" in found and "india-us" not in found and "us-japan" not in found


@pytest.mark.parametrize(("title", "text"), [
    ("India, Japan bilateral trade tops $30 billion",
     "Bilateral trade between India and Japan crossed $30 billion; the two countries also "
     "discussed trade in defence equipment."),
    ("भारत-जापान द्विपक्षीय व्यापार 30 अरब डॉलर के पार",
     "भारत और जापान का द्विपक्षीय व्यापार 30 अरब डॉलर को पार कर गया। दोनों देशों ने रक्षा "
     "उपकरणों के व्यापार पर भी चर्चा की।"),
    ("भारत-जपान द्विपक्षीय व्यापारात वाढ",
     "भारत आणि जपान यांच्यातील द्विपक्षीय व्यापार वाढला. दोन्ही देशांनी संरक्षण साहित्याच्या "
     "व्यापारावरही चर्चा केली."),
    ("日印の二国間貿易、過去最高",
     "日本とインドの二国間貿易額が過去最高となった。両国は防衛装備品の取引についても協議した。"),
])
def test_bilateral_trade_is_another_field(default_ruleset: RuleSet, title: str,
                                          text: str) -> None:
    assert _rules(default_ruleset, title, text) == set()


@pytest.mark.parametrize(("title", "text"), [
    ("जायका आणि भारत यांच्यात करार",
     "जपान आंतरराष्ट्रीय सहकार्य संस्था (जायका) आणि भारत सरकार यांच्यात मुंबईतील प्रकल्पासाठी "
     "करार झाला. नौदल तळाजवळील रस्त्याचे कामही होणार आहे."),
    ("国際協力機構、インドと円借款契約",
     "国際協力機構はインド政府と円借款契約に署名した。海軍基地近くの道路も整備する。"),
])
def test_jica_in_every_script_is_development_finance(default_ruleset: RuleSet, title: str,
                                                     text: str) -> None:
    assert _rules(default_ruleset, title, text) == set()


@pytest.mark.parametrize(("title", "text"), [
    ("एसीएसए ने जापानी कंपनी से समझौता किया",
     "एयरपोर्ट्स कंपनी साउथ अफ्रीका (एसीएसए) ने हवाई अड्डों की सुरक्षा के लिए जापानी कंपनी और "
     "भारतीय ठेकेदार के साथ समझौता किया।"),
    ("南アフリカ空港会社ACSA、日本企業と契約",
     "南アフリカ空港会社（ACSA）は日本企業とインド企業と空港の保安設備で契約を結んだ。"),
])
def test_acsa_the_airports_company_in_other_scripts(default_ruleset: RuleSet, title: str,
                                                    text: str) -> None:
    assert "acsa" not in _rules(default_ruleset, title, text)


@pytest.mark.parametrize(("title", "text", "pair"), [
    ("भारत-ओमान नौसैनिक अभ्यास शुरू",
     "भारत और ओमान की नौसेनाओं ने मस्कट के पास अभ्यास शुरू किया। अमेरिकी नौसेना के अधिकारी भी "
     "पर्यवेक्षक के रूप में मौजूद रहे।", {"India", "Oman"}),
    ("日本とフィジー、防衛相会談",
     "日本とフィジーの防衛相が会談し、防衛協力の強化で一致した。米国も太平洋島しょ国への関与を"
     "強めている。", {"Japan", "Fiji"}),
    ("जपान-मंगोलिया संरक्षण मंत्र्यांची बैठक",
     "जपान आणि मंगोलिया यांच्या संरक्षणमंत्र्यांची उलानबातर येथे बैठक झाली. भारताचे राजदूत "
     "उपस्थित होते.", {"Japan", "Mongolia"}),
])
def test_a_partner_named_in_another_script_is_the_pair(
        default_ruleset: RuleSet, title: str, text: str, pair: set[str]) -> None:
    result = default_ruleset.match(article_from_text(title, text))
    assert {m.rule_id for m in result.matches} == {"bilateral-defence"}
    assert set(result.entities.countries) == pair


@pytest.mark.parametrize(("title", "text"), [
    ("日豪、ワーキングホリデー協定を拡大",
     "日本とオーストラリアはワーキングホリデー制度の拡大で合意し、覚書に署名した。自衛隊員の家族も"
     "対象となる。"),
    ("अमेरिकी मूल निवासी जनजाति और अमेरिकी सेना में समझौता",
     "वॉशिंगटन राज्य की एक मूल अमेरिकी जनजाति ने अमेरिकी सेना के साथ प्रशिक्षण भूमि को लेकर समझौता "
     "किया। भारतीय मूल के एक अधिकारी मौजूद थे।"),
])
def test_people_and_workers_of_two_states_are_no_pair(
        default_ruleset: RuleSet, title: str, text: str) -> None:
    assert _rules(default_ruleset, title, text) == set()
