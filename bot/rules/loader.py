"""Loading a rules directory: topic rules (*.yaml), lexicon/ and groups/, validated
together. One rule file may be named instead: it is read with its folder's lexicon/ and
groups/, alone."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from bot.config.yamlevents import load_yaml_fast
from bot.config.yamlfile import YamlLoad, load_yaml
from bot.errors import RuleError, RuleProblem
from bot.rules.compile import check_refs, compile_rules
from bot.rules.lexicon import load_lexicon
from bot.rules.problems import has_errors
from bot.rules.ruleset import Rule, RuleSet
from bot.rules.schema import RuleSpec, read_rule
from bot.rules.shared import GROUPS_DIR, load_shared

__all__ = ["Loaded", "check_rules", "load_ruleset", "read_rules"]

NOT_RULES = frozenset({"sources.yaml"})  # lives next to the rules, is not one


@dataclass(frozen=True)
class Loaded:
    """What a rules folder (or one rule file) gave: the rule set (None on errors), every
    problem, and what was read, for `rules check` to say."""

    ruleset: RuleSet | None
    problems: list[RuleProblem]
    rules: int = 0  # topic rules read without errors
    shared_groups: int = 0  # groups/ term groups and conditions
    lexicon_entries: int = 0


def _rule_files(path: Path) -> tuple[list[Path], list[RuleProblem]]:
    problems: list[RuleProblem] = []
    if path.is_file():
        if path.suffix not in (".yaml", ".yml") or path.name in NOT_RULES:
            return [], [RuleProblem(str(path), 1, "", "not a rule file: name a rules "
                                    "folder or one topic rule (*.yaml)")]
        return [path], problems
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


def read_rules(path: Path) -> Loaded:
    """Read a rules folder, or one rule file with its folder's lexicon/ and groups/."""
    loaded = _read(path, load_yaml_fast)
    # Read fast, the YAML gives the same values and lines (bot/config/yamlevents.py);
    # a folder with problems is read again as it always was, so that each problem reads
    # to the letter as before whatever the two readers may differ in
    return _read(path, load_yaml) if loaded.problems else loaded


def _read(path: Path, load: YamlLoad) -> Loaded:
    if not path.exists():
        return Loaded(None, [RuleProblem(str(path), 1, "", "rules folder or file not found")])
    folder = path if path.is_dir() else path.parent
    lexicon, problems = load_lexicon(folder / "lexicon", load)
    shared, shared_problems = load_shared(folder / GROUPS_DIR, load)
    files, file_problems = _rule_files(path)
    problems += shared_problems + file_problems
    specs: dict[str, RuleSpec] = {}
    listed: set[str] = set()
    for file in files:
        read = read_rule(file, shared, load)
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
        problems += [RuleProblem(spec.file, spec.parties_line, "parties",
                                 f"{state!r} is no country of the lexicon")
                     for state in spec.parties
                     if (entry := lexicon.get(state)) is None or entry.kind != "country"]
        specs[spec.id] = spec
    compiled, compile_problems = compile_rules(specs.values(), lexicon, shared.lookalikes)
    problems += compile_problems
    problems += check_refs((t for g in shared.groups.values() for t in g.terms), lexicon)
    if path.is_dir():  # one file alone uses few of the shared groups: no warning then
        problems += shared.unused(listed)
    # a shared group's terms are compiled with every rule that lists it: report each once
    problems = list(dict.fromkeys(problems))
    problems.sort(key=lambda p: (p.file, p.line))  # stable: same line keeps finding order
    counts = (len(specs), len(shared.groups) + len(shared.conditions), len(lexicon.entries))
    if has_errors(problems):
        return Loaded(None, problems, *counts)
    rules = {s.id: Rule(s.id, s.title, s.description, s.file, s.line, s.require, s.scope,
                        s.min_score, tuple(s.groups), tuple(s.examples),
                        tuple(lexicon.name_of(c) for c in s.parties))
             for s in specs.values()}
    lexicon_files = sorted((folder / "lexicon").glob("*.yaml"))
    version = _version(folder, files + lexicon_files + list(shared.files))
    return Loaded(RuleSet(rules, compiled, lexicon, version, problems), problems, *counts)


def load_ruleset(path: Path) -> RuleSet:
    """Load and compile a rules folder (or one rule file); RuleError lists every problem
    (with warnings)."""
    loaded = read_rules(path)
    if loaded.ruleset is None:
        raise RuleError(loaded.problems)
    return loaded.ruleset


def check_rules(path: Path) -> list[RuleProblem]:
    """Every error and warning of a rules folder or file; never raises for bad content."""
    return read_rules(path).problems
