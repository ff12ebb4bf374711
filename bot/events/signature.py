"""An article's event signature: what identifies the event it reports, kept as JSON.

`signature()` reduces a matched article to the day, the canonical countries, people,
agreements and exercises, a named format ("2+2"), the kind of event (call, meeting,
signing, exercise), the capitalised words it uses (to find the people the entity layer
missed) and a bottom-k MinHash sketch of its wording; bot/events/cluster.py compares them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cached_property
from typing import Any, cast

from bot.errors import StoreError
from bot.events.kind import KINDS, STAGES, Kind, Stage, event_kind, exercise_stage, formats
from bot.events.sentences import is_chrome, paragraphs, strip_dateline
from bot.events.similarity import content_words, proper_words, sketch, words
from bot.events.told import told_day
from bot.models import ENTITY_FIELDS, Entities
from watchers import Article

__all__ = ["Signature", "each_side", "event_day", "one_exercise", "one_side", "signature"]

_TITLE_WORDS = 16
_NAMES = 64  # capitalised words kept per article
_SCHEMA = 1


@dataclass(frozen=True)
class Signature:
    """What identifies the event an article reports; stored as JSON with the article."""

    day: date | None
    countries: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()
    agreements: frozenset[str] = frozenset()
    exercises: frozenset[str] = frozenset()
    formats: frozenset[str] = frozenset()  # a named meeting format the report is about: "2+2"
    pair: tuple[str, ...] = ()  # the first two countries named, sorted: the likely parties
    kind: Kind | None = None
    stage: Stage | None = None  # an exercise (phase) "start" or "end" report
    title_words: frozenset[str] = frozenset()
    sketch: tuple[int, ...] = ()  # bottom-k MinHash of word 3-shingles, ascending
    shingles: int = 0  # distinct shingles in the text (sketch holds them all if ≤ k)
    names: frozenset[str] = frozenset()  # capitalised words: who it names, found or not
    # (person, state) for the people whose state the lexicon knows, sorted: two people
    # of one state vouch for one side of a pair only
    origins: tuple[tuple[str, str], ...] = ()
    # the states named besides the parties: a multilateral drill's other navies, read as
    # parties by one report and as bystanders by another
    mentioned: frozenset[str] = frozenset()
    # the exercises the headline or the first paragraph names (`Entities.leading`)
    leading: frozenset[str] = frozenset()
    # the day the text tells its act happened, days before `day` (bot/events/told.py)
    told: date | None = None

    @cached_property
    def focus(self) -> frozenset[str]:
        """The exercises the report is of: those its headline or first paragraph names,
        else every one it names. A summit's report welcoming last month's drills, or a
        drill's report listing the pair's others, names them further down."""
        return self.leading or self.exercises

    @cached_property
    def states(self) -> frozenset[str]:
        """Every state the report names, parties or not."""
        return self.countries | self.mentioned

    @cached_property
    def origin_of(self) -> dict[str, str]:
        """`origins` as a mapping, built once per signature."""
        return dict(self.origins)

    @cached_property
    def sketch_set(self) -> frozenset[int]:
        """The sketch as a set, built once per signature for the many comparisons."""
        return frozenset(self.sketch)

    def to_json(self) -> dict[str, Any]:
        return {
            "v": _SCHEMA,
            "day": self.day.isoformat() if self.day else None,
            **{f: sorted(getattr(self, f)) for f in ENTITY_FIELDS},
            "formats": sorted(self.formats),
            "pair": list(self.pair),
            "kind": self.kind,
            "stage": self.stage,
            "title_words": sorted(self.title_words),
            "sketch": list(self.sketch),
            "shingles": self.shingles,
            "names": sorted(self.names),
            "origins": dict(self.origins),
            "mentioned": sorted(self.mentioned),
            "leading": sorted(self.leading),
            "told": self.told.isoformat() if self.told else None,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Signature:
        """Read back `to_json()`; a malformed record is a StoreError naming the field."""
        if data.get("v") != _SCHEMA:
            raise StoreError(f"event signature: unknown schema version {data.get('v')!r}")
        try:
            day = data["day"]
            kind, stage = data["kind"], data["stage"]
            if kind is not None and kind not in KINDS:
                raise ValueError(f"kind {kind!r}")
            if stage is not None and stage not in STAGES:
                raise ValueError(f"stage {stage!r}")
            return cls(
                day=date.fromisoformat(day) if day is not None else None,
                **{f: _names(data[f]) for f in ENTITY_FIELDS},
                formats=_names(data.get("formats", [])),  # absent from older records
                pair=tuple(_names(data["pair"], as_tuple=True)),
                kind=cast("Kind | None", kind),
                stage=cast("Stage | None", stage),
                title_words=_names(data["title_words"]),
                sketch=_ints(data["sketch"]),
                shingles=_int(data["shingles"]),
                names=_names(data.get("names", [])),  # absent from older records
                origins=_origins(data.get("origins", {})),  # absent from older records
                mentioned=_names(data.get("mentioned", [])),  # absent from older records
                leading=_names(data.get("leading", [])),  # absent from older records
                told=_date(data.get("told")),  # absent from older records
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise StoreError(f"event signature: malformed field: {exc}") from exc


def _names(value: Any, *, as_tuple: bool = False) -> Any:
    if not isinstance(value, list) or not set(map(type, value)) <= {str}:
        raise TypeError(f"expected a list of strings, got {value!r}")
    return tuple(value) if as_tuple else frozenset(value)


def _origins(value: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise TypeError(f"expected a mapping of strings, got {value!r}")
    return tuple(sorted(value.items()))


def _ints(value: Any) -> tuple[int, ...]:
    if not isinstance(value, list) or not set(map(type, value)) <= {int}:
        raise TypeError(f"expected a list of integers, got {value!r}")
    return tuple(value)


def _date(value: Any) -> date | None:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"expected a date, got {value!r}")
    return date.fromisoformat(value) if value is not None else None


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"expected an integer, got {value!r}")
    return value


def _day(published: datetime | None) -> date | None:
    if published is None:
        return None
    if published.tzinfo is not None:
        published = published.astimezone(UTC)
    return published.date()


def signature(article: Article, entities: Entities) -> Signature:
    """The event signature of a matched article and the entities found in it."""
    body = "\n".join(paragraphs(article))
    title = "" if is_chrome(article.title) else strip_dateline(" ".join(article.title.split()))
    hashes, count = sketch(words(f"{title}\n{body}"))
    first_two = tuple(dict.fromkeys(entities.countries))[:2]
    day = _day(article.published)
    return Signature(
        day=day,
        **{f: frozenset(getattr(entities, f)) for f in ENTITY_FIELDS},
        formats=formats(title, body),
        pair=tuple(sorted(first_two)),
        kind=event_kind(title, body, sorted(set(entities.exercises)),
                        year=day.year if day else None),
        stage=exercise_stage(title, body),
        title_words=frozenset(tuple(dict.fromkeys(content_words(title)))[:_TITLE_WORDS]),
        sketch=hashes,
        shingles=count,
        names=frozenset(proper_words(f"{title}\n{body}", _NAMES)),
        origins=tuple(sorted(entities.origin_of().items())),
        mentioned=frozenset(entities.mentioned) - frozenset(entities.countries),
        leading=frozenset(entities.leading),
        told=_told(title, body, article.published, day),
    )


def _told(title: str, body: str, published: datetime | None, day: date | None) -> date | None:
    """`told_day` counted back from the local day of publication, when it is not `day`."""
    told = told_day(title, body, published.date() if published is not None else None)
    return told if told != day else None


def one_exercise(a: Signature, b: Signature) -> bool:
    """Whether a and b both report an exercise, name the same ones and one state in
    common: the exercise, not the pair, says who takes part (a multilateral drill read as
    another pair, a report of a third state's objection, Malabar's four navies read as
    three parties by one report and as Australia and China by another). A report that
    also names an exercise the other does not may be of that one, naming the other in
    passing ("unlike Malabar")."""
    return (a.kind == b.kind == "exercise" and bool(a.exercises) and a.exercises == b.exercises
            and bool(a.states & b.states))


def one_side(sig: Signature) -> str | None:
    """The state every person the report names serves, when that is one of its two
    likely parties (the lexicon knows each one's state); else None."""
    if not sig.people or len(sig.pair) != 2:
        return None
    states = {sig.origin_of.get(p) for p in sig.people}
    side = states.pop() if len(states) == 1 else None
    return side if side in sig.pair else None


def each_side(a: Signature, b: Signature) -> bool:
    """Whether a and b read the same pair and each names the people of one side of it
    only, a different side each: each government's readout names its own minister and
    the other by office ("Secretary Austin spoke with India's Minister of Defence"), and
    so do the reports each capital's press writes from it."""
    sa, sb = one_side(a), one_side(b)
    return sa is not None and sb is not None and sa != sb and a.pair == b.pair


def event_day(members: Iterable[Signature]) -> date | None:
    """An event's day as the store should keep it: the earliest day among its members."""
    return min((m.day for m in members if m.day is not None), default=None)
