"""Acronyms with other meanings (bot/rules/acronyms.py)."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet
from bot.rules.acronyms import other_meanings, spelled_out
from bot.rules.lexicon import Lexicon, LexiconEntry

LEXICON = Lexicon({"acsa": LexiconEntry(
    "acsa", "agreement", "ACSA", aliases=("Acquisition and Cross-Servicing Agreement",),
    acronyms=("RPSS",))})


@pytest.mark.parametrize(("text", "other"), [
    ("Airports Company South Africa (ACSA) signed a deal.", {"ACSA": "acsa"}),
    ("The Association of Collegiate Schools of Architecture (ACSA) met.", {"ACSA": "acsa"}),
    ("Japan and India signed the Acquisition and Cross-Servicing Agreement (ACSA).", {}),
    ("They signed the pact (ACSA) on Monday.", {}),  # no long form before it
    ("India and Japan signed the ACSA.", {}),
    ("Regional Procurement Support Service (RPSS) opened.", {"RPSS": "acsa"}),
])
def test_other_meanings(text: str, other: dict[str, str]) -> None:
    assert other_meanings([text], spelled_out(LEXICON)) == other


def test_an_acronym_spelled_out_as_something_else_is_no_hit(default_ruleset: RuleSet) -> None:
    title = "ACSA signs agreement with Japanese firm for terminal"
    text = ("Airports Company South Africa (ACSA) signed an agreement with a Japanese group "
            "and visitors from India.\nACSA said talks with both countries went well.")
    result = default_ruleset.match_text(title, text)
    assert not result.matches
    assert "ACSA" not in result.entities.agreements
    # the same story without its long form reads as the agreement
    named = default_ruleset.match_text(title, "ACSA signed it with India and Japan.")
    assert "ACSA" in named.entities.agreements


@pytest.mark.parametrize("text", [
    "They signed the Basic Exchange and Cooperation Agreement for Geo-spatial Cooperation "
    "(BECA).",
    "They signed the Enhanced Defence Cooperation Agreement (EDCA).",  # another spelling
])
def test_a_longer_or_respelled_long_form_is_the_entry(default_ruleset: RuleSet,
                                                      text: str) -> None:
    assert not other_meanings([text], spelled_out(default_ruleset.lexicon))
