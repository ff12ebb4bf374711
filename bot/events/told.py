"""The day a report tells its act happened, when that is days before it was published.

An analysis, a weekly column or a Sunday paper tells the act in the past, days on: "When
India and Australia signed the arrangement in Sydney on Wednesday", "सिडनीमध्ये शुक्रवारी
... बैठक झाली", "12日に署名した". Its publication day is then days from the act's other
reports, and a report that names nobody (its people in another script, or by office)
joins them on kind, pair and day alone (bot/events/evidence.py), so it needs the act's
day. The first sentence that holds both a day (a weekday, a day of the month in Japanese)
and an act's cue (bot/events/kind.py) gives it, counted back from the local day of
publication.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.events.kind import KINDS, cued
from bot.events.sentences import split_sentences
from bot.events.years import DIGITS

__all__ = ["told_day"]

TOLD_DAYS = 6  # a weekday names a day of the past week at most
_DEVA = r"(?<![\u0900-\u097f])"
_WEEKDAYS = (
    ("monday", "सोमवार"), ("tuesday", "मंगलवार|मंगळवार"), ("wednesday", "बुधवार"),
    ("thursday", "गुरुवार|बृहस्पतिवार"), ("friday", "शुक्रवार"), ("saturday", "शनिवार"),
    ("sunday", "रविवार"),
)
# "next Monday", "this coming Friday", "अगले सोमवार", "पुढील सोमवारी" are days to come
_WEEKDAY = re.compile(
    r"(?<!next )(?<!coming )\b(?:on |last )?("
    + "|".join(en for en, _ in _WEEKDAYS) + r")\b"
    + rf"|{_DEVA}(?<!अगले )(?<!पुढील )(?<!पुढच्या )("
    + "|".join(hi for _, hi in _WEEKDAYS) + ")",
    re.IGNORECASE)
# a day of the month in Japanese: 12日, 12日に (not 12日間, "for 12 days", nor 日本)
_MONTH_DAY = re.compile(r"(?<![\d月年])(\d{1,2})日(?!間|本|以内|後|前|ぶり|付)")


def _weekday(word: str) -> int:
    word = word.lower()
    return next(i for i, (en, hi) in enumerate(_WEEKDAYS)
                if word == en or re.fullmatch(hi, word))


def _back(local: date, found: re.Match[str], japanese: bool) -> date | None:
    if japanese:
        day = int(found[1])
        if not 1 <= day <= 31:
            return None
        return next((local - timedelta(days=n) for n in range(TOLD_DAYS + 1)
                     if (local - timedelta(days=n)).day == day), None)
    word = found[1] or found[2]
    return local - timedelta(days=(local.weekday() - _weekday(word)) % 7)


def told_day(title: str, body: str, local: date | None) -> date | None:
    """The day the report's first dated sentence of an act tells, when it lies one to
    TOLD_DAYS days before `local` (the day of publication where it was published)."""
    if local is None or not (_WEEKDAY.search(f"{title}\n{body}")
                             or _MONTH_DAY.search(f"{title}\n{body}".translate(DIGITS))):
        return None  # no day named at all: most reports, so not one sentence split
    for paragraph in (title, *body.split("\n")):
        for sentence in split_sentences(paragraph):
            text = sentence.translate(DIGITS)
            found = _WEEKDAY.search(text)
            japanese = found is None
            found = found or _MONTH_DAY.search(text)
            if found is None or not any(cued(k, text) for k in KINDS):
                continue
            day = _back(local, found, japanese)
            return day if day is not None and 0 < (local - day).days <= TOLD_DAYS else None
    return None
