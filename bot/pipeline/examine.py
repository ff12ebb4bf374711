"""The CPU work on one fetched page, as a pure function a worker process runs: the cheap
early-rejection pass, then (only for pages some rule could match) extraction, matching
and the event signature.

Everything in and out is a frozen dataclass that pickles, so the same function runs in
a process pool or inline. The rule set travels once per version, as a pickle file the
pool writes (bot.pipeline.cpu_pool); a worker keeps the last one it loaded.
"""

from __future__ import annotations

import gc
import os
import pickle
import time
import traceback
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

import watchers
from bot.events.cluster import Signature, signature
from bot.models import MatchResult
from bot.rules import RuleSet
from watchers import Article, Entry, ExtractError, Response, Source

__all__ = ["PageJob", "PageResult", "RulesRef", "StageCPU", "examine", "examine_job",
           "warm_worker"]

# old: not examined at all, the feed dates it older than events.max_age (bot.pipeline.process)
PageOutcome = Literal["rejected", "extracted", "failed", "old"]


@dataclass(frozen=True)
class RulesRef:
    """Which rule set to match with: its version and where its pickle lies."""

    version: str
    path: str


@dataclass(frozen=True)
class PageJob:
    response: Response
    source: Source
    entry: Entry
    rules: RulesRef
    now: datetime  # when the page was fetched: the latest date it may carry


@dataclass(frozen=True)
class StageCPU:
    """CPU seconds of each stage for one page (thread time of the worker)."""

    parse: float = 0.0
    prefilter: float = 0.0
    extract: float = 0.0
    match: float = 0.0

    def items(self) -> tuple[tuple[str, float], ...]:
        return (("parse", self.parse), ("prefilter", self.prefilter),
                ("extract", self.extract), ("match", self.match))


@dataclass(frozen=True)
class PageResult:
    """rejected: no rule could match, nothing extracted; extracted: an article and its
    matches (maybe none); failed: no article (`error` says why, `retry` if it may pass)."""

    outcome: PageOutcome
    article: Article | None = None
    result: MatchResult | None = None
    signature: Signature | None = None
    error: str | None = None
    retry: bool = False  # the failure may pass (a server error): try the page again later
    detail: str | None = None  # a traceback, for the log, when the failure was a bug
    cpu: StageCPU = field(default_factory=StageCPU)


def examine(response: Response, source: Source, entry: Entry, rules: RuleSet, *,
            now: datetime) -> PageResult:
    clock = time.thread_time
    t0 = clock()
    try:
        # watchers loads extraction (trafilatura) on first use: in a worker process, not
        # in the service's, which only hands pages over
        tree = watchers.parse_page(response)
        t1 = clock()
        possible = rules.could_match(watchers.page_strings(tree, entry.title))
        t2 = clock()
        if not possible:
            return PageResult("rejected", cpu=StageCPU(t1 - t0, t2 - t1))
        article = watchers.extract(response, source, entry, now=now, tree=tree)
        t3 = clock()
        result = rules.match(article)
        sig = signature(article, result.entities) if result.matches else None
        cpu = StageCPU(t1 - t0, t2 - t1, t3 - t2, clock() - t3)
    except ExtractError as exc:
        return PageResult("failed", error=exc.reason, cpu=StageCPU(clock() - t0))
    except Exception as exc:  # an extractor's bug: this page fails, the others go on
        return PageResult("failed", error=f"internal error: {type(exc).__name__}: {exc}",
                          detail=traceback.format_exc(), cpu=StageCPU(clock() - t0))
    return PageResult("extracted", article, result, sig, cpu=cpu)


class _LoadedRules:
    """The rule set a worker process matches with, loaded again only when the version
    changes (a reload in the service)."""

    def __init__(self) -> None:
        self.version = ""
        self.rules: RuleSet | None = None

    def get(self, ref: RulesRef) -> RuleSet:
        if self.rules is None or self.version != ref.version:
            data = Path(ref.path).read_bytes()
            # ~90,000 objects and no garbage: without the collections they would set
            # off, the load is ~0.02 s of CPU instead of ~0.05
            collecting = gc.isenabled()
            gc.disable()
            try:
                self.rules = pickle.loads(data)  # our own file
            finally:
                if collecting:
                    gc.enable()
            self.version = ref.version
            # What is loaded now (the modules, the rule set's ~90,000 objects) lives as
            # long as the worker: the collections each page's allocations set off need
            # not walk it every time. A rule set holds no reference cycle (a test checks),
            # so one replaced by a later version is freed all the same.
            gc.freeze()
        return self.rules


_LOADED = _LoadedRules()  # one per worker process: a memo, never shared


def warm_worker(_: object = None) -> int:
    """A new worker's first task: load extraction's lazy parts before pages come."""
    watchers.warm_up()
    return os.getpid()


def examine_job(job: PageJob) -> PageResult:
    """The entry point of a worker process."""
    return examine(job.response, job.source, job.entry, _LOADED.get(job.rules), now=job.now)
