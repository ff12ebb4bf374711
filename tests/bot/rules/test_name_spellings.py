"""Names as a writer who has not read the lexicon spells them (bot/rules/skeleton.py).

A writer generator makes, from each name, the spellings an independent Hindi or Marathi
writer plausibly uses, one choice at a time and two at once: the length of i and u, t
and d dental or retroflex, z as ज, झ or ज़, sh as श or ष, व or व्ह, e and o as plain,
as ai and au or as the candra vowels of loans, a vowel after i with or without य, a
halant left out or put in, a compound's words joined or hyphenated, an initialism's
letters apart; Japanese names with a long ā written short and a short a long; katakana
with ヴ or バ, ティ or チ, ディ or ジ. Each spelling is put, with the case endings of both
languages attached, into a text; and ministers, exercises, ports, ships, pacts and the
states themselves so spelt go into reports of a call, a drill, a port call and a
signing in Marathi, Hindi, Japanese and English. Their look-alikes (वरून, चिन्ह, जपणे,
मादी, किशिदा) and the same sentences with no defence act or one state stay silent.
Texts written for these tests."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import pytest

from bot.rules import RuleSet
from bot.rules.normalize import core
from bot.rules.scan import scan
from bot.rules.skeleton import long_enough, skeleton, spellings
from bot.rules.splitting import sentence_starts
from tests.bot.rules.helpers import BD, IA, IJ, IU, JA, PAIR_TOPICS, UJ, topics

_CONS = "\u0915-\u0939"
_V = "\u094d"
# one writer's choice: (what the lexicon may have, what the writer writes), as patterns;
# first those that change one letter for another, which a writer makes several of at once
_FOLDS: list[tuple[str, str]] = [
    ("\u093f", "\u0940"), ("\u0940(?=.)", "\u093f"), ("\u0941", "\u0942"), ("\u0942", "\u0941"),
    ("इ", "ई"), ("ई", "इ"), ("उ", "ऊ"), ("ऊ", "उ"), ("थ", "ठ"), ("ठ", "थ"), ("ज(?!\u093c)", "झ"),
    ("झ", "ज"), ("श", "ष"), ("ष", "श"), ("\u0945", "\u0948"), ("\u0945", "\u0947"),
    ("\u0948", "\u0945"), ("\u0948", "\u0947"), ("\u0947", "\u0948"), ("(?:(?<= )|^)ए", "ऐ"),
    ("(?:(?<= )|^)ॲ", "ए"), ("(?:(?<= )|^)ऐ", "ए"), ("\u0902", "\u0901"),
]
_OTHERS: list[tuple[str, str]] = [
    ("ज(?!\u093c)", "ज\u093c"), ("झ", "ज\u093c"), ("ज\u093c", "झ"), ("व(?!\u094d)", "व्ह"),
    ("व्ह", "व"), ("\u0949", "\u094b"), ("\u094b(?=[^ ])", "\u0949"), ("ऑ", "ओ"), ("ऑ", "आ"),
    ("(?:(?<= )|^)ए", "अ\u200dॅ"), ("(?:(?<= )|^)आ", "अ\u200dॉ"),
    ("िए", "िये"), ("िये", "िए"), ("िए", "िय"), ("िय(?![\u093e-\u094d])", "िए"),
    ("िओ", "ियो"), ("ियो", "िओ"), ("िया", "िआ"), ("ाइ", "ाय"), ("ाय", "ाइ"), ("ाइ", "ाई"),
    ("ाई", "ाइ"), (f"(?<=[{_CONS}]){_V}(?=[{_CONS}])", ""), (f"(?<=[{_CONS}])(?=[{_CONS}])", _V),
    (" ", ""), (" ", "-"), ("-", " "), ("-", ""),
]
_JAPANESE_FOLDS = [("त", "ट"), ("ट", "त"), ("द", "ड"), ("ड", "द")]
_JAPANESE = [(f"(?<=[{_CONS}])\u093e", ""),
             (f"(?<=[{_CONS}])(?![\u093e-\u094d\u0902 ]|$)", "\u093e")]
_KANA = [("ヴァ", "バ"), ("バ", "ヴァ"), ("ヴィ", "ビ"), ("ビ", "ヴィ"), ("ヴェ", "ベ"),
         ("ベ", "ヴェ"), ("ヴォ", "ボ"), ("ティ", "チ"), ("チ", "ティ"), ("ディ", "ジ"),
         ("ジ", "ディ"), ("ウェ", "ウエ"), ("ウォ", "ウオ"), ("ドゥ", "ド"), ("・", ""),
         *((f"{e}ー", f"{e}イ") for e in "エケセテネヘメレ")]


def writer(name: str, *, japanese: bool = False, folds: bool = False) -> list[str]:
    """The name with each choice of a new writer made at each place it can be made (with
    `folds`, only the choices of one letter for another)."""
    choices = _FOLDS + (_JAPANESE_FOLDS if japanese else [])
    if not folds:
        choices += _OTHERS + (_JAPANESE if japanese else [])
    out: list[str] = []
    for pattern, repl in choices:
        out += [name[:m.start()] + repl + name[m.end():] for m in re.finditer(pattern, name)]
    return [v for v in dict.fromkeys(out) if v != name]


def kana_writer(name: str) -> list[str]:
    """Its other katakana spellings, of three kana at least (モジ is no モディ)."""
    out = [name.replace(a, b) for a, b in _KANA if a in name]
    return [v for v in dict.fromkeys(out) if v != name and len(v.replace("・", "")) >= 3]


MR_ENDINGS = ["", "ला", "ने", "चे", "च्या", "ची", "शी", "सोबत", "कडून", "मध्ये", "नी", "वर"]
HI_ENDINGS = [" का", " की", " के", " से", " में", " ने", " को"]


def _found(ruleset: RuleSet, entity: str, text: str) -> bool:
    compiled = ruleset._compiled
    return compiled.entity_atoms[entity] in scan(compiled, "text", text).by_atom


def _lexicon_names(ruleset: RuleSet) -> Iterator[tuple[str, str, bool]]:
    """(entity, Devanagari name, whether Japanese) for each name long enough to be read
    by its skeleton; ports' arrival phrases and `not:` phrases left out."""
    for entry in ruleset.lexicon.entries.values():
        # Japanese names: Japan's, its people's and its exercises' (not its pacts' names)
        japanese = entry.id == "japan" or (entry.kind in ("person", "exercise")
                                           and "japan" in entry.countries)
        for alias in (*entry.aliases, *entry.cities):
            if re.search("[\u0900-\u097f]", alias) and long_enough(core(alias)) and not any(
                    w in alias for w in (" पहुं", " बंदर", " येथे", " में लंगर", " पोर्ट", "पहुँच")):
                yield entry.id, alias, japanese


