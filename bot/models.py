"""Typed values passed between the bot's stages: matches, entities, events and alerts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from watchers import Authority

EntityKind = Literal["country", "person", "agreement", "exercise"]
# What became of each unit of work, as the stages report it and the metrics count it.
PollStatus = Literal["ok", "not_modified", "error"]
# rejected: no rule could match the page, so it was never extracted (nothing stored);
# old: older than events.max_age, recorded but not alerted
ProcessOutcome = Literal["matched", "unmatched", "rejected", "duplicate", "failed", "old"]
DeliveryOutcome = Literal["sent", "retry", "failed"]
SettleOutcome = Literal["landed", "absent", "reposted"]  # a Telegram post whose answer was lost

# The four entity fields, in the order every JSON form and every view lists them.
ENTITY_FIELDS = ("countries", "people", "agreements", "exercises")
_ENTITIES_JSON = (*ENTITY_FIELDS, "mentioned", "origins", "leading")


@dataclass(frozen=True)
class Hit:
    """One term found in an article."""

    group: str  # the rule's terms group (or lexicon entry id for entity scans)
    term: str  # the alias as written in the rule or lexicon
    text: str  # the words as they stand in the article
    scope: str  # "title", "lead" or "text"
    start: int  # character offsets into that scope's text
    end: int
    word: int  # word index into that scope's text, for near()


@dataclass(frozen=True)
class Match:
    """An article satisfied a rule."""

    rule_id: str
    score: float
    hits: tuple[Hit, ...]

    @property
    def matched_terms(self) -> list[str]:
        """Distinct words as they appeared, first occurrence first: the `matched` field."""
        seen: dict[str, None] = {}
        for hit in self.hits:
            seen.setdefault(hit.text, None)
        return list(seen)


@dataclass(frozen=True)
class Entities:
    """Canonical names of the lexicon entities an article mentions, in order of appearance.

    `countries` are the parties: the states the article names as acting together
    (bot/rules/parties.py), or every state it names when it names no such group;
    `mentioned` are the other states it names; `origins`, the state each of `people`
    serves, in the same order ("" when the lexicon gives none, empty when not known);
    `leading`, the exercises the headline or the first paragraph names: the drill a report
    is of, where the others may be background (a summit welcoming last month's drills).
    """

    countries: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    agreements: tuple[str, ...] = ()
    exercises: tuple[str, ...] = ()
    mentioned: tuple[str, ...] = ()
    origins: tuple[str, ...] = ()
    leading: tuple[str, ...] = ()

    def to_json(self) -> dict[str, list[str]]:
        return {f: list(getattr(self, f)) for f in _ENTITIES_JSON}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Entities:
        """The inverse of to_json; a field left out is empty."""
        return cls(**{f: tuple(data.get(f, ())) for f in _ENTITIES_JSON})

    def origin_of(self) -> dict[str, str]:
        """Each person's state, for the people whose state is known."""
        if len(self.origins) != len(self.people):
            return {}
        return {p: o for p, o in zip(self.people, self.origins, strict=True) if o}


@dataclass(frozen=True)
class MatchResult:
    matches: tuple[Match, ...]
    entities: Entities = field(default_factory=Entities)

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(sorted(m.rule_id for m in self.matches))


@dataclass(frozen=True)
class Facts:
    date: str | None = None  # ISO date of the event
    countries: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    agreements: tuple[str, ...] = ()
    exercises: tuple[str, ...] = ()
    # countries are the parties of the event; mentioned, the other states its reports name
    mentioned: tuple[str, ...] = ()

    def labelled(self) -> list[tuple[str, list[str]]]:
        """The facts a renderer shows, as (label, values), empty ones left out."""
        rows = [("Date", [self.date] if self.date else []),
                *((f.capitalize(), list(getattr(self, f))) for f in ENTITY_FIELDS),
                ("Also mentioned", list(self.mentioned))]
        return [(label, values) for label, values in rows if values]

    def to_json(self) -> dict[str, Any]:
        return {"date": self.date, **{f: list(getattr(self, f)) for f in ENTITY_FIELDS},
                "mentioned": list(self.mentioned)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Facts:
        return cls(data.get("date"),
                   **{f: tuple(data.get(f, ())) for f in (*ENTITY_FIELDS, "mentioned")})


@dataclass(frozen=True)
class AlertSource:
    url: str
    outlet: str
    title: str
    published: str | None  # ISO 8601
    rules: tuple[str, ...]
    authority: Authority = "media"

    def to_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "outlet": self.outlet,
            "title": self.title,
            "published": self.published,
            "rules": list(self.rules),
            "authority": self.authority,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> AlertSource:
        authority = data.get("authority", "media")
        return cls(url=data["url"], outlet=data.get("outlet", ""), title=data.get("title", ""),
                   published=data.get("published"), rules=tuple(data.get("rules", ())),
                   authority=authority if authority in get_args(Authority) else "media")


@dataclass(frozen=True)
class Alert:
    """What channels deliver; its JSON form is the contract of the jsonl channel."""

    event_id: str
    action: Literal["new", "update"]
    rules: tuple[str, ...]
    title: str
    summary: str
    facts: Facts
    sources: tuple[AlertSource, ...]
    matched: dict[str, list[str]]
    confirmed: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "action": self.action,
            "rules": list(self.rules),
            "title": self.title,
            "summary": self.summary,
            "facts": self.facts.to_json(),
            "sources": [s.to_json() for s in self.sources],
            "matched": {k: list(v) for k, v in self.matched.items()},
            "confirmed": self.confirmed,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Alert:
        """The inverse of to_json, for payloads read back from the outbox."""
        return cls(
            event_id=data["event_id"],
            action=data["action"],
            rules=tuple(data.get("rules", ())),
            title=data.get("title", ""),
            summary=data.get("summary", ""),
            facts=Facts.from_json(data.get("facts") or {}),
            sources=tuple(AlertSource.from_json(s) for s in data.get("sources", ())),
            matched={k: list(v) for k, v in (data.get("matched") or {}).items()},
            confirmed=bool(data.get("confirmed", False)),
        )
