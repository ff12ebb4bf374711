"""The compiler's keys and the automata built from them.

A key is a term as the automaton meets it (case-folded, padded); it stands for targets,
each an atom with how much of the key is padding. The lexicon's Devanagari names, and
the rules' initialisms (यूएसएस), go to an automaton of their own, keyed by their
skeletons (bot/rules/skeleton.py), which a scan runs over the skeleton of the text;
everything else is matched as written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import ahocorasick

from bot.rules.skeleton import has_devanagari, long_enough, skeleton, spellings
from bot.rules.spellings import in_letters

__all__ = ["Keys", "Target"]


class Target(NamedTuple):
    atom: int
    written: str  # the alias or term as written in its file
    mask: bool  # a `not:` phrase of the entity, not an occurrence
    lskip: int  # characters of the key before the hit (padding)
    rskip: int  # characters of the key after the hit (padding, a year digit)
    exact: str  # for an acronym: the hit, case preserved, must be exactly this; else ""
    spaces: int  # spaces inside the hit (its words - 1)
    tail: int  # spaces in the key after the hit


_Slots = dict[str, dict[tuple[int, bool, int, int, str], Target]]


class Keys:
    """key → targets; keys are case-folded, acronyms are checked for case on each hit."""

    def __init__(self) -> None:
        self.keys: _Slots = {}

    def add(self, key: str, atom: int, written: str, *, mask: bool, lskip: int, rskip: int,
            exact: str) -> None:
        hit = key[lskip:len(key) - rskip]
        target = Target(atom, written, mask, lskip, rskip, exact, hit.count(" "),
                        key[len(key) - rskip:].count(" "))
        slot = self.keys.setdefault(key, {})
        slot.setdefault((atom, mask, lskip, rskip, exact), target)

    def automata(self, named: Callable[[int], bool | None]) -> tuple[Any, Any, Any]:
        """(keys that start with a space, the others, the names' skeletons): keys of
        scripts written without spaces would give the first automaton's root many
        children, and pyahocorasick searches children one by one: they get their own,
        run only on non-ASCII text. `named(atom)` is None for an atom that is no lexicon
        name, else whether the name is Japanese (bot/rules/skeleton.py: spellings)."""
        plain: _Slots = {}
        names: _Slots = {}
        for key, targets in self.keys.items():
            for slot, t in targets.items():
                hit = key[t.lskip:len(key) - t.rskip]
                # a rule's initialism (a ship's prefix, यूएसएस) is a name as the lexicon's are
                japanese = named(t.atom) if not in_letters(hit) else False
                if japanese is None or not has_devanagari(key) or not long_enough(hit):
                    plain.setdefault(key, {})[slot] = t
                    continue
                left, right = skeleton(key[:t.lskip]), skeleton(key[len(key) - t.rskip:])
                for form in spellings(hit, japanese=japanese):
                    names.setdefault(left + form + right, {}).setdefault(
                        slot, t._replace(spaces=form.count(" ")))
        return (_automaton({k: t for k, t in plain.items() if k.startswith(" ")}),
                _automaton({k: t for k, t in plain.items() if not k.startswith(" ")}),
                _automaton(names))


def _automaton(keys: _Slots) -> Any:
    if not keys:
        return None
    auto = ahocorasick.Automaton()
    for key, targets in keys.items():
        auto.add_word(key, (len(key), tuple(targets.values())))
    auto.make_automaton()
    return auto