def test_the_skeleton_keeps_every_offset() -> None:
    text = " कीताझावा आणि हेग्सेठ यांची मैत्रीपूर्ण भेट; 日米 and the US "
    assert len(skeleton(text)) == len(text)
    assert skeleton(" कीताझावा ") == skeleton(" किताजावा ") == " किताजावा "
    assert skeleton(" मोरीमोटो ") == skeleton(" मोरिमोतो ")
    assert skeleton(" की ") != skeleton(" के ")  # only what names are spelt with folds


def test_spellings_make_what_one_to_one_cannot() -> None:
    assert "हेग्सेथ" in spellings("हेगसेथ")
    assert "धर्मगार्दियन" in spellings("धर्म गार्डियन")
    assert "ओरियंत शिल्द" in spellings("ओरिएंट शील्ड")
    assert "हामादा" in spellings("हमादा", japanese=True)
    assert "हामादा" not in spellings("हमादा")


def test_every_lexicon_name_in_a_new_writers_spelling(default_ruleset: RuleSet) -> None:
    """Each spelling, with every ending: found wherever the name as listed is found (a
    name before मध्ये is a venue, and a venue is no party either way)."""
    failed, total = [], 0
    for entity, name, japanese in _lexicon_names(default_ruleset):
        for variant in writer(name, japanese=japanese):
            for text in [f"काल {{}}{e} बातमी आली." for e in MR_ENDINGS] + [
                    f"कल {{}}{e} बात हुई।" for e in HI_ENDINGS]:
                total += 1
                if (not _found(default_ruleset, entity, text.format(variant))
                        and _found(default_ruleset, entity, text.format(name))):
                    failed.append(f"{entity}: {name} -> {text.format(variant)}")
    assert total > 40_000
    assert not failed, f"{len(failed)} of {total}\n" + "\n".join(failed[:60])


