"""A wish is not news: the sentences of a text that ask, propose or suppose an act
rather than tell of one.

An opinion piece names two states, a pact and "agree" as readily as a report of a
signing does ("India and Australia could agree to develop drones", "Tokyo and Canberra
should sign a pact", 日豪は協定を結ぶべきだ, भारत और जापान को समझौता करना चाहिए); what
gives it away is the mood of its verb. A sentence is *unasserted* when a modal of
possibility or duty comes before any act it reports ("could", "should", "might",
"must", "ought to"; Japanese べきだ, かもしれない, 望まれる, だろう at the end of a
sentence; Hindi चाहिए, सकता, शायद; Marathi हवे, पाहिजे, शकते, कदाचित), or when it asks a
question. Such a sentence names no parties of today's news: `pair()` and `sentence()` look
past it, as they do past history (bot/rules/dated.py).

A report of a meeting that says what the two sides should do next is news: the act it
reports comes first ("The ministers met on Monday and agreed the navies should train
together more often"; 会談し、協力を強化すべきだとの認識で一致した).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

__all__ = ["sentences_where", "unasserted", "unasserted_sentences"]

# English modals of possibility or duty ("may" is left out: "the more telling hour may
# have been when the ministers met" hedges a judgement, not the act; "would" after a
# reported act is what was said, "the pledge that the US would defend Japan"), and what
# someone is urged or called on to do ("calls on Tokyo to sign"; not a courtesy call,
# "the navy chief called on his Japanese counterpart", with no "to" and a verb after)
_MODAL = re.compile(r"\b(?:could|should|would|might|must|ought to)\b|\burg(?:e|es|ed|ing)\b"
                    r"|\bcall(?:s|ed|ing)? for\b"
                    r"|\bcall(?:s|ed|ing)? (?:up)?on\b(?=(?:\W+\w+){1,8}?\W+to\s+(?!discuss|"
                    r"review|talk|exchange|brief|mark|pay|bid)\w)"
                    # an op-ed's "the time has come for ...", "it is time the two ..."
                    r"|\b(?:the time has come|it is time|it's time|high time)\b"
                    # a headline's "Time to ...", "Time for Delhi and Tokyo to ..."
                    r"|\A(?:now is the )?time (?:to|for)\b",
                    re.IGNORECASE)
# an act the sentence reports before its modal: what follows is what was said or agreed
# ("noted", not the noun of "Sector note: ... could gain")
_REPORTED = re.compile(
    r"\b(?:met|meets?|meeting|held|holds?|agree[sd]?|sign(?:s|ed|ing)?|discuss\w*|spoke|"
    r"speak\w*|call\w*|reaffirm\w*|affirm\w*|welcom\w*|noted|"
    r"stress\w*|underlin\w*|announc\w*|pledg\w*|promis\w*|commit\w*|statement|"
    r"declar\w*|during|after)\b",
    re.IGNORECASE)
# a verb that only reports speech: what was said "would" happen is told as news (the
# minister said the navies would train in May), what someone says "should" or "could"
# happen is still their wish ("Analysts say Tokyo and Canberra should sign a pact")
_SAYING = re.compile(r"\b(?:said|says?|told|tells?|according to)\b", re.IGNORECASE)
# a clause of its own before the one that says so tells something else, asserted ("Australia
# has not sailed in Malabar since 2007, and analysts said the deal could bring it back")
_CLAUSE_BEFORE = re.compile(r"[;:]|, (?:and|but|while|whereas)\b", re.IGNORECASE)
_FORETOLD = re.compile(r"would", re.IGNORECASE)
# Japanese and Hindi/Marathi: the mood is told at the end of the sentence (or of the
# clause a quotation closes), and a reporting verb after it makes it what was said
_ENDING = re.compile(
    r"(?:べきだ|べきである|べきではないか|かもしれない|望まれる|だろう|でしょう|のか|時機だ|"
    r"時機である|べき時だ|"
    r"चाहिए|सकता है|सकती है|सकते हैं|हवे|हवा|हवी|हवेत|हवीत|पाहिजे|पाहिजेत|शकते|शकतो|"
    r"शकतात|शकतील|शकेल|नये|"
    # Hindi "will have to" (an infinitive, then होगा or पड़ेगा: बनाना पड़ेगा), Marathi
    # "will have to" and the optative "should" (करावे लागेल, करार करावा)
    r"(?:ना|नी|ने) (?:होगा|होगी|होंगे|पड़ेगा|पड़ेगी|पड़ेंगे)|पड़ेगा|पड़ेगी|पड़ेंगे|"
    r"\S(?:ावे|ावा|ावी|ावेत|ावीत)(?: लागेल| लागतील)?|"
    # what is needed, not done: "... सराव करणे गरजेचे आहे", "... अभ्यास की जरूरत है"
    r"(?:गरजेचे|गरजेची|गरजेचा|आवश्यक) आहे|गरज आहे|(?:ज़रूरत|जरूरत|आवश्यकता) है|"
    r"(?:ज़रूरी|जरूरी|आवश्यक) है|"
    # a plan told in the past, not an act done: 協議する予定だった, 見通しだった, बातचीत होनी
    # थी, हस्ताक्षर होने वाले थे, चर्चा होणार होती, स्वाक्षऱ्या होणार होत्या, अपेक्षित होते
    r"(?:予定|見通し|見込み|はず|つもり)(?:だった|であった)|想定されていた|"
    r"(?:नी|ना|ने) (?:थी|था|थे)|(?:ने|नी|ना) (?:वाला|वाली|वाले) (?:था|थी|थे)|"
    r"(?:प्रस्तावित|तय) (?:था|थी|थे)|"
    r"णार (?:होती|होता|होते|होत्या)|(?:अपेक्षित|नियोजित) (?:होते|होती|होता|होत्या))"
    # whose opinion, hope or demand it is (Marathi: "..., असे लेखकाचे मत आहे", so is the
    # writer's view; "..., अशी अपेक्षा व्यक्त करण्यात आली", so it was hoped)
    r"(?:,? (?:असे|अशी|असा) [^.।]{0,60}(?:मत|अपेक्षा|मागणी|इच्छा|आशा|आग्रह)"
    r"(?: [^.।]{0,30})?)?"
    r"[\s」』”\"']*(?:[。．.!?！？।]|$)")
# a wish that someone is reported to hold is still a wish ("..., say analysts"): the
# modal ending, then who said or thinks so (日豪は協定を結ぶべきだと指摘した, ...करायला हवा,
# असे तज्ज्ञांनी सांगितले, ...करना चाहिए, ऐसा विशेषज्ञों ने कहा) — unless the sentence
# first reports an act (両氏は会談し、...すべきだと述べた: they met, and said so)
_WISH_SAID = re.compile(
    r"(?:べきだ|べきである|かもしれない|望ましい|必要がある)」?との?"
    r"(?:考え|見方|見解|指摘|主張|意見|声|述べ|語|話し|強調|訴え|提言|求め)"
    r"|(?:चाहिए|सकता है|सकती है|सकते हैं|हवे|हवा|हवी|हवेत|पाहिजे|पाहिजेत|शकते|शकतात|"
    r"शकेल|\S(?:ावे|ावा|ावी|ावेत)), (?:असे|ऐसा|यह) [^.।]{0,60}"
    r"(?:सांगितल|म्हण|मत|वाटत|कहा|कहना|मानना|राय)")
_ACTED_FIRST = re.compile(
    r"(?:会談|協議|署名|締結|電話会談)(?:し|を行い|を実施し)|で一致し|"
    r"(?:बैठक|चर्चा|वार्ता|बातचीत|मुलाकात|बोलणी|संवाद|भेट|करार|समझौत|स्वाक्षरी|स्वाक्षऱ्या|"
    r"हस्ताक्षर|सराव|युद्धसराव|अभ्यास|युद्धाभ्यास)\S* "
    r"(?:की|किए|किया|हुई|हुआ|हुए|केली|केला|केले|केल्या|झाली|झाला|झाले|झाल्या|साधला|घेतली"
    r"|घेतला)(?![\u0900-\u097f])"
    # not an act still wished or supposed: करार केला जावा, समझौता किया जाना चाहिए, चर्चा
    # केली पाहिजे, करार केला तर, बैठक हुई तो, चर्चा झाली नाही
    r"(?! (?:जा|पाहिजे|चाहिए|हव|तर|तो|नाही|नहीं|न |गेल|गया|गई|गए))")
_QUOTED_QUESTION = re.compile(r"(?:のか|ですか|ますか|か)[」』]")
# a Japanese condition ("if the pact is signed, ..."): ACSAが結ばれれば、補給を受けやすくなる
# supposes the act (によれば is "according to")
_IF_CJK = re.compile(r"(?<!よ)れば、")
# "perhaps", and "the time has come" of a Hindi or Marathi op-ed (समय आ गया है, वेळ आली आहे),
# or its headline's "time to ..." (शब्दांपलीकडे जाण्याची वेळ, आगे बढ़ने का समय)
_MAYBE = re.compile(r"शायद|कदाचित|(?:समय|वक्त|वक़्त) आ गया है|वेळ आली आहे"
                    r"|\S(?:ण्याची|ायची) वेळ(?: आहे)?[\s\"'”’]*$"
                    r"|\S(?:ने|नी) का (?:समय|वक्त|वक़्त)(?: है)?[\s\"'”’]*$"
                    # a headline's or a sentence's "possible", "likely": अभ्यास अगले साल
                    # संभव, सराव शक्य, भेट लवकरच होण्याची शक्यता आहे.
                    r"|(?<![\u0900-\u097f])(?:संभव|संभावना|शक्य|शक्यता)"
                    r"(?: (?:है|हैं|आहे|वर्तवली|जताई))?[\s\"'”’.।]*$")
# a question (the full stops are the sentence's own: splitting.py cuts after them)
_QUESTION = re.compile(r"[?？][\s\"'”’」』)]*$")
# a question put, not a report of its answer: "Question on India-US defence pact lapses",
# "MPs asked whether Tokyo and Canberra would sign", 協定を結ぶかどうか, संसद में सवाल,
# पूछा कि क्या, करार होणार की नाही, प्रश्न विचारला; and what is argued for under a headline
# with no modal ("The next step for Tokyo and New Delhi: a defence pact", "The case for
# an access pact", 連携強化を急げ, सहयोग की ज़रूरत है, कराराची गरज आहे). Unless the sentence
# first reports an act ("the ministers met and discussed whether ...", 会談し、...かどうか)
_ASKED = re.compile(
    r"\b(?:questions?|query|queries) (?:on|over|about|whether|if)\b|\bwhether\b"
    r"|\bask(?:s|ed|ing)? (?:if|whether)\b"
    r"|\bnext steps? (?:for|in)\b|\bthe case (?:for|against)\b|\btime for\b"
    r"|\bwhat next for\b|\bway forward for\b|\bneeds? to\b|\btime to\b|\bspeculat\w*"
    # a pact weighed, not made: "India mulls a logistics pact", "Tokyo eyes an access
    # deal", 締結を検討, 協力を視野に, 模索 (not "in the eyes of"; not "seeks to", which
    # heads a visit's report as often as a wish)
    r"|\bmull(?:s|ed|ing)?\b|(?<!\bthe )\beye(?:s|ing)\b(?! of\b)|\bweigh(?:s|ing)\b"
    r"|\bconsider(?:s|ing)\b"
    r"|検討(?:して|中|する|を進め|に入|[。]?$)|視野(?:に|[。]?$)|模索"
    # what two states are said to need ("Why Japan and India need a defence treaty"),
    # and an English condition at the head of a sentence ("If India and Japan sign an
    # access pact, troops could ..."): the act supposed, as Japanese れば supposes it
    r"|\bneed (?:a|an)\b|\A(?:if|unless|suppose|supposing|imagine)\b"
    # a plan told in the past, not an act done: "the two were due to sign", "he was
    # to hold a summit" (not what a drill's aim "was to" do, nor what the two "were
    # expected to" do, which previews as often as it regrets)
    r"|\b(?:was|were) (?:due|scheduled|slated|supposed) to\b"
    r"|(?<!aim )(?<!aims )(?<!goal )(?<!idea )(?<!task )(?<!purpose )(?<!objective )"
    r"(?<!mission )(?<!focus )(?<!intent )(?<!plan )\b(?:was|were) to (?:have )?(?:hold|sign|"
    r"meet|visit|discuss|attend|host|open|begin|conclude|review|inaugurate|launch)\b"
    r"|\bhad been (?:due|scheduled|planned|slated) to\b"
    # an act in doubt: "in doubt", "uncertainty over", "a question mark over", 暗雲,
    # दौरे पर संशय, अनिश्चितता, दौऱ्यावर अनिश्चिततेचे सावट, प्रश्नचिन्ह
    r"|\bin doubt\b|\buncertainty (?:over|about|around)\b|\bquestion marks? (?:over|on)\b"
    r"|暗雲|अनिश्चितत|संशय|साशंक|सावट|प्रश्नचिन्ह|सवालिया निशान"
    # an act hoped for, aimed at or judged unlikely is none done ("Tokyo hopes for a
    # defence pact with India", "Japan hopes to sign", 年内の署名を目指す, 署名は困難との
    # 見方): not 目指すことで一致した, where what was agreed is told first
    r"|\bhop(?:e|es|ed|ing) to\b|\bwants? to\b|\bhop(?:e|es|ed|ing) for (?:\w+ ){0,3}?"
    r"(?:pact|deal|agreement|treaty|accord|talks|drill|exercise|visit)s?\b"
    r"|(?:困難|難しい)との(?:見方|見通し|認識)|(?:は|が)(?:困難|難しい|不透明)(?:に(?:なって(?:いる|きた)|なった))?[。]?$|危ぶまれ\w{0,5}[。]?$|見通しは立って(?:い)?ない|見通しが立たない"
    r"|目指(?:す|している|す方針だ|す考えだ)[。]?$"
    r"|臆測|憶測|अनुमान लगा|अटकल|अंदाज बांध|तर्कवितर्क"
    r"|かどうか|(?:可能性|是非|行方)は(?:[\s　]|$)|質疑|質問(?!に答|を受け)|次の一歩"
    r"|(?:急げ|せよ|進めよ|深めよ|結べ)(?:[。!！]|$)"
    r"|(?:पर|के बारे में|को लेकर|संबंधी) (?:सवाल|प्रश्न)|(?:सवाल|प्रश्न) पूछ|पूछा (?:था |गया )?कि"
    r"|(?:संसद|सदन|लोकसभा|राज्यसभा)(?: में|ेत|ेमध्ये|मध्ये) (?:सवाल|प्रश्न)"
    r"|कि क्या|अगला कदम|(?:ज़रूरत|जरूरत|आवश्यकता) है"
    r"|प्रश्न विचार|(?:बाबत|विषयी|संदर्भात)(?:चा|ची|चे)? प्रश्न|की नाही|पुढचे पाऊल|पुढील पाऊल"
    r"|गरज आहे"
    # what is hoped for, not done: उम्मीद है (कि) ..., आशा जताई, ..., अशी आशा/अपेक्षा
    r"|(?:उम्मीद|आशा|अपेक्षा) (?:है|जताई|जताया|जताते|व्यक्त)"
    r"|(?:असे|अशी|असा) [^.।]{0,60}(?:आशा|अपेक्षा|इच्छा)|(?:आशा|अपेक्षा) (?:आहे|व्यक्त)",
    re.IGNORECASE)


def unasserted_sentences(text: str, starts: Sequence[int]) -> frozenset[int]:
    """Numbers of the sentences (as `starts` cuts text) that ask, propose or suppose
    what they tell rather than report it."""
    return sentences_where(text, starts, unasserted)


def sentences_where(text: str, starts: Sequence[int], test: Callable[[str], bool]
                    ) -> frozenset[int]:
    """Numbers of the sentences (as `starts` cuts text) that pass a test of their words."""
    out: set[int] = set()
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        if test(text[start:end].strip()):
            out.add(i)
    return frozenset(out)


def _asked(sentence: str) -> bool:
    """Whether a sentence puts a question or argues a case before it reports any act."""
    asked = _ASKED.search(sentence)
    return (asked is not None and not _REPORTED.search(sentence, 0, asked.start())
            and not _ACTED_FIRST.search(sentence, 0, asked.start()))


# a link to another story, as a TV site or a wire page sets one between its paragraphs
# ("Also read: India, Japan sign ...", "READ | ...", 【関連記事】, あわせて読みたい,
# यह भी पढ़ें, हेही वाचा): that story's headline, not this page's news
_LINKED = re.compile(r"(?:also read|read also|also see|also watch|must read|read|watch|"
                     r"related|recommended|more on this)\s*[:|\-\u2013\u2014]"
                     r"|[【\[]?(?:関連記事|関連ニュース|あわせて読みたい|合わせて読みたい)"
                     r"|(?:यह|ये|इसे|इन्हें) भी (?:पढ़ें|पढ़े|देखें)|(?:हेही|हे पण|ही बातमी) वाचा",
                     re.IGNORECASE)


def unasserted(sentence: str) -> bool:
    """Whether one sentence asks, proposes or supposes what it tells (or links to
    another story)."""
    if (_LINKED.match(sentence.lstrip("▼▽◆■●・•*- ")) or _QUESTION.search(sentence)
            or _QUOTED_QUESTION.search(sentence) or _asked(sentence)):
        return True
    # a wish that closes a sentence which first reports an act is said of what was done
    # ("...शी चर्चा केली आणि ... प्रगती व्हावी, अशी अपेक्षा व्यक्त केली": they talked,
    # and hoped; "... बातचीत की और कहा कि ... होना चाहिए")
    ending = _ENDING.search(sentence)
    if ((ending is not None and not any(m.end() <= ending.start()
                                        for m in _ACTED_FIRST.finditer(sentence)))
            or _MAYBE.search(sentence) or _IF_CJK.search(sentence)):
        return True
    said = _WISH_SAID.search(sentence)
    if said is not None and not _ACTED_FIRST.search(sentence, 0, said.start()):
        return True
    m = _MODAL.search(sentence)
    if m is None or _REPORTED.search(sentence, 0, m.start()):
        return False
    said = _SAYING.search(sentence, 0, m.start())
    if said is not None and _CLAUSE_BEFORE.search(sentence, 0, said.start()):
        return False
    return not (_FORETOLD.fullmatch(m.group()) and said is not None)
