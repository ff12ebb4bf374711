"""`rules check`, `rules test` and `rules explain` as the CLI runs them: lines and exit codes."""

from __future__ import annotations

from pathlib import Path

from bot.rules import cmd_check, cmd_explain, cmd_test
from tests.bot.rules.helpers import DEFAULT_RULES, one_rule, write_dir


def run(fn: object, *args: object) -> tuple[int, list[str]]:
    lines: list[str] = []
    code = fn(*args, lines.append)  # type: ignore[operator]
    return code, "\n".join(lines).splitlines()


def test_check_clean_pack() -> None:
    code, lines = run(cmd_check, DEFAULT_RULES)
    assert code == 0
    assert lines == [f"{DEFAULT_RULES}: 0 error(s), 0 warning(s)"]


def test_check_prints_file_line_field_and_fails_on_errors(tmp_path: Path) -> None:
    root = write_dir(tmp_path, {"t": "id: t\ntitle: T\nterms:\n  a: [navy]\n  b: [army]\n"
                                     "require: a and c\n"})
    code, lines = run(cmd_check, root)
    assert code == 1
    assert lines == [
        f"warning: {root}/t.yaml:5: terms.b: group 'b' is never used in require",
        f"{root}/t.yaml:6: require: column 7: unknown group 'c'",
        f"{root}: 1 error(s), 1 warning(s)",
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
    assert "  malabar  (nothing found)" in lines
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
