"""States named in passing: a clause of circumstances ("as China watched", "With an
American carrier heading north, ..."), a state left outside the two parties of its
sentence, a wrapped line; `parties(g)`, which counts only the states taking part; and
which pair "his Japanese counterpart" and "the two ministries" stand for."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.rules import RuleSet, load_ruleset
from bot.rules.places import circumstance
from bot.rules.splitting import sentence_starts
from tests.bot.rules.helpers import matches, one_rule, write_dir

LEXICON: dict[str, dict[str, Any]] = {
    "countries": {
        "india": {"name": "India", "aliases": ["Indian"]},
        "japan": {"name": "Japan", "aliases": ["Japanese", "日本", "日米", "日豪"],
                  "cities": ["Tokyo"]},
        "australia": {"name": "Australia", "aliases": ["Australian", "豪州", "日豪"]},
        "us": {"name": "United States", "aliases": ["American", "米国", "日米"]},
        "china": {"name": "China", "aliases": ["Chinese"]},
        "singapore": {"name": "Singapore", "aliases": ["シンガポール"]},
        "uk": {"name": "United Kingdom", "aliases": ["英国"]},
        "germany": {"name": "Germany", "aliases": ["German"]},
    },
    "people": {"richard-marles": {"name": "Richard Marles", "aliases": ["Marles"],
                                  "country": "australia"},
               "kihara-minoru": {"name": "Kihara Minoru", "aliases": ["Kihara"],
                                 "country": "japan"}},
}
STATES = ["@country:*", "@person:*"]
ACT = ["talks", "agreed", "drills", "会談", "協定"]


@pytest.fixture(scope="module")
def rulesets(tmp_path_factory: pytest.TempPathFactory) -> dict[str, RuleSet]:
    root: Path = tmp_path_factory.mktemp("circumstances")
    out = {}
    terms = {"a": STATES, "act": ACT, "au": ["@australia", "@person:australia"],
             "jp": ["@japan", "@person:japan"], "q": ["@japan", "@us", "@australia", "@india"]}
    for name, require in (("pair", "pair(a, a, act)"), ("three", "parties(a) >= 3"),
                          ("count", "count(a) >= 3"), ("au-jp", "pair(au, jp, act)"),
                          ("quad", "parties(q) >= 3")):
        out[name] = load_ruleset(write_dir(root / name, {"t": one_rule(
            {k: v for k, v in terms.items() if k in require}, require)}, LEXICON))
    return out


@pytest.mark.parametrize(("text", "expected"), [
    # the clause tells what goes on around the act; the rest names who acts
    ("Japan held talks in Tokyo as the United States watched.", False),
    ("Japan held talks in Tokyo amid tension with China.", False),
    ("With an American carrier steaming north, Indian ministers held talks with Japan.",
     True),
    ("TOKYO, May 2 - With a Chinese fleet sailing nearby, Indian ministers held talks with "
     "Japan.", True),
    # ... unless the clause is where the states are: then it is the news
    ("Troops arrive in the north as India, Japan open drills.", True),
    # "as well as", "such as" list and join; "with" not opening the sentence joins too
    ("India held talks with Japan as well as the United States.", False),
    ("Partners such as Australia held talks with India.", True),
    ("India held talks with Japan, with American officers present.", False),
])
def test_a_clause_of_circumstances_names_no_party(rulesets: dict[str, RuleSet], text: str,
                                                  expected: bool) -> None:
    assert matches(rulesets["pair"], "", text) is expected


def test_circumstance_reads_the_clause_of_the_state() -> None:
    text = "Japan held talks, as China watched, with India."
    assert circumstance(text, text.index("China"), text.index("China") + 5, 0)
    assert not circumstance(text, text.index("India"), text.index("India") + 5, 0)


@pytest.mark.parametrize(("title", "text", "parties", "count"), [
    ("", "India, Japan and Australia agreed to hold drills.", True, True),
    # named in passing: in a clause of circumstances, or outside the sentence's pair
    ("Japan and Australia hold talks", "Marles arrived in the Japanese capital as American "
     "ships sailed north.", False, True),
    ("", "India and Japan agreed on drills that Australia had once proposed.", False, True),
    # a third state joined to a pair ("drills with India and Japan") takes part
    ("", "Australia held drills with India and Japan.", True, True),
])
def test_parties_counts_the_states_that_take_part(rulesets: dict[str, RuleSet], title: str,
                                                  text: str, parties: bool,
                                                  count: bool) -> None:
    assert matches(rulesets["three"], title, text) is parties
    assert matches(rulesets["count"], title, text) is count


def test_the_two_of_the_story_are_not_a_passing_threat(rulesets: dict[str, RuleSet]) -> None:
    # the lead names Japan and, as what goes on around it, China: no pair of the story
    lead = "Sirens sounded across Japan on Tuesday as a Chinese missile flew overhead."
    assert not matches(rulesets["pair"], "Troops drill in the north",
                       f"{lead}\n\nThe two countries agreed on more drills.")
    assert matches(rulesets["pair"], "Troops drill in the north",
                   "Sirens sounded across Japan on Tuesday. China fired a missile.\n\n"
                   "The two countries agreed on more drills.")


def test_a_wrapped_line_ends_no_sentence(rulesets: dict[str, RuleSet]) -> None:
    wrapped = ("Long-planned talks between the defence ministers of Japan and the\n"
               "United States ended on Monday in Tokyo.")
    assert sentence_starts(wrapped) == [0]
    assert matches(rulesets["pair"], "", wrapped)
    # a short line (a heading) and a line that ends in a stop end their sentence
    assert len(sentence_starts("Defence news\nJapan held talks.")) == 2
    assert len(sentence_starts("Japan and the United States held talks on the new base.\n"
                               "India was not there.")) == 2


def test_a_counterpart_pairs_with_the_story_or_the_minister_who_speaks(
        rulesets: dict[str, RuleSet]) -> None:
    # not with the first state of the sentence (China, the subject of the talks)
    assert matches(rulesets["au-jp"], "", "On China, Marles agreed with his Japanese "
                                          "counterpart to hold more drills.")
    assert matches(rulesets["au-jp"], "Marles and Kihara in Tokyo", "On India and China, "
                   "the Australian minister agreed with his Japanese counterpart.")


def test_the_two_ministries_are_the_states_whose_ministers_speak(
        rulesets: dict[str, RuleSet]) -> None:
    top = ("The Australian navy picked a German design and a Japanese one for the final "
           "round of its frigate contest.")
    body = "Marles announced the choice. In Tokyo, Kihara welcomed it."
    assert matches(rulesets["au-jp"], "Frigate shortlist names two designs",
                   f"{top}\n\n{body} The two ministries agreed to hold talks.")
    # with no minister of the second state there is no pair to stand for
    assert not matches(rulesets["au-jp"], "Frigate shortlist names two designs",
                       f"{top}\n\nMarles announced the choice. The two ministries agreed "
                       "to hold talks.")


def test_japanese_venues_and_states_set_apart(rulesets: dict[str, RuleSet]) -> None:
    # シンガポールで: where they met; 日米で: who met
    assert matches(rulesets["pair"], "日米防衛相、シンガポールで会談", "")
    assert matches(rulesets["pair"], "日米で会談", "")
    # 米国以外と ("with a state other than the US"): the US takes no part
    text = "日豪首脳が会談した。日本が米国以外と協定を結ぶのは英国に次いで2カ国目となる。"
    assert not matches(rulesets["quad"], "", text)
    assert matches(rulesets["quad"], "", text.replace("米国以外", "米国"))


def test_a_shipbuilder_is_a_firm_not_its_state(rulesets: dict[str, RuleSet]) -> None:
    # "a German shipbuilder" is a firm of that nationality: the parties are the other two
    assert matches(rulesets["pair"], "", "A German shipbuilder and an Australian minister "
                                         "held talks with Japan.")
    assert not matches(rulesets["pair"], "", "A German envoy and an Australian minister "
                                             "held talks with Japan.")


@pytest.mark.parametrize(("title", "text"), [
    ("防衛省、隊員確保へ新制度",
     "防衛省内では、日米同盟の下で自衛隊の役割が広がるなか、人員の確保が防衛協力の実効性にも"
     "関わるとの危機感が強い。"),
    ("भर्ती नियम बदले गए",
     "अमेरिका और जापान के रक्षा मंत्रियों की बैठक के मद्देनजर भारत ने भर्ती नियम बदले।"),
    ("भरती नियम बदलले",
     "अमेरिका आणि जपानच्या संरक्षणमंत्र्यांच्या बैठकीच्या पार्श्वभूमीवर भारताने भरती नियम बदलले."),
])
def test_a_clause_of_circumstances_closed_after_the_states(default_ruleset: RuleSet,
                                                           title: str, text: str) -> None:
    # Japanese "...なか、" (amid), Hindi के मद्देनजर (in view of), Marathi पार्श्वभूमीवर
    # (against the backdrop of): the pair in it is what goes on, not who acts
    assert not default_ruleset.match_text(title, text).matches
    # the same pair acting, with the clause about a third state, is news
    acting = default_ruleset.match_text(
        "日米防衛相が会談", "中国の軍事活動が活発化するなか、日米の防衛相は10日、東京で会談し、"
        "防衛協力の強化で一致した。")
    assert "us-japan" in acting.rule_ids
