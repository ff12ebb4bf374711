"""Clauses of their own: the part of a sentence that tells what else went on ("... as PLA
troops rotated through the garrison", "while the South Korean army held drills", "amid a
large Indian Army exercise") beside what its parties did. Such a clause that names one
state of its own is that state's: its words of the forces are no part of the pair's act
told in the rest of the sentence ("British and Chinese officials held talks on visas as
PLA troops rotated" is talks on visas). A clause naming no state ("as their navies
drilled", "as the two countries' ministers met") or two speaks of the pair, and counts.
"""

from __future__ import annotations

import re

__all__ = ["side_clauses"]

# what opens a clause of what else went on: "as" (not "such as", "as well as", "as part
# of", "the same as"), "even as", "while", "amid", "despite", "hours after"
_OPENS = re.compile(r"\b(?:as|while|whilst|amid|amidst|despite|(?:hours|a day|days) after)\b",
                    re.IGNORECASE)
_AS_LISTS = re.compile(r"\b(?:such|well|same|so|just|known|serves?|served|acts?|acted|"
                       r"regarded|described|named|chosen|selected|as)\s+$", re.IGNORECASE)
_AS_JOINS = re.compile(r"\s*(?:well|part|of|per|to|for|if|though|much|many|long|soon|far|"
                       r"expected|planned|agreed|scheduled|usual|before|"
                       r"an? (?:observer|partner|member|guest|host))"
                       r"\b", re.IGNORECASE)
_ENDS = re.compile(r"[,;:()\u2014\u2013]|\s-\s|[.!?](?:\s|$)")


def side_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of text[start:end] (one sentence) that open with a word of what else went on
    and run to the clause's end; none that opens the sentence (its own circumstances
    come first: "As the two navies drilled, the ministers met")."""
    out: list[tuple[int, int]] = []
    for m in _OPENS.finditer(text, start, end):
        if not text[start:m.start()].strip(" \"'“‘"):
            continue
        if m.group().lower() == "as" and (_AS_LISTS.search(text, start, m.start())
                                          or _AS_JOINS.match(text, m.end())):
            continue
        stop = _ENDS.search(text, m.end(), end)
        out.append((m.start(), stop.start() if stop else end))
    return out
