"""What sort of event an article reports: a call, a meeting, a signing or an exercise.

Reports mention other events in passing (a call "welcomed the signing of ACSA" and "the
successful conduct of Malabar"), so the kind is a vote weighted by where the cue words
stand: the headline counts most, the lead next, the rest of the text least. The answer
is None unless one kind clearly wins; clustering only acts on a clear disagreement.
Background is history, not news: a sentence dated to an earlier year ("signed in January
1960", "six decades ago") casts no vote, and an anniversary marks the act it names (the
treaty's signing), it does not report one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from bot.events.ongoing import ongoing
from bot.events.sentences import split_sentences
from bot.events.shipvisit import ARRIVAL as _ARRIVAL
from bot.events.shipvisit import ship_visits
from bot.events.years import AGO, DIGITS, YEAR

__all__ = ["KINDS", "SECONDARY", "STAGES", "Kind", "Stage", "compatible", "cued", "event_kind",
           "exercise_stage", "formats"]

Kind = Literal["call", "meeting", "signing", "exercise", "logistics", "approval", "transfer",
               "anniversary"]
Stage = Literal["start", "end"]
STAGES: tuple[Stage, ...] = ("start", "end")
KINDS: tuple[Kind, ...] = ("call", "meeting", "signing", "exercise", "logistics", "approval",
                           "transfer", "anniversary")
SECONDARY: tuple[Kind, ...] = ("logistics", "approval", "transfer")

# Japanese runs words together and Hindi/Marathi inflect at a word's end, so their cues
# match at a word's start (after no other letter of the script) rather than as whole words.
_DEVA = r"(?<![\u0900-\u097f])"
_CUES: dict[Kind, re.Pattern[str]] = {
    "call": re.compile(
        r"\b(?:tele)?phon(?:e|ed|ic)\b|\btelephone|\bvideo[ -]?(?:call|conference|link)"
        r"|\bvideoconferenc|\bvirtual (?:meeting|talks|call)"
        r"|電話|テレビ会談|テレビ会議|オンライン会談"
        rf"|{_DEVA}(?:फ\u093c?ोन|फ़ोन|टेलीफ\u093c?ोन|टेलीफ़ोन|दूरभाष|दूरध्वनी|वीडियो कॉन्फ्रें?स)",
        re.IGNORECASE),
    "meeting": re.compile(
        r"\b(?<!phone )(?<!phonic )(?<!video )(?<!virtual )"  # "telephone talks" is a call
        r"(?:met|meet|meets|meeting|talks|dialogue|summit|consultations|called on"
        r"|courtesy call|(?<!port )visit(?:s|ed|ing)?)\b|\b2\s*\+\s*2\b|\btwo-plus-two\b"
        r"|(?<!電話)(?<!テレビ)(?<!オンライン)(?:会談|会合|協議|対話)|表敬|訪問"
        # talks by phone, in Hindi or Marathi (फोन पर, फोनवरून, दूरध्वनीवरून), are a call
        rf"|{_DEVA}(?<!फोन पर )(?<!फ़ोन पर )(?<!फोनवरून )(?<!फ़ोनवरून )(?<!फोनवर )"
        r"(?<!फ़ोनवर )(?<!दूरध्वनीवरून )"
        # not संवाददाता, a byline; दौरा, दौऱ्यात: a visit, as "visit" is in English
        # (not के दौरान, "during")
        r"(?:वार्ता|बैठक|मुलाक़?ात|भेंट|भेट|संवाद(?!दात)|चर्च[ाे]|दौर[ाेी](?!न)|दौऱ्)",
        re.IGNORECASE),
    # "the pact they signed four years ago" recalls a signing, it does not report one
    "signing": re.compile(
        r"\b(?:sign|signs|signed|inked|inks|seal|seals|sealed)\b"
        r"(?!,? (?:\w+ ){0,2}(?:years?|months?|decades?) ago\b"
        r"| (?:back )?in (?:19|20)\d\d\b| last (?:year|month)\b)|署名|調印|締結"
        rf"|{_DEVA}(?:हस्ताक्षर|स्वाक्षरी)",
        re.IGNORECASE),
    "exercise": re.compile(
        r"\b(?:exercises?|drills?|war ?games|manoeuvres?|maneuvers?|passex"
        r"|(?:joint|bilateral|combined|trilateral) training"
        # "trains with", "trained together" (not "will train with": the drill to come)
        r"|train(?:s|ed) (?:together|alongside|with (?:the )?(?:\w+ )?(?:navy|army|air force"
        r"|forces?|destroyers?|frigates?|ships?|warships?)))\b"
        rf"|訓練|演習|{_DEVA}(?:अभ्यास|सराव|युद्धाभ्यास|संयुक्त\s+प्रशिक्षण)",
        re.IGNORECASE),
    # A ship calling at the other's port for fuel, stores or repairs: the everyday use of
    # a logistics agreement, reported without a minister or a cue of the kinds above.
    "logistics": re.compile(
        r"\b(?:port calls?|port visits?|call(?:s|ed|ing)? at|refuel\w*|replenish\w*"
        r"|(?:took|take[sn]?|taking|receive[sd]?|receiving) (?:on )?fuel"
        r"|top(?:s|ped)? up|maintenance|repairs?|repaired|berth(?:s|ed)? at)\b"
        # a ship come into port: "slips into port", "docks at Yokosuka", 入港, बंदरगाह पहुंची
        rf"|{_ARRIVAL}"
        rf"|寄港|補給|給油|修理|{_DEVA}(?:ईंधन|इंधन|मरम्मत|दुरुस्ती|पोर्ट कॉल)",
        re.IGNORECASE),
    # A ship, aircraft or equipment handed over to the other side's forces.
    "transfer": re.compile(
        r"\b(?:hand(?:s|ed|ing)? over|handover|hand-over|transfer(?:s|red|ring)?"
        r"|deliver(?:s|ed|y|ies)|receives?(?! (?:on )?fuel)|received(?! (?:on )?fuel)"
        r"|gift(?:s|ed)?|donat\w*)\b"
        rf"|引き渡|引渡|供与|移転|{_DEVA}(?:सौंप|सौंपा|सुपूर्द|हस्तांतर)",
        re.IGNORECASE),
    # A statement or ceremony marking so many years of a treaty or of ties: an event of
    # its day, not the meeting that fell days before it.
    "anniversary": re.compile(
        r"\banniversar(?:y|ies)\b|周年"
        rf"|{_DEVA}(?:वर्षगांठ|वर्षगाँठ|सालगिरह|वर्धापन)",
        re.IGNORECASE),
    # A parliament or cabinet approving an agreement signed earlier.
    "approval": re.compile(
        r"\bratif\w*|\b(?:diet|parliament|house|senate|cabinet|lawmakers)\b[^.]{0,40}?"
        r"\b(?:approv\w*|clear(?:s|ed)?|pass(?:es|ed)?|endors\w*)\b"
        rf"|承認|批准|可決|{_DEVA}(?:मंज़ूरी|मंजूरी|मंजुरी|अनुमोदन)",
        re.IGNORECASE),
}
# Named meeting formats: a pair of countries holds one at most once or twice a year, so
# two reports naming it in their headline or lead, days apart, tell of one meeting. The
# US-Japan 2+2 is officially the Security Consultative Committee, the US-Australia one AUSMIN.
_FORMATS: dict[str, re.Pattern[str]] = {
    "2+2": re.compile(r"\b2\s*\+\s*2\b|\btwo[- ]plus[- ]two\b|\bsecurity consultative committee\b"
                      r"|\bausmin\b|２\s*＋\s*２|外務・防衛閣僚会合|安全保障協議委員会"
                      r"|टू[ -]प्लस[ -]टू", re.IGNORECASE),
}
# A signing is done at a meeting; ships refuel and call at ports in the course of an
# exercise; at a handover both sides sign the acceptance documents, and a report in
# which that signing stands in the lead reads as a signing; an arrangement for repairs or
# supplies is signed, and a report that leads with the repairs it is for reads as logistics.
_COMPATIBLE = frozenset({frozenset({"meeting", "signing"}), frozenset({"exercise", "logistics"}),
                         frozenset({"signing", "transfer"}), frozenset({"signing", "logistics"})})
_WEIGHTS = (3.0, 2.0, 1.0)  # a cue in the headline, in the first two sentences, further on
# "At the beginning of the month" (सुरुवातीला, शुरुआत में) dates something else, and
# Marathi सुरू आहे / सुरू असलेल्या / सुरूच ("going on", "still on") tells of a drill
# already running: neither tells of a start.
_START = re.compile(
    r"\b(?:begins?|began|(?<!at the )(?<!in the )beginning(?! of the (?:month|year|week))"
    r"|commenc\w*|kick(?:s|ed)? off|opens?|opened|launch(?:es|ed)?"
    r"|gets? under ?way|arrives?|arrived|joins?|joined|set sail"
    r"|(?:first|second|third|final) phase|phase (?:[123]|i{1,3}|one|two|three))\b"
    rf"|{_ARRIVAL}|開始|始ま|開幕|{_DEVA}(?:शुरू|शुरु(?!आत में)|आरंभ|प्रारंभ|शुभारंभ"
    r"|सुरू(?!\s*(?:अस|आहे|(?:होत[ाीे]|च)(?![\u0900-\u097f])))"
    r"|सुरुवात(?!ीला|ीस))",
    re.IGNORECASE)
_END = re.compile(
    r"\b(?:ends?|ended|conclu(?:de|des|ded|ding)|wrap(?:s|ped)? up|culminat\w*|close[sd]? out"
    r"|complete[sd]?|finale)\b|終了|閉幕|終え|完了"
    rf"|{_DEVA}(?:समाप्त|समापन|समारोप|संपन्न|सांगता|संपला|संपले"
    # completed: सराव पूर्ण केला, अभ्यास पूरा कर लिया (not पूर्ण सहकार्य, "full")
    r"|पूर्ण(?=\s*(?:केल|झाल|हो|$))|पूर[ाी](?=\s+(?:कर|हो|हु)))",
    re.IGNORECASE)


def _zones(title: str, body: str) -> tuple[str, str, str]:
    """Headline, lead (the first two sentences) and the rest of the text."""
    first = body.split("\n", 1)[0]
    lead = " ".join(split_sentences(first)[:2])
    return title, lead, body[len(lead):] if body.startswith(lead) else body


def event_kind(title: str, body: str, exercises: Iterable[str] = (),
               year: int | None = None) -> Kind | None:
    """The kind that clearly wins the cue vote (at least 2 and twice the next).

    A kind scores 3 if a cue word stands in the headline, 2 if in the lead, 1 if further
    on: presence, not counts, so a long text does not outvote its headline. The name of
    an exercise the article mentions ("JIMEX 22 commences") is a cue for "exercise".
    A port call, a parliament's approval or a handover (`SECONDARY`) is the kind only of
    a report whose headline and lead have no cue of the others: ships refuel during an
    exercise, and ministers meet to approve things (or about repairs); but an approval
    that scores as high is one (a Senate approving a pact that lets troops train). Given
    the report's year, a cue in a clause dated to an earlier year is background and casts
    no vote (`_dated`); a signing cue beside an anniversary's is the act the anniversary
    marks.
    """
    zones = ship_visits(_zones(title, body))
    names = [_exercise_name(n) for n in exercises if n.strip()]

    def hit(kind: Kind, zone: str) -> bool:
        if kind == "signing" and cued("anniversary", zone):
            return False
        return (any(not _dated(zone, m.start(), year)
                    and not (kind == "exercise" and (_agenda(zone, m.start())
                                                      or _topic(zone, m.start(), m.end())))
                    and not _ahead(zone, m.start(), m.end())
                    and not (kind == "meeting" and ongoing(zone, m.start(), m.end()))
                    for m in _CUES[kind].finditer(zone))
                or (kind == "exercise" and any(n.search(zone) for n in names)))

    def vote(kinds: Iterable[Kind]) -> tuple[float, Kind | None]:
        scores = sorted(
            ((sum(w for w, z in zip(_WEIGHTS, zones, strict=True) if hit(kind, z)), kind)
             for kind in kinds),
            key=lambda s: -s[0],
        )
        (best, kind), (second, _) = scores[0], scores[1]
        return best, kind if best >= 2.0 and best >= 2 * second else None

    best, kind = vote(k for k in KINDS if k not in SECONDARY)
    other_best, other = vote(SECONDARY)
    # a parliament's approval told above (or beside) the drill or meeting the lead gives
    # as its purpose ("the pact lets the forces train together") is the approval; repairs or a
    # delivery in a headline are as often what ministers met about
    if other is not None and ((best < 2.0 and kind is None)
                              or (other == "approval" and other_best >= best)):
        return other
    return kind


_MONTH_NAME = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
               r"|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
# A year that dates what a clause tells: "in (January) 1960", "on 9 September 2020",
# "January 19, 1960", "1960年1月", "1960年に", "1960 में", "2016 साली" (a year naming a
# thing, "the 2005 framework", "2007年の宣言", dates nothing; nor does a clause that runs
# from then to now, `_SINCE`).
_DATE = re.compile(
    rf"\b(?:in|on)\s+(?:(?:early|late|mid)[- ]?)?(?:\d{{1,2}}\s+)?"
    rf"(?:{_MONTH_NAME}\s+)?(?:\d{{1,2}},?\s+)?{YEAR}\b"
    rf"|\b{_MONTH_NAME}\s+\d{{1,2}},?\s+{YEAR}\b|\b\d{{1,2}}\s+{_MONTH_NAME}\s+{YEAR}\b"
    rf"|(?<!\d){YEAR}年(?=\d{{1,2}}月|に|、)"
    rf"|(?<!\d){YEAR}\s*(?:में|को|मध्ये|साली|साल)(?![\u0900-\u097f])",
    re.IGNORECASE)
_SINCE = re.compile(r"\bsince\b|以来|から|पासून|के बाद से|तब से")
_STOP = re.compile(r"[.!?\u3002\uff01\uff1f\u0964](?=\s|$)|[\u3002\uff01\uff1f\u0964]")
_COMMA = re.compile(r"[,;:\u3001\uff0c]")


def _sentence(zone: str, at: int) -> tuple[int, int]:
    """Where the sentence holding zone[at] starts and stops."""
    start = max((m.end() for m in _STOP.finditer(zone, 0, at)), default=0)
    return start, next((m.start() for m in _STOP.finditer(zone, at)), len(zone))


# What the two sides agreed to do more of is their agenda, not a drill held: "agreed to
# expand defence cooperation, including more joint exercises", संयुक्त लष्करी सराव आणि
# सागरी सुरक्षा या क्षेत्रांत सहकार्य वाढवण्यावर सहमती, 共同訓練の拡充などで一致. A
# summit's or a call's report leads with such a list as often as a drill's with the drill.
_AGREED = re.compile(
    r"\b(?:agree[sd]?|agreeing|pledg(?:e|es|ed|ing)|decided|resolved)\b|一致|合意"
    rf"|{_DEVA}(?:सहमति|सहमती|सहमत|एकमत|ठरल|ठरव)",
    re.IGNORECASE)
_MORE = re.compile(
    r"\b(?:expand\w*|deepen\w*|strengthen\w*|widen\w*|enhanc\w*|step(?:s|ped)? up"
    r"|boost\w*|increas\w*)\b|拡充|拡大|強化|深化|推進|進める"
    rf"|{_DEVA}(?:बढ़ा|बढा|मज़बूत|मजबूत|विस्तार|गहरा|वाढव|दृढ)",
    re.IGNORECASE)


def _agenda(zone: str, at: int) -> bool:
    """Whether the cue at zone[at] stands in a sentence telling what the two agreed to
    expand (`_AGREED` and `_MORE` both in it): cooperation to come, not a drill held."""
    start, stop = _sentence(zone, at)
    sentence = zone[start:stop]
    return bool(_AGREED.search(sentence) and _MORE.search(sentence))


# What two sides talked about is the talk's subject, not a drill held: "spoke with India's
# Minister of Defence about the next round of naval exercises", "Marles, Indian
# counterpart talk naval drills", 共同訓練について協議, अभ्यास पर चर्चा, सरावांबाबत चर्चा
# (a drill's report that says the crews "discussed tactics during the drills" holds it)
_TALKED = re.compile(
    r"\b(?:discuss(?:es|ed|ing)?|talk(?:s|ed|ing)?(?: about| over| on)?|about)"
    r"(?: (?!during\b|in\b|at\b|after\b|before\b|while\b)[\w'-]+){0,5} $",
    re.IGNORECASE)
_TALKED_AFTER = re.compile(
    r"^[^\s、。]{0,6}?(?:について|に関し|を巡|をめぐ)"
    r"|^\S*?(?:बाबत|विषयी|संदर्भात)|^\S*\s+(?:पर चर्चा|पर बात|के बारे में|वर चर्चा)"
    r"|^\S*?वर चर्चा")


def _topic(zone: str, start: int, end: int) -> bool:
    """Whether the drill named at zone[start:end] is what the two talked about."""
    return bool(_TALKED.search(zone[max(0, start - 64):start])
                or _TALKED_AFTER.search(zone[end:end + 24]))


def _dated(zone: str, at: int, year: int | None) -> bool:
    """Whether the cue at zone[at] stands in a clause dated to a year before `year` (a
    date in it, or "years ago"), or in a sentence that opens with such a date ("On
    January 19, 1960, the treaty was signed")."""
    if year is None:
        return False
    start, stop = _sentence(zone, at)
    sentence = zone[start:stop].translate(DIGITS)
    cue = at - start
    commas = [m.start() for m in _COMMA.finditer(sentence)]
    left = max((c for c in commas if c < cue), default=0)
    right = min((c for c in commas if c >= cue), default=len(sentence))
    opening = sentence[:commas[0]] if commas and commas[0] < cue else ""
    return any(_past(text, year) for text in (sentence[left:right], opening))


def _past(text: str, year: int) -> bool:
    return bool(AGO.search(text)) or (not _SINCE.search(text) and any(
        int(next(g for g in m.groups() if g)) < year for m in _DATE.finditer(text)))


def _exercise_name(name: str) -> re.Pattern[str]:
    """An exercise's name as outlets spell it, with a hyphen, a space or neither between
    its words ("Nichi-Gou Trident", "Nichi Gou Trident")."""
    parts = (re.escape(w) for w in re.split(r"[-\s]+", name.strip()))
    return re.compile(r"\b" + r"[-\s]?".join(parts), re.IGNORECASE)


def exercise_stage(title: str, body: str) -> Stage | None:
    """Whether a report tells of an exercise (or a phase) starting or ending.

    The first cue in the headline decides, else the first cue in the lead.
    """
    for text in _zones(title, body)[:2]:
        start, end = _START.search(text), _END.search(text)
        if start or end:
            first_start = start is not None and (end is None or start.start() < end.start())
            return "start" if first_start else "end"
    return None


# An act told as coming before another names the later one as its horizon: "speak by
# phone ahead of the 2+2", "in the run-up to next week's talks", 2プラス2を前に, 会談に
#先立ち, टू प्लस टू वार्ता से पहले, ‘टू प्लस टू’ चर्चेपूर्वी: that one is not what the
# report tells, neither its kind nor its format.
_AHEAD_OF = re.compile(
    r"\b(?:ahead of|before|prior to|in the run-up to|in the lead-up to|in preparation for"
    r"|to prepare for)(?: (?:the|a|this|next|their|its|[\w-]+'s?|week's|month's))*\s*$"
    # the next one of a format: "what the call says about the next 2+2"
    r"|\b(?:the|their|its) next\s*$",
    re.IGNORECASE)
_AHEAD_AFTER = re.compile(
    r"^[^\s、。]{0,6}?(?:を前に|に先立|に向け)|^[\w\u0900-\u097f\s’']{0,12}?"
    r"(?:से पहले|के पहले|की तैयारी|पूर्वी|आधी|च्या तयारी|तोंडावर)")
_NEXT = re.compile(rf"(?:次回の?|次の|{_DEVA}(?:अगली|अगले|पुढील|पुढच्या))\s*['‘’\"「]?$")


def _ahead(zone: str, start: int, end: int) -> bool:
    """Whether the words at zone[start:end] name what the report's act comes before."""
    before = zone[max(0, start - 48):start]
    return bool(_AHEAD_OF.search(before) or _NEXT.search(before)
                or _AHEAD_AFTER.search(zone[end:end + 16]))


def formats(title: str, body: str) -> frozenset[str]:
    """The named meeting formats ("2+2") the headline or the lead says the report is about.

    Further down a text a format is usually history ("agreed at last year's 2+2"); a
    format the act comes before ("ahead of the 2+2", 2プラス2を前に) is its horizon.
    """
    head = " ".join(_zones(title, body)[:2])
    return frozenset(name for name, pattern in _FORMATS.items()
                     if any(not _ahead(head, m.start(), m.end()) for m in pattern.finditer(head)))


def cued(kind: Kind, text: str) -> bool:
    """Whether text carries a cue word of kind ("telephonic" for a call)."""
    return bool(_CUES[kind].search(text))


def compatible(a: str | None, b: str | None) -> bool:
    """Whether two kinds can describe one event; an unknown kind agrees with anything."""
    return a is None or b is None or a == b or frozenset({a, b}) in _COMPATIBLE
