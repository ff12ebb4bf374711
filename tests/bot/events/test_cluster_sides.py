"""Whose people vouch for one event: two people shared by two reports outweigh the
countries they name only when they come from two states. Fixture texts are written for
these tests."""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from dataclasses import replace

import pytest

from bench.corpus import place
from bot.errors import StoreError
from bot.events.cluster import Candidate, Signature, assign, signature
from bot.models import Entities
from bot.rules import RuleSet
from tests.bot.events.reports import Fixture, _fx

US, JP, IN, AU = "United States", "Japan", "India", "Australia"
STATE_OF = {"Joe Biden": US, "Lloyd Austin": US, "Kishi Nobuo": JP, "Rajnath Singh": IN,
            "Hamada Yasukazu": JP, "Richard Marles": AU}


def _sig(fx: Fixture, *, known: bool = True) -> Signature:
    """The signature with each person's state, as the rules give it (or, `known=False`,
    as a record stored before states were kept)."""
    people = fx.entities.people
    origins = tuple(STATE_OF[p] for p in people) if known else ()
    return Signature.from_json(json.loads(json.dumps(
        signature(fx.article, replace(fx.entities, origins=origins)).to_json())))


TOKYO_CALL = _fx(
    "tokyo-call", "us-jp", "2021-01-24T09:00:00+09:00",
    "Pentagon chief and Japanese minister talk by phone",
    "Secretary Lloyd Austin told Defence Minister Kishi Nobuo on Sunday that the treaty "
    "covers the disputed islands, as President Joe Biden had said.",
    countries=(JP, US), people=("Lloyd Austin", "Kishi Nobuo", "Joe Biden"))
DELHI_CALL = _fx(
    "delhi-call", "in-us", "2021-01-26T21:00:00+05:30",
    "Rajnath Singh speaks to new US defence secretary",
    "Defence Minister Rajnath Singh congratulated Lloyd Austin on his appointment by "
    "President Joe Biden in a telephone call on Tuesday evening.",
    countries=(IN, US), people=("Rajnath Singh", "Lloyd Austin", "Joe Biden"))
# the entity layer read a third state as a party and missed the host: the two ministers,
# one of each side, still say it is the same visit
VISIT = _fx(
    "visit", "in-jp", "2022-09-08T12:00:00+09:00",
    "India and Japan hold defence talks in Tokyo",
    "Rajnath Singh and Hamada Yasukazu met in Tokyo on Thursday and agreed on more "
    "exercises between the two forces.",
    countries=(IN, JP), people=("Rajnath Singh", "Hamada Yasukazu"))
VISIT_ASIDE = _fx(
    "visit-aside", "in-jp", "2022-09-08T18:00:00+09:00",
    "Hamada hosts Singh, raises the war in Ukraine",
    "Hosting his guest from New Delhi, Hamada Yasukazu spoke with Rajnath Singh about "
    "fighter jets and about what the war in Ukraine means for Asia.",
    countries=(JP, "Ukraine"), people=("Hamada Yasukazu", "Rajnath Singh"))


def test_two_people_of_one_state_do_not_outweigh_the_countries() -> None:
    """Biden and Austin in both reports vouch for the American side only: a call with
    Japan's minister and one with India's two days later are two events."""
    tokyo, delhi = _sig(TOKYO_CALL), _sig(DELHI_CALL)
    assert tokyo.origins == (("Joe Biden", US), ("Kishi Nobuo", JP), ("Lloyd Austin", US))
    for a, b in ((tokyo, delhi), (delhi, tokyo)):
        assert assign(a, [Candidate("e1", b.day, (b,))]) is None
    # records without states: the people outweigh the countries as they used to
    old_tokyo, old_delhi = _sig(TOKYO_CALL, known=False), _sig(DELHI_CALL, known=False)
    assert old_tokyo.origins == ()
    assert assign(old_delhi, [Candidate("e1", old_tokyo.day, (old_tokyo,))]) == "e1"


def test_a_report_that_names_nobody_known_is_held_to_the_same_rule() -> None:
    """A report whose people the entity layer missed takes the states of those its text
    names: "Austin" and "Biden" recovered from the Delhi call are Americans, no more."""
    tokyo = replace(_sig(TOKYO_CALL), people=frozenset(), origins=())
    delhi = _sig(DELHI_CALL)
    assert assign(tokyo, [Candidate("e1", delhi.day, (delhi,))]) is None
    assert assign(delhi, [Candidate("e1", tokyo.day, (tokyo,))]) is None


def test_two_people_of_two_states_outweigh_a_wrong_country() -> None:
    visit, aside = _sig(VISIT), _sig(VISIT_ASIDE)
    assert not visit.countries & aside.countries - {JP}  # one state shared: no pair
    assert assign(aside, [Candidate("e1", visit.day, (visit,))]) == "e1"
    assert assign(visit, [Candidate("e1", aside.day, (aside,))]) == "e1"


