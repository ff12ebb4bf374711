"""A pair's act told as done in the body of a story whose top is about something else: a
summit's trade deal, the sirens before a drill, a profile of a port. A sentence naming the
two states as the parties of a defence act done now ("signed", "flew a joint drill") is
their statement; the same words in a wish, a hostile act or a passing mention are not."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet

SPOKEN: list[tuple[str, str, str, set[str]]] = [
    # a summit's headline about trade, the defence pact signed further down
    ("summit-trade-headline", "Wool, wine and a long lunch on the harbour",
     "The two prime ministers spent the morning on farm quotas and shipping lanes.\n"
     "Before dinner Canberra and Tokyo signed a revised agreement that lets their armed "
     "forces share fuel, food and spare parts during training.",
     {"japan-australia", "bilateral-defence"}),
    # a top naming no state: the alarm, then the allies' drill in the fourth paragraph
    ("top-without-states", "Sirens at dawn and a city that did not know where to go",
     "Phones across the northern city screamed shortly after six.\n"
     "Trains stopped for forty minutes while officials checked the tracks.\n"
     "By the afternoon Japanese fighter jets and American bombers flew a joint drill over "
     "the sea west of the islands, the ministry said.",
     {"us-japan", "bilateral-defence"}),
    # a port's profile; the two navies' exercise told as done in its body
    ("port-profile", "A fishing town learns to live with grey hulls",
     "Cafes by the harbour now open at five for sailors on early watch.\n"
     "Last week Indian and American warships wrapped up a ten-day bilateral exercise off "
     "the coast, the navy said.",
     {"india-us", "bilateral-defence"}),
    # a lead about a choice between two others; "both armies" are the headline's state
    # and the one the story names most after it
    ("choice-in-the-lead", "Delhi's long, hard summer",
     "For a year New Delhi has refused to choose between Washington and Moscow.\n"
     "Ties with the Americans keep growing all the same. On Monday special forces from both "
     "armies began two weeks of training in the hills, and an American supply ship is due "
     "in Chennai for repairs.",
     {"india-us", "bilateral-defence"}),
    # the act in a minister's own words: "our forces" are the two states'
    ("quoted-act", "Marles wraps up Tokyo visit",
     "\"We signed the agreement today, and our forces will train together within weeks,\" "
     "Marles said after meeting Koizumi.",
     {"japan-australia", "bilateral-defence"}),
    # a warship sold or exported to another state, told in the headline
    ("frigate-export", "Japan picks Australia for first frigate export",
     "The cabinet approved the deal on Tuesday.",
     {"japan-australia", "bilateral-defence"}),
    # a trade deal's headline; the leaders also agreed on a defence matter, told as done
    ("trade-headline-agreed", "Dairy, steel and a handshake: Albanese seals Japan trade deal",
     "Tariffs on beef will halve over ten years under the deal announced on Monday.\n"
     "The two leaders also agreed to open talks on the transfer of defence equipment and "
     "technology between their countries.",
     {"japan-australia", "bilateral-defence"}),
]

SILENT: list[tuple[str, str, str]] = [
    # one state's drills around another: a deed, but no act of two
    ("hostile-drills", "Tension rises across the strait",
     "China began live-fire drills around Taiwan on Monday, with warships and missiles "
     "in the surrounding waters."),
    # missiles fired at another state: launched, no act of two
    ("missiles-launched", "Night of air-raid alarms",
     "Russia launched dozens of missiles at Ukraine overnight, the air force said."),
    # a wish: what the two should sign is not what they signed
    ("a-wish", "The pact the two navies still lack",
     "India and Japan should finally sign an agreement that lets their "
     "navies refuel each other's warships."),
    # a trade deal's headline; the defence matter only discussed by others, in passing
    ("trade-headline-passing", "Dairy, steel and a handshake: Albanese seals Japan trade deal",
     "Tariffs on beef will halve over ten years under the deal announced on Monday.\n"
     "Analysts in Canberra expect defence equipment to come up at a later meeting."),
    # goods exported that are no arms
    ("car-export", "Japan lifts car export to Australia",
     "Shipments of hybrid trucks rose by a fifth in May."),
    # a deed of private people: a souvenir, no act of states
    ("souvenir", "The potter who served overseas",
     "He keeps a photograph of a finished bridge and an Australian army badge from "
     "his years in Iraq."),
]


@pytest.mark.parametrize(("case", "title", "text", "topics"), SPOKEN, ids=[c[0] for c in SPOKEN])
def test_an_act_told_as_done_below_any_top_is_read(default_ruleset: RuleSet, case: str,
                                                   title: str, text: str,
                                                   topics: set[str]) -> None:
    assert set(default_ruleset.match_text(title, text).rule_ids) == topics, case


@pytest.mark.parametrize(("case", "title", "text"), SILENT, ids=[c[0] for c in SILENT])
def test_hostile_wished_or_passing_acts_stay_silent(default_ruleset: RuleSet, case: str,
                                                    title: str, text: str) -> None:
    assert default_ruleset.match_text(title, text).rule_ids == (), case
