"""The sentences of a text (a headline's: one, or a Japanese one's items), and the datelines at
the head of its paragraphs.

Who did what is decided sentence by sentence (bot/rules/parties.py), so where one ends
matters: at . ! ? before a capital (not after "Mr." or "U.S."), at a paragraph break, after
the full stops of Japanese (。) and Hindi/Marathi (।). A dateline ("WASHINGTON (AP) —",
"TOKYO, Dec 22 —", "नई दिल्ली।", "नवी दिल्ली, ता. १० :", 【ワシントン＝共同】) says where a
report was filed, not who acted.
"""

from __future__ import annotations

import re
import unicodedata

from bot.rules.spellings import LETTER_NAMES

__all__ = ["dateline_ends", "sentence_starts", "timed"]

# A sentence ends at . ! ? (then spaces and a capital or a non-Latin letter), at a line
# break (but one that wraps a long line: _wrapped), or after the full stops of Japanese
# (。) and Hindi/Marathi (।). A reference page's citation marks may follow the stop
# ("... in 1840.[38] The British ...").
_BREAK = re.compile(r"(?<=[.!?])(?:[\"'”’)\]]|\[(?:\d{1,3}|[a-z]|note \d+|update)\])*\s+|\n+"
                    r"|(?<=[。！？।])"
                    # a ticker's or a briefs column's items run on in one line, set apart
                    # by a bar, a bullet or a mark ("India tests missile | US, Japan sign
                    # chip deal", ▼インド…▼日米…): each item is a sentence of its own
                    r"|\s+[|•▪]\s+|\s*[▼▽◆◇■□●▲△★☆]+\s*")
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Za-z]\.){1,3}|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Adm|Capt|Cdr|Gov|Sen|Rep|Jr|"
    r"Sr|No|Nos|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|Corp|Inc|Ltd|Co|Rs|"
    r"approx|Hon|Maj|Brig|Lt-Gen|Vice-Adm)\.)$"
    # Devanagari initials, each letter's name with its dot (आय.एन.एस., यू. एस. ए., ए. के.)
    r"|(?<![\u0900-\u097f])(?:(?:" + "|".join(LETTER_NAMES) + r")\.\s?){2,}$")
# a Devanagari initial's dot with another initial after it (यू. एस. ए.): no sentence ends
_INITIAL = "(?:" + "|".join(LETTER_NAMES) + r")\."
_INITIAL_BEFORE = re.compile(f"(?<![\u0900-\u097f]){_INITIAL}$")
_INITIAL_AFTER = re.compile(_INITIAL)
# Hindi and Marathi abbreviate titles and initials with a full stop as English does
# ("डॉ. एस. जयशंकर", "ले. जन. अ. ब. पाटील", "जपानचे संरक्षणमंत्री जन. नाकातानी"): a
# title, an English letter's name, or a letter of a run of initials ends no sentence
_DEVANAGARI_TITLE = (r"डॉ|श्री|सौ|सुश्री|कु|प्रा|प्रो|ले|लेफ्ट|लेफ़्ट|जन|मेज|ब्रिग|ब्रि|कर्न|कॅ|कॅप्ट|कै"
                     r"|कमां|कमो|व्हा|वाइस|ॲड|अॅड|ॲडम|अॅडम|एडम|एडमि|स्व|मा|ता|क्र|नं|रु|मि|वि|सं"
                     r"|ए|बी|सी|डी|ई|एफ|जी|एच|आय|आई|जे|के|एल|एम|एन|ओ|पी|क्यू|आर|एस|टी|यू|व्ही"
                     r"|डब्ल्यू|डब्ल्यु|एक्स|वाय|झेड|जेड")
