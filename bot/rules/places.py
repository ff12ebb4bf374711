"""Hits of a state that name no actor: a place (a venue, a base, its territory), or the
nationality of private people.

A state's name is often not the state doing anything. "Meet in Laos" says where; "docked at
the US Navy base" names a place of the US forces; "a Japanese man she met", "Japanese
companies showing machine tools to Indian buyers" name private people and firms of a
nationality. bot/rules/actors.py asks these questions of each hit of a state before
bot/rules/parties.py decides who a sentence's parties are: a venue or a base is set aside
when the rest are two, a private person's nationality or a state's territory ("fell
inside Japan's exclusive economic zone") is no party at all.

Pure functions of the folded text (bot/rules/normalize.py) and its words.
"""

from __future__ import annotations

import re

from bot.rules.evaluate import END, LAST, START, WORD, RawHit
from bot.rules.warzone import war_zone

__all__ = ["AGAINST", "aside_cjk", "base", "circumstance", "nearby", "no_actor", "private",
           "region", "set_apart", "territory", "venue", "venue_cjk"]

# "meet in Laos", "at Singapore", "सिंगापुर में", "जपानमध्ये": where, not who (the host
# may be a party too: set aside only when the rest are two)
_VENUE_BEFORE = frozenset(("in", "at"))
# "sail off Japan", "drills around Taiwan", 台湾周辺で, インド沖, ताइवान के आसपास,
# तैवानजवळ: only a place, never a party (China's drills near Taiwan, sending warships,
# are no act of the two)
_NEARBY_BEFORE = frozenset(("off", "near", "around", "surrounding", "encircling"))
_NEARBY_CJK = re.compile(r"(?:の)?(?:周辺|付近|沖|近海|近く|周囲)")
_NEARBY_AFTER = (("के", "पास"), ("के", "आसपास"), ("के", "निकट"), ("के", "करीब"),
                 ("के", "चारों"), ("च्या", "जवळ"), ("च्या", "भोवती"), ("च्या", "आसपास"))
_NEARBY_ENDINGS = ("जवळ", "भोवती", "च्याजवळ")
_VENUE_AFTER = frozenset(("में", "येथे", "येथील"))  # Hindi "in", Marathi "at"
# Japanese "in", "at": シンガポールで, 日本において, 首都キャンベラで ... (in its city: 市内で)
_VENUE_CJK = re.compile(r"(?:市内)?(?:で|において|にて)")
# one-character signs of states that make a pair or a group written as one word: 日米, 日豪印
_STATE_SIGNS = frozenset("日米豪印英仏韓比中加独伊露")
# "other than the US", "except Japan": 米国以外, 日本を除く; and a state the sentence has in
# mind, eyes or counters, not one it acts with: 中国念頭に, 中国を念頭に置き, 中国をにらみ,
# 中国に対抗, 中国をけん制
_APART_CJK = re.compile(r"以外|を除|(?:を)?念頭|をにらみ|を睨み|に対抗|をけん制|を牽制|を意識")
# Marathi "in": जपानमध्ये, and the locative of a name: अमेरिकेत, भारतात, जपानात (and "in
# its": दिल्लीतील बैठक, the meeting in Delhi)
_VENUE_ENDINGS = ("मध्ये", "मधील", "ात", "ेत", "ोत", "ीत", "ातील", "ेतील", "ीतील", "ोतील")
# A state's base is a place too: "docked at the US Navy base in Yokosuka", 米海軍横須賀基地
# (a state's name, words of its forces between, then "base"; in Japanese 基地 a few
# characters on, no particle between), and so is an air station ("the planned US Marine
# Corps air station", "Marine Corps Air Station Futenma")
_BASE = frozenset(("base", "bases", "airbase", "airbases", "station", "stations"))
_FORCES = frozenset(("navy", "naval", "air", "force", "military", "army", "marine", "marines",
                     "forces", "corps"))
