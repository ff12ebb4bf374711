"""The default rule pack in rules/: ids are a contract, files are clean, examples pass,
and the three seed reports of the 22 Dec 2020 call match exactly the topics they should."""

from __future__ import annotations

from pathlib import Path

import pytest

import bot.rules
from bot.rules import RuleSet, check_rules, run_examples
from tests.beside import SEEDS
from tests.bot.rules.helpers import DEFAULT_RULES
from watchers.models import Article

PACK = {"india-japan", "acsa", "malabar", "india-us", "india-australia", "us-japan",
        "japan-australia", "bilateral-defence"}
PAIRS = {"india-us", "india-australia", "us-japan", "japan-australia"}
EXPECTED = {
    "000": {"india-japan", "bilateral-defence", "acsa", "malabar"},
    "002": {"india-japan", "bilateral-defence", "acsa"},
    "004": {"india-japan", "bilateral-defence", "acsa", "malabar"},
}


def test_public_surface() -> None:
    assert bot.rules.__all__ == sorted(bot.rules.__all__)
    for name in bot.rules.__all__:
        assert hasattr(bot.rules, name), name


def test_rule_ids_are_the_contract(default_ruleset: RuleSet) -> None:
    assert set(default_ruleset.rules) == PACK


def test_default_pack_has_no_problems() -> None:
    assert [str(p) for p in check_rules(DEFAULT_RULES)] == []


def test_default_pack_examples_pass(default_ruleset: RuleSet) -> None:
    failures = run_examples(default_ruleset)
    assert not failures, "\n".join(map(str, failures))


@pytest.mark.parametrize(("title", "text", "pairs"), [
    # three Quad states at the top, or a group framing: no pair, no bilateral statement
    ("Navies of India, Japan, the US and Australia open Malabar",
     "The four navies began the naval exercise in the Bay of Bengal.", set()),
    ("Trilateral talks: US, Japan and Australia defence chiefs meet",
     "The defence ministers agreed to expand joint exercises.", set()),
    # an exercise of four navies named at the top: the host is no pair of the guests
    ("Two Indian frigates reach Yokosuka for Malabar",
     "The Indian Navy ships arrived in the Japanese port on Friday for the exercise, which "
     "the Japan Maritime Self-Defense Force hosts this year.", set()),
    # …unless two of them met as two
    ("Singh meets his Australian counterpart on the sidelines of the Quad talks",
     "India's Rajnath Singh and Richard Marles held bilateral talks on naval cooperation.",
     {"india-australia", "bilateral-defence"}),
    # the city where they met makes its country no party
    ("Singh meets Australian counterpart in Tokyo",
     "India's defence minister held talks with his Australian counterpart on the sidelines "
     "of a conference in Tokyo.", {"india-australia", "bilateral-defence"}),
])
def test_multilateral_stories(default_ruleset: RuleSet, title: str, text: str,
                              pairs: set[str]) -> None:
    got = set(default_ruleset.match_text(title, text).rule_ids)
    assert got - {"malabar"} == pairs


def test_every_rule_has_examples_both_ways(default_ruleset: RuleSet) -> None:
    for rule in default_ruleset.rules.values():
        assert any(e.expect for e in rule.examples), rule.id
        assert any(not e.expect for e in rule.examples), rule.id


def _seed_files() -> list[Path]:
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if len(files) != 3:
        pytest.skip("../shared/seeds is not beside the repository")
    return files


@pytest.mark.parametrize("paragraphs", [False, True], ids=["lead=start", "lead=first-line"])
def test_seed_reports_match_their_topics(default_ruleset: RuleSet, paragraphs: bool) -> None:
    for path in _seed_files():
        text = path.read_text(encoding="utf-8")
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        article = Article(url=f"file://{path.name}", title=lines[0], text=text,
                          source_id="seed", outlet="seed",
                          paragraphs=tuple(lines) if paragraphs else ())
        result = default_ruleset.match(article)
        expected = EXPECTED[path.name[:3]]
        assert set(result.rule_ids) == expected, path.name
        assert not set(result.rule_ids) & PAIRS
        pair = next(m for m in result.matches if m.rule_id == "india-japan")
        groups = {h.group for h in pair.hits}
        # the evidence only: seed 004 names the Quad, but its guard groups are not evidence
        assert groups >= {"india", "japan", "defence", "ties"}
        assert not groups & {"quad", "several", "states"}
        assert set(result.entities.countries) >= {"India", "Japan"}
        assert set(result.entities.people) == {"Rajnath Singh", "Kishi Nobuo"}
        assert result.entities.agreements == ("ACSA",)


def test_seed_004_lists_the_quad_in_passing(default_ruleset: RuleSet) -> None:
    path = next((p for p in _seed_files() if p.name.startswith("004")), None)
    assert path is not None
    text = path.read_text(encoding="utf-8")
    article = Article(url="", title=text.splitlines()[0], text=text, source_id="s", outlet="s")
    entities = default_ruleset.match(article).entities
    assert entities.countries == ("Japan", "India")  # the parties
    assert entities.mentioned == ("United States", "Australia")
    why = default_ruleset.explain("india-us", article)
    assert not why.matched
    assert "pair(top:india, top:us, ties)" in why.render()


def test_lexicon_access(default_ruleset: RuleSet) -> None:
    lexicon = default_ruleset.lexicon
    assert lexicon.name_of("us") == "United States"
    assert lexicon.kind_of("kishi-nobuo") == "person"
    assert lexicon.entries["kishi-nobuo"].countries == ("japan",)
    assert {e.id for e in lexicon.linked("exercise", "japan")} >= {"malabar", "jimex"}
    assert len(lexicon.of_kind("country")) >= 15
    by_name = lexicon.by_name("ACSA")
    assert by_name is not None
    assert by_name.id == "acsa"
    assert default_ruleset.warnings == ()
    assert len(default_ruleset.version) == 12


@pytest.mark.parametrize(("text", "countries"), [
    ("the Indo-Pacific strategy", ()),
    ("off the Malabar coast of the Indian Ocean", ()),
    ("China, the South China Sea and the East China Sea", ("China",)),
    ("Airports Company South Africa (ACSA) said", ()),
    ("the Pentagon and the Kremlin", ("United States", "Russia")),
    ("日本とインドネシア", ("Japan", "Indonesia")),
    ("Latin American leaders met in Washington", ()),  # a venue: where, not who
    ("Washington and Tokyo protested; talks at Canberra", ("United States", "Japan")),
    ("the Washington Post and the Tokyo-based envoy", ("Japan",)),
])
def test_default_lexicon_masks(default_ruleset: RuleSet, text: str,
                               countries: tuple[str, ...]) -> None:
    assert default_ruleset.match_text("", text).entities.countries == countries


@pytest.mark.parametrize("game", ["regatta", "chess Olympiad", "tennis tournament"])
def test_a_sports_headline_is_no_defence_statement(default_ruleset: RuleSet, game: str) -> None:
    text = ("Indian Navy sailors met their Japanese navy counterparts for talks before the "
            "final races.")
    assert default_ruleset.match_text(f"Indian Navy team wins bronze at {game} in Japan",
                                      text).rule_ids == ()
    assert default_ruleset.match_text("Indian Navy team arrives in Japan", text).rule_ids
