"""History is not news: the sentences of a text that tell what happened long ago.

A retrospective names two states, a treaty and a signing as readily as a report of a
signing does; what gives it away is the time it places them in. A sentence is *dated*
when it opens with a year at least `OLD_YEARS` before the article was published ("On June
19, 1960, ...", 1960年6月, 昭和35年, १९६० में), or counts years or decades back from now ("sixty years
ago", "six decades ago", 65年前, साठ साल पहले, ६० वर्षांपूर्वी). Such a sentence names no
parties of today's news: `pair()` and `sentence()` look past it (bot/rules/environment.py).

Nor is what the two do as a habit, for `pair()`: a sentence that says how often a thing
is done ("the sailors have met often in recent years", 日印はたびたび訓練してきた,
दोनों देश अक्सर अभ्यास करते हैं, दोन्ही नौदले नियमितपणे सराव करतात) tells the background of
today's news, not the news, unless it also says when, today, it happens, or tells what
was agreed or pledged for the future ("agreed to meet regularly").

An anniversary is not dated by itself: "India and Japan marked 70 years of ties on Monday
by signing a new pact" is news told on an old occasion. A headline that only counts ten
or more years of a thing ("70 years of the peace treaty", "The alliance at 65",
日印平和条約70年, शांति संधि के 70 साल, कराराची ७० वर्षे, १० वर्षे पूर्ण) is an anniversary
without the word, and as much history as "sixty years ago", unless it, like the sentence
above, tells of something done today or new (`counts_years`); a pact's first year
(発効1年) is the recent past of a pact in use.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence

from bot.events.years import AGO_TEN, DIGITS, YEAR
from bot.rules.mood import sentences_where

__all__ = ["OLD_YEARS", "RECENT_YEARS", "counted_back", "counts_on", "counts_years",
           "dated_sentences", "fold_digits", "habitual_sentences", "listed_year", "old_year"]

# A year this many years before publication is history; a report recalls an agreement of
# a few years back ("the 2020 logistics pact") as context of what happens now.
OLD_YEARS = 10  # as far back as `AGO_TEN` counts

# a year on its own, not part of a longer number, a phone number or an amount
# ("the 1960 treaty" names a thing of today by its year: only "in 1960", "June 19, 1960",
# "1960年6月" date what a sentence tells)
_YEAR = re.compile(r"(?<![\d.,:/-])(?<!\bthe )(?<!\bits )(?<!\ba )(?<!\bsince )(?<!\bback to )"
                   + YEAR + r"(?![\d.,:/%-]\d|\d|s\b)", re.IGNORECASE)

# Every match of AGO_TEN holds one of these (the English ones end in "years ago", "decades
# ago", "centuries ago"; the Japanese in 年前 or 世紀前; the Hindi and Marathi in पहले or
# पूर्व), and has none of the stops of _GAP (it is words, spaces and hyphens): so it lies in
# the stretch between two stops around one of these words. AGO_TEN tries its number words
# at every position of the text it is given, which is dear on a long page: it is given
# only those stretches. Each stretch is searched from its start to its end, which finds
# what a search of the whole text would (a stop is no word character, so `\b` at the
# end holds alike, and the look-behinds see the text before the start).
_AGO_WORD = re.compile(r"(?:years?|decades?|century|centuries) ago\b|年前|世紀前|पहले|पूर्व",
                       re.IGNORECASE)
_GAPS = ".,;:!?।॥\"“”‘’'()[]{}<>「」『』【】、。，．！？：；…/|"
_GAP = re.compile("[" + re.escape(_GAPS) + "]")

# A count-back in a clause that names a thing of today by its past ("updating the
# declaration signed by Howard and Abe fifteen years ago", "the pact that they signed a
# decade ago") dates that thing, not what the sentence tells of it now; a passive's own
# verb ("the treaty was signed by ... sixty years ago") is the sentence's, and history
_NAMED_BY_PAST = re.compile(
    r"\b(?:that|which)\b[^,.;:]*$"
    r"|(?<!\bwas)(?<!\bwere)(?<!\bbeen)(?<!\bis)(?<!\bare)(?<!\bbe) \w+ed by\b[^,.;:]*$",
    re.IGNORECASE)


# A year dates a sentence when it opens it, as the time of what it tells ("On June 19,
# 1960, ...", "In 1998, ...", 1960年6月、...); further on it is more often a thing of today
# named by its past ("upgrading the declaration they signed in 2008").
_OPENING = 30
# a sentence that says when, today, it happens is news whatever year it recalls ("on
# Monday ... a partnership that dates back to 1998")
_NOW = re.compile(
    r"\b(?:today|yesterday|tonight|this week|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
    r"|本日|今日|昨日|[月火水木金土日]曜"
    r"|आज|कल|(?:सोम|मंगल|मंगळ|बुध|गुरु|शुक्र|शनि|रवि)वार",
    re.IGNORECASE)


# how often or for how long a thing is done: a habit, not an act of today
_HABIT = re.compile(
    r"(?<!\bmore )(?<!\bso )(?<!\bas )"  # "more often" is a wish for the future
    r"\b(?:often|regularly|frequently|routinely|usually|repeatedly|time and again|"
    r"many times|in recent years|over the years|"
    # what has grown over a span of years up to now: "over the past two decades"
    r"(?:over|in|during) the (?:past|last) (?:\w+ )?(?:decades?|years)|"
    # a rhythm: "the two hold a 2+2 every year", 両国は毎年協議している
    r"every (?:year|two years|other year|few years)|each year|annually)\b"
    r"|たびたび|しばしば|頻繁に|定期的に|近年|長年|これまでも|繰り返し|過去\S{0,3}年(?:間|で)"
    r"|毎年|例年|隔年|年に?[1一](?:回|度)"
    r"|(?:この|ここ)\S{1,3}年(?:間|で|の間)|この数十年"
    r"|अक्सर|नियमित रूप से|बार-बार|वर्षों से|पिछले कुछ वर्षों"
    r"|पिछले (?:\S+ )?(?:दशकों|दशक|वर्षों|सालों) (?:में|से)"
    r"|अनेकदा|नियमितपणे|वारंवार|वर्षानुवर्षे|गेल्या काही वर्षांत"
    r"|गेल्या (?:\S+ )?(?:दशकात|दशकांत|दशकांमध्ये|वर्षांत|वर्षात)"
    # a tally of acts done over time: कई रक्षा समझौते किए हैं, अनेक करार केले आहेत
    r"|(?:कई|अनेक)\s[^।.]{0,40}(?:किए|की|केले|केल्या) (?:हैं|आहेत)",
    re.IGNORECASE)
# what was agreed, decided or pledged to do from now on is today's news
_AGREED = re.compile(r"\b(?:agree\w*|decid\w*|pledg\w*|commit\w*|promis\w*|vow\w*)\b"
                     r"|合意|一致|確認|決定|सहमत|सहमती|निर्णय|तय", re.IGNORECASE)


# a habit told in a clause that names a thing ("Forest Light, a drill that Japanese and US
# troops hold every year, moved north"): the thing's, not what the sentence tells of it
_NAMING_CLAUSE = re.compile(r"\b(?:that|which)\b[^,.;:]*$", re.IGNORECASE)


def _habitual(sentence: str) -> bool:
    m = _HABIT.search(sentence)
    return (m is not None and not _NOW.search(sentence)
            and not _AGREED.search(sentence, 0, m.start())
            and not _NAMING_CLAUSE.search(sentence, 0, m.start()))


# a Japanese era year (昭和35年 is 1960, 平成元年 1989): the first year of each era
_ERAS = {"明治": 1868, "大正": 1912, "昭和": 1926, "平成": 1989, "令和": 2019}
_ERA = re.compile(r"(" + "|".join(_ERAS) + r")\s*(元|\d{1,2})\s*年")


def _years(sentence: str) -> Iterator[int]:
    """The years that open a sentence, as the time of what it tells."""
    for m in _YEAR.finditer(sentence, 0, _OPENING):
        yield int(m.group(1))
    for m in _ERA.finditer(sentence, 0, _OPENING):
        yield _ERAS[m.group(1)] + (0 if m.group(2) == "元" else int(m.group(2)) - 1)


def old_year(sentence: str, year: int) -> bool:
    """Whether a sentence (its digits folded) opens with a year long before `year`."""
    if _NOW.search(sentence):
        return False
    return any(y <= year - OLD_YEARS for y in _years(sentence))


# A deed a few years old is the background a report names by its year; told as the deed
# itself, in a reference page's or a list's own form, it is dated all the same: the year
# that closes the sentence ("India and the US signed LEMOA in 2016."), a year in brackets
# ("LEMOA (2016)", "[2020]", 協定（2020年9月署名）), or the year that heads a timeline's
# line ("2020: The two sign ...", 2022年　円滑化協定に署名). A year this close to the
# article's own is recent news told late ("the drill held in December") and dates nothing.
RECENT_YEARS = 2
_CLOSING = re.compile(r"\b(?:in|since|of|from)\s+(?:(?:early|mid|late)[- ])?(?:[A-Z][a-z]+\s+)?"
                      + YEAR + r"\s*[.!;:]?\s*$")
_BRACKETED = re.compile(r"[(\[（［]\s*(?:[^()\[\]（）［］]{0,30}?\D)?" + YEAR
                        + r"(?:年|\b)[^()\[\]（）［］]{0,40}[)\]）］]")
# the closing year of a clause that names a thing by its past ("under a logistics
# agreement signed in 2020", "the drill, first held in 2012"): the thing's, not the deed's
_PARTICIPLE = re.compile(r"(?:\b(?:agreements?|pacts?|accords?|treat(?:y|ies)|deals?|"
                         r"arrangements?|declarations?|memorand(?:um|a)|mous?|guidelines|"
                         r"framework|dialogue|exercises?|drills?|(?-i:[A-Z]{2,}))|,)"
                         r"\s+(?:(?:first|last|originally|only)\s+)?\w+(?:ed|en|ned)\s*$",
                         re.IGNORECASE)
_HEADING = re.compile(r"\s*" + YEAR
                      + r"\s*(?:年\s*(?:\d{1,2}\s*月\s*)?[\u3000:：]|[:：]|\s[-\u2013\u2014]\s)")


def listed_year(sentence: str, year: int) -> bool:
    """Whether a sentence (its digits folded) tells its deed with a year some years before
    `year` in a reference page's or a list's form: at its close, in brackets, or heading
    a timeline's line."""
    if _NOW.search(sentence):
        return False
    found = [int(m.group(1)) for m in _BRACKETED.finditer(sentence)]
    m = _HEADING.match(sentence)
    if m:
        found.append(int(m.group(1)))
    m = _CLOSING.search(sentence)
    if m and not (_NAMED_BY_PAST.search(sentence, 0, m.start())
                  or _PARTICIPLE.search(sentence, 0, m.start())):
        found.append(int(m.group(1)))
    return any(y <= year - RECENT_YEARS for y in found)


