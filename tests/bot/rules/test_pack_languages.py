"""The default pack on Hindi, Marathi and Japanese reports: the constructions those
outlets use for the parties, the acts and the groups (texts written for these tests)."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet


@pytest.mark.parametrize(("title", "text"), [
    # "multinational", "the Quadrilateral (Security Dialogue)" in Hindi and Marathi
    ("बहुराष्ट्रीय अभ्यास में भारत और जापान",
     "भारत और जापान समेत पंद्रह देशों की नौसेनाएं इस बहुराष्ट्रीय अभ्यास में भाग ले रही हैं।"),
    ("चतुर्भुज सुरक्षा संवाद: रक्षा मंत्रियों की बैठक",
     "भारत और जापान के रक्षा मंत्रियों ने समुद्री सुरक्षा पर चर्चा की।"),
    ("इंडो-पॅसिफिक क्षेत्रात बहुराष्ट्रीय सराव",
     "भारत आणि जपानसह बारा देशांची नौदले या सरावात सहभागी झाली. भारतीय नौदलाने जपानी "
     "युद्धनौकेसोबत सराव केला."),
    # "multilateral", "three countries" in Japanese
    ("多国間共同訓練で日印が連携",
     "海上自衛隊とインド海軍は、米国主催の多国間共同訓練で対潜訓練を行った。"),
    ("日米比３カ国が共同訓練",
     "海上自衛隊と米海軍、フィリピン海軍が南シナ海で共同訓練を実施した。"),
])
def test_a_group_named_in_hindi_marathi_or_japanese_is_no_pair(
        default_ruleset: RuleSet, title: str, text: str) -> None:
    assert set(default_ruleset.match_text(title, text).rule_ids) <= {"malabar"}


@pytest.mark.parametrize(("title", "text"), [
    ("JIMEX sea phase opens in the Bay of Bengal",
     "Earlier this month the navies of the US, Japan, Australia and India held the Malabar "
     "exercise near Guam.\nOn Thursday an Indian frigate and a Japanese destroyer began the "
     "sea phase of the joint exercise."),
    ("बंगालच्या उपसागरात जिमेक्स सरावाचा दुसरा टप्पा",
     "या महिन्याच्या सुरुवातीला भारत, अमेरिका, जपान व ऑस्ट्रेलिया या चार देशांच्या नौदलांचा "
     "सराव गुआमजवळ झाला.\nगुरुवारी भारतीय युद्धनौका आणि जपानी विनाशिकेने संयुक्त सरावाचा "
     "दुसरा टप्पा सुरू केला."),
])
def test_a_headline_naming_an_exercise_of_two_is_the_pair_s_whatever_group_the_lead_recalls(
        default_ruleset: RuleSet, title: str, text: str) -> None:
    got = set(default_ruleset.match_text(title, text).rule_ids)
    assert {"india-japan", "bilateral-defence"} <= got
    # the group's own exercise in the headline stays the group's
    group = default_ruleset.match_text(title.replace("JIMEX", "Malabar")
                                       .replace("जिमेक्स", "मलबार"), text)
    assert "india-japan" not in group.rule_ids


@pytest.mark.parametrize(("title", "text", "pair"), [
    # a meeting of one partner named as such, with a third state in the lead
    ("日豪防衛相会談　共同訓練の拡大へ",
     "木原防衛相はマールズ国防相と会談した。自衛隊が豪軍の艦艇を守る措置は、これまで米軍に"
     "限られていた。", "japan-australia"),
    ("अमेरिकेचे संरक्षणमंत्री दिल्लीत; उभय देशांत करार",
     "भारत आणि अमेरिकेच्या संरक्षणमंत्र्यांनी करारावर स्वाक्षऱ्या केल्या. जपान व ऑस्ट्रेलियाचे "
     "राजदूतही उपस्थित होते.", "india-us"),
])
def test_a_pair_s_own_story_is_not_the_group_s_its_lead_mentions(
        default_ruleset: RuleSet, title: str, text: str, pair: str) -> None:
    assert {pair, "bilateral-defence"} <= set(default_ruleset.match_text(title, text).rule_ids)


@pytest.mark.parametrize(("title", "text"), [
    ("Indian, Japanese warships sail for Malabar",
     "Ships of the Indian Navy and the JMSDF left for the exercise with the US and Australia."),
    ("Indian and Japanese ships sail for the Quad drill",
     "They join American and Australian warships in the Philippine Sea."),
    ("印海軍と海自、マラバールへ出港", "日米豪印の4カ国共同訓練に参加する。"),
])
def test_a_headline_of_two_joining_the_group_s_drill_is_the_group_s(
        default_ruleset: RuleSet, title: str, text: str) -> None:
    assert set(default_ruleset.match_text(title, text).rule_ids) <= {"malabar"}


@pytest.mark.parametrize(("text", "person"), [
    ("木原防衛相は、来日したマーレス副首相兼国防相と会談した。", "Richard Marles"),
    ("中谷防衛相はオースチン米国防長官と電話で会談した。", "Lloyd Austin"),
    ("防衛省でヘグセット国防長官を迎えた。", "Pete Hegseth"),
    ("インドのラージナート・シン氏が来日した。", "Rajnath Singh"),
])
def test_japanese_spellings_of_ministers(default_ruleset: RuleSet, text: str,
                                         person: str) -> None:
    title = "日豪防衛相会談" if "マーレス" in text else "防衛相会談"
    found = default_ruleset.match_text(title, text).entities.people
    assert person in found


def test_a_japanese_surname_alone_is_nobody(default_ruleset: RuleSet) -> None:
    # 木原氏 ("Mr Kihara") counts for the minister only in a story that names him in full
    found = default_ruleset.match_text("地元の話題", "木原氏が商店街で祭りを開いた。防衛")
    assert "Kihara Minoru" not in found.entities.people


@pytest.mark.parametrize(("title", "text"), [
    # a passing (goodwill) exercise, and "will exercise" in the Hindi singular
    ("海自とインド海軍が親善訓練",
     "海上自衛隊の護衛艦がムンバイに寄港し、インド海軍と親善訓練を行った。"),
    ("भारत-जापान के बीच समुद्री साझेदारी अभ्यास",
     "जापान का विध्वंसक मुंबई पहुंचा। वह भारतीय नौसेना के साथ अभ्यास करेगा।"),
])
def test_an_exercise_of_the_pair_is_a_bilateral_statement(default_ruleset: RuleSet,
                                                          title: str, text: str) -> None:
    got = set(default_ruleset.match_text(title, text).rule_ids)
    assert {"india-japan", "bilateral-defence"} <= got


@pytest.mark.parametrize(("title", "text"), [
    # the logistics pact described as "mutual logistics (support) agreement"
    ("नौदलाच्या टँकरने जपानी विनाशिकेला इंधन दिले",
     "भारतीय नौदलाच्या टँकरने अरबी समुद्रात जपानच्या विनाशिकेला इंधन पुरवले. हा पुरवठा "
     "भारत-जपान परस्पर रसद सहाय्य कराराखाली झाला."),
    ("भारत-जापान पारस्परिक रसद समर्थन समझौते पर अमल",
     "भारतीय नौसेना ने जापानी युद्धपोत को समुद्र में ईंधन दिया।"),
])
def test_the_logistics_pact_described_in_marathi_and_hindi(default_ruleset: RuleSet,
                                                           title: str, text: str) -> None:
    assert "acsa" in default_ruleset.match_text(title, text).rule_ids


def test_us_forces_in_japan_are_no_pair_of_the_two(default_ruleset: RuleSet) -> None:
    # 在日米軍 (US Forces Japan), 駐日米国大使 (the US ambassador in Tokyo): Japan is where
    found = default_ruleset.match_text(
        "在日米軍の兵士が事故　外務省が再発防止を要請",
        "在日米軍司令部は事故を受けて夜間外出を制限した。駐日米国大使は遺憾の意を示した。")
    assert "Japan" not in found.entities.countries
    assert not found.rule_ids


@pytest.mark.parametrize(("title", "text"), [
    # a budget headline: drills with the ally and arms bought from it are lines of it
    ("防衛予算案、過去最大に　長射程ミサイルを重視",
     "防衛省は来年度の予算案をまとめた。\n日米共同訓練に参加する護衛艦の燃料費や、米国から"
     "買う迎撃ミサイルの経費も盛り込んだ。"),
    ("रक्षा बजट में बढ़ोतरी, नौसेना को सबसे ज्यादा हिस्सा",
     "भारत सरकार ने रक्षा बजट बढ़ाया।\nभारत और अमेरिका की नौसेनाओं के संयुक्त अभ्यास का खर्च "
     "भी इसमें शामिल है।"),
])
def test_a_budget_headline_is_one_state_s_spending(default_ruleset: RuleSet, title: str,
                                                   text: str) -> None:
    assert not default_ruleset.match_text(title, text).rule_ids


def test_a_state_a_japanese_headline_has_in_mind_is_no_party(default_ruleset: RuleSet) -> None:
    # 中国念頭に: "with China in mind"; the story is Japan's and India's, whose ministers met
    found = default_ruleset.match_text(
        "日印防衛相、中国念頭に連携確認",
        "小泉防衛相はインドのシン国防相と会談し、共同訓練の拡充で一致した。")
    assert "China" not in found.entities.countries
    assert {"india-japan", "bilateral-defence"} <= set(found.rule_ids)


@pytest.mark.parametrize(("title", "text"), [
    # Mumbai's Malabar Hill, the Malabar coast: places, not the exercise
    ("मलबार हिलमधील बंगला विकला", "भारतीय नौदल आणि अमेरिकी नौदलाचे निवृत्त अधिकारी मलबार "
     "हिलमध्ये राहतात."),
    ("मालाबार तट पर मछुआरों की हड़ताल", "भारत और अमेरिका की नौसेनाओं के पुराने जहाज़ मालाबार "
     "तट के पास खड़े हैं।"),
    ("マラバール地方の料理店が人気", "インド海軍と米海軍の元隊員も、マラバール地方の料理を好む。"),
])
def test_the_malabar_coast_and_hill_are_places(default_ruleset: RuleSet, title: str,
                                               text: str) -> None:
    assert "malabar" not in default_ruleset.match_text(title, text).rule_ids


@pytest.mark.parametrize(("title", "text", "expected"), [
    # a summit's headline leads with its rail or trade deal; a body sentence names the two
    # signing defence pacts: defence news too
    ("जपानच्या मदतीने नवा रेल्वे मार्ग; पंतप्रधानांच्या भेटीत घोषणा",
     "नवी दिल्ली : जपानच्या मदतीने भारतात उभारल्या जाणाऱ्या रेल्वे मार्गाची घोषणा भारत आणि "
     "जपानच्या पंतप्रधानांच्या भेटीत झाली.\n\nयाच भेटीत भारत व जपान यांच्यात संरक्षण "
     "उपकरणांबाबत दोन करारांवर स्वाक्षऱ्या झाल्या.", True),
    ("Japan to lend India billions for a new freight railway",
     "The loan was announced on Sunday as the prime ministers of India and Japan held their "
     "annual summit talks.\n\nAt the same meeting India and Japan signed a pact on the "
     "transfer of defence equipment and technology.", True),
    # the same headline over a body with no defence pact stays a railway story
    ("Japan to lend India billions for a new freight railway",
     "The loan was announced on Sunday as the prime ministers of India and Japan held their "
     "annual summit talks.\n\nIndia and Japan also signed a memorandum on railway safety.",
     False),
])
def test_a_summit_s_defence_pacts_below_a_headline_about_its_trade_deals(
        default_ruleset: RuleSet, title: str, text: str, expected: bool) -> None:
    got = set(default_ruleset.match_text(title, text).rule_ids)
    assert ({"india-japan", "bilateral-defence"} <= got) is expected
    assert expected or not got


@pytest.mark.parametrize(("title", "text", "expected"), [
    # the capitals in Devanagari and katakana stand for their states, except as the venue
    # ("in Delhi", दिल्लीत, नई दिल्ली में, ニューデリーで) or the dateline
    ("टोक्यो और नई दिल्ली ने रक्षा समझौते पर हस्ताक्षर किए",
     "दोनों देशों की सेनाएं साथ अभ्यास करेंगी।", True),
    ("जापान के रक्षा मंत्री नई दिल्ली में",
     "जापान के रक्षा मंत्री ने नई दिल्ली में नौसेना के एक जहाज़ का दौरा किया।", False),
    ("जपानचे संरक्षणमंत्री दिल्लीत", "जपानचे संरक्षणमंत्री दिल्लीत दाखल झाले; त्यांनी नौदलाची "
     "पाहणी केली.", False),
    ("防衛相、ニューデリーで講演", "防衛相はニューデリーで防衛協力について講演した。", False),
    ("", "नई दिल्ली। जापान के रक्षा मंत्री ने नौसेना के एक जहाज़ का दौरा किया और सहयोग पर "
         "बात की।", False),
])
def test_a_capital_in_devanagari_or_katakana_is_its_state_except_as_a_place(
        default_ruleset: RuleSet, title: str, text: str, expected: bool) -> None:
    got = set(default_ruleset.match_text(title, text).rule_ids)
    assert ("india-japan" in got) is expected


@pytest.mark.parametrize(("title", "text", "expected"), [
    # a joint exercise's report may open on the two armies' cricket rivalry: the exercise
    # named at the top makes it no sport story
    ("ऑस्ट्रेलियाचे जवान पुण्यात",
     "पुणे : क्रिकेटमध्ये प्रतिस्पर्धी असलेल्या भारत आणि ऑस्ट्रेलियाचे जवान 'ऑस्ट्रा हिंद' या संयुक्त "
     "सरावासाठी एकत्र आले आहेत.", True),
    # a match report names no exercise: still sport
    ("ऑस्ट्रेलियाचे खेळाडू पुण्यात",
     "पुणे : क्रिकेटमध्ये प्रतिस्पर्धी असलेल्या भारत आणि ऑस्ट्रेलियाच्या संघांचा सराव सामना "
     "रविवारी होईल; दोन्ही देशांच्या लष्कराचे बँड वाजतील.", False),
    ("Cricket: Indian and Australian army teams meet",
     "The Indian Army and the Australian Army played a friendly match before AustraHind.",
     False),
])
def test_a_sport_word_in_the_lead_of_a_named_exercise_is_no_sport_story(
        default_ruleset: RuleSet, title: str, text: str, expected: bool) -> None:
    got = set(default_ruleset.match_text(title, text).rule_ids)
    assert ("india-australia" in got) is expected


@pytest.mark.parametrize(("title", "text", "expected"), [
    # a Japanese sentence without a subject meets or trains "with X": its other party is
    # the headline's or the previous sentence's; a venue with で is no party
    ("防衛相、初の外遊", "中谷防衛相は2日、マレーシアで開かれた国際会議に出席した。会議の合間に、"
     "インドのシン国防相と会談し、装備協力の拡大で一致した。",
     {"bilateral-defence", "india-japan"}),
    ("海自護衛艦、ダーウィンに寄港", "海上自衛隊の護衛艦が10日、豪北部ダーウィンに入港した。"
     "入港に先立ち、豪海軍と周辺海域で共同訓練を行った。",
     {"bilateral-defence", "japan-australia"}),
    # the pair of the sentence's own subject, with a group of two others it trains with,
    # is no pair of one of those
    ("日印防衛相が会談", "木原防衛相はシン国防相と会談した。日印は今月、米豪両国とともに共同訓練を"
     "実施する予定だ。", {"bilateral-defence", "india-japan"}),
    # an international meeting in Malaysia is no statement of Japan and Malaysia
    ("防衛相、国際会議に出席",
     "中谷防衛相は2日、マレーシアで開かれた拡大ASEAN国防相会議に出席した。", set()),
])
def test_a_japanese_sentence_without_a_subject(default_ruleset: RuleSet, title: str, text: str,
                                               expected: set[str]) -> None:
    assert set(default_ruleset.match_text(title, text).rule_ids) == expected


@pytest.mark.parametrize(("title", "text", "pair"), [
    # a logistics pact named in Marathi or Hindi, with no other word of the forces
    ("ऑस्ट्रेलियाबरोबर भारताचा करार",
     "कॅनबेरा : भारत आणि ऑस्ट्रेलिया यांच्यात परस्पर रसद पुरवठा करारावर स्वाक्षऱ्या "
     "करण्यात आल्या.", "india-australia"),
    ("भारत-ऑस्ट्रेलिया करार",
     "कैनबरा: भारत और ऑस्ट्रेलिया ने पारस्परिक रसद समझौते पर हस्ताक्षर किए।",
     "india-australia"),
    # defence production and innovation are the forces' business
    ("भारत-अमेरिका भागीदारी",
     "वॉशिंग्टन : भारत आणि अमेरिकेच्या नेत्यांची भेट झाली. दोन्ही देशांनी संरक्षण उत्पादन "
     "करारावर स्वाक्षरी केली.", "india-us"),
    # the two states' summit is their act
    ("स्टार्टअप के सहारे आत्मनिर्भरता: दिल्ली में जुटे भारत-अमेरिका के नवोन्मेषक",
     "नई दिल्ली। रक्षा क्षेत्र के भारतीय और अमेरिकी अधिकारी एक मंच पर जुटे। मौका था "
     "भारत-अमेरिका रक्षा नवाचार सेतु के शिखर सम्मेलन का।", "india-us"),
])
def test_hindi_and_marathi_names_of_pacts_fields_and_summits(
        default_ruleset: RuleSet, title: str, text: str, pair: str) -> None:
    assert set(default_ruleset.match_text(title, text).rule_ids) == {pair, "bilateral-defence"}


@pytest.mark.parametrize(("title", "text", "topics"), [
    # a service chief met "with" under the Marathi honorific (... यांच्याशी) is a
    # counterpart: his state and the story's other state are the pair
    ("जपानचे नौदलप्रमुख दिल्लीत",
     "नवी दिल्ली : जपानचे नौदलप्रमुख अॅडमिरल सायतो सोमवारी दिल्लीत आले. त्यांनी भारतीय "
     "नौदलप्रमुख अॅडमिरल त्रिपाठी यांच्याशी चर्चा केली.", {"india-japan", "bilateral-defence"}),
    # a chief meeting his own commander is no pair
    ("भारतीय लष्करप्रमुख पुण्यात",
     "पुणे : भारतीय लष्करप्रमुख जनरल द्विवेदी सोमवारी पुण्यात आले. त्यांनी दक्षिण मुख्यालयाचे "
     "प्रमुख लेफ्टनंट जनरल सेठ यांच्याशी चर्चा केली.", set()),
    # a headline asking of one state's affairs asks nothing of the pair whose signing
    # (सह्या केल्या) its lead reports
    ("नाशिकच्या उद्योगांना अमेरिकी कंत्राटांची संधी?",
     "नाशिक : मंगळवारी भारत आणि अमेरिकेने वॉशिंग्टनमध्ये परस्पर संरक्षण खरेदी करारावर सह्या "
     "केल्या. त्यामुळे लघुउद्योगांना नव्या कामांची आशा आहे.", {"india-us", "bilateral-defence"}),
    ("Doors open for Pune workshops to US defence contracts?",
     "Pune: Small firms hope for new orders after India and the United States signed a "
     "reciprocal defence procurement agreement in Washington on Tuesday.",
     {"india-us", "bilateral-defence"}),
])
def test_marathi_honorifics_and_one_state_questions(
        default_ruleset: RuleSet, title: str, text: str, topics: set[str]) -> None:
    assert set(default_ruleset.match_text(title, text).rule_ids) == topics


@pytest.mark.parametrize(("title", "text", "expected"), [
    # a Japanese clause of circumstances ending in "amid" (〜なか、, 〜中、) names no party
    ("自衛官の採用、過去最低に",
     "防衛省内では、日米同盟の下で自衛隊の役割が広がるなか、人員の確保が防衛協力の実効性にも"
     "関わるとの声がある。", set()),
    # one state's jets landing on the other's ship is an act of the two
    ("護衛艦に米軍機", "海上自衛隊の護衛艦に3日、米海兵隊の戦闘機F35Bが着艦した。",
     {"bilateral-defence", "us-japan"}),
])
def test_japanese_circumstances_and_cross_deck_landings(
        default_ruleset: RuleSet, title: str, text: str, expected: set[str]) -> None:
    assert set(default_ruleset.match_text(title, text).rule_ids) == expected


# A port call: the visiting navy named at the top, the drill "with" the host's navy told
# later in a sentence naming only the host (अमेरिकी नौदलासोबत सराव, अमेरिकी नौसेना के साथ
# अभ्यास): the host stands across from the story's other state, as a counterpart does.
# The city is no naval port of the lexicon's (Seattle): an arrival at one (सॅन डिएगो
# बंदरात पोहोचली) names its state as the host by itself, as in English
PORT_CALLS = [
    ("आयएनएस सातपुडा सिएटलमध्ये दाखल",
     "भारतीय नौदलाची युद्धनौका सोमवारी सिएटल बंदरात पोहोचली.\n"
     "परतीच्या प्रवासात अमेरिकी नौदलासोबत सागरी सराव नियोजित आहे.",
     "परतीच्या प्रवासात अमेरिकी नौदलासोबत तणाव वाढला आहे."),
    ("आईएनएस सतपुड़ा सिएटल पहुंचा",
     "भारतीय नौसेना का युद्धपोत सोमवार को सिएटल बंदरगाह पहुंचा।\n"
     "वापसी में यह अमेरिकी नौसेना के साथ समुद्री अभ्यास करेगा।",
     "वापसी में इसे अमेरिकी नौसेना के साथ मौसम की चिंता है।"),
]


@pytest.mark.parametrize(("title", "text", "no_act"), PORT_CALLS)
def test_a_drill_with_the_host_s_navy_pairs_it_with_the_visitor(
        default_ruleset: RuleSet, title: str, text: str, no_act: str) -> None:
    assert "india-us" in default_ruleset.match_text(title, text).rule_ids
    lead = text.split("\n", maxsplit=1)[0]
    assert "india-us" not in default_ruleset.match_text(title, f"{lead}\n{no_act}").rule_ids
