"""The words Marathi and Hindi writers use for one another: an English word of the forces
written in Devanagari (डिफेन्स for संरक्षण, एक्सरसाइज for सराव, टॉक्स for चर्चा, मीटिंग
for बैठक, नेव्ही for नौदल), and a few Marathi and Hindi words a writer takes for another
(कवायत for सराव, तह for करार).

A reader takes "डिफेन्स टॉक्स", "संरक्षण डायलॉग" or "जॉइंट नेव्हल ड्रिल" as the words the
rules list in their own language, in whatever mix a writer chooses; listing each mix is a
list that the next writer outgrows. So a Devanagari term gets, besides its spellings
(bot/rules/spellings.py), the forms with its words swapped for these: "संरक्षण करार"
meets "डिफेन्स ॲग्रीमेंट", "डिफेन्स करार" and "संरक्षण डील".

The swap goes one way, from the rules' word to the writer's: एक्सरसाइज is always an
exercise, while अभ्यास is also study and सराव practice, so a term of the loan never
stands for the native word. A loan that begins a longer word of another sense (ड्रिल,
ड्रिलिंग; सही, सहीसलामत) is swapped only inside a term of two words or more, where the
other word says what it is; one whose longer words are few (डील, डीलर; तह, तहसील) is
swapped alone too, and those words are look-alikes (`not:` in rules/groups/defence.yaml).
Look-alikes get the loans as well: सामाजिक सुरक्षा masks सोशल सिक्युरिटी.
"""

from __future__ import annotations

from itertools import islice, product

from bot.rules.normalize import core

__all__ = ["MAX_FORMS", "loan_forms"]

# the rules' word → the writer's words that are safe alone and as a term's first letters
_WORDS: dict[str, tuple[str, ...]] = {
    # the field and the forces
    "संरक्षण": ("डिफेन्स", "डिफेंस"),
    "रक्षा": ("डिफेंस", "डिफेन्स"),
    "लष्करी": ("मिलिटरी", "मिलिट्री"),
    "सैन्य": ("मिलिट्री", "मिलिटरी"),
    "नौदल": ("नेव्ही", "नेवी", "नेव्हल"),
    "नौदलांचा": ("नेव्हीचा",),
    "नौदलाचा": ("नेव्हीचा",),
    "नौसेना": ("नेवी", "नेव्ही", "नेवल"),
    "नौसैनिक": ("नेवल", "नेव्हल"),
    "लष्कर": ("आर्मी",),
    "वायुसेना": ("एयरफोर्स", "एअरफोर्स", "एयर फोर्स", "एअर फोर्स"),
    "वायुदल": ("एअरफोर्स", "एअर फोर्स"),
    "सागरी": ("मेरिटाइम", "मॅरिटाइम", "मेरीटाइम"),
    "समुद्री": ("मैरीटाइम", "मेरीटाइम", "मैरिटाइम"),
    "संयुक्त": ("जॉइंट", "जॉईंट", "जाइंट", "ज्वाइंट", "ज्वॉइंट"),
    "द्विपक्षीय": ("बायलॅटरल", "बायलेटरल", "बाइलेटरल"),
    "सुरक्षा": ("सिक्युरिटी", "सिक्योरिटी"),
    # and the field a look-alike names (सामाजिक सुरक्षा: social security)
    "सामाजिक": ("सोशल",),
    # the acts
    "सराव": ("एक्सरसाइज", "एक्सरसाईज", "एक्सरसाइझ"),
    "युद्धसराव": ("वॉरगेम", "वॉर गेम", "युद्धकवायत"),
    "युद्धाभ्यास": ("वॉरगेम", "वॉर गेम"),
    "अभ्यास": ("एक्सरसाइज", "एक्सरसाईज"),
    "चर्चा": ("टॉक्स", "विचारविनिमय", "विचार विनिमय", "विचार विमर्श"),
    "बोलणी": ("टॉक्स", "विचारविनिमय"),
    "वार्ता": ("टॉक्स", "विचार विमर्श", "विचार-विमर्श"),
    "बातचीत": ("टॉक्स", "विचार विमर्श"),
    "बैठक": ("मीटिंग", "मिटिंग"),
    "संवाद": ("डायलॉग", "डायलॉग्ज", "डायलॉगची"),
    "करार": ("ॲग्रीमेंट", "अॅग्रीमेंट", "एग्रीमेंट", "पॅक्ट", "डील", "तह"),
    "समझौत": ("एग्रीमेंट", "ॲग्रीमेंट", "पैक्ट", "पॅक्ट", "डील"),
    "सौदा": ("डील",),
    "सौद": ("डील",),
    "भागीदारी": ("पार्टनरशिप",),
    "साझेदारी": ("पार्टनरशिप",),
    "सहकार्य": ("कोऑपरेशन", "को ऑपरेशन"),
    "सहयोग": ("कोऑपरेशन", "को ऑपरेशन"),
    "समकक्ष": ("काऊंटरपार्ट", "काउंटरपार्ट", "कौंटरपार्ट"),
    "मंत्री": ("मिनिस्टर",),
    "मंत्र्यांची": ("मिनिस्टर्सची",),
    "युद्धनौक": ("वॉरशिप",),
    "पाणबुड": ("सबमरीन",),
    "पनडुब्ब": ("सबमरीन",),
}
# loans that begin longer words of other senses: swapped only within a longer term
_IN_PHRASES: dict[str, tuple[str, ...]] = {
    "सराव": ("ड्रिल", "कवायत"),
    "अभ्यास": ("ड्रिल",),
    "स्वाक्षरी": ("सही", "साइन"),
    "स्वाक्षऱ्या": ("सह्या",),
    "चर्चा": ("बोलणी",),
}
MAX_FORMS = 32
_MAX_COMBOS = 512