# a count of ten years or more, in digits (folded) or words ("70", "seventy-five"): as with
# a year, what is fewer years back is the recent past of today's news ("the pact, a year
# on: refuelling at sea is routine" reviews a pact in use)
_COUNT = (r"(?:\d{3}|[1-9]\d|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|"
          r"seventy|eighty|ninety|hundred)(?:-\w+)?")
# the years of a thing counted, in a sentence's own words: "70 years of the treaty",
# "fifteen years since they signed" (not the length of what led to today's act: "after
# twenty years of talks", "for 70 years of", "in the past ten years of"); "the alliance at
# 65", "RAA turns 10", "ACSA@10" (not "talks at 10:30"); Japanese years counted after a
# noun, 条約70年, 協定発効から10年, 指針25年, ジミックス10年 (not 10年ぶり, 10年間, 10年延長,
# 1970年代, an era's 平成30年); Hindi के 70 साल
# (पूरे), Marathi कराराची ७० वर्षे, १० वर्षे पूर्ण (not "for ten years", "in ten years":
# के लिए, में, साठी)
_COUNTED = re.compile(
    r"(?<!\bafter )(?<!\bfor )(?<!\bin )(?<!\bwithin )(?<!\bover )(?<!\bthan )"
    r"(?<!\bpast )(?<!\blast )(?<!\bnext )(?<!\bnearly )(?<!\balmost )"
    rf"\b{_COUNT} (?:years?|decades?) (?:of|since)\b"
    r"|\b(?:alliance|treaty|pact|ties|partnership|agreement|accord|relations|friendship|"
    r"dialogue|(?-i:[A-Z]{2,})) (?:(?:turns|turned|turning) " + _COUNT + r"\b|at " + _COUNT
    + r"(?![:.]\d)(?=\s*(?:$|[:;,.!?|]|\s[-\u2013\u2014]\s)))"
    r"|(?-i:\b[A-Z]{2,})\s*@\s*(?:[1-9]\d|\d{3})\b"
    r"|(?:(?<![令平昭大明][和成正治])(?<=[\u30a1-\u30fa\u30fc\u4e00-\u9fff])|(?-i:[A-Z]{2,}))"
    r"(?:から|の|後)?\s*(?<!\d)(?:[1-9]\d|\d{3}|[一二三四五六七八九]?[十百][一二三四五六七八九十]*)\s*年"
    r"(?![前度代間ぶ以内後延計目ご])"
    r"|(?<![\u0900-\u097f])(?:के|की)\s+(?:[1-9]\d|\d{3})\s+(?:साल|वर्ष|बरस)(?![\u0900-\u097f])"
    r"(?!\s*(?:पहले|में|बाद|के लिए|तक|से|पूर्व|का|की|को|के भीतर))"
    r"|(?<!\d)(?:[1-9]\d|\d{3})\s+(?:साल|वर्ष)\s+पूरे"
    r"|(?:ची|चे|च्या|ला|ले)\s+(?:[1-9]\d|\d{3})\s+(?:वर्षे|वर्ष)(?![\u0900-\u097f])"
    r"(?!\s*(?:पूर्वी|साठी|मध्ये|नंतर))"
    r"|(?<!\d)(?:[1-9]\d|\d{3})\s+(?:वर्षे|वर्ष)\s+पूर्ण",
    re.IGNORECASE)
