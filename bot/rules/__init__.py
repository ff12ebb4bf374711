"""Topic rules: YAML files users edit, compiled into one matcher for every article.

Public surface (the CLI and the pipeline use only this):

    load_ruleset(path) -> RuleSet          raises RuleError listing every problem
    check_rules(path) -> list[RuleProblem] errors and warnings, never raises for content
    RuleSet.match(article) -> MatchResult  RuleSet.match_text(title, text)
    RuleSet.explain(rule_id, article) -> Explanation (.render())
    run_examples(ruleset) -> list[ExampleFailure]
    cmd_check / cmd_test / cmd_explain     for `defwatch rules ...`
"""

from bot.rules.examples import ExampleFailure, count_examples, run_examples
from bot.rules.explain import Explanation, HitReport
from bot.rules.lexicon import Lexicon, LexiconEntry
from bot.rules.loader import check_rules, load_ruleset
from bot.rules.ruleset import Rule, RuleSet, article_from_text
from bot.rules.tooling import cmd_check, cmd_explain, cmd_test

__all__ = [
    "ExampleFailure",
    "Explanation",
    "HitReport",
    "Lexicon",
    "LexiconEntry",
    "Rule",
    "RuleSet",
    "article_from_text",
    "check_rules",
    "cmd_check",
    "cmd_explain",
    "cmd_test",
    "count_examples",
    "load_ruleset",
    "run_examples",
]
