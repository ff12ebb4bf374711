"""Article text into clean paragraphs and sentences: page chrome, datelines and tweets out.

Extraction leaves traces of the page around the story ("Powered by", "TAGS", a plug for
the outlet's Telegram channel, image captions with a file slug: watchers' `is_chrome`
knows them all) and wire datelines in front of it ("Tokyo [Japan], December 22 (ANI): ").
Clustering and summaries both read the story only, through `paragraphs()`; summaries then
cut it into sentences with `split_sentences()`, which knows that "Mr.", "Dec. 22" and
"U.S. forces" end no sentence.
"""

from __future__ import annotations

import re

from watchers import Article, is_chrome

__all__ = ["is_chrome", "is_tweet", "paragraphs", "split_sentences", "strip_dateline"]

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WIRE = r"(?:ani|pti|ians|uni|reuters|afp|ap|xinhua|kyodo|yonhap|bernama|[A-Z][\w ]{1,20} wire)"
_DATELINES = (
    re.compile(r"^\s*(?:date|published|updated)\s*:?\s*\d{4}-\d{2}-\d{2}(?:[T ][\d:.+Z-]+)?\s*",
               re.IGNORECASE),
    # Tokyo [Japan], December 22 (ANI): / NEW DELHI, Dec 22 (PTI) -
    re.compile(rf"^\s*[A-Z][\w .'-]{{1,40}}(?:\s*\[[^\]]{{1,40}}\])?,\s*{_MONTH}\s*\d{{1,2}}"
               rf"(?:,\s*\d{{4}})?\s*(?:\([\w .]{{1,24}}\))?\s*[:\u2014\u2013-]+\s*",
               re.IGNORECASE),
    # NEW DELHI: / HYAKURI, Ibaraki — / TOKYO (Pacific Wire) —
    re.compile(rf"^\s*[A-Z][A-Z .'-]{{2,30}}(?:,\s*[A-Z][\w .'-]{{1,30}})?"
               rf"(?:\s*\({_WIRE}\))?\s*[:\u2014\u2013]\s*", re.IGNORECASE),
    re.compile(rf"^\s*\(?{_WIRE}\)?\s*[:\u2014\u2013-]\s*", re.IGNORECASE),
    re.compile(r"^\s*(?:[A-Z][a-z]+\s?){1,3}:\s+"),  # New Delhi:
)
_UPPER_PLACE = re.compile(r"^\s*[A-Z][A-Z .'-]{2,30}\b")
_TWEET = re.compile(
    r"(?i:\(@\w{1,30}\)|pic\.twitter\.com|twitter\.com/|x\.com/\w|\bin a tweet\b"
    r"|\btweeted\b|\bon twitter\b)|\b(?i:on|posted on|in a post on) X\b(?!-)",  # X: case matters
)
_TWEET_SIGNOFF = re.compile(r"[\u2014\u2013-]\s*[^()]{2,60}\(@\w+\)\s*\w+\s+\d{1,2},\s*\d{4}\s*$")
_BULLET = re.compile(r"^\s*(?:[\u2022\u25cf\u25aa\u2023*\u2013\u2014-]|\d{1,2}[.)])\s+")



def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words after which a full stop ends no sentence: titles, ranks, and the like.
_TITLES = _wordset("""
mr mrs ms dr prof gen lt col maj capt cdr adm brig sgt cpl rev hon sr jr st mt ft gov sen
rep pres amb supt insp no nos vol art sec para fig approx vs inc ltd co corp dept govt
""")
_MONTHS = _wordset("jan feb mar apr jun jul aug sep sept oct nov dec")
_STARTERS = _wordset("""
the a an he she it they we i in on at this that these those but and however meanwhile
according both his her their its there after before while when during earlier later
""")
_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+)")
_QUOTED = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d")


def is_tweet(text: str) -> bool:
    """A tweet, quoted or embedded (handle, "in a tweet", twitter links)."""
    return bool(_TWEET.search(text) or _TWEET_SIGNOFF.search(text))


def strip_dateline(text: str) -> str:
    """Remove a leading dateline ("NEW DELHI: ", "Tokyo [Japan], December 22 (ANI): ")."""
    for pattern in _DATELINES:
        m = pattern.match(text)
        if not m:
            continue
        if pattern is _DATELINES[2] and not _UPPER_PLACE.match(text):
            continue  # a capitalised place, not "The Minister said:"
        rest = text[m.end():]
        if rest[:1].isupper() or rest[:1] in "\"\u201c'":
            return rest
    return text


def paragraphs(article: Article) -> list[str]:
    """The story's paragraphs: chrome lines dropped, datelines and bullets stripped."""
    raw = article.paragraphs or tuple(article.text.splitlines())
    out = []
    for line in raw:
        text = " ".join(line.split())
        if is_chrome(text):
            continue
        text = _BULLET.sub("", strip_dateline(text))
        if text:
            out.append(text)
    return out


def _ends_sentence(text: str, stop: int, follow: str) -> bool:
    """Whether the punctuation ending at text[:stop] closes a sentence, given what follows."""
    if not follow or not (follow[0].isupper() or follow[0].isdigit() or follow[0] in "\"\u201c'"):
        return False
    before = text[:stop].rstrip("\"'\u201d\u2019)]").rstrip(".!?")
    token = before.rsplit(None, 1)[-1].lstrip("(\"'\u201c[") if before.split() else ""
    low = token.casefold()
    next_word = follow.split(None, 1)[0].strip("\"\u201c'").casefold()
    if text[stop - 1:stop] in "!?" or not token:
        verdict = True
    elif low in _TITLES or (len(token) == 1 and token.isupper()):  # "Mr." / "S. Jaishankar"
        verdict = False
    elif low in _MONTHS:  # "Dec. 22" continues; "in Dec. The" ends
        verdict = not follow[0].isdigit()
    elif "." in token:  # "U.S." / "i.e.": ends a sentence only before a usual first word
        verdict = next_word in _STARTERS
    else:
        verdict = True
    return verdict


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences; never inside a closed quotation."""
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(paragraph)]
    out: list[str] = []
    start = 0
    for m in _END.finditer(paragraph):
        stop = m.end()
        if any(a < m.start() and stop < b for a, b in quoted):
            continue
        follow = paragraph[stop:].lstrip()
        if _ends_sentence(paragraph, stop, follow):
            piece = paragraph[start:stop].strip()
            if piece:
                out.append(piece)
            start = stop
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return out