_BASE_CJK = re.compile(r"[^\sとやはがをにでもへ]{0,6}?基地")
# A clause that tells the circumstances of what a sentence says, not who does it: "... as
# Australia and India watch", "amid tension with China", "while Pyongyang fired", "With an
# American carrier steaming north, ...". A state at most _AFTER_MARKER words after such a
# word, with no comma between, is that clause's (not "such as", "as well as", "as part
# of": those list or join).
_MARKERS = re.compile(r"\b(?:as|amid|amidst|while|whilst|despite)\b", re.IGNORECASE)
_AS_LISTS = re.compile(r"\b(?:such|well|same|so|just|known|serves?|served|acts?|acted|"
                       r"regarded|described|named|chosen|selected)\s+$", re.IGNORECASE)
_AS_JOINS = re.compile(r"\s*(?:well|part|of|per|to|for|if|though|much|many|long|soon|far|"
                       r"an? (?:observer|partner|member|guest|host))\b", re.IGNORECASE)
_AFTER_MARKER = 3
# a clause that opens the sentence with "With" and tells what is going on ("With an American
# carrier group steaming toward ..., Australia's ministers arrived"): every state in it
_WITH = re.compile(r"\s*with\b", re.IGNORECASE)
_GOING_ON = re.compile(r"\b(?:\w+ing|expected|set|due|poised)\b", re.IGNORECASE)
_NOT_GOING_ON = frozenset(("during", "including", "morning", "evening", "following", "king",
                           "thing", "something", "nothing", "anything", "building", "spring",
                           "beijing", "ring", "wing", "meeting", "training", "shipbuilding"))
_DATELINE_LONGEST = 40
_CLAUSE_END = re.compile(r"[,;:()\u2014\u2013]|\s-\s")


# Japanese writes the circumstances as a clause that ends in "amid" (〜が広がるなか、,
# 〜を進める中、, 〜を背景に、) before what the sentence says: a state in it is no party.
# (来日中、 is "during the visit": 中 counts after a verb's ending only.)
_AMID_CJK = re.compile(r"[^、。，,]*?(?:(?<=[るたいだ])中|なか|さなか|を背景に)(?:で)?[、，,]")
# Hindi and Marathi close such a clause after the state too: चीन के साथ तनाव के मद्देनज़र
# (in view of), आंदोलनाच्या पार्श्वभूमीवर (against the backdrop of), चीन के साथ जारी
# तनाव के बीच (amid the tension; not के बीच alone, "between"), के बावजूद (despite),
# चीनसोबत तणाव कायम असतानाच (while)
_AMID_INDIC = re.compile(
    r"[^,।.;]{0,60}?(?:के मद्देनज़र|के मद्देनजर|की पृष्ठभूमि में|पार्श्वभूमीवर|के बावजूद|"
    r"(?:तनाव|टकराव|विवाद|गतिरोध|संघर्ष|गतिविधियों|हरकतों|आक्रामकता|दबाव|ख़तरे|खतरे|"
    r"चिंताओं|चिंता|युद्ध) के बीच)|[^,।.;]{0,40}?असताना")


def circumstance(source: str, start: int, end: int, sentence: int) -> bool:
    """Whether the state written at source[start:end] is named by a clause telling the
    circumstances of its sentence (which begins at `sentence`), not as one of its
    parties."""
    if _AMID_CJK.match(source, end) or _AMID_INDIC.match(source, end):
        return True
    bounds = [m.end() for m in _CLAUSE_END.finditer(source, sentence, start)]
    clause = bounds[-1] if bounds else sentence
    before = source[clause:start]
    for m in _MARKERS.finditer(before):
        if len(before[m.end():].split()) > _AFTER_MARKER:
            continue
        if m.group().lower() == "as" and (_AS_LISTS.search(source, sentence, clause + m.start())
                                          or _AS_JOINS.match(before, m.end())):
            continue
        return True
    head = source[sentence:clause].rstrip()
    # the sentence's first clause, or the first after a dateline ("TOKYO, April 20 - ")
    opening = not head or (len(head) <= _DATELINE_LONGEST and head[-1] in "-:\u2014\u2013")
    if opening and _WITH.match(before):
        after = _CLAUSE_END.search(source, end)
        rest = source[end:after.start() if after else len(source)]
        return any(w.lower() not in _NOT_GOING_ON for w in _GOING_ON.findall(rest))
    return False


