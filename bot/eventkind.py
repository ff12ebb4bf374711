"""What sort of event an article reports: a call, a meeting, a signing or an exercise.

Reports mention other events in passing (a call "welcomed the signing of ACSA" and "the
successful conduct of Malabar"), so the kind is a vote weighted by where the cue words
stand: the headline counts most, the lead next, the rest of the text little. The answer
is None unless one kind clearly wins; clustering only acts on a clear disagreement.
"""

from __future__ import annotations

import re
from typing import Literal

__all__ = ["KINDS", "Kind", "compatible", "event_kind"]

Kind = Literal["call", "meeting", "signing", "exercise"]
KINDS: tuple[Kind, ...] = ("call", "meeting", "signing", "exercise")

_CUES: dict[Kind, re.Pattern[str]] = {
    "call": re.compile(
        r"\b(?:tele)?phon(?:e|ed|ic)\b|\btelephone|\bvideo[ -]?(?:call|conference|link)"
        r"|\bvideoconferenc|\bvirtual (?:meeting|talks|call)",
        re.IGNORECASE),
    "meeting": re.compile(
        r"\b(?:met|meet|meets|meeting|talks|dialogue|summit|consultations|called on"
        r"|courtesy call|hosts?|hosted|visit(?:s|ed|ing)?)\b|\b2\s*\+\s*2\b|\btwo-plus-two\b",
        re.IGNORECASE),
    "signing": re.compile(
        r"\b(?:sign|signs|signed|inked|inks|seal|seals|sealed)\b", re.IGNORECASE),
    "exercise": re.compile(
        r"\b(?:exercises?|drills?|war ?games|manoeuvres?|maneuvers?|passex|joint training)\b",
        re.IGNORECASE),
}
_COMPATIBLE = frozenset({frozenset({"meeting", "signing"})})
_LEAD_CHARS = 500
_WEIGHTS = (3.0, 2.0, 0.5)  # headline, lead, rest
_CAP = 2  # cue hits counted per zone: long texts do not outvote the headline


def event_kind(title: str, body: str) -> Kind | None:
    """The kind that clearly wins the weighted cue vote (at least 2 and twice the next)."""
    zones = (title, body[:_LEAD_CHARS], body[_LEAD_CHARS:])
    scores: list[tuple[float, Kind]] = []
    for kind in KINDS:
        cue = _CUES[kind]
        score = sum(w * min(len(cue.findall(z)), _CAP) for w, z in zip(_WEIGHTS, zones,
                                                                          strict=True))
        scores.append((score, kind))
    scores.sort(key=lambda s: -s[0])
    (best, kind), (second, _) = scores[0], scores[1]
    return kind if best >= 2.0 and best >= 2 * second else None


def compatible(a: str | None, b: str | None) -> bool:
    """Whether two kinds can describe one event; an unknown kind agrees with anything."""
    return a is None or b is None or a == b or frozenset({a, b}) in _COMPATIBLE
