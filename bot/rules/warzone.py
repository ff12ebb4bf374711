"""Where a war is fought: a state named so is a place, not a party of the sentence's act.

"Stockpiles drained by the war in Ukraine", "the Ukraine war", ウクライナでの戦争, यूक्रेन
युद्ध, युक्रेनमधील युद्ध: the war's state is where it goes on (who wages it is named
otherwise: "Russia's war"); bot/rules/places.py reads it with the other places near which
something happens. War games stay the pair's ("India-US war games"), and so does a war
minister's or department's state ("US war secretary", अमेरिकी युद्ध मंत्री, 米戦争長官).
"""

from __future__ import annotations

import re

from bot.rules.evaluate import END, LAST, WORD, RawHit

__all__ = ["war_zone"]

_BEFORE = frozenset((("war", "in"), ("wars", "in"), ("conflict", "in"), ("fighting", "in")))
_WAR = frozenset(("war", "युद्ध", "युद्धात", "युद्धामुळे", "युद्धाच्या", "युद्धामुळ", "जंग"))
_IN = frozenset(("में", "मध्ये"))  # "in", between the state and its war
# not 戦闘機, a fighter plane (米戦闘機 is the US's), nor 戦争長官, 戦争省: the US
# Department of War and its Secretary, as a war minister (युद्ध मंत्री) is in any language
_CJK = re.compile(r"(?:での|における)?(?:戦争|紛争)(?!機|長官|省|大臣)")
_OFFICE = ("secretar", "minist", "department", "office", "cabinet", "gam", "मंत्र", "सचिव",
           "विभाग", "मंत्राल")


def war_zone(folded: str, words: list[str], hit: RawHit) -> bool:
    """Whether the state of `hit` is named as where a war is fought."""
    word, last = hit[WORD], hit[LAST]
    if tuple(words[max(0, word - 2):word]) in _BEFORE or _CJK.match(folded, hit[END]):
        return True
    after = words[last + 1:last + 4]
    if after[:1] and after[0] in _IN:
        after = after[1:]
    return bool(after) and after[0] in _WAR and not (
        after[1:2] and after[1].startswith(_OFFICE))
