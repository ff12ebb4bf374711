"""Where the pair words fall: `places_of` gives the sentence and word of each match of a
pattern, the same for a lead read inside its body's text as for the body, and the same
when asked again (its searches are memoised by text). Texts written for these tests."""

from __future__ import annotations

import re

import pytest

from bot.rules import RuleSet
from bot.rules.pairwords import BOTH, COUNTED, COUNTERPART, VESSEL
from bot.rules.partytypes import places_of, sentence_of
from bot.rules.scan import ScopeScan, scan, sub_scan

TEXTS = [
    ("The two ministers met in Delhi. Both countries agreed to more drills. "
     "Some 12 nations joined the talks later, and the ship sailed home."),
    ("भारत और जापान के रक्षा मंत्रियों ने बात की। दोनों देशों ने अभ्यास पर सहमति जताई। "
     "इस युद्धपोत पर विमान उतरे।"),
    "日本とインドの防衛相が会談した。両国は共同訓練で合意した。約12カ国が参加した。",
    ("भारताच्या संरक्षणमंत्र्यांनी जपानच्या संरक्षणमंत्र्यांशी चर्चा केली. दोन्ही देशांनी "
     "सरावावर सहमती दर्शवली. या युद्धनौकेवर विमान उतरले."),
]
PATTERNS = [BOTH, COUNTED, COUNTERPART, VESSEL]


def naive(found: ScopeScan, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """The places counted afresh for each match, as they were before the memo."""
    folded = found.norm.folded
    out = []
    for m in pattern.finditer(folded):
        start = m.start() + (folded[m.start()] == " ")
        word = folded.count(" ", 0, start) - 1
        out.append((sentence_of(found, (start, m.end(), word, word, -1, "")), word))
    return out


@pytest.mark.parametrize("text", TEXTS)
def test_places_are_those_counted_afresh_in_every_language(default_ruleset: RuleSet,
                                                            text: str) -> None:
    body = scan(default_ruleset._compiled, "text", text)
    lead = sub_scan(body, "lead", re.split(r"[।。]|\. ", text, maxsplit=1)[0])
    seen = 0
    for pattern in PATTERNS:
        for found in (body, lead, body):  # the lead reads its body's folded text
            assert places_of(found, pattern) == naive(found, pattern)
            seen += len(places_of(found, pattern))
    assert seen  # each text has pair words of some kind
