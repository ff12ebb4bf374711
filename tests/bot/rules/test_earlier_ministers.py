"""Ministers of every era in every script: a report of a 2007 2+2 or a 2011 call names the
office-holders of its day (Kyuma, Ichikawa, Komura, Faulkner, Clinton), and a Hindi or
Marathi paper writes them in Devanagari, often with initials ("ए. के. अँटनी", "एस. एम.
कृष्णा"), a Japanese one in kanji or katakana. Each pair of ministers below really held
office together; the sentences are written for these tests and name no state, only the
two people. (People still in the day's domestic news are left out of the lexicon:
see its comment.)"""

from __future__ import annotations

import re

import pytest
import yaml

from bot.rules import RuleSet
from tests.bot.rules.helpers import DEFAULT_RULES

WATCHED = {"india", "us", "japan", "australia"}
DEVANAGARI = re.compile("[\u0900-\u097f]")
JAPANESE = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")

# (topic, Devanagari, Latin, Japanese) spellings of the two ministers
PAIRS = [
    ("india-japan", ("ए. के. अँटनी", "तोशिमी किताजावा"), ("A. K. Antony", "Toshimi Kitazawa"),
     ("アントニー国防相", "北沢防衛相")),
    ("india-japan", ("ए. के. अँटनी", "यासुओ इचिकावा"), ("A. K. Antony", "Yasuo Ichikawa"),
     ("アントニー国防相", "一川防衛相")),
    ("india-japan", ("प्रणब मुखर्जी", "योशिनोरी ओनो"), ("Pranab Mukherjee", "Yoshinori Ohno"),
     ("ムカジー国防相", "大野防衛庁長官")),
    ("india-japan", ("ए. के. अँटनी", "सातोशी मोरिमोतो"), ("A. K. Antony", "Satoshi Morimoto"),
     ("アントニー国防相", "森本防衛相")),
    ("us-japan", ("लियोन पनेटा", "यासुओ इचिकावा"), ("Leon Panetta", "Yasuo Ichikawa"),
     ("パネッタ国防長官", "一川防衛相")),
    ("us-japan", ("हिलेरी क्लिंटन", "हिरोफुमी नाकासोने"), ("Hillary Clinton", "Hirofumi Nakasone"),
     ("クリントン国務長官", "中曽根外相")),
    ("us-japan", ("विलियम कोहेन", "फुमियो क्युमा"), ("William Cohen", "Fumio Kyuma"),
     ("コーエン国防長官", "久間防衛庁長官")),
    ("india-us", ("एस. एम. कृष्णा", "हिलेरी क्लिंटन"), ("S. M. Krishna", "Hillary Clinton"),
     ("クリシュナ外相", "クリントン国務長官")),
    ("india-us", ("सलमान खुर्शीद", "जॉन केरी"), ("Salman Khurshid", "John Kerry"),
     ("クルシード外相", "ケリー国務長官")),
    ("india-australia", ("ए. के. अँटनी", "जॉन फॉकनर"), ("A. K. Antony", "John Faulkner"),
     ("アントニー国防相", "フォークナー国防相")),
    ("india-australia", ("ए. के. अँटनी", "जोएल फिट्जगिबन"), ("A. K. Antony", "Joel Fitzgibbon"),
     ("アントニー国防相", "フィッツギボン国防相")),
    ("japan-australia", ("फुमियो क्युमा", "ब्रेंडन नेल्सन"), ("Fumio Kyuma", "Brendan Nelson"),
     ("久間防衛相", "ネルソン国防相")),
    ("japan-australia", ("मासाहिको कोमुरा", "अलेक्झांडर डाउनर"),
     ("Masahiko Komura", "Alexander Downer"),
     ("高村外相", "ダウナー外相")),
    ("japan-australia", ("तोशिमी किताजावा", "जॉन फॉकनर"), ("Toshimi Kitazawa", "John Faulkner"),
     ("北沢防衛相", "フォークナー国防相")),
]
SENTENCES = {
    "mr": ["{a} आणि {b} यांनी दूरध्वनीवरून द्विपक्षीय संरक्षण सहकार्यावर चर्चा केली.",
           "{a} यांनी {b} यांच्याशी संरक्षण सहकार्यावर चर्चा केली."],
    "hi": ["{a} और {b} ने फोन पर द्विपक्षीय रक्षा सहयोग पर बातचीत की।",
           "{a} ने {b} के साथ रक्षा सहयोग पर चर्चा की।"],
    "en": ["{a} and {b} discussed bilateral defence cooperation by telephone.",
           "{a} held talks on defence cooperation with {b}."],
    "ja": ["{a}と{b}は電話会談を行い、防衛協力の強化で一致した。"],
}


def test_every_watched_states_minister_has_a_devanagari_and_a_japanese_spelling() -> None:
    people = yaml.safe_load((DEFAULT_RULES / "lexicon" / "people.yaml").read_text("utf-8"))
    missing = []
    for key, person in people.items():
        if person.get("country") not in WATCHED:
            continue
        names = [person["name"], *person.get("aliases", []), *person.get("short", [])]
        for script, pattern in (("Devanagari", DEVANAGARI), ("Japanese", JAPANESE)):
            if not any(pattern.search(str(n)) for n in names):
                missing.append(f"{key}: no {script} spelling")
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize(("topic", "deva", "latin", "jpn"), PAIRS,
                         ids=[f"{p[0]}-{p[2][1].split()[-1]}" for p in PAIRS])
def test_two_ministers_of_their_day_name_the_pair(
        default_ruleset: RuleSet, topic: str, deva: tuple[str, str], latin: tuple[str, str],
        jpn: tuple[str, str]) -> None:
    names = {"mr": deva, "hi": deva, "en": latin, "ja": jpn}
    failed = []
    for lang, sentences in SENTENCES.items():
        a, b = names[lang]
        for sentence in sentences:
            text = sentence.format(a=a, b=b)
            got = set(default_ruleset.match_text("", text).rule_ids)
            if not {topic, "bilateral-defence"} <= got:
                failed.append(f"{sorted(got)}: {text}")
    assert not failed, "\n".join(failed)
