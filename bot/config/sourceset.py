"""The sources in force, beside the rules in force (bot/rules/holder.py): a reload swaps
the whole mapping for a new one, so a stage that read it keeps a consistent view and
nobody's dict changes under them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from watchers import Source

__all__ = ["SourcesChange", "SourcesHolder"]


@dataclass(frozen=True)
class SourcesChange:
    """What a swap changed, by source id, each list sorted."""

    added: list[str]
    removed: list[str]
    changed: list[str]


class SourcesHolder:
    def __init__(self, sources: Iterable[Source]) -> None:
        self.current: Mapping[str, Source] = MappingProxyType({s.id: s for s in sources})

    def swap(self, sources: Iterable[Source]) -> SourcesChange:
        """Put `sources` in force in one step; the mapping handed out before stays as it was."""
        old = self.current
        fresh = {s.id: s for s in sources}
        self.current = MappingProxyType(fresh)
        return SourcesChange(
            added=sorted(fresh.keys() - old.keys()),
            removed=sorted(old.keys() - fresh.keys()),
            changed=sorted(k for k in fresh.keys() & old.keys() if fresh[k] != old[k]))
