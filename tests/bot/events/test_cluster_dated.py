"""Reports whose day and tense tell two events apart: a treaty's anniversary marked by the
ministers who met days before, and background that recalls an act of an earlier year.
Fixture articles are written for these tests."""

from __future__ import annotations

import pytest

from bot.events.cluster import Candidate, assign, merges
from bot.events.kind import event_kind
from tests.bot.events.reports import _fx, _sig

IA = ("India", "Australia")
PEOPLE = ("Rajnath Singh", "Richard Marles")

MEETING = _fx(
    "meeting", "meeting", "2029-03-05T18:00:00+05:30",
    "Rajnath Singh and Marles review submarine tracking cooperation in Delhi",
    "Defence Minister Rajnath Singh hosted Australia's Richard Marles in New Delhi on "
    "Monday for talks on maritime surveillance and the sharing of sonar data.\n\n"
    "The two ministers also spoke about the partnership treaty, which turns twenty-five "
    "later this week.",
    countries=IA, people=PEOPLE)
MEETING_LATE = _fx(
    "meeting-late", "meeting", "2029-03-06T09:00:00+05:30",
    "What Marles took home from Delhi",
    "Richard Marles left New Delhi with a promise of more sonar data from the Indian side, "
    "officials said after his hour with Rajnath Singh.",
    countries=IA, people=PEOPLE)
STATEMENT = _fx(
    "statement", "anniversary", "2029-03-08T12:00:00+05:30",
    "India and Australia mark 25th anniversary of partnership treaty",
    "Rajnath Singh and Richard Marles issued a joint statement on Thursday marking the "
    "25th anniversary of the partnership treaty between India and Australia.\n\n"
    "The treaty was signed in Canberra in March 2004 after two years of talks.",
    countries=IA, people=PEOPLE, agreements=("Partnership Treaty",))
STATEMENT_HI = _fx(
    "statement-hi", "anniversary", "2029-03-09T07:00:00+05:30",
    "भारत-ऑस्ट्रेलिया साझेदारी संधि की 25वीं वर्षगांठ पर संयुक्त बयान",
    "नई दिल्ली। रक्षा मंत्री राजनाथ सिंह और मार्ल्स ने गुरुवार को संधि की 25वीं "
    "वर्षगांठ पर संयुक्त बयान जारी किया। यह संधि 2004 में हस्ताक्षरित हुई थी।",
    countries=IA, people=PEOPLE, agreements=("Partnership Treaty",))
STATEMENT_JA = _fx(
    "statement-ja", "anniversary", "2029-03-08T20:00:00+09:00",
    "印豪パートナーシップ条約署名25周年　国防相が共同声明",
    "インドとオーストラリアの国防相は8日、条約の署名25周年に合わせて共同声明を出した。",
    countries=IA, people=PEOPLE)


def test_an_anniversary_report_is_its_own_kind_and_the_signing_it_marks_is_history() -> None:
    assert {_sig(f).kind for f in (STATEMENT, STATEMENT_HI, STATEMENT_JA)} == {"anniversary"}
    assert _sig(MEETING).kind == "meeting"


def test_an_anniversary_statement_days_after_the_meeting_is_another_event() -> None:
    """The same two ministers, pair and treaty: the day and the kind tell them apart."""
    meeting, late, statement = _sig(MEETING), _sig(MEETING_LATE), _sig(STATEMENT)
    held = Candidate("m", meeting.day, (meeting, late))
    assert assign(statement, [held]) is None
    marked = Candidate("s", statement.day, (statement,))
    assert assign(late, [marked]) is None
    assert merges(marked, [held]) == () and merges(held, [marked]) == ()


def test_reports_of_one_anniversary_join_each_other_a_day_apart() -> None:
    statement, hindi, japanese = _sig(STATEMENT), _sig(STATEMENT_HI), _sig(STATEMENT_JA)
    marked = Candidate("s", statement.day, (statement,))
    assert assign(hindi, [marked]) == "s"
    assert assign(japanese, [marked]) == "s"


def test_an_anniversary_marked_at_the_meeting_of_that_day_is_that_meeting() -> None:
    """Ministers who meet on the anniversary: a report of each joins the other."""
    meeting = _sig(MEETING)
    same_day = _sig(_fx(
        "marked", "meeting", "2029-03-05T21:00:00+05:30",
        "India, Australia ministers mark treaty anniversary",
        "Rajnath Singh and Richard Marles marked the treaty's anniversary at their talks "
        "in Delhi on Monday.", countries=IA, people=PEOPLE))
    assert same_day.kind == "anniversary"
    assert assign(same_day, [Candidate("m", meeting.day, (meeting,))]) == "m"


