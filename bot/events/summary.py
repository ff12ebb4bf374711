"""An event's alert text from its articles: headline, a few sentences, and the facts.

Extractive and offline. Every article is cut into sentences (chrome, datelines and tweets
out); a sentence scores for being central — several outlets say much the same — for
standing early, for saying who did what and when, and for naming the event's entities.
Sentences are then chosen greedily (maximal marginal relevance): a near-duplicate of a
chosen sentence is skipped, a sentence that brings a fact not yet covered (the
agreement, the exercise) gains, and the text stays within `MAX_CHARS`.

Outlets restate one fact in their own words ("began the exercise with 12 vessels" /
"the drill, involving twelve ships, started"), so near-duplicates are judged on each
sentence's gist: its content words stemmed and with news paraphrases folded together,
plus the numbers and names it states. Two sentences repeat each other when their gists
mostly overlap, or when one's gist is largely inside the other's and they state the
same numbers and names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.events.facets import Facets, mentions, name_tokens
from bot.events.headline import headline
from bot.events.kind import Kind, cued, event_kind, exercise_stage
from bot.events.sentences import is_chrome, is_tweet, paragraphs, split_sentences, strip_dateline
from bot.events.similarity import content_words, jaccard
from bot.models import ENTITY_FIELDS, Entities, Facts
from watchers import Article

__all__ = ["MAX_CHARS", "Summary", "summarise"]

MAX_CHARS = 600
MAX_SENTENCES = 4
SENTENCES_PER_ARTICLE = 25  # news puts its facts first; this bounds the cost of big events
NEAR_DUPLICATE = 0.45  # gist Jaccard above which two sentences state one fact
# Share of the smaller gist found in the other above which two sentences that state the
# same numbers and names state one fact; with no number or name to agree on, the higher.
CONTAINED_SAME_SPECIFICS = 0.5
CONTAINED = 0.75
MIN_CONTAINED_GIST = 4  # a sentence stating fewer things is too short to tell by containment
# Words that news reports use for one another, folded to one.
_PARAPHRASE_GROUPS = (
    "began begun begin start commence launch",
    "end conclude close",
    "ship vessel warship",
    "exercise drill wargame manoeuvre maneuver",
    "navy navies naval",
    "agreement pact accord deal treaty",
    "sign ink seal",
    "met meet",
    "talk spoke speak call phone telephone telephonic conversation",
    "held hold",
)
_GENERIC = frozenset({"minister", "ministry", "defence", "secretary", "counterpart",
                      "official", "government", "two", "both", "also", "today"})
_NUMBER_WORDS = {w: str(n) for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split()) if n >= 3}
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)*\b")
_WHEN = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday"
    r"|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april"
    r"|june|july|august|september|october|november|december|(?:19|20)\d\d)\b",
    re.IGNORECASE)
_WHAT = re.compile(
    r"\b(?:held|hold|holds|met|meets?|signed|signs?|spoke|speaks|called|conducted|conducts"
    r"|began|begins|commenced|concluded|co-chaired|hosted|hosts?)\b|telephon|phone",
    re.IGNORECASE)
_PRONOUN = re.compile(r"^(?:he|she|it|they|this|these|those|we|i|its|their)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Summary:
    title: str
    summary: str
    facts: Facts


@dataclass(frozen=True)
class _Sentence:
    text: str
    doc: int
    pos: int
    words: frozenset[str]
    names: frozenset[str] = frozenset()  # people, agreements and exercises it names
    restates: str | None = None  # it states the event itself: "call", "exercise:start" …
    gist: frozenset[str] = frozenset()  # what it says, for telling near-duplicates
    numbers: frozenset[str] = frozenset()


def _merge(entities: Sequence[Entities], field: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for ents in entities:
        for name in getattr(ents, field):
            seen.setdefault(name, None)
    return tuple(seen)


def _instant(d: datetime | None) -> datetime:
    if d is None:
        return datetime.max.replace(tzinfo=UTC)
    return d if d.tzinfo is not None else d.replace(tzinfo=UTC)


def _facts(articles: Sequence[Article], entities: Sequence[Entities]) -> Facts:
    dated = [a.published for a in articles if a.published is not None]
    first = min(dated, key=_instant) if dated else None
    merged = {f: _merge(entities, f) for f in ENTITY_FIELDS}
    merged["mentioned"] = tuple(c for c in _merge(entities, "mentioned")
                                if c not in merged["countries"])
    return Facts(first.date().isoformat() if first else None,  # the outlet's own calendar day
                 **merged)


def _sentences(articles: Sequence[Article], facets: Facets,
               kind: Kind | None) -> list[_Sentence]:
    out: list[_Sentence] = []
    for doc, article in enumerate(articles):
        pos = 0
        for para in paragraphs(article):
            if is_tweet(para):
                continue
            for raw in split_sentences(para):
                text = strip_dateline(raw).strip()
                n_words = len(text.split())
                if (n_words < 6 or n_words > 70 or is_tweet(text) or is_chrome(text)
                        or text[-1] not in ".!?\"\u201d'\u2019"):
                    continue
                words = frozenset(content_words(text))
                numbers = _numbers(text, words)
                out.append(_Sentence(text, doc, pos, words, facets.names(words),
                                     _restates(text, words, facets, kind),
                                     _gist(words, numbers, facets), numbers))
                pos += 1
                if pos == SENTENCES_PER_ARTICLE:
                    break
            if pos == SENTENCES_PER_ARTICLE:
                break
    return out


def _centrality(sentences: Sequence[_Sentence], n_docs: int) -> list[float]:
    """Support from other outlets (their closest sentence, averaged) + ½ mean similarity."""
    n = len(sentences)
    local = [0.0] * n
    closest: list[dict[int, float]] = [{} for _ in range(n)]
    for i in range(n):
        si = sentences[i]
        for j in range(i + 1, n):
            sj = sentences[j]
            sim = jaccard(si.words, sj.words)
            if not sim:
                continue
            local[i] += sim
            local[j] += sim
            if si.doc != sj.doc:
                if sim > closest[i].get(sj.doc, 0.0):
                    closest[i][sj.doc] = sim
                if sim > closest[j].get(si.doc, 0.0):
                    closest[j][si.doc] = sim
    support = [sum(c.values()) / (n_docs - 1) if n_docs > 1 else 0.0 for c in closest]
    return [support[i] + 0.5 * local[i] / (n - 1) if n > 1 else support[i] for i in range(n)]


def _score(s: _Sentence, centrality: float, facets: Facets, official: frozenset[int],
           ) -> float:
    n_words = len(s.text.split())
    return (centrality + 0.2 / (1 + s.pos) + 0.3 * facets.share(s.words)
            + 0.1 * bool(facets.covered(s.words) & {"people"})
            + 0.1 * bool(_WHAT.search(s.text)) + 0.1 * bool(_WHEN.search(s.text))
            + 0.05 * (s.doc in official)
            - 0.15 * bool(_PRONOUN.match(s.text)) - 0.1 * (s.text[0] in "\"\u201c'")
            - 0.2 * (n_words < 8 or n_words > 50))


def _select(sentences: Sequence[_Sentence], scores: Sequence[float],
            facets: Facets) -> list[_Sentence]:
    chosen: list[_Sentence] = []
    covered: set[str] = set()
    length = -1
    while len(chosen) < MAX_SENTENCES:
        best: tuple[float, int] | None = None
        for i, s in enumerate(sentences):
            if s in chosen or length + 1 + len(s.text) > MAX_CHARS:
                continue
            if any(_repeats(s, c) or _same_fact(s, c) for c in chosen):
                continue
            redundancy = max((jaccard(s.words, c.words) for c in chosen), default=0.0)
            gain = 0.35 * len(facets.covered(s.words) - covered)
            value = scores[i] + gain - 0.5 * redundancy
            if best is None or value > best[0]:
                best = (value, i)
        if best is None or (len(chosen) >= 2 and best[0] < 0.3):
            break
        pick = sentences[best[1]]
        chosen.append(pick)
        covered |= facets.covered(pick.words)
        length += 1 + len(pick.text)
    return chosen


def _order(chosen: list[_Sentence], scores: Sequence[float], sentences: Sequence[_Sentence],
           articles: Sequence[Article]) -> list[_Sentence]:
    """The best sentence stating the event first, then the others as the story unfolded."""
    if not chosen:
        return chosen
    score = {id(s): v for s, v in zip(sentences, scores, strict=True)}
    lead = max(chosen, key=lambda s: (s.restates is not None, score[id(s)]))
    when = [_instant(a.published) for a in articles]
    rest = sorted((s for s in chosen if s is not lead),
                  key=lambda s: (when[s.doc], s.doc, s.pos))
    return [lead, *rest]


def _restates(text: str, words: frozenset[str], facets: Facets, kind: Kind | None,
              ) -> str | None:
    """The event a sentence states outright (its kind's cue and its parties), if any."""
    if kind is None or not cued(kind, text):
        return None
    if not (any(mentions(words, n) for n in facets.people)
            or sum(mentions(words, n) for n in facets.countries) >= 2
            or any(mentions(words, n) for n in facets.exercises)):
        return None
    return f"exercise:{exercise_stage(text, '')}" if kind == "exercise" else kind


def _stem(word: str) -> str:
    """A crude stem, enough to make "signed", "signing" and "sign" one word."""
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            word = word[:-len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def _gist(words: frozenset[str], numbers: frozenset[str], facets: Facets) -> frozenset[str]:
    """What a sentence states: its words, stemmed and with paraphrases folded, and each
    number (#), person (@) and agreement or exercise (!) it names as one item. Nearly
    every sentence of an event names its parties and calls them ministers: counted word
    by word, those would make any two sentences alike."""
    things = facets.names(words, people=False)
    out = ({f"#{n}" for n in numbers} | {f"!{n}" for n in things}
           | {f"@{n}" for n in facets.names(words) - things})
    for word in words:
        if (word in _NUMBER_WORDS or _NUMBER.fullmatch(word) or word in _GENERIC
                or facets.names_word(word)):
            continue
        stem = _stem(word)
        out.add(_PARAPHRASES.get(stem, stem))
    return frozenset(out)


_PARAPHRASES = {_stem(w): group.split()[0] for group in _PARAPHRASE_GROUPS
                for w in content_words(group)}


def _numbers(text: str, words: frozenset[str]) -> frozenset[str]:
    """The numbers a sentence states, "twelve" and "12" alike, "2,000" as "2000"."""
    found = {m.group().replace(",", "") for m in _NUMBER.finditer(text)}
    return frozenset(found | {_NUMBER_WORDS[w] for w in words if w in _NUMBER_WORDS})


def _repeats(s: _Sentence, chosen: _Sentence) -> bool:
    """Whether s says what chosen says, in its own words. A sentence naming an agreement
    or exercise the other does not ("welcomed Malabar" after "welcomed JIMEX"), or only
    numbers the other does not, brings a fact of its own; and names alone are no
    evidence: every sentence of an event names the same parties."""
    common = s.gist & chosen.gist
    if (not {i for i in s.gist if i[0] == "!"} <= chosen.gist
            or (s.numbers and chosen.numbers and not s.numbers & chosen.numbers)
            or all(i[0] in "@!" for i in common)):
        return False
    if len(common) / len(s.gist | chosen.gist) >= NEAR_DUPLICATE:
        return True
    smaller = min(len(s.gist), len(chosen.gist))
    if smaller < MIN_CONTAINED_GIST:
        return False
    specifics = bool(s.numbers or s.names) and s.numbers == chosen.numbers
    return len(common) / smaller >= (CONTAINED_SAME_SPECIFICS if specifics else CONTAINED)


def _same_fact(s: _Sentence, chosen: _Sentence) -> bool:
    """Two outlets' ways of saying "Singh and Kono spoke by phone": no new name, same event."""
    return s.restates is not None and s.restates == chosen.restates and s.names <= chosen.names


def _event_kind(articles: Sequence[Article], entities: Sequence[Entities]) -> Kind | None:
    kinds = Counter(k for a, e in zip(articles, entities, strict=True)
                    if (k := event_kind(a.title, "\n".join(paragraphs(a)), e.exercises,
                                        year=a.published.year if a.published else None)))
    return kinds.most_common(1)[0][0] if kinds else None


def summarise(articles: Sequence[Article], entities: Sequence[Entities]) -> Summary:
    """Headline, summary (2–4 sentences, ≤ MAX_CHARS) and facts of one event's articles.

    entities[i] are the entities found in articles[i]; articles come in arrival order,
    which decides the order of names in the facts and breaks ties between equal sentences.
    """
    if len(articles) != len(entities):
        raise ValueError(f"{len(articles)} articles but {len(entities)} entity sets")
    facts = _facts(articles, entities)
    facets = Facets(*(name_tokens(getattr(facts, f))
                       for f in ENTITY_FIELDS))
    kind = _event_kind(articles, entities)
    sentences = _sentences(articles, facets, kind)
    official = frozenset(i for i, a in enumerate(articles) if a.authority == "official")
    scores = [_score(s, c, facets, official)
              for s, c in zip(sentences, _centrality(sentences, len(articles)), strict=True)]
    chosen = _order(_select(sentences, scores, facets), scores, sentences, articles)
    return Summary(
        title=headline(articles, facets, facts, kind) if articles else "",
        summary=" ".join(s.text for s in chosen),
        facts=facts,
    )
