"""A summary states each fact once: two outlets' wordings of one fact are one sentence in
the summary, while two facts that happen to share most of their words stay two.

Each case is an event of two one-sentence reports; a summary keeps a second sentence
whenever it is not a repeat, so the sentence count tells the verdict.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.events.sentences import split_sentences
from bot.events.summary import summarise
from bot.models import Entities
from watchers.models import Article

ENTITIES = Entities(countries=("India", "Japan"), people=("Rajnath Singh", "Kishi Nobuo"),
                    agreements=("ACSA",), exercises=("JIMEX", "Malabar"))


def _report(n: int, sentence: str) -> Article:
    return Article(url=f"https://outlet{n}.example.test/story", title=f"Report {n}",
                   text=sentence, source_id=f"outlet{n}", outlet=f"Outlet {n}",
                   published=datetime.fromisoformat(f"2024-10-07T1{n}:00:00+05:30"))


SAME_FACT = [
    pytest.param("Indian and Japanese warships began the JIMEX exercise in the Arabian Sea "
                 "on Monday, with 12 vessels taking part.",
                 "The JIMEX drill, involving 12 vessels from the two navies, started in the "
                 "Arabian Sea on Monday.", id="paraphrased verbs, same number and exercise"),
    pytest.param("The Japanese navy sent two destroyers and a submarine to the drills off Goa.",
                 "Japan's navy dispatched two destroyers and one submarine for the exercise "
                 "near Goa.", id="synonyms: drill/exercise, sent/dispatched"),
    pytest.param("India will send 2,000 troops and 15 aircraft to the joint exercise in "
                 "Rajasthan next month.",
                 "Some 2000 soldiers and fifteen aircraft from India will join the drill in "
                 "Rajasthan.", id="numbers written differently"),
    pytest.param("Rajnath Singh said the ACSA signed in September would let the two forces "
                 "share fuel, food and spare parts.",
                 "Under the ACSA, Singh said, the forces of both countries can share fuel, food "
                 "and spare parts.", id="one contains the other"),
]

TWO_FACTS = [
    pytest.param("The ministers welcomed the conduct of Malabar earlier this year.",
                 "The ministers welcomed the conduct of JIMEX earlier this year.",
                 id="same words, another exercise"),
    pytest.param("Rajnath Singh congratulated Kishi Nobuo on his appointment as defence "
                 "minister.",
                 "Rajnath Singh and Kishi Nobuo discussed the security situation in the South "
                 "China Sea.", id="only the parties in common"),
    pytest.param("The Indian Navy will commission 3 new frigates from the Mumbai yard in 2025.",
                 "The Indian Navy will commission 5 new submarines from the Mumbai yard in "
                 "2027.", id="same frame, other numbers"),
]


def _kept(first: str, second: str) -> list[str]:
    """The summary's sentences for an event of the two reports, in both arrival orders
    (the verdict must not depend on which outlet came first)."""
    verdicts = []
    for a, b in ((first, second), (second, first)):
        summary = summarise([_report(1, a), _report(2, b)], [ENTITIES, ENTITIES]).summary
        verdicts.append(split_sentences(summary))
    assert len(verdicts[0]) == len(verdicts[1]), verdicts
    return verdicts[0]


@pytest.mark.parametrize(("first", "second"), SAME_FACT)
def test_one_fact_in_two_wordings_is_stated_once(first: str, second: str) -> None:
    assert len(_kept(first, second)) == 1


@pytest.mark.parametrize(("first", "second"), TWO_FACTS)
def test_two_facts_in_similar_words_are_both_stated(first: str, second: str) -> None:
    assert sorted(_kept(first, second)) == sorted([first, second])


def test_a_paraphrase_gives_way_to_a_new_fact() -> None:
    """Three reports of a JIMEX start: the second outlet's restatement is left out and the
    third outlet's new detail takes its place."""
    reports = [
        _report(1, "Indian and Japanese warships began the JIMEX exercise in the Arabian Sea "
                   "on Monday, with 12 vessels taking part."),
        _report(2, "The JIMEX drill, involving 12 vessels from the two navies, started in the "
                   "Arabian Sea on Monday."),
        _report(3, "The sailors will practise anti-submarine warfare and replenishment at sea "
                   "during the JIMEX exercise."),
    ]
    summary = summarise(reports, [ENTITIES] * 3).summary
    assert "began the JIMEX exercise" in summary
    assert "involving 12 vessels" not in summary
    assert "anti-submarine warfare" in summary
