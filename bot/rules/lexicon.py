"""The lexicon: entities written once for all rules (rules/lexicon/<kind>.yaml).

A lexicon file is a mapping from entry id to entry; the file name gives the kind:

```yaml
# rules/lexicon/countries.yaml
japan:
  name: Japan                       # canonical name (also matched)
  aliases: [Japanese, Tokyo, 日本]  # case- and diacritic-insensitive
  acronyms: [JMSDF, JASDF]          # case-sensitive
  not: ["Japan Times"]              # phrases that contain an alias but are not the entity
```

Countries take `cities: [Tokyo]`: names that stand for the state when it acts ("Tokyo
protested") but are only the venue after "in" or "at" ("a summit in Tokyo").
People take `country: <country id>`; agreements and exercises take `countries: [...]`.
People may take `short: [Singh]`: a surname too common to stand for the person alone,
which counts for them only in an article that also names them in full ("Rajnath Singh",
"Defence Minister Singh" ... then "Singh said").
Countries may take `ports: [Yokosuka, 横須賀]`: their naval ports, which name the state
only where a ship's arrival there is told ("INS Sahyadri arrived at Yokosuka", 横須賀港に
入港: the host of the port call; the city after "at" names no state anywhere else).
`numbered: [Bright Star]` lists aliases that count only when a number or a word for a
drill follows ("Bright Star 2023", "तरकश अभ्यास"): for names too common to match alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.config.yamlfile import YamlLoad, YamlSyntaxError, load_yaml
from bot.errors import RuleProblem
from bot.models import EntityKind
from bot.rules.normalize import core, pad
from bot.rules.problems import FileProblems, did_you_mean
from bot.rules.stems import name_stem
from bot.rules.terms import literal_warning

__all__ = ["KINDS", "Lexicon", "LexiconEntry", "arrival", "load_lexicon"]

KINDS: dict[str, EntityKind] = {"countries": "country", "people": "person",
                                "agreements": "agreement", "exercises": "exercise"}
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_COMMON = ("name", "aliases", "acronyms", "numbered", "not", "note")
_NAMES = ("aliases", "acronyms", "numbered", "short")  # keys whose items are matched
_KEYS: dict[EntityKind, tuple[str, ...]] = {
    "country": (*_COMMON, "cities", "ports"), "person": (*_COMMON, "country", "short"),
    "agreement": (*_COMMON, "countries"), "exercise": (*_COMMON, "countries"),
}


@dataclass(frozen=True)
class LexiconEntry:
    id: str
    kind: EntityKind
    name: str
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    numbered: tuple[str, ...] = ()
    masks: tuple[str, ...] = ()  # the `not:` phrases
    countries: tuple[str, ...] = ()  # a person's country; the parties to an agreement/exercise
    cities: tuple[str, ...] = ()  # aliases that are no occurrence after "in"/"at" (a venue)
    short: tuple[str, ...] = ()  # a person's surname that counts once the full name is there
    file: str = ""
    line: int = 1
    countries_line: int = 1  # where `country:`/`countries:` is written, for error messages


class Lexicon:
    """Entities by id, with their kinds and canonical names."""

    def __init__(self, entries: Mapping[str, LexiconEntry]) -> None:
        self.entries: Mapping[str, LexiconEntry] = dict(entries)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self.entries

    def get(self, entity_id: str) -> LexiconEntry | None:
        return self.entries.get(entity_id)

    def name_of(self, entity_id: str) -> str:
        return self.entries[entity_id].name

    def kind_of(self, entity_id: str) -> EntityKind:
        return self.entries[entity_id].kind

    def of_kind(self, kind: EntityKind) -> tuple[LexiconEntry, ...]:
        return tuple(e for e in self.entries.values() if e.kind == kind)

    def linked(self, kind: EntityKind, country: str) -> tuple[LexiconEntry, ...]:
        """Entries of a kind tied to a country: its people, its agreements, its exercises."""
        return tuple(e for e in self.of_kind(kind) if country in e.countries)

    def by_name(self, name: str) -> LexiconEntry | None:
        for entry in self.entries.values():
            if entry.name == name:
                return entry
        return None


def _entry(p: FileProblems, kind: EntityKind, eid: str, node: Any) -> LexiconEntry | None:
    if not _ID.match(eid):
        p.error([eid], "entry ids are lowercase letters, digits and hyphens")
        return None
    if not isinstance(node, dict):
        p.error([eid], "an entry is a mapping with at least `name:`")
        return None
    p.unknown_keys(node, [eid], _KEYS[kind])
    name = node.get("name")
    if not isinstance(name, str) or not name.strip():
        p.error([eid, "name"] if "name" in node else [eid], "a canonical `name:` is required")
        return None
    lists: dict[str, tuple[str, ...]] = {}
    for key in ("aliases", "acronyms", "numbered", "not", "countries", "cities", "short",
                "ports"):
        items = p.string_list(node[key], [eid, key]) if key in node else []
        for text, line in items:
            if not core(text):
                p.error([eid, key], f"{text!r} has no letters or digits to match", line=line)
            elif key in _NAMES and (warn := literal_warning(text)):
                p.warning([eid, key], warn, line=line)
        lists[key] = tuple(text for text, _ in items if core(text))
    countries = lists["countries"]
    ref_key = "country" if "country" in node else "countries"
    if "country" in node:
        country = node["country"]
        if isinstance(country, str) and country:
            countries = (country,)
        else:
            p.error([eid, "country"], "must be a country id")
    entry = LexiconEntry(eid, kind, name.strip(), lists["aliases"] + _arrivals(lists["ports"]),
                         lists["acronyms"],
                         lists["numbered"], lists["not"], countries, lists["cities"],
                         lists["short"], p.file, p.line([eid]), p.line([eid, ref_key]))
    _check_masks(p, entry)
    return entry


# how an arrival at a port is told, before its name (English) or after it (Japanese,
# Hindi and Marathi); outlets vary the verb ("refuelled at", "put in at", "entered the
# port of", 着岸, 停泊, बंदरगाह पर लंगर डाला, बंदरात दाखल)
_ARRIVED = (*(f"{verb} {at}" for verb in (
    "arrived", "arrives", "arriving", "docked", "docks", "berthed", "berths", "anchored",
    "port call", "port visit", "goodwill visit", "refuelled", "refueled", "moored",
    "made a port call", "made a stop", "stopover", "tied up") for at in (
        "at", "in", "at the port of")),
    "called at", "calls at", "calling at", "pulled into", "pulls into", "sailed into",
    "sails into", "steamed into", "port call to", "port visit to", "goodwill visit to",
    "put in at", "put into", "anchored off", "arrived off", "entered the port of",
    "entered port at", "reached the port of", "pulled in at", "sailed in to")
_ARRIVED_CJK = ("港に入港", "港へ入港", "に入港", "へ入港", "入港", "港に寄港", "に寄港", "寄港",
                "港に到着", "港に着岸", "に着岸", "港に接岸", "に接岸", "港に停泊", "に停泊",
                "港に入った", "沖に停泊", "に到着", "港に停泊中")
_ARRIVED_DEVA = (" पहुंच", " पहुँच", " बंदरगाह पहुं", " बंदरगाह पर पहुं", " बंदरगाह में पहुं",
                 " बंदरगाह पर लंगर", " बंदरगाह में लंगर", " में लंगर", " बंदरगाह में दाखिल",
                 " बंदरगाह पर दस्तक", " पोर्ट पहुं", " येथे पोहोच", " येथे दाखल",
                 " बंदरात दाखल", " बंदरात पोहोच", " बंदरावर दाखल", " बंदरात नांगर")


def _arrivals(ports: tuple[str, ...]) -> tuple[str, ...]:
    """A state's ports as the phrases that tell a ship's arrival there."""
    out: list[str] = []
    for port in ports:
        if port.isascii():
            out.extend(f"{told} {port}" for told in _ARRIVED)
        elif _DEVANAGARI.search(port):
            out.extend(f"{port}{told}" for told in _ARRIVED_DEVA)
        else:
            out.extend(f"{port}{told}" for told in _ARRIVED_CJK)
    return tuple(out)


_DEVANAGARI = re.compile(r"[\u0900-\u097f]")


def arrival(folded: str) -> bool:
    """Whether a folded alias of a state is one of its ports' arrival phrases."""
    return (folded.startswith(_ARRIVED)
            or (folded.endswith(_ARRIVED_CJK) and folded not in _ARRIVED_CJK)
            or (any(told in folded for told in _ARRIVED_DEVA)
                and bool(_DEVANAGARI.search(folded))))


