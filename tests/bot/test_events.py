"""Grouping matched articles into events: signatures, the assignment rule, its traps.

The fixture articles below are written for these tests (no third-party text); the three
seed reports of the 22 Dec 2020 call are read in place from ../shared/seeds when present.
"""

from __future__ import annotations

import itertools
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.errors import StoreError
from bot.eventkind import event_kind, exercise_stage
from bot.events import (
    Candidate,
    Signature,
    assign,
    candidate_query,
    event_day,
    signature,
)
from bot.models import Entities
from bot.textsim import overlap, sketch, words
from watchers.models import Article

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


@dataclass(frozen=True)
class Fixture:
    name: str
    event: str  # the expected grouping
    article: Article
    entities: Entities


def _fx(name: str, event: str, when: str, title: str, text: str, *,
        countries: Sequence[str] = (), people: Sequence[str] = (),
        agreements: Sequence[str] = (), exercises: Sequence[str] = (),
        authority: str = "media") -> Fixture:
    article = Article(url=f"https://example.test/{name}", title=title, text=text,
                      source_id=name, outlet=name, authority=authority,  # type: ignore[arg-type]
                      published=datetime.fromisoformat(when))
    return Fixture(name, event, article,
                   Entities(tuple(countries), tuple(people), tuple(agreements), tuple(exercises)))


IJ = ("India", "Japan")
MINISTERS = ("Rajnath Singh", "Kishi Nobuo")
CALL_TEXT = (
    "NEW DELHI: Defence Minister Rajnath Singh and his Japanese counterpart Nobuo Kishi held "
    "their first telephone conversation on Tuesday, going over the situation in the East "
    "China Sea and the South China Sea.\n\n"
    "Officials said both ministers opposed any unilateral attempt to alter the status quo by "
    "force, and agreed to keep up exchanges between the two militaries despite the pandemic.\n\n"
    "The call came three months after the two countries signed a logistics pact that lets "
    "their forces share fuel, food and spare parts."
)

