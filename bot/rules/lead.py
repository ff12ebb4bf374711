"""Which lines of a page are its lead (`lead_of`): the first paragraph that tells something,
below the furniture a page may set above it.

News writing puts who, what and when in the first paragraph, but a page often sets other
lines before it: a label or kicker (संपादकीय, अग्रलेख, विश्लेषण, विशेष, चालू घडामोडी,
ANALYSIS, 【解説】), a byline and a place line (विशेष प्रतिनिधी / नवी दिल्ली), a date line,
"(पान ५ वरून)", a photo caption, an "also read" link (हेही वाचा, यह भी पढ़ें, Also read),
an explainer's question heading (काय घडले?, क्या हुआ?). Read as the lead alone, such a
line hides the story's pair from every `top:` term and from the story (story.py). The
lead is therefore the first telling paragraph under at most four such lines; the lines
above it are left to the body (a link's or a caption's states are no story's, a byline's
place is no party). A page whose first few lines are all furniture keeps its first line;
a live page of timed items has no lead (its first item is one story of many).

A column or an editorial often opens on background (what Australia meant to Indians:
cricket, students, uranium; the Cold War's distance; the Quad's fall) and turns to its
news in a later paragraph that says so: "या पार्श्वभूमीवर", "इसी पृष्ठभूमि में", "Against
this backdrop", "こうした中". The writer has said that what came before is background, so
that paragraph is the lead: the guards then read the story's opening, not the
anecdote's cricket or the history's third state, and so do the terms that find the
pair (the background is still the body's)."""

from __future__ import annotations

import re

from bot.rules.splitting import timed
from watchers import Article

__all__ = ["lead_of"]

_LIVE = 3  # timed items that open a page make it a live page
_FURNITURE_MAX = 4  # lines of furniture read past before the first telling paragraph
_SHORT_WORDS = 6  # a line of at most this many words and no full stop is a label
_SHORT_CHARS = 40  # the same for a line written without spaces (Japanese)
_QUESTION_WORDS = 8  # a question heading is short
_TURN_MAX = 3  # paragraphs below the first telling one where a turn to the news may open
# a paragraph that opens on the turn from the background to the news (after a quote mark
# or a dash a page may set first)
_TURN = re.compile(
    r"^\W{0,3}(?:"
    r"(?:या|याच|त्या|त्याच|अशा|अशाच|ह्या|ह्याच) पार्श्वभूमीवर"
    r"|(?:इस|इसी|ऐसी|ऐसे|इन|उस|उसी) (?:पृष्ठभूमि|पृष्ठभूमी|परिप्रेक्ष्य) में"
    r"|(?:it is |it was |seen |read )?(?:against (?:this|that|such a|the) "
    r"(?:backdrop|background)|in (?:this|that|such a) (?:context|backdrop))"
    r"|(?:this|that|such) (?:is|was) the (?:backdrop|background|context)"
    r"|(?:こうした|そうした|このような|そのような|そんな)(?:中|なか|状況|情勢|背景))",
    re.IGNORECASE)
# a sentence's end: a line ending so tells something (a label, a byline, a date line or a
# heading does not end on one)
_STOP = re.compile(r"[.!।॥。！][\s\"'”’」』)）]*$")
_QUESTION = re.compile(r"[?？][\s\"'”’」』)）]*$")
# a line that is a link to another story or a photo's caption, however long
_ASIDE = re.compile(
    r"^\s*[(\[（【]?\s*(?:हेही वाचा|हे पण वाचा|हेसुद्धा वाचा|हे देखील वाचा|अवश्य वाचा|"
    r"यह भी पढ़ें|ये भी पढ़ें|इसे भी पढ़ें|यह भी पढ़े|ये भी पढ़े|इसे भी पढ़े|जरूर पढ़ें|"
    r"(?:also|read|see|watch) also|also (?:read|see|watch)|read more|related|"
    r"関連記事|あわせて読みたい|関連|"
    r"छायाचित्र|छाया|फोटो|फ़ोटो|चित्र|photo|file photo|picture|image|写真)"
    r"\s*[:：|\-–—)\]】]", re.IGNORECASE)


def _furniture(line: str) -> bool:
    """Whether a paragraph is the page's furniture rather than its first telling line."""
    if _ASIDE.match(line):
        return True
    words = len(line.split())
    if _QUESTION.search(line):
        return words <= _QUESTION_WORDS and "\n" not in line.strip()
    if _STOP.search(line):
        return False
    return words <= _SHORT_WORDS and (words > 1 or len(line) <= _SHORT_CHARS)


def lead_of(article: Article) -> str:
    """The lead the rules read: the first paragraph, or, when it is furniture, the first
    telling paragraph below it."""
    paragraphs = article.paragraphs
    if paragraphs and timed(paragraphs[0]) and sum(map(timed, paragraphs[:_LIVE])) >= _LIVE:
        # a live page's first timed item is one story of many, no lead for the others
        return ""
    first = 0
    while first < min(len(paragraphs) - 1, _FURNITURE_MAX) and _furniture(paragraphs[first]):
        first += 1
    if first and _furniture(paragraphs[first]):
        return article.lead
    for turn in range(first + 1, min(len(paragraphs), first + 1 + _TURN_MAX)):
        if _TURN.match(paragraphs[turn]):
            return paragraphs[turn]
    return paragraphs[first] if first else article.lead
