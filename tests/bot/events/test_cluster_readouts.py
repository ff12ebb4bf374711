"""Each government's readout names its own minister and the other by office ("Secretary
Austin spoke with India's Minister of Defence"), and each capital's press writes from its
own: two reports of one call that name no person in common, one side each. They are one
event when they read the same pair, tell the same kind and lie a day apart at most
(`signature.each_side`); a report naming both sides of another call stays apart. Reports
written for these tests, in the languages such readouts come in."""

from __future__ import annotations

import itertools

import pytest

from bot.events.cluster import Candidate, assign
from bot.events.gathered import Gathered, may_agree
from bot.events.signature import each_side, one_side
from tests.bot.events.reports import Fixture, _fx, _placed, _sig

IU = ("India", "United States")
JA = ("Japan", "Australia")

CALL = (
    _fx("us-readout", "call", "2031-04-08T09:00:00-04:00",
        "Readout of the Secretary's call with India's Minister of Defence",
        "Secretary of Defense Daniel Reyes spoke by phone today with India's Minister of "
        "Defence. They discussed defence cooperation between the United States and India.",
        countries=IU, people=("Daniel Reyes",), origins=("United States",)),
    _fx("in-hi", "call", "2031-04-08T21:00:00+05:30",
        "रक्षा मंत्री ने अमेरिकी रक्षा मंत्री से फोन पर बात की",
        "रक्षा मंत्री अर्जुन मेहता ने मंगलवार को अमेरिका के रक्षा मंत्री से फोन पर बात की और "
        "भारत-अमेरिका रक्षा सहयोग की समीक्षा की।",
        countries=IU, people=("Arjun Mehta",), origins=("India",)),
    _fx("in-mr", "call", "2031-04-09T07:00:00+05:30",
        "संरक्षणमंत्र्यांची अमेरिकेच्या संरक्षणमंत्र्यांशी दूरध्वनीवरून चर्चा",
        "संरक्षणमंत्री अर्जुन मेहता यांनी मंगळवारी अमेरिकेच्या संरक्षणमंत्र्यांशी दूरध्वनीवरून "
        "चर्चा केली. भारत-अमेरिका संरक्षण सहकार्याचा आढावा घेण्यात आला.",
        countries=IU, people=("Arjun Mehta",), origins=("India",)),
)
# the foreign ministers' call of the same day, whose report names both of them
FOREIGN = _fx(
    "fm-call", "fm", "2031-04-08T20:00:00+05:30",
    "Foreign ministers of India and the US speak by phone",
    "External Affairs Minister Kavita Rao spoke by telephone with Secretary of State Mark "
    "Ellis on Tuesday about the Indo-Pacific and defence ties between India and the US.",
    countries=IU, people=("Kavita Rao", "Mark Ellis"), origins=("India", "United States"))
MEETING = (
    _fx("jp-ja", "meet", "2031-06-01T19:00:00+09:00",
        "防衛相、豪国防相とシンガポールで会談",
        "防衛大臣の田中健一はシンガポールで豪州の国防相と会談し、共同訓練の拡充を確認した。",
        countries=JA, people=("Tanaka Kenichi",), origins=("Japan",)),
    _fx("au-en", "meet", "2031-06-01T21:00:00+10:00",
        "Deputy PM meets Japanese counterpart in Singapore",
        "Deputy Prime Minister Tom Barrett met his Japanese counterpart in Singapore on "
        "Saturday and agreed on longer fighter rotations between Australia and Japan.",
        countries=JA, people=("Tom Barrett",), origins=("Australia",)),
)


def test_each_report_names_one_side_of_the_pair() -> None:
    sides = [one_side(_sig(fx)) for fx in (*CALL, *MEETING)]
    assert sides == ["United States", "India", "India", "Japan", "Australia"]
    assert one_side(_sig(FOREIGN)) is None  # both sides named
    assert each_side(_sig(CALL[0]), _sig(CALL[1]))
    assert not each_side(_sig(CALL[1]), _sig(CALL[2]))  # the same side: people decide


@pytest.mark.parametrize("order", list(itertools.permutations((*CALL, FOREIGN))))
def test_each_side_s_readout_is_one_call_and_the_other_call_stays_apart(
        order: tuple[Fixture, ...]) -> None:
    placed = _placed(order)
    assert len({placed[fx.name] for fx in CALL}) == 1, placed
    assert placed[FOREIGN.name] != placed[CALL[0].name]


@pytest.mark.parametrize("order", list(itertools.permutations(MEETING)))
def test_each_side_s_report_of_a_meeting_is_one_event(order: tuple[Fixture, ...]) -> None:
    assert len(set(_placed(order).values())) == 1


def test_the_index_finds_the_other_side_s_readout() -> None:
    us, hi = _sig(CALL[0]), _sig(CALL[1])
    assert may_agree(us, hi) and may_agree(hi, us)
    assert Gathered([hi]).agreeable(us) == [hi]


def test_another_kind_or_two_days_apart_stays_apart() -> None:
    us, hi = _sig(CALL[0]), _sig(CALL[1])
    event = Candidate("e1", hi.day, (hi,))
    meeting = _fx("us-visit", "visit", "2031-04-08T09:00:00-04:00",
                  "The Secretary meets India's Minister of Defence at the Pentagon",
                  "Secretary of Defense Daniel Reyes met India's Minister of Defence at the "
                  "Pentagon today to discuss defence cooperation between the US and India.",
                  countries=IU, people=("Daniel Reyes",), origins=("United States",))
    assert _sig(meeting).kind == "meeting" and hi.kind == "call"
    assert assign(_sig(meeting), [event]) is None
    later = _fx("us-later", "later", "2031-04-10T09:00:00-04:00", CALL[0].article.title,
                "Secretary of Defense Daniel Reyes spoke by phone with India's Minister of "
                "Defence again on Thursday about defence cooperation with India.",
                countries=IU, people=("Daniel Reyes",), origins=("United States",))
    assert assign(_sig(later), [event]) is None
    assert assign(us, [event]) == "e1"


def test_a_person_of_a_third_state_is_no_side() -> None:
    """A report naming a minister of a state outside its pair (a host, a mediator)
    tells no side: its people and the other's still conflict."""
    host = _fx("host", "host", "2031-04-08T19:00:00+05:30",
               "India and the US hold defence talks by phone",
               "The call between India and the United States was arranged by Foreign "
               "Minister Lena Sato, officials said.",
               countries=IU, people=("Lena Sato",), origins=("Japan",))
    assert one_side(_sig(host)) is None
    assert not may_agree(_sig(host), _sig(CALL[0]))