CORPUS = (
    _fx("call-pib", "call-dec", "2020-12-22T17:00:00+05:30",
        "Raksha Mantri holds telephone talks with Japanese Defence Minister",
        "Raksha Mantri Shri Rajnath Singh spoke over the telephone today with the Minister of "
        "Defense of Japan, Mr. Kishi Nobuo, and congratulated him on taking office.\n\n"
        "The two Ministers reviewed bilateral defence cooperation and welcomed the signing of "
        "the ACSA in September. They also welcomed the conduct of JIMEX and MALABAR this year.",
        countries=IJ, people=MINISTERS, agreements=("ACSA",), exercises=("JIMEX", "Malabar"),
        authority="official"),
    _fx("call-paper", "call-dec", "2020-12-22T19:30:00+05:30",
        "Rajnath, Kishi discuss East China Sea in first phone call", CALL_TEXT,
        countries=IJ, people=MINISTERS),
    _fx("call-copy", "call-dec", "2020-12-23T01:10:00+05:30",
        "India and Japan stand together on sea disputes",  # syndicated, another headline
        CALL_TEXT.replace("NEW DELHI: ", ""), countries=IJ, people=MINISTERS[::-1]),
    _fx("call-followup", "call-dec", "2020-12-23T11:00:00+05:30",
        "Why Tokyo and New Delhi keep talking about the sea lanes",
        "A day after Rajnath Singh spoke with Kishi Nobuo, analysts in both capitals said the "
        "conversation showed how far India-Japan defence ties have come in five years.\n\n"
        "The supplies-and-services agreement signed in September lets the two navies refuel "
        "each other at sea, something that once needed weeks of paperwork.",
        countries=IJ, people=MINISTERS, agreements=("ACSA",)),
    _fx("jimex-start", "jimex", "2020-12-23T09:00:00+05:30",
        "Indian, Japanese navies begin JIMEX drills off Visakhapatnam",
        "The Indian Navy and the Japan Maritime Self-Defense Force began a three-day edition of "
        "JIMEX off Visakhapatnam on Wednesday, with a destroyer and a tanker from each side.\n\n"
        "Anti-submarine serials and replenishment at sea are planned, a navy spokesperson said.",
        countries=IJ, exercises=("JIMEX",)),
    _fx("jimex-end", "jimex", "2021-01-05T10:00:00+05:30",
        "JIMEX concludes with steam-past in the Bay of Bengal",
        "The bilateral maritime exercise between India and Japan ended on Tuesday with a "
        "ceremonial steam-past, after a sea phase that the navies extended by a week.\n\n"
        "Ships from both sides refuelled each other under the logistics arrangement.",
        countries=IJ, exercises=("JIMEX",)),
    _fx("call-jan", "call-jan", "2021-01-22T16:00:00+05:30",
        "Rajnath Singh, Kishi Nobuo speak again over telephone",
        "Defence Minister Rajnath Singh held a telephone conversation with Japanese Defence "
        "Minister Kishi Nobuo on Friday and reviewed bilateral defence cooperation.\n\n"
        "The two ministers welcomed the signing of the ACSA and the conduct of JIMEX.",
        countries=IJ, people=MINISTERS, agreements=("ACSA",), exercises=("JIMEX",)),
    _fx("fm-call", "fm-call", "2020-12-22T20:00:00+05:30",
        "Jaishankar, Motegi discuss Indo-Pacific over phone",
        "External Affairs Minister S. Jaishankar spoke by telephone with Japanese Foreign "
        "Minister Toshimitsu Motegi on Tuesday about the Indo-Pacific and the pandemic.",
        countries=IJ, people=("S. Jaishankar", "Toshimitsu Motegi")),
    _fx("malabar-1", "malabar-1", "2020-11-03T13:00:00+05:30",
        "Malabar phase one begins in the Bay of Bengal",
        "Warships from India, the United States, Japan and Australia began the first phase of "
        "Exercise Malabar in the Bay of Bengal on Tuesday.\n\n"
        "It is the first time since 2007 that Australia has taken part.",
        countries=("India", "United States", "Japan", "Australia"), exercises=("Malabar",)),
    _fx("malabar-1-end", "malabar-1", "2020-11-06T18:00:00+05:30",
        "Quad navies wrap up first round of Malabar drills",
        "The first phase of Malabar concluded on Friday after four days of anti-submarine and "
        "air-defence serials by the navies of India, Japan, Australia and the United States.",
        countries=("India", "Japan", "Australia", "United States"), exercises=("Malabar",)),
    _fx("malabar-2", "malabar-2", "2020-11-17T09:00:00+05:30",
        "Carriers lead second phase of Malabar in Arabian Sea",
        "The second phase of the Malabar exercise began in the northern Arabian Sea on "
        "Tuesday, with Indian and American aircraft carriers at its centre.\n\n"
        "Japan and Australia each sent one warship, Indian officials said.",
        countries=("India", "United States", "Japan", "Australia"), exercises=("Malabar",)),
    _fx("kihara-marles", "jp-au", "2024-06-01T19:00:00+08:00",
        "Kihara, Marles meet on Shangri-La sidelines",
        "Japan's Defence Minister Minoru Kihara met Australian Deputy Prime Minister Richard "
        "Marles in Singapore on Saturday and agreed on more air force rotations.",
        countries=("Japan", "Australia", "Singapore"),
        people=("Kihara Minoru", "Richard Marles")),
    _fx("kihara-shin", "jp-kr", "2024-06-01T20:00:00+08:00",
        "Kihara and Shin agree on rules for encounters at sea",
        "The defence ministers of Japan and South Korea, Minoru Kihara and Shin Won-sik, met "
        "in Singapore on Saturday and agreed to follow rules for unplanned naval encounters.",
        countries=("Japan", "South Korea", "Singapore"),
        people=("Kihara Minoru", "Shin Won-sik")),
    _fx("marles-kihara", "jp-au", "2024-06-02T08:00:00+10:00",
        "Marles says Japan is Australia's closest partner after talks with Kihara",
        "Richard Marles told reporters in Singapore that his meeting with Minoru Kihara had "
        "produced agreement on longer deployments of Japanese fighters to Australia.",
        countries=("Australia", "Japan", "Singapore"),
        people=("Richard Marles", "Kihara Minoru")),
)


def _sig(fx: Fixture) -> Signature:
    return signature(fx.article, fx.entities)


