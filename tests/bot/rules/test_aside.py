"""A scan tests a sentence for being aside (history, a wish, a denial: it names no parties
of today's news) only when a rule asks about it, once, and answers as testing every
sentence of the text would."""

from __future__ import annotations

import pytest

from bot.rules import scan as scan_module
from bot.rules.dated import dated_sentences
from bot.rules.denial import denied_sentences
from bot.rules.mood import unasserted_sentences
from bot.rules.normalize import normalize
from bot.rules.scan import ScopeScan
from bot.rules.splitting import sentence_starts

TEXTS = [
    # history (a year long before publication, a count-back), a wish, a denial, news
    ("In 1998, India and France signed a pact. Sixty years ago Japan and the US met. "
     "Tokyo and Canberra should sign a base deal. The drill with India was cancelled. "
     "India and Japan held talks on Monday.", 2025),
    ("1960年6月、日米が条約に署名した。日豪は協定を結ぶべきだ。日印の協定署名は見送られた。"
     "日印が会談した。", 2025),
    ("भारत और जापान ने साठ साल पहले संधि की। भारत और जापान को समझौता करना चाहिए। "
     "भारत और जापान ने समझौते पर हस्ताक्षर नहीं किए। आज वार्ता हुई।", None),
]


def _scan(text: str, year: int | None) -> ScopeScan:
    return ScopeScan("text", text, normalize(text), {}, frozenset(), year=year)


def _every(text: str, year: int | None) -> frozenset[int]:
    starts = sentence_starts(text)
    return (dated_sentences(text, starts, year) | unasserted_sentences(text, starts)
            | denied_sentences(text, starts))


@pytest.mark.parametrize(("text", "year"), TEXTS)
def test_aside_is_every_sentence_that_tells_no_news(text: str, year: int | None) -> None:
    every = _every(text, year)
    # history, a wish and a denial: all but the last sentence, which is news
    assert every == set(range(len(sentence_starts(text)) - 1))
    assert _scan(text, year).aside() == every


@pytest.mark.parametrize(("text", "year"), TEXTS)
def test_aside_of_answers_for_the_sentences_asked(text: str, year: int | None) -> None:
    every = _every(text, year)
    count = len(sentence_starts(text))
    for i in range(count + 1):  # one at a time, each on a new scan, and one past the end
        assert _scan(text, year).aside_of([i]) == every & {i}
    found = _scan(text, year)
    assert found.aside_of([count - 1, 0]) == every & {0, count - 1}
    assert found.aside_of(range(count)) == every  # the memo holds, the rest is added


def test_each_sentence_is_tested_once_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    text, year = TEXTS[0]
    tested: list[str] = []

    def denied(sentence: str) -> bool:
        tested.append(sentence)
        return sentence.startswith("The drill")

    monkeypatch.setattr(scan_module, "denied", denied)
    found = _scan(text, year)
    assert found.aside_of([3, 4]) == {3}
    assert found.aside_of([4, 3]) == {3}
    # the sentences of history and of a wish were never asked about; the denial and the
    # news each once
    assert tested == ["The drill with India was cancelled.",
                      "India and Japan held talks on Monday."]