# what is done or new today, beside the count: "mark 70 years of ties with a new pact",
# "Alliance at 65: ministers meet in Tokyo", a drill begun or navies gathered on the day
# (マラバール、開始30年で4か国の艦艇集結), 条約70年で共同声明, समझौते के 10 साल पर नया
# करार, बैठक, सराव सुरू (not "New Delhi", नई दिल्ली, नवी दिल्ली)
_TODAY = re.compile(
    r"\b(?:new(?! delhi)|signs?|agrees?|launch(?:es)?|unveils?|inks?|seals?|announces?|"
    r"holds?|meets?|visits?|opens?|begins?|starts?|arrives?|gathers?|talks)\b"
    r"|新た|新しい|合意|署名し|締結し|共同声明|一致|会談|開始|始ま|集結|実施|開催|到着|寄港"
    r"|(?<![\u0900-\u097f])(?:नया|नई(?! दिल्ली)|नए|नवा|नवी(?! दिल्ली)|नवीन|घोषणा|वार्ता|"
    r"बैठक|मुलाकात|चर्चा|भेट|शुरू|सुरू|पहुंच|दाखल)(?![\u0900-\u097f])",
    re.IGNORECASE)


def counts_years(sentence: str) -> bool:
    """Whether a sentence (its digits folded) counts the years of a thing, an
    anniversary without the word, and tells of nothing done today or new (the thing
    counted is no news of today: सुरक्षा घोषणा के 15 साल counts a declaration's years)."""
    m = _COUNTED.search(sentence)
    if m is None or _NOW.search(sentence):
        return False
    before = sentence[:m.start()]
    if _OF_DEVANAGARI.match(m.group()):
        before = before.rstrip().rpartition(" ")[0]  # the thing whose years are counted
    return not (_TODAY.search(before) or _TODAY.search(sentence, m.end()))


