"""Look-alikes (`not:` in a group file): phrases in which a word of the file's groups has
another sense, so its hits there do not count."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.rules import RuleSet, load_ruleset
from tests.bot.rules.helpers import assert_only_warns, problem_lines, write_dir, write_groups

GROUPS = """\
defence: [navy, 防衛, 安保, "रक्षा समझौत", "संरक्षण करार"]
# look-alikes
not: [安保理, 買収防衛, "पर्यावरण रक्षा", "वन्यजीव संरक्षण", "navy blue"]
"""
RULE = "id: a\ntitle: A\nshared: [defence]\nrequire: defence\n"


def make(tmp_path: Path, groups: str = GROUPS) -> Path:
    return write_groups(write_dir(tmp_path / "rules", {"a": RULE}), {"defence.yaml": groups})


@pytest.mark.parametrize(("text", "matched"), [
    ("日本の防衛政策", True),
    ("米ファンドが買収防衛策の廃止を求めた", False),  # the phrase holds the term
    ("国連安保理で協議した", False),
    ("日米安保条約", True),
    ("भारत-जापान रक्षा समझौते पर हस्ताक्षर", True),
    # the phrase runs on into the term: the term's first word is the phrase's last
    ("भारत-जापान पर्यावरण रक्षा समझौते पर हस्ताक्षर", False),
    ("भारत आणि जपानमध्ये वन्यजीव संरक्षण करारावर स्वाक्षरी", False),
    ("भारत आणि जपानमध्ये संरक्षण करारावर स्वाक्षरी", True),
    ("a navy blue jacket", False),
    ("the navy sailed; a navy blue flag flew", True),  # only the look-alike's hit goes
])
def test_a_lookalike_is_no_hit(tmp_path: Path, text: str, matched: bool) -> None:
    root = make(tmp_path)
    assert problem_lines(root) == []
    assert bool(load_ruleset(root).match_text("", text).rule_ids) is matched


def test_a_lookalike_that_meets_no_term_is_a_warning(tmp_path: Path) -> None:
    assert_only_warns(make(tmp_path, GROUPS.replace('"navy blue"', '"sky blue"')),
                      "warning: groups/defence.yaml:3: not: 'sky blue' overlaps no term "
                      "of this file's groups, so it masks nothing")


def test_not_is_no_group_a_rule_can_list(tmp_path: Path) -> None:
    root = write_groups(write_dir(tmp_path / "rules", {
        "a": "id: a\ntitle: A\nshared: [defence, not]\nrequire: defence\n"}),
        {"defence.yaml": GROUPS})
    assert any("unknown shared group or condition 'not'" in line
               for line in problem_lines(root))


@pytest.mark.parametrize("text", [
    "The White House spokesman, speaking aboard Air Force One, said the United States and "
    "Israel would hold talks on the new government.",
    "Israel's envoy met US donors at the Navy Pier convention centre for talks on tourism.",
])
def test_names_that_carry_a_force_are_no_defence(default_ruleset: RuleSet, text: str) -> None:
    title = "Strained US-Israeli relations after the vote"
    assert default_ruleset.match_text(title, text).rule_ids == ()
    assert default_ruleset.match_text(title, text.replace(
        "Air Force One", "the air force base").replace("Navy Pier", "navy")).rule_ids


@pytest.mark.parametrize(("text", "exercise"), [
    ("横須賀の店「マラバール・キッチン」で食事した", False),  # a restaurant of that name
    ("マラバールキッチンは駅の近く", False),
    ("海上自衛隊が「マラバール2024」に参加した", True),
    ("マラバール共同訓練が始まった", True),
    ("「マラバール」、キーン・ソードに続き", True),  # two names, a list: no longer name
])
def test_a_katakana_name_run_on_into_another_word_is_another_name(
        tmp_path: Path, text: str, exercise: bool) -> None:
    rules = write_dir(tmp_path / "rules", {"m": "id: m\ntitle: M\nterms:\n  x: ['@malabar']\n"
                                                "require: x\n"})
    (rules / "lexicon").mkdir(exist_ok=True)
    (rules / "lexicon" / "exercises.yaml").write_text(
        "malabar:\n  name: Malabar\n  aliases: [マラバール]\n  countries: []\n",
        encoding="utf-8")
    assert bool(load_ruleset(rules).match_text("", text).matches) is exercise


# A ship or a brand named after the Malabar Coast, in a story that names the coast with no
# navy word near it: the headline's "Malabar" is the place's, whatever navy the body names
# further on. An exercise off the coast keeps its navies next to the coast's name.
NAMED_AFTER_THE_COAST = [
    ("Cochin yard hands cargo ship 'Malabar Star' to Japanese owner",
     "The 120-metre ship, named after the Malabar Coast of Kerala, will carry coastal "
     "freight for a firm in Osaka. Its fuel-saving engines were made in Pune, the yard "
     "said, and its owners plan more orders.\nThe yard also hopes to repair US Navy "
     "ships, though no contract has been signed."),
    ("कोचीन यार्ड ने जापानी कंपनी को सौंपा जहाज़ 'मालाबार स्टार'",
     "जहाज़ का नाम केरल के मालाबार तट के नाम पर रखा गया है और यह ओसाका की एक कंपनी के "
     "लिए तटीय माल ढोएगा। इसके इंजन पुणे में बने हैं और कंपनी ने और ऑर्डर देने की बात कही।\n"
     "यार्ड अमेरिकी नौसेना के जहाज़ों की मरम्मत का काम भी चाहता है।"),
    ("कोचीन गोदीकडून जपानी कंपनीला 'मालाबार स्टार' जहाज सुपूर्द",
     "केरळच्या मालाबार किनाऱ्याचे नाव या जहाजाला देण्यात आले असून ते ओसाकामधील एका कंपनीसाठी "
     "किनारी मालवाहतूक करेल. त्याची इंजिने पुण्यात तयार झाली असून कंपनी आणखी मागण्या देणार आहे.\n"
     "अमेरिकी नौदलाच्या जहाजांच्या दुरुस्तीचे कामही गोदीला हवे आहे."),
]


@pytest.mark.parametrize(("title", "text"), NAMED_AFTER_THE_COAST)
def test_a_ship_named_after_the_malabar_coast_is_no_exercise(
        default_ruleset: RuleSet, title: str, text: str) -> None:
    assert "malabar" not in default_ruleset.match_text(title, text).rule_ids


def test_the_exercise_off_the_malabar_coast_keeps_its_navies_near(
        default_ruleset: RuleSet) -> None:
    got = default_ruleset.match_text(
        "Malabar 2024 begins",
        "Warships of the Indian, US, Japanese and Australian navies gathered off the "
        "Malabar Coast on Monday for the exercise.")
    assert "malabar" in got.rule_ids


@pytest.mark.parametrize(("text", "idiom"), [
    # "the two have come a long way" decides nothing: no act of the two
    ("पिछले दो दशकों में भारत और अमेरिका ने रक्षा क्षेत्र में लंबा सफर तय किया है।", True),
    ("भारत और अमेरिका ने रक्षा क्षेत्र में संयुक्त अभ्यास का कार्यक्रम तय किया है।", False),
])
def test_a_road_travelled_is_no_decision(default_ruleset: RuleSet, text: str,
                                         idiom: bool) -> None:
    got = default_ruleset.match_text("भारत-अमेरिका संबंधों पर एक नज़र", text).rule_ids
    assert ("bilateral-defence" not in got) is idiom


def test_san_francisco_in_devanagari_is_no_france(default_ruleset: RuleSet) -> None:
    text = ("सॅन फ्रान्सिस्कोतील भारताचे वाणिज्यदूत आणि भारतीय नौदलाचे अधिकारी उपस्थित होते. "
            "दोन्ही देशांच्या नौदलांनी सराव केला.")
    assert default_ruleset.match_text("", text).entities.countries == ("India",)
