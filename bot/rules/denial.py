"""What did not happen is not news: the sentences of a text that deny, call off or put off
an act rather than tell of one.

A story that two states did *not* sign, that a meeting has no date yet, that a drill was
cancelled or postponed, or that a government denied a pact names the two states, the act
and often "defence" as readily as a report of the act does ("There is no date for the next
meeting between India and Japan", "Tokyo denied it had signed a pact with Canberra", 日豪の
訓練は中止された, भारत और जापान ने समझौते पर हस्ताक्षर नहीं किए, करार झाला नाही). Such a
sentence names no parties of today's news: `pair()` and `sentence()` look past it, as
they do past a wish (bot/rules/mood.py) and past history (bot/rules/dated.py).

A report of an act that says what was left undone is news: the act it reports comes
first ("The ministers met on Monday but did not sign the pact"; 会談したが、合意には至ら
なかった; बैठक हुई, लेकिन समझौता नहीं हुआ).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.rules.mood import sentences_where

__all__ = ["denied", "denied_sentences"]

# English: a negated auxiliary, "never" (not in praise: "ties have never been closer",
# "never before have the navies ..."), "no date", and the verbs of calling an act off,
# putting it off or denying it (a word of these before any reported act)
_NEGATED = re.compile(
    r"\b(?:(?:did|does|do|has|have|had|was|were|will|would|could)(?: not|n't)(?: \w+){0,2}"
    r" (?:sign|signed|agree|agreed|meet|met|hold|held|set|announce|announced|decide|decided|"
    r"conclude|concluded|reach|reached|confirm|confirmed|take place|happen|been set|"
    r"been agreed|been signed|been decided|been announced)|"
    # "never" denies, but "ties have never been closer" praises and "never before" tells a first
    r"never(?! (?:been )?(?:closer|better|stronger|more|greater|higher|deeper|warmer|so|before)\b)|"
    r"neither|no (?:\w+ )?(?:date|deal|agreement|pact|decision|plans?|talks|meeting)|"
    # a headline's "No joint patrols with US for now"
    r"\Ano (?:\w+ ){0,2}(?:patrols?|exercises?|drills?|visits?|treaty|alliance)|"
    # who took no part: "the two defence ministers were not involved"
    r"(?:was|were|is|are)(?: not|n't) (?:involved|present|part of|among)|"
    r"nothing (?:has|had|was) been|not yet|"
    r"den(?:y|ies|ied|ying)|cancel(?:s|l?ed|l?ing)?|call(?:s|ed|ing)? off|"
    r"postpone(?:s|d)?|postponing|(?:put|puts|putting) off|shel(?:ve|ves|ved|ving)|"
    r"scrap(?:s|ped|ping)?|axe[sd]|"
    # one side refuses the act: "declined a meeting proposed by the United States",
    # "Beijing snubs talks", "rebuffed", "turned down", 会談を拒否
    r"declin(?:e|es|ed|ing) (?:a |an |the |to |\w+ )?(?:meeting|talks|request|invitation|"
    r"offer|call|proposal|meet|hold|join|sign)|refus(?:e|es|ed|ing)|snub(?:s|bed|bing)?|"
    r"rebuff(?:s|ed|ing)?|spurn(?:s|ed|ing)?|turn(?:s|ed|ing)? down|"
    # "pushed back" to a later date (not "pushed back against" a claim), deferred, on hold
    r"(?:pushed|pushes|pushing) back(?! (?:against|on|at|hard)\b)|defer(?:s|red|ring)?|"
    r"(?:was|were|is|are|been|be) delayed|(?:put|puts|putting|is|are|remains?|kept) on hold|"
    # an act heading for a delay: "set to be postponed", "heading for delay"
    r"(?:set|likely|expected|poised|due) to be (?:delayed|pushed back)|"
    r"head(?:s|ed|ing)? (?:for|towards?) (?:a )?(?:delay|postponement|cancellation))"
    r"\b", re.IGNORECASE)
# an act the sentence reports before its negation: the act happened, and what follows is
# what it left undone ("met ... but did not sign"); "said" is no act ("officials said the
# talks were cancelled" reports the cancellation)
_ACTED = re.compile(
    r"\b(?:met|meets?|held|holds?|agreed|agrees?|signed|signs?|discussed|discuss(?:es)?|"
    r"spoke|began|begins?|opened|opens?|started|starts?|conducted|completed|concluded|"
    r"reaffirmed|welcomed|exchanged|joined|joins?|sailed|trained|trains?)\b",
    re.IGNORECASE)
# Japanese, Hindi and Marathi tell the negation at the end of the sentence (or of the
# clause a reporting verb closes: という, とした, असे ... सांगितले)
_ENDING = re.compile(
    r"(?:ない|なかった|ません|ませんでした|ず|見送[らりるっれ]\w{0,5}|中止(?:[しさ]\w{0,5})?|"
    r"延期(?:[しさ]\w{0,5})?|否定(?:[しさ]\w{0,5})?|見合わせ\w{0,5}|取りやめ\w{0,5}|"
    # heading for it, or moving to do it: 延期へ, 中止する方向で調整に入った, 延期する方針を
    # 固めた, 見送られる見通しとなった
    r"(?:延期|中止|見送り|先送り|白紙|取りやめ|見合わせ)へ|"
    r"(?:延期|中止|見送|先送り|取りやめ|見合わせ)\S{0,4}"
    r"(?:方向で調整\w{0,8}|方針を固め\w{0,3}|見通し(?:と|に)な\w{0,3})|"
    r"先送り\w{0,5}|棚上げ\w{0,5}|白紙\w{0,5}|拒否\w{0,5}|拒[んむまみ]\w{0,3}|"
    # a headline's "without X taking part": 今年は米海兵隊の参加なし; bare "no talks", "no
    # plan": 協議なし, 予定なし
    r"(?:参加|出席|同席|署名|協議|予定|計画|合意|交渉|決定)(?:は|も)?なし|不参加|"
    # Hindi and Marathi negations are words of their own: सामनाही ("the match too") ends
    # in नाही, पलटले in टले, and neither denies anything
    r"(?<![\u0900-\u097f])(?:"
    r"नहीं(?: (?:है|हैं|था|थी|थे|हुआ|हुई|हुए|किया|किए|किये|की|गया|गई|गए|सका|सकी|सके|"
    r"पाया|पाई|पाए|हो|कर|दी|दिया))*|"
    r"(?:रद्द|स्थगित|टाल) (?:कर|हो)\S*(?: \S+){0,3}|इनकार (?:कर|किया)\S*(?: \S+){0,2}|"
    r"टल(?:ी|ा|े|ीं)(?: गई| गया| गए| है| हैं)?|टाल (?:दी|दिया|दिए)(?: \S+){0,2}|"
    # a headline's bare "cancelled", "put off": बैठक रद्द, दौरा स्थगित
    r"रद्द|स्थगित|"
    r"नाही|नाहीत|नव्हता|नव्हती|नव्हते|(?:रद्द|स्थगित) (?:केल|करण्यात|झाल)\S*(?: \S+){0,2}|"
    r"पुढे ढकलल\S*(?: \S+){0,2}|पुढे ढकलण्यात(?: \S+){0,2}|नकार दिल\S*|"
    # adjourned: चर्चा तहकूब (करण्यात आली)
    r"तहकूब(?: (?:केल|करण्यात|झाल)\S*)?(?: \S+){0,2}|"
    # a report denied or rebutted: वृत्त फेटाळले, खबरों का खंडन किया, इन्कार केला
    r"फेटाळ\S*(?: \S+){0,3}|खंडन(?: (?:कर|किया|की)\S*)?(?: \S+){0,2}|इन्कार (?:केल|कर)\S*|"
    # a headline's "put off": शिखर परिषद लांबणीवर (पडली)
    r"लांबणीवर(?: (?:पडल|टाकल|गेल)\S*)?(?: \S+){0,2}|"
    # a pact or a visit stalled, stuck or shelved: करार रखडला, समझौता अधर में लटका, अटका
    # हुआ है, ठंडे बस्ते में, बारगळला
    r"(?:रखडल|रखडण|बारगळल|अडकल|अडकून पड)\S*(?: \S+){0,2}|"
    r"(?:अधर में|खटाई में|ठंडे बस्ते में|थंड्या बस्त्यात)(?: \S+){0,3}|"
    # still awaited: कराराची प्रतीक्षा कायम, समझौते का इंतजार जारी
    r"(?:प्रतीक्षा|प्रतिक्षा|इंतजार|इंतज़ार)(?: (?:कायम|जारी|बरकरार|संपेना|खत्म नहीं))?|"
    r"प्रतीक्षेत(?: \S+){0,2}|"
    r"(?:अटक|लटक)(?:ा|ी|े|ीं)(?: (?:हुआ|हुई|हुए|पड़ा|पड़ी|पड़े))?(?: (?:है|हैं|था|थी|थे))?))"
    r"(?:[」』]?(?:という|とした|としている|と(?:述べ|話し|説明し|明らかにし|発表し|伝え)\w{0,3})"
    # a headline's quoted denial and who said it: 「決まったことはない」 政府が答弁書
    r"|[」』]\s*[^。「」\s]{1,12}"
    r"|[,،] (?:असे|ऐसा|यह)[^,।.]{0,60}"
    # a headline's denial and who made it, after a colon: "... करार नहीं: विदेश मंत्रालय",
    # "... करार नाही : परराष्ट्र मंत्रालयाचे स्पष्टीकरण"
    r"|\s*[:：]\s*[^:：,।.]{1,45}"
    # a Japanese headline's reason after it: 延期へ　抗議デモ拡大で
    r"|[\s\u3000]+[^\s\u3000。]{1,12}で)?"
    r"[\s」』”\"')）]*(?:[。．.!।]|$)")
# a clause that reports an act before the negation: 会談し, 結んだが (an act, "but"),
# बैठक हुई, लेकिन; करार केला, पण
_ACTED_CJK = re.compile(r"(?:会談|協議|署名|締結|合意|一致|確認|実施|開始|訓練)"
                        r"(?:し|を行い|を実施し)|[ただ]が[、,]")
# or a clause of its own that names an act and denies nothing: "ट्रंप-मोदी वार्ता: रिश्ते
# ... पहुंचे, व्यापार समझौता टला" (talks held, ties raised; the trade deal put off)
_CLAUSE = re.compile(r"[,;:，、；：]")
_ACT_NOUN = re.compile(r"वार्ता|बातचीत|बैठक|मुलाकात|चर्चा|करार|सराव|अभ्यास|भेट")
_ACTED_DEVANAGARI = re.compile(
    r"(?:बातचीत|बैठक|वार्ता|मुलाकात|चर्चा|करार|अभ्यास|सराव)\S* (?:की|किया|किए|हुई|हुआ|हुए|"
    r"केली|केला|केले|झाली|झाला|झाले)[ ,]+(?:लेकिन|परंतु|मगर|पर|पण|मात्र)")


def denied_sentences(text: str, starts: Sequence[int]) -> frozenset[int]:
    """Numbers of the sentences (as `starts` cuts text) that deny, call off or put off
    what they tell rather than report it."""
    return sentences_where(text, starts, denied)


# what a report or a rumour said (合意したとの一部報道を否定した): an act told there is
# the report's, not one the sentence tells as done
_HEARSAY_CJK = re.compile(r"(?:との|という)(?:一部)?(?:報道|観測|うわさ|噂)")


def denied(sentence: str) -> bool:
    """Whether one sentence denies, calls off or puts off what it tells."""
    m = _ENDING.search(sentence)
    if m is not None:
        before = sentence[:m.start()]
        before = before[max((h.end() for h in _HEARSAY_CJK.finditer(before)), default=0):]
        return not (_ACTED_CJK.search(before) or _ACTED_DEVANAGARI.search(before)
                    or any(_ACT_NOUN.search(c) and not _ENDING.search(c)
                           for c in _CLAUSE.split(before)[:-1]))
    m = _NEGATED.search(sentence)
    return m is not None and not _ACTED.search(sentence, 0, m.start())
