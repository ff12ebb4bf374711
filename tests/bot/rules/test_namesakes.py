"""A surname is not a person (bot/rules/namesakes.py): a minister's surname written with
another given name, inside another person's name, or in an article that names another
person of that surname in full, is not the minister. The surname alone, after a title or
with the person's own given name, still is. With the bundled lexicon: Kishi Nobuo
(defence minister 2020-22) and Kishi Nobusuke (prime minister 1957-60)."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet

MINISTER = "Kishi Nobuo"
PREMIER = "Kishi Nobusuke"


def people(ruleset: RuleSet, text: str, title: str = "") -> tuple[str, ...]:
    return ruleset.match_text(title, text).entities.people


@pytest.mark.parametrize("text", [
    # the other Kishi in full, either order, and the surname again later
    "Former prime minister Nobusuke Kishi visited New Delhi in 1957.",
    "Kishi Nobusuke signed the revised security treaty in Washington in 1960.",
    "Nobusuke Kishi visited India in 1957. Kishi later signed the treaty with Eisenhower.",
    # a given name the lexicon does not know, either order
    "The historian Nobutaka Kishi spoke at the seminar in Tokyo.",
    "A lecture by Kishi Nobutaka on the treaty drew a large crowd in Osaka.",
    # Japanese: the other Kishi in full, then "Mr Kishi" next to another person
    "1957年には岸信介首相がインドを訪れた。岸氏の孫にあたる安倍晋三元首相は演説した。",
    # Hindi and Marathi: the other Kishi in full, then the surname alone
    "नोबुसुके किशी 1957 में भारत आए थे। किशी ने नेहरू से मुलाकात की।",
    "नोबुसुके किशी १९५७ मध्ये भारतात आले होते. किशी यांनी नेहरूंची भेट घेतली.",
])
def test_another_kishi_is_not_the_minister(default_ruleset: RuleSet, text: str) -> None:
    assert MINISTER not in people(default_ruleset, text)


@pytest.mark.parametrize("text", [
    "Former prime minister Nobusuke Kishi visited New Delhi in 1957.",
    "1957年には岸信介首相がインドを訪れた。",
    "नोबुसुके किशी 1957 में भारत आए थे।",
])
def test_the_other_kishi_is_named(default_ruleset: RuleSet, text: str) -> None:
    assert PREMIER in people(default_ruleset, text)


@pytest.mark.parametrize(("title", "text"), [
    # the surname alone, after a title, possessive, with his own given name
    ("", "Kishi said the ministers agreed to hold more drills."),
    ("", "Defence Minister Kishi met Austin in Singapore on Friday."),
    ("", "Japan's Kishi and Austin held talks on the sidelines."),
    ("", "Nobuo Kishi and Lloyd Austin held talks."),
    ("", "Austin and Kishi Nobuo discussed the alliance."),
    # a headline in capitals each word tells nothing by its capitals
    ("Austin Meets Kishi In Tokyo", "The two ministers met on Monday."),
    # a small word written with a capital beside the surname is no given name
    ("", "Kishi And Austin agreed that missile defence must be strengthened."),
    ("", "After talks with Austin, Kishi Said the allies would train together."),
    ("", "Austin met With Kishi at the Pentagon on Tuesday."),
    # both Kishis named: the minister keeps his own name and his surname
    ("", "Defence Minister Kishi Nobuo said his grandfather Nobusuke Kishi visited India. "
         "Kishi added that ties were strong."),
    # Japanese: his name, his title, and "Mr Kishi" next to another minister
    ("", "岸信夫防衛相はオースティン国防長官と会談した。"),
    ("", "岸防衛相はオースティン長官と電話で会談した。"),
    ("", "岸氏はオースティン長官と会談した。"),
    # Hindi and Marathi
    ("", "जापान के रक्षा मंत्री नोबुओ किशी ने ऑस्टिन से बात की। किशी ने कहा कि बैठक सफल रही।"),
    ("", "किशी ने ऑस्टिन से बात की।"),
    ("", "जपानचे संरक्षणमंत्री नोबुओ किशी यांनी ऑस्टिन यांच्याशी चर्चा केली."),
])
def test_the_minister_is_still_named(default_ruleset: RuleSet, title: str, text: str) -> None:
    assert MINISTER in people(default_ruleset, text, title)


def test_a_name_inside_a_longer_name_is_the_longer_one(default_ruleset: RuleSet) -> None:
    # Hindi writes endings on to names: किशीदा (Kishida) begins with किशी (Kishi)
    found = people(default_ruleset, "प्रधानमंत्री फुमियो किशीदा ने रक्षा मंत्री से बात की।")
    assert found == ("Kishida Fumio",)


def test_a_surname_beside_another_given_name_is_anyone_of_the_lexicon(
        default_ruleset: RuleSet) -> None:
    # "Teodoro" is a Philippine defence secretary's surname; here it is a given name
    found = people(default_ruleset, "Foreign Secretary Teodoro Locsin met the Japanese "
                                    "minister in Manila.")
    assert "Gilberto Teodoro" not in found
    assert "Gilberto Teodoro" in people(
        default_ruleset, "Defense Secretary Teodoro met the Japanese minister in Manila.")
