"""Throughput of RuleSet.match over news-like text, in MB/s of CPU time on one core.

Two rule sets: the default pack in rules/, and the default pack plus 100 generated rules
holding 5,000 generated terms (one- to three-word phrases, a tenth of them acronyms), all
compiled into the same automaton.

Two kinds of synthetic article (fixed seed, ~5 KB each, with punctuation, typographic
quotes and dashes so the non-ASCII path is exercised):

* general news: ordinary words; a country now and then; a defence word or a generated
  term every couple of hundred words (about 3 hits/KB);
* defence news: as dense as the seed reports of the 22 Dec 2020 call (20-36 hits/KB):
  defence vocabulary, countries, ministers, agreements, exercises, generated terms.

The feed mix is 90% general and 10% defence news; each kind is also timed alone.

    .venv/bin/python bench/bench_matcher.py [--articles 2000] [--words 800] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import tempfile
import time
from pathlib import Path

from bot.rules import RuleSet, load_ruleset
from watchers.models import Article

RULES = Path(__file__).resolve().parent.parent / "rules"
FILLER = ("the of and to in a is that for on with as by at from was were said it its be "
          "has have had will would this which their they two after over also new year "
          "people market city government report company state week first last local "
          "police court school health price water energy rain power team season bank").split()
DEFENCE = ("talks minister ministers defence military navy cooperation between countries "
           "statement region security agreement exercise officials dialogue").split()
NAMED = ["India", "Japan", "the United States", "Australia", "China", "France", "the UK",
         "Rajnath Singh", "Kishi Nobuo", "Richard Marles", "Lloyd Austin", "ACSA", "LEMOA",
         "MALABAR 2020", "JIMEX-22", "Tokyo", "New Delhi", "the Pentagon", "South China Sea",
         "Malabar Hill", "Indian Ocean", "2+2 dialogue"]
COUNTRIES = ["India", "Japan", "the United States", "China", "France", "Germany", "Brazil",
             "Canada", "Italy", "Kenya", "Mexico", "Spain"]
PUNCT = [",", ",", ".", ".", ";", " —", "’s", ":"]
SYLLABLES = ["ka", "ri", "to", "me", "sa", "na", "lo", "vi", "de", "po", "ru", "shi", "ta",
             "ne", "mo", "ga", "zu", "li", "fa", "bo"]  # of generated terms
OTHER = ["bu", "ce", "di", "fe", "gi", "ho", "ju", "ke", "lu", "mi", "nu", "pe", "qa", "se",
         "tu", "we", "xo", "ye", "za", "co"]  # of filler words, so they never equal a term
# (share of words) for each kind of article
GENERAL = {"named": 0.0, "country": 0.006, "defence": 0.003, "term": 0.004, "filler": 0.6}
DENSE = {"named": 0.05, "country": 0.0, "defence": 0.2, "term": 0.02, "filler": 0.5}


def _word(rng: random.Random, syllables: list[str] = OTHER) -> str:
    return "".join(rng.choices(syllables, k=rng.randint(2, 4)))


def generated_terms(rng: random.Random, n: int) -> list[str]:
    terms: set[str] = set()
    while len(terms) < n:
        if rng.random() < 0.1:
            terms.add("".join(rng.choices("ABCDEFGHKLMNPRSTVXZ", k=rng.randint(3, 5))))
        else:
            terms.add(" ".join(_word(rng, SYLLABLES) for _ in range(rng.choice((1, 1, 2, 2, 3)))))
    return sorted(terms)


def write_generated_rules(root: Path, terms: list[str], rules: int = 100) -> None:
    per_group = len(terms) // (rules * 2)
    shapes = ("a and b", "near(a, b, 20)", "count(a) >= 2 and b", "a and not b",
              "(a or b) and top:a")
    for i in range(rules):
        chunk = terms[i * 2 * per_group:(i + 1) * 2 * per_group]
        rule = {"id": f"gen-{i:03d}", "title": f"Generated {i}",
                "terms": {"a": chunk[:per_group], "b": chunk[per_group:]},
                "require": shapes[i % len(shapes)]}
        (root / f"gen-{i:03d}.yaml").write_text(json.dumps(rule), encoding="utf-8")


def _pick(rng: random.Random, mix: dict[str, float], terms: list[str]) -> str:
    r = rng.random()
    for kind, choices in (("named", NAMED), ("country", COUNTRIES), ("defence", DEFENCE),
                          ("term", terms), ("filler", FILLER)):
        if r < mix[kind]:
            return rng.choice(choices)
        r -= mix[kind]
    return _word(rng)


def article(rng: random.Random, n: int, words: int, mix: dict[str, float],
            terms: list[str]) -> Article:
    parts: list[str] = []
    for i in range(words):
        parts.append(_pick(rng, mix, terms))
        if rng.random() < 0.12:
            parts[-1] += rng.choice(PUNCT)
        if i % 60 == 59:
            parts[-1] += ".\n"
        if rng.random() < 0.01:
            parts[-1] = f"“{parts[-1]}”"
    text = " ".join(parts)
    title = " ".join(parts[:12]).replace("\n", " ")
    return Article(url=f"https://example.test/{n}", title=title, text=text, source_id="bench",
                   outlet="bench", paragraphs=tuple(p for p in text.split("\n") if p.strip()))


def corpus(rng: random.Random, articles: int, words: int, terms: list[str],
           dense_share: float) -> list[Article]:
    return [article(rng, n, words, DENSE if rng.random() < dense_share else GENERAL, terms)
            for n in range(articles)]


def measure(ruleset: RuleSet, articles: list[Article], repeat: int) -> tuple[float, float]:
    """(MB/s, matches per article), best of `repeat` runs, CPU time of this process."""
    size = sum(len(a.title.encode()) + len(a.text.encode()) for a in articles) / 1e6
    best = float("inf")
    found = 0
    for _ in range(repeat):
        start = time.process_time()
        found = sum(len(ruleset.match(a).matches) for a in articles)
        best = min(best, time.process_time() - start)
    return size / best, found / len(articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--words", type=int, default=800)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(7)
    terms = generated_terms(rng, 5000)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "rules"
        shutil.copytree(RULES, root)
        write_generated_rules(root, terms)
        started = time.process_time()
        big = load_ruleset(root)
        load_s = time.process_time() - started
    default = load_ruleset(RULES)
    corpora = {
        "feed mix (90/10)": corpus(rng, args.articles, args.words, terms, 0.1),
        "general news": corpus(rng, args.articles // 2, args.words, terms, 0.0),
        "defence news": corpus(rng, args.articles // 4, args.words, terms, 1.0),
    }
    for name, articles in corpora.items():
        mb = sum(len(a.title.encode()) + len(a.text.encode()) for a in articles) / 1e6
        print(f"{name}: {len(articles)} articles, {mb:.1f} MB")
        for label, ruleset in (("default pack", default), ("+5,000 generated terms", big)):
            rate, per_article = measure(ruleset, articles, args.repeat)
            print(f"  {label:<24} {len(ruleset.rules):>4} rules {ruleset.pattern_count:>6} terms"
                  f"  {rate:6.1f} MB/s  {per_article:5.2f} matches/article")
    print(f"compiling the 5,000-term rule set took {load_s:.2f}s CPU")


if __name__ == "__main__":
    main()
