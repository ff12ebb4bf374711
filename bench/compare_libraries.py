"""Our hand-written code against the library made for the job, on our own tables and corpus.

    .venv/bin/pip install -e '.[dev,bench]' && .venv/bin/python bench/compare_libraries.py

Each line says how often the library gives what we give (the test tables hold the answers
we promise) and how long both take. The figures and the decisions are in bench/README.md.
"""

from __future__ import annotations

import ast
import itertools
import re
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import courlan
import pysbd
from datasketch import MinHash
from dateutil import parser as dateutil_parser
from protego import Protego

from bench.corpus import SPLITS, load_corpus
from bot.events.evidence import NEAR_DUP_CONTAINMENT, NEAR_DUP_JACCARD
from bot.events.sentences import paragraphs, split_sentences
from bot.events.similarity import SHINGLE_WORDS, overlap, sketch, words
from tests.beside import beside_repository
from watchers.canonical import canonical_url
from watchers.fetch.robots import parse_robots
from watchers.sources.dates import find_date, w3c_date

ROOT = Path(__file__).resolve().parents[1]
SITE = "https://news.example"


def table(test_file: str, test: str) -> list[Any]:
    """The rows of a test's @pytest.mark.parametrize table, read from the test file."""
    names = {"day": lambda y, m, d: datetime(y, m, d, tzinfo=UTC), "datetime": datetime,
             "UTC": UTC}
    tree = ast.parse((ROOT / test_file).read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == test:
            args = next(d for d in node.decorator_list if isinstance(d, ast.Call)).args
            return [eval(compile(ast.Expression(row), test_file, "eval"), names)
                    for row in args[1].elts]  # type: ignore[attr-defined]
    raise LookupError(test)


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - started


def robots() -> str:
    rows = [(text, path) for text, path, _ in
            table("tests/watchers/fetch/test_robots.py", "test_rules_for_our_user_agent")
            + table("tests/watchers/fetch/test_robots.py", "test_wildcards_and_specificity")]
    rows += [(text, path) for text, expected in
             table("tests/watchers/fetch/test_robots.py", "test_groups") for path in expected]
    same = sum(parse_robots(t).allows(SITE + p)
               == Protego.parse(t).can_fetch(SITE + p, "defwatch") for t, p in rows)
    return f"robots.txt: Protego alone agrees on {same} of {len(rows)} table rows"


def dates() -> str:
    rows = table("tests/watchers/sources/test_dates.py", "test_find_date")

    def fuzzy(text: str) -> datetime | None:
        try:
            d = dateutil_parser.parse(text, fuzzy=True, dayfirst=True, default=datetime(1, 1, 1))
        except (ValueError, OverflowError):
            return None
        return None if d.year == 1 else datetime(d.year, d.month, d.day, tzinfo=UTC)

    ours = sum(find_date(t) == e for t, e in rows)
    theirs = sum(fuzzy(t) == e for t, e in rows)
    iso = table("tests/watchers/sources/test_dates.py", "test_w3c_date")
    return (f"find_date: ours {ours}, dateutil fuzzy {theirs} of {len(rows)} rows; "
            f"w3c_date (dateutil isoparse) {sum(w3c_date(t) == e for t, e in iso)} of {len(iso)}")


def links() -> Iterator[str]:
    """Every link written in the tests and in the real feeds and pages kept beside the
    repository (when they are there)."""
    places = [(ROOT / "tests", "*.py"), (beside_repository("corpus"), "*")]
    for folder, pattern in places:
        for path in sorted(folder.rglob(pattern)) if folder.is_dir() else ():
            if path.is_file() and path.stat().st_size < 5_000_000:
                yield from re.findall(r"https?://[^\s\"'<>)\]]+",
                                      path.read_text(errors="ignore"))


def canonical() -> str:
    rows = table("tests/watchers/test_canonical.py", "test_canonical_url")
    same = sum(courlan.normalize_url(urljoin(b.strip(), u.strip()) if b else u.strip(),
                                     strict=False) == e for u, b, e in rows)
    urls = sorted(set(links()))
    ours, t_ours = timed(lambda: [canonical_url(u) for u in urls])
    theirs, t_theirs = timed(lambda: [courlan.normalize_url(u, strict=False) for u in urls])
    kept = sum(a == b for a, b in zip(ours, theirs, strict=True))
    return (f"URL cleaning: courlan agrees on {same} of {len(rows)} table rows and keeps the "
            f"spelling (hence the entry key) of {kept} of {len(urls)} links; "
            f"{t_ours * 1000:.0f} ms vs {t_theirs * 1000:.0f} ms")


def minhash() -> str:
    reports = [item.article for split in SPLITS for item in load_corpus(split=split)]
    tokens = [words(f"{a.title}\n" + "\n".join(paragraphs(a))) for a in reports]
    n = SHINGLE_WORDS
    grams = [{" ".join(t[i:i + n]) for i in range(len(t) - n + 1)} if len(t) >= n
             else {" ".join(t)} for t in tokens]

    def minhashes() -> list[MinHash]:
        out = []
        for g in grams:
            m = MinHash(num_perm=64, seed=1)
            m.update_batch([s.encode() for s in g])
            out.append(m)
        return out

    ours, t_ours = timed(lambda: [sketch(t) for t in tokens])
    theirs, t_theirs = timed(minhashes)
    pairs = [(i, j) for i, j in itertools.combinations(range(len(grams)), 2)
             if grams[i] & grams[j]]
    differ = 0
    for i, j in pairs:
        o = overlap(ours[i][0], ours[i][1], ours[j][0], ours[j][1])
        ours_dup = o.containment >= NEAR_DUP_CONTAINMENT or o.jaccard >= NEAR_DUP_JACCARD
        differ += ours_dup != (theirs[i].jaccard(theirs[j]) >= NEAR_DUP_JACCARD)
    return (f"MinHash: datasketch decides {differ} of {len(pairs)} overlapping report pairs "
            f"differently; sketching {len(reports)} reports {t_ours * 1000:.0f} ms vs "
            f"{t_theirs * 1000:.0f} ms")


def sentences() -> str:
    items = [item for split in SPLITS for item in load_corpus(split=split)]
    paras = [(i.lang, p) for i in items for p in paragraphs(i.article)]
    segmenters: dict[str, Any] = {}

    def segment(lang: str, text: str) -> list[str]:
        if lang not in segmenters:
            try:
                segmenters[lang] = pysbd.Segmenter(language=lang, clean=False)
            except ValueError:
                segmenters[lang] = pysbd.Segmenter(language="en", clean=False)
        return [s.strip() for s in segmenters[lang].segment(text) if s.strip()]

    ours, t_ours = timed(lambda: [split_sentences(p) for _, p in paras])
    theirs, t_theirs = timed(lambda: [segment(lang, p) for lang, p in paras])
    by_lang: dict[str, list[int]] = {}
    for (lang, _), a, b in zip(paras, ours, theirs, strict=True):
        by_lang.setdefault(lang, [0, 0])[0] += a == b
        by_lang[lang][1] += 1
    shown = ", ".join(f"{k} {s}/{n}" for k, (s, n) in sorted(by_lang.items()))
    return (f"sentences: pysbd splits the same way ({shown} paragraphs); "
            f"{t_ours * 1000:.0f} ms vs {t_theirs * 1000:.0f} ms")


if __name__ == "__main__":
    warnings.simplefilter("ignore")  # dateutil's fuzzy parser warns about "IST"
    for compare in (robots, dates, canonical, minhash, sentences):
        print(compare())
