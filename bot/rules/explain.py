"""Why an article matches a rule or not: hits with snippets, the require trace, the verdict."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.models import Hit
from bot.rules.environment import RuleEnv
from bot.rules.evaluate import WORD, WRITTEN, Trace, trace
from bot.rules.scan import ScopeScan

__all__ = ["Explanation", "HitReport", "build_explanation"]

_CONTEXT = 40
_SHOWN = 6  # hits listed per group before "+N more"


@dataclass(frozen=True)
class HitReport:
    hit: Hit
    snippet: str  # the hit in [brackets] with some words around it

    def line(self) -> str:
        return f"{self.hit.scope}@{self.hit.start}: {self.snippet}"


@dataclass(frozen=True)
class Explanation:
    rule_id: str
    file: str
    line: int
    require: str
    groups: Mapping[str, tuple[HitReport, ...]]  # every group, in file order, maybe empty
    trace: Trace
    excluded_by: tuple[HitReport, ...]
    score: float
    min_score: float | None
    matched: bool
    reason: str
    # groups used only to stop a match (under `not`, or in a ceiling such as
    # count(g) <= 2): finding nothing there is no shortfall
    guards: frozenset[str] = frozenset()

    @property
    def matched_terms(self) -> dict[str, list[str]]:
        """Distinct words found, by group (groups with no hits left out)."""
        return {g: list(dict.fromkeys(r.hit.text for r in reports))
                for g, reports in self.groups.items() if reports}

    @property
    def missing_groups(self) -> list[str]:
        """Groups a match needs evidence from that have none (guards left out)."""
        return [g for g, reports in self.groups.items() if not reports and g not in self.guards]

    def render(self) -> str:
        out = [f"rule {self.rule_id} ({self.file}:{self.line})",
               f"verdict: {'MATCH' if self.matched else 'no match'} — {self.reason}", "terms:"]
        width = max((len(g) for g in self.groups), default=0)
        for group, reports in self.groups.items():
            if not reports:
                guard = ", a guard: its hits only stop a match" if group in self.guards else ""
                out.append(f"  {group:<{width}}  (nothing found{guard})")
                continue
            words = ", ".join(dict.fromkeys(r.hit.text for r in reports))
            out.append(f"  {group:<{width}}  {len(reports)} hit(s): {words}")
            out.extend(f"  {'':<{width}}    {r.line()}" for r in reports[:_SHOWN])
            if len(reports) > _SHOWN:
                out.append(f"  {'':<{width}}    … +{len(reports) - _SHOWN} more")
        out.append("require:")
        out.extend(f"  {line}" for line in self.trace.lines())
        if self.excluded_by:
            out.append("excluded by:")
            out.extend(f"  {r.line()}" for r in self.excluded_by[:_SHOWN])
        else:
            out.append("exclude: nothing found")
        floor = f" (min_score {self.min_score:g})" if self.min_score is not None else ""
        out.append(f"score: {self.score:g}{floor}")
        return "\n".join(out)


def snippet(source: str, start: int, end: int) -> str:
    """The hit in [brackets] with some text either side, whitespace flattened."""
    a, b = max(0, start - _CONTEXT), min(len(source), end + _CONTEXT)
    marked = f"{source[a:start]}\x00{source[start:end]}\x01{source[end:b]}"
    flat = " ".join(marked.split()).replace("\x00", "[").replace("\x01", "]")
    return ("…" if a > 0 else "") + flat + ("…" if b < len(source) else "")


def _report(hit: Hit, scans: Mapping[str, ScopeScan]) -> HitReport:
    return HitReport(hit, snippet(scans[hit.scope].source, hit.start, hit.end))


def build_explanation(env: RuleEnv, scans: Mapping[str, ScopeScan], hits: tuple[Hit, ...],
                      score: float | None) -> Explanation:
    rule = env.rule
    spec = rule.spec
    groups: dict[str, tuple[HitReport, ...]] = {
        g: tuple(_report(h, scans) for h in hits if h.group == g) for g in rule.groups}
    excluded: list[HitReport] = []
    for scope, raw in env.group_hits(rule.exclude_group).items():
        for h in raw:
            start, end, text = scans[scope].original(h)
            hit = Hit("exclude", h[WRITTEN], text, scope, start, end, h[WORD])
            excluded.append(_report(hit, scans))
    result = trace(spec.expr, env)
    actual = env.score()
    if excluded:
        reason = f"excluded by {excluded[0].hit.text!r} ({excluded[0].hit.term})"
    elif not result.value:
        reason = "require does not hold"
    elif score is None:
        reason = f"score {actual:g} is below min_score {spec.min_score:g}"
    else:
        reason = "require holds and nothing excluded it"
    guards = frozenset(g for n, g in enumerate(rule.groups) if n not in rule.evidence)
    return Explanation(spec.id, spec.file, spec.line, spec.require, groups, result,
                       tuple(excluded), actual, spec.min_score, score is not None, reason,
                       guards)
