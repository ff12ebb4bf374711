"""Shared term groups (groups/*.yaml): defined once, listed by name in a rule's `shared:`;
every mistake is reported as FILE:LINE: field: message, and edits reload like rule files."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.rules import article_from_text, cmd_test, load_ruleset
from bot.rules.holder import RulesHolder
from tests.bot.rules.helpers import (
    assert_only_warns,
    assert_refused,
    problem_lines,
    rewrite,
    write_dir,
    write_groups,
)

FORCES = """\
# the armed services, for any rule
forces: [navy, army, "air force"]
japan: ["@japan"]
"""

RULE = """\
id: {id}
title: Rule {id}
terms:
  talks: [talks]
shared: [forces, japan]
require: talks and forces and japan
"""


def make(tmp_path: Path, groups: dict[str, str], rules: dict[str, str] | None = None) -> Path:
    root = write_dir(tmp_path / "rules", rules if rules is not None else {
        "a": RULE.format(id="a"), "b": RULE.format(id="b")})
    return write_groups(root, groups)


def test_a_shared_group_is_a_group_of_every_rule_that_lists_it(tmp_path: Path) -> None:
    root = make(tmp_path, {"forces.yaml": FORCES})
    assert problem_lines(root) == []
    ruleset = load_ruleset(root)
    assert ruleset.rules["a"].groups == ("talks", "forces", "japan")
    result = ruleset.match_text("Japan navy talks", "")
    assert result.rule_ids == ("a", "b")
    assert {h.group for h in result.matches[0].hits} == {"talks", "forces", "japan"}
    assert ruleset.match_text("Japan talks", "").rule_ids == ()


def test_a_rule_may_take_all_its_groups_from_shared(tmp_path: Path) -> None:
    rule = "id: a\ntitle: A\nshared: forces\nrequire: forces\n"
    root = make(tmp_path, {"forces.yaml": "forces: [navy]\n"}, {"a": rule})
    assert problem_lines(root) == []
    assert load_ruleset(root).match_text("", "the navy").rule_ids == ("a",)


def test_rules_test_and_explain_see_shared_groups(tmp_path: Path) -> None:
    rule = RULE.format(id="a") + "examples:\n  match: ['Japan and the navy hold talks']\n"
    root = make(tmp_path, {"forces.yaml": FORCES}, {"a": rule})
    lines: list[str] = []
    assert cmd_test(root, lines.append) == 0
    assert lines == ["1 examples, 0 failed"]
    why = load_ruleset(root).explain("a", article_from_text("Japan navy talks", ""))
    assert why.matched
    assert [r.hit.text for r in why.groups["forces"]] == ["navy"]


ERROR_CASES: list[tuple[str, dict[str, str], dict[str, str] | None, str]] = [
    ("unknown shared group", {"forces.yaml": FORCES},
     {"a": RULE.format(id="a").replace("[forces, japan]", "[forcs, japan]")},
     "a.yaml:5: shared: unknown shared group or condition 'forcs' (did you mean 'forces'?)"),
    ("no groups defined", {}, None,
     "a.yaml:5: shared: unknown shared group or condition 'forces'; none is defined in "
     "groups/*.yaml"),
    ("listed twice", {"forces.yaml": FORCES},
     {"a": RULE.format(id="a").replace("[forces, japan]", "[forces, japan, forces]")},
     "a.yaml:5: shared: shared name 'forces' is listed twice"),
    ("also a local group", {"forces.yaml": FORCES},
     {"a": RULE.format(id="a").replace("talks: [talks]", "talks: [talks]\n  forces: [navy]")},
     "a.yaml:6: shared: 'forces' is a group in terms and a shared group"),
    ("defined twice", {"forces.yaml": FORCES, "more.yaml": "x: [y]\nforces: [navy]\n"}, None,
     "groups/more.yaml:2: forces: duplicate shared group 'forces' (first in "),
    ("bad term", {"forces.yaml": FORCES.replace("navy,", "'re:nav(y|ies)',")}, None,
     "groups/forces.yaml:2: forces: 're:nav(y|ies)': regular expressions are not supported"),
    ("unknown lexicon entry", {"forces.yaml": FORCES.replace("@japan", "@jpan")}, None,
     "groups/forces.yaml:3: japan: unknown lexicon entry '@jpan' (did you mean 'japan'?)"),
    ("bad group name", {"forces.yaml": FORCES + "and: [x]\n"}, None,
     "groups/forces.yaml:4: and: a group name is a word"),
    ("empty group", {"forces.yaml": FORCES + "none: []\n"}, None,
     "groups/forces.yaml:4: none: empty group: list at least one term"),
    ("not a mapping", {"forces.yaml": "- navy\n"}, None,
     "groups/forces.yaml:1: must be a mapping of group name → list of terms"),
    ("yaml syntax", {"forces.yaml": "forces: [navy\n"}, None,
     "groups/forces.yaml:1: YAML syntax: "),
    ("neither terms nor shared", {}, {"a": "id: a\ntitle: A\nrequire: x\n"},
     "a.yaml:1: terms: required key is missing (or list shared groups in `shared:`)"),
]


@pytest.mark.parametrize(("case", "groups", "rules", "expected"), ERROR_CASES,
                         ids=[c[0] for c in ERROR_CASES])
def test_errors_name_file_line_and_field(tmp_path: Path, case: str, groups: dict[str, str],
                                         rules: dict[str, str] | None, expected: str) -> None:
    assert_refused(make(tmp_path, groups, rules), expected)


def test_a_broken_shared_group_is_reported_once(tmp_path: Path) -> None:
    """Two rules list it; its own file's error is the only one, not one per rule, and the
    rules listing it get no second 'unknown group' error."""
    root = make(tmp_path, {"forces.yaml": FORCES.replace("@japan", "@jpan")
                           .replace("[navy, army, \"air force\"]", "[]")})
    assert problem_lines(root) == [
        "groups/forces.yaml:2: forces: empty group: list at least one term",
        "groups/forces.yaml:3: japan: unknown lexicon entry '@jpan' (did you mean 'japan'?)",
    ]


WARNING_CASES: list[tuple[str, dict[str, str], dict[str, str] | None, str]] = [
    ("listed, never required", {"forces.yaml": FORCES},
     {"a": RULE.format(id="a").replace("and japan", "")},
     "warning: a.yaml:5: shared: shared group 'japan' is never used in require"),
    ("used by no rule", {"forces.yaml": FORCES + "spare: [coast guard]\n"}, None,
     "warning: groups/forces.yaml:4: spare: shared group 'spare' is used by no rule"),
    ("stray .yml", {"forces.yaml": FORCES, "old.yml": "x: [y]\n"}, None,
     "warning: groups/old.yml:1: ignored: group files end in .yaml"),
]


@pytest.mark.parametrize(("case", "groups", "rules", "expected"), WARNING_CASES,
                         ids=[c[0] for c in WARNING_CASES])
def test_warnings_do_not_stop_loading(tmp_path: Path, case: str, groups: dict[str, str],
                                      rules: dict[str, str] | None, expected: str) -> None:
    assert_only_warns(make(tmp_path, groups, rules), expected)


def test_an_edit_to_a_shared_group_reloads_every_rule_using_it(tmp_path: Path) -> None:
    root = make(tmp_path, {"forces.yaml": FORCES})
    holder = RulesHolder(root)
    version = holder.current.version
    assert holder.current.match_text("Japan coast guard talks", "").rule_ids == ()
    rewrite(root / "groups" / "forces.yaml", FORCES.replace("navy,", "navy, coast guard,"))
    assert holder.reload_if_changed() is True
    assert holder.current.version != version
    assert holder.current.match_text("Japan coast guard talks", "").rule_ids == ("a", "b")


def test_a_broken_shared_group_keeps_the_rules_in_force(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    root = make(tmp_path, {"forces.yaml": FORCES})
    holder = RulesHolder(root)
    rewrite(root / "groups" / "forces.yaml", FORCES.replace("@japan", "@jpan"))
    with caplog.at_level(logging.ERROR, logger="defwatch.rules"):
        assert holder.reload_if_changed() is False
    assert "groups/forces.yaml:3: japan: unknown lexicon entry '@jpan'" in caplog.text
    assert holder.current.match_text("Japan navy talks", "").rule_ids == ("a", "b")
