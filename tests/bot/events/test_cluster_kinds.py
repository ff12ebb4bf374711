"""Reports of one event whose cue words tell different kinds or stages: a handover whose
papers are signed, a refuelling under a pact signed years ago, a drill already running.
Fixture articles are written for these tests."""

from __future__ import annotations

import pytest

from bot.events.cluster import Candidate, assign
from bot.events.kind import compatible, event_kind, exercise_stage
from tests.bot.events.reports import IJ, _fx, _sig

IU = ("India", "United States")

HANDOVER = _fx(
    "handover", "mast", "2026-05-06T19:00:00+05:30",
    "Japan hands over a radar mast for an Indian destroyer at Visakhapatnam",
    "A Japanese-made enclosed radar mast was handed over to the Indian Navy at the "
    "Visakhapatnam yard on Wednesday, the first such item to change hands.\n\n"
    "Engineers of both navies later signed the receipt papers at the quayside.",
    countries=IJ)
HANDOVER_HI = _fx(
    "handover-hi", "mast", "2026-05-07T07:30:00+05:30",
    "जापान ने विशाखापत्तनम में भारतीय नौसेना को सौंपा रडार मस्तूल",
    "विशाखापत्तनम। बुधवार को समारोह में दोनों नौसेनाओं के इंजीनियरों ने मस्तूल के "
    "हस्तांतरण पत्रों पर हस्ताक्षर किए और जापानी दल ने मस्तूल भारतीय नौसेना को दे दिया।",
    countries=IJ)


def test_a_handover_whose_papers_are_signed_is_one_event_with_its_signing_report() -> None:
    """One report leads with the handover, the other with the papers signed at it."""
    en, hi = _sig(HANDOVER), _sig(HANDOVER_HI)
    assert (en.kind, hi.kind) == ("transfer", "signing")
    assert compatible("transfer", "signing")
    assert assign(hi, [Candidate("e1", en.day, (en,))]) == "e1"
    assert assign(en, [Candidate("e1", hi.day, (hi,))]) == "e1"
    # a call of the same pair that day is not the handover
    assert not compatible("transfer", "call")


REFUEL = _fx(
    "refuel", "refuel", "2021-02-10T12:00:00+05:30",
    "American patrol plane refuels at Car Nicobar under the supplies pact",
    "An American maritime patrol aircraft stopped at Car Nicobar on Tuesday to take on "
    "fuel under the logistics agreement the two countries signed five years ago. It "
    "left after three hours.",
    countries=IU, agreements=("LEMOA",))
REFUEL_HI = _fx(
    "refuel-hi", "refuel", "2021-02-10T18:00:00+05:30",
    "कार निकोबार में अमेरिकी विमान ने भरा ईंधन",
    "कार निकोबार। अमेरिकी नौसेना का टोही विमान मंगलवार को यहां उतरा और ईंधन लेकर "
    "आगे निकल गया।",
    countries=IU)


def test_a_pact_signed_years_ago_makes_no_signing_of_today() -> None:
    """The refuelling report recalls when its pact was signed: a logistics report, like
    the one that names no pact, and the two are one event."""
    en, hi = _sig(REFUEL), _sig(REFUEL_HI)
    assert en.kind == hi.kind == "logistics"
    assert assign(hi, [Candidate("e1", en.day, (en,))]) == "e1"
    # a signing told as today's news is still one
    assert event_kind("Two navies sign a supplies pact",
                      "They signed it on Tuesday in Delhi.") == "signing"
    assert event_kind("", "The pact they signed in 2016 is used. It was signed last year. "
                      "Signed two years ago, it works.") is None


@pytest.mark.parametrize(("text", "kind"), [
    ("An Australian patrol plane received fuel at Goa. It flew on.", "logistics"),
    ("The frigate took on fuel at Kochi. It sailed next day.", "logistics"),
    # receiving a ship or a delegation is no refuelling
    ("India receives its first frigate from Japan. A ceremony marked it.", "transfer"),
])
def test_fuel_received_is_a_refuelling_not_a_handover(text: str, kind: str) -> None:
    title, body = text.split(". ", 1)
    assert event_kind(title, body) == kind


DRILL_START = _fx(
    "drill-start", "drill", "2026-01-12T16:00:00+05:30",
    "India-Japan army drill Kaveri Shield begins at Pune",
    "The India-Japan army exercise Kaveri Shield began at Aundh, Pune, on Monday and "
    "runs for two weeks.",
    countries=IJ, exercises=("Kaveri Shield",))