def _check_masks(p: FileProblems, entry: LexiconEntry) -> None:
    names = (entry.name, *entry.aliases, *entry.cities, *entry.numbered)
    # a Devanagari name also matches by its stem (stems.py: फिलीपीनी → फिलीपीन), which
    # a mask may hold instead of the name ("फिलीपीन सागर", the sea)
    stems = (name_stem(core(a)) for a in names)
    folded = [pad(core(a).lower()) for a in (*names, *(stem for stem in stems if stem))]
    cased = [pad(core(a)) for a in entry.acronyms]
    for mask in entry.masks:
        m = f" {core(mask)} "
        if not any(w in m.lower() for w in folded) and not any(w in m for w in cased):
            p.warning([entry.id, "not"], f"{mask!r} contains no alias of {entry.id!r}, "
                      "so it never masks anything")


def _read_file(path: Path, kind: EntityKind, problems: list[RuleProblem],
               entries: dict[str, LexiconEntry], load: YamlLoad) -> None:
    try:
        doc = load(path)
    except YamlSyntaxError as exc:
        problems.append(RuleProblem(exc.file, exc.line, "", exc.message))
        return
    p = FileProblems(str(path), doc)
    if doc is None:
        doc = {}
    if not isinstance(doc, dict):
        p.error([], "a lexicon file is a mapping of entry id → entry")
    else:
        for eid, node in doc.items():
            entry = _entry(p, kind, str(eid), node)
            if entry is None:
                continue
            if entry.id in entries:
                first = entries[entry.id]
                p.error([entry.id], f"duplicate entry id {entry.id!r} "
                        f"(first in {first.file}:{first.line})")
                continue
            entries[entry.id] = entry
    problems.extend(p.items)