_DEVANAGARI_ABBREVIATION = re.compile(f"(?:^|[\\s(\"'“‘])(?:{_DEVANAGARI_TITLE})\\.$")
# one letter (a consonant with its vowel sign, or a vowel) before a full stop, in a run of
# such initials ("अ. ब. पाटील", "रा. स्व. संघ")
_AKSHARA = ("(?:[\u0905-\u0914]|[\u0915-\u0939\u0958-\u095f]\u093c?(?:\u094d[\u0915-\u0939])?"
            "[\u093e-\u094c\u0962\u0963]?)[\u0901\u0902]?")
_LONE_BEFORE = re.compile(f"(?:^|\\s){_AKSHARA}\\.$")
_LONE_AFTER = re.compile(f"{_AKSHARA}\\.\\s")
# Latin accents, which normalisation drops from every word: "Ú.Ś." is still "U.S."
_ACCENTS = re.compile("[\u0300-\u036f]")
# a line this long that stops mid-sentence was wrapped: its break ends no sentence, unless
# the next line is a list's item (a bullet, a mark, "2. ", "2) ")
_WRAPPED_LINE = 50
# (and an emoji's, a symbol's, a Devanagari number's: 🔴 ..., 👉 ..., २) ...)
_ITEM = re.compile(r"[ \t]*(?:[•▪·*●■□▼▽◆◇▲△★☆・–—-]|[0-9\u0966-\u096f]{1,2}[.)]\s"
                   r"|[\u2190-\u2bff\U0001f000-\U0001faff])")
# a link to another story set between a brief's paragraphs (bot/rules/mood.py reads it as
# no news): its line never runs on into the paragraph after it
_LINK = re.compile(r"\W*(?:also read|read also|also see|also watch|must read|related)\b"
                   r"|\W*(?:यह|ये|इसे|इन्हें) भी (?:पढ़ें|पढ़े|देखें)|\W*(?:हेही|हे पण|ही बातमी) वाचा"
                   r"|\W*[【\[]?(?:関連記事|関連ニュース|あわせて読みたい|合わせて読みたい)",
                   re.IGNORECASE)
# "WASHINGTON (AP) —", "NEW DELHI, Oct 4 (Reuters) -", "TOKYO, Dec 22 —", "Tokyo, Dec 22:",
# "YOKOSUKA NAVAL BASE, Japan —" (a place in capitals and its state)
_DATELINE = re.compile(
    r"[A-Z][A-Za-z.'\u2019 -]{1,40}?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*(?:\([A-Za-z .&-]{1,30}\))?\s*(?:[—–]|--?|:)\s"
    # a place in capitals and its state, then a dash (not "US, Japan: ...", a heading)
    r"|[A-Z][A-Z.'\u2019 -]{3,40}?,\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?"
    r"\s*(?:\([A-Za-z .&-]{1,30}\))?\s*(?:[—–]|--?)\s")


# A Japanese headline has no full stops: it sets its items apart with a space, most often
# the full-width one ("日米防衛相会談　台湾情勢で連携": the talks, then what they agreed on).
# Japanese writes no space between words, so a space between two Japanese letters is
# such a break.
_CJK = "\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff10-\uff5a"
_HEADLINE_BREAK = re.compile(f"(?<=[{_CJK}」』）])[\u3000 ]+(?=[{_CJK}「『（【])")
# a last item that only names who said it (トマホーク取得で契約締結　木原防衛相) belongs to
# the item before: the speaker is a party of what that item tells
_SPEAKER = re.compile(r"[^\s\u3000、。]{1,10}"
                      r"(?:相|氏|長官|大臣|首相|大統領|報道官|幕僚長|司令官)\s*$")


