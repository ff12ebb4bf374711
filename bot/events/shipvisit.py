"""A ship's visit and a visit to a ship: a port call, not a meeting.

Ships on a visit are on a port call: "destroyers ... arrived on a three-day visit",
"warships visit Sydney", "दोन विनाशिका ... भेटीसाठी" read as a "port visit", which the
logistics cue of bot/events/kind.py knows and its meeting cue leaves out. (A minister's
talks "during the visit" about a frigate or submarine deal stay a meeting.) So, too, a
minister or a delegation touring a visiting ship ("toured the US aircraft carrier",
空母を視察, विमानवाहक पोत का दौरा, नौकेला भेट): that is the ship's visit told, and a
report whose headline or lead tells it speaks of that visit wherever it says "the visit".
"""

from __future__ import annotations

import re

__all__ = ["ARRIVAL", "ship_visits"]

_DEVA = r"(?<![\u0900-\u097f])"
# A ship come into port, the first day of a port call: it "slips (pulls, sails) into
# port", "enters the harbour", "docks at" a base; 入港, 接岸; बंदरगाह पहुंची, बंदरात दाखल.
ARRIVAL = (r"\b(?:(?:slip|pull|sail|steam)(?:s|ed|ing)?|slipped|enter(?:s|ed|ing)?)"
          r" into (?:the )?(?:port|harbou?r)\b"
          r"|\b(?:enter(?:s|ed|ing)?|arriv(?:es?|ed|ing) (?:in|at)) (?:the )?(?:[A-Z]\w+ )?"
          r"(?:port|harbou?r)\b"
          r"|\b(?:pull(?:s|ed|ing)?|slip(?:s|ped|ping)?) into (?=[A-Z])"
          r"|\bdock(?:s|ed|ing)? (?:at|in)\b|入港|接岸"
          rf"|{_DEVA}बंदर(?:गाह|ात)\S*\s+(?:(?:पर|में)\s+)?(?:पहु[ंँ]च|दाखिल|दाखल|पोहोच)")
_SHIPS = (r"(?:ships?|warships?|vessels?|destroyers?|frigates?|corvettes?|submarines?"
          r"|(?:aircraft )?carriers?|tankers?)")
_SHIP_VISIT = re.compile(
    rf"(\b{_SHIPS}\b[^.;\u0964]{{0,120}}?\b(?:on|for) an? (?:[\w-]+ ){{0,3}})(visit)\b"
    rf"|(\b{_SHIPS} (?:will |to )?)(visit(?:s|ed)?)\b"
    rf"|()(visiting)(?= (?:[\w-]+ ){{0,5}}{_SHIPS}\b)"
    # the ship's visit, or a ship come for (on) a visit: युद्धनौकेच्या मुंबई भेटीचे, तीन
    # दिन के दौरे पर
    rf"|((?:युद्धनौ?क|विनाशिक|विध्वंसक|जहाज़?|युद्धपोत|{_DEVA}पोत|पनडुब्ब|पाणबुड|फ्रिगेट)"
    rf"[^.;\u0964]{{0,120}}?)"
    rf"({_DEVA}(?:भेट(?=ी(?:साठी|वर|चे|च्या|ची|चा|त))|दौर[ाे](?!न)))",
    re.IGNORECASE)


def _port_visit(m: re.Match[str]) -> str:
    if m[7] is not None:
        return f"{m[7]}पोर्ट कॉल"
    ships, visit = next((m[i], m[i + 1]) for i in (1, 3, 5) if m[i] is not None)
    return f"{ships}port {visit}"


# A person aboard a visiting ship: "toured (visited, inspected, boarded) the US aircraft
# carrier", "went aboard USS Carl Vinson", 空母「…」を視察, 護衛艦に乗艦, "पोत का दौरा",
# "जहाज़ पर सवार", "विमानवाहू नौकेला भेट", "नौकेची पाहणी"
_NAMED_SHIP = r"(?-i:USS|HMAS|HMS|INS|JS|HMCS|HMNZS)\s+[A-Z]"
_ABOARD = re.compile(
    r"\b(?:tour(?:s|ed|ing)?|visit(?:s|ed|ing)?|inspect(?:s|ed|ing)?|board(?:s|ed|ing)?"
    r"|(?:went|go(?:es)?|came|comes?|was|were) (?:aboard|on ?board))"
    # only the ship's words between: "visited Japan to discuss submarines" is no tour
    rf"(?: (?:the|a|an|visiting|aircraft|(?-i:[A-Z][\w.'’-]*))){{0,4}} (?:{_SHIPS}\b|{_NAMED_SHIP})"
    r"|(?:空母|護衛艦|潜水艦|艦艇|フリゲート|駆逐艦)[^、。]{0,24}?(?:を視察|に乗艦|を訪問|を訪れ)"
    rf"|{_DEVA}(?:युद्धपोत|पोत|जहाज़?|पनडुब्बी|विमानवाहक)\S*\s+(?:का|की|पर)\s+"
    r"(?:दौर|निरीक्षण|भ्रमण|सवार)"
    rf"|{_DEVA}(?:युद्धनौक|नौक|विनाशिक|जहाज|पाणबुड)\S*\s+(?:भेट|पाहणी)",
    re.IGNORECASE)
_VISIT = re.compile(r"\b(?<!port )visit(?:s|ed|ing)?\b|" + _DEVA + r"भेट\S*", re.IGNORECASE)
# a ship come into port, told in a headline or a lead: "the visit" further on is its stay
_SHIP_IN = re.compile(ARRIVAL, re.IGNORECASE)


def _port(m: re.Match[str]) -> str:
    return "port visit" if m[0].isascii() else "पोर्ट कॉल"


def ship_visits(zones: tuple[str, ...]) -> tuple[str, ...]:
    """The zones (headline, lead, the rest) with ships' visits and visits to ships read
    as port visits; when the headline or the lead tells a ship's arrival, its visit or a
    visit to a ship, every "visit" of the text is that ship's (तीन दिवसांच्या या भेटीत)."""
    read = tuple(_SHIP_VISIT.sub(_port_visit, z) for z in zones)
    if read[:2] == zones[:2] and not any(_ABOARD.search(z) or _SHIP_IN.search(z)
                                         for z in zones[:2]):
        return read
    return tuple(_VISIT.sub(_port, _ABOARD.sub("port visit", z)) for z in read)
