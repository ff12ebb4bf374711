"""Stories that name a pair and an act and still tell of no act done: a denial, a meeting
called off or not yet set, an opinion page, a review, a crowd of many states. Each class
in every language the pack reads, in words of our own, with a report of the act beside it
so that the test fails if the rules stop seeing the act itself."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet
from bot.rules.denial import denied_sentences
from bot.rules.mood import unasserted_sentences
from bot.rules.splitting import sentence_starts


@pytest.mark.parametrize(("text", "denied"), [
    ("No date has been set. There is no date for the next meeting of India and Japan.", [0, 1]),
    ("Japan and Australia did not sign the access pact in Perth.", [0]),
    ("Canberra denied that it had agreed a base deal with Tokyo.", [0]),
    ("The naval drill with India was cancelled after the storm.", [0]),
    ("Talks between Manila and Tokyo were postponed to next year.", [0]),
    ("Officials said the India-US drill had been called off.", [0]),
    ("日豪の共同訓練は台風のため中止された。", [0]),
    ("日印の協定署名は見送られた。", [0]),
    ("भारत और जापान ने समझौते पर हस्ताक्षर नहीं किए।", [0]),
    ("भारत-अमेरिका युद्धाभ्यास रद्द कर दिया गया।", [0]),
    ("भारत आणि जपान यांच्यात करार झाला नाही.", [0]),
    ("भारत-ऑस्ट्रेलिया सराव पुढे ढकलण्यात आला.", [0]),
    ("आबे यांचा दौरा पुढे ढकलला; भारत-जपान शिखर परिषद लांबणीवर", [0]),
    ("भारत-जपान संरक्षणमंत्र्यांची बैठक लांबणीवर पडली.", [0]),
    # an act reported first: what it left undone is part of the news
    ("The ministers met on Monday but did not sign the pact.", []),
    ("両氏は会談したが、合意には至らなかった。", []),
    ("दोनों मंत्रियों की बैठक हुई, लेकिन समझौता नहीं हुआ।", []),
    ("India and Japan signed the pact on Friday.", []),
    ("Australia has not taken part in the drill since 2007.", []),
])
def test_denied_sentences(text: str, denied: list[int]) -> None:
    assert sorted(denied_sentences(text, sentence_starts(text))) == denied


@pytest.mark.parametrize(("text", "unasserted"), [
    ("The time has come for Japan and India to sign an access pact.", [0]),
    ("It is time Tokyo and Canberra signed a base deal.", [0]),
    ("日豪が協定を結ぶ時機だ。", [0]),
    ("भारत और जापान के लिए समझौते का समय आ गया है।", [0]),
    ("दोनों सरकारों को भरोसे का ढांचा बनाना पड़ेगा।", [0]),
    ("भारत-ऑस्ट्रेलिया करारासाठी वेळ आली आहे.", [0]),
    ("दोन्ही सरकारांनी करार करावा.", [0]),
    ("दोन्ही देशांनी सराव वाढवायला हवेत.", [0]),
    ("भारताने जपानसोबत करार करायला हवा, असे या लेखकाचे मत आहे.", [0]),
    ("भारत आणि जपान यांच्यात करार व्हावा, अशी अपेक्षा व्यक्त करण्यात आली.", [0]),
    ("दोन्ही देशांनी सराव वाढवावा, अशी मागणी उद्योजकांनी केली.", [0]),
    # a future act scheduled is news
    ("भारत और जापान अगले सप्ताह अभ्यास करेंगे।", []),
    # an op-ed headline's "time to ...", in each language; "the time of the drill" is not
    ("जपानशी मैत्री: शब्दांपलीकडे जाण्याची वेळ", [0]),
    ("जापान से रिश्ते: आगे बढ़ने का समय", [0]),
    ("Time for Delhi and Tokyo to build arms together", [0]),
    ("सराव सुरू होण्याची वेळ ठरली.", []),
    ("अभ्यास शुरू होने का समय तय हुआ।", []),
])
def test_more_proposals(text: str, unasserted: list[int]) -> None:
    assert sorted(unasserted_sentences(text, sentence_starts(text))) == unasserted


REPORT = ("India and Japan held their defence ministers' meeting in Tokyo on Monday and "
          "agreed to expand joint naval exercises.")


@pytest.mark.parametrize(("title", "text"), [
    # nothing held: the meeting has no date, a pact was not signed, a drill called off
    ("What the next India-Japan defence talks might bring",
     "There is no date for the next meeting of the defence ministers of India and Japan. "
     "Neither side has said when it will be held."),
    ("Drill off Goa called off",
     "The naval exercise of India and Japan off Goa was cancelled because of a cyclone."),
    ("日印防衛相会談、日程決まらず",
     "日印の防衛相会談の日程は決まっていない。"),
    ("भारत-जापान रक्षा वार्ता टली",
     "भारत और जापान के रक्षा मंत्रियों की बैठक स्थगित कर दी गई।"),
    ("भारत-जपान संरक्षण चर्चा पुढे ढकलली",
     "भारत आणि जपानच्या संरक्षणमंत्र्यांची बैठक पुढे ढकलण्यात आली."),
    # a headline of two clauses, each an act put off
    ("मंत्र्यांचा दौरा पुढे ढकलला; भारत-जपान संरक्षण चर्चा लांबणीवर",
     "भारत आणि जपानच्या संरक्षणमंत्र्यांची बैठक लांबणीवर पडली आहे."),
    ("India-Japan defence talks put off",
     "The meeting of the defence ministers of India and Japan was put off by a week."),
])
def test_an_act_not_done_is_no_alert(default_ruleset: RuleSet, title: str, text: str) -> None:
    assert default_ruleset.match_text(title, text).rule_ids == ()


def test_the_same_story_with_the_act_done_alerts(default_ruleset: RuleSet) -> None:
    assert "india-japan" in default_ruleset.match_text("India, Japan defence talks", REPORT
                                                       ).rule_ids


@pytest.mark.parametrize(("title", "text"), [
    # an opinion page known by its byline or its disclaimer, not its headline
    ("Delhi and Tokyo are ready for more",
     REPORT + "\n\nThe author is a retired naval officer who writes on Asian security."),
    ("Delhi and Tokyo are ready for more",
     REPORT + "\n\nViews are personal."),
    ("日印、補給協定を急げ", REPORT + "\n\n筆者は元海上自衛官。"),
    ("भारत-जापान रक्षा सहयोग की नई राह",
     "भारत और जापान के रक्षा मंत्रियों ने नौसेना अभ्यास बढ़ाने पर चर्चा की।\n\n"
     "(लेखक सेवानिवृत्त नौसेना अधिकारी हैं।)"),
    ("भारत-जपान संरक्षण सहकार्याची पुढची पायरी",
     "भारत आणि जपानच्या संरक्षणमंत्र्यांनी नौदल सराव वाढवण्यावर चर्चा केली.\n\n"
     "(लेखक निवृत्त नौदल अधिकारी आहेत.)"),
    # a review of a play or a novel, known by its top
    ("A war game on stage, and a very funny one",
     "The new play at the city's oldest theatre follows an Indian and a Japanese actor. "
     + REPORT),
    ("A thriller of ministers and submarines",
     "Her third novel is a thriller about two ministers. " + REPORT),
    # the stage in Marathi and Hindi: a play's review, a theatre
    ("नाट्यसमीक्षा: भारत-जपान नौदल सरावाचा रंगमंचावरील थरार",
     "भारत आणि जपानच्या नौदलांनी सराव केला, हा प्रसंग प्रेक्षकांना खिळवून ठेवतो."),
    ("रंगमंच पर भारत-जापान नौसेना अभ्यास",
     "भारत और जापान की नौसेनाओं ने अभ्यास किया, यह दृश्य दर्शकों को बांधे रखता है।"),
])
def test_opinion_and_review_pages_are_no_alert(default_ruleset: RuleSet, title: str,
                                               text: str) -> None:
    assert default_ruleset.match_text(title, text).rule_ids == ()


@pytest.mark.parametrize("title", [
    # a town's government: sister cities and their mayors are no states
    "Japan-US '2+2' of sister-city mayors meets in Kanazawa",
    "日米「2プラス2」、姉妹都市の市長が協議",
    "भारत-जापान सिस्टर सिटी के महापौरों की '2+2' बैठक",
    "भारत-जपान भगिनी शहरांच्या महापौरांची '2+2' बैठक",
])
def test_sister_cities_and_their_mayors_are_no_statement_of_states(
        default_ruleset: RuleSet, title: str) -> None:
    text = ("The two mayors and the two council speakers met, as they do every year, and "
            "agreed to exchange firefighters.")
    assert default_ruleset.match_text(title, text).rule_ids == ()


@pytest.mark.parametrize(("title", "text"), [
    # a news story that tells of a writer (a book's, a report's) has no byline
    ("India, Japan sign defence pact",
     REPORT + "\n\nThe book's author, a retired admiral, said such a pact was overdue."),
    ("भारत और जापान ने रक्षा समझौते पर हस्ताक्षर किए",
     "भारत और जापान ने सोमवार को रक्षा समझौते पर हस्ताक्षर किए।\n\n"
     "पुस्तक के लेखक ने कहा कि यह समझौता अहम है।"),
    ("भारत और जापान ने रक्षा समझौते पर हस्ताक्षर किए",
     "भारत और जापान ने सोमवार को रक्षा समझौते पर हस्ताक्षर किए।\n\n"
     "कई लेखकों ने इस पर किताबें लिखी हैं।"),
    ("भारत आणि जपानने संरक्षण करार केला",
     "भारत आणि जपानने सोमवारी संरक्षण करार केला.\n\n"
     "लेखकाने पुस्तकात या कराराचा उल्लेख केला होता."),
    ("日印、防衛協定に署名",
     "日本とインドは月曜日、防衛協定に署名した。\n\n報告書の筆者は「協定は重要だ」と話した。"),
])
def test_a_writer_the_news_tells_of_is_no_byline(default_ruleset: RuleSet, title: str,
                                                 text: str) -> None:
    assert "bilateral-defence" in default_ruleset.match_text(title, text).rule_ids


@pytest.mark.parametrize("title", [
    "Exercise Talisman Sabre opens with 19 nations and 30,000 troops",
    "Talisman Sabre: a 20-nation drill begins in Queensland",
    "タリスマン・セイバー、19カ国が参加して開始",
    "टैलिसमैन सेबर: बहुराष्ट्रीय युद्धाभ्यास शुरू",
])
def test_a_crowd_in_the_headline_is_no_pair(default_ruleset: RuleSet, title: str) -> None:
    text = ("Australian and American troops opened the exercise in Queensland on Monday, "
            "with forces of many other countries.")
    assert default_ruleset.match_text(title, text).rule_ids == ()
    # the pair's own edition, named as theirs, is their statement
    assert "bilateral-defence" in default_ruleset.match_text(
        "Talisman Sabre opens in Queensland", text).rule_ids


@pytest.mark.parametrize(("title", "text"), [
    # one state's grievance: a protest, a rally, a petition
    ("Seoul protests Chinese naval drills near its islands",
     "South Korea lodged a protest with Beijing after Chinese warships began exercises "
     "near the islands, and said it would raise the drills at defence talks."),
    ("Islanders petition against new radar site",
     "Residents handed a petition to the governor; the Japanese defence ministry said it "
     "would explain the radar at talks with the US forces."),
    ("沖縄で米軍基地の訓練に抗議集会",
     "住民は日米両政府に対し、米軍と自衛隊の共同訓練の中止を求めた。"),
    ("सैन्य अभ्यास के खिलाफ किसानों का धरना",
     "किसानों ने भारत और अमेरिका की सेनाओं के संयुक्त अभ्यास के विरोध में धरना दिया।"),
    # one state's inquiry: an audit of its arms purchases, pollution at a base
    ("Auditor finds unpaid balances on arms bought from the US",
     "The national auditor said Japan's defence ministry had not settled advances paid to "
     "the US government for missiles, and urged talks with Washington."),
    ("米軍基地周辺で汚染、県が調査を要求",
     "県は日米両政府に対し、米軍基地への立ち入りを認めるよう求めた。"),
    ("अमेरिकी हथियारों की खरीद पर महालेखा परीक्षक की रिपोर्ट",
     "महालेखा परीक्षक ने कहा कि भारत और अमेरिका के बीच रक्षा सौदे में देरी हुई।"),
    # a headline of the world wars looks back
    ("Families of American and Indian WWII soldiers meet in Assam",
     "Children of American and Indian soldiers who built a road in the Second World War "
     "met at its start, and a retired army officer read the names of the dead."),
    # a place named like a pact or an exercise
    ("Japanese climber wins a race above Lemoa",
     "A Japanese rider beat an Australian and an American on the last climb above Lemoa, "
     "a town where the three had ridden together all day."),
    ("मालाबार एक्सप्रेस में आग से बचाव का अभ्यास",
     "रेलवे ने मालाबार एक्सप्रेस में अभ्यास किया। जापान और अमेरिका के कुछ यात्री भी ट्रेन में थे।"),
    ("マラバール海岸の港町をめぐる",
     "マラバールの港町には海軍の施設もある。インド海軍の艦艇が停泊し、日本や米国からの"
     "旅行者が訪れる。"),
    # a call put off: the headline and the lead tell what did not happen
    ("日米防衛相の電話会談、見送り",
     "防衛省は、予定していた日米防衛相の電話会談を見送ったと発表した。新たな日程は決まっていない。"),
])
def test_one_states_story_and_what_did_not_happen_are_no_alert(
        default_ruleset: RuleSet, title: str, text: str) -> None:
    assert default_ruleset.match_text(title, text).rule_ids == ()


@pytest.mark.parametrize(("title", "text", "topic"), [
    # two states written together as the ones protesting still act as one
    ("US, Japan protest Chinese drills with a joint statement",
     "The defence ministers of the United States and Japan issued a joint statement.",
     "us-japan"),
    # the exercise off the coast, named in the headline
    ("Malabar 2024 opens off the Malabar Coast",
     "Navies of India, the United States, Japan and Australia began the exercise.", "malabar"),
    # LEMOA the pact, however it is written
    ("India, US use Lemoa to refuel warships",
     "An American destroyer refuelled at an Indian naval base under the Lemoa pact.",
     "india-us"),
])
def test_the_same_words_in_a_report_of_the_act(default_ruleset: RuleSet, title: str,
                                               text: str, topic: str) -> None:
    assert topic in default_ruleset.match_text(title, text).rule_ids


@pytest.mark.parametrize("title", [
    # a headline that calls the act off, or asks about it, frames every sentence below
    "India-Japan defence ministers' talks postponed",
    "भारत-जापान रक्षा मंत्रियों की बैठक टली",
    "भारत-जपान संरक्षणमंत्र्यांची बैठक रद्द",
    "日印防衛相会談、見送り",
    "Will Delhi and Tokyo ever build arms together?",
    # a question, then what the piece weighs: the question's clause names the two
    "Will Tokyo sell India its frigates? The odds and the reality",
    "जपान भारताला युद्धनौका देणार? शक्यता आणि वास्तव",
    "क्या जापान भारत को युद्धपोत देगा? संभावनाएं और हकीकत",
    "日本はインドに護衛艦を売るのか？　可能性と現実",
])
def test_a_headline_of_an_act_not_done_frames_the_story(default_ruleset: RuleSet,
                                                        title: str) -> None:
    body = ("The meeting of the defence ministers of India and Japan was to cover joint "
            "production of equipment and naval exercises. India and Japan have expanded "
            "defence cooperation in recent years, and the two ministers met last spring.")
    assert default_ruleset.match_text(title, body).rule_ids == ()
    assert "india-japan" in default_ruleset.match_text(
        "India-Japan defence ministers hold talks", body).rule_ids

