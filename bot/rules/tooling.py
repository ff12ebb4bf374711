"""`defwatch rules check|test|explain`: exit codes and printed lines; the CLI wires them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bot.errors import RuleError
from bot.rules.examples import count_examples, run_examples
from bot.rules.loader import load_ruleset, read_rules
from bot.rules.ruleset import article_from_text

__all__ = ["cmd_check", "cmd_explain", "cmd_test"]

Write = Callable[[str], None]


def _line(problem: object) -> str:
    text = str(problem)
    return f"warning: {text}" if getattr(problem, "severity", "error") == "warning" else text


def cmd_check(path: Path, write: Write) -> int:
    """Print every problem as FILE:LINE: field: message, then what was read; 1 if any
    problem is an error."""
    loaded = read_rules(path)
    problems = loaded.problems
    for problem in problems:
        write(_line(problem))
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    write(f"{path}: {loaded.rules} rule(s), {loaded.shared_groups} shared group(s), "
          f"{loaded.lexicon_entries} lexicon entries; {errors} error(s), "
          f"{warnings} warning(s)")
    return 1 if errors else 0


def cmd_test(path: Path, write: Write) -> int:
    """Run every rule's examples; 1 if the rules do not load or an example fails."""
    try:
        ruleset = load_ruleset(path)
    except RuleError as exc:
        for problem in exc.problems:
            write(_line(problem))
        return 1
    failures = run_examples(ruleset)
    for failure in failures:
        write(str(failure))
    write(f"{count_examples(ruleset)} examples, {len(failures)} failed")
    return 1 if failures else 0


def cmd_explain(path: Path, rule_id: str, title: str, text: str, write: Write) -> int:
    """Explain one rule's verdict on a page; 0 when it matches, 1 when not, 2 on bad input."""
    try:
        ruleset = load_ruleset(path)
    except RuleError as exc:
        for problem in exc.problems:
            write(_line(problem))
        return 2
    if rule_id not in ruleset.rules:
        write(f"no rule {rule_id!r}; known: {', '.join(sorted(ruleset.rules))}")
        return 2
    explanation = ruleset.explain(rule_id, article_from_text(title, text))
    write(explanation.render())
    return 0 if explanation.matched else 1