def test_several_choices_at_once(default_ruleset: RuleSet) -> None:
    """A writer makes several choices in one name (कीताझावा, मोरीमोटो, हेग्सेठ): any one,
    and then one letter for another, twice. (Two choices that are not one letter for
    another, a halant dropped and the words joined, are not all read: their spellings
    would multiply the keys.)"""
    failed, total = [], 0
    for entity, name, japanese in _lexicon_names(default_ruleset):
        for once in writer(name, japanese=japanese)[::2]:
            for twice in writer(once, japanese=japanese, folds=True)[::2]:
                for thrice in writer(twice, japanese=japanese, folds=True)[::5]:
                    total += 1
                    if not _found(default_ruleset, entity, f"काल {thrice}ने सांगितले."):
                        failed.append(f"{entity}: {name} -> {thrice}")
    assert total > 5_000
    assert not failed, f"{len(failed)} of {total}\n" + "\n".join(failed[:60])


def test_katakana_names_in_other_spellings(default_ruleset: RuleSet) -> None:
    failed, total = [], 0
    for entry in default_ruleset.lexicon.entries.values():
        for alias in entry.aliases:
            if not re.fullmatch("[\u30a1-\u30fc・]{3,}", alias):
                continue
            for variant in kana_writer(alias):
                total += 1
                if (not _found(default_ruleset, entry.id, f"昨日{variant}が発表した。")
                        and _found(default_ruleset, entry.id, f"昨日{alias}が発表した。")):
                    failed.append(f"{entry.id}: {alias} -> {variant}")
    assert total > 100
    assert not failed, "\n".join(failed)


# the names a report carries its pair by: (name, Japanese, state)
MINISTERS = [("मिनोरू किहारा", True, "japan"), ("किहारा", True, "japan"),
             ("नाकातानी", True, "japan"),
             ("कोइजुमी", True, "japan"), ("यासुकाजु हमादा", True, "japan"),
             ("इत्सुनोरी ओनोदेरा", True, "japan"), ("लॉयड ऑस्टिन", False, "us"),
             ("ऑस्टिन", False, "us"), ("हेगसेथ", False, "us"), ("जिम मॅटिस", False, "us"),
             ("मार्क एस्पर", False, "us"), ("रिचर्ड मार्ल्स", False, "australia"),
             ("लिंडा रेनॉल्ड्स", False, "australia"), ("राजनाथ सिंह", False, "india")]
# an exercise, with the force of one of its states that takes part
EXERCISES = [("जिमेक्स", "भारतीय नौदलाने", IJ, "भारतीय नौसेना ने"),
             ("धर्मा गार्डियन", "भारतीय लष्कराने", IJ, "भारतीय सेना ने"),
             ("युद्ध अभ्यास", "भारतीय लष्कराने", IU, "भारतीय सेना ने"),
             ("वज्र प्रहार", "भारतीय लष्कराने", IU, "भारतीय सेना ने"),
             ("कोप इंडिया", "भारतीय हवाई दलाने", IU, "भारतीय वायुसेना ने"),
             ("टायगर ट्रायम्फ", "भारतीय नौदलाने", IU, "भारतीय नौसेना ने"),
             ("ऑसिंडेक्स", "भारतीय नौदलाने", IA, "भारतीय नौसेना ने"),
             ("ऑस्ट्राहिंद", "भारतीय लष्कराने", IA, "भारतीय सेना ने")]
MALABAR = ["मलबार", "मलाबार", "मालाबार"]
# a ship's prefix and a port of the other state
PORT_CALLS = [("आयएनएस", "योकोसुका", True, IJ), ("आयएनएस", "सासेबो", True, IJ),
              ("यूएसएस", "विशाखापट्टणम", False, IU), ("एचएमएएस", "योकोसुका", True, JA),
              ("आयएनएस", "डार्विन", False, IA), ("आयएनएस", "पर्ल हार्बर", False, IU),
              ("आयएनएस", "ग्वाम", False, IU)]
PACTS = [("लेमोआ", "भारत", "अमेरिका", IU), ("कॉमकासा", "भारत", "अमेरिका", IU),
         ("एसीएसए", "भारत", "जपान", IJ | {"acsa"}), ("आरएए", "जपान", "ऑस्ट्रेलिया", JA)]
STATES = {"japan": ["जपान", "जापान"], "us": ["अमेरिका", "अमरीका"],
          "australia": ["ऑस्ट्रेलिया", "आस्ट्रेलिया"]}
_PAIR = {frozenset(p): t for p, t in ((("india", "japan"), IJ), (("india", "us"), IU),
                                      (("india", "australia"), IA), (("us", "japan"), UJ),
                                      (("japan", "australia"), JA))}


def _spelt(name: str, japanese: bool, every: int = 1) -> list[str]:
    """The name and a new writer's spellings of it (every `every`-th one); a short name
    is read only as written (skeleton.py: long_enough)."""
    if not long_enough(core(name)):
        return [name]
    return [name, *writer(name, japanese=japanese)[::every]]