SHANGRI = "2023-06-03T{}:00+08:00"
BILATERALS: dict[str, Fixture] = {
    "us-jp-1": _fx("us-jp-1", "us-jp", SHANGRI.format("09:00"),
                   "Austin and Hamada agree to speed up missile work",
                   "Lloyd Austin and Hamada Yasukazu met in Singapore on Saturday morning "
                   "and agreed to bring forward joint work on interceptors.",
                   countries=(US, JP), people=("Lloyd Austin", "Hamada Yasukazu")),
    "us-jp-2": _fx("us-jp-2", "us-jp", SHANGRI.format("11:00"),
                   "US, Japan defence chiefs meet before forum",
                   "The American and Japanese ministers talked for an hour about drones "
                   "and the Taiwan Strait, Hamada Yasukazu told reporters after meeting "
                   "Lloyd Austin.",
                   countries=(JP, US), people=("Hamada Yasukazu", "Lloyd Austin")),
    "jp-au-1": _fx("jp-au-1", "jp-au", SHANGRI.format("15:00"),
                   "Marles and Hamada plan more air force visits",
                   "Richard Marles met Hamada Yasukazu on Saturday afternoon; the two "
                   "ministers want fighter squadrons to visit each other's bases more.",
                   countries=(AU, JP), people=("Richard Marles", "Hamada Yasukazu")),
    "jp-au-2": _fx("jp-au-2", "jp-au", SHANGRI.format("17:00"),
                   "Japan and Australia deepen ties at Singapore meeting",
                   "Hamada Yasukazu said after seeing Richard Marles that reciprocal "
                   "access for troops was working well a few months in.",
                   countries=(JP, AU), people=("Hamada Yasukazu", "Richard Marles")),
}
# one report of a forum: ministers of three states quoted, eight states named, neither of
# the bilaterals' pairs among its parties
FORUM = _fx("forum", "forum", SHANGRI.format("20:00"),
            "Beijing's absence dominates Singapore security forum",
            "Speakers from Canada, Britain, Indonesia and Ukraine followed Lloyd Austin, "
            "who said China had declined to meet him; Hamada Yasukazu and Richard Marles "
            "spoke later about the Taiwan Strait.",
            countries=("China", US, "Canada", "United Kingdom", "Indonesia", "Ukraine"),
            people=("Lloyd Austin", "Hamada Yasukazu", "Richard Marles"))


def _events(order: Sequence[str], reports: dict[str, Signature]) -> set[frozenset[str]]:
    placed = place((name, reports[name]) for name in order)
    return {frozenset(n for n in placed if placed[n] == e) for e in set(placed.values())}


@pytest.mark.parametrize("people_found", [True, False])
def test_a_forum_report_naming_both_pairs_ministers_bridges_no_two_events(
        people_found: bool) -> None:
    """Whether the entity layer found the forum's speakers or its text names them only."""
    reports = {name: _sig(fx) for name, fx in {**BILATERALS, "forum": FORUM}.items()}
    if not people_found:
        reports["forum"] = replace(reports["forum"], people=frozenset(), origins=())
    for order in itertools.permutations(reports):
        events = _events(order, reports)
        assert frozenset({"us-jp-1", "us-jp-2"}) in events, order
        assert frozenset({"jp-au-1", "jp-au-2"}) in events, order
        assert frozenset({"forum"}) in events, order


def test_states_are_kept_in_the_stored_signature_and_older_records_read_without() -> None:
    sig = _sig(VISIT)
    data = sig.to_json()
    assert data["origins"] == {"Hamada Yasukazu": JP, "Rajnath Singh": IN}
    assert Signature.from_json(json.loads(json.dumps(data))) == sig
    older = {k: v for k, v in data.items() if k != "origins"}
    assert Signature.from_json(older) == replace(sig, origins=())
    with pytest.raises(StoreError, match="a mapping of strings"):
        Signature.from_json({**data, "origins": [["Rajnath Singh", IN]]})


def test_the_rules_give_each_persons_state(ruleset: RuleSet) -> None:
    entities = ruleset.match_text(
        "Rajnath Singh and Lloyd Austin hold talks",
        "Defence Minister Rajnath Singh met US Secretary of Defense Lloyd Austin in New "
        "Delhi on Friday to review defence cooperation.").entities
    assert dict(zip(entities.people, entities.origins, strict=True)) == {
        "Rajnath Singh": IN, "Lloyd Austin": US}
    assert Entities.from_json(json.loads(json.dumps(entities.to_json()))) == entities


def test_two_meetings_of_one_minister_at_a_forum_stay_two_events() -> None:
    """Each report tells one meeting and names the other one's minister too: three people
    of three states shared, but each report's two parties are states of its own people
    and they differ, so they are two meetings, not one event whose demonym was missed."""
    with_us = _sig(_fx(
        "aside-us", "us-jp", SHANGRI.format("12:00"),
        "Hamada and Austin talk interceptors in Singapore",
        "Hamada Yasukazu saw Lloyd Austin on Saturday; Richard Marles, who meets Hamada "
        "later, was on the same panel in the morning.",
        countries=(JP, US), people=("Hamada Yasukazu", "Lloyd Austin", "Richard Marles")))
    with_au = _sig(_fx(
        "aside-au", "jp-au", SHANGRI.format("16:00"),
        "Marles and Hamada agree on more air force visits",
        "Richard Marles met Hamada Yasukazu on Saturday afternoon, hours after Hamada's "
        "talks with Lloyd Austin.",
        countries=(AU, JP), people=("Richard Marles", "Hamada Yasukazu", "Lloyd Austin")))
    for a, b in ((with_us, with_au), (with_au, with_us)):
        assert assign(a, [Candidate("e1", b.day, (b,))]) is None
    # a report whose second party was misread (no person of it) still joins on its people
    misread = replace(with_au, countries=frozenset({JP, "Ukraine"}))
    assert assign(misread, [Candidate("e1", with_us.day, (with_us,))]) == "e1"
