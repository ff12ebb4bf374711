"""The values passed between stages carry their own JSON codec, and lose nothing on it."""

from __future__ import annotations

import json

from bot.models import Alert, AlertSource, Entities, Facts


def alert() -> Alert:
    return Alert(
        event_id="ev-1", action="update", rules=("acsa", "india-japan"),
        title="India and Japan sign a supplies pact", summary="The pact was signed.",
        facts=Facts(date="2020-09-09", countries=("India", "Japan"), people=("Ajay Kumar",),
                    agreements=("ACSA",), exercises=()),
        sources=(AlertSource("https://pib.example/1", "PIB", "Pact signed", "2020-09-09",
                             ("india-japan",), authority="official"),
                 AlertSource("https://news.example/2", "News", "A pact", None, ("acsa",))),
        matched={"india-japan": ["India", "Japan"]}, confirmed=True)


def test_an_alert_survives_its_json_round_trip_with_each_sources_authority() -> None:
    sent = alert()
    back = Alert.from_json(json.loads(json.dumps(sent.to_json())))
    assert back == sent
    assert [s["authority"] for s in sent.to_json()["sources"]] == ["official", "media"]


def test_an_outbox_payload_written_before_authority_was_kept_reads_as_media() -> None:
    payload = alert().to_json()
    for source in payload["sources"]:
        del source["authority"]
    assert {s.authority for s in Alert.from_json(payload).sources} == {"media"}


def test_entities_round_trip_and_missing_fields_read_empty() -> None:
    ents = Entities(("India", "Japan"), ("Rajnath Singh",), ("ACSA",), ("JIMEX", "Malabar"),
                    mentioned=("China",), origins=("India",), leading=("JIMEX",))
    assert ents.to_json() == {"countries": ["India", "Japan"], "people": ["Rajnath Singh"],
                              "agreements": ["ACSA"], "exercises": ["JIMEX", "Malabar"],
                              "mentioned": ["China"], "origins": ["India"],
                              "leading": ["JIMEX"]}
    assert Entities.from_json(json.loads(json.dumps(ents.to_json()))) == ents
    assert Entities.from_json({"people": ["Kishi Nobuo"]}) == Entities(people=("Kishi Nobuo",))


def test_facts_are_labelled_in_the_order_of_the_json() -> None:
    facts = alert().facts
    assert [label for label, _ in facts.labelled()] == ["Date", "Countries", "People",
                                                        "Agreements"]
    assert Facts.from_json(facts.to_json()) == facts
