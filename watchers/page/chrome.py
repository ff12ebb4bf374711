"""Page chrome that survives main-text extraction, as data, and the one function using it.

trafilatura removes menus and footers but keeps lines that sit inside the article
element: sponsor labels, "TAGS", "Also read: …", channel plugs, share buttons, image
file names. Rules match such lines and must never match sentences that merely contain
the same words ("The agreement was signed in September", "tags were attached"), so each
rule matches a *whole* line and sentence-like lines are protected by shape (length,
final punctuation) rather than by a list of exceptions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["RULES", "ChromeRule", "chrome_rule", "is_chrome", "strip_chrome"]


@dataclass(frozen=True)
class ChromeRule:
    """A whole-line pattern; lines longer than max_len are prose and never match.

    opens_list: the line heads a list of short links or labels ("TAGS" + tag names,
    "Also read" + headlines) whose items are dropped with it.
    """

    name: str
    pattern: re.Pattern[str]
    max_len: int = 200
    opens_list: bool = False

    def matches(self, line: str) -> bool:
        return len(line) <= self.max_len and self.pattern.fullmatch(line) is not None


def _rule(name: str, regex: str, *, max_len: int = 200, opens_list: bool = False,
          ignore_case: bool = True) -> ChromeRule:
    flags = re.IGNORECASE if ignore_case else 0
    return ChromeRule(name, re.compile(regex, flags), max_len, opens_list)


_SOCIAL = r"(?:twitter|x|facebook|instagram|linkedin|youtube|telegram|whatsapp|threads|koo" \
          r"|google news)"
_DATE = (r"(?:[a-z]+day,?\s*)?(?:\d{1,2}(?:st|nd|rd|th)?\s*[a-z]{3,9}\.?|[a-z]{3,9}\.?\s*\d{1,2}"
         r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})")
# A line that ends like a sentence is prose, whatever it starts with.
_NOT_SENTENCE_END = r"[^.!?\"”’']"

RULES: tuple[ChromeRule, ...] = (
    # "Powered by", "Sponsored by", also run together: "Powered by Sponsored by".
    _rule("sponsor", r"(?:(?:powered|sponsored|presented|supported|brought to you)\s+by\b"
                     r"[^.!?]{0,40})+", max_len=100),
    _rule("tags", r"(?:tags?|topics|related topics|keywords)\s*(?:[:|].*)?", opens_list=True),
    _rule("advertisement", r"(?:advertisement|advertisment|sponsored content|ads?"
                           r"|story continues below(?: this)? advertisement"
                           r"|continue reading below|scroll to continue(?: with content)?)"
                           r"(?:\s*[-–—:|].{0,60})?", max_len=100),
    _rule("also-read", r"(?:also read|also see|also watch|read also|must read|don'?t miss"
                       r"|recommended(?: stories| for you)?|you may (?:also )?like"
                       r"|related(?: articles| stories| news| posts| coverage| content)?"
                       r"|more (?:from|on) [^.:|]{1,40}|trending(?: now| stories)?|top stories"
                       r"|latest news)\s*(?:[:|\-–—].*)?", opens_list=True),
    _rule("read-more", r"(?:read|continue reading|click here|tap here)(?: the)?"
                       r" (?:more|full (?:story|article|report)|here|to read more)\b.*",
          max_len=160),
    _rule("channel-plug", r".*\b(?:click|tap) here to (?:join|follow|subscribe)\b.*",
          max_len=250),
    _rule("channel-plug", r".*\bjoin our (?:telegram |whatsapp )?(?:channel|group|community)"
                          r"\b.*", max_len=250),
    _rule("follow-us", rf"(?:follow|like|find|join|connect with) (?:us|[\w.&' -]{{1,40}}?)"
                       rf" on {_SOCIAL}\b.{{0,80}}"),
    _rule("newsletter", r"(?:subscribe|sign up|register)(?: now| today| for free)?"
                        r"(?: to| for)?(?: our| the| a)?(?: free)?(?: daily| weekly)?"
                        r" (?:newsletters?|alerts|updates)\b.*"),
    _rule("newsletter", r"subscribe(?: now)?|download the [^.]{1,40} app\b.*", max_len=120),
    _rule("share", rf"(?:share(?: this(?: article| story| post| page)?)?|share on {_SOCIAL}"
                   r"|tweet|print|e-?mail|comments?(?:\s*\(\d+\))?|copy link|link copied"
                   r"|listen to this (?:article|story)|bookmark|save)\s*[:|]?", max_len=60),
    _rule("disclaimer", r"\(?\s*disclaimer\b.*", max_len=600),
    _rule("disclaimer", r"\(?\s*(?:except for the headline, )?this (?:story|article|report"
                        r"|copy) (?:has not been edited|is auto-generated|was auto-generated"
                        r"|is published from|has been published from)\b.*", max_len=400),
    _rule("copyright", r"(?:©|\(c\)|copyright\s*(?:©|\(c\))?\s*(?:\d{4}|©)).{0,120}",
          max_len=160),
    _rule("copyright", r".{0,80}\ball rights reserved\b.{0,40}", max_len=160),
    _rule("photo-credit", r"(?:(?:file |representative |representational )?"
                          r"(?:photos?|images?|pictures?|pic|video)(?:\s*credits?)?"
                          r"|credits?|courtesy)\s*[:|].{0,100}", max_len=120),
    _rule("photo-credit", r"\(?(?:file photo|representative image|representational"
                          r" (?:image|photo|picture)|(?:image|photo) for representation)"
                          r"\)?\.?", max_len=60),
    # An image caption that starts with the file's slug, as CMSs paste it:
    # "india-australia-navy-chief-canberra-visit Indian Navy chief in Canberra | Photo".
    # Slugs are lower case, so this rule is case-sensitive; five or more parts keeps
    # "state-of-the-art" (four) and anything ending like a sentence is kept.
    _rule("slug-caption", r"[a-z0-9]+(?:[-_][a-z0-9]+){4,}(?:\.(?:jpe?g|png|gif|webp|avif))?"
                          rf"(?:\s.*{_NOT_SENTENCE_END})?", max_len=300, ignore_case=False),
    _rule("file-name", r"\S+\.(?:jpe?g|png|gif|webp|avif)", max_len=120),
    _rule("dateline", rf"(?:(?:last )?updated|published|posted|first published)"
                      rf"(?: on| at)?\s*:?\s*{_DATE}.{{0,40}}", max_len=100),
    _rule("reading-time", r"\d+\s*min(?:ute)?s?\s*read", max_len=30),
    _rule("ui-label", r"(?:home|menu|search|close|next|previous|prev|next story|previous story"
                      r"|loading\.*|skip to (?:main )?content|back to top|go to top|sign in"
                      r"|log in|login|register|more|watch|photos|videos|gallery|e-?paper)",
          max_len=30),
)

# Items of a list opened by "TAGS" / "Also read": short, and not shaped like a sentence.
_LIST_ITEM_MAX_LEN = 60
_LIST_ITEM_MAX_WORDS = 8
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*$")


def chrome_rule(line: str) -> str | None:
    """The name of the first rule that calls `line` chrome, or None if it is content."""
    line = line.strip()
    for rule in RULES:
        if rule.matches(line):
            return rule.name
    return None


def strip_chrome(paragraphs: Iterable[str]) -> tuple[str, ...]:
    """Drop chrome lines, and the short items of lists they open; keep the rest in order."""
    kept: list[str] = []
    in_list = False
    for paragraph in paragraphs:
        line = paragraph.strip()
        if not line:
            continue
        rule = next((r for r in RULES if r.matches(line)), None)
        if rule is not None:
            in_list = in_list or rule.opens_list
            continue
        if in_list and _is_list_item(line):
            continue
        in_list = False
        kept.append(line)
    return tuple(kept)


def _is_list_item(line: str) -> bool:
    return (len(line) <= _LIST_ITEM_MAX_LEN and len(line.split()) < _LIST_ITEM_MAX_WORDS
            and not _SENTENCE_END.search(line))


# What a short line opens with, or holds anywhere, when it is page furniture; is_chrome
# reads text that did not pass through strip_chrome.
_CHROME_START = re.compile(  # a short line that opens like this is page furniture
    r"^(?:powered by|sponsored by|tags?|also read|read (?:more|also)|related(?: news)?"
    r"|advertisement|share this|follow us|subscribe|click here|sign up|download the app"
    r"|first published|last updated|updated on|published on|copyright|photo:|image:"
    r"|file photo|representative image|trending|recommended)\b",
    re.IGNORECASE,
)
_CHROME_ANY = re.compile(
    r"is now on (?:telegram|whatsapp|google news)|join our (?:channel|whatsapp)"
    r"|stay updated with the latest|all rights reserved|\u00a9"
    r"|\|\s*(?:twitter|x|file|photo|pti|ani|reuters|afp|ap|getty|ians)\s*$",
    re.IGNORECASE,
)
_SLUG = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+){4,}\b")  # an image file or URL path


def is_chrome(line: str) -> bool:
    """Page furniture rather than story: share bars, promos, tags, captions, copyright.

    Looser than `chrome_rule`, for text that did not come through extraction (feed
    summaries, headlines, stored articles): a short line that opens like chrome, a
    channel plug or credit anywhere in a short one, a file slug, or a whole-line rule."""
    text = line.strip()
    if not text:
        return True
    if len(text) <= 160 and _CHROME_START.match(text):
        return True
    if len(text) <= 300 and bool(_CHROME_ANY.search(text) or _SLUG.search(text)):
        return True
    return chrome_rule(text) is not None  # what extraction's own filter drops
