"""A worker keeps the rule set it loaded out of the collector's walks, and a rule set it
replaces is still freed: a rule set holds no reference cycle."""

from __future__ import annotations

import gc
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config.options import BUNDLED_RULES
from bot.pipeline.examine import RulesRef, _LoadedRules
from bot.rules import load_ruleset


@pytest.fixture(scope="module")
def pickled() -> bytes:
    return pickle.dumps(load_ruleset(BUNDLED_RULES), protocol=pickle.HIGHEST_PROTOCOL)


@pytest.fixture
def no_collections() -> Iterator[None]:
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.enable()


@pytest.mark.usefixtures("no_collections")
def test_a_rule_set_is_freed_by_reference_counts_alone(pickled: bytes) -> None:
    rules = pickle.loads(pickled)
    assert rules.rules  # a whole set, not an empty one
    del rules
    assert gc.collect() == 0  # nothing of it was left for the collector to find


@pytest.mark.usefixtures("no_collections")
def test_the_loaded_set_is_frozen_and_a_new_version_replaces_it(pickled: bytes,
                                                                tmp_path: Path) -> None:
    file = tmp_path / "rules.pickle"
    file.write_bytes(pickled)
    memo = _LoadedRules()
    first = memo.get(RulesRef("v1", str(file)))
    assert gc.get_freeze_count() > 0
    assert memo.get(RulesRef("v1", str(file))) is first  # loaded once per version
    second = memo.get(RulesRef("v2", str(file)))
    assert second is not first and second.rules.keys() == first.rules.keys()