def _reports() -> Iterator[tuple[str, str, set[str]]]:
    """(language, text, topics) of a call, a drill, a port call and a signing, each name
    in a new writer's spellings."""
    for (a, ja, sa), (b, jb, sb) in itertools.combinations(MINISTERS, 2):
        topic = _PAIR.get(frozenset((sa, sb)))
        if topic is None:
            continue
        for x, y in zip(_spelt(a, ja), itertools.cycle(_spelt(b, jb)), strict=False):
            yield "mr", f"{x} यांनी {y} यांच्याशी दूरध्वनीवरून द्विपक्षीय संरक्षण सहकार्यावर चर्चा केली.", topic
            yield "hi", f"{x} ने {y} के साथ फोन पर रक्षा सहयोग पर बातचीत की।", topic
    for name, mr_force, topic, hi_force in EXERCISES:
        for x in _spelt(name, False):
            yield "mr", f"{mr_force} {x} सरावात भाग घेतला.", topic
            yield "hi", f"{hi_force} {x} अभ्यास में भाग लिया।", topic
    for name in MALABAR:
        for x in _spelt(name, False):
            yield "mr", (f"भारत, अमेरिका, जपान आणि ऑस्ट्रेलिया यांच्या नौदलांचा {x} सराव "
                         "ग्वाम येथे सुरू झाला."), {"malabar"}
    for prefix, port, ja, topic in PORT_CALLS:
        for p, x in itertools.product(_spelt(prefix, False, 2), _spelt(port, ja, 2)):
            yield "mr", f"{p} शिवालीक ही युद्धनौका {x} बंदरात दाखल झाली.", topic
            yield "hi", f"{p} शिवालिक {x} बंदरगाह पहुंचा।", topic
    for pact, a, b, topic in PACTS:
        for x, y in itertools.product(_spelt(pact, False, 2), [b, *STATES.get(
                {"अमेरिका": "us", "जपान": "japan"}.get(b, "australia"), [])]):
            yield "mr", f"{a} आणि {y} यांनी {x} करारावर स्वाक्षरी केली.", topic
            yield "hi", f"{a} और {y} ने {x} समझौते पर हस्ताक्षर किए।", topic


def test_reports_whose_names_carry_the_pair(default_ruleset: RuleSet) -> None:
    failed, cases = [], list(_reports())
    for lang, text, expected in cases:
        got = topics(default_ruleset, "", text)
        if not expected <= got or (got & PAIR_TOPICS) - expected:
            failed.append(f"{lang} {sorted(got)}: {text}")
    assert len(cases) > 1_000
    assert not failed, f"{len(failed)} of {len(cases)}\n" + "\n".join(failed[:80])


def _negatives() -> Iterator[tuple[str, str]]:
    """The reports' shapes with no defence act, or with one state only, each name in a
    new writer's spellings."""
    for (a, ja, sa), (b, jb, sb) in itertools.combinations(MINISTERS, 2):
        if frozenset((sa, sb)) not in _PAIR:
            continue
        for x, y in zip(_spelt(a, ja, 4), itertools.cycle(_spelt(b, jb, 3)), strict=False):
            yield "mr", f"{x} यांनी {y} यांच्याशी दूरध्वनीवरून क्रिकेट सामन्याविषयी गप्पा मारल्या."
            yield "hi", f"{x} ने {y} के साथ फोन पर क्रिकेट मैच के बारे में बात की।"
            yield "mr", f"{x} यांनी पत्रकार परिषदेत संरक्षण अर्थसंकल्पाची माहिती दिली."
            yield "hi", f"{y} ने संवाददाता सम्मेलन में रक्षा बजट की जानकारी दी।"
    for _, port, ja, _ in PORT_CALLS:
        for x in _spelt(port, ja, 2):
            yield "mr", f"कोस्टा सेरेना हे प्रवासी जहाज {x} बंदरात दाखल झाले."
            yield "hi", f"कोस्टा सेरेना यात्री जहाज {x} बंदरगाह पहुंचा।"
    for _, a, b, _ in PACTS:
        for y in [b, *STATES["japan"]]:
            yield "mr", f"{a} आणि {y} यांनी पर्यटन करारावर स्वाक्षरी केली."
            yield "hi", f"{a} और {y} ने पर्यटन समझौते पर हस्ताक्षर किए।"
    for name, _, _, _ in EXERCISES:
        for x in _spelt(name, False, 3):
            yield "mr", f"शाळेच्या संघाने {x} नावाच्या बुद्धिबळ स्पर्धेत भाग घेतला."


