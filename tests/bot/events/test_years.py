"""The year and count-back patterns that an event's kind and the rules' history test share."""

from __future__ import annotations

import re

import pytest

from bot.events.years import AGO, AGO_TEN, DIGITS, YEAR


def test_digits_of_every_script_read_as_ascii() -> None:
    assert "१९६० में, ２０１５年に".translate(DIGITS) == "1960 में, 2015年に"


@pytest.mark.parametrize(("text", "year"), [
    ("signed in 1960", "1960"), ("the 1805 charter", "1805"), ("2099", "2099"),
    ("1799", None), ("2100", None),
])
def test_a_year_runs_from_1800_to_2099(text: str, year: str | None) -> None:
    m = re.search(rf"\b{YEAR}\b", text)
    assert (m.group(1) if m else None) == year


@pytest.mark.parametrize(("text", "any_time", "ten_or_more"), [
    ("the pact they signed two years ago", True, False),
    ("the treaty signed sixty years ago", True, True),
    ("three decades ago", True, True),
    ("3年前に署名した協定", True, False),
    ("60年前に署名された条約", True, True),
    ("दो साल पहले हुआ समझौता", True, False),
    ("साठ साल पहले हुई संधि", True, True),
    ("दोन वर्षांपूर्वी झालेला करार", True, False),
    ("60 वर्षांपूर्वी झालेला करार".translate(DIGITS), True, True),
    ("the ministers met on Tuesday", False, False),
])
def test_any_count_back_is_the_past_and_ten_years_or_more_history(
        text: str, any_time: bool, ten_or_more: bool) -> None:
    assert bool(AGO.search(text)) is any_time
    assert bool(AGO_TEN.search(text)) is ten_or_more