# People and firms, not governments: "a Japanese man", "Indian firms", 日本人, 日本企業,
# インドのIT大手, भारतीय छात्र, जपानी कंपन्या (not "national": "Japanese national security")
_PRIVATE = frozenset((
    "man", "men", "woman", "women", "boy", "boys", "girl", "girls", "couple", "couples",
    "family", "families", "student", "students", "tourist", "tourists", "nationals",
    "citizen", "citizens", "expat", "expats", "expatriate", "expatriates", "businessman",
    "businessmen", "businesswoman", "engineer", "engineers", "chef", "chefs", "artist",
    "artists", "singer", "singers", "actor", "actors", "actress", "bride", "groom", "husband",
    "wife", "father", "mother", "son", "daughter", "grandfather", "grandmother", "friend",
    "friends", "child", "children", "fans", "traveller", "travellers", "traveler",
    "travelers", "passengers", "residents", "company", "companies", "firm", "firms",
    "exhibitors", "buyers", "brand", "brands", "startup", "startups", "investors",
    "carmaker", "carmakers", "restaurant", "restaurants", "cuisine", "writer", "author",
    "novelist", "makers", "manufacturer", "manufacturers", "supplier", "suppliers",
    "automaker", "automakers", "conglomerate", "retailer", "retailers", "bank", "banks",
    "maker", "partner", "lender", "lenders", "insurer", "insurers", "telecom",
    "shipbuilder", "shipbuilders", "shipyard", "shipyards", "contractor", "contractors",
    # an ambassador speaks in the host's capital, to the host: "a call with the American
    # ambassador" is no act of the United States with a third state named beside it; and
    # schools and scholars: "Japanese and Australian universities", "academics from India"
    "ambassador", "embassy", "university", "universities", "college", "colleges", "school",
    "schools", "academics", "scholars", "researchers", "professors", "lecturers", "alumni",
    # shops, hotels and carriers of a nationality, and where they sell
    "hotel", "hotels", "airline", "airlines", "shop", "shops", "stores", "operators"))
_PRIVATE_CJK = re.compile(r"人(?!民|権)|企業|系|社員|留学生|観光客|"
                          r"の?(?:大学|学生|研究者|児童|生徒|子ども|子供|小学校|中学校|高校)"
                          r"|の?\w{0,4}?(?:大手|メーカー|商社|財閥|スタートアップ|新興企業)")
_PRIVATE_DEVANAGARI = ("छात्र", "युवक", "युवती", "परिवार", "कंपन", "पर्यटक", "नागरिक",
                       "विद्यार्थ", "कुटुंब", "तरुण", "उद्योजक", "व्यापारी", "कर्मचार",
                       "ग्राहक", "उद्योगपत", "उद्यमी", "उद्यमिय", "व्यवसायी", "गुंतवणूकदार",
                       "दंपत", "दम्पत", "जोडप", "विश्वविद्यालय", "विद्यापीठ", "महाविद्यालय",
                       "प्राध्यापक", "शोधकर्ता", "संशोधक")