def test_the_same_shapes_without_an_act_stay_silent(default_ruleset: RuleSet) -> None:
    cases = list(_negatives())
    alerted = [f"{lang} {sorted(got)}: {text}" for lang, text in cases
               if (got := topics(default_ruleset, "", text)) & (PAIR_TOPICS | BD)]
    assert len(cases) > 300
    assert not alerted, f"{len(alerted)} of {len(cases)}\n" + "\n".join(alerted[:40])


# words whose skeletons are a short name's, which is why short names are read as written
LOOKALIKES = [("varuna", "मुंबईवरून निघालेल्या गाडीने पुण्यावरून प्रवास केला."),
              ("china", "निवडणूक चिन्ह आणि चिन्हांकित जागा यांची यादी जाहीर झाली."),
              ("japan", "परंपरा जपणे आणि जपण्यासाठी प्रयत्न करणे महत्त्वाचे आहे."),
              ("narendra-modi", "मादी बिबट्याने दोन पिल्लांना जन्म दिला."),
              ("kishi-nobuo", "फुमियो किशिदा यांनी मंत्रिमंडळाची बैठक घेतली."),
              ("russia", "रुसवा फुगवा दूर करून दोघे पुन्हा बोलू लागले.")]


@pytest.mark.parametrize(("entity", "text"), LOOKALIKES)
def test_lookalikes_of_short_names_name_nobody(default_ruleset: RuleSet, entity: str,
                                               text: str) -> None:
    assert not _found(default_ruleset, entity, text)


def test_no_rule_word_is_read_as_a_name(default_ruleset: RuleSet) -> None:
    """The skeleton merges letters, so a word of the rules' vocabulary could turn into a
    name: none does. Each Devanagari term of every rule, scanned alone, gives no name
    through the skeleton that the term does not hold as the lexicon writes it."""
    compiled = default_ruleset._compiled
    lexicon = default_ruleset.lexicon
    merged = []
    for atom in compiled.atoms:
        term = atom.label
        if atom.entity is not None or term.startswith("@") or not re.search(
                "[\u0900-\u097f]", term):
            continue
        folded = f" {core(term).lower()} "
        for _, (_, targets) in compiled.skeletal.iter(skeleton(folded)):
            for target in targets:
                owner = compiled.atoms[target.atom]
                entry = lexicon.get(owner.entity or "")
                if target.mask or entry is None:
                    continue
                written = [core(n).lower() for n in (*entry.aliases, *entry.cities, entry.name)]
                if not any(w[:-1] in folded for w in written if w):
                    merged.append(f"{term} -> {entry.id}")
    assert not merged, merged


# an initialism written with its letters' dots, run together or apart, ends no sentence
DOTTED = [("आय.एन.एस. शिवालिक ही युद्धनौका योकोसुका बंदरात दाखल झाली.", IJ),
          ("आय. एन. एस. शिवालिक ही युद्धनौका सासेबो बंदरात दाखल झाली.", IJ),
          ("यू.एस.एस. डेवी ही युद्धनौका विशाखापट्टणम बंदरात दाखल झाली.", IU),
          ("यू. एस. एस. डेवी विशाखापत्तनम बंदरगाह पहुंचा।", IU),
          ("एच.एम.ए.एस. अरुंटा हे जहाज योकोसुका बंदरात दाखल झाले.", JA),
          ("जे.एस. इझुमो ही युद्धनौका चेन्नई बंदरात दाखल झाली.", IJ),
          ("भारत आणि यू.एस.ए. यांनी लेमोआ करारावर स्वाक्षरी केली.", IU),
          ("भारत और यू. एस. ए. ने बेका समझौते पर हस्ताक्षर किए।", IU),
          ("जपान आणि ऑस्ट्रेलिया यांनी आर.ए.ए. करारावर स्वाक्षरी केली.", JA)]


@pytest.mark.parametrize(("text", "expected"), DOTTED)
def test_initialisms_with_their_dots(default_ruleset: RuleSet, text: str,
                                     expected: set[str]) -> None:
    got = topics(default_ruleset, "", text)
    assert expected <= got and not (got & PAIR_TOPICS) - expected, got


def test_a_sentence_after_an_initial_still_starts() -> None:
    assert sentence_starts("भारत आणि यू. एस. ए. यांनी करार केला.") == [0]
    assert len(sentence_starts("सराव संपला. एसीएसए लागू झाला.")) == 2
    assert len(sentence_starts("हा करार झाला. पुढे काय?")) == 2