def _cluster(items: Sequence[tuple[str, Signature]], **kw: float) -> dict[str, str]:
    """Play the store: events keep members' JSON, candidates come from candidate_query."""
    events: dict[str, list[dict[str, object]]] = {}
    days: dict[str, date | None] = {}
    placed: dict[str, str] = {}
    for name, sig in items:
        span = candidate_query(sig)
        candidates = []
        for known, members in events.items():
            day = days[known]
            if span is None or (day is not None and span[0] <= day <= span[1]):
                candidates.append(
                    Candidate(known, day, tuple(Signature.from_json(m) for m in members)))
        eid = assign(sig, candidates, **kw) or f"ev{len(events):03d}"
        events.setdefault(eid, [])
        events[eid].append(json.loads(json.dumps(sig.to_json())))
        days[eid] = event_day(Signature.from_json(m) for m in events[eid])
        placed[name] = eid
    return placed


def _partition(placed: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for name, eid in placed.items():
        groups.setdefault(eid, set()).add(name)
    return {frozenset(g) for g in groups.values()}


EXPECTED = {frozenset(fx.name for fx in CORPUS if fx.event == ev)
            for ev in {fx.event for fx in CORPUS}}


def test_corpus_groups_into_the_expected_events_in_time_order() -> None:
    ordered = sorted(CORPUS, key=lambda fx: fx.article.published or datetime.min)
    assert _partition(_cluster([(fx.name, _sig(fx)) for fx in ordered])) == EXPECTED


@pytest.mark.parametrize("seed", range(5))
def test_corpus_grouping_survives_arrival_jitter(seed: int) -> None:
    """Reports arrive out of order within a day or so; the grouping must not change."""
    rng = random.Random(seed)
    jittered = sorted(CORPUS, key=lambda fx: (fx.article.published or datetime.min)
                      .timestamp() + rng.uniform(-36, 36) * 3600)
    assert _partition(_cluster([(fx.name, _sig(fx)) for fx in jittered])) == EXPECTED


def test_corpus_grouping_newest_first() -> None:
    """A first poll (or a sitemap backfill) lists the newest reports first."""
    ordered = sorted(CORPUS, key=lambda fx: fx.article.published or datetime.min, reverse=True)
    assert _partition(_cluster([(fx.name, _sig(fx)) for fx in ordered])) == EXPECTED


def test_same_articles_same_order_same_decisions() -> None:
    items = [(fx.name, _sig(fx)) for fx in CORPUS]
    assert _cluster(items) == _cluster(items)


BY_NAME = {fx.name: fx for fx in CORPUS}


def _cand(event_id: str, *names: str) -> Candidate:
    sigs = tuple(_sig(BY_NAME[n]) for n in names)
    return Candidate(event_id, event_day(sigs), sigs)


@pytest.mark.parametrize(("article", "candidates", "expected"), [
    # rewrites with little shared wording join on countries + people + date
    ("call-paper", [_cand("e1", "call-pib")], "e1"),
    # a syndicated copy whose entities were all missed joins on its text
    ("call-copy", [_cand("e1", "call-paper")], "e1"),
    # a follow-up the next day
    ("call-followup", [_cand("e1", "call-pib", "call-paper")], "e1"),
    # the same ministers a month later: a new call
    ("call-jan", [_cand("e1", "call-pib", "call-paper", "call-followup")], None),
    # an exercise that the call mentions, reported the same week: not the call
    ("jimex-start", [_cand("e1", "call-pib", "call-paper")], None),
    # same countries, same day, other ministers
    ("fm-call", [_cand("e1", "call-pib", "call-paper")], None),
    ("fm-call", [_cand("e1", "call-pib"), _cand("e2", "jimex-start")], None),
    # an exercise's wrap-up two weeks on joins it; a second phase starting does not
    ("jimex-end", [_cand("e3", "jimex-start")], "e3"),
    ("malabar-1-end", [_cand("e4", "malabar-1")], "e4"),
    ("malabar-2", [_cand("e4", "malabar-1", "malabar-1-end")], None),
    # one shared minister, different counterparts, same day and venue
    ("kihara-shin", [_cand("e5", "kihara-marles")], None),
    ("marles-kihara", [_cand("e5", "kihara-marles"), _cand("e6", "kihara-shin")], "e5"),
    # the best candidate wins among several
    ("call-followup", [_cand("e2", "jimex-start"), _cand("e1", "call-pib"),
                       _cand("e7", "fm-call")], "e1"),
])
def test_assign(article: str, candidates: list[Candidate], expected: str | None) -> None:
    assert assign(_sig(BY_NAME[article]), candidates) == expected


def test_near_duplicate_text_joins_without_entities() -> None:
    """A syndicated copy whose people the entity layer missed still joins on its wording."""
    bare = replace(_sig(BY_NAME["call-copy"]), people=frozenset(), countries=frozenset())
    assert assign(bare, [_cand("e1", "call-paper")]) == "e1"
    assert assign(bare, [_cand("e1", "call-pib")]) is None  # other wording, nothing to go on


def test_a_report_missing_its_people_joins_on_kind_countries_and_day() -> None:
    anon = replace(_sig(BY_NAME["call-copy"]), people=frozenset())
    assert assign(anon, [_cand("e1", "call-pib")]) == "e1"
    assert anon.day is not None
    two_days_on = replace(anon, day=date.fromordinal(anon.day.toordinal() + 2))
    assert assign(two_days_on, [_cand("e1", "call-pib")]) is None
    # never the other way round: an article naming people does not join an anonymous event
    assert assign(_sig(BY_NAME["fm-call"]), [Candidate("e2", anon.day, (anon,))]) is None


def test_window_is_measured_from_the_event_day() -> None:
    sig = _sig(BY_NAME["call-paper"])
    pib = _sig(BY_NAME["call-pib"])
    for shift, joins in ((3, True), (4, False), (-3, True), (-4, False)):
        day = date.fromordinal(pib.day.toordinal() + shift) if pib.day else None
        cand = Candidate("e1", day, (replace(pib, day=day),))
        assert (assign(sig, [cand]) == "e1") is joins, shift
    wide = Candidate("e1", date(2020, 12, 27), (replace(pib, day=date(2020, 12, 27)),))
    assert assign(sig, [wide], window_days=5) == "e1"


def test_undated_articles_join_only_near_duplicates() -> None:
    copy = replace(_sig(BY_NAME["call-copy"]), day=None)
    paper = _sig(BY_NAME["call-paper"])
    assert assign(copy, [Candidate("e1", paper.day, (paper,))]) == "e1"
    followup = replace(_sig(BY_NAME["call-followup"]), day=None)
    assert assign(followup, [_cand("e1", "call-pib", "call-paper")]) is None
    assert candidate_query(copy) is None


def test_candidate_order_never_matters() -> None:
    rng = random.Random(7)
    pool = [_cand(f"e{i}", fx.name) for i, fx in enumerate(CORPUS)]
    for fx in CORPUS:
        sig = _sig(fx)
        others = [c for c in pool if c.members[0] != sig]
        first = assign(sig, others)
        for _ in range(20):
            rng.shuffle(others)
            assert assign(sig, others) == first


def test_ties_go_to_the_smallest_event_id() -> None:
    pib = _cand("b", "call-pib")
    same = Candidate("a", pib.day, pib.members)
    sig = _sig(BY_NAME["call-paper"])
    assert assign(sig, [pib, same]) == "a"
    assert assign(sig, [same, pib]) == "a"
    assert assign(sig, []) is None


def test_candidate_query_is_wider_for_exercise_reports() -> None:
    call = _sig(BY_NAME["call-paper"])
    assert candidate_query(call) == (date(2020, 12, 19), date(2020, 12, 25))
    end = _sig(BY_NAME["jimex-end"])
    assert candidate_query(end) == (date(2020, 12, 15), date(2021, 1, 26))
    assert event_day([call, end]) == date(2020, 12, 22)
    assert event_day([]) is None


@pytest.mark.parametrize("fx", CORPUS, ids=lambda fx: fx.name)
def test_signature_json_round_trips_exactly(fx: Fixture) -> None:
    sig = _sig(fx)
    assert Signature.from_json(json.loads(json.dumps(sig.to_json()))) == sig
    assert all(0 <= h < 2 ** 53 for h in sig.sketch)  # exact in any JSON reader


def test_signature_fields() -> None:
    sig = _sig(BY_NAME["call-pib"])
    assert sig.day == date(2020, 12, 22)  # 17:00 IST is 11:30 UTC
    assert sig.countries == frozenset(IJ) and sig.pair == ("India", "Japan")
    assert sig.people == frozenset(MINISTERS)
    assert sig.agreements == {"ACSA"} and sig.exercises == {"JIMEX", "Malabar"}
    assert sig.kind == "call"
    assert 0 < len(sig.sketch) <= 64 and sig.shingles >= len(sig.sketch)
    assert signature(BY_NAME["call-pib"].article, BY_NAME["call-pib"].entities) == sig


@pytest.mark.parametrize("broken", [
    {},
    {"v": 99},
    {"v": 1, "day": "2020-13-01"},
    "kind",
    "sketch",
])
def test_malformed_signature_json_is_a_store_error(broken: object) -> None:
    good = _sig(BY_NAME["call-pib"]).to_json()
    if broken == "kind":
        data = {**good, "kind": "party"}
    elif broken == "sketch":
        data = {**good, "sketch": ["1"]}
    else:
        assert isinstance(broken, dict)
        data = {**(good if broken.get("v") == 1 else {}), **broken}
    with pytest.raises(StoreError, match="event signature"):
        Signature.from_json(data)


@pytest.mark.parametrize(("title", "body", "kind"), [
    ("Raksha Mantri speaks to Japanese counterpart over telephone", "They spoke.", "call"),
    ("Austin, Hamada talk missile warnings", "Austin met Hamada in Tokyo on Thursday.",
     "meeting"),
    ("India, Japan sign logistics pact", "The agreement was signed on Wednesday.", "signing"),
    ("Navies begin JIMEX off Visakhapatnam", "The exercise runs for three days.", "exercise"),
    ("JIMEX 22 commences", "The sixth edition got under way on Monday.", "exercise"),
    ("", "India and Japan exchanged views. They talked. Later, a drill and a signing.", None),
])
def test_event_kind(title: str, body: str, kind: str | None) -> None:
    assert event_kind(title, body, ["JIMEX"]) == kind


@pytest.mark.parametrize(("title", "stage"), [
    ("Second phase of Malabar begins in Arabian Sea", "start"),
    ("JIMEX concludes with steam-past", "end"),
    ("Navies wrap up first phase of Malabar", "end"),
    ("Malabar: what the navies practise", None),
])
def test_exercise_stage(title: str, stage: str | None) -> None:
    assert exercise_stage(title, "") == stage


def test_sketch_estimates_resemblance() -> None:
    text = words(CALL_TEXT)
    a, na = sketch(text)
    b, nb = sketch(text[5:])  # the copy without the dateline
    same = overlap(a, na, b, nb)
    assert same.jaccard > 0.8 and same.containment > 0.9
    c, nc = sketch(words(BY_NAME["jimex-start"].article.text))
    assert overlap(a, na, c, nc).jaccard == 0.0
    part, npart = sketch(text[:40])  # a short excerpt is contained in the whole
    assert overlap(part, npart, a, na).containment > 0.8
    assert sketch([]) == ((), 0)
    assert sketch(["one"])[1] == 1


def _seed_fixtures() -> list[tuple[str, Article, Entities]]:
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if len(files) < 3:
        pytest.skip(f"seed documents not found in {SEEDS}")
    exercises = {"000": ("Malabar", "JIMEX"), "002": (), "004": ("Malabar",)}
    out = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        title = next(line.strip() for line in text.splitlines() if line.strip())
        article = Article(url=f"https://seed.test/{path.stem}", title=title, text=text,
                          source_id=path.stem, outlet=path.stem,
                          published=datetime(2020, 12, 22, tzinfo=UTC))
        entities = Entities(IJ, MINISTERS, ("ACSA",), exercises.get(path.name[:3], ()))
        out.append((path.stem, article, entities))
    return out


def test_seed_reports_join_one_event_in_any_order() -> None:
    seeds = [(name, signature(a, e)) for name, a, e in _seed_fixtures()]
    for order in itertools.permutations(seeds):
        assert len(set(_cluster(order).values())) == 1


def test_seed_reports_stay_apart_from_the_traps() -> None:
    seeds = [(name, signature(a, e)) for name, a, e in _seed_fixtures()]
    traps = [(n, _sig(BY_NAME[n])) for n in ("jimex-start", "fm-call", "call-jan")]
    for order in (seeds + traps, traps + seeds, [seeds[0], *traps, *seeds[1:]]):
        groups = _partition(_cluster(order))
        assert frozenset(n for n, _ in seeds) in groups
        assert len(groups) == 4