@pytest.mark.parametrize(("title", "body", "kind"), [
    # a signing told as background, dated to an earlier year, casts no vote
    ("Ministers review the supplies pact",
     "The two ministers met in Delhi. The pact was signed in March 2016 in Tokyo.", "meeting"),
    ("Ministers review the supplies pact",
     "The two ministers met in Delhi. On 4 June 2016, the pact was signed in Tokyo.",
     "meeting"),
    ("Ministers review the supplies pact",
     "The two ministers met in Delhi. Eight years ago the pact was signed.", "meeting"),
    ("協定の運用を確認", "両国の国防相が会談した。2016年6月に協定が署名された。", "meeting"),
    ("आपूर्ति समझौते की समीक्षा", "दोनों मंत्रियों की बैठक हुई। यह समझौता 2016 में "
     "हस्ताक्षरित हुआ था।", "meeting"),
    # ... but a year naming the thing signed dates nothing: the signing is today's
    ("Ministers sign an update of the 2016 supplies pact",
     "The two ministers signed the new text in Delhi on Friday.", "signing"),
    # ... nor does another clause's "a decade ago"
    ("A radar deal for two navies",
     "The two navies signed a radar deal on Friday, under a framework agreed a decade ago.",
     "signing"),
])
def test_background_of_an_earlier_year_casts_no_vote(title: str, body: str, kind: str) -> None:
    assert event_kind(title, body, year=2024) == kind


def test_without_the_report_year_every_cue_votes() -> None:
    assert event_kind("", "The two ministers met. The pact was signed in March 2016. "
                      "They signed a note.") is None


def test_a_hindi_correspondent_byline_is_no_dialogue() -> None:
    """संवाददाता (correspondent) begins with संवाद (dialogue): a byline tells no meeting."""
    assert event_kind("", "नई दिल्ली, (विशेष संवाददाता)। दोनों नौसेनाओं के जहाज़ों ने "
                      "ईंधन लिया।") == "logistics"
    assert event_kind("", "दोनों मंत्रियों के बीच संवाद हुआ। सहयोग पर बात हुई।") == "meeting"


@pytest.mark.parametrize(("title", "body", "kind"), [
    # ships on a visit are on a port call, whatever else the visit brings
    ("Indian warships in Yokosuka",
     "Two Indian destroyers arrived at Yokosuka on Monday on a four-day visit. They "
     "will sail with the Japanese fleet on Friday.", "logistics"),
    ("जपानी युद्धनौका कोचीत",
     "जपानच्या दोन विनाशिका चार दिवसांच्या भेटीसाठी कोचीत दाखल झाल्या. त्यांना इंधन "
     "देण्यात आले.", "logistics"),
    ("Japanese warships visit Sydney", "The crews took on fresh water and fuel.",
     "logistics"),
    # a minister's visit is still a meeting, whatever ships the talks were about
    ("Marles in Tokyo", "Marles discussed the frigate programme during his visit. The "
     "two sides will talk again in May.", "meeting"),
    ("Defence minister in Tokyo",
     "The defence minister began a three-day visit to Tokyo on Monday. He met his "
     "counterpart.", "meeting"),
])
def test_ships_on_a_visit_are_on_a_port_call(title: str, body: str, kind: str) -> None:
    assert event_kind(title, body) == kind


def test_a_port_visit_and_its_refuelling_report_are_one_event() -> None:
    """One outlet leads with the ships' visit, the other with the fuel they took on."""
    ij = ("India", "Japan")
    visit = _sig(_fx(
        "visit", "call", "2029-06-02T18:00:00+05:30",
        "Japanese destroyers call at Kochi under the supplies pact",
        "Two Japanese destroyers reached Kochi on Saturday on a three-day visit and were "
        "welcomed by the flag officer of the Southern Naval Command.",
        countries=ij, agreements=("ACSA",)))
    fuel = _sig(_fx(
        "fuel", "call", "2029-06-03T07:00:00+05:30",
        "कोच्चि में जापानी विध्वंसकों को भारतीय नौसेना ने दिया ईंधन",
        "कोच्चि। भारतीय नौसेना ने शनिवार को दो जापानी विध्वंसकों को ईंधन और पानी दिया।",
        countries=ij, agreements=("ACSA",)))
    assert visit.kind == fuel.kind == "logistics"
    assert assign(fuel, [Candidate("e1", visit.day, (visit,))]) == "e1"
