"""Each labelled event is in the corpus once: not in both splits, not twice under two ids.

The held-out split only measures something if none of its events was tuned on, and a
split scores clustering wrongly if one happening is labelled as two events. Two events
are taken for one when they concern the same pair of states (the pair topics of their
reports; `acsa` is India-Japan) and their dates are at most two days apart. An event
without a pair topic (a Malabar edition, another pair's `bilateral-defence`) is keyed by
its topics, so two such events close in time are flagged too: give them dates that tell
them apart, or merge them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import combinations
from pathlib import Path

import pytest

from bench.corpus import CORPUS, SPLITS, Split
from bot.config.yamlfile import load_yaml, plain

NOT_PAIRS = frozenset({"acsa", "bilateral-defence", "malabar"})
MAX_DAYS_APART = 2


@dataclass(frozen=True)
class LabelledEvent:
    split: Split
    event: str
    day: date
    topics: frozenset[str]
    files: tuple[str, ...]  # relative to the corpus root; one event may span files

    @property
    def key(self) -> frozenset[str]:
        pairs = {t for t in self.topics if t not in NOT_PAIRS}
        if "acsa" in self.topics:
            pairs.add("india-japan")
        return frozenset(pairs) or self.topics


def load_events(root: Path = CORPUS) -> list[LabelledEvent]:
    """Every event of every split, its files gathered under its id."""
    found: dict[tuple[Split, str], LabelledEvent] = {}
    for split in SPLITS:
        for path in sorted((root / split / "events").glob("*.yaml")):
            doc = plain(load_yaml(path)) or {}
            raw = doc["date"]
            day = raw if isinstance(raw, date) else date.fromisoformat(str(raw))
            topics = frozenset(t for a in doc.get("articles") or () for t in a.get("topics") or ())
            name = str(path.relative_to(root))
            seen = found.get((split, doc["event"]))
            if seen is not None:
                assert seen.day == day, f"{name}: event {doc['event']} has two dates"
                topics |= seen.topics
            files = (seen.files if seen else ()) + (name,)
            found[(split, doc["event"])] = LabelledEvent(split, doc["event"], day, topics, files)
    return list(found.values())


def clashes(events: list[LabelledEvent]) -> set[frozenset[str]]:
    """The pairs of files whose events look like one happening (first file of each)."""
    out = set()
    for a, b in combinations(events, 2):
        same_id = a.event == b.event  # only across splits: within one, files are merged
        close = abs((a.day - b.day).days) <= MAX_DAYS_APART and bool(a.key & b.key)
        if same_id or close:
            out.add(frozenset({a.files[0], b.files[0]}))
    return out


def _write(path: Path, event: str, day: str, topics: str) -> str:
    """An event file of one report at `path` (SPLIT/events/NAME); its corpus name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"event: {event}\ndate: {day}\narticles:\n  - id: {path.name}\n    outlet: O\n"
        f"    title: T\n    text: x\n    topics: [{topics}]\n", encoding="utf-8")
    return str(path.relative_to(path.parents[2]))


@pytest.mark.parametrize(("b", "clash"), [
    (("test", "b", "2024-03-03", "us-japan, bilateral-defence"), True),   # same pair, 2 days
    (("dev", "b", "2024-03-03", "us-japan, bilateral-defence"), True),    # within one split
    (("test", "b", "2024-03-04", "us-japan, bilateral-defence"), False),  # 3 days apart
    (("test", "b", "2024-03-01", "india-us, bilateral-defence"), False),  # another pair
    (("test", "a", "2019-01-01", "india-us"), True),                      # one id, both splits
    (("dev", "b", "2024-03-01", "malabar"), False),                       # no pair vs a pair
])
def test_a_clash_names_both_files(tmp_path: Path, b: tuple[str, str, str, str],
                                  clash: bool) -> None:
    split, event, day, topics = b
    first = _write(tmp_path / "dev/events/a.yaml", "a", "2024-03-01",
                   "us-japan, bilateral-defence")
    second = _write(tmp_path / split / "events/b.yaml", event, day, topics)
    assert clashes(load_events(tmp_path)) == ({frozenset({first, second})} if clash else set())


def test_acsa_is_india_japan_and_an_event_may_span_files(tmp_path: Path) -> None:
    first = _write(tmp_path / "test/events/a.yaml", "a", "2021-07-11", "acsa, bilateral-defence")
    _write(tmp_path / "test/events/a_hindi.yaml", "a", "2021-07-11", "india-japan")
    other = _write(tmp_path / "dev/events/b.yaml", "b", "2021-07-10",
                   "india-japan, bilateral-defence")
    events = load_events(tmp_path)
    assert sorted(len(e.files) for e in events) == [1, 2]
    assert clashes(events) == {frozenset({first, other})}


def test_no_event_is_in_the_corpus_twice() -> None:
    found = clashes(load_events())
    assert not found, sorted(sorted(c) for c in found)
