"""The chrome filter: every rule has lines it must drop and sentences it must keep."""

from __future__ import annotations

import pytest

from watchers.page.chrome import RULES, chrome_rule, strip_chrome

DROP = [
    ("Powered by", "sponsor"),
    ("Sponsored by", "sponsor"),
    ("Powered by Sponsored by", "sponsor"),
    ("Presented by Harbourline Bank", "sponsor"),
    ("TAGS", "tags"),
    ("Tags: India, Japan, defence", "tags"),
    ("Topics | Navy", "tags"),
    ("Advertisement", "advertisement"),
    ("ADVERTISEMENT", "advertisement"),
    ("Story continues below advertisement", "advertisement"),
    ("Also read: Navies wrap up a week of drills", "also-read"),
    ("ALSO READ | Supply pact comes into force", "also-read"),
    ("Related stories", "also-read"),
    ("You may also like", "also-read"),
    ("More from Zephyr News", "also-read"),
    ("Read more", "read-more"),
    ("Read more: what a logistics pact allows", "read-more"),
    ("Click here to read more", "read-more"),
    ("📣 Harbour Ledger posts on Telegram as well: tap here to join (@HarbourLedger) and "
     "see headlines first", "channel-plug"),
    ("Join our WhatsApp channel for breaking news", "channel-plug"),
    ("Follow us on Twitter", "follow-us"),
    ("Follow The Daily Lantern on WhatsApp for quick updates", "follow-us"),
    ("Subscribe to our newsletter", "newsletter"),
    ("Sign up for our daily newsletter", "newsletter"),
    ("Download the Zephyr app for faster news", "newsletter"),
    ("Share this article", "share"),
    ("Share on WhatsApp", "share"),
    ("Comments (12)", "share"),
    ("Print", "share"),
    ("(Disclaimer: This story is auto-generated from a syndicated feed.)", "disclaimer"),
    ("(Except for the headline, this story has not been edited by our staff and is published "
     "from a syndicated feed.)", "disclaimer"),
    ("© 2020 Zephyr Media", "copyright"),
    ("Copyright 2020 Zephyr Media Cooperative. All rights reserved.", "copyright"),
    ("Photo: Press Information Bureau", "photo-credit"),
    ("(Representational image)", "photo-credit"),
    ("india-australia-navy-chief-canberra-visit Indian Navy chief in Canberra | Photo",
     "slug-caption"),
    ("joint-exercise-harbour-phase-2021 Sailors line the deck | Navy handout",
     "slug-caption"),
    ("160107-F-TQ317-082.JPG", "file-name"),
    ("Updated: Dec 22, 2020 18:00 IST", "dateline"),
    ("Published on 22 December 2020, 6:30 pm", "dateline"),
    ("3 min read", "reading-time"),
    ("Skip to main content", "ui-label"),
]

KEEP = [
    "Signed in September, the pact makes it easier for the two armed forces to work "
    "together.",
    "The minister said tags were attached to every consignment of supplies.",
    "Powered by two new engines, the aircraft flies further than its predecessor.",
    "Sponsored by both governments, the exchange programme begins in April.",
    "Advertisement revenue of state broadcasters rose sharply last year.",
    "Related to this, the ministers reviewed progress on the staff talks.",
    "Copyright law was not on the agenda of the 2+2 dialogue.",
    "Share prices of defence firms rose after the announcement.",
    "Follow-up talks are expected in January.",
    "Read the full statement on the ministry website, officials said.",
    "state-of-the-art radars will be installed under the agreement.",
    "one-and-a-half-year-old plans were finally approved by the cabinet.",
    "Published reports said the exercise would be held in November.",
    "The ministry is now on Telegram, officials said.",
    "The two sides went over the security picture in the East and South China Seas",
    "On Tuesday India and Japan compared notes on security in their neighbourhoods.",
    "Home Minister Amit Shah was not present.",
    "More talks are planned.",
    "Photos of the exercise were released by the navy on Wednesday.",
]


@pytest.mark.parametrize(("line", "rule"), DROP, ids=[d[0][:40] for d in DROP])
def test_chrome_lines_are_recognised(line: str, rule: str) -> None:
    assert chrome_rule(line) == rule


@pytest.mark.parametrize("line", KEEP, ids=[k[:40] for k in KEEP])
def test_sentences_that_share_words_with_chrome_are_kept(line: str) -> None:
    assert chrome_rule(line) is None


def test_every_rule_is_exercised_by_the_table() -> None:
    assert {r.name for r in RULES} == {rule for _, rule in DROP}


def test_strip_chrome_drops_lists_opened_by_tags_and_also_read() -> None:
    paragraphs = [
        "Navies of the two countries completed a harbour phase on Monday.",
        "Also read:",
        "Fleet review postponed",
        "Coast guard buys new cutters",
        "The sea phase follows next week, the navy said.",
        "TAGS",
        "India",
        "Japan",
        "Malabar",
        "📣 Harbour Ledger posts on Telegram as well: tap here to join",
    ]
    assert strip_chrome(paragraphs) == (
        "Navies of the two countries completed a harbour phase on Monday.",
        "The sea phase follows next week, the navy said.",
    )


def test_a_short_sentence_ends_a_list() -> None:
    assert strip_chrome(["Related", "Talks end", "Both sides agreed.", "Fine print"]) == (
        "Both sides agreed.", "Fine print")


def test_blank_lines_go_and_whitespace_is_trimmed() -> None:
    assert strip_chrome(["  ", "  A real paragraph of text.  ", ""]) == (
        "A real paragraph of text.",)
