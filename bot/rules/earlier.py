"""What a report tells as done before its news: the sentences whose act is told in the
pluperfect ("He had held similar talks with the US defense secretary in March", की थी,
केली होती, 出席していた). A pair such a sentence names beside a story about another pair
is that story's background (the minister's earlier visit elsewhere, the forum both sides
attended before), not news of its own: bot/rules/parties.py drops it. The story's own
pair told so stays, as the two may well have met before (the news is still theirs).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

__all__ = ["earlier_sentences"]

# the end of a Devanagari word: no letter or sign after it (the danda । may follow)
_END = r"(?![\u0900-\u0963\u0966-\u097f])"

# English "had (already) met/held/signed ..."; Hindi's perfect verb with था/थी/थे after
# it (मुलाकात की थी), Marathi's with होता/होती/होते (चर्चा केली होती); Japanese
# していた at the end of a sentence or a clause (会合に出席していた). "had been" is left
# out: "had been expected to", "had been under negotiation" tell of no act done
_EARLIER = re.compile(
    r"\bhad (?:(?:already|also|earlier|previously|just|first|last|recently|once|both) )?"
    r"(?:met|held|hosted|signed|spoken|talked|visited|agreed|joined|exercised|trained|"
    r"sailed|conducted|discussed|called|phoned|sat|concluded|inked|sealed|reached|"
    r"attended|taken part|flown)\b"
    r"|(?<![\u0900-\u097f])(?:की|किया|किए|किये|हुई|हुआ|हुए|ली|लिया|लिए|दी|दिया|दिए|गई|गया|"
    r"गए)\s+(?:थी|था|थे|थीं)" + _END +
    r"|(?<![\u0900-\u097f])(?:केली|केला|केले|केल्या|झाली|झाला|झाले|झाल्या|घेतली|घेतला|घेतले|"
    r"दिली|दिला|दिले|गेली|गेला|गेले|आली|आला|आले)\s+(?:होती|होता|होते|होत्या)" + _END +
    r"|(?:し|出席し|参加し|会談し|訪れ|署名し|開い)てい(?:た|ました)(?=。|$|が|、)",
    re.IGNORECASE)


def earlier_sentences(text: str, starts: Sequence[int]) -> frozenset[int]:
    """The sentences (by index of `starts`) that tell their act in the pluperfect."""
    return frozenset(max(0, bisect_right(starts, m.start()) - 1)
                     for m in _EARLIER.finditer(text))
