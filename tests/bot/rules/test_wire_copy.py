"""Hindi and Marathi wire copy and the other spellings of its outlets: English words of the
forces written in Devanagari, Devanagari digits, a visit told as a tour, the eyelash ra and
the candra e written either way, a foreign name's short or long vowels, and an explainer's
question after the news in its headline (texts written for these tests)."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet
from bot.rules.normalize import normalize
from bot.rules.stems import vowel_lengths
from tests.bot.rules.helpers import IA, IJ, IU, topics


@pytest.mark.parametrize(("title", "text", "pair"), [
    # Devanagari digits: the 2+2 and an exercise's year
    ("भारत-जपान २+२ बैठक टोक्योत",
     "भारत आणि जपान यांच्यातील दुसरी २+२ मंत्रिस्तरीय बैठक टोक्योत संपन्न झाली.", IJ),
    ("भारत-ऑस्ट्रेलिया २+२ वार्ता",
     "दोनों देशों के विदेश और रक्षा मंत्रियों ने नई दिल्ली में बैठक की।", IA),
    ("ऑस्ट्रेलियाशी २ + २ चर्चा",
     "भारत आणि ऑस्ट्रेलिया यांच्यात दुसरी मंत्रीस्तरीय २ + २ चर्चा झाली.", IA),
])
def test_devanagari_digits_read_as_ascii_ones(default_ruleset: RuleSet, title: str,
                                              text: str, pair: set[str]) -> None:
    assert pair <= topics(default_ruleset, title, text)


def test_the_digits_fold_one_for_one() -> None:
    assert normalize("मलबार-२०२४").folded == " मलबार 2024 "
    assert normalize("२+२").folded == " 2+2 "


@pytest.mark.parametrize(("title", "text", "pair"), [
    # the English words of the forces, kept by wire copy in Devanagari
    ("सिंह-ऑस्टिन फोन कॉल",
     "भारताचे डिफेन्स मिनिस्टर राजनाथ सिंह आणि अमेरिकेचे डिफेन्स सेक्रेटरी ऑस्टिन यांच्यात "
     "सोमवारी फोन कॉल झाला.", IU),
    ("भारत-जपान नेव्हल एक्सरसाईज",
     "इंडियन नेव्ही आणि जपानी नेव्ही यांची संयुक्त एक्सरसाईज अरबी समुद्रात पार पडली.", IJ),
    ("इंडिया-जापान डिफेंस मिनिस्टर्स मीटिंग",
     "डिफेंस मिनिस्टर राजनाथ सिंह ने जापानी डिफेंस मिनिस्टर से टोक्यो में मुलाकात की।", IJ),
    ("भारत-जापान नेवल एक्सरसाइज",
     "इंडियन नेवी और जापानी नेवी की संयुक्त एक्सरसाइज अरब सागर में हुई।", IJ),
    # a ship's prefix names its state (INS as USS and HMAS do), and a force met "with" in
    # those English words: रॉयल ऑस्ट्रेलियन नेव्हीसोबत सराव, ऑस्ट्रेलियन नेवी के साथ अभ्यास
    ("आयएनएस सह्याद्री डार्विनमध्ये",
     "भारतीय नौदलाची युद्धनौका ऑस्ट्रेलियाच्या डार्विन बंदरात पोहोचली. रॉयल ऑस्ट्रेलियन "
     "नेव्हीसोबत तिने सराव केला.", IA),
    ("INS Sahyadri reaches Darwin",
     "The frigate berthed at Darwin and later trained with the Royal Australian Navy.", IA),
    ("भारतीय नौसेना का जहाज डार्विन पहुंचा",
     "भारतीय नौसेना का युद्धपोत ऑस्ट्रेलिया के डार्विन बंदरगाह पहुंचा। यह रॉयल ऑस्ट्रेलियन "
     "नेवी के साथ अभ्यास करेगा।", IA),
])
def test_the_english_words_of_the_forces_in_devanagari(default_ruleset: RuleSet, title: str,
                                                      text: str, pair: set[str]) -> None:
    assert pair <= topics(default_ruleset, title, text)


@pytest.mark.parametrize(("title", "text"), [
    # the Indian Premier League and a USB port are no state's forces
    ("इंडियन प्रीमियर लीगमध्ये ऑस्ट्रेलियन खेळाडू",
     "ऑस्ट्रेलियन खेळाडू या हंगामात भारतात खेळणार आहेत; आर्मी ग्राउंडवर सराव होईल."),
    ("यूएसबी चार्जरची जपानी कंपनी भारतात",
     "जपानच्या कंपनीने भारतात यूएसबी चार्जर बनवण्याचा करार केला."),
])
def test_english_words_alone_make_no_pair(default_ruleset: RuleSet, title: str,
                                          text: str) -> None:
    assert not topics(default_ruleset, title, text)


@pytest.mark.parametrize(("title", "text", "pair"), [
    # a minister's visit or tour: दौऱ्यावर, दौरे पर, का दौरा
    ("अमेरिकेचे संरक्षणमंत्री भारत दौऱ्यावर",
     "अमेरिकेचे संरक्षणमंत्री हेगसेथ दोन दिवसांच्या भारत दौऱ्यावर आले आहेत. त्यांनी सोमवारी "
     "साऊथ ब्लॉकमध्ये राजनाथ सिंह यांच्याशी द्विपक्षीय चर्चा केली.", IU),
    ("अमेरिकी रक्षा मंत्री का भारत दौरा",
     "अमेरिकी रक्षा मंत्री हेगसेथ दो दिन के दौरे पर नई दिल्ली पहुंचे। उन्होंने राजनाथ सिंह के "
     "साथ द्विपक्षीय वार्ता की।", IU),
    ("राजनाथ सिंह जापान दौरे पर",
     "रक्षा मंत्री राजनाथ सिंह तीन दिन के दौरे पर टोक्यो पहुंचे।\nसोमवार को उन्होंने जापानी "
     "रक्षा मंत्री नाकातानी के साथ बैठक की।", IJ),
    # the eyelash ra written with a joiner (दौर्‍यावर, स्वाक्षर्‍या)
    ("अमेरिकेचे संरक्षणमंत्री भारत दौर\u094d\u200dयावर",
     "अमेरिकेचे संरक्षणमंत्री हेगसेथ दोन दिवसांच्या भारत दौर\u094d\u200dयावर आले आहेत. त्यांनी "
     "राजनाथ सिंह यांच्याशी संरक्षण सहकार्यावर चर्चा केली.", IU),
])
def test_a_visit_told_as_a_tour(default_ruleset: RuleSet, title: str, text: str,
                                pair: set[str]) -> None:
    assert pair <= topics(default_ruleset, title, text)


def test_the_eyelash_ra_and_the_candra_e_fold() -> None:
    assert normalize("स्वाक्षऱ्या").folded == normalize("स्वाक्षर\u094d\u200dया").folded
    assert normalize("कॅनबेरा").folded == normalize("केनबेरा").folded
    assert normalize("ॲग्रीमेंट").folded == normalize("एग्रीमेंट").folded


def test_during_is_no_tour(default_ruleset: RuleSet) -> None:
    # Hindi के दौरान ("during") begins like दौरा: a trade fair held during a minister's
    # stay names no act of the two
    assert not topics(default_ruleset, "अमेरिकी छात्र भारत में",
                       "अमेरिका के विश्वविद्यालय के छात्र भारत यात्रा के दौरान सेना के "
                       "संग्रहालय गए।")


@pytest.mark.parametrize(("title", "text", "pair"), [
    # Hindi अभ्यास held with a force, by ships, or told as held
    ("ऑस्ट्रेलियाई नौसेना के साथ भारतीय युद्धपोतों का अभ्यास",
     "बंगाल की खाड़ी में दो दिन तक अभ्यास हुआ।", IA),
    ("जापानी नौसेना के साथ अभ्यास", "भारतीय नौसेना के दो युद्धपोतों ने अरब सागर में "
     "जापान के विध्वंसक के साथ अभ्यास किया।", IJ),
])
def test_a_hindi_exercise_told_as_held(default_ruleset: RuleSet, title: str, text: str,
                                       pair: set[str]) -> None:
    assert pair <= topics(default_ruleset, title, text)


def test_a_foreign_name_takes_its_other_vowel_lengths() -> None:
    assert vowel_lengths("धर्मा गार्डियन") == ["धर्मा गार्डीयन"]
    assert vowel_lengths("ऑस्टिन") == ["ऑस्टीन"]
    # the last vowel is an ending (किशी is not the start of किशिदा), a short name none
    assert vowel_lengths("किशी") == []
    assert vowel_lengths("Austin") == []


@pytest.mark.parametrize(("title", "text", "pair"), [
    ("धर्मा गार्डीयन सराव बेळगावमध्ये",
     "भारतीय लष्कर आणि जपानी भूदलाचे जवान या सरावात सहभागी झाले आहेत.", IJ),
    ("रिजाल्युट ड्रैगन अभ्यास शुरू",
     "जापान और अमेरिका के सैनिक ओकिनावा में संयुक्त अभ्यास कर रहे हैं।",
     {"us-japan", "bilateral-defence"}),
])
def test_an_exercise_spelt_with_other_vowel_lengths(default_ruleset: RuleSet, title: str,
                                                    text: str, pair: set[str]) -> None:
    assert pair <= topics(default_ruleset, title, text)


@pytest.mark.parametrize(("title", "text"), [
    # BECA said as a word, in Marathi and Hindi, with the word for a pact
    ("अमेरिकेसोबत बेका करारावर स्वाक्षऱ्या",
     "भारताने अमेरिकेसोबत बेसिक एक्स्चेंज अँड कोऑपरेशन ॲग्रीमेंट (बेका) करारावर मंगळवारी "
     "स्वाक्षऱ्या केल्या."),
    ("भारत-अमेरिका में बेका समझौता", "दोनों देशों ने मंगलवार को भू-स्थानिक सहयोग पर हस्ताक्षर किए।"),
])
def test_beca_said_as_a_word(default_ruleset: RuleSet, title: str, text: str) -> None:
    assert topics(default_ruleset, title, text) >= IU


def test_a_word_that_starts_like_beca_is_none(default_ruleset: RuleSet) -> None:
    assert not topics(default_ruleset, "बेकायदा बांधकामावर कारवाई",
                       "भारत आणि अमेरिकेच्या कंपन्यांनी बेकायदा बांधकामाबाबत करार केला.")


@pytest.mark.parametrize(("title", "text", "pair"), [
    # an explainer's question after the news: the act in the headline is told as done
    ("India, US sign BECA: what is the pact?",
     "India and the United States signed the Basic Exchange and Cooperation Agreement on "
     "Tuesday at the 2+2 dialogue.", IU),
    ("भारत-अमेरिका में बेका समझौता, जानिए क्या है यह?",
     "भारत और अमेरिका ने मंगलवार को बेका समझौते पर हस्ताक्षर किए। इससे भारत को सटीक "
     "भौगोलिक जानकारी मिलेगी।", IU),
    ("भारत-जपान 'जिमेक्स' सरावाला सुरुवात; काय आहे हा सराव?",
     "भारतीय नौदल आणि जपानचे सागरी स्वसंरक्षण दल यांचा जिमेक्स सराव विशाखापट्टणममध्ये सुरू "
     "झाला.", IJ),
    ("日印が防衛装備協定に署名\u3000その中身とは？",
     "日本とインドの防衛相は１０日、東京で防衛装備品の共同開発に関する協定に署名した。", IJ),
])
def test_an_explainer_question_after_the_news(default_ruleset: RuleSet, title: str,
                                              text: str, pair: set[str]) -> None:
    assert pair <= topics(default_ruleset, title, text)


@pytest.mark.parametrize(("title", "text"), [
    # a question of whether the two will act stays a question, explainer or not
    ("India-Japan talks: will they sign the pact?",
     "Officials of India and Japan met in Tokyo; a logistics pact is on the table."),
    ("भारत-जपान चर्चा: करार होणार का?", "भारत आणि जपानच्या अधिकाऱ्यांची टोक्योत बैठक झाली."),
    ("भारत-जापान रक्षा समझौता क्या है?", "भारत और जापान ने 2015 में इस समझौते पर हस्ताक्षर किए थे।"),
    ("日印の防衛協定、署名するのか？", "日本とインドの防衛当局者が協議した。"),
])
def test_a_question_of_the_pair_is_still_one(default_ruleset: RuleSet, title: str,
                                             text: str) -> None:
    assert not topics(default_ruleset, title, text) - {"acsa"}


@pytest.mark.parametrize(("title", "text", "pair"), [
    # the US defence department by the name it took in 2025, in every language
    ("Rajnath Singh speaks to Secretary of War Hegseth",
     "The two reviewed the ten-year framework.", IU),
    ("राजनाथ सिंह यांची अमेरिकेच्या युद्धमंत्र्यांशी चर्चा",
     "राजनाथ सिंह यांनी अमेरिकेचे युद्धमंत्री पीट हेगसेथ यांच्याशी फोनवरून संवाद साधला.", IU),
    ("राजनाथ सिंह ने अमेरिकी युद्ध मंत्री से बात की",
     "दोनों नेताओं ने रक्षा औद्योगिक सहयोग पर चर्चा की।", IU),
    ("小泉防衛相、ヘグセス戦争長官と会談", "小泉防衛相は東京でヘグセス米戦争長官と会談した。",
     {"us-japan", "bilateral-defence"}),
])
def test_the_us_department_of_war(default_ruleset: RuleSet, title: str, text: str,
                                  pair: set[str]) -> None:
    assert pair <= topics(default_ruleset, title, text)


@pytest.mark.parametrize(("title", "text", "pair"), [
    # a passing exercise in Devanagari, and a ship met "with" it (जापानी पोत के साथ)
    ("जपानी युद्धनौका मुंबईत; भारतीय नौदलासोबत पॅसेक्स",
     "जपानच्या नौदलाची विनाशिका मुंबईत आली. परतताना भारतीय नौदलाच्या युद्धनौकेसोबत तिने "
     "पॅसेक्स केला.", IJ),
    ("जापानी पोत के साथ भारतीय नौसेना का पैसेक्स",
     "अरब सागर में दोनों नौसेनाओं के युद्धपोतों ने पैसेक्स किया।", IJ),
    # helicopters handed over to a navy, in every language
    ("US hands over two MH-60R helicopters to Indian Navy",
     "The US Navy handed over two MH-60R helicopters to the Indian Navy at San Diego.", IU),
    ("भारताला अमेरिकेकडून एमएच-६०आर हेलिकॉप्टर",
     "अमेरिकेने भारतीय नौदलाला दोन एमएच-६०आर हेलिकॉप्टर सुपूर्द केली.", IU),
    ("अमेरिका ने भारत को सौंपे एमएच-60आर हेलीकॉप्टर",
     "सैन डिएगो में हुए समारोह में अमेरिकी नौसेना ने भारतीय नौसेना को दो हेलीकॉप्टर सौंपे।", IU),
])
def test_a_passing_exercise_and_helicopters_handed_over(default_ruleset: RuleSet, title: str,
                                                       text: str, pair: set[str]) -> None:
    assert pair <= topics(default_ruleset, title, text)


def test_helicopters_sent_for_relief_are_no_handover(default_ruleset: RuleSet) -> None:
    assert not topics(default_ruleset, "Japan sends helicopters to India for flood relief",
                       "Japan's Self-Defense Forces sent two helicopters to India to help "
                       "with flood relief.")


@pytest.mark.parametrize(("title", "text", "pair"), [
    # "the two" alone as who acts, after each was named in a sentence of his own
    ("संरक्षणमंत्री टोक्योत",
     "राजनाथ सिंह सोमवारी टोक्योत पोहोचले. कोइझुमी यांनी त्यांचे स्वागत केले. दोघांनी संरक्षण "
     "सहकार्यावर चर्चा केली.", IJ),
    ("संरक्षणमंत्री टोक्योत",
     "राजनाथ सिंह सोमवारी टोक्योत पोहोचले. कोइझुमी यांनी त्यांचे स्वागत केले. त्यानंतर "
     "दोघांमध्ये संरक्षण सहकार्यावर चर्चा झाली.", IJ),
    ("रक्षा मंत्री टोक्यो में",
     "राजनाथ सिंह सोमवार को टोक्यो पहुंचे। कोइजुमी ने उनका स्वागत किया। दोनों ने रक्षा सहयोग "
     "पर चर्चा की।", IJ),
    ("Defence minister in Tokyo",
     "Rajnath Singh reached Tokyo on Monday. Koizumi welcomed him. The two discussed defence "
     "cooperation.", IJ),
    # a defence framework in Hindi and Marathi
    ("अमेरिका-भारत रक्षा ढांचे पर मुहर",
     "दोनों देशों ने अगले दस साल के रक्षा ढांचे पर हस्ताक्षर किए।", IU),
    ("अमेरिका-भारत संरक्षण आराखड्यावर शिक्कामोर्तब",
     "दोन्ही देशांनी पुढील दहा वर्षांच्या आराखड्यावर स्वाक्षऱ्या केल्या.", IU),
])
def test_the_two_and_a_framework(default_ruleset: RuleSet, title: str, text: str,
                                 pair: set[str]) -> None:
    assert pair <= topics(default_ruleset, title, text)


@pytest.mark.parametrize(("title", "text", "pair"), [
    # a clause of circumstances in Hindi and Marathi: amid the tension, while
    ("अंडमान के पास अमेरिकी विमानवाहक पोत के साथ नौसेना का अभ्यास",
     "लद्दाख में चीन के साथ जारी तनाव के बीच भारतीय नौसेना ने सोमवार को अमेरिकी नौसेना के "
     "विमानवाहक पोत के साथ पैसेज अभ्यास किया।", IU),
    ("अंडमानजवळ अमेरिकी विमानवाहू युद्धनौकेसोबत नौदलाचा सराव",
     "लडाखमध्ये चीनसोबत तणाव कायम असतानाच भारतीय नौदलाने सोमवारी अमेरिकेच्या विमानवाहू "
     "युद्धनौकेसोबत पॅसेज सराव केला.", IU),
    # the visiting ship told by a pronoun: Marathi तिने, Hindi उसने
    ("ऑस्ट्रेलियाची युद्धनौका मुंबईतून रवाना",
     "ऑस्ट्रेलियाच्या नौदलाची फ्रिगेट चार दिवसांच्या मुक्कामानंतर मुंबईतून रवाना झाली. "
     "निघताना तिने भारतीय नौदलाच्या विनाशिकेसोबत अरबी समुद्रात सराव केला.", IA),
    ("ऑस्ट्रेलियाई युद्धपोत मुंबई से रवाना",
     "ऑस्ट्रेलिया की नौसेना का फ्रिगेट चार दिन मुंबई में रुकने के बाद रवाना हुआ। इसके बाद "
     "उसने भारतीय नौसेना के विध्वंसक के साथ अरब सागर में अभ्यास किया।", IA),
    # a headline's verb first (के साथ किया अभ्यास)
    ("ऑस्ट्रेलियाई युद्धपोत ने आईएनएस कोलकाता के साथ किया अभ्यास",
     "ऑस्ट्रेलिया की नौसेना का फ्रिगेट चार दिन मुंबई में रुका।", IA),
    # a navy's ship repaired in the other state, in every language
    ("मरम्मत के लिए भारत आया अमेरिकी नौसेना का जहाज",
     "अमेरिकी नौसेना का आपूर्ति जहाज शनिवार को चेन्नई के पास एक शिपयार्ड पहुंचा।", IU),
    ("अमेरिकी नौदलाचे जहाज दुरुस्तीसाठी भारतात",
     "अमेरिकी नौदलाचे पुरवठा जहाज शनिवारी चेन्नईजवळील गोदीत दाखल झाले.", IU),
    ("US Navy ship arrives in India for repairs",
     "The supply ship docked at a yard near Chennai on Saturday.", IU),
    # armed drones by their model
    ("अमेरिकेकडून भारताला एमक्यू-९बी ड्रोन", "भारत आणि अमेरिकेत ३१ ड्रोनसाठी करार झाला.", IU),
    ("India, US sign deal for 31 MQ-9B drones",
     "The two governments signed the contract in New Delhi on Tuesday.", IU),
])
def test_circumstances_pronouns_repairs_and_drones(default_ruleset: RuleSet, title: str,
                                                   text: str, pair: set[str]) -> None:
    assert pair <= topics(default_ruleset, title, text)


@pytest.mark.parametrize(("title", "text"), [
    # a student told as उसने is no ship; a firm's repairs are no navy's
    ("अमेरिकी छात्रा ने भारत में जीता पुरस्कार",
     "अमेरिका की एक छात्रा भारत आई। उसने सेना के संग्रहालय में चित्र बनाए।"),
    ("जपानी कंपनीकडून पुण्यात कारखान्याची दुरुस्ती",
     "जपानच्या कंपनीने पुण्यातील कारखान्याची दुरुस्ती केली. भारतीय लष्करासाठी बूट बनवले जातात."),
])
def test_no_pair_from_a_person_or_a_firm(default_ruleset: RuleSet, title: str,
                                         text: str) -> None:
    assert not topics(default_ruleset, title, text)


@pytest.mark.parametrize(("title", "text", "pair"), [
    # a government's sale of arms to another, in every language: विकण्यास मंजुरी, बेचने
    # की मंजूरी, 売却を承認, "approves sale of"
    ("भारताला हेलिकॉप्टर विक्रीला अमेरिकेची मंजुरी",
     "अमेरिकेच्या परराष्ट्र खात्याने भारतीय नौदलाला २४ हेलिकॉप्टर विकण्यास मंजुरी दिली.", IU),
    ("अमेरिका भारत को बेचेगा 24 हेलीकॉप्टर",
     "अमेरिकी विदेश विभाग ने भारतीय नौसेना को 24 एमएच-60आर हेलीकॉप्टर बेचने की मंजूरी दे दी "
     "है।", IU),
    ("US approves sale of 24 MH-60R helicopters to India",
     "The State Department approved the sale to the Indian Navy on Tuesday.", IU),
    ("米国、インド海軍へのヘリコプター売却を承認",
     "米国務省はインド海軍への哨戒ヘリコプター２４機の売却を承認した。", IU),
])
def test_arms_sold_by_one_government_to_another(default_ruleset: RuleSet, title: str,
                                                text: str, pair: set[str]) -> None:
    assert pair <= topics(default_ruleset, title, text)


@pytest.mark.parametrize(("title", "text"), [
    ("जपानी कंपनीची भारतात मोटार विक्री",
     "जपानच्या कंपनीने भारतात मोटारींची विक्री वाढवली. भारतीय लष्करानेही काही गाड्या घेतल्या."),
    ("अमेरिकी कंपनी भारत में बेचेगी फोन", "अमेरिका की एक कंपनी भारत में फोन बेचेगी।"),
])
def test_a_firm_s_sales_are_none(default_ruleset: RuleSet, title: str, text: str) -> None:
    assert not topics(default_ruleset, title, text)


@pytest.mark.parametrize(("title", "text", "pair"), [
    # a word that ends like a negation denies nothing (सामनाही: "the match too"), and a
    # headline naming two states' forces is a visit's, whatever friendly match it adds
    ("डार्विनमध्ये भारतीय नौदल; ऑस्ट्रेलियाई नौसैनिकांसोबत क्रिकेटचा सामनाही",
     "भारतीय नौदलाच्या दोन युद्धनौका डार्विनमध्ये आहेत. ऑस्ट्रेलियन नौदलाच्या गस्ती नौकेसोबत "
     "त्यांनी पॅसेक्स सराव केला.", IA),
    ("भारत-जपान नौदल सरावाची सांगता; पुढील सरावाची योजनाही",
     "भारत आणि जपानच्या नौदलांचा सराव शुक्रवारी अरबी समुद्रात पार पडला.", IJ),
    ("Indian Navy in Darwin: drill with Australian navy, cricket with its sailors",
     "Two Indian Navy warships held a passage exercise with an Australian patrol boat.", IA),
])
def test_a_visit_with_a_friendly_match(default_ruleset: RuleSet, title: str, text: str,
                                       pair: set[str]) -> None:
    assert pair <= topics(default_ruleset, title, text)


@pytest.mark.parametrize(("title", "text"), [
    # still denied, put off, and still sport
    ("भारत-जपान करार झाला नाही", "भारत आणि जपानच्या संरक्षणमंत्र्यांच्या बैठकीत करार झाला नाही."),
    ("भारत-जापान रक्षा वार्ता स्थगित", "भारत और जापान के रक्षा मंत्रियों की बैठक टल गई।"),
    ("भारतीय लष्कराचा ऑस्ट्रेलियन संघावर हॉकीत विजय",
     "सिडनीत झालेल्या अंतिम सामन्यात भारतीय संघाने ऑस्ट्रेलियाला ३-१ ने हरवले."),
])
def test_denials_and_sport_stay_quiet(default_ruleset: RuleSet, title: str, text: str) -> None:
    assert not topics(default_ruleset, title, text)


@pytest.mark.parametrize(("title", "text", "pair"), [
    # the English vocabulary of the forces said in Hindi's and Marathi's own words
    ("जपानला अमेरिकेच्या अण्वस्त्र छत्राची हमी",
     "अमेरिका आणि जपानच्या परराष्ट्र मंत्र्यांनी विस्तारित प्रतिरोधावर चर्चा केली.",
     {"us-japan", "bilateral-defence"}),
    ("जापान को अमेरिका की परमाणु छतरी का भरोसा",
     "अमेरिका और जापान के विदेश मंत्रियों ने विस्तारित प्रतिरोध पर बातचीत की।",
     {"us-japan", "bilateral-defence"}),
    ("पेंटागॉनमध्ये राजनाथ सिंह", "राजनाथ सिंह यांनी पेंटागॉनमध्ये हेगसेथ यांची भेट घेतली.", IU),
    ("अमेरिका से हथियार खरीदेगा भारत",
     "भारत और अमेरिका के बीच हथियारों की खरीद पर समझौता हुआ।", IU),
    # logistics pacts in their other spellings
    ("भारत-ऑस्ट्रेलिया लॉजिस्टिक सहकार्य करार", "दोन्ही देशांनी करारावर स्वाक्षऱ्या केल्या.", IA),
    ("जपान-ऑस्ट्रेलिया रेसिप्रोकल ॲक्सेस करार",
     "दोन्ही देशांच्या पंतप्रधानांनी करारावर स्वाक्षऱ्या केल्या.",
     {"japan-australia", "bilateral-defence"}),
    ("भारत-जपान रसद साहाय्य करार",
     "दोन्ही देशांच्या सैन्यदलांना एकमेकांच्या तळांवर इंधन मिळेल; टोक्योत करारावर सह्या झाल्या.",
     IJ | {"acsa"}),
])
def test_words_of_the_forces_in_hindi_and_marathi(default_ruleset: RuleSet, title: str,
                                                 text: str, pair: set[str]) -> None:
    assert pair <= topics(default_ruleset, title, text)
