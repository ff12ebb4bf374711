"""A deed a few years old, told in a reference page's or a list's form, is dated
(bot/rules/dated.py, `listed_year`): the year that closes its sentence, a year in
brackets, the year heading a timeline's line. A thing of today named by its past ("under
a logistics agreement signed in 2020") and a year close to the article's own date
nothing. Every sentence is our own."""

from __future__ import annotations

import pytest

from bot.rules.dated import listed_year


@pytest.mark.parametrize("sentence", [
    # the year closing the sentence, with or without its month
    "India and the US signed LEMOA in 2016.",
    "The two inked a logistics pact in June 2020.",
    "Their navies have drilled in AUSINDEX since 2015.",
    "Japan and Australia signed a joint security declaration in 2007",
    "Tokyo and Canberra upgraded their partnership in late 2014.",
    # years in brackets, Latin or full-width, alone or with words
    "India and the United States concluded four pacts: GSOMIA (2002), LEMOA (2016).",
    "India and Australia signed a logistics arrangement [2020] and upgraded ties.",
    "日本は米国（1996年）、豪州（2010年）と物品役務相互提供協定を結んでいる。",
    "日印両国は物品役務相互提供協定（2020年9月署名）を締結した。",
    "Tokyo signed an access agreement with Canberra (signed January 2022, in force 2023).",
    # the year heading a timeline's line
    "2009: India and Australia sign a security declaration.",
    "2008 — The two sign a joint declaration on security cooperation.",
    "2022年　円滑化協定に署名",
    "1997年9月　指針を改定",
])
def test_deeds_listed_with_their_year_are_dated(sentence: str) -> None:
    assert listed_year(sentence, 2025)


@pytest.mark.parametrize("sentence", [
    # a thing of today named by its past
    "Their forces draw on each other's supplies under a logistics agreement signed in 2020.",
    "The drill runs under LEMOA, inked in 2016.",
    "India and Japan are reviewing the pact that they negotiated in 2016.",
    # a year close to the article's: recent news told late, or the year ahead
    "India and Japan signed the pact in 2024.",
    "The two navies will hold Malabar off Guam in 2026.",
    "Malabar (2025) opened off Guam.",
    # today's act, whatever year it recalls
    "The ministers met in Tokyo on Monday, a pact signed in 2016.",
    "India and Japan signed the ACSA (first proposed in 2018) on Tuesday.",
    # a year opening a sentence is dated only when long ago (old_year): a few years
    # back it is the context of today's news
    "In 2020, India and Japan signed the ACSA.",
    "日印は2015年に防衛装備品・技術移転協定を結んだが、案件は進まなかった。",
    # a year naming a thing, not closing a deed
    "The 2016 pact lets the two navies refuel.",
])
def test_things_named_by_their_past_and_recent_years_are_not(sentence: str) -> None:
    assert not listed_year(sentence, 2025)
