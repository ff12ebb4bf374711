"""An exercise's or a pact's name that the article uses for a brand, a firm or a place
is that thing throughout (bot/rules/homonyms.py): "Keen Sword is a knife brand", "Talisman
Journeys", "मालाबार क्षेत्र", キーン・ソードという包丁."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet
from bot.rules.ruleset import article_from_text


@pytest.mark.parametrize(("title", "text"), [
    # a brand, said so once
    ("Keen Sword review: a chef's knife now sold in the US and Australia",
     "Keen Sword is a small knife brand from Seki. Its blades now ship to the United "
     "States and Australia, and the maker signed deals in both."),
    # a firm, written with its firm's word
    ("Talisman Sabre 2025: Australia-US tour firm opens season",
     "Talisman Sabre Tours, run by an Australian-American couple, takes hikers through "
     "Queensland; soldiers of both armies train there, the founders joke."),
    # the place, written as its look-alike once
    ("Landslide in Malabar: army builds bridge, Japan and US send sympathy",
     "Rescue teams worked through the night in the Malabar region of Kerala. Japan and "
     "the United States said they stood ready to help."),
    ("मालाबार में बाढ़, सेना ने राहत शिविर लगाए; जापान और अमेरिका ने संवेदना जताई",
     "मालाबार क्षेत्र के कई जिलों में भारी बारिश हुई। जापान और अमेरिका ने संवेदना व्यक्त की।"),
    ("मलबारमध्ये पूर; लष्कराची मदत, जपान आणि अमेरिकेकडून सहवेदना",
     "मलबार प्रदेश के गावांमध्ये पाणी शिरले. जपान आणि अमेरिकेने मदतीची तयारी दाखवली."),
    ("キーン・ソード、米豪で発売",
     "キーン・ソードという包丁は関市の工房が作る。米国と豪州で販売契約を結んだ。"),
])
def test_a_name_the_story_uses_for_something_else_alerts_nothing(
        default_ruleset: RuleSet, title: str, text: str) -> None:
    assert not default_ruleset.match(article_from_text(title, text)).matches


@pytest.mark.parametrize(("title", "text"), [
    ("Keen Sword opens as Japanese and US forces drill off Okinawa",
     "Japan and the United States began Keen Sword, a large joint exercise, on Monday."),
    ("Malabar 2025 begins off Guam",
     "The navies of India, the US, Japan and Australia opened Malabar, a four-nation "
     "exercise, on Monday; it is a company-level drill ashore."),
    ("India, US open Yudh Abhyas in Alaska",
     "Yudh Abhyas, a company-level exercise, began on Monday with troops of both armies."),
])
def test_the_exercise_itself_keeps_its_name(default_ruleset: RuleSet, title: str,
                                            text: str) -> None:
    assert default_ruleset.match(article_from_text(title, text)).matches