def load_lexicon(directory: Path, load: YamlLoad = load_yaml
                 ) -> tuple[Lexicon, list[RuleProblem]]:
    """Read every lexicon file; problems are returned, never raised."""
    problems: list[RuleProblem] = []
    entries: dict[str, LexiconEntry] = {}
    if not directory.is_dir():
        return Lexicon(entries), problems
    for path in sorted(directory.iterdir()):
        if path.suffix not in (".yaml", ".yml"):
            continue
        kind = KINDS.get(path.stem)
        if kind is None or path.suffix != ".yaml":
            problems.append(RuleProblem(str(path), 1, "", (
                "unknown lexicon file; expected one of "
                + ", ".join(f"{k}.yaml" for k in KINDS) + did_you_mean(path.stem, KINDS))))
            continue
        _read_file(path, kind, problems, entries, load)
    for entry in entries.values():  # references between files, once all are read
        for country in entry.countries:
            target = entries.get(country)
            if target is None or target.kind != "country":
                key = "country" if entry.kind == "person" else "countries"
                problems.append(RuleProblem(entry.file, entry.countries_line, f"{entry.id}.{key}", (
                    f"unknown country {country!r}"
                    + did_you_mean(country, [e.id for e in entries.values()
                                             if e.kind == "country"]))))
    return Lexicon(entries), problems
