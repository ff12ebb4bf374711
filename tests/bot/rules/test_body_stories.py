"""A pair's act told below the top of a story: a round-up of the week's news with one
paragraph about it, the pair's own exercise named only in the body, two leaders meeting
as two on the occasion of a group's summit. The default pack reads each as the pair's
statement, and stays silent when the body names the two only in passing."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet

SPOKEN: list[tuple[str, str, str, set[str]]] = [
    # a round-up: each paragraph a story of its own, the pair's act in one of them
    ("month-in-review", "March in review: floods, a chip boom and a signing in Canberra",
     "March was dominated by the floods along the east coast.\n"
     "Chipmakers reported record orders for the third month running.\n"
     "Late in the month Japan and Australia signed a new defence pact on shared maintenance "
     "of their warships, after two years of negotiation.",
     {"japan-australia", "bilateral-defence"}),
    ("weekly-brief", "Weekly brief: a budget, a strike and a quiet agreement",
     "Parliament passed the budget on Tuesday after a long night.\n"
     "Dock workers ended their strike on Thursday.\n"
     "In Washington, the US and Japanese defence ministers agreed to station more "
     "surveillance drones on Japan's southern islands.",
     {"us-japan", "bilateral-defence"}),
    # the pair's own exercise named in the second paragraph, one of the two at the top
    ("exercise-below", "Marines and Japanese soldiers fire rockets on a northern range",
     "Launchers boomed across the snowy range on Thursday as artillery crews trained "
     "together.\n"
     "The firing is part of Resolute Dragon, which this year brings a few thousand troops "
     "to the island for two weeks.",
     {"us-japan", "bilateral-defence"}),
    # two leaders meet as two on a group's occasion, told in the body
    ("summit-sidelines", "Quad leaders agree on a satellite plan for fishing fleets",
     "The leaders of Australia, India, Japan and the United States met in Tokyo on Tuesday.\n"
     "Later in the day Albanese held talks with Kishida, and the two agreed to bring their "
     "reciprocal access agreement into force within the year.",
     {"japan-australia", "bilateral-defence"}),
    # one state sends the other arms, told below a top about defence exports
    ("arms-below", "Tokyo loosens its rules on arms exports",
     "Japan on Tuesday widened the list of weapons its firms may sell abroad.\n"
     "Within hours the Japanese cabinet approved sending missile interceptors built under "
     "licence to Australia, which asked for them last year.",
     {"japan-australia", "bilateral-defence"}),
    # the ministers' joint press conference: a transcript names the two in its headline
    ("press-conference", "Joint press conference by Secretary Carter and Minister Nakatani",
     "MINISTER NAKATANI: We have just finished our meeting and confirmed our missile "
     "defence plans.\nSECRETARY CARTER: Thank you, Minister.",
     {"us-japan", "bilateral-defence"}),
    # a day's round-up: the lead pairs two others (troops pulling back), the headline
    # names no pair, and a paragraph tells of the minister's call with a partner, whose
    # state is written before the word for the minister met ("with the Australian defence
    # minister", जपानच्या संरक्षणमंत्र्यांशी, अमेरिकी रक्षा मंत्री से)
    ("day-round-up-mr", "बर्फाळ सीमेवर माघारीचा दुसरा टप्पा पूर्ण; चर्चा सुरूच",
     "नवी दिल्ली, ता. ४ : डोंगराळ भागातील तीन ठाण्यांवरून भारत आणि चीनच्या सैनिकांची माघार "
     "पूर्ण झाल्याचे अधिकाऱ्यांनी सांगितले.\n"
     "संध्याकाळी संरक्षणमंत्र्यांनी जपानच्या संरक्षणमंत्र्यांशी फोनवरून चर्चा केली. सागरी "
     "सुरक्षा आणि संयुक्त सरावांचा आढावा घेण्यात आला.",
     {"india-japan", "bilateral-defence"}),
    ("day-round-up-hi", "पहाड़ों में सैनिकों की वापसी का दूसरा चरण पूरा",
     "नई दिल्ली। भारत और चीन की सेनाओं ने तीन चौकियों से पीछे हटने का काम पूरा कर लिया।\n"
     "शाम को रक्षा मंत्री ने अमेरिकी रक्षा मंत्री से फोन पर बात की और समुद्री सुरक्षा पर "
     "चर्चा की।",
     {"india-us", "bilateral-defence"}),
    ("day-round-up-en", "Second phase of mountain pullback done; talks go on",
     "NEW DELHI — Indian and Chinese troops finished pulling back from three posts, "
     "officials said on Friday.\n"
     "In the evening the defence minister held talks by phone with the Australian defence "
     "minister on maritime security.",
     {"india-australia", "bilateral-defence"}),
    # one force guarding the other's ship is an act of the two, in every language
    ("escort-en", "Japanese destroyer escorts American supply ship for the first time",
     "The destroyer sailed from Kure on Tuesday and escorted the US Navy oiler along the "
     "coast under the new security laws.",
     {"us-japan", "bilateral-defence"}),
    ("escort-mr", "जपानी विनाशिकेकडून अमेरिकी जहाजाला प्रथमच संरक्षण",
     "जपानच्या नौदलाची विनाशिका मंगळवारी अमेरिकी नौदलाच्या इंधन जहाजाला संरक्षण देण्यासाठी "
     "बंदरातून निघाली.",
     {"us-japan", "bilateral-defence"}),
    # one state's jets landing on the other's ship told as "this warship" in Marathi and
    # Hindi, under a headline that names the war for the first time since it
    ("landing-mr", "दुसऱ्या महायुद्धानंतर पहिल्यांदाच जपानी युद्धनौकेवर लढाऊ विमाने",
     "जपानच्या नौदलाची एक विनाशिका रविवारी प्रशांत महासागरात होती. अमेरिकेच्या मरीन "
     "दलाची दोन लढाऊ विमाने या युद्धनौकेवर उतरली आणि पुन्हा झेपावली.",
     {"us-japan", "bilateral-defence"}),
    ("landing-hi", "विश्व युद्ध के बाद पहली बार जापानी युद्धपोत पर लड़ाकू विमान",
     "जापान की नौसेना का एक युद्धपोत रविवार को प्रशांत महासागर में था। अमेरिकी मरीन के दो "
     "लड़ाकू विमान इस युद्धपोत पर उतरे और फिर उड़ गए।",
     {"us-japan", "bilateral-defence"}),
    ("landing-en", "First since World War II: fighter jets on a Japanese warship",
     "A Japanese destroyer sailed off Shikoku on Sunday. Two US Marine fighter jets landed "
     "on the destroyer and took off again.",
     {"us-japan", "bilateral-defence"}),
    ("escort-ja", "米艦防護を初めて実施",
     "海上自衛隊の護衛艦が火曜日、米海軍の補給艦の防護にあたった。",
     {"us-japan", "bilateral-defence"}),
    # the nuclear umbrella is defence; "both sides" stand for the headline's pair
    ("deterrence", "US-Japan talks on extended deterrence held in Tokyo",
     "Officials of the two governments met for two days.\n"
     "Both sides agreed to meet again in the spring.",
     {"us-japan", "bilateral-defence"}),
    # Hindi and Marathi tell the pair's deed at the end of the sentence, in the
    # perfective or its passive, under a headline about something else
    ("deed-mr-passive", "शहरात दुपारी भोंगे वाजले",
     "मंगळवारी दुपारी शहरात भोंगे वाजले. नागरिकांनी त्याची नोंद घेतली.\n"
     "त्याच दिवशी भारत आणि जपान यांच्यात टोकियोत संरक्षण उपकरण करारावर स्वाक्षऱ्या करण्यात "
     "आल्या.", {"india-japan", "bilateral-defence"}),
    ("deed-mr-drill", "शहरात दुपारी भोंगे वाजले",
     "मंगळवारी दुपारी शहरात भोंगे वाजले. नागरिकांनी त्याची नोंद घेतली.\n"
     "त्याच दिवशी भारत आणि अमेरिका यांच्या नौदलांचा संयुक्त सराव पार पडला.",
     {"india-us", "bilateral-defence"}),
    ("deed-hi", "शहर में दोपहर सायरन बजे",
     "मंगलवार दोपहर शहर में सायरन बजे। लोगों ने इसे सुना।\n"
     "उसी दिन भारत और जापान ने टोक्यो में रक्षा उपकरण समझौते पर हस्ताक्षर किए।",
     {"india-japan", "bilateral-defence"}),
    # a logistics pact used, told as done, is the pair's defence act with no other word
    # of the forces in its sentence
    ("accords-used-mr", "पुणे विमानतळावर प्रवाशांची गर्दी",
     "पुणे : मंगळवारी काही उड्डाणे उशिरा सुटली.\n"
     "भारत-जपान लॉजिस्टिक करारानुसार जपानी विमानाला भारतीय तळावर इंधन व सेवा देण्यात आली.",
     {"india-japan", "bilateral-defence"}),
    ("deed-hi-start", "शहर में दोपहर सायरन बजे",
     "मंगलवार दोपहर शहर में सायरन बजे। लोगों ने इसे सुना।\n"
     "उसी दिन भारत और ऑस्ट्रेलिया की नौसेनाओं का संयुक्त अभ्यास शुरू हुआ।",
     {"india-australia", "bilateral-defence"}),
]

SILENT: list[tuple[str, str, str]] = [
    # a round-up whose paragraph names the two as rivals or in a trade deal
    ("digest-trade", "Weekly brief: tariffs, a heatwave and a trade deal",
     "Japan and Australia signed a trade deal on beef and coal on Monday.\n"
     "The heatwave in the south broke on Friday."),
    ("digest-protest", "Week in review: a protest in Tokyo",
     "Japan protested to China over a coast guard ship near the islands, and the navy "
     "sent a destroyer."),
    # a group's summit whose body names no two meeting as two
    ("summit-no-pair", "Quad leaders agree on a satellite plan for fishing fleets",
     "The leaders of Australia, India, Japan and the United States met in Tokyo on Tuesday.\n"
     "Their navies will share data on dark shipping, the four said in a joint statement."),
    # the pair's exercise named in the body of a story whose top names no force
    ("exercise-in-passing", "Japanese town hosts a winter festival of ice sculptures",
     "Visitors crowded the streets of the northern town on Saturday.\n"
     "The town also hosted Resolute Dragon troops two years ago."),
    # goods that are no arms, sent under a headline about trade
    ("goods-sent", "Japanese carmakers ship more trucks abroad",
     "Exports rose for a third month as firms approved sending trucks to Australia."),
    # the same pair's act not done: to come, wished for, not yet signed
    ("deed-mr-future", "शहरात दुपारी भोंगे वाजले",
     "मंगळवारी दुपारी शहरात भोंगे वाजले.\n"
     "पुढील महिन्यात भारत आणि जपान संरक्षण उपकरण करारावर स्वाक्षरी करतील."),
    ("deed-mr-wish", "शहरात दुपारी भोंगे वाजले",
     "मंगळवारी दुपारी शहरात भोंगे वाजले.\n"
     "भारत आणि जपान यांनी संरक्षण करार करावा, अशी मागणी विरोधकांनी केली."),
    ("deed-mr-not-yet", "शहरात दुपारी भोंगे वाजले",
     "मंगळवारी दुपारी शहरात भोंगे वाजले.\n"
     "भारत आणि जपान यांच्यात संरक्षण करारावर अद्याप स्वाक्षरी झालेली नाही."),
    ("accords-hoped-mr", "पुणे विमानतळावर प्रवाशांची गर्दी",
     "पुणे : मंगळवारी काही उड्डाणे उशिरा सुटली.\n"
     "भारत आणि जपान यांच्यात लॉजिस्टिक करार व्हावा, अशी अपेक्षा व्यक्त करण्यात आली."),
    ("deed-hi-future", "शहर में दोपहर सायरन बजे",
     "मंगलवार दोपहर शहर में सायरन बजे।\n"
     "भारत और जापान अगले महीने रक्षा समझौते पर हस्ताक्षर करेंगे।"),
    # a business summit of two states' industrialists
    ("business-summit-hi", "भारत-अमेरिका उद्योग शिखर सम्मेलन",
     "मुंबई: भारत और अमेरिका के उद्योगपतियों का शिखर सम्मेलन संपन्न हुआ। रक्षा क्षेत्र की "
     "कंपनियों ने भी हिस्सा लिया।"),
    # deterrence of crime is no defence, and "both sides of" is no pair
    ("crime-deterrence", "US and Japan retailers discuss deterrence of shoplifting",
     "Both sides of the debate met at a trade fair in Osaka."),
]


def test_a_meeting_under_a_headline_that_pairs_two_others_is_their_story(
        default_ruleset: RuleSet) -> None:
    # the headline pairs India and China: the minister's talks with Japan are told
    # as a side of their story, no India-Japan statement
    got = default_ruleset.match_text(
        "India, China complete second phase of pullback",
        "Troops left three posts on Friday.\n"
        "The defence minister also held talks with the Japanese defence minister on "
        "maritime security.").rule_ids
    assert "india-japan" not in got


@pytest.mark.parametrize(("case", "title", "text", "topics"), SPOKEN, ids=[c[0] for c in SPOKEN])
def test_the_pair_act_below_the_top_is_read(default_ruleset: RuleSet, case: str, title: str,
                                            text: str, topics: set[str]) -> None:
    got = set(default_ruleset.match_text(title, text).rule_ids)
    assert got - {"malabar"} == topics, case


@pytest.mark.parametrize(("case", "title", "text"), SILENT, ids=[c[0] for c in SILENT])
def test_the_two_named_in_passing_below_the_top_stay_silent(
        default_ruleset: RuleSet, case: str, title: str, text: str) -> None:
    assert default_ruleset.match_text(title, text).rule_ids == (), case


# The India-Japan logistics pact described, not named, with India and Japan as its
# parties under a headline about something else; the word of the armed forces that makes
# it the military pact comes in the next sentence, a few words on
DESCRIBED_PACT = [
    ("Delays at the city's airfield",
     "Some flights left half an hour late on Tuesday.\n"
     "A cargo plane took on fuel under the India-Japan logistics agreement. The Japanese "
     "air force crew flew on to Guam within two hours."),
    ("शहर के हवाई अड्डे पर उड़ानें देर से",
     "मंगलवार को कुछ उड़ानें आधा घंटा देर से चलीं।\n"
     "भारत-जापान रसद समझौते के तहत एक मालवाहक विमान को ईंधन दिया गया। जापानी वायुसेना का "
     "यह विमान दो घंटे बाद रवाना हुआ।"),
    ("शहरातील विमानतळावर उड्डाणे उशिरा",
     "मंगळवारी काही उड्डाणे अर्धा तास उशिरा सुटली.\n"
     "भारत-जपान लॉजिस्टिक करारानुसार एका मालवाहू विमानाला इंधन देण्यात आले. जपानी हवाई "
     "दलाचे हे विमान दोन तासांनी पुढे गेले."),
    ("空港で便に遅れ",
     "火曜日、一部の便が30分ほど遅れた。\n"
     "日印の後方支援協定に基づき、輸送機が給油を受けた。航空自衛隊の同機は2時間後に離陸した。"),
]


@pytest.mark.parametrize(("title", "text"), DESCRIBED_PACT)
def test_the_pact_described_with_its_forces_in_the_next_sentence_is_the_acsa(
        default_ruleset: RuleSet, title: str, text: str) -> None:
    assert "acsa" in default_ruleset.match_text(title, text).rule_ids
    # without the forces: a supply agreement of two states may be a metro's or a port's
    civil = text.replace("air force crew", "airline's crew").replace(
        "वायुसेना", "विमान कंपनी").replace("हवाई दलाचे", "विमान कंपनीचे").replace(
        "航空自衛隊", "航空会社")
    assert "acsa" not in default_ruleset.match_text(title, civil).rule_ids
