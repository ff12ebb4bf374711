"""Classes of Marathi and Hindi reports that the matrix of their ordinary forms
(test_marathi_hindi_matrix.py) does not reach: Japan's Self-Defense Forces and America's
Seventh Fleet named without their state, a state's forces met "with" under a name that
holds the force (यूएस नेवी के साथ), exercises named in Devanagari (कीन एज, यामा साकुरा,
तरकश-२५), words written two ways (सरंक्षण, समझोता), Marathi's अभ्यास of the forces, a
handover told by the giver or the receiver, the two's act told as done in other verbs
(बैठक घेतली, बयान जारी किया), capitals and adjectives of other states; and the same words
in other senses, which stay silent (texts written for these tests)."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet
from bot.rules.spellings import spelling_variants
from tests.bot.rules.helpers import BD, IA, IJ, IU, JA, UJ, assert_exactly, topics


@pytest.mark.parametrize(("title", "text", "expected"), [
    # Japan's forces without "Japan"
    ("भारतीय नौदलाचा संयुक्त सराव",
     "भारतीय नौदल आणि सागरी स्वसंरक्षण दल यांच्या युद्धनौकांनी संयुक्त सराव पूर्ण केला.", IJ),
    ("अमेरिकन नौदल आणि सागरी स्वसंरक्षण दल यांचा सराव",
     "दोन्ही नौदलांच्या युद्धनौकांनी पाणबुडीविरोधी युद्धाचा सराव केला.", UJ),
    ("भारतीय नौसेना का संयुक्त अभ्यास",
     "भारतीय नौसेना और समुद्री आत्मरक्षा बल के युद्धपोतों ने संयुक्त अभ्यास पूरा किया।", IJ),
    ("ऑस्ट्रेलियाई नौसेना का अभ्यास",
     "रॉयल ऑस्ट्रेलियाई नौसेना और जेएमएसडीएफ के युद्धपोतों ने संयुक्त अभ्यास किया।", JA),
    # the Seventh Fleet
    ("योकोसुकाजवळ सराव",
     "सातव्या आरमाराच्या युद्धनौकांनी सागरी स्वसंरक्षण दलासोबत दोन दिवस सराव केला.", UJ),
    # met "with" a force whose name holds the force: the ship of the headline and the other
    ("आईएनएस सह्याद्रि योकोसुका पहुंचा",
     "भारतीय नौसेना का युद्धपोत आईएनएस सह्याद्रि शुक्रवार को जापान के योकोसुका बंदरगाह "
     "पहुंचा। इस दौरान यह समुद्री आत्मरक्षा बल के साथ अभ्यास करेगा।", IJ),
    ("एचएमएएस अरुंटा विशाखापत्तनम पहुंचा",
     "ऑस्ट्रेलियाई नौसेना का युद्धपोत एचएमएएस अरुंटा शुक्रवार को भारत के विशाखापत्तनम "
     "बंदरगाह पहुंचा। इस दौरान यह इंडियन नेवी के साथ अभ्यास करेगा।", IA),
    ("आयएनएस सह्याद्री योकोसुका बंदरात दाखल",
     "भारतीय नौदलाची युद्धनौका आयएनएस सह्याद्री शुक्रवारी जपानच्या योकोसुका बंदरात दाखल "
     "झाली. या भेटीत ती जपानी सागरी स्वसंरक्षण दलासोबत सराव करणार आहे.", IJ),
])
def test_forces_named_without_their_state(default_ruleset: RuleSet, title: str, text: str,
                                          expected: set[str]) -> None:
    assert_exactly(default_ruleset, title, text, expected)


@pytest.mark.parametrize(("title", "text", "expected"), [
    ("कीन एज सरावाला सुरुवात", "दोन्ही देशांच्या सैन्यांचा हा सराव आठवडाभर चालणार आहे.", UJ),
    ("यामा साकुरा अभ्यास शुरू", "दोनों देशों की सेनाओं का यह अभ्यास एक सप्ताह चलेगा।", UJ),
    ("‘तरकश-२५’ची सांगता",
     "दोन आठवड्यांच्या सरावात सैनिकांनी दहशतवादविरोधी कारवायांचा सराव केला.", IU),
    ("तरकश अभ्यास संपन्न", "दोनों देशों के विशेष बलों ने दो सप्ताह तक अभ्यास किया।", IU),
    ("अमेरिकी जवान फॉरेस्ट लाइट सरावासाठी रवाना",
     "अमेरिकी लष्कराची तुकडी फॉरेस्ट लाइट सरावासाठी रवाना झाली.", UJ),
    ("जपानी जवान आयर्न फिस्ट सरावासाठी रवाना",
     "जपानी लष्कराची तुकडी आयर्न फिस्ट सरावासाठी रवाना झाली.", UJ),
    ("जायमेक्स सरावाला सुरुवात", "दोन्ही देशांच्या नौदलांचा हा सराव आठवडाभर चालणार आहे.", IJ),
    ("‘वरुणा-२५’ सरावाला गोव्यात सुरुवात",
     "दोन्ही देशांच्या नौदलांच्या युद्धनौका गोव्याच्या किनाऱ्यावर दाखल झाल्या.", BD),
])
def test_exercises_named_in_devanagari(default_ruleset: RuleSet, title: str, text: str,
                                       expected: set[str]) -> None:
    assert_exactly(default_ruleset, title, text, expected)


@pytest.mark.parametrize(("title", "text", "expected"), [
    ("भारत-जपान सरंक्षण चर्चा", "भारत आणि जपान यांच्यात सरंक्षण मंत्री स्तरावरील चर्चा झाली.", IJ),
    ("भारत-ऑस्ट्रेलिया सरंक्षण वार्ता",
     "भारत और ऑस्ट्रेलिया के बीच सरंक्षण मंत्री स्तर की वार्ता हुई।", IA),
    ("भारत-अमेरिका संरक्षण समझोता",
     "भारत आणि अमेरिका यांच्यात संरक्षण समझोत्यावर स्वाक्षऱ्या झाल्या.", IU),
    ("भारत-जपान संयुक्त लष्करी अभ्यास",
     "भारतीय आणि जपानी सैन्याचा संयुक्त लष्करी अभ्यास राजस्थानात सुरू झाला.", IJ),
])
def test_words_written_two_ways_and_the_forces_study(default_ruleset: RuleSet, title: str,
                                                     text: str, expected: set[str]) -> None:
    assert_exactly(default_ruleset, title, text, expected)


@pytest.mark.parametrize(("title", "text", "expected"), [
    ("भारताकडून जपानला गस्ती नौका",
     "भारताने जपानला दोन गस्ती नौका सुपूर्द केल्या. या नौका किनारी सुरक्षेसाठी वापरल्या जातील.",
     IJ),
    ("भारताच्या नौदलाला नवी हेलिकॉप्टर",
     "भारताच्या नौदलाला अमेरिकेकडून दोन हेलिकॉप्टर मिळाली. हस्तांतरणाचा कार्यक्रम "
     "अमेरिकेतील नौदल तळावर पार पडला.", IU),
    ("ऑस्ट्रेलिया की ओर से भारत को गश्ती नौकाएं",
     "ऑस्ट्रेलिया ने भारत को दो गश्ती नौकाएं सौंपीं। इनका उपयोग तटीय सुरक्षा के लिए होगा।", IA),
    ("भारतीय नौसेना को नए हेलीकॉप्टर",
     "भारतीय नौसेना को अमेरिका से दो हेलीकॉप्टर प्राप्त हुए।", IU),
    ("India takes delivery of helicopters",
     "India took delivery of two MH-60R helicopters from the United States on Friday.", IU),
])
def test_a_handover_told_by_giver_or_receiver(default_ruleset: RuleSet, title: str,
                                              text: str, expected: set[str]) -> None:
    assert_exactly(default_ruleset, title, text, expected)


@pytest.mark.parametrize(("title", "text"), [
    ("भारतीय संरक्षण दलांची तयारी",
     "हिंदी महासागरातील परिस्थितीवर भारताच्या संरक्षण मंत्रालयाचे लक्ष आहे.\n"
     "भारत आणि फ्रान्स यांनी संरक्षण सहकार्यावर उच्चस्तरीय बैठक घेतली."),
    ("भारतीय संरक्षण दलांची तयारी",
     "हिंदी महासागरातील परिस्थितीवर भारताच्या संरक्षण मंत्रालयाचे लक्ष आहे.\n"
     "भारत आणि फ्रान्स यांच्यातील लष्करी रसद पुरवठा करार अमलात आणण्यात आला."),
    ("भारतीय सेनाओं की तैयारी",
     "हिंद महासागर की परिस्थितियों पर भारत के रक्षा मंत्रालय की नजर है।\n"
     "भारत और फ्रांस ने संयुक्त नौसैनिक अभ्यास शुरू किया।"),
    ("भारतीय सेनाओं की तैयारी",
     "हिंद महासागर की परिस्थितियों पर भारत के रक्षा मंत्रालय की नजर है।\n"
     "भारत और फ्रांस के बीच रक्षा सहयोग पर संयुक्त बयान जारी हुआ।"),
    # a drill going on now
    ("भारतीय नौदलाची तयारी",
     "भारतीय नौदलाचे लक्ष हिंदी महासागरावर आहे.\n"
     "भारत आणि फ्रान्स यांची नौदले सध्या अरबी समुद्रात संयुक्त सराव करत आहेत."),
    ("भारतीय नौसेना की तैयारी",
     "भारतीय नौसेना की नजर हिंद महासागर पर है।\n"
     "भारत और फ्रांस की नौसेनाएं इन दिनों अरब सागर में संयुक्त अभ्यास कर रही हैं।"),
    # capitals and adjectives of other states
    ("", "नवी दिल्ली आणि पॅरिस यांनी संरक्षणमंत्री स्तरावर फोनवरून चर्चा केली."),
    ("रक्षा सहयोग को नई दिशा", "टोक्यो और मनीला ने रक्षा सहयोग पर बैठक की।"),
    ("", "जापानी और फिलीपीनी नौसेनाओं ने संयुक्त अभ्यास किया।"),
])
def test_an_act_told_as_done_in_other_verbs(default_ruleset: RuleSet, title: str,
                                            text: str) -> None:
    assert_exactly(default_ruleset, title, text, BD)


@pytest.mark.parametrize(("title", "text"), [
    # conservation, trade, sport, study, a loan, a film star, the climate pact
    ("पर्यावरण सरंक्षणासाठी करार",
     "भारत आणि जपान यांच्यात पर्यावरण सरंक्षण करारावर स्वाक्षऱ्या झाल्या."),
    ("भारत-जापान पर्यावरण सरंक्षण समझौता",
     "भारत और जापान के बीच पर्यावरण सरंक्षण समझौते पर हस्ताक्षर हुए।"),
    ("भारत-ऑस्ट्रेलिया व्यापार समझोता",
     "भारत आणि ऑस्ट्रेलिया यांच्यात व्यापार समझोत्यावर स्वाक्षऱ्या झाल्या."),
    ("भारतीय संघाचा ऑस्ट्रेलियात सराव",
     "क्रिकेट मालिकेपूर्वी भारतीय खेळाडूंनी ऑस्ट्रेलियन संघासोबत सराव सामना खेळला."),
    ("जपानी विद्यापीठात नवा अभ्यासक्रम",
     "जपानमधील विद्यापीठाने भारतीय विद्यार्थ्यांसाठी लष्करी अभ्यासक्रम सुरू केला."),
    ("राजकीय तरकशातील नवे बाण",
     "भारत आणि अमेरिका यांच्यातील व्यापार चर्चेवर विरोधकांनी टीका केली."),
    ("वरुण धवनचा नवा चित्रपट", "हा चित्रपट भारत आणि अमेरिकेत एकाच दिवशी प्रदर्शित झाला."),
    ("भारताला जपानकडून कर्ज", "भारताला जपानकडून मेट्रो प्रकल्पासाठी स्वस्त दरात कर्ज मिळाले."),
    ("पॅरिस करारावर चर्चा",
     "पॅरिस हवामान कराराच्या उद्दिष्टांवर भारत आणि फ्रान्स यांनी चर्चा केली."),
    ("महिलांसाठी स्वसंरक्षण दल",
     "पुण्यात महिलांचे स्वसंरक्षण दल स्थापन झाले; जपानी कराटे प्रशिक्षकांनी सराव घेतला."),
])
def test_the_same_words_in_other_senses_stay_silent(default_ruleset: RuleSet, title: str,
                                                    text: str) -> None:
    assert not topics(default_ruleset, title, text)


@pytest.mark.parametrize(("title", "text", "expected"), [
    ("औलीत भारत-अमेरिका जवानांचा सराव",
     "बर्फाच्छादित पर्वतरांगांमध्ये भारतीय आणि अमेरिकी जवानांनी दहशतवादविरोधी कारवायांचा सराव "
     "केला.", IU),
    ("भारत-अमेरिका जवानों का अभ्यास",
     "बर्फीले पहाड़ों में भारतीय और अमेरिकी जवानों ने आतंकवाद-रोधी अभियानों का अभ्यास किया।", IU),
    ("ओकिनावात अमेरिका-जपान संयुक्त कवायत",
     "अमेरिकेचे मरीन आणि जपानचे भूस्वसंरक्षण दल यांची संयुक्त कवायत ओकिनावा बेटावर सुरू झाली.",
     UJ),
])
def test_soldiers_and_ground_forces_by_their_own_words(default_ruleset: RuleSet, title: str,
                                                       text: str, expected: set[str]) -> None:
    assert_exactly(default_ruleset, title, text, expected)


@pytest.mark.parametrize(("title", "text"), [
    ("सीमेवर जवान शहीद", "जम्मू-काश्मीरमध्ये पाकिस्तानच्या गोळीबारात भारताचा एक जवान शहीद झाला."),
    ("पोलीस जवानांचा सत्कार",
     "अमेरिकेतील भारतीय समुदायाने मुंबईतील पोलीस जवानांचा सत्कार केला आणि चर्चा केली."),
    ("अग्निशमन जवानांचे प्रशिक्षण",
     "जपानच्या तज्ज्ञांनी भारतातील अग्निशमन जवानांना प्रशिक्षण दिले आणि सराव घेतला."),
    ("‘जय जवान, जय किसान’",
     "भारत आणि जपान यांच्यातील कृषी करारावर स्वाक्षरी झाली; कार्यक्रमाची सुरुवात ‘जय जवान, जय "
     "किसान’ घोषणेने झाली."),
])
def test_other_jawans_stay_silent(default_ruleset: RuleSet, title: str, text: str) -> None:
    assert not topics(default_ruleset, title, text)


def test_words_written_two_ways_get_each_other() -> None:
    assert "सरंक्षण मंत्र" in spelling_variants("संरक्षण मंत्र")
    assert "संरक्षण सहकार्य" in spelling_variants("सरंक्षण सहकार्य")
    assert "रक्षा समझोत" in spelling_variants("रक्षा समझौत")
    assert spelling_variants("सुरक्षा") == ["सुरक्षा", "सुरक्षे"]


@pytest.mark.parametrize(("title", "text"), [
    ("हिंद-प्रशांत में जापान-ऑस्ट्रेलिया की बढ़ती नज़दीकी",
     "पिछले हफ्ते अमेरिका, ब्रिटेन और ऑस्ट्रेलिया के नए समझौते की चर्चा रही।\n"
     "इस बीच जापानी नौसेना के विध्वंसक और ऑस्ट्रेलियाई फ्रिगेट ने दो दिन का द्विपक्षीय "
     "अभ्यास किया।"),
    ("जपान-ऑस्ट्रेलियाची वाढती जवळीक",
     "गेल्या आठवड्यात अमेरिका, ब्रिटन आणि ऑस्ट्रेलिया यांच्या नव्या कराराची चर्चा होती.\n"
     "या गदारोळात जपानी नौदलाची विनाशिका आणि ऑस्ट्रेलियन फ्रिगेट यांनी दोन दिवसांचा "
     "द्विपक्षीय सराव केला."),
    ("Japan and Australia quietly draw closer",
     "Last week's news was all about the new pact between the US, Britain and Australia.\n"
     "Amid the noise, a Japanese destroyer and an Australian frigate held a two-day "
     "bilateral exercise south of Okinawa."),
    ("日豪、静かに接近",
     "先週は米英豪の新たな安全保障枠組みが話題を集めた。\n"
     "その陰で、海自の護衛艦と豪海軍のフリゲートが沖縄南方で２日間の共同訓練を行った。"),
])
def test_a_pair_headline_over_a_lead_of_others_news(default_ruleset: RuleSet, title: str,
                                                    text: str) -> None:
    assert_exactly(default_ruleset, title, text, JA)


def test_a_group_exercise_at_the_top_stays_the_groups(default_ruleset: RuleSet) -> None:
    assert not topics(default_ruleset, "Quad navies gather off Guam",
                       "Ships of the United States, Japan and Australia arrived at Guam for "
                       "a group exercise.\nAn Indian frigate joined them on Monday.")