# private people or firms *of* a place: "two universities in Australia and Japan", "firms
# based in India", "academics from India and the US" (the run's second state too)
_FROM = frozenset(("in", "from"))
# One state acting against another or judging it: a protest, a condemnation, sanctions, an
# accusation, a warning, a threat assessment, an invasion, concern voiced over its acts.
# Such a sentence names two states as adversaries, not as the parties of something done
# together ("Japan protests Chinese incursion", "Japan's white paper calls China a
# threat", "Tokyo voices concern as PLA encircles Taiwan"); two states written together in
# it still act as one ("US, Japan condemn ...", "Singh and Marles warned ...").
AGAINST = re.compile(
    r" (?:protest|protests|protested|protesting|condemn|condemns|condemned|condemning|"
    r"sanction|sanctions|sanctioned|sanctioning|accuse|accuses|accused|accusing|summon|"
    r"summons|summoned|rebuke|rebukes|rebuked|denounce|denounces|denounced|slams|slammed|"
    r"blacklist|blacklists|blacklisted|expel|expels|expelled|warn|warns|warned|threat|"
    r"threats|white paper|greatest challenge|strategic challenge|object|objects|objected|"
    r"objection|objections|conveyed its concerns|raised concerns|lodged|criticise|criticises|"
    r"criticised|criticising|criticize|criticizes|criticized|criticizing|criticism|"
    r"criticisms|complaint|complaints|complained|invade|invades|invaded|invading|invasion|"
    r"invasions|(?:voices|voiced|voicing|expresses|expressed|expressing|express)"
    r"(?: (?:serious|grave|deep|strong|great|growing))? concerns?|concern over|concerns over)(?= )"
    r"|抗議|非難|制裁|批判|白書|脅威|警告|遺憾|侵攻|侵略|懸念|"
    r" (?:निंदा|भर्त्सना|निषेध|विरोध जता|विरोध दर्ज|विरोध नोंद|प्रतिबंध लगा|निर्बंध|खतरा|"
    r"धोका|चेतावनी|इशारा|आपत्ति|आक्षेप|हरकत|आक्रमण|चिंता(?= |$)|चिंतेत)")
_BETWEEN = 1  # words between the nationality and the person ("a Japanese software engineer")


def venue_cjk(folded: str, hit: RawHit) -> bool:
    """Whether a Japanese hit names where something happens (シンガポールで会談, 日本において);
    a pair written as one word (日米で合意: "Japan and the US agreed") is who acts."""
    written = folded[hit[START]:hit[END]].strip()
    return (bool(_VENUE_CJK.match(folded, hit[END]))
            and not (2 <= len(written) <= 3 and set(written) <= _STATE_SIGNS))


def aside_cjk(folded: str, hit: RawHit) -> bool:
    """Whether a Japanese hit is a state set apart, 米国以外 ("other than the US"), or
    the one a sentence has in mind (中国念頭に)."""
    return bool(_APART_CJK.match(folded, hit[END]))


# a state set apart: "other than the US", "besides Japan", "partners beyond Washington"
_APART = frozenset(("besides", "except", "excluding", "beyond"))
_APART_TWO = frozenset((("other", "than"), ("apart", "from"), ("aside", "from")))
# after it in Marathi and Hindi: अमेरिकेशिवाय, अमेरिकेबाहेर, अमेरिका वगळता, अमेरिका के अलावा
_APART_ENDINGS = ("शिवाय", "बाहेर", "व्यतिरिक्त", "खेरीज")
_APART_AFTER = (("वगळता",), ("सोडून",), ("के", "अलावा"), ("के", "सिवा"), ("को", "छोड़कर"))


def set_apart(folded: str, words: list[str], hit: RawHit) -> bool:
    """Whether a hit is a state set apart: "other than the US", "besides Japan", 米国以外."""
    before = [w for w in words[max(0, hit[WORD] - 3):hit[WORD]] if w != "the"]
    last = hit[LAST]
    return (aside_cjk(folded, hit) or (bool(before) and before[-1] in _APART)
            or tuple(before[-2:]) in _APART_TWO or words[last].endswith(_APART_ENDINGS)
            or any(tuple(words[last + 1:last + 1 + len(a)]) == a for a in _APART_AFTER))


# a state another is compared with, in a phrase of its own ("After US and Japan, India
# signs pact with Australia", "Like Japan, ...", "second partner after Japan to sign",
# जापान की तरह, अमेरिका के बाद अब, अमेरिकेनंतर, जपानप्रमाणे, 米国に続き, 日本と同様)
_NAME = r"(?:the\s+)?[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)?"
_COMPARED_BEFORE = re.compile(
    r"(?i:(?:^|[,;:.!?\u2014]\s*)(?:after|like|unlike|following|as with|just like|much like)"
    r"|\b(?:second|third|fourth|fifth|latest|next)\b[^,.;:]{0,40}?\bafter)"
    rf"\s+(?:the\s+)?(?:{_NAME}\s*,?\s+(?:and|or)\s+(?:the\s+)?)?$")
