"""Aggregate quality figures of one corpus split, and false alarms on real web pages.

`bench/corpus.py` scores each topic and the clustering; this module adds what the quality
goals are stated in: micro F1 over all topics, the share of each language's reports that
get *every* gold topic, how many hard negatives alert, and how many real web pages (none
of which is a bilateral defence statement) alert.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bench.corpus import Labelled, TopicScore
from bot.rules import RuleSet
from watchers import ExtractError, Response, Source, extract


def micro(scores: Iterable[TopicScore]) -> TopicScore:
    """Every topic's verdicts summed: micro precision, recall and F1."""
    scores = list(scores)
    return TopicScore("micro", sum(s.tp for s in scores), sum(s.fp for s in scores),
                      sum(s.fn for s in scores))


@dataclass(frozen=True)
class LanguageRecall:
    """Reports of one language with gold topics, and how many matched all of them."""

    lang: str
    reports: int
    complete: int
    incomplete: tuple[str, ...]

    @property
    def recall(self) -> float:
        return self.complete / self.reports if self.reports else 1.0


def language_recall(ruleset: RuleSet, corpus: Sequence[Labelled]) -> list[LanguageRecall]:
    by_lang: dict[str, list[Labelled]] = {}
    for item in corpus:
        if item.topics:
            by_lang.setdefault(item.lang, []).append(item)
    out = []
    for lang in sorted(by_lang):
        missing = tuple(i.id for i in by_lang[lang]
                        if not i.topics <= set(ruleset.match(i.article).rule_ids))
        out.append(LanguageRecall(lang, len(by_lang[lang]), len(by_lang[lang]) - len(missing),
                                  missing))
    return out


def negatives_alerted(ruleset: RuleSet, corpus: Sequence[Labelled]) -> list[str]:
    """The hard negatives (reports of no watched event) that a rule beyond their gold
    topics matches (a few carry a topic: a Japan-UK logistics pact is still defence)."""
    return [i.id for i in corpus
            if not i.event and set(ruleset.match(i.article).rule_ids) - i.topics]


@dataclass(frozen=True)
class WebVerdict:
    name: str
    rules: tuple[str, ...]  # empty: no alert
    extracted: bool  # False: extraction refused the page, so it never reached the rules


def web_pages(folder: Path) -> list[Path]:
    """The HTML pages of a folder of real web pages; none when the folder is absent."""
    return sorted(folder.glob("*.html")) if folder.is_dir() else []


def web_verdicts(ruleset: RuleSet, pages: Iterable[Path]) -> list[WebVerdict]:
    """Each page through extraction and the rules, as an article page of a feed would go."""
    source = Source(id="web", kind="rss", url="http://127.0.0.1/feed.xml", outlet="Web")
    out = []
    for path in pages:
        response = Response(url=f"http://127.0.0.1/{path.stem}/", status=200,
                            body=path.read_bytes(), content_type="text/html")
        fetched = datetime.fromtimestamp(path.stat().st_mtime, UTC)  # when it was saved
        try:
            article = extract(response, source, now=fetched)
        except ExtractError:
            out.append(WebVerdict(path.stem, (), extracted=False))
            continue
        out.append(WebVerdict(path.stem, tuple(ruleset.match(article).rule_ids),
                              extracted=True))
    return out
