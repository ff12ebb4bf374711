"""What a report tells as done before its news: the sentences whose act is told in the
pluperfect ("He had held similar talks with the US defense secretary in March", की थी,
केली होती, 出席していた). A pair such a sentence names beside a story about another pair
is that story's background (the minister's earlier visit elsewhere, the forum both sides
attended before), not news of its own: bot/rules/parties.py drops it. The story's own
pair told so stays, as the two may well have met before (the news is still theirs).

So is what a report ties to its news by time alone, or sets beside it: a sentence that
opens with "A day earlier", "The same day", "Meanwhile", इससे एक दिन पहले, इसी दिन, इस बीच,
त्याआधी, त्याच दिवशी, दरम्यान, 同日, 前日には, 一方 (or dates its act from another's: ",
a day after ...") tells another event beside the news. Under a headline that names one
state (its troops rotated at home, a deployment, a drill of its own), the pair such a
sentence names meeting is that other event's ("China rotates its Hong Kong garrison ... A
day earlier, British and Chinese officials held talks"), not the story's; a pact signed or
a drill held that day is news of its own, and a round-up's items (under a headline naming
no state) each are.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

__all__ = ["continued_sentences", "earlier_sentences", "tied_sentences"]

# the end of a Devanagari word: no letter or sign after it (the danda । may follow)
_END = r"(?![\u0900-\u0963\u0966-\u097f])"

# English "had (already) met/held/signed ..."; Hindi's perfect verb with था/थी/थे after
# it (मुलाकात की थी), Marathi's with होता/होती/होते (चर्चा केली होती); Japanese
# していた at the end of a sentence or a clause (会合に出席していた). "had been" is left
# out: "had been expected to", "had been under negotiation" tell of no act done
_EARLIER = re.compile(
    r"\bhad (?:(?:already|also|earlier|previously|just|first|last|recently|once|both) )?"
    r"(?:met|held|hosted|signed|spoken|talked|visited|agreed|joined|exercised|trained|"
    r"sailed|conducted|discussed|called|phoned|sat|concluded|inked|sealed|reached|"
    r"attended|taken part|flown)\b"
    r"|(?<![\u0900-\u097f])(?:की|किया|किए|किये|हुई|हुआ|हुए|ली|लिया|लिए|दी|दिया|दिए|गई|गया|"
    r"गए)\s+(?:थी|था|थे|थीं)" + _END +
    r"|(?<![\u0900-\u097f])(?:केली|केला|केले|केल्या|झाली|झाला|झाले|झाल्या|घेतली|घेतला|घेतले|"
    r"दिली|दिला|दिले|गेली|गेला|गेले|आली|आला|आले)\s+(?:होती|होता|होते|होत्या)" + _END +
    r"|(?:し|出席し|参加し|会談し|訪れ|署名し|開い)てい(?:た|ました)(?=。|$|が|、)",
    re.IGNORECASE)


# a sentence's opening words that tie it to the news's time, the same day or before it, or
# set it beside the news ("Meanwhile, ..."; English, Hindi, Marathi; not "after that", "the
# next day", त्यानंतर: what followed within the news)
_TIED = re.compile(
    r"(?:(?:a|one|two|three|several|a few) (?:day|days|hours|weeks|week) (?:earlier|before)|"
    r"hours earlier|earlier (?:that|the same) day|(?:on )?the same day|(?:on )?the day before|"
    r"the previous day|meanwhile|separately|elsewhere|in other news)\b"
    r"|(?:इससे|उससे) (?:(?:एक|दो) दिन |कुछ घंटे |ठीक )?पहले|(?:इसी|उसी) दिन|(?:एक|दो) दिन पहले"
    r"|(?:त्याआधी|त्यापूर्वी)(?: (?:एक|दोन) दिवस)?|(?:त्याच|याच|त्याच्या आदल्या) दिवशी"
    r"|(?:एक|दोन) दिवस (?:आधी|आधीच|अगोदर)"
    # "meanwhile", "elsewhere": another event told beside the news (इस बीच, उधर, दरम्यान,
    # दुसरीकडे)
    r"|इस बीच|इसी बीच|उधर|दरम्यान|दुसरीकडे|तिकडे",
    re.IGNORECASE)
# Japanese ties it within its opening words, after the subject: 政府は同日、前日には
_TIED_CJK = re.compile(r"[^。、]{0,12}?(?:同日|前日|同じ日)(?:に|には|にも|も)?、|一方、")
_OPENING = 12
# a pact signed or a drill held that day is news of its own, whatever it is tied to ("The
# same day, India and Japan signed ...", त्याच दिवशी ... स्वाक्षऱ्या, 同日、署名した): only
# talks and meetings are told beside the news so
_DEED = re.compile(r"\b(?:sign|signs|signed|signing|drill|drills|drilled|exercise|exercises|"
                   r"exercised|inked|sealed)\b|हस्ताक्ष|स्वाक्ष|अभ्यास|सराव|署名|締結|調印|"
                   r"訓練|演習", re.IGNORECASE)
# or anywhere, by a clause that dates the sentence's act from another ("..., a day after
# British and Chinese officials held talks", "met for talks the same day", बातचीत के दिन
# ही, चर्चेच्या दुसऱ्याच दिवशी, 協議の翌日)
_TIED_CLAUSE = re.compile(
    r"\b(?:(?:a|one|two|three|several|a few) (?:day|days|hours|weeks|week)|hours|days|weeks|"
    r"moments|minutes) (?:after|before)\b|\bthe same day\b|\bthe day before\b"
    r"|के दिन ही|के (?:एक|दो) दिन बाद|से (?:एक|दो) दिन पहले|के कुछ (?:ही )?घंटे बाद|से कुछ घंटे पहले"
    r"|च्या (?:दिवशीच|आदल्या दिवशी|दुसऱ्या(?:च)? दिवशी)|नंतर काही तासांतच"
    r"|の(?:翌日|前日)|と同じ日",
    re.IGNORECASE)


def tied_sentences(text: str, starts: Sequence[int]) -> frozenset[int]:
    """The sentences (by index of `starts`) that tie their act to the news's time ("A day
    earlier, ...", इससे एक दिन पहले, 同日、) or to another event's (", a day after ...")."""
    out = set()
    for i, start in enumerate(starts):
        head = text[start:start + _OPENING + 40].lstrip()
        if _TIED.match(head) or _TIED_CJK.match(head):
            out.add(i)
    out.update(max(0, bisect_right(starts, m.start()) - 1)
               for m in _TIED_CLAUSE.finditer(text))
    ends = [*starts[1:], len(text)]
    return frozenset(i for i in out if not _DEED.search(text, starts[i], ends[i]))


def earlier_sentences(text: str, starts: Sequence[int]) -> frozenset[int]:
    """The sentences (by index of `starts`) that tell their act in the pluperfect."""
    return frozenset(max(0, bisect_right(starts, m.start()) - 1)
                     for m in _EARLIER.finditer(text))


# a sentence whose subject is "he" or "she", within its opening words ("Later, he held
# talks with ...", यानंतर त्यांनी, इसके बाद उन्होंने, 同氏は, 同相は; a ship's "she": रवाना
# होताना तिने, 同艦は): the person or ship the sentence before it named goes on acting in it
_HE = re.compile(r"(?:[^\s.!?।]+,?\s+){0,3}?(?:he|she|त्यांनी|त्याने|तिने|उन्होंने|उन्हों ने"
                 r"|उसने)\s|同(?:氏|相|長官|大臣|艦)(?:は|が)", re.IGNORECASE)


def continued_sentences(text: str, starts: Sequence[int]) -> frozenset[int]:
    """The sentences (by index of `starts`, never the first) whose subject is the person of
    the sentence before them ("Marles arrived in Delhi. He held talks with Singh")."""
    return frozenset(i for i, start in enumerate(starts)
                     if i and _HE.match(text[start:start + _OPENING + 60].lstrip()))