DRILL_FEATURE_MR = _fx(
    "drill-feature-mr", "drill", "2026-01-17T07:00:00+05:30",
    "औंधच्या मैदानावर जपानी जवानांची शिस्त",
    "पुणे : औंध येथे सध्या सुरू असलेल्या भारत-जपान 'कावेरी शील्ड' सरावात दोन्ही देशांचे "
    "जवान एकत्र प्रशिक्षण घेत आहेत. हा सराव १२ जानेवारीपासून सुरू असून तो दोन आठवडे चालेल.",
    countries=IJ, exercises=("Kaveri Shield",))


@pytest.mark.parametrize(("text", "stage"), [
    ("सराव सध्या सुरू असलेल्या तळावर", None),  # going on
    ("हा सराव सोमवारपासून सुरू आहे", None),
    ("सराव सुरूच राहील", None),  # still on
    ("पावसातही सराव सुरू होता", None),  # was going on
    ("पुण्यात संयुक्त सराव सुरू", "start"),
    ("सराव सुरू होताच पाऊस आला", "start"),  # as soon as it began
])
def test_a_marathi_drill_going_on_is_no_start(text: str, stage: str | None) -> None:
    assert exercise_stage(text, "") == stage


def test_a_feature_on_a_running_drill_joins_it_days_after_its_start() -> None:
    """A feature five days into a drill is not a new phase starting: it joins within the
    exercise window."""
    start, feature = _sig(DRILL_START), _sig(DRILL_FEATURE_MR)
    assert start.stage == "start" and feature.stage is None
    assert feature.kind == "exercise"
    assert assign(feature, [Candidate("e1", start.day, (start,))]) == "e1"


def test_an_exercise_named_with_a_space_for_its_hyphen_still_cues_an_exercise() -> None:
    body = "The two ships sailed on Monday. The sea was calm."
    for spelt in ("Coral-Kite", "Coral Kite", "CoralKite"):
        assert event_kind(f"Frigates put {spelt} to sea", body, ["Coral-Kite"]) == "exercise"
    assert event_kind("Frigates put to sea", body, ["Coral-Kite"]) is None


UJ = ("Japan", "United States")
REPAIR_DEAL = _fx(
    "repair-deal", "repair", "2025-06-24T18:00:00+09:00",
    "Tokyo and Washington sign deal for U.S. warship repairs at Japanese yards",
    "Japan's procurement agency and the U.S. Navy signed an arrangement in Tokyo on "
    "Tuesday that lets American warships based in Japan be overhauled at private yards.",
    countries=UJ)
REPAIR_JA = _fx(
    "repair-ja", "repair", "2025-06-24T21:00:00+09:00",
    "米艦艇の修理、国内の民間造船所で受け入れ拡大へ",
    "防衛装備庁と米海軍は２４日、米艦艇を国内の民間造船所で整備・修理するための手続きを"
    "定めた。造船各社は受注増を見込む。",
    countries=UJ)


def test_a_repair_arrangement_signed_is_one_event_with_the_report_of_the_repairs() -> None:
    """One report leads with the signing, the other with the repairs the arrangement is
    for (a logistics cue): one act, as a handover is one with its papers."""
    deal, ja = _sig(REPAIR_DEAL), _sig(REPAIR_JA)
    assert (deal.kind, ja.kind) == ("signing", "logistics")
    assert compatible("signing", "logistics")
    assert assign(ja, [Candidate("e1", deal.day, (deal,))]) == "e1"
    assert assign(deal, [Candidate("e1", ja.day, (ja,))]) == "e1"
    # the pair's call or drill that day is neither
    assert not compatible("call", "logistics") and not compatible("exercise", "signing")


@pytest.mark.parametrize(("title", "kind"), [
    ("संरक्षणमंत्र्यांची जपानच्या समकक्षांशी दूरध्वनीवरून चर्चा", "call"),
    ("दोन्ही मंत्र्यांनी फोनवरून संवाद साधला", "call"),
    ("दोन्ही मंत्र्यांची फोनवर चर्चा", "call"),
    ("रक्षा मंत्री ने अमेरिकी समकक्ष से फोन पर वार्ता की", "call"),
    ("दोन्ही मंत्र्यांची दिल्लीत चर्चा झाली", "meeting"),
])
def test_talks_over_the_phone_are_a_call_in_marathi_as_in_hindi(title: str, kind: str) -> None:
    """Marathi says "talked by phone" (दूरध्वनीवरून / फोनवरून चर्चा) as Hindi says फोन पर
    वार्ता and English "telephone talks": a call, not a meeting."""
    assert event_kind(title, "") == kind
