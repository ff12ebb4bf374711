"""Where the pair words fall: `places_of` gives the sentence and word of each match of a
pattern in a scan's own text — for a lead read inside its body's text, the lead's matches
only — and the same when asked again (its searches are memoised by text). A lead read
inside its body names the parties a lead read alone names: the body's "both countries",
"his Japanese counterpart", "some 12 nations" or "against the US" are no words of the
lead's last sentence. Texts written for these tests."""

from __future__ import annotations

import re

import pytest

from bot.rules import RuleSet
from bot.rules.pairwords import BOTH, COUNTED, COUNTERPART, VESSEL
from bot.rules.parties import groups
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
    """The places counted afresh for each match, as they were before the memo, of the
    matches that begin inside the scan's own text."""
    folded = found.norm.folded
    out = []
    for m in pattern.finditer(folded):
        start = m.start() + (folded[m.start()] == " ")
        word = folded.count(" ", 0, start) - 1
        hit = (start, m.end(), word, word, -1, "")
        if found.original(hit)[0] < len(found.source):
            out.append((sentence_of(found, hit), word))
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
        # none past the lead's last sentence
        assert all(s < len(lead.sentences()) for s, _ in places_of(lead, pattern))
        assert len(places_of(lead, pattern)) <= len(places_of(body, pattern))
    assert seen  # each text has pair words of some kind


# A lead whose first sentence names the pair and whose second names one of them, over a
# body whose later sentences carry pair words: a group counted ("some 12 nations"), a
# word of one state against others, "both countries", "his Japanese counterpart", 両国.
LEADS = [
    ("The Indian defence minister spoke in Delhi on Monday about ties with Japan.",
     "Later his Japanese counterpart said both countries would hold more drills. China "
     "protested against the US and Japan. Some 12 nations joined a forum."),
    ("India and Japan signed a pact on Monday. India's minister then flew home.",
     "China warned against the US and India. Both countries said little. Some 12 nations "
     "attended."),
    ("भारत और जापान ने सोमवार को समझौता किया। भारत के रक्षा मंत्री दिल्ली लौटे।",
     "बाद में उनके जापानी समकक्ष ने कहा कि दोनों देश और अभ्यास करेंगे। चीन ने अमेरिका और "
     "भारत के खिलाफ बयान दिया।"),
    ("日本とインドは月曜日、協定に署名した。インドの国防相は帰国した。",
     "その後、両国は共同訓練を増やすことで一致した。中国は日米に反発した。米国の国防長官と"
     "会談した。"),
    ("भारत आणि जपानने सोमवारी करार केला. भारताचे संरक्षणमंत्री दिल्लीला परतले.",
     "त्यानंतर त्यांच्या जपानी समकक्षांनी दोन्ही देश अधिक सराव करतील असे सांगितले. चीनने "
     "अमेरिका आणि भारताविरुद्ध निवेदन दिले."),
]


@pytest.mark.parametrize(("lead", "rest"), LEADS)
def test_a_lead_read_inside_its_body_names_what_it_names_alone(
        default_ruleset: RuleSet, lead: str, rest: str) -> None:
    compiled = default_ruleset._compiled
    body = scan(compiled, "text", f"{lead}\n\n{rest}", 2030)
    alone = groups(scan(compiled, "lead", lead, 2030))
    assert alone  # the lead's first sentence names the pair
    assert groups(sub_scan(body, "lead", lead)) == alone
