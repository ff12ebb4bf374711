"""Two ways news names a party without naming its state in the sentence that tells the act,
and the words of translated wire copy. Texts written for these tests.

* An office alone is the paper's own state's: Hindi and Marathi news write संरक्षणमंत्री,
  रक्षा मंत्री, नौदलप्रमुख for India's, without the state (bot/rules/offices.py); an office
  written with another state, "both", "former", a foreign minister's name after it, or
  in a story that names another state's office so, is not India's.
* A sentence whose subject is "he" or "she" (त्यांनी, उन्होंने, 同氏は) goes on with the
  minister the sentence before it names (bot/rules/earlier.py, bot/rules/parties.py).
* Wire copy keeps English words in Devanagari: a defence MoU signed (MoU वर साइन केले), a
  bilateral meeting, ships by their prefixes (जेएस, यूएसएस), a ship that reached a port
  (येथे पोहोचली, पहुंचा); and Hindi tells the deeds Marathi tells (चर्चा की, करार हुआ).
"""

from __future__ import annotations

import pytest

from bot.rules import RuleSet
from tests.bot.rules.helpers import IA, IJ, IU, JA, PAIR_TOPICS, UJ, assert_exactly, topics


@pytest.mark.parametrize(("title", "text", "pair"), [
    ("", "संरक्षणमंत्र्यांनी त्यांच्या जपानी समकक्षांशी दूरध्वनीवरून चर्चा केली.", IJ),
    ("", "संरक्षणमंत्र्यांनी अमेरिकेच्या संरक्षणमंत्र्यांशी संरक्षण सहकार्यावर चर्चा केली.", IU),
    ("संरक्षणमंत्र्यांची ऑस्ट्रेलियन समकक्षांशी चर्चा",
     "दोन्ही नेत्यांनी प्रादेशिक सुरक्षेचा आढावा घेतला.", IA),
    ("", "रक्षा मंत्री ने अपने जापानी समकक्ष से फोन पर बात की।", IJ),
    ("", "रक्षा मंत्री ने ऑस्ट्रेलिया के रक्षा मंत्री के साथ द्विपक्षीय बैठक की।", IA),
    ("रक्षामंत्री की अमेरिकी समकक्ष से बातचीत", "दोनों नेताओं ने रक्षा सहयोग की समीक्षा की।", IU),
    ("", "नौदलप्रमुखांनी जपानच्या नौदलप्रमुखांशी सागरी सुरक्षेवर चर्चा केली.", IJ),
    ("", "लष्करप्रमुखांनी अमेरिकेच्या लष्करप्रमुखांची भेट घेतली.", IU),
    ("", "नौसेनाध्यक्ष ने ऑस्ट्रेलियाई नौसेना प्रमुख के साथ बैठक की।", IA),
])
def test_an_office_alone_is_the_papers_own_state(default_ruleset: RuleSet, title: str,
                                                text: str, pair: set[str]) -> None:
    assert_exactly(default_ruleset, title, text, pair)


@pytest.mark.parametrize(("title", "text", "pair"), [
    # another state's office, written so or named again
    ("", "जपानचे संरक्षणमंत्री नाकातानी यांनी ऑस्ट्रेलियाला भेट दिली. संरक्षणमंत्र्यांनी "
     "ऑस्ट्रेलियाच्या नौदलप्रमुखांशी चर्चा केली.", JA),
    ("", "संरक्षणमंत्री नाकातानी यांनी ऑस्ट्रेलियाचे संरक्षणमंत्री मार्लेस यांच्याशी चर्चा केली.",
     JA),
    ("", "अमेरिकेचे संरक्षणमंत्री ऑस्टिन टोकियोत आले. संरक्षणमंत्र्यांनी जपानी समकक्षांशी "
     "चर्चा केली.", UJ),
    ("", "अमेरिकी रक्षा मंत्री ऑस्टिन टोक्यो पहुंचे। रक्षा मंत्री ने जापानी समकक्ष से बातचीत की।",
     UJ),
    ("", "जपानी संरक्षणमंत्र्यांनी ऑस्ट्रेलियाच्या संरक्षणमंत्र्यांशी चर्चा केली.", JA),
    ("", "दोनों रक्षा मंत्रियों ने जापान और ऑस्ट्रेलिया के बीच रक्षा सहयोग पर चर्चा की।", JA),
    ("जपान-ऑस्ट्रेलिया संरक्षणमंत्र्यांची बैठक",
     "दोन्ही देशांच्या संरक्षणमंत्र्यांनी संयुक्त सरावाचा आढावा घेतला.", JA),
    ("", "जपानच्या लष्करप्रमुखांनी ऑस्ट्रेलियाच्या लष्करप्रमुखांशी चर्चा केली.", JA),
    # the ministry speaks for the story's state, not the paper's
    ("", "रक्षा मंत्रालय ने बताया कि जापान और ऑस्ट्रेलिया की नौसेनाओं ने संयुक्त अभ्यास किया।",
     JA),
    ("", "जपान आणि ऑस्ट्रेलियाच्या नौदलांनी संयुक्त सराव केला, असे संरक्षण मंत्रालयाने सांगितले.",
     JA),
])
def test_an_office_of_another_state_is_not_indias(default_ruleset: RuleSet, title: str,
                                                  text: str, pair: set[str]) -> None:
    assert_exactly(default_ruleset, title, text, pair)