_COMPARED_AFTER = re.compile(rf"(?:\s*,?\s+(?:and|or)\s+{_NAME})?\s*(?:,|\s+to\s)")
_COMPARED_NEXT = re.compile(r"\s+(?:के बाद अब|की तरह|की भांति|के समान|जैसे)(?![\u0900-\u097f])"
                            r"|[\u0900-\u097f]*(?:नंतर आता|प्रमाणे|सारखे|सारखा|सारखी)"
                            r"(?![\u0900-\u097f])|に続き|に続いて|に次いで|と同様|と同じく|に倣い|のように")


def compared(source: str, start: int, end: int) -> bool:
    """Whether the hit at source[start:end] is a state another is compared with."""
    if _COMPARED_NEXT.match(source, end):
        return True
    # the anchored look after the hit first: most hits have no comma or "to" after them
    return (_COMPARED_AFTER.match(source, end) is not None
            and _COMPARED_BEFORE.search(source, max(0, start - 80), start) is not None)


def venue(words: list[str], hit: RawHit) -> bool:
    """Whether the hit names where something happens ("in Laos", सिंगापुर में)."""
    word, last = hit[WORD], hit[LAST]
    before = words[word - 1] if word > 0 else ""
    after = words[last + 1] if last + 1 < len(words) else ""
    return (before in _VENUE_BEFORE or after in _VENUE_AFTER
            or (last < len(words) and words[last].endswith(_VENUE_ENDINGS)))


def base(folded: str, words: list[str], hit: RawHit) -> bool:
    """Whether the state of a hit names a base of its forces, a place ("the US Navy
    base", 米軍嘉手納基地)."""
    if _BASE_CJK.match(folded, hit[END]):
        return True
    after = words[hit[LAST] + 1:hit[LAST] + 4]
    while after and after[0] in _FORCES:
        after = after[1:]
    return bool(after) and after[0] in _BASE


# A state's territory is a place, not an actor: a missile that lands in Japan's exclusive
# economic zone, a destroyer sailing through India's EEZ, a first firing on Australian
# soil, ships entering Japan's territorial waters (日本の領海, 排他的経済水域) happen there,
# not with that state
_TERRITORY = frozenset(("waters", "airspace", "territory", "soil", "eez", "shores"))
# its coast or its interior, a place where people surf or hike ("on Australia's east
# coast", "India's western coastline")
_COAST = frozenset(("coast", "coasts", "coastline", "coastlines", "hinterland", "outback",
                    "countryside"))
_COMPASS = frozenset(("east", "west", "north", "south", "northeast", "northwest",
                      "southeast", "southwest"))
_TERRITORY_LONG = (["territorial", "waters"], ["exclusive", "economic", "zone"])
_TERRITORY_CJK = re.compile(r"の?(?:領海|領空|領土|領域|排他的経済水域|EEZ|接続水域)")
# So is a border where something happens: "on the China-Pakistan border", "to watch
# India's northern frontier", चीन आणि पाकिस्तानच्या सीमेवर, भारत-नेपाल सीमा पर,
# 中国とパキスタンの国境付近.
# Only the border as a place (in English the head of its phrase, in Marathi and Hindi a
# locative): "India-China border talks", "Indian and Chinese border troops", सीमा प्रश्न
# are the two states' own. A state written together with the next one ("China and
# Pakistan's border", "China-Pakistan border") shares its border.
_BORDER = frozenset(("border", "borders", "frontier", "frontiers", "boundary"))
_OF_BORDER = frozenset((
    "talks", "talk", "dispute", "disputes", "agreement", "agreements", "pact", "pacts",
    "deal", "issue", "issues", "question", "row", "standoff", "stand", "negotiations",
    "treaty", "meeting", "meetings", "mechanism", "commander", "commanders", "guards",
    "guard", "troops", "forces", "force", "security", "personnel", "officials", "officers",
    "trade", "crossing", "crossings", "patrol", "patrols", "police", "affairs", "management",
    "cooperation", "defence", "defense", "clash", "clashes", "tension", "tensions"))
