"""Loading a rules directory: topic rules (*.yaml), lexicon/ and groups/, validated
together."""

from __future__ import annotations

import hashlib
from pathlib import Path

from bot.errors import RuleError, RuleProblem
from bot.rules.compile import check_refs, compile_rules
from bot.rules.lexicon import load_lexicon
from bot.rules.problems import has_errors
from bot.rules.ruleset import Rule, RuleSet
from bot.rules.schema import RuleSpec, read_rule
from bot.rules.shared import GROUPS_DIR, load_shared

__all__ = ["check_rules", "load_ruleset"]

NOT_RULES = frozenset({"sources.yaml"})  # lives next to the rules, is not one


def _rule_files(path: Path) -> tuple[list[Path], list[RuleProblem]]:
    problems: list[RuleProblem] = []
    files = [f for f in sorted(path.glob("*.yaml")) if f.name not in NOT_RULES]
    for stray in sorted(path.glob("*.yml")):
        problems.append(RuleProblem(str(stray), 1, "", "ignored: rule files end in .yaml",
                                    severity="warning"))
    if not files:
        problems.append(RuleProblem(str(path), 1, "", "no topic rules (*.yaml) here"))
    return files, problems


def _version(path: Path, files: list[Path]) -> str:
    digest = hashlib.sha256()
    for f in sorted(files):
        digest.update(str(f.relative_to(path)).encode())
        try:
            digest.update(f.read_bytes())
        except OSError:
            continue
    return digest.hexdigest()[:12]


def _load(path: Path) -> tuple[RuleSet | None, list[RuleProblem]]:
    if not path.is_dir():
        return None, [RuleProblem(str(path), 1, "", "rules directory not found")]
    lexicon, problems = load_lexicon(path / "lexicon")
    shared, shared_problems = load_shared(path / GROUPS_DIR)
    files, file_problems = _rule_files(path)
    problems += shared_problems + file_problems
    specs: dict[str, RuleSpec] = {}
    listed: set[str] = set()
    for file in files:
        read = read_rule(file, shared)
        problems += read.problems
        listed.update(read.shared)
        spec = read.spec
        if spec is None:
            problems += check_refs(read.terms, lexicon)
            continue
        if spec.id in specs:
            first = specs[spec.id]
            problems.append(RuleProblem(spec.file, spec.line, "id", (
                f"duplicate rule id {spec.id!r} (first in {first.file}:{first.line})")))
            continue
        specs[spec.id] = spec
    compiled, compile_problems = compile_rules(specs.values(), lexicon)
    problems += compile_problems
    problems += check_refs((t for g in shared.groups.values() for t in g.terms), lexicon)
    problems += shared.unused(listed)
    # a shared group's terms are compiled with every rule that lists it: report each once
    problems = list(dict.fromkeys(problems))
    problems.sort(key=lambda p: (p.file, p.line))  # stable: same line keeps finding order
    if has_errors(problems):
        return None, problems
    rules = {s.id: Rule(s.id, s.title, s.description, s.file, s.line, s.require, s.scope,
                        s.min_score, tuple(s.groups), tuple(s.examples))
             for s in specs.values()}
    lexicon_files = sorted((path / "lexicon").glob("*.yaml"))
    version = _version(path, files + lexicon_files + list(shared.files))
    return RuleSet(rules, compiled, lexicon, version, problems), problems


def load_ruleset(path: Path) -> RuleSet:
    """Load and compile a rules directory; RuleError lists every problem (with warnings)."""
    ruleset, problems = _load(path)
    if ruleset is None:
        raise RuleError(problems)
    return ruleset


def check_rules(path: Path) -> list[RuleProblem]:
    """Every error and warning of a rules directory; never raises for bad content."""
    return _load(path)[1]