@pytest.mark.parametrize(("title", "text"), [
    # a former minister's opinion, a rakhi's chant, a party's chief: no pair's act
    ("", "माजी संरक्षणमंत्र्यांनी अमेरिकेच्या संरक्षण धोरणावर टीका केली."),
    ("", "रक्षाबंधन पर बहनों ने रक्षा मंत्र का जाप किया और अमेरिका से आए भाई को राखी बांधी।"),
    ("", "शिवसेनाध्यक्षांनी अमेरिकेच्या दूतावासाला भेट दिली."),
    ("", "रक्षा मंत्रालय ने अगले वर्ष के बजट का प्रस्ताव जारी किया; अमेरिका से कोयले का आयात घटा।"),
])
def test_an_office_that_is_nobodys_party_stays_silent(default_ruleset: RuleSet, title: str,
                                                      text: str) -> None:
    assert not topics(default_ruleset, title, text) & PAIR_TOPICS


@pytest.mark.parametrize(("text", "pair"), [
    ("Richard Marles arrived in Delhi on Monday. He held talks with Rajnath Singh on defence "
     "cooperation.", IA),
    ("Hegseth landed in Tokyo. Later, he met Gen Nakatani at the defence ministry.", UJ),
    ("रिचर्ड मार्लेस सोमवारी दिल्लीत आले. त्यांनी राजनाथ सिंह यांच्याशी संरक्षण सहकार्यावर चर्चा "
     "केली.", IA),
    ("लॉइड ऑस्टिन मंगळवारी टोकियोत दाखल झाले. यानंतर त्यांनी नाकातानी यांची भेट घेतली.", UJ),
    ("रिचर्ड मार्लेस सोमवार को दिल्ली पहुंचे। उन्होंने राजनाथ सिंह के साथ रक्षा सहयोग पर चर्चा की।", IA),
    ("लॉयड ऑस्टिन मंगलवार को टोक्यो पहुंचे। इसके बाद उन्होंने नाकातानी से मुलाकात की।", UJ),
    ("マールズ豪副首相は１０日、東京に到着した。同氏は小泉防衛相と会談し、防衛協力の強化を確認した。",
     JA),
])
def test_he_goes_on_with_the_minister_before(default_ruleset: RuleSet, text: str,
                                             pair: set[str]) -> None:
    assert_exactly(default_ruleset, "", text, pair)


@pytest.mark.parametrize("text", [
    # "he" of one state that criticises another, or praises a team: no pair's act
    "Austin spoke to reporters in Tokyo. He criticised China's drills near Taiwan.",
    "राजनाथ सिंह यांनी पत्रकारांशी संवाद साधला. त्यांनी चीनवर टीका केली.",
    "मार्लेस यांनी कॅनबेरात पत्रकार परिषद घेतली. त्यांनी भारतीय क्रिकेट संघाचे कौतुक केले.",
    "राजनाथ सिंह ने पत्रकारों से बात की। उन्होंने पाकिस्तान की आलोचना की।",
    "マールズ豪副首相は１０日、記者会見した。同氏は中国の軍事活動を批判した。",
])
def test_he_against_another_state_is_no_pair(default_ruleset: RuleSet, text: str) -> None:
    assert not topics(default_ruleset, "", text) & PAIR_TOPICS