# a live page's timed item ("सायंकाळी ७.१५ :", "दोपहर 1:30 बजे —", "10:45 AM IST:"): its
# first sentence, when short, is the item's headline in words (भारतीय नौदलाची आयएनएस
# कोलकाता फ्रीमँटल बंदरात.), and the next tells the rest of the same act
_TIMED = re.compile(
    r"\s*(?:(?:सकाळी|दुपारी|सायंकाळी|संध्याकाळी|रात्री|पहाटे|सुबह|दोपहर|शाम|रात|तड़के)\s+"
    r"|(?:सायं|दु|स|रा|सा)\.\s*)?"
    r"[0-9\u0966-\u096f]{1,2}[.:][0-9\u0966-\u096f]{2}\s*"
    r"(?:(?:AM|PM|am|pm|a\.m\.|p\.m\.|IST|GMT|बजे|वाजता)\s*)*[:\u2014\u2013-]\s")
_LABEL_CJK = 6  # letters at most in a Japanese label before a bar
_TIMED_HEAD = 10  # words at most in an item's first sentence read with the next


def sentence_starts(text: str, *, whole: bool = False) -> list[int]:
    """Offsets where the sentences of text begin; `whole`: the text is a headline, one
    sentence but for the items a Japanese one sets apart with a space."""
    starts = [0]
    if whole:
        return starts + [m.end() for m in _HEADLINE_BREAK.finditer(text)
                         if m.end() < len(text) and not _SPEAKER.fullmatch(text, m.end())]
    for m in _BREAK.finditer(text):
        end = m.end()
        if end >= len(text):
            break
        if "\n" not in m.group() and m.group().strip() == "" and m.start() > 0 and (
                text[m.start() - 1] in ".!?" and (
                    _ABBREVIATION.search(_unaccented(text[max(0, m.start() - 12):m.start()]))
                    or text[end].islower() or text[end].isdigit()
                    or (_INITIAL_AFTER.match(text, end)
                        and _INITIAL_BEFORE.search(text, max(0, m.start() - 8), m.start())))):
            continue  # "U.S. Defense Secretary", "Mr. Singh", "approx. five"
        if text[m.start() - 1:m.start()] == "." and _devanagari_initial(text, m.start(), end):
            continue  # "डॉ. एस. जयशंकर", "जन. नाकातानी"
        if m.group() == "\n" and _wrapped(text, m.start()) and not _ITEM.match(text, end):
            continue
        line = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
        if "|" in m.group() and len(line.split()) <= 2 and not _cjk_item(line):
            continue  # a label's bar ("READ | ...", "ALSO READ | ..."): one line, one link
        if "\n" not in m.group() and _timed_head(text, line, m.start()):
            continue
        starts.append(end)
    return starts


def _devanagari_initial(text: str, stop: int, end: int) -> bool:
    """Whether the full stop before `stop` abbreviates a Devanagari title or initial."""
    before = text[max(0, stop - 14):stop]
    if _DEVANAGARI_ABBREVIATION.search(before):
        return True
    if not _LONE_BEFORE.search(before):
        return False
    # a lone letter is an initial when another follows it, or a title or initial precedes
    earlier = before[:_LONE_BEFORE.search(before).start()].rstrip()  # type: ignore[union-attr]
    after = _LONE_AFTER.match(text, end)
    return bool(after and not _DEVANAGARI_ABBREVIATION.search(" " + after.group().rstrip())) or (
        earlier.endswith(".") and bool(_DEVANAGARI_ABBREVIATION.search(earlier)
                                       or _LONE_BEFORE.search(earlier)))


def _cjk_item(line: str) -> bool:
    """Whether a line before a bar is a Japanese ticker's item (インド海軍、新潜水艦を就役 |),
    which writes no spaces between its words, not a label (関連 |)."""
    return len(re.findall(f"[{_CJK}]", line)) > _LABEL_CJK


def timed(line: str) -> bool:
    """Whether a line is a live page's timed item ("सायंकाळी ७.१५ : ...", "10:45 AM IST: ...")."""
    return _TIMED.match(line) is not None


def _timed_head(text: str, line: str, at: int) -> bool:
    """Whether a break at `at` ends the short first sentence of a live page's timed item."""
    timed = _TIMED.match(line)
    if timed is None:
        return False
    head = line[timed.end():]
    # the first break after the time, no more than a few words in
    return not re.search(r"[.!?।][\"'”’)\]]*\s", head) and len(head.split()) <= _TIMED_HEAD


