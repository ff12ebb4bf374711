"""Every loader problem names its file, line and field; load_ruleset reports them all."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import RuleError, RuleProblem
from bot.rules import check_rules, load_ruleset
from tests.bot.rules.helpers import LEXICON, one_rule, write_dir

GOOD = """\
id: good
title: Good rule
terms:
  japan: ["@japan"]
  navy: [navy]
require: japan and navy
"""


def problems_of(tmp_path: Path, files: dict[str, str],
                lexicon: dict[str, str] | None = None) -> list[str]:
    root = write_dir(tmp_path / "rules", files)
    for name, text in (lexicon or {}).items():
        (root / "lexicon" / name).write_text(text, encoding="utf-8")
    return [("warning: " if p.severity == "warning" else "") + str(p)
            for p in check_rules(root)]


def rel(tmp_path: Path, lines: list[str]) -> list[str]:
    """Problems with the directory prefix taken off, for readable expectations."""
    prefix = str(tmp_path / "rules") + "/"
    return [line.replace(prefix, "") for line in lines]


RULE_CASES: list[tuple[str, str, str]] = [
    ("yaml syntax", "id: x\ntitle: [unclosed\nterms: {}\n",
     "x.yaml:2: YAML syntax: a [list] opened here is not closed"),
    ("missing key", "id: x\ntitle: X\nterms:\n  a: [navy]\n",
     "x.yaml:1: require: required key is missing"),
    ("unknown key", GOOD.replace("good", "x").replace("require:", "requires:"),
     "x.yaml:6: requires: unknown key (did you mean 'require'?)"),
    ("unknown group", GOOD.replace("good", "x").replace("japan and navy", "jpan and navy"),
     "x.yaml:6: require: column 1: unknown group 'jpan' (did you mean 'japan'?)"),
    ("bad expression", GOOD.replace("good", "x").replace("japan and navy", "japan and (navy"),
     "x.yaml:6: require: column 16: expected ')', found the end"),
    ("unknown lexicon ref", GOOD.replace("good", "x").replace("@japan", "@jpan"),
     "x.yaml:4: terms.japan: unknown lexicon entry '@jpan' (did you mean 'japan'?)"),
    ("unknown lexicon kind", GOOD.replace("good", "x").replace("@japan", "@countries:*"),
     "x.yaml:4: terms.japan: unknown lexicon kind 'countries' in '@countries:*'"),
    ("unknown country", GOOD.replace("good", "x").replace("@japan", "@person:jpan"),
     "x.yaml:4: terms.japan: unknown country 'jpan' in '@person:jpan'"),
    ("bad ref syntax", GOOD.replace("good", "x").replace("@japan", "@Japan Navy"),
     "x.yaml:4: terms.japan: '@Japan Navy': a lexicon reference is"),
    ("empty group", GOOD.replace("good", "x").replace("[navy]", "[]"),
     "x.yaml:5: terms.navy: empty group: list at least one term"),
    ("regex term", GOOD.replace("good", "x").replace("[navy]", "[navy, 're:nav(y|ies)']"),
     "x.yaml:5: terms.navy: 're:nav(y|ies)': regular expressions are not supported"),
    ("term without letters", GOOD.replace("good", "x").replace("[navy]", "[navy, '--']"),
     "x.yaml:5: terms.navy: '--' has no letters or digits to match"),
    ("reserved group name", GOOD.replace("good", "x").replace("navy: [navy]", "and: [navy]"),
     "x.yaml:5: terms.and: a group name is a word"),
    ("bad scope", GOOD.replace("good", "x") + "scope: [title, body]\n",
     "x.yaml:7: scope: unknown scope 'body'; use any of title, lead, text"),
    ("bad min_score", GOOD.replace("good", "x") + "min_score: lots\n",
     "x.yaml:7: min_score: must be a number >= 0"),
    ("one party", GOOD.replace("good", "x") + "parties: [japan]\n",
     "x.yaml:7: parties: list the two states of the pair, as lexicon country ids: "
     "[india, japan]"),
    ("unknown party", GOOD.replace("good", "x") + "parties: [japan, atlantis]\n",
     "x.yaml:7: parties: 'atlantis' is no country of the lexicon"),
    ("bad example", GOOD.replace("good", "x") + "examples:\n  match:\n    - 42\n",
     "x.yaml:9: examples.match[0]: an example is a string"),
    ("unknown example key", GOOD.replace("good", "x") + "examples:\n  matches: []\n",
     "x.yaml:8: examples.matches: unknown key (did you mean 'match'?)"),
    ("bad id", GOOD.replace("id: good", "id: Good Rule"),
     "x.yaml:1: id: an id is lowercase letters, digits and hyphens"),
    ("not a mapping", "- a\n- b\n", "x.yaml:1: a rule file is a mapping"),
]


@pytest.mark.parametrize(("case", "text", "expected"), RULE_CASES,
                         ids=[c[0] for c in RULE_CASES])
def test_rule_file_errors(tmp_path: Path, case: str, text: str, expected: str) -> None:
    found = rel(tmp_path, problems_of(tmp_path, {"x": text}))
    assert any(line.startswith(expected) for line in found), found


WARNING_CASES: list[tuple[str, str, str]] = [
    ("id differs from file", GOOD, "warning: x.yaml:1: id: id 'good' differs from the file name"),
    ("unused group", GOOD.replace("good", "x").replace("japan and navy", "japan"),
     "warning: x.yaml:5: terms.navy: group 'navy' is never used in require"),
    ("always true", GOOD.replace("good", "x").replace("japan and navy", "not japan or navy"),
     "warning: x.yaml:1: require: holds for an article that contains none of the terms"),
    ("ref naming nothing", GOOD.replace("good", "x").replace("@japan", "@agreement:us"),
     "warning: x.yaml:4: terms.japan: '@agreement:us' names no lexicon entry"),
]


@pytest.mark.parametrize(("case", "text", "expected"), WARNING_CASES,
                         ids=[c[0] for c in WARNING_CASES])
def test_rule_file_warnings_do_not_stop_loading(tmp_path: Path, case: str, text: str,
                                                expected: str) -> None:
    found = rel(tmp_path, problems_of(tmp_path, {"x": text}))
    assert any(line.startswith(expected) for line in found), found
    assert all(line.startswith("warning: ") for line in found)
    load_ruleset(tmp_path / "rules")


LEXICON_CASES: list[tuple[str, str, str]] = [
    ("unknown key", "kishi-nobuo:\n  name: Kishi Nobuo\n  country: japan\n  alias: [Kishi]\n",
     "lexicon/people.yaml:4: kishi-nobuo.alias: unknown key (did you mean 'aliases'?)"),
    ("missing name", "kishi-nobuo:\n  aliases: [Kishi]\n",
     "lexicon/people.yaml:1: kishi-nobuo: a canonical `name:` is required"),
    ("unknown country", "kishi-nobuo:\n  name: Kishi Nobuo\n  country: jpan\n",
     "lexicon/people.yaml:3: kishi-nobuo.country: unknown country 'jpan' (did you mean 'japan'?)"),
    ("bad id", "Kishi Nobuo:\n  name: Kishi Nobuo\n",
     "lexicon/people.yaml:1: Kishi Nobuo: entry ids are lowercase"),
    ("countries key on a person", "kishi-nobuo:\n  name: Kishi\n  countries: [japan]\n",
     "lexicon/people.yaml:3: kishi-nobuo.countries: unknown key (did you mean 'country'?)"),
    ("cities key on a person", "kishi-nobuo:\n  name: Kishi\n  cities: [Tokyo]\n",
     "lexicon/people.yaml:3: kishi-nobuo.cities: unknown key"),
    ("alias without letters", "kishi-nobuo:\n  name: Kishi Nobuo\n  aliases: ['...']\n",
     "lexicon/people.yaml:3: kishi-nobuo.aliases: '...' has no letters or digits"),
    ("mask that masks nothing", "kishi-nobuo:\n  name: Kishi Nobuo\n  not: [Kishida]\n",
     "warning: lexicon/people.yaml:3: kishi-nobuo.not: 'Kishida' contains no alias"),
    ("yaml syntax", "kishi-nobuo:\n  name: [Kishi\n", "lexicon/people.yaml:2: YAML syntax: "),
]


@pytest.mark.parametrize(("case", "text", "expected"), LEXICON_CASES,
                         ids=[c[0] for c in LEXICON_CASES])
def test_lexicon_errors(tmp_path: Path, case: str, text: str, expected: str) -> None:
    found = rel(tmp_path, problems_of(tmp_path, {"good": GOOD}, {"people.yaml": text}))
    assert any(line.startswith(expected) for line in found), found


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    files = {"a": GOOD.replace("id: good", "id: same"), "b": GOOD.replace("id: good", "id: same")}
    found = rel(tmp_path, problems_of(tmp_path, files))
    assert "b.yaml:1: id: duplicate rule id 'same' (first in " in found[-1]
    assert found[-1].endswith("a.yaml:1)")


def test_duplicate_lexicon_ids_across_files(tmp_path: Path) -> None:
    found = rel(tmp_path, problems_of(tmp_path, {"good": GOOD},
                                      {"exercises.yaml": "japan:\n  name: Japan\n"}))
    assert any(line.startswith("lexicon/exercises.yaml:1: japan: duplicate entry id 'japan'")
               for line in found), found


def test_unknown_lexicon_file(tmp_path: Path) -> None:
    found = rel(tmp_path, problems_of(tmp_path, {"good": GOOD}, {"ships.yaml": "{}"}))
    assert any(line.startswith("lexicon/ships.yaml:1: unknown lexicon file") for line in found)


def test_sources_yaml_is_not_a_rule(tmp_path: Path) -> None:
    found = problems_of(tmp_path, {"good": GOOD, "sources": "- id: pib\n  kind: rss\n"})
    assert found == []


def test_an_empty_directory_is_an_error(tmp_path: Path) -> None:
    found = rel(tmp_path, problems_of(tmp_path, {}))
    assert found == [str(tmp_path / "rules") + ":1: no topic rules (*.yaml) here"]


def test_missing_directory_is_reported_not_raised(tmp_path: Path) -> None:
    (problem,) = check_rules(tmp_path / "nowhere")
    assert problem.message == "rules folder or file not found"


def test_load_ruleset_raises_with_every_problem(tmp_path: Path) -> None:
    bad_a = GOOD.replace("id: good", "id: a").replace("@japan", "@jpan")
    bad_b = GOOD.replace("id: good", "id: b").replace("japan and navy", "japan and")
    root = write_dir(tmp_path / "rules", {"a": bad_a, "b": bad_b})
    with pytest.raises(RuleError) as caught:
        load_ruleset(root)
    errors = [p for p in caught.value.problems if p.severity == "error"]
    assert [(Path(p.file).name, p.line, p.field) for p in errors] == [
        ("a.yaml", 4, "terms.japan"), ("b.yaml", 6, "require")]
    assert "a.yaml:4: terms.japan: unknown lexicon entry '@jpan'" in str(caught.value)


def test_reference_errors_are_found_in_files_with_other_errors(tmp_path: Path) -> None:
    text = GOOD.replace("id: good", "id: x").replace("@japan", "@jpan") + "min_score: -1\n"
    found = rel(tmp_path, problems_of(tmp_path, {"x": text}))
    assert [line.split(": ")[0:2] for line in found] == [
        ["x.yaml:4", "terms.japan"], ["x.yaml:7", "min_score"]]


def test_problems_are_values(tmp_path: Path) -> None:
    root = write_dir(tmp_path / "rules", {"t": one_rule({"a": ["@jpan"]}, "a")})
    (problem,) = check_rules(root)
    assert problem == RuleProblem(str(root / "t.yaml"), 1, "terms.a",
                                  "unknown lexicon entry '@jpan' (did you mean 'japan'?)")


def test_version_is_a_short_content_hash(tmp_path: Path) -> None:
    root = write_dir(tmp_path / "rules", {"t": one_rule({"a": ["navy"]}, "a")})
    first = load_ruleset(root).version
    assert len(first) == 12
    assert load_ruleset(root).version == first
    (root / "lexicon" / "people.yaml").write_text(
        '{"x": {"name": "X Y", "country": "japan"}}', encoding="utf-8")
    assert load_ruleset(root).version != first
    assert set(LEXICON) == {"countries", "people", "agreements", "exercises"}