@pytest.mark.parametrize(("text", "pair"), [
    ("भारत ने जापान से डिफेंस इंडस्ट्रियल कोऑपरेशन के MoU पर साइन किए।", IJ),
    ("भारताने अमेरिकेशी डिफेन्स इंडस्ट्रियल कोऑपरेशनच्या MoU वर साइन केले.", IU),
    ("ऑस्ट्रेलियाई डिफेंस मिनिस्टर और भारतीय डिफेंस मिनिस्टर की बाइलेटरल मीटिंग हुई।", IA),
    ("भारतीय डिफेंस मिनिस्टर ने जापानी डिफेंस मिनिस्टर के साथ फोन कॉल पर चर्चा की।", IJ),
    ("आईएनएस सह्याद्रि और जेएस इकाजुची ने अरब सागर में संयुक्त अभ्यास किया।", IJ),
    ("आईएनएस सह्याद्रि और यूएसएस ब्लू रिज ने अरब सागर में संयुक्त अभ्यास किया।", IU),
    ("जेएस इकाझुची आणि एचएमएएस अरुंटा या युद्धनौकांनी संयुक्त सराव केला.", JA),
    ("यूएसएस ब्लू रिज चार दिवसांच्या भेटीसाठी विशाखापट्टणम येथे पोहोचली असून भारतीय नौदलाने "
     "तिचे स्वागत केले.", IU),
    ("एचएमएएस अरुंटा चार दिन की यात्रा पर विशाखापत्तनम पहुंचा और भारतीय नौसेना ने उसका स्वागत किया।",
     IA),
    ("भारत और जापान के रक्षा मंत्रियों ने सागरी सुरक्षा पर चर्चा की।", IJ),
])
def test_wire_copy_words_in_devanagari(default_ruleset: RuleSet, text: str,
                                       pair: set[str]) -> None:
    assert_exactly(default_ruleset, "", text, pair)


@pytest.mark.parametrize("text", [
    # the same words in other senses: a cricket MoU, a courier that reached, a JS of a firm
    "भारत ने जापान से क्रिकेट अकादमी के MoU पर साइन किए।",
    "अमेरिका से आया पार्सल चार दिन में विशाखापत्तनम पहुंचा और भारत में उसका स्वागत हुआ।",
    "जेएस इंडस्ट्रीज और भारतीय कंपनी ने अमेरिका में संयुक्त उपक्रम की चर्चा की।",
    "भारत और जापान के व्यापार मंत्रियों ने निवेश पर चर्चा की।",
])
def test_the_same_words_in_other_senses_stay_silent(default_ruleset: RuleSet, text: str) -> None:
    assert not topics(default_ruleset, "", text) & PAIR_TOPICS


@pytest.mark.parametrize(("text", "pair"), [
    # a ship's "she" goes on with the ship of the sentence before
    ("USS Dewey left Chennai on Monday. Leaving port, she sailed with INS Ranvijay in a "
     "passage exercise.", IU),
    ("अमेरिकी नौदलाची यूएसएस ड्यूई विनाशिका चेन्नईतून रवाना झाली. रवाना होताना तिने भारतीय "
     "नौदलाच्या आयएनएस रणविजयसोबत पॅसेज सराव केला.", IU),
    ("अमेरिकी नौसेना का यूएसएस ड्यूई चेन्नई से रवाना हुआ। रवाना होते समय उसने भारतीय नौसेना के "
     "आईएनएस रणविजय के साथ अभ्यास किया।", IU),
    ("米海軍の駆逐艦デューイが１０日、チェンナイを出港した。同艦はインド海軍の駆逐艦ランビジャイと"
     "親善訓練を行った。", IU),
])
def test_she_goes_on_with_the_ship_before(default_ruleset: RuleSet, text: str,
                                          pair: set[str]) -> None:
    assert_exactly(default_ruleset, "", text, pair)


@pytest.mark.parametrize(("title", "text", "pair"), [
    # a page of briefs: its items are news each, whatever its first item is about
    ("जगभर", "वॉशिंग्टन : अमेरिकेत सरकारी कामकाज ठप्प.\nटोकियो : अमेरिका आणि जपान यांच्या "
     "परराष्ट्र व संरक्षणमंत्र्यांची बैठक टोकियोत झाली.\nरोम : स्थलांतरितांची बोट बुडाली.", UJ),
    ("देश-विदेश : आजच्या ठळक बातम्या", "१. विधानसभेत विधेयक मंजूर.\n२. भारत आणि ऑस्ट्रेलियाच्या "
     "नौदलांनी बंगालच्या उपसागरात संयुक्त सराव केला.\n३. सोन्याचे दर स्थिर.", IA),
    ("देश-दुनिया की बड़ी खबरें", "1. संसद में बीमा विधेयक पर बहस।\n2. अमेरिका में सरकारी कामकाज "
     "ठप।\n3. भारत और जापान की नौसेनाओं ने अरब सागर में संयुक्त अभ्यास किया।", IJ),
    ("Live updates: Monday's top stories", "Markets opened higher in Mumbai.\nThe US "
     "government shutdown entered its third day.\nThe Japanese and Australian navies "
     "began a joint exercise off Darwin.", JA),
])
def test_a_page_of_briefs_tells_each_item(default_ruleset: RuleSet, title: str, text: str,
                                          pair: set[str]) -> None:
    assert_exactly(default_ruleset, title, text, pair)


