"""Property tests for the matcher (bot.rules.RuleSet.match_text) with the bundled rules.

What we hold it to:
* it never raises, whatever the text (any Unicode, control characters, huge runs);
* zero-width and other invisible format characters (soft hyphen, ZWSP, ZWJ, word joiner,
  BOM, bidi marks) inserted anywhere change nothing: they are dropped before matching,
  so "Ja\u00adpan" is Japan and a spoofed "I\u200bndia" is India too;
* case and diacritics of ordinary words change nothing ("JAPAN", "japan", "Jäpan");
  acronyms stay case-sensitive by design (ACSA is not "acsa"), so the case property
  leaves all-capital words alone, and upper-casing is not claimed ("US" ≠ "us").
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.config.options import BUNDLED_RULES
from bot.rules import RuleSet, load_ruleset
from tests.reliability.strategies import hostile_text

PROPERTIES = settings(max_examples=150, deadline=None,
                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u200f",
             "\u2066", "\u2069")
_WORD = re.compile(r"\w+")


@cache
def ruleset() -> RuleSet:
    return load_ruleset(BUNDLED_RULES)


@cache
def examples() -> tuple[tuple[str, str, str], ...]:
    """(rule id, title, text) of every `match:` example in the bundled rules."""
    return tuple((rule.id, ex.title, ex.text) for rule in ruleset().rules.values()
                 for ex in rule.examples if ex.expect)


def rules_of(title: str, text: str) -> tuple[str, ...]:
    return ruleset().match_text(title, text).rule_ids


@PROPERTIES
@given(hostile_text, hostile_text)
def test_matching_never_raises(title: str, text: str) -> None:
    result = ruleset().match_text(title, text)
    assert set(result.rule_ids) <= set(ruleset().rules)


def _sprinkle(text: str, data: st.DataObject) -> str:
    positions = data.draw(st.lists(st.integers(0, len(text)), max_size=12))
    out = text
    for at in sorted(positions, reverse=True):
        out = out[:at] + data.draw(st.sampled_from(INVISIBLE)) + out[at:]
    return out


@PROPERTIES
@given(st.data())
def test_invisible_characters_change_nothing(data: st.DataObject) -> None:
    _, title, text = data.draw(st.sampled_from(examples()))
    assert rules_of(_sprinkle(title, data), _sprinkle(text, data)) == rules_of(title, text)


@pytest.mark.parametrize("mark", INVISIBLE)
def test_a_title_ending_on_a_counterpart_phrase_with_an_invisible_character(mark: str) -> None:
    # an invisible character sends normalisation down its slow path, which maps every
    # character back to the text as written: a match that ends the title ("... with
    # Japan's defence minister") must not reach past it
    title = "Notes on the secretary's call with Japan's defence minister"
    text = "The two ministers agreed to hold a joint drill with their navies in May.\n"
    assert rules_of(mark + title, text) == rules_of(title, text)


def _recase(text: str, data: st.DataObject) -> str:
    def one(word: re.Match[str]) -> str:
        w = word.group()
        if w.isupper() or not w.isalpha():
            return w  # acronyms (ACSA, US, JIMEX) and "2+2" keep their case
        return w.lower() if data.draw(st.booleans()) else w.capitalize()
    return _WORD.sub(one, text)


@PROPERTIES
@given(st.data())
def test_case_of_ordinary_words_changes_nothing(data: st.DataObject) -> None:
    _, title, text = data.draw(st.sampled_from(examples()))
    assert rules_of(_recase(title, data), _recase(text, data)) == rules_of(title, text)


_MARKS = ("\u0301", "\u0300", "\u0308", "\u0302", "\u0327")  # acute, grave, diaeresis …


def _accent(text: str, data: st.DataObject) -> str:
    """Put a combining accent on some Latin letters; half the time composed (NFC)."""
    out = []
    for ch in text:
        out.append(ch)
        if "a" <= ch.lower() <= "z" and data.draw(st.integers(0, 4)) == 0:
            out.append(data.draw(st.sampled_from(_MARKS)))
    accented = "".join(out)
    return unicodedata.normalize("NFC", accented) if data.draw(st.booleans()) else accented


# The automaton reads text with Latin accents dropped, and so do the readers that look
# at the sentences as written (mood, denial, history, datelines: plain-letter patterns
# such as "agreed"): they read bot/rules/reading.py's copy, so "ágreed" or
# "agre\u0301ed" is the act "agreed" to both.
@PROPERTIES
@given(st.data())
def test_diacritics_change_nothing(data: st.DataObject) -> None:
    _, title, text = data.draw(st.sampled_from(examples()))
    assert rules_of(_accent(title, data), _accent(text, data)) == rules_of(title, text)


def test_the_examples_match_as_their_files_say() -> None:
    """The properties start from texts that match: check they do."""
    wrong = [(rid, title) for rid, title, text in examples() if rid not in rules_of(title, text)]
    assert wrong == []
