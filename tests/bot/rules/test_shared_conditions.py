"""Shared conditions (`conditions:` in groups/*.yaml): a `require` expression over shared
groups, written once and used by name in any rule that lists it in `shared:`; it brings the
groups it uses, `rules explain` shows it by name and part by part, and every mistake is
reported as FILE:LINE: field: message."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.rules import article_from_text, cmd_explain, cmd_test, load_ruleset
from bot.rules.holder import RulesHolder
from tests.bot.rules.helpers import (
    DEFAULT_RULES,
    assert_only_warns,
    assert_refused,
    problem_lines,
    rewrite,
    write_dir,
    write_groups,
)

GROUPS = """\
forces: [navy, army]
group: [Quad, trilateral]
pair: [bilateral, counterpart]
conditions:
  multilateral: not top:pair and top:group
"""

RULE = """\
id: {id}
title: Rule {id}
terms:
  japan: ["@japan"]
shared: [forces, multilateral]
require: japan and forces and not multilateral
"""


def make(tmp_path: Path, groups: dict[str, str], rules: dict[str, str] | None = None) -> Path:
    root = write_dir(tmp_path / "rules", rules if rules is not None else {
        "a": RULE.format(id="a"), "b": RULE.format(id="b")})
    return write_groups(root, groups)


def rule(old: str, new: str) -> dict[str, str]:
    """Rule a alone, with some of its text replaced."""
    text = RULE.format(id="a")
    assert old in text
    return {"a": text.replace(old, new)}


def test_a_condition_brings_the_groups_it_uses(tmp_path: Path) -> None:
    root = make(tmp_path, {"g.yaml": GROUPS})
    assert problem_lines(root) == []
    ruleset = load_ruleset(root)
    assert ruleset.rules["a"].groups == ("japan", "forces", "pair", "group")
    assert ruleset.match_text("Japan navy drill", "").rule_ids == ("a", "b")
    assert ruleset.match_text("Quad: Japan navy drill", "").rule_ids == ()
    result = ruleset.match_text("Quad: Japan navy meets its counterpart", "")
    assert result.rule_ids == ("a", "b")
    # under `not`, only the groups whose hits let the rule hold are evidence
    assert {h.group for h in result.matches[0].hits} == {"japan", "forces", "pair"}


def test_a_file_may_hold_conditions_only(tmp_path: Path) -> None:
    groups, conditions = GROUPS.split("conditions:\n")
    root = make(tmp_path, {"g.yaml": groups, "where.yaml": "conditions:\n" + conditions})
    assert problem_lines(root) == []
    assert load_ruleset(root).match_text("Quad: Japan navy drill", "").rule_ids == ()


def test_explain_shows_the_condition_by_name_and_part_by_part(tmp_path: Path) -> None:
    root = make(tmp_path, {"g.yaml": GROUPS})
    why = load_ruleset(root).explain("a", article_from_text("Quad: Japan navy drill", ""))
    assert not why.matched
    lines = why.render().splitlines()
    at = lines.index("    no   not multilateral")
    assert lines[at + 1:at + 6] == [
        f"      yes  multilateral = not top:pair and top:group   ({root}/groups/g.yaml:5)",
        "        yes  not top:pair",
        "          no   top:pair   (0 hits)",
        "        yes  top:group   (1 hit)",
        "exclude: nothing found",
    ]
    assert "  group   1 hit(s): Quad" in lines


def test_rules_test_and_explain_commands_use_conditions(tmp_path: Path) -> None:
    examples = ("examples:\n  match: ['Japan navy drill']\n"
                "  no_match: [{title: 'Quad: Japan navy drill'}]\n")
    root = make(tmp_path, {"g.yaml": GROUPS}, {"a": RULE.format(id="a") + examples})
    lines: list[str] = []
    assert cmd_test(root, lines.append) == 0
    assert lines == ["2 examples, 0 failed"]
    lines = []
    assert cmd_explain(root, "a", "Quad: Japan navy drill", "", lines.append) == 1
    assert "yes  multilateral = not top:pair and top:group" in "\n".join(lines)


ERROR_CASES: list[tuple[str, dict[str, str], dict[str, str] | None, str]] = [
    ("unknown condition listed", {"g.yaml": GROUPS}, rule("multilateral]", "multilaterl]"),
     "a.yaml:5: shared: unknown shared group or condition 'multilaterl' "
     "(did you mean 'multilateral'?)"),
    ("condition not listed", {"g.yaml": GROUPS}, rule("[forces, multilateral]", "[forces]"),
     "a.yaml:6: require: column 26: unknown group 'multilateral' "
     "(a shared condition: list it in shared:)"),
    ("a condition's group, not listed", {"g.yaml": GROUPS},
     rule("forces and not", "top:pair and not"),
     "a.yaml:6: require: column 15: unknown group 'pair' (a shared group: list it in shared:)"),
    ("a condition with a place", {"g.yaml": GROUPS},
     rule("not multilateral", "not top:multilateral"),
     "a.yaml:6: require: column 30: 'multilateral' is a condition, not a group: write it "
     "without top:"),
    ("a condition counted", {"g.yaml": GROUPS},
     rule("not multilateral", "count(multilateral) < 1"),
     "a.yaml:6: require: column 28: 'multilateral' is a condition, not a group: count() "
     "takes groups"),
    ("a condition in near()", {"g.yaml": GROUPS},
     rule("not multilateral", "near(forces, multilateral, 3)"),
     "a.yaml:6: require: column 35: 'multilateral' is a condition, not a group: near() "
     "takes groups"),
    ("also a group in terms", {"g.yaml": GROUPS},
     rule('["@japan"]', '["@japan"]\n  multilateral: [x]'),
     "a.yaml:6: shared: 'multilateral' is a group in terms and a shared condition"),
    ("its group also in terms", {"g.yaml": GROUPS},
     rule('["@japan"]', '["@japan"]\n  pair: [x]'),
     "a.yaml:6: shared: 'pair' is a group in terms and a shared group that condition "
     "'multilateral' uses (groups/g.yaml:5)"),
    ("syntax", {"g.yaml": GROUPS.replace("pair and", "pair and and")}, None,
     "groups/g.yaml:5: conditions.multilateral: column 18: expected a group name, "
     "found 'and'"),
    ("unknown group", {"g.yaml": GROUPS.replace("top:pair", "top:pairs")}, None,
     "groups/g.yaml:5: conditions.multilateral: column 9: unknown group 'pairs' "
     "(did you mean 'pair'?)"),
    ("a rule's own group", {"g.yaml": GROUPS.replace("top:group", "japan")}, None,
     "groups/g.yaml:5: conditions.multilateral: column 18: unknown group 'japan'; "
     "a condition uses the groups defined in groups/*.yaml"),
    ("uses a condition", {"g.yaml": GROUPS.replace("not top:pair", "pairless")
                          + "  pairless: not pair\n"}, None,
     "groups/g.yaml:5: conditions.multilateral: column 1: 'pairless' is a condition; "
     "a condition uses shared groups only"),
    ("also a group", {"g.yaml": GROUPS + "  forces: navy\n"}, None,
     "groups/g.yaml:6: conditions.forces: 'forces' is a shared group (groups/g.yaml:1) "
     "and a condition; rename one"),
    ("defined twice", {"g.yaml": GROUPS,
                       "h.yaml": "conditions:\n  x: forces\n  multilateral: group\n"}, None,
     "groups/h.yaml:3: conditions.multilateral: duplicate shared condition 'multilateral' "
     "(first in groups/g.yaml:5)"),
    ("not a mapping", {"g.yaml": GROUPS.partition("  multi")[0] + "  - top:group\n"}, None,
     "groups/g.yaml:4: conditions: must be a mapping of condition name → expression"),
    ("empty", {"g.yaml": GROUPS.partition("  multi")[0]}, None,
     "groups/g.yaml:4: conditions: must be a mapping of condition name → expression"),
    ("not an expression", {"g.yaml": GROUPS.replace("not top:pair and top:group", "[a, b]")},
     None, "groups/g.yaml:5: conditions.multilateral: a condition is an expression"),
    ("bad name", {"g.yaml": GROUPS + "  near: top:group\n"}, None,
     "groups/g.yaml:6: conditions.near: a condition name is a word"),
]


@pytest.mark.parametrize(("case", "groups", "rules", "expected"), ERROR_CASES,
                         ids=[c[0] for c in ERROR_CASES])
def test_errors_name_file_line_and_field(tmp_path: Path, case: str, groups: dict[str, str],
                                         rules: dict[str, str] | None, expected: str) -> None:
    assert_refused(make(tmp_path, groups, rules), expected)


def test_a_broken_condition_is_reported_once(tmp_path: Path) -> None:
    """Two rules list it; its own file's error is the only problem: no 'unknown' error in
    the rules, no 'used by no rule' warning for the groups it names."""
    root = make(tmp_path, {"g.yaml": GROUPS.replace("top:group", "top:group and top:armed")})
    assert problem_lines(root) == [
        "groups/g.yaml:5: conditions.multilateral: column 36: unknown group 'armed'; "
        "a condition uses the groups defined in groups/*.yaml",
    ]


WARNING_CASES: list[tuple[str, dict[str, str], dict[str, str] | None, str]] = [
    ("used by no rule", {"g.yaml": GROUPS + "  armed: top:forces\n"}, None,
     "warning: groups/g.yaml:6: conditions.armed: shared condition 'armed' is used by no rule"),
    ("listed, never required", {"g.yaml": GROUPS}, rule(" and not multilateral", ""),
     "warning: a.yaml:5: shared: shared condition 'multilateral' is never used in require"),
]


@pytest.mark.parametrize(("case", "groups", "rules", "expected"), WARNING_CASES,
                         ids=[c[0] for c in WARNING_CASES])
def test_warnings_do_not_stop_loading(tmp_path: Path, case: str, groups: dict[str, str],
                                      rules: dict[str, str] | None, expected: str) -> None:
    assert_only_warns(make(tmp_path, groups, rules), expected)


def test_an_edit_to_a_condition_reloads_every_rule_using_it(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    root = make(tmp_path, {"g.yaml": GROUPS})
    holder = RulesHolder(root)
    assert holder.current.match_text("Quad: Japan navy drill", "").rule_ids == ()
    rewrite(root / "groups" / "g.yaml", GROUPS.replace("top:group", "count(top:group) >= 2"))
    assert holder.reload_if_changed() is True
    assert holder.current.match_text("Quad: Japan navy drill", "").rule_ids == ("a", "b")
    # a broken edit: logged with its place, the rules in force stay in force
    rewrite(root / "groups" / "g.yaml", GROUPS.replace("top:group", "top:group)"))
    with caplog.at_level(logging.ERROR, logger="defwatch.rules"):
        assert holder.reload_if_changed() is False
    assert "groups/g.yaml:5: conditions.multilateral: column 27: expected 'and', 'or'" \
        in caplog.text
    assert holder.current.match_text("Quad: Japan navy drill", "").rule_ids == ("a", "b")


def test_the_bundled_pack_writes_the_multilateral_guard_once() -> None:
    ruleset = load_ruleset(DEFAULT_RULES)
    guarded = sorted(r.id for r in ruleset.rules.values() if "multilateral" in r.require)
    assert guarded == ["bilateral-defence", "india-australia", "india-japan", "india-us",
                       "japan-australia", "us-japan"]
    for rule_id in guarded:
        rule = ruleset.rules[rule_id]
        assert rule.require.endswith("and not multilateral"), rule_id
        assert {"quad", "several", "pairwise"} <= set(rule.groups), rule_id
