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
    # a future act scheduled is news
    ("भारत और जापान अगले सप्ताह अभ्यास करेंगे।", []),
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
])
def test_opinion_and_review_pages_are_no_alert(default_ruleset: RuleSet, title: str,
                                               text: str) -> None:
    assert default_ruleset.match_text(title, text).rule_ids == ()


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
