"""An exercise named only where a report tells what the two do as a habit is background,
not the drill the report tells of: it is left out of the entities (grouping would take a
report of this week's drill for one of that exercise, weeks away). Sentences written for
these tests."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet


@pytest.mark.parametrize(("title", "text"), [
    ("Indian and Japanese destroyers drill off Chennai",
     "An Indian and a Japanese destroyer held a passage exercise off Chennai on Monday.\n\n"
     "The two navies regularly train together, including in JIMEX."),
    ("日印の護衛艦がチェンナイ沖で親善訓練",
     "日印の護衛艦が１２日、チェンナイ沖で親善訓練を行った。\n\n"
     "両国の海軍は定期的にジメックスなどの共同訓練を行っている。"),
    ("चेन्नई तट पर भारत-जापान के युद्धपोतों का अभ्यास",
     "भारत और जापान के युद्धपोतों ने सोमवार को चेन्नई तट पर अभ्यास किया।\n\n"
     "दोनों नौसेनाएं नियमित रूप से जिमेक्स अभ्यास करती हैं।"),
    ("चेन्नईजवळ भारत-जपान युद्धनौकांचा सराव",
     "भारत आणि जपानच्या युद्धनौकांनी सोमवारी चेन्नईजवळ सराव केला.\n\n"
     "दोन्ही देशांचे नौदल नियमितपणे जिमेक्स सराव करतात."),
])
def test_an_exercise_named_only_as_a_habit_is_background(
        default_ruleset: RuleSet, title: str, text: str) -> None:
    entities = default_ruleset.match_text(title, text).entities
    assert "JIMEX" not in entities.exercises
    assert set(entities.countries) == {"India", "Japan"}


@pytest.mark.parametrize(("title", "text"), [
    # named in the headline too: the report is of it
    ("JIMEX opens off Chennai",
     "The drill began on Monday.\n\nThe two navies regularly train together in JIMEX."),
    # named in a sentence of today's news as well
    ("Destroyers drill off Chennai",
     "India and Japan began JIMEX off Chennai on Monday.\n\n"
     "The two navies regularly train together in JIMEX."),
    # a habit told of today ("on Monday") is news
    ("Destroyers drill off Chennai",
     "The two navies, which regularly train together, opened JIMEX on Monday."),
])
def test_an_exercise_named_as_news_stays(default_ruleset: RuleSet, title: str,
                                         text: str) -> None:
    assert "JIMEX" in default_ruleset.match_text(title, text).entities.exercises
