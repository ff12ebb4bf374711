"""Hindi and Marathi end sentences with "." as English does, and also write initials,
titles and the short forms of datelines and times with it. A "." after "डॉ", "ले. जन",
"ए. के." or "ता." ends no sentence, so a party named with initials stays one party in one
sentence. Texts written for these tests."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet
from bot.rules.splitting import sentence_starts


def sentences(text: str) -> list[str]:
    starts = sentence_starts(text)
    return [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


@pytest.mark.parametrize(("text", "count"), [
    ("डॉ. एस. जयशंकर यांनी आज पत्रकारांशी संवाद साधला. त्यानंतर ते मुंबईला रवाना झाले.", 2),
    ("ले. जन. अरुण सेठी यांनी तुकडीची पाहणी केली. जवानांनी मानवंदना दिली.", 2),
    ("मा. संरक्षणमंत्री कार्यक्रमाला उपस्थित होते. कार्यक्रम ता. १२ रोजी झाला.", 2),
    ("ए.के. अँटनी यांचे भाषण झाले. सभागृह भरले होते.", 2),
    ("श्री. पाटील यांनी ग्रंथालयाला भेट दिली. विद्यार्थ्यांनी स्वागत केले.", 2),
    ("एस. एम. कृष्णा ने संवाददाताओं से बात की. फिर वे रवाना हुए.", 2),
    ("सरावात रणगाडे, तोफा इ. सहभागी होते. सराव दोन दिवस चालला.", 2),
    # sentence ends that look like nothing above still end
    ("बैठक संपली. आता पुढील बैठक पुण्यात होईल. तयारी सुरू आहे.", 3),
    ("त्यांनी हे मान्य केले. ही बातमी खरी आहे.", 2),
])
def test_initials_and_titles_end_no_sentence(text: str, count: int) -> None:
    assert len(sentences(text)) == count, sentences(text)


@pytest.mark.parametrize("text", [
    "संरक्षणमंत्री ए. के. अँटनी यांनी जपानचे संरक्षणमंत्री तोशिमी किताजावा यांच्याशी "
    "टोकियोत संरक्षण सहकार्यावर चर्चा केली.",
    "डॉ. एस. जयशंकर आणि ऑस्ट्रेलियाच्या परराष्ट्रमंत्री यांनी संरक्षण सहकार्यावर चर्चा केली.",
    "रक्षा मंत्री ए. के. एंटनी ने जापान के रक्षा मंत्री से रक्षा सहयोग पर बातचीत की।",
])
def test_a_party_named_with_initials_acts_in_its_sentence(
        default_ruleset: RuleSet, text: str) -> None:
    assert "bilateral-defence" in default_ruleset.match_text("", text).rule_ids


@pytest.mark.parametrize("text", [
    # initials keep one state's news in one sentence; nothing bilateral is told
    "डॉ. एस. जयशंकर यांनी पुण्यात विद्यापीठाच्या कार्यक्रमात भाषण केले. जपानच्या शिष्टमंडळाने "
    "कृषी प्रदर्शनाला भेट दिली.",
    "ले. जन. सेठी यांनी नागपूरच्या छावणीची पाहणी केली. अमेरिकेचे पर्यटक ताडोबा पाहायला आले.",
])
def test_one_states_news_beside_another_stays_silent(
        default_ruleset: RuleSet, text: str) -> None:
    assert "bilateral-defence" not in default_ruleset.match_text("", text).rule_ids