_SIDE = frozenset(("northern", "southern", "eastern", "western", "disputed", "shared",
                   "common", "land", "himalayan", "maritime", "sea", "long"))
_BORDER_DEVANAGARI = re.compile(
    r"सीमे(?:वर|जवळ|लगत|पलीकडे|पर्यंत|त)|सीमावर्ती|सीमाभाग|सीमा (?:पर|में|तक|के (?:पास|करीब|"
    r"नजदीक|निकट|पार|उस))|सीमाओं (?:पर|में|तक)|सरहद(?:्द)?(?:ीवर| पर)")
_OF = frozenset(("s", "का", "की", "के", "से", "लगी", "लगे", "सटी", "सटे"))
_JOINED_BY = frozenset(("and", "or", "और", "आणि", "व", "तथा"))
_BORDER_CJK = re.compile(r"(?:[とや・][^\sとやのはがをにで、。]{1,10})?の?国境"
                         r"(?:で|付近|沿い|地帯|周辺|近く|に近い|を越え|地域)")


def territory(folded: str, words: list[str], hit: RawHit, hyphen: bool = False) -> bool:
    """Whether the hit names a state's territory, a place ("Japan's exclusive economic
    zone", "on Australian soil", "India's EEZ", 日本の領海, "on the China-Pakistan border");
    `hyphen` when the original text joins the next word to it ("China-Pakistan")."""
    if _TERRITORY_CJK.match(folded, hit[END]) or _BORDER_CJK.match(folded, hit[END]):
        return True
    after = words[hit[LAST] + 1:hit[LAST] + 7]
    if hyphen:
        after = after[1:]  # past the state written to it: "China-Pakistan border"
    elif after[:1] and after[0] in _JOINED_BY:
        after = after[2:]  # past the other state of "China and Pakistan's border"
    while after[:1] and after[0] in _OF:  # the possessive: "Japan's", पाकिस्तान की
        after = after[1:]
    if (bool(after) and after[0] in _TERRITORY) or any(
            after[:len(long)] == long for long in _TERRITORY_LONG):
        return True
    if _BORDER_DEVANAGARI.match(" ".join(after[:3])):
        return True
    if after[:1] and after[0] in _SIDE | _COMPASS:
        after = after[1:]
    return bool(after) and ((after[0] in _BORDER and not _OF_BORDER.intersection(after[1:2]))
                            or (after[0] in _COAST and after[1:2] != ["guard"]))


# A region of a state is a place, not the state: "off Western Australia", "northern
# India", 南インドの味, 西日本, 北米, दक्षिण भारत (a state whose own name has a point of the
# compass, South Korea, is one hit of the lexicon and no region). The original text is
# read: "steaming north, Indian ministers" names India after a comma.
_REGION = re.compile(
    r"(?:\b(?:north|south|east|west|northern|southern|eastern|western|north-?east|"
    r"north-?west|south-?east|south-?west|north-?eastern|north-?western|south-?eastern|"
    r"south-?western|central) |(?:दक्षिण|उत्तर|पश्चिम|दक्षिणी|उत्तरी|पश्चिमी|पूर्वी|मध्य) "
    r"|[南北東西])$", re.IGNORECASE)
_REGION_REACH = 16


def region(source: str, start: int) -> bool:
    """Whether the state written at source[start:] is named as a region of it ("Western
    Australia", 南インド)."""
    return bool(_REGION.search(source, max(0, start - _REGION_REACH), start))


