"""The event's names by facet (countries, people, agreements, exercises) as word sets,
to tell which of them a sentence or a headline mentions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from bot.events.similarity import content_words

__all__ = ["Facets", "mentions", "name_tokens"]

_AGREEMENT_WORDS = frozenset({"agreement", "pact", "accord", "arrangement", "treaty", "deal"})
_EXERCISE_WORDS = frozenset({"exercise", "drill", "wargame", "manoeuvre", "maneuver"})


def name_tokens(names: Sequence[str]) -> list[frozenset[str]]:
    return [frozenset(w for w in content_words(n) if len(w) >= 3) for n in names]


_STEM = 5  # a name word this long stands for the words it begins too ("austral")


def mentions(words: frozenset[str], name: frozenset[str]) -> bool:
    """A name is mentioned when one of its words, or a word it begins, stands in the text."""
    return any(w in words or (len(w) >= _STEM and w in _beginnings(words)) for w in name)


@lru_cache(maxsize=1024)
def _beginnings(words: frozenset[str]) -> frozenset[str]:
    """Every beginning of _STEM letters or more of the words: one set per text, asked
    about every name of an event, instead of each name word tried against each word."""
    return frozenset(x[:k] for x in words for k in range(_STEM, len(x) + 1))


@dataclass(frozen=True)
class Facets:
    """Name words of the event's entities, by facet, to tell what a sentence covers."""

    countries: list[frozenset[str]]
    people: list[frozenset[str]]
    agreements: list[frozenset[str]]
    exercises: list[frozenset[str]]

    def covered(self, words: frozenset[str]) -> set[str]:
        got = set()
        if any(mentions(words, n) for n in self.people):
            got.add("people")
        if self.agreements and (words & _AGREEMENT_WORDS
                                or any(mentions(words, n) for n in self.agreements)):
            got.add("agreement")
        if self.exercises and (words & _EXERCISE_WORDS
                               or any(mentions(words, n) for n in self.exercises)):
            got.add("exercise")
        return got

    def names(self, words: frozenset[str], *, people: bool = True) -> frozenset[str]:
        named = (self.people if people else []) + self.agreements + self.exercises
        return frozenset(" ".join(sorted(n)) for n in named if mentions(words, n))

    @cached_property
    def _all(self) -> list[frozenset[str]]:
        return self.countries + self.people + self.agreements + self.exercises

    @cached_property
    def _name_words(self) -> tuple[frozenset[str], tuple[str, ...]]:
        """Every word of the names, and those long enough to stand for words they begin."""
        every = frozenset(w for name in self._all for w in name)
        return every, tuple(w for w in every if len(w) >= _STEM)

    def names_word(self, word: str) -> bool:
        """Whether word is, or begins with, a word of one of the event's names."""
        every, long = self._name_words
        return word in every or word.startswith(long)

    def share(self, words: frozenset[str]) -> float:
        names = self._all
        return sum(mentions(words, n) for n in names) / len(names) if names else 0.0
