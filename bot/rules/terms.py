"""Term lists and named groups of them, as written in rule files and shared group files.

Both kinds of file validate their groups the same way; only where a group sits in the
file (`terms.<name>` or `<name>`) differs, so the path prefix is a parameter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.rules.expr import KEYWORDS
from bot.rules.normalize import core
from bot.rules.problems import FileProblems

__all__ = ["GROUP_NAME", "TermSpec", "literal_warning", "read_groups", "read_terms"]

GROUP_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_REF = re.compile(r"^@[a-z0-9][a-z0-9-]*(:([a-z0-9][a-z0-9-]*|\*))?$")
# What people write when they think a term is a pattern: `missile(s)?`, `BrahMos.*`,
# `a|b`, `[Mm]issile`, `\bnavy`. Terms are matched as written, so these never match.
# `+` alone is left out: "2+2" is a real term.
_REGEX_LIKE = re.compile(r"[|*?\\^$\[\]{}]|\)[+]|\.\+")


def literal_warning(text: str) -> str | None:
    """A warning for a term that looks like a regular expression; None when it does not."""
    if not _REGEX_LIKE.search(text):
        return None
    return (f"{text!r} looks like a regular expression, but terms are literal words and "
            "never match as patterns; list each spelling instead (e.g. missile, missiles)")


@dataclass(frozen=True)
class TermSpec:
    text: str  # as written: "navy", "ACSA", "@japan", "@country:*"
    file: str  # where it is written: a shared group's terms keep their own file
    line: int
    field: str  # "terms.japan", "exclude", or "quad" in a shared group file


def read_terms(p: FileProblems, node: Any, path: list[str | int]) -> list[TermSpec]:
    out: list[TermSpec] = []
    for text, line in p.string_list(node, path):
        where = ".".join(str(x) for x in path)
        if text.startswith("re:"):
            p.error(path, f"{text!r}: regular expressions are not supported; list the words "
                    "(spelling variants, hyphens and case are handled for you)", line=line)
        elif text.startswith("@") and not _REF.match(text):
            p.error(path, f"{text!r}: a lexicon reference is @id, @kind:* or @kind:country "
                    "(e.g. @japan, @country:*, @person:japan)", line=line)
        elif not text.startswith("@") and not core(text):
            p.error(path, f"{text!r} has no letters or digits to match", line=line)
        else:
            if not text.startswith("@") and (warning := literal_warning(text)):
                p.warning(path, warning, line=line)
            out.append(TermSpec(text.strip(), p.file, line, where))
    return out


def read_groups(p: FileProblems, node: Any, path: list[str | int]
                ) -> dict[str, list[TermSpec]]:
    """Named groups from a mapping; a group with an invalid name or no valid term is left
    out (its problems are in p)."""
    if not isinstance(node, dict) or not node:
        p.error(path, "must be a mapping of group name → list of terms")
        return {}
    groups: dict[str, list[TermSpec]] = {}
    for key, value in node.items():
        name = str(key)
        if not GROUP_NAME.match(name) or name in KEYWORDS:
            p.error([*path, name], "a group name is a word (letters, digits, _ and -) "
                    f"other than {', '.join(KEYWORDS)}")
            continue
        if value is None or value == []:
            p.error([*path, name], "empty group: list at least one term")
            continue
        terms = read_terms(p, value, [*path, name])
        if terms:
            groups[name] = terms
    return groups
