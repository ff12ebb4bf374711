"""Clauses of what else went on (bot/rules/clauses.py): one that names one state of its own
keeps its words of the forces to itself, and the pair of the rest of the sentence is read
without them. Every sentence is our own."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet
from bot.rules.clauses import side_clauses


def _clauses(sentence: str) -> list[str]:
    return [sentence[a:b] for a, b in side_clauses(sentence, 0, len(sentence))]


@pytest.mark.parametrize(("sentence", "clauses"), [
    ("British and Chinese officials held talks as PLA troops rotated.",
     ["as PLA troops rotated"]),
    ("Officials discussed fish while the army drilled near the border, a source said.",
     ["while the army drilled near the border"]),
    ("Envoys met in Paris, hours after Russia moved a brigade.",
     ["hours after Russia moved a brigade"]),
    ("Trade talks went on amid a large army exercise in the desert.",
     ["amid a large army exercise in the desert"]),
    # "as" that lists or joins opens none, nor does a clause that opens the sentence
    ("Navies such as India's and Japan's drilled as well as ever.", []),
    ("Japan joined as an observer, as part of the drill.", []),
    ("As the two navies drilled, the ministers met.", []),
])
def test_clauses_of_what_else_went_on(sentence: str, clauses: list[str]) -> None:
    assert _clauses(sentence) == clauses


@pytest.mark.parametrize(("title", "text", "topics"), [
    # one state's forces in a clause of their own: the pair's talks are of another kind
    ("UK and China hold talks as PLA troops rotate",
     "British and Chinese officials held talks in Beijing on Monday on visas for students "
     "as PLA troops rotated through the Hong Kong garrison.", set()),
    ("Visa talks in Tokyo",
     "American and Japanese officials held talks on work visas in Tokyo on Monday, hours "
     "after the US Army test-fired a missile in Alaska.", set()),
    # a clause naming no state, or both, speaks of the pair
    ("India, Japan hold talks as their navies drill",
     "India's and Japan's defence ministers held talks in Tokyo on Monday as their navies "
     "drilled together off Okinawa.", {"bilateral-defence", "india-japan"}),
    ("Japanese, Australian troops train as ministers meet",
     "Japanese and Australian troops began a joint exercise in Queensland on Tuesday as "
     "the two countries' defence ministers met in Canberra.",
     {"bilateral-defence", "japan-australia"}),
])
def test_a_clause_of_one_state_keeps_its_forces(default_ruleset: RuleSet, title: str,
                                                 text: str, topics: set[str]) -> None:
    assert set(default_ruleset.match_text(title, text).rule_ids) == topics