# the Hindi and Marathi "of" that opens a count of a thing's years (के 70 साल, ची ७० वर्षे)
_OF_DEVANAGARI = re.compile(r"(?:के|की|ची|चे|च्या|ला|ले)\s")


# time counted on from the time the sentence before dates ("In 1944 ... Veterans of both
# met there decades later", "In 2007 ... Canberra soon stepped back", 数十年後): still that
# past, not today
_LATER = re.compile(r"\b(?:(?:weeks|months|a year|years|decades) later|later that year|"
                    r"the (?:following|next) year|soon (?=\w+ed\b))"
                    r"|\d+年後|数十年後|翌年|(?:साल|वर्ष|दशक|वर्षां|दशकां)(?:ों)? (?:बाद|नंतर)",
                    re.IGNORECASE)


def counts_on(sentence: str) -> bool:
    """Whether a sentence counts years on from a time told before it, and tells of
    nothing today: dated when the sentence before it is."""
    return _LATER.search(sentence) is not None and not _NOW.search(sentence)


def fold_digits(text: str) -> str:
    """Devanagari and full-width digits as ASCII ones, offsets unchanged."""
    return text.translate(DIGITS)


def counted_back(folded: str, starts: Sequence[int]) -> frozenset[int]:
    """Numbers of the sentences (as `starts` cuts `folded`, its digits folded) that count
    years back from now ("sixty years ago")."""
    out: set[int] = set()
    backwards = ""
    searched = 0  # the end of the last stretch searched
    for word in _AGO_WORD.finditer(folded):
        if word.start() < searched:
            continue
        backwards = backwards or folded[::-1]
        stop = _GAP.search(backwards, len(folded) - word.start())
        lo = len(folded) - stop.start() if stop else 0
        stop = _GAP.search(folded, word.end())
        searched = stop.start() if stop else len(folded)
        for m in AGO_TEN.finditer(folded, lo, searched):
            i = bisect_right(starts, m.start()) - 1
            if not _NAMED_BY_PAST.search(folded, max(starts[i], 0) if i >= 0 else 0,
                                         m.start()):
                out.add(i)
    return frozenset(out)


def dated_sentences(text: str, starts: Sequence[int], year: int | None) -> frozenset[int]:
    """Numbers of the sentences (as `starts` cuts text) that tell of long ago; `year` is
    the year of publication (None: unknown, and then only "... years ago" dates one)."""
    folded = fold_digits(text)
    out = set(counted_back(folded, starts))
    if year is not None:
        for i, start in enumerate(starts):
            end = starts[i + 1] if i + 1 < len(starts) else len(folded)
            if i not in out and old_year(folded[start:end], year):
                out.add(i)
    return frozenset(out)


def habitual_sentences(text: str, starts: Sequence[int]) -> frozenset[int]:
    """Numbers of the sentences (as `starts` cuts text) that tell what is done as a habit:
    the background of a report (what the two "often" do) names no pair of today's act,
    though it may still name an exercise the report is about."""
    return sentences_where(text, starts, _habitual)