def _folded(table: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """The table as the matcher reads its words (bot/rules/normalize.py folds ॲ to ए, ॉ
    to ा, the eyelash ऱ to र)."""
    out: dict[str, tuple[str, ...]] = {}
    for word, loans in table.items():
        key = core(word).lower()
        out[key] = tuple(dict.fromkeys(core(x).lower() for x in loans if core(x)))
    return out


_ALONE = _folded(_WORDS)
# words whose loan is of the defence sense alone: संरक्षण is also conservation and रक्षा
# protection, which no writer calls डिफेन्स, so a look-alike of that sense (पर्यावरण
# संरक्षण) keeps them; सुरक्षा is security in every sense (सामाजिक सुरक्षा, सोशल सिक्युरिटी)
_ONE_SENSE = frozenset(core(w).lower() for w in ("संरक्षण", "रक्षा", "सेना", "लष्कर", "सराव",
                                                  "अभ्यास"))
_PHRASE = _folded(_IN_PHRASES)


def loan_forms(term: str, most: int = MAX_FORMS, *, lookalike: bool = False) -> list[str]:
    """The forms of a folded Devanagari term with its words swapped for the loans and
    synonyms writers use for them (not the term itself), at most `most`; of a
    `lookalike` phrase (a word's other sense), only the loans of every sense."""
    words = term.split(" ")
    phrase = len(words) > 1
    choices: list[tuple[str, ...]] = []
    for w in words:
        if lookalike and w in _ONE_SENSE:
            choices.append((w,))
            continue
        options = (w, *_ALONE.get(w, ()), *(_PHRASE.get(w, ()) if phrase else ()))
        choices.append(tuple(dict.fromkeys(options)))
    if all(len(c) == 1 for c in choices):
        return []
    # the forms with fewest words swapped first: every loan of each word is met alone
    # before the mixes, which the cap may cut
    combos = sorted(islice(product(*_ranges(choices)), 1, _MAX_COMBOS), key=_swaps)
    forms = (" ".join(c[i] for c, i in zip(choices, combo, strict=True)) for combo in combos)
    return list(islice(dict.fromkeys(forms), most))


def _ranges(choices: list[tuple[str, ...]]) -> list[range]:
    return [range(len(c)) for c in choices]


def _swaps(combo: tuple[int, ...]) -> int:
    return sum(1 for i in combo if i)