@pytest.mark.parametrize(("title", "text", "drill"), [
    # India and France's army and air force exercises, in every script, with a drill's
    # word or a number after the name
    ("India, France open Exercise Shakti in Meghalaya",
     "Indian and French troops began Shakti 2024 at Umroi.", "Shakti"),
    ("भारत-फ्रान्स 'शक्ती' सरावाला सुरुवात",
     "भारत आणि फ्रान्सच्या लष्करांचा 'शक्ती' सराव मेघालयात सुरू झाला.", "Shakti"),
    ("भारत-फ्रांस 'शक्ति' अभ्यास शुरू",
     "भारत और फ्रांस की सेनाओं का 'शक्ति' अभ्यास मेघालय में शुरू हुआ।", "Shakti"),
    ("भारत-फ्रांस वायुसेनाओं का गरुड़ अभ्यास", "भारत और फ्रांस की वायुसेनाओं का गरुड़ अभ्यास "
     "जोधपुर में शुरू हुआ।", "Garuda"),
    ("भारत-फ्रान्स हवाई दलांचा 'गरुड' सराव",
     "भारतीय आणि फ्रेंच हवाई दलांचा 'गरुड' सराव जोधपूरमध्ये सुरू झाला.", "Garuda"),
])
def test_india_france_exercises(default_ruleset: RuleSet, title: str, text: str,
                                drill: str) -> None:
    found = default_ruleset.match_text(title, text)
    assert "bilateral-defence" in found.rule_ids
    assert drill in found.entities.exercises


@pytest.mark.parametrize(("title", "text"), [
    # a scheme, a tanker, India's own air force exercise, an airline, a women's centre
    ("", "राज्य सरकारने महिलांसाठी शक्ती योजना जाहीर केली; फ्रान्सच्या धर्तीवर अंमलबजावणी होणार."),
    ("", "INS Shakti refuelled two Indian destroyers off Kochi."),
    ("Attaches watch Gagan Shakti 2024", "Attaches from France and the United States watched "
     "the Indian Air Force's Gagan Shakti 2024 exercise at Pokhran."),
    ("", "गरुड़ इंडोनेशिया की उड़ान जकार्ता से भारत पहुंची।"),
    ("", "नारी शक्ति अभ्यास केंद्र का उद्घाटन फ्रांस के राजदूत ने किया।"),
])
def test_the_same_names_in_other_senses(default_ruleset: RuleSet, title: str, text: str) -> None:
    found = default_ruleset.match_text(title, text)
    assert not {"Shakti", "Garuda"} & set(found.entities.exercises)
    assert "bilateral-defence" not in found.rule_ids


@pytest.mark.parametrize(("title", "text", "pair"), [
    # a bulletin's items, each on a line of its own behind an emoji or a bullet, are
    # sentences of their own however long the line before (no wrapped line joins them)
    ("आजच्या ठळक बातम्या", "👉 संरक्षणमंत्र्यांकडून नौदलाच्या नव्या पाणबुडीची पाहणी, अधिकाऱ्यांशी चर्चा\n"
     "👉 भारत आणि जपानच्या नौदलांचा अरबी समुद्रात संयुक्त सराव सुरू\n👉 सोन्याचे दर स्थिर", IJ),
    ("आज के मुख्य समाचार", "🔴 रक्षा मंत्री ने कहा, सेना का आधुनिकीकरण लगातार जारी रहेगा\n"
     "🔴 भारत और अमेरिका की नौसेनाओं ने अरब सागर में संयुक्त अभ्यास किया\n🔴 सोने के दाम स्थिर", IU),
    ("Morning briefing", "• The defence minister said the army's modernisation would go on\n"
     "• The Japanese and Australian navies began a joint exercise off Darwin\n"
     "• Gold prices held steady", JA),
])
def test_a_bulletins_items_are_sentences(default_ruleset: RuleSet, title: str, text: str,
                                         pair: set[str]) -> None:
    assert_exactly(default_ruleset, title, text, pair)


@pytest.mark.parametrize(("title", "text"), [
    # another field's item beside a defence one: no pair of the other item's states
    ("आजच्या ठळक बातम्या", "👉 संरक्षणमंत्र्यांकडून नौदलाच्या नव्या पाणबुडीची पाहणी, अधिकाऱ्यांशी चर्चा\n"
     "👉 भारत-जपान सेमीकंडक्टर सहकार्य करारावर स्वाक्षऱ्या\n👉 सोन्याचे दर स्थिर"),
    # "he" after a sentence naming no minister and no ship: a candidate's meeting
    ("", "अमेरिकेच्या वॉशिंग्टन राज्यात माजी नौदल अधिकाऱ्याने अर्ज भरला. त्यांनी जपानी "
     "समुदायासोबत बैठक घेतली."),
    ("", "A former navy officer filed to run for governor in America. He met the Japanese "
     "community on security."),
])
def test_items_and_he_that_name_no_pair(default_ruleset: RuleSet, title: str, text: str) -> None:
    assert not topics(default_ruleset, title, text) & PAIR_TOPICS
