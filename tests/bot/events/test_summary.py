"""Alert text for an event: sentences, chrome, headline, summary and facts.

Fixture texts are written for these tests; the seed reports are read in place from
../shared/seeds when present.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from datetime import datetime

import pytest

from bot.events.sentences import is_chrome, is_tweet, paragraphs, split_sentences, strip_dateline
from bot.events.summary import MAX_CHARS, Summary, summarise
from bot.models import Entities, Facts
from tests.seeds import seed_articles
from watchers.models import Article

IJ = ("India", "Japan")
MINISTERS = ("Rajnath Singh", "Kishi Nobuo")


def _article(title: str, text: str, when: str, *, outlet: str = "Daily Example",
             authority: str = "media") -> Article:
    return Article(url=f"https://example.test/{abs(hash(title))}", title=title, text=text,
                   source_id=outlet, outlet=outlet, authority=authority,  # type: ignore[arg-type]
                   published=datetime.fromisoformat(when))


OFFICIAL = _article(
    "Raksha Mantri holds telephone talks with Japanese Defence Minister",
    "Raksha Mantri Shri Rajnath Singh held a telephone conversation today with the Minister "
    "of Defense of Japan, Mr. Kishi Nobuo.\n\n"
    "The Ministers hailed September's signing of the ACSA between the two countries, and "
    "this year's JIMEX and MALABAR exercises.\n\n"
    "Spoke to my Japanese counterpart today. Excellent conversation on defence ties. "
    "\u2014 Rajnath Singh (@rajnathsingh) December 22, 2020",
    "2020-12-22T17:00:00+05:30", outlet="PIB", authority="official")
PAPER = _article(
    "Rajnath, Kishi discuss sea disputes in phone call | Daily Example",
    "NEW DELHI: Defence Minister Rajnath Singh and his Japanese counterpart Nobuo Kishi held "
    "a telephone conversation on Tuesday about the East China Sea and the South China Sea.\n\n"
    "Both ministers opposed any unilateral attempt to change the status quo by force, "
    "officials said.\n\n"
    "Both hailed September's signing of the ACSA between the two countries, and this "
    "year's JIMEX and MALABAR exercises.\n\n"
    "TAGS\n\nThe Example posts on Telegram as well: tap here to join.",
    "2020-12-22T19:30:00+05:30")
WIRE = _article(
    "Tokyo [Japan], December 23 (ANI): India and Japan on Tuesday agreed to keep talking",
    "Tokyo [Japan], December 23 (ANI): India and Japan on Tuesday agreed to keep exchanging "
    "views on the East China Sea during a telephone call between their defence ministers.\n\n"
    "Mr. Kishi and Mr. Singh also discussed the U.S. role in the region, the statement said.",
    "2020-12-23T06:00:00+09:00", outlet="Wire")
EVENT = (OFFICIAL, PAPER, WIRE)
EVENT_ENTITIES = (
    Entities(IJ, MINISTERS, ("ACSA",), ("JIMEX", "Malabar")),
    Entities(IJ, MINISTERS, ("ACSA",), ("JIMEX", "Malabar")),
    Entities(("Japan", "India", "United States"), MINISTERS[::-1]),
)


@pytest.mark.parametrize(("text", "expected"), [
    ("He met Mr. Kishi Nobuo. They spoke.", ["He met Mr. Kishi Nobuo.", "They spoke."]),
    ("It was signed on Dec. 22 in Delhi. Talks followed.",
     ["It was signed on Dec. 22 in Delhi.", "Talks followed."]),
    ("The U.S. Navy joined. The drill ended.", ["The U.S. Navy joined.", "The drill ended."]),
    ("Ships came from the U.S. The drill ended.",
     ["Ships came from the U.S.", "The drill ended."]),
    ("Dr. S. Jaishankar spoke. Gen. Rawat listened!",
     ["Dr. S. Jaishankar spoke.", "Gen. Rawat listened!"]),
    ('"We agreed. We will meet," he said. Then he left.',
     ['"We agreed. We will meet," he said.', "Then he left."]),
    ("Talks ended. \u201cA milestone.\u201d The end.",
     ["Talks ended.", "\u201cA milestone.\u201d", "The end."]),
    ("version 2.0 is out. no capital follows. Yes.",
     ["version 2.0 is out. no capital follows.", "Yes."]),
    ("", []),
])
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize(("line", "chrome"), [
    ("Powered by", True),
    ("Sponsored by", True),
    ("TAGS", True),
    ("\U0001f4e3 Harbour Ledger posts on Telegram as well: tap here to join", True),
    ("india-australia-navy-chief-canberra-visit Indian Navy chief in Canberra | Photo", True),
    ("Also read: Navy commissions new frigate", True),
    ("", True),
    ("India and Japan signed a state-of-the-art logistics agreement.", False),
    ("Related to the talks, officials in both capitals said more would follow and that "
     "the ministers were likely to meet at the ADMM-Plus in the coming months, which is "
     "where the last round was agreed, according to a senior official.", False),
])
def test_is_chrome(line: str, chrome: bool) -> None:
    assert is_chrome(line) is chrome


@pytest.mark.parametrize(("text", "expected"), [
    ("Tokyo [Japan], December 22 (ANI): Reaffirming ties, India", "Reaffirming ties, India"),
    ("NEW DELHI: Defence Minister Rajnath Singh", "Defence Minister Rajnath Singh"),
    ("New Delhi, Oct 29 (CW) \u2014 The ministers", "The ministers"),
    ("HYAKURI, Ibaraki \u2014 The Air Self-Defense Force", "The Air Self-Defense Force"),
    ("SINGAPORE (Pacific Wire) \u2014 The defence ministers", "The defence ministers"),
    (" date 2021-03-04 The Defence Secretary", "The Defence Secretary"),
    ("The Minister said: we agree", "The Minister said: we agree"),
    ("Reviewed progress on cooperation: more", "Reviewed progress on cooperation: more"),
])
def test_strip_dateline(text: str, expected: str) -> None:
    assert strip_dateline(text) == expected


@pytest.mark.parametrize(("text", "tweet"), [
    ("Great talks today. \u2014 Rajnath Singh (@rajnathsingh) December 22, 2020", True),
    ("the minister wrote in a tweet once the call had ended.", True),
    ("He wrote on X that the talks went well.", True),
    ("Troops posted on the border were put on alert.", False),
    ("Doctors relied on x-ray images.", False),
])
def test_is_tweet(text: str, tweet: bool) -> None:
    assert is_tweet(text) is tweet


def test_paragraphs_drop_chrome_and_strip_datelines_and_bullets() -> None:
    article = _article("t", "Powered by\n\nNEW DELHI: First.\n\n\u2022 Second point.\n\nTAGS",
                       "2020-12-22T10:00:00+00:00")
    assert paragraphs(article) == ["First.", "Second point."]


def _sentences(text: str) -> list[str]:
    return split_sentences(text)


def test_summary_of_a_multi_source_event() -> None:
    s = summarise(EVENT, EVENT_ENTITIES)
    assert isinstance(s, Summary)
    assert s.title == OFFICIAL.title  # the official source's headline
    assert len(s.summary) <= MAX_CHARS
    assert 2 <= len(_sentences(s.summary)) <= 4
    assert re.search(r"telephone|phone|call", s.summary)
    assert "ACSA" in s.summary and "JIMEX" in s.summary
    # the outlets' identical ACSA sentence appears once; no tweet, dateline or chrome
    assert s.summary.count("signing of the ACSA") == 1
    for junk in ("@rajnathsingh", "Telegram", "TAGS", "NEW DELHI", "(ANI)"):
        assert junk not in s.summary
    assert s.facts == Facts(date="2020-12-22", countries=("India", "Japan", "United States"),
                            people=MINISTERS, agreements=("ACSA",),
                            exercises=("JIMEX", "Malabar"))


def test_summary_is_deterministic() -> None:
    assert summarise(EVENT, EVENT_ENTITIES) == summarise(EVENT, EVENT_ENTITIES)


def test_most_central_media_title_without_an_official_source() -> None:
    s = summarise((PAPER, WIRE), EVENT_ENTITIES[1:])
    assert s.title == "Rajnath, Kishi discuss sea disputes in phone call"  # outlet suffix cut


def test_generated_title_when_every_headline_is_poor() -> None:
    poor = [_article("Powered by", PAPER.text, "2020-12-22T19:30:00+05:30"),
            _article(WIRE.text.split("\n")[0], WIRE.text, "2020-12-23T06:00:00+09:00")]
    s = summarise(poor, EVENT_ENTITIES[1:])
    assert s.title == "India\u2013Japan: Rajnath Singh and Kishi Nobuo hold phone call"


@pytest.mark.parametrize(("titles", "entities", "expected"), [
    (("Kihara and Marles meet in Singapore",), Entities(("Japan", "Australia"),
                                                        ("Kihara Minoru", "Richard Marles")),
     "Kihara and Marles meet in Singapore"),
    (("Navies begin drills", "TAGS"), Entities(IJ, (), (), ("JIMEX",)),
     "India\u2013Japan: JIMEX exercise"),
    (("Pact signed",), Entities(IJ, (), ("ACSA",)), "India\u2013Japan: ACSA signed"),
])
def test_titles(titles: Sequence[str], entities: Entities, expected: str) -> None:
    articles = [_article(t, f"{t} happened on Monday, officials said. More followed later.",
                         "2024-06-01T10:00:00+00:00") for t in titles]
    assert summarise(articles, [entities] * len(articles)).title == expected


def test_facts_date_is_the_earliest_report_in_its_own_calendar() -> None:
    late = _article("Later report on the call", "x", "2020-12-23T09:00:00+05:30")
    early = _article("Early report on the call", "y", "2020-12-22T21:00:00-05:00")
    facts = summarise([late, early], [Entities(), Entities()]).facts
    assert facts.date == "2020-12-22"  # 02:00 UTC on the 23rd, but the 22nd where published
    undated = Article(url="u", title="t", text="x", source_id="s", outlet="o")
    assert summarise([undated], [Entities()]).facts.date is None


def test_edge_cases() -> None:
    assert summarise([], []) == Summary(title="", summary="", facts=Facts())
    with pytest.raises(ValueError, match="2 articles but 1 entity sets"):
        summarise([PAPER, WIRE], [Entities()])


def test_seed_summary_in_any_order() -> None:
    for order in itertools.permutations([(a, e) for _, a, e in seed_articles()]):
        s = summarise([a for a, _ in order], [e for _, e in order])
        text = s.summary
        assert len(text) <= MAX_CHARS and 2 <= len(_sentences(text)) <= 4
        assert re.search(r"telephon|phone|call", text, re.IGNORECASE)
        assert re.search(r"ACSA|Supplies and Services", text)
        assert re.search(r"malabar|jimex", text, re.IGNORECASE)
        for junk in ("Powered by", "Telegram", "TAGS", "@rajnathsingh", "date 2020"):
            assert junk not in text and junk not in s.title
        assert s.title.endswith("Rajnath Singh and Kishi Nobuo hold phone call") or \
            s.title.endswith("Kishi Nobuo and Rajnath Singh hold phone call")
        assert s.facts.date == "2020-12-22"
        assert set(s.facts.countries) == set(IJ) and s.facts.agreements == ("ACSA",)
        assert set(s.facts.exercises) == {"Malabar", "JIMEX"}
