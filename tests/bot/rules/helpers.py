"""Helpers for rule tests: throwaway rule directories written from Python values.

Rule and lexicon files are written as JSON, which is YAML too, unless a test needs exact
YAML text (for line numbers), in which case it writes the text itself.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from bot.errors import RuleError
from bot.rules import RuleSet, check_rules, load_ruleset

REPO = Path(__file__).resolve().parents[3]
DEFAULT_RULES = REPO / "rules"

# A small lexicon of our own, so that language tests do not depend on the default data.
LEXICON: dict[str, dict[str, Any]] = {
    "countries": {
        "india": {"name": "India", "aliases": ["Indian", "New Delhi", "भारत", "インド"],
                  "not": ["Indian Ocean", "インドネシア"]},
        "japan": {"name": "Japan", "aliases": ["Japanese", "Tokyo", "日本"],
                  "acronyms": ["JMSDF"]},
        "us": {"name": "United States", "aliases": ["American"], "acronyms": ["US", "U.S."]},
        "israel": {"name": "Israel", "aliases": ["इज़राइल"]},
    },
    "people": {
        "kishi-nobuo": {"name": "Kishi Nobuo", "aliases": ["Nobuo Kishi", "Kishi Nobou"],
                        "country": "japan"},
    },
    "agreements": {
        "acsa": {"name": "ACSA", "aliases": ["Reciprocal Provision of Supplies and Services"],
                 "countries": ["india", "japan"],
                 "not": ["Airports Company South Africa (ACSA)"]},
    },
    "exercises": {
        "malabar": {"name": "Malabar", "countries": ["india", "japan", "us"],
                    "not": ["Malabar Hill", "Malabar Gold"]},
        "jimex": {"name": "JIMEX", "aliases": ["Jimex"], "countries": ["india", "japan"]},
        "bright-star": {"name": "Bright Star", "numbered": ["Bright Star"]},
    },
}


def write_dir(root: Path, rules: dict[str, Any],
              lexicon: dict[str, dict[str, Any]] | None = None) -> Path:
    """rules: file stem → dict (written as JSON) or str (written as is)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "lexicon").mkdir(exist_ok=True)
    for kind, entries in (LEXICON if lexicon is None else lexicon).items():
        (root / "lexicon" / f"{kind}.yaml").write_text(json.dumps(entries, ensure_ascii=False),
                                                       encoding="utf-8")
    for stem, body in rules.items():
        text = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
        (root / f"{stem}.yaml").write_text(text, encoding="utf-8")
    return root


def one_rule(terms: dict[str, list[str]], require: str, **extra: Any) -> dict[str, Any]:
    return {"id": "t", "title": "test rule", "terms": terms, "require": require, **extra}


def write_groups(root: Path, groups: dict[str, str]) -> Path:
    """groups: file name → exact YAML text, written under root/groups/."""
    (root / "groups").mkdir(exist_ok=True)
    for name, text in groups.items():
        (root / "groups" / name).write_text(text, encoding="utf-8")
    return root


def problem_lines(root: Path) -> list[str]:
    """Every problem as `rules check` prints it, paths relative to root."""
    prefix = str(root) + "/"
    return [("warning: " if p.severity == "warning" else "") + str(p).replace(prefix, "")
            for p in check_rules(root)]


def matches(ruleset: RuleSet, title: str, text: str) -> bool:
    return "t" in ruleset.match_text(title, text).rule_ids


def rewrite(path: Path, text: str) -> None:
    """Write and move the mtime forward, so a reload sees the change within the file
    system clock's resolution."""
    path.write_text(text, encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))


def assert_refused(root: Path, expected: str) -> None:
    """`rules check` reports a problem starting with `expected`, and loading fails."""
    found = problem_lines(root)
    assert any(line.startswith(expected) for line in found), found
    with pytest.raises(RuleError):
        load_ruleset(root)


def assert_only_warns(root: Path, expected: str) -> None:
    """`rules check` reports exactly this warning, and the rules still load."""
    assert problem_lines(root) == [expected]
    load_ruleset(root)


# What a report of each watched pair is alerted with, and the pair topics of the bundled set
IJ = {"india-japan", "bilateral-defence"}
IU = {"india-us", "bilateral-defence"}
IA = {"india-australia", "bilateral-defence"}
UJ = {"us-japan", "bilateral-defence"}
JA = {"japan-australia", "bilateral-defence"}
BD = {"bilateral-defence"}
# each watched pair's topic by its two states
WATCHED = {frozenset(("india", "japan")): "india-japan", frozenset(("india", "us")): "india-us",
           frozenset(("india", "australia")): "india-australia",
           frozenset(("us", "japan")): "us-japan",
           frozenset(("japan", "australia")): "japan-australia"}
PAIR_TOPICS = set(WATCHED.values())


def topics(ruleset: RuleSet, title: str, text: str) -> set[str]:
    return set(ruleset.match_text(title, text).rule_ids)


def assert_exactly(ruleset: RuleSet, title: str, text: str, expected: set[str]) -> None:
    """expected's topics are alerted and no pair's beyond them."""
    got = topics(ruleset, title, text)
    assert expected <= got and not (got & PAIR_TOPICS) - expected, got