def no_actor(folded: str, words: list[str], hit: RawHit, source: str = "",
             span: tuple[int, int] = (0, 0)) -> bool:
    """Whether a hit of a state names no actor at all: private people or firms of its
    nationality, its territory, a place near it, or (when the original text and the
    hit's place in it are given) a region of it."""
    start, end = span
    hyphen = source[end:end + 1] in ("-", "\u2013", "\u2010") and end > start
    return (private(folded, words, hit, hyphen) or territory(folded, words, hit, hyphen)
            or nearby(folded, words, hit) or (bool(source) and region(source, start)))


# Where a thing was made: "US-built missiles", "Japanese-made radars", 米国製, अमेरिकी
# निर्मित, अमेरिकन बनावटीच्या (not "the US built a base", with no hyphen: a verb)
_MADE = frozenset(("built", "made", "designed", "manufactured", "supplied", "produced",
                   "developed", "origin"))
_MADE_CJK = re.compile(r"製(?!造)")
_MADE_DEVANAGARI = ("निर्मित", "बनावट")


def made(folded: str, words: list[str], hit: RawHit, hyphen: bool = False) -> bool:
    """Whether the hit is where a thing was made ("US-built", 米国製, अमेरिकी निर्मित)."""
    after = words[hit[LAST] + 1:hit[LAST] + 2]
    return (bool(_MADE_CJK.match(folded, hit[END])) or (hyphen and bool(after)
                                                           and after[0] in _MADE)
            or (bool(after) and after[0].startswith(_MADE_DEVANAGARI)))


def nearby(folded: str, words: list[str], hit: RawHit) -> bool:
    """Whether the hit names the place something happens near ("drills off Japan", 台湾周辺,
    インド沖, ताइवान के आसपास, तैवानजवळ), or where a war is fought (bot/rules/warzone.py)."""
    word, last = hit[WORD], hit[LAST]
    before = [w for w in words[max(0, word - 2):word] if w != "the"]
    return ((bool(before) and before[-1] in _NEARBY_BEFORE) or war_zone(folded, words, hit)
            or bool(_NEARBY_CJK.match(folded, hit[END]))
            or tuple(words[last + 1:last + 3]) in _NEARBY_AFTER
            or (last < len(words) and words[last].endswith(_NEARBY_ENDINGS)))


def private(folded: str, words: list[str], hit: RawHit, hyphen: bool = False) -> bool:
    """Whether the hit is the nationality of private people or firms ("a Japanese man",
    "Indian software firms", "Japanese and Australian actors", "an India-Australia travel
    firm", 日本人, 日本企業, भारतीय छात्र); `hyphen` when the original text joins the next
    word to it."""
    if _PRIVATE_CJK.match(folded, hit[END]):
        return True
    at = hit[LAST] + 1
    if words[at:at + 1] in (["and"], ["or"], ["और"], ["आणि"], ["व"], ["किंवा"], ["या"]):
        at += 2  # past the other nationality of "Japanese and Australian actors"
    elif hyphen:
        at += 1  # past the nationality written to it: "India-Australia travel firm"
    at += words[at:at + 1] in (["के"], ["की"], ["का"])  # Hindi's "of": अमेरिका के एक नागरिक
    after = words[at:at + 1 + _BETWEEN]
    return (any(w in _PRIVATE or w.startswith(_PRIVATE_DEVANAGARI) for w in after)
            or _private_of(words, hit[WORD]))


def _private_of(words: list[str], word: int) -> bool:
    """Whether the state at `word` is where private people or firms are from or based
    ("universities in Australia and Japan", "firms based in India", "academics from India
    and the US"): the word before its "in" or "from" is one of them."""
    i = word - 1
    if i >= 0 and words[i] == "the":
        i -= 1
    if i >= 0 and words[i] in ("and", "or"):
        # the second state of a run: past the first (a word or three) to its "in"/"from"
        i = next((j for j in range(i - 1, max(-1, i - 5), -1) if words[j] in _FROM), -1)
    if i < 1 or words[i] not in _FROM:
        return False
    before = words[i - 1] if words[i - 1] != "based" else words[i - 2] if i >= 2 else ""
    return before in _PRIVATE
