"""`rules check`, `rules test` and `rules explain` as the CLI runs them: lines and exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli.main import main
from bot.rules import cmd_check, cmd_explain, cmd_test
from tests.bot.rules.helpers import DEFAULT_RULES, one_rule, write_dir, write_groups


def run(fn: object, *args: object) -> tuple[int, list[str]]:
    lines: list[str] = []
    code = fn(*args, lines.append)  # type: ignore[operator]
    return code, "\n".join(lines).splitlines()


def test_check_clean_pack() -> None:
    code, lines = run(cmd_check, DEFAULT_RULES)
    assert code == 0
    (line,) = lines
    assert line.startswith(f"{DEFAULT_RULES}: ")
    assert line.endswith("; 0 error(s), 0 warning(s)")


def test_check_prints_file_line_field_and_fails_on_errors(tmp_path: Path) -> None:
    root = write_dir(tmp_path, {"t": "id: t\ntitle: T\nterms:\n  a: [navy]\n  b: [army]\n"
                                     "require: a and c\n"})
    code, lines = run(cmd_check, root)
    assert code == 1
    assert lines == [
        f"warning: {root}/t.yaml:5: terms.b: group 'b' is never used in require",
        f"{root}/t.yaml:6: require: column 7: unknown group 'c'",
        f"{root}: 0 rule(s), 0 shared group(s), 9 lexicon entries; 1 error(s), 1 warning(s)",
    ]


def test_check_passes_with_warnings_only(tmp_path: Path) -> None:
    root = write_dir(tmp_path, {"x": one_rule({"a": ["navy"]}, "a")})  # id "t" in x.yaml
    code, lines = run(cmd_check, root)
    assert code == 0
    assert lines[0].startswith(f"warning: {root}/x.yaml:1: id: id 't' differs")


def test_test_runs_the_default_examples() -> None:
    code, lines = run(cmd_test, DEFAULT_RULES)
    assert code == 0
    assert lines[-1].endswith(" examples, 0 failed")
    assert int(lines[-1].split()[0]) >= 40


def test_test_reports_failures_with_matched_and_missing_terms(tmp_path: Path) -> None:
    rule = ("id: t\ntitle: T\nterms:\n  japan: ['@japan']\n  navy: [navy]\n"
            "require: japan and navy\nexamples:\n  match:\n    - Japan sent ships\n"
            "  no_match:\n    - The Japanese navy, JMSDF\n")
    root = write_dir(tmp_path, {"t": rule})
    code, lines = run(cmd_test, root)
    assert code == 1
    assert lines == [
        f"{root}/t.yaml:9: t: expected match, got no match (require does not hold)",
        "  example: Japan sent ships",
        "  matched: japan: Japan",
        "  missing: navy",
        f"{root}/t.yaml:11: t: expected no match, got match "
        "(require holds and nothing excluded it)",
        "  example: The Japanese navy, JMSDF",
        "  matched: japan: Japanese, JMSDF; navy: navy",
        "  missing: nothing",
        "2 examples, 2 failed",
    ]


def test_test_fails_when_rules_do_not_load(tmp_path: Path) -> None:
    root = write_dir(tmp_path, {"t": one_rule({"a": ["@nowhere"]}, "a")})
    code, lines = run(cmd_test, root)
    assert code == 1
    assert lines == [f"{root}/t.yaml:1: terms.a: unknown lexicon entry '@nowhere'"]


def test_explain_renders_the_verdict() -> None:
    code, lines = run(cmd_explain, DEFAULT_RULES, "malabar", "Flats on Malabar Hill",
                      "India and Japan buyers queue for Malabar Hill flats near the navy base.")
    assert code == 1
    assert lines[1] == "verdict: no match — require does not hold"
    assert ["malabar", "(nothing", "found)"] in [line.split() for line in lines]
    code, lines = run(cmd_explain, DEFAULT_RULES, "malabar", "MALABAR 2020 begins",
                      "The navies of India, Japan, the US and Australia sailed.")
    assert code == 0
    assert lines[1] == "verdict: MATCH — require holds and nothing excluded it"
    assert any("title@0: [MALABAR 2020] begins" in line for line in lines)


def test_explain_names_the_excluding_term(tmp_path: Path) -> None:
    root = write_dir(tmp_path, {"t": one_rule({"a": ["@japan"]}, "a", exclude=["cricket"])})
    code, lines = run(cmd_explain, root, "t", "Japan cricket", "")
    assert code == 1
    assert lines[1] == "verdict: no match — excluded by 'cricket' (cricket)"
    assert "excluded by:" in lines


def test_explain_unknown_rule() -> None:
    code, lines = run(cmd_explain, DEFAULT_RULES, "india-jpan", "", "")
    assert code == 2
    assert lines[0].startswith("no rule 'india-jpan'; known: acsa, bilateral-defence")


def test_check_says_what_it_loaded(tmp_path: Path) -> None:
    root = write_dir(tmp_path, {"t": one_rule({"a": ["@japan"]}, "a"),
                                "u": {**one_rule({"a": ["navy"]}, "a"), "id": "u"}})
    write_groups(root, {"g.yaml": "quad: [Quad]\nconditions:\n  q: quad\n"})
    code, lines = run(cmd_check, root)
    assert code == 0
    assert lines[-1] == (f"{root}: 2 rule(s), 2 shared group(s), 9 lexicon entries; "
                         "0 error(s), 1 warning(s)")  # condition q unused


@pytest.mark.parametrize("term", ["missile(s)?", "BrahMos.*", "navy|army", "[Mm]issile",
                                  "\\bnavy", "BrahMos.+"])
def test_check_warns_that_a_regex_like_term_is_literal(tmp_path: Path, term: str) -> None:
    root = write_dir(tmp_path, {"t": one_rule({"a": ["@japan"], "w": ["navy", term]},
                                              "a and w")})
    code, lines = run(cmd_check, root)
    assert code == 0  # a warning: the rule still loads
    assert lines[0] == (f"warning: {root}/t.yaml:1: terms.w: {term!r} looks like a regular "
                        "expression, but terms are literal words and never match as "
                        "patterns; list each spelling instead (e.g. missile, missiles)")


@pytest.mark.parametrize("term", ["2+2", "U.S.", "Ministry of Defence (MoD)", "C++"])
def test_ordinary_punctuation_is_not_taken_for_a_regex(tmp_path: Path, term: str) -> None:
    root = write_dir(tmp_path, {"t": one_rule({"a": ["@japan"], "w": [term]}, "a and w")})
    assert run(cmd_check, root) == (0, [
        f"{root}: 1 rule(s), 0 shared group(s), 9 lexicon entries; 0 error(s), 0 warning(s)"])


def test_a_regex_like_lexicon_alias_is_warned_about(tmp_path: Path) -> None:
    lexicon = {"countries": {"japan": {"name": "Japan", "aliases": ["Japan(ese)?"]}}}
    root = write_dir(tmp_path, {"t": one_rule({"a": ["@japan"]}, "a")}, lexicon)
    code, lines = run(cmd_check, root)
    assert code == 0
    assert lines[0].startswith(f"warning: {root}/lexicon/countries.yaml:1: japan.aliases: "
                               "'Japan(ese)?' looks like a regular expression")


def test_every_rules_command_takes_one_rule_file(tmp_path: Path) -> None:
    rule = ("id: t\ntitle: T\nterms:\n  japan: ['@japan']\n  navy: [navy]\n"
            "require: japan and navy\nexamples:\n  match:\n    - The Japanese navy\n")
    root = write_dir(tmp_path, {"t": rule, "broken": "id: broken\nrequire: nothing\n"})
    write_groups(root, {"g.yaml": "quad: [Quad]\n"})  # unused by t: no warning for one file
    one = root / "t.yaml"
    assert run(cmd_check, one) == (0, [
        f"{one}: 1 rule(s), 1 shared group(s), 9 lexicon entries; 0 error(s), 0 warning(s)"])
    assert run(cmd_test, one) == (0, ["1 examples, 0 failed"])
    code, lines = run(cmd_explain, one, "t", "Japanese navy ships", "")
    assert code == 0
    assert lines[1] == "verdict: MATCH — require holds and nothing excluded it"
    assert run(cmd_check, root)[0] == 1  # the folder holds the broken file too


def test_a_file_that_is_not_a_rule_is_refused(tmp_path: Path) -> None:
    root = write_dir(tmp_path, {"t": one_rule({"a": ["@japan"]}, "a")})
    (root / "sources.yaml").write_text("sources: []\n", encoding="utf-8")
    code, lines = run(cmd_check, root / "sources.yaml")
    assert code == 1
    assert lines[0] == (f"{root}/sources.yaml:1: not a rule file: name a rules folder or "
                        "one topic rule (*.yaml)")
    code, lines = run(cmd_test, tmp_path / "nowhere")
    assert (code, lines) == (1, [f"{tmp_path}/nowhere:1: rules folder or file not found"])


def test_test_does_not_call_a_guard_group_missing(tmp_path: Path) -> None:
    rule = ("id: t\ntitle: T\nterms:\n  japan: ['@japan']\n  navy: [navy]\n"
            "  sport: [cricket]\nrequire: japan and navy and not sport\n"
            "examples:\n  match:\n    - Japan sent ships\n")
    root = write_dir(tmp_path, {"t": rule})
    code, lines = run(cmd_test, root)
    assert code == 1
    assert "  missing: navy" in lines  # not "navy, sport": sport only ever stops a match
    code, lines = run(cmd_explain, root, "t", "Japan sent ships", "")
    assert "  sport  (nothing found, a guard: its hits only stop a match)" in lines


def test_the_explain_command_takes_a_rules_folder_or_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no defwatch.yaml here: built-in defaults
    monkeypatch.delenv("DEFWATCH_CONFIG", raising=False)
    root = write_dir(tmp_path / "myrules", {"t": one_rule({"a": ["@japan"]}, "a")})
    page = tmp_path / "page.txt"
    page.write_text("Japan sent ships\n\nThe navy of Japan sailed north.\n", encoding="utf-8")
    for rules in (root, root / "t.yaml"):
        assert main(["rules", "explain", "t", "--rules", str(rules), "--file", str(page)]) == 0
        assert "verdict: MATCH" in capsys.readouterr().out
