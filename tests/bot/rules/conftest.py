"""Fixtures of the rule tests; see helpers.py for the throwaway rule directories."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.rules import RuleSet, load_ruleset
from tests.bot.rules.helpers import DEFAULT_RULES, one_rule, write_dir

RuleFactory = Callable[..., RuleSet]


@pytest.fixture
def make_rule(tmp_path: Path) -> RuleFactory:
    """make_rule(terms, require, **extra) → a RuleSet with that one rule, id "t"."""
    counter = iter(range(1_000_000))

    def make(terms: dict[str, list[str]], require: str, **extra: Any) -> RuleSet:
        root = write_dir(tmp_path / f"r{next(counter)}", {"t": one_rule(terms, require, **extra)})
        return load_ruleset(root)

    return make


@pytest.fixture(scope="session")
def default_ruleset() -> RuleSet:
    return load_ruleset(DEFAULT_RULES)
