"""The labelled corpus and the bundled rules, loaded once for the tests that score them."""

from __future__ import annotations

import pytest

from bench.corpus import Labelled, load_corpus
from bot.rules import RuleSet, load_ruleset
from tests.bot.rules.helpers import DEFAULT_RULES


@pytest.fixture(scope="session")
def corpus() -> list[Labelled]:
    return load_corpus()


@pytest.fixture(scope="session")
def ruleset() -> RuleSet:
    return load_ruleset(DEFAULT_RULES)
