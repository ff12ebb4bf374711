"""A rules folder is read with the fast YAML reader (bot/config/yamlevents.py) and gives
what ruamel's reader gives; a folder with any problem is read again with ruamel's, so
each problem reads as it always did."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.config import yamlevents
from bot.config.options import BUNDLED_RULES
from bot.config.yamlfile import load_yaml
from bot.rules import loader
from bot.rules.loader import read_rules
from tests.bot.rules.helpers import one_rule, write_dir


@pytest.fixture
def ruamel_reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every file ruamel's reader read, through the fast reader or not."""
    seen: list[Path] = []

    def counting(path: Path) -> Any:
        seen.append(path)
        return load_yaml(path)

    monkeypatch.setattr(yamlevents, "load_yaml", counting)
    monkeypatch.setattr(loader, "load_yaml", counting)
    return seen


def test_the_bundled_rules_read_fast_give_what_ruamel_gives(ruamel_reads: list[Path]) -> None:
    fast = read_rules(BUNDLED_RULES)
    assert ruamel_reads == []
    slow = loader._read(BUNDLED_RULES, load_yaml)
    assert fast.ruleset is not None and slow.ruleset is not None
    assert fast.problems == slow.problems == []
    assert fast.ruleset.rules == slow.ruleset.rules  # lines, examples, groups and all
    assert fast.ruleset.lexicon.entries == slow.ruleset.lexicon.entries
    assert fast.ruleset.version == slow.ruleset.version
    assert fast.ruleset.pattern_count == slow.ruleset.pattern_count
    assert (fast.rules, fast.shared_groups, fast.lexicon_entries) == (
        slow.rules, slow.shared_groups, slow.lexicon_entries)


def test_a_folder_with_problems_is_read_as_before(tmp_path: Path,
                                                  ruamel_reads: list[Path]) -> None:
    rules = write_dir(tmp_path / "rules", {"t": one_rule({"a": ["@india"]}, "a")})
    (rules / "u.yaml").write_text("id: u\ntitle: U\nterms:\n  a: ['@japan']\n"
                                  "require: a and b\nscpoe: [title]\n", encoding="utf-8")
    got = read_rules(rules)
    assert got.ruleset is None
    assert {(p.line, p.field) for p in got.problems} >= {(6, "scpoe")}
    assert rules / "u.yaml" in ruamel_reads  # read again by ruamel's reader
    assert got.problems == loader._read(rules, load_yaml).problems
