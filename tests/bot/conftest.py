"""The labelled corpus and the bundled rules, loaded once for the tests that score them."""

from __future__ import annotations

import pytest

from bench.corpus import Labelled, load_corpus
from bot.rules import RuleSet, load_ruleset
from tests.bot.rules.helpers import DEFAULT_RULES


@pytest.fixture(scope="session")
def corpus() -> list[Labelled]:
    """The dev split: the reports the rules are tuned on."""
    return load_corpus(split="dev")


class HeldOut(list[Labelled]):
    """The held-out articles, shown by their count only.

    A failing test prints its arguments; this keeps the split's texts out of the log of
    whoever tunes the rules.
    """

    def __repr__(self) -> str:
        return f"<{len(self)} held-out articles>"


@pytest.fixture(scope="session")
def held_out() -> list[Labelled]:
    """The test split: never read while tuning, only scored (empty until it is written)."""
    return HeldOut(load_corpus(split="test"))


@pytest.fixture(scope="session")
def ruleset() -> RuleSet:
    return load_ruleset(DEFAULT_RULES)
