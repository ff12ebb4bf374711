"""Talks told as a process or as the news of the week, not as an act the report tells.

A report of a ministers' call or of a drill often opens with the week's other story: a
border dispute whose "rounds of talks go on" (चर्चेच्या फेऱ्या सुरूच), commanders who
"will talk again soon" (लवकरच पुन्हा चर्चा करणार आहेत), a deal that "was the talk of the
week" (चर्चा छाई रही, चर्चेत राहिलेला, चर्चा रंगली), negotiations that have stalled
(協議が難航), or the meetings a visit's programme holds (बैठका ... होणार आहेत). Such a
talks word names no meeting held, and bot/events/kind.py lets it cast
no vote for the meeting kind; a meeting told as done ("held talks", चर्चा केली, 会談した)
still votes.
"""

from __future__ import annotations

import re

__all__ = ["ongoing"]

_DEVA = r"(?<![\u0900-\u097f])"
# what follows the talks word: they go on, stall, resume, or are the news
_AFTER = re.compile(
    r"^\s+(?:again|continue[sd]?|continuing|go(?:es)? on|drag(?:s|ged)? on|stall(?:s|ed)?"
    r"|(?:have|has) stalled|remain(?:s|ed)? (?:stalled|deadlocked|stuck|inconclusive)"
    r"|are (?:ongoing|continuing|stalled|deadlocked)|broke down|break down)\b"
    # Japanese: 協議を続ける, 協議が続く, 協議は難航, 協議継続, 協議を重ねる
    r"|^(?:[をがは]|も)?(?:続|継続|難航|重ね|中断)"
    # Hindi: चर्चा छाई रही, चर्चा में रहा (in the news), वार्ता जारी है, चर्चा का विषय
    r"|^\S*\s+(?:छा|जारी|में\s+(?:है|हैं|रह|बन|आ)|का\s+विषय)"
    # Marathi: चर्चेत राहिलेला (in the news), चर्चा रंगली, चर्चेच्या फेऱ्या, चर्चा सुरूच,
    # चर्चा सुरू आहे, चर्चेचा विषय
    # (the cue has read चर्चे, so चर्चेत leaves त)
    r"|^त\s+(?:आहे|आला|आली|आले|राहि|असले)"
    r"|^\S*\s+(?:रंगल|सुरूच|सुरू\s+(?:आहे|राह))"
    r"|^च्या\s+फेऱ्या|^चा\s+विषय",
    re.IGNORECASE)
# meetings to be held, told in Hindi or Marathi ("अधिकाऱ्यांच्या बैठका ... होणार आहेत",
# "बैठक होगी"): the programme of a visit, or of days to come
_TO_COME = re.compile(
    r"^[^.!?\u0964\n]{0,64}?(?:होणार|होतील|होईल|होगी|होंगे|होगा|होने\s+वाल)")
# what stands before it: ongoing, stalled or long-running talks; talks again (पुन्हा)
_BEFORE = re.compile(
    r"\b(?:ongoing|continuing|stalled|deadlocked|long-running|protracted|stop-start"
    r"|on-and-off|on-off)(?: [\w-]+){0,2}\s+$"
    rf"|{_DEVA}(?:पुन्हा|फिर से|दोबारा)\s+$",
    re.IGNORECASE)


def ongoing(zone: str, start: int, end: int) -> bool:
    """Whether the talks word at zone[start:end] tells talks going on, to come again or
    the news of the week, not talks held."""
    after = zone[end:end + 80]
    return bool(_AFTER.search(after[:24]) or _TO_COME.search(after)
                or _BEFORE.search(zone[max(0, start - 40):start]))
