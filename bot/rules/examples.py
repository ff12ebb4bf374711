"""Running the `examples:` written in rule files: each must match, or must not."""

from __future__ import annotations

from dataclasses import dataclass

from bot.rules.ruleset import RuleSet, article_from_text

__all__ = ["ExampleFailure", "count_examples", "run_examples"]

_EXCERPT = 90


@dataclass(frozen=True)
class ExampleFailure:
    rule_id: str
    file: str
    line: int
    expected: bool  # True: the example should match
    got: bool
    example: str  # a short excerpt
    matched: dict[str, list[str]]  # group → words found
    missing: list[str]  # groups with nothing found
    excluded_by: list[str]
    reason: str

    def __str__(self) -> str:
        want = "match" if self.expected else "no match"
        got = "match" if self.got else "no match"
        found = "; ".join(f"{g}: {', '.join(words)}" for g, words in self.matched.items())
        out = [f"{self.file}:{self.line}: {self.rule_id}: expected {want}, got {got} "
               f"({self.reason})",
               f"  example: {self.example}",
               f"  matched: {found or 'nothing'}",
               f"  missing: {', '.join(self.missing) or 'nothing'}"]
        if self.excluded_by:
            out.append(f"  excluded by: {', '.join(self.excluded_by)}")
        return "\n".join(out)


def _excerpt(title: str, text: str) -> str:
    flat = " ".join(f"{title} | {text}".split()) if title else " ".join(text.split())
    return flat if len(flat) <= _EXCERPT else flat[: _EXCERPT - 1] + "…"


def count_examples(ruleset: RuleSet) -> int:
    return sum(len(rule.examples) for rule in ruleset.rules.values())


def run_examples(ruleset: RuleSet) -> list[ExampleFailure]:
    """Every example whose verdict differs from what its rule file expects."""
    failures: list[ExampleFailure] = []
    for rule_id in sorted(ruleset.rules):
        rule = ruleset.rules[rule_id]
        for example in rule.examples:
            why = ruleset.explain(rule_id, article_from_text(example.title, example.text))
            if why.matched == example.expect:
                continue
            failures.append(ExampleFailure(
                rule_id, rule.file, example.line, example.expect, why.matched,
                _excerpt(example.title, example.text), why.matched_terms, why.missing_groups,
                list(dict.fromkeys(r.hit.text for r in why.excluded_by)), why.reason))
    return failures
