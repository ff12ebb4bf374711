"""The require language: parsing (with error columns) and what each operator means."""

from __future__ import annotations

import pytest

from bot.rules.expr import ExprError, parse, supporting
from tests.bot.rules.conftest import RuleFactory
from tests.bot.rules.helpers import matches


@pytest.mark.parametrize(("src", "canonical"), [
    ("a", "a"),
    ("a and b or c", "(a and b) or c"),
    ("a and (b or c)", "a and (b or c)"),
    ("not a and b", "not a and b"),
    ("not (a or b)", "not (a or b)"),
    ("near(a, b, 5)", "near(a, b, 5)"),
    ("count(a) >= 2", "count(a) >= 2"),
    ("mentions(title:a)<3", "mentions(title:a) < 3"),
    ("top:a and lead:b and text:c", "top:a and lead:b and text:c"),
    ("near(title:a, b, 0)", "near(title:a, b, 0)"),
    ("armed-forces and b_2", "armed-forces and b_2"),
    ("a\n  and b", "a and b"),
    ("sentence(a, b, not c)", "sentence(a, b, not c)"),
    ("sentence(a,not top:c)", "sentence(a, not top:c)"),
])
def test_parse(src: str, canonical: str) -> None:
    assert str(parse(src)) == canonical


@pytest.mark.parametrize(("src", "col", "message"), [
    ("", 1, "empty expression"),
    ("a and", 6, "expected a group name, found the end"),
    ("a and and b", 7, "expected a group name, found 'and'"),
    ("(a or b", 8, "expected ')', found the end"),
    ("a b", 3, "expected 'and', 'or' or the end, found 'b'"),
    ("near(a, b)", 10, "expected ',', found ')'"),
    ("near(a, b, x)", 12, "expected a whole number, found 'x'"),
    ("count(a)", 9, "expected a comparison after count(...), e.g. >= 2, found the end"),
    ("count(a) = 2", 10, "unexpected character '='"),
    ("within(a, b)", 1, "unknown function 'within'"),
    ("head:a", 1, "unknown place 'head'"),
    ("a & b", 3, "unexpected character '&'"),
])
def test_parse_errors_carry_a_column(src: str, col: int, message: str) -> None:
    with pytest.raises(ExprError) as caught:
        parse(src)
    assert caught.value.col == col
    assert caught.value.message.startswith(message)


AB = {"a": ["navy"], "b": ["army"], "c": ["air force"]}


@pytest.mark.parametrize(("text", "expected"), [
    ("The navy drilled. The army rested.", True),
    ("The navy and the army drilled.", False),
    ("The navy and the army drilled. The navy rested.", True),
    ("The army rested.", False),
])
def test_a_sentence_without_a_group(make_rule: RuleFactory, text: str, expected: bool) -> None:
    """sentence(a, not b): one sentence names a and nothing of b."""
    assert matches(make_rule(AB, "sentence(a, not b)"), "", text) is expected


def test_a_sentence_without_a_group_is_evidence_of_the_first_only() -> None:
    assert supporting(parse("sentence(a, b, not c)")) == {"a", "b"}


@pytest.mark.parametrize(("require", "text", "expected"), [
    ("a and b", "navy and army", True),
    ("a and b", "navy only", False),
    ("a or b", "army only", True),
    ("a or b", "nothing here", False),
    ("a and not b", "navy only", True),
    ("a and not b", "navy and army", False),
    ("a and (b or c)", "navy and air force", True),
    ("a and (b or c)", "army and air force", False),
    ("not (a or b) or c", "air force", True),
])
def test_boolean_operators(make_rule: RuleFactory, require: str, text: str,
                           expected: bool) -> None:
    assert matches(make_rule(AB, require), "", text) is expected


@pytest.mark.parametrize(("require", "text", "expected"), [
    ("near(a, b, 0)", "navy army", True),  # adjacent: no word between
    ("near(a, b, 0)", "navy and army", False),
    ("near(a, b, 1)", "navy and army", True),
    ("near(a, b, 1)", "army and navy", True),  # either order
    ("near(a, b, 2)", "the navy, then the whole army", False),
    ("near(a, c, 1)", "air force and navy", True),  # multi-word hits: from their last word
    ("near(a, b, 3)", "navy x x x x army navy", True),  # some pair is close enough
    ("near(a, b, 5)", "navy\nsecond paragraph army", True),
    ("near(a, a, 3)", "navy x navy", True),  # two different hits of one group
    ("near(a, a, 3)", "navy", False),
])
def test_near(make_rule: RuleFactory, require: str, text: str, expected: bool) -> None:
    assert matches(make_rule(AB, require), "", text) is expected


def test_near_never_crosses_title_and_text(make_rule: RuleFactory) -> None:
    ruleset = make_rule(AB, "near(a, b, 50)")
    assert not matches(ruleset, "The navy", "the army")
    assert matches(ruleset, "The navy and the army", "")


COUNTED = {"forces": ["navy", "army", "air force"], "states": ["@country:*"]}


@pytest.mark.parametrize(("require", "text", "expected"), [
    ("count(forces) >= 2", "navy and army", True),
    ("count(forces) >= 2", "navy, navy and navy", False),  # distinct terms
    ("mentions(forces) >= 3", "navy, navy and navy", True),  # occurrences
    ("count(forces) == 1", "navy, navy", True),
    ("count(forces) > 1", "navy, army", True),
    ("count(forces) < 2", "navy, army", False),
    ("count(forces) <= 2", "navy, army", True),
    ("count(forces) != 0", "nothing", False),
    ("count(states) >= 2", "India and Japan", True),
    ("count(states) >= 2", "India, Indian and New Delhi", False),  # one entity, 3 aliases
    ("count(states) >= 2", "Japan, Tokyo, the US", True),
])
def test_count_and_mentions(make_rule: RuleFactory, require: str, text: str,
                            expected: bool) -> None:
    assert matches(make_rule(COUNTED, require), "", text) is expected


@pytest.mark.parametrize(("require", "title", "text", "expected"), [
    ("title:a", "Navy news", "", True),
    ("title:a", "News", "navy", False),
    ("lead:a", "News", "the navy\nlater", True),
    ("lead:a", "News", "first\nthe navy", False),
    ("text:a", "Navy news", "nothing", False),
    ("top:a", "Navy news", "nothing", True),
    ("top:a", "News", "navy\nlater", True),
    ("top:a", "News", "first\nnavy", False),
    ("a and not top:a", "News", "first\nnavy", True),
    ("mentions(top:a) >= 2", "Navy news", "navy\nlater", True),
])
def test_places(make_rule: RuleFactory, require: str, title: str, text: str,
                expected: bool) -> None:
    assert matches(make_rule(AB, require), title, text) is expected


def test_places_do_not_depend_on_scope(make_rule: RuleFactory) -> None:
    ruleset = make_rule(AB, "a and title:b", scope=["text"])
    assert matches(ruleset, "Army news", "the navy")
    assert not matches(ruleset, "Navy news", "the army")
