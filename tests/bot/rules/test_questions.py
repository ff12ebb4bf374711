"""A question put is no report of its answer, and a headline that argues for a pact
without a modal verb is still a wish (bot/rules/mood.py): "Question on India-US pact
lapses", "MPs asked whether ...", かどうか, संसद में सवाल, प्रश्न विचारला, "The next step for
Tokyo and Canberra: a pact", 連携強化を急げ, सहयोग की ज़रूरत है, कराराची गरज आहे."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet
from bot.rules.mood import unasserted_sentences
from bot.rules.ruleset import article_from_text
from bot.rules.splitting import sentence_starts


@pytest.mark.parametrize(("text", "unasserted"), [
    # a question put, in a house or to a minister
    ("Question on Japan-Australia missile pact goes unanswered.", [0]),
    ("Two senators asked whether Canberra and Tokyo would sign the pact.", [0]),
    ("Nobody knows whether India and France will hold the drill.", [0]),
    ("日豪が協定を結ぶかどうかが焦点だ。", [0]),
    ("日米防衛協定を巡り国会で質疑。", [0]),
    ("भारत-जापान रक्षा समझौते पर संसद में सवाल।", [0]),
    ("सांसद ने पूछा कि क्या भारत और अमेरिका करार करेंगे।", [0]),
    ("भारत आणि जपान करार करणार की नाही, असा प्रश्न विचारला गेला.", [0]),
    # argued for under a headline with no modal verb
    ("The next step for Paris and New Delhi: a submarine pact", [0]),
    ("The case for an Australia-Japan missile pact", [0]),
    ("India and Japan need to build warships together.", [0]),
    ("日印の防衛協力を急げ", [0]),
    ("भारत और ऑस्ट्रेलिया के बीच रक्षा सहयोग की ज़रूरत है।", [0]),
    ("भारत आणि ऑस्ट्रेलियामध्ये संरक्षण कराराची गरज आहे.", [0]),
    # a reported act first: what was asked or argued at it is part of the news
    ("The ministers met on Monday and discussed whether the navies should train together.",
     []),
    ("両氏は会談し、共同訓練を拡大するかどうかを協議した。", []),
    ("दोनों मंत्रियों की बैठक हुई और पूछा गया कि क्या अभ्यास बढ़ेगा।", []),
    ("Answering reporters' questions, the minister said the pact was signed.", []),
    ("防衛相は記者団の質問に答え、日豪が協定に署名したと述べた。", []),
])
def test_a_question_or_a_case_argued_is_unasserted(text: str, unasserted: list[int]) -> None:
    assert sorted(unasserted_sentences(text, sentence_starts(text))) == unasserted


@pytest.mark.parametrize(("title", "text"), [
    ("Question on Japan-Australia missile pact lapses as Senate rises",
     "A question on whether Australia will sign a missile co-production pact with Japan "
     "went unanswered on Thursday.\nJapan and Australia signed an access agreement in 2022, "
     "and their navies have trained together since."),
    ("日豪ミサイル協定巡る質問、答弁なく散会",
     "日本が豪州とミサイル共同生産の協定を結ぶかどうかを問う質問は、審議が止まり答弁がないまま終わった。\n"
     "日豪は2022年に円滑化協定に署名している。"),
    ("जापान-ऑस्ट्रेलिया मिसाइल समझौते पर संसद में सवाल, जवाब नहीं मिला",
     "सांसद ने पूछा कि क्या जापान और ऑस्ट्रेलिया मिसाइल समझौता करेंगे।\n"
     "दोनों देशों की नौसेनाओं ने पहले साथ अभ्यास किया है।"),
    ("The next step for Tokyo and Canberra: a missile co-production pact",
     "Japan and Australia have called each other special partners for a decade.\n"
     "A missile pact with a joint working group would give that phrase content."),
    ("भारत-ऑस्ट्रेलिया संरक्षण सहकार्याची पुढचे पाऊल: क्षेपणास्त्र करार",
     "भारत आणि ऑस्ट्रेलिया यांच्यात संरक्षण कराराची गरज आहे.\n"
     "दोन्ही देशांच्या नौदलांनी यापूर्वी संयुक्त सराव केला आहे."),
])
def test_a_question_or_a_case_argued_in_the_headline_alerts_nothing(
        default_ruleset: RuleSet, title: str, text: str) -> None:
    assert not default_ruleset.match(article_from_text(title, text)).matches


def test_the_answer_given_is_news(default_ruleset: RuleSet) -> None:
    title = "Japan, Australia sign missile co-production pact"
    text = ("Japan and Australia signed a missile co-production pact on Thursday, the "
            "defence minister told the Senate in answer to a question.")
    assert "japan-australia" in default_ruleset.match(article_from_text(title, text)).rule_ids