def _unaccented(text: str) -> str:
    return _ACCENTS.sub("", unicodedata.normalize("NFD", text))


def _wrapped(text: str, at: int) -> bool:
    """Whether the line break at `at` only wraps a long line: the line before is long and
    stops mid-sentence (a word or a comma, no stop), as in text wrapped at a fixed width;
    a short line (a heading, a list item) ends its sentence."""
    line = text[text.rfind("\n", 0, at) + 1:at]
    last = line[-1:]
    if _LINK.match(line):
        return False  # a link to another story is a line of its own, however long
    # a Devanagari word may end in a vowel sign or an anusvara (करण्या, में), marks that
    # are no letters to str.isalnum but end a word all the same
    return len(line) >= _WRAPPED_LINE and (
        last.isalnum() or last in ",;-" or unicodedata.category(last or " ").startswith("M"))


# Hindi and Marathi: "नई दिल्ली।", "तोक्यो, 9 जून।", "नवी दिल्ली, ता. १० :", "पुणे :" - a
# place of one to three words (no "and": "भारत आणि जपान :" is a heading), maybe a date and
# the agency, then the danda or a colon, at the head of a paragraph (a wrapped line's "है।"
# is no place)
_DATELINE_DEVANAGARI = re.compile(
    r"(?!(?:\S+ +){0,2}(?:और|आणि|व|तथा) )[\u0900-\u097f]+(?: [\u0900-\u097f]+){0,2}"
    r"(?: *, *[\w.\u0900-\u097f ]{1,20}?)? *(?:\([\w .\u0900-\u097f]{1,20}\))? *[।:]\s")
# a place on a line of its own among a page's first lines, under a byline ("विशेष
# प्रतिनिधी / नवी दिल्ली / ..."), maybe with its date ("टोकियो, ता. १४"): one or two words
_PLACE_LINE = re.compile(
    r"(?!(?:\S+ +){0,1}(?:और|आणि|व|तथा) )[\u0900-\u097f]+(?: [\u0900-\u097f]+)?"
    r"(?: *, *[\w.\u0900-\u097f ]{1,20}?)? *(?=\n)")
_PLACE_TOP = 200  # how far into a page its byline's place line may stand
# Japanese wire datelines: 【ワシントン＝共同】, 〔ニューデリー時事〕, 【シドニー＝特派員】
_DATELINE_CJK = re.compile(r"[【〔][^】〕\n]{1,20}[】〕]")


def dateline_ends(text: str) -> list[tuple[int, int]]:
    """(start, end) of each dateline at the head of a paragraph of text."""
    out = []
    for para in re.finditer(r"(?:^|\n)\s*", text):
        head = para.end()
        m = _DATELINE.match(text, head) or _DATELINE_CJK.match(text, head)
        if m and (m.re is _DATELINE_CJK or _looks_like_dateline(m.group())):
            out.append((head, m.end()))
            continue
        # a Hindi or Marathi one only where a paragraph begins: the text's, or after a
        # blank line
        m = _DATELINE_DEVANAGARI.match(text, head)
        if not (m and (para.start() == 0 or para.group().count("\n") >= 2)):
            # or a byline's place on a line of its own near the top
            m = (_PLACE_LINE.match(text, head) if head < _PLACE_TOP and "\n" in para.group()
                 else None)
        if m:
            out.append((head, m.end()))
    return out


def _looks_like_dateline(found: str) -> bool:
    place = re.split(r"[,(—–:]|--?\s", found, maxsplit=1)[0].strip()
    # a place in capitals ("WASHINGTON"), or a place and a date ("Tokyo, Dec 22")
    return bool(place) and (place.upper() == place or bool(re.search(r"\d", found))
                            or "(" in found)
