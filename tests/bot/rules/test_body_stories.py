"""A pair's act told below the top of a story: a round-up of the week's news with one
paragraph about it, the pair's own exercise named only in the body, two leaders meeting
as two on the occasion of a group's summit. The default pack reads each as the pair's
statement, and stays silent when the body names the two only in passing."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet

SPOKEN: list[tuple[str, str, str, set[str]]] = [
    # a round-up: each paragraph a story of its own, the pair's act in one of them
    ("month-in-review", "March in review: floods, a chip boom and a signing in Canberra",
     "March was dominated by the floods along the east coast.\n"
     "Chipmakers reported record orders for the third month running.\n"
     "Late in the month Japan and Australia signed a new defence pact on shared maintenance "
     "of their warships, after two years of negotiation.",
     {"japan-australia", "bilateral-defence"}),
    ("weekly-brief", "Weekly brief: a budget, a strike and a quiet agreement",
     "Parliament passed the budget on Tuesday after a long night.\n"
     "Dock workers ended their strike on Thursday.\n"
     "In Washington, the US and Japanese defence ministers agreed to station more "
     "surveillance drones on Japan's southern islands.",
     {"us-japan", "bilateral-defence"}),
    # the pair's own exercise named in the second paragraph, one of the two at the top
    ("exercise-below", "Marines and Japanese soldiers fire rockets on a northern range",
     "Launchers boomed across the snowy range on Thursday as artillery crews trained "
     "together.\n"
     "The firing is part of Resolute Dragon, which this year brings a few thousand troops "
     "to the island for two weeks.",
     {"us-japan", "bilateral-defence"}),
    # two leaders meet as two on a group's occasion, told in the body
    ("summit-sidelines", "Quad leaders agree on a satellite plan for fishing fleets",
     "The leaders of Australia, India, Japan and the United States met in Tokyo on Tuesday.\n"
     "Later in the day Albanese held talks with Kishida, and the two agreed to bring their "
     "reciprocal access agreement into force within the year.",
     {"japan-australia", "bilateral-defence"}),
    # one state sends the other arms, told below a top about defence exports
    ("arms-below", "Tokyo loosens its rules on arms exports",
     "Japan on Tuesday widened the list of weapons its firms may sell abroad.\n"
     "Within hours the Japanese cabinet approved sending missile interceptors built under "
     "licence to Australia, which asked for them last year.",
     {"japan-australia", "bilateral-defence"}),
    # the ministers' joint press conference: a transcript names the two in its headline
    ("press-conference", "Joint press conference by Secretary Carter and Minister Nakatani",
     "MINISTER NAKATANI: We have just finished our meeting and confirmed our missile "
     "defence plans.\nSECRETARY CARTER: Thank you, Minister.",
     {"us-japan", "bilateral-defence"}),
    # the nuclear umbrella is defence; "both sides" stand for the headline's pair
    ("deterrence", "US-Japan talks on extended deterrence held in Tokyo",
     "Officials of the two governments met for two days.\n"
     "Both sides agreed to meet again in the spring.",
     {"us-japan", "bilateral-defence"}),
]

SILENT: list[tuple[str, str, str]] = [
    # a round-up whose paragraph names the two as rivals or in a trade deal
    ("digest-trade", "Weekly brief: tariffs, a heatwave and a trade deal",
     "Japan and Australia signed a trade deal on beef and coal on Monday.\n"
     "The heatwave in the south broke on Friday."),
    ("digest-protest", "Week in review: a protest in Tokyo",
     "Japan protested to China over a coast guard ship near the islands, and the navy "
     "sent a destroyer."),
    # a group's summit whose body names no two meeting as two
    ("summit-no-pair", "Quad leaders agree on a satellite plan for fishing fleets",
     "The leaders of Australia, India, Japan and the United States met in Tokyo on Tuesday.\n"
     "Their navies will share data on dark shipping, the four said in a joint statement."),
    # the pair's exercise named in the body of a story whose top names no force
    ("exercise-in-passing", "Japanese town hosts a winter festival of ice sculptures",
     "Visitors crowded the streets of the northern town on Saturday.\n"
     "The town also hosted Resolute Dragon troops two years ago."),
    # goods that are no arms, sent under a headline about trade
    ("goods-sent", "Japanese carmakers ship more trucks abroad",
     "Exports rose for a third month as firms approved sending trucks to Australia."),
    # deterrence of crime is no defence, and "both sides of" is no pair
    ("crime-deterrence", "US and Japan retailers discuss deterrence of shoplifting",
     "Both sides of the debate met at a trade fair in Osaka."),
]


@pytest.mark.parametrize(("case", "title", "text", "topics"), SPOKEN, ids=[c[0] for c in SPOKEN])
def test_the_pair_act_below_the_top_is_read(default_ruleset: RuleSet, case: str, title: str,
                                            text: str, topics: set[str]) -> None:
    got = set(default_ruleset.match_text(title, text).rule_ids)
    assert got - {"malabar"} == topics, case


@pytest.mark.parametrize(("case", "title", "text"), SILENT, ids=[c[0] for c in SILENT])
def test_the_two_named_in_passing_below_the_top_stay_silent(
        default_ruleset: RuleSet, case: str, title: str, text: str) -> None:
    assert default_ruleset.match_text(title, text).rule_ids == (), case
