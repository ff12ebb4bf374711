"""How a text in our four languages writes a year and counts back from now.

Two readers date what a text tells, on purpose differently: an event's kind
(bot/events/kind.py) leaves out a cue in any clause dated before the report's year, so it
counts every way back (`AGO`: "two years ago", 3年前); the parties of today's news
(bot/rules/dated.py) leave out a sentence only when it tells of history, ten years back or
more (`AGO_TEN`: "sixty years ago", 60年前, साठ साल पहले, ६० वर्षांपूर्वी). Both read digits
in any script as ASCII first (`DIGITS`) and a year as `YEAR`.
"""

from __future__ import annotations

import re

__all__ = ["AGO", "AGO_TEN", "DIGITS", "YEAR"]

# Devanagari and full-width digits as ASCII: १९६० and １９６０ are 1960
DIGITS = str.maketrans("०१२३४५६७८९０１２３４５６７８９", "01234567890123456789")
# a year from 1800 to 2099, as one group
YEAR = r"(1[89]\d\d|20\d\d)"

# Hindi and Marathi inflect at a word's end: a count-back matches at a word's start
_DEVA = r"(?<![\u0900-\u097f])"
AGO = re.compile(
    r"\b(?:years|decades|a decade|a century) ago\b|\byears earlier\b|年前"
    rf"|{_DEVA}(?:साल|वर्ष|वर्षों|दशक)\s+पहले|{_DEVA}वर्षांपूर्वी",
    re.IGNORECASE)

# ten or more, in digits or words: "two years ago" is the recent past of today's news
_TENS = (r"(?:\d{3,}|[1-9]\d|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
         r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
         r"ninety|hundred|दस|बीस|तीस|चालीस|पचास|साठ|सत्तर|अस्सी|नब्बे|सौ|दहा|वीस|चाळीस|"
         r"पन्नास|ऐंशी|नव्वद|शंभर)")
# "N years ago" with N at least ten, or decades or centuries back
AGO_TEN = re.compile(
    r"\b" + _TENS + r"(?:[ -]\w+)? years? ago\b"
    r"|\b(?:a few |several |many |\w+ )?(?:decades?|centur(?:y|ies)) ago\b"
    r"|(?<!\d)(?:[1-9]\d|\d{3,})\s*年前|\d+\s*(?:十年|世紀)前|(?:半世紀|数十年)前"
    r"|" + _TENS + r"\s+(?:साल|वर्ष|बरस)\s+(?:पहले|पूर्व)|(?:दशक|दशकों|सदी)\s+(?:पहले|पूर्व)"
    r"|" + _TENS + r"\s+वर्षांपूर्वी|दशकांपूर्वी",
    re.IGNORECASE)
