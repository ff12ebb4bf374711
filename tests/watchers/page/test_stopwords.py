"""jusText's stop words held once: the same words as trafilatura's own loader gives."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from justext.core import define_stoplist
from lxml import html
from trafilatura import external

from watchers.page import stopwords


def test_the_same_words_as_trafilaturas_own_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(external, "JT_STOPLIST", None)
    theirs = external.jt_stoplist_init()
    ours = stopwords.StopWords()
    # what jusText matches against: its lowercased set of what it is given
    assert define_stoplist(ours) == define_stoplist(theirs)
    assert len(define_stoplist(ours)) > 100_000  # every language, not one


def test_install_leaves_trafilaturas_own_list_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    own = ("the", "and")
    monkeypatch.setattr(external, "JT_STOPLIST", own)
    stopwords.install()
    assert external.JT_STOPLIST is own


class _Counted(stopwords.StopWords):
    def __init__(self) -> None:
        self.reads = 0

    def __iter__(self) -> Iterator[str]:
        self.reads += 1
        return super().__iter__()


def test_justext_reads_them_once_when_a_page_needs_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    words = _Counted()
    monkeypatch.setattr(external, "JT_STOPLIST", words)
    page = html.fromstring("<html><body><div><p>" + "The ships and the crews of the two "
                           "navies sailed out of the harbour together. " * 6
                           + "</p></div></body></html>")
    assert words.reads == 0
    for _ in range(2):
        kept = external.try_justext(page, None, None)
        assert "sailed out of the harbour" in "".join(kept.itertext())  # kept as text
    assert words.reads == 1  # jusText keeps the set it made from them
