"""Which names a text mentions: a name word counts when it stands in the text, or when
it is five letters or more and begins a word of the text ("austral" in "australian")."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.events.facets import Facets, mentions, name_tokens

# Few letters, so that words often begin with one another.
WORD = st.text(alphabet="abrn", min_size=1, max_size=8)
WORDS = st.frozensets(WORD, max_size=12)


def _by_definition(words: frozenset[str], name: frozenset[str]) -> bool:
    return any(w in words or (len(w) >= 5 and any(x.startswith(w) for x in words))
               for w in name)


@settings(max_examples=300, deadline=None)
@given(words=WORDS, name=WORDS)
def test_mentions_is_its_definition(words: frozenset[str], name: frozenset[str]) -> None:
    assert mentions(words, name) == _by_definition(words, name)


@settings(max_examples=300, deadline=None)
@given(names=st.lists(WORDS, max_size=4), word=WORD)
def test_names_word_is_its_definition(names: list[frozenset[str]], word: str) -> None:
    facets = Facets(countries=names[:2], people=names[2:], agreements=[], exercises=[])
    expected = any(word == w or (len(w) >= 5 and word.startswith(w))
                   for name in names for w in name)
    assert facets.names_word(word) == expected


@pytest.mark.parametrize(("text", "name", "found"), [
    ({"australian", "navy"}, "Australia", True),  # a long word begins a word of the text
    ({"indian", "navy"}, "India", True),
    ({"japanese"}, "Japan", True),
    ({"us", "navy"}, "US", False),  # two letters stand for themselves only
    ({"usa"}, "US", False),
    ({"austria"}, "Australia", False),
])
def test_a_long_name_word_stands_for_the_words_it_begins(
        text: set[str], name: str, found: bool) -> None:
    (tokens,) = name_tokens([name])
    assert mentions(frozenset(text), tokens) is found
