"""Prometheus metrics for one running service, in a registry of its own (no global state).

Every stage gets the same `Metrics` object from the composition root and calls one small
method per thing that happened; `/metrics` renders the registry. A stage built without
one (tests, `defwatch once`) gets a private instance nobody scrapes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from bot import __version__
from bot.models import DeliveryOutcome, PollStatus, ProcessOutcome, SettleOutcome

__all__ = ["FETCH_BUCKETS", "Metrics"]

# Feed fetches take from a few milliseconds (304 from a CDN) to the 20 s fetch timeout.
FETCH_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 20.0, 30.0, 60.0)


class _Backlog(Collector):
    """Pending deliveries per channel, read from the last snapshot the server refreshed."""

    def __init__(self) -> None:
        self.snapshot: Mapping[str, Mapping[str, int]] = {}
        self.prefixes: tuple[str, ...] = ()  # channel families, one label each

    def label(self, channel: str) -> str:
        family = next((p for p in self.prefixes if channel.startswith(p)), None)
        return channel if family is None else family.rstrip(":")

    def collect(self) -> Iterator[Metric]:
        family = GaugeMetricFamily("defwatch_outbox_backlog",
                                   "Deliveries waiting in the outbox, by channel",
                                   labels=["channel"])
        pending: dict[str, float] = {}
        for channel, states in self.snapshot.items():
            name = self.label(channel)
            pending[name] = pending.get(name, 0.0) + states.get("pending", 0)
        for name, count in sorted(pending.items()):
            family.add_metric([name], count)
        yield family


class _RuleReloads(Collector):
    """The rule holder counts refused reloads itself; this reads its count at scrape time."""

    def __init__(self) -> None:
        self.read: Callable[[], int] = lambda: 0

    def collect(self) -> Iterator[Metric]:
        family = CounterMetricFamily("defwatch_rules_reload_errors", "Rule reloads refused "
                                     "(the previous rules stayed in force)")
        family.add_metric([], float(self.read()))
        yield family


class Metrics:
    content_type = CONTENT_TYPE_LATEST

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.polls = Counter("defwatch_polls", "Source polls by outcome (ok, not_modified, "
                             "error)", ["source", "outcome"], registry=r)
        self.fetch_seconds = Histogram("defwatch_fetch_seconds", "Time to poll a source "
                                       "(fetch and parse its feed)", ["source"],
                                       buckets=FETCH_BUCKETS, registry=r)
        self.items = Counter("defwatch_items_seen", "Feed entries seen in polls", ["source"],
                             registry=r)
        self.skipped_items = Counter("defwatch_items_skipped", "Feed entries that could not "
                                     "be read (their neighbours were kept)", ["source"],
                                     registry=r)
        self.new_items = Counter("defwatch_items_new", "Feed entries not seen before",
                                 ["source"], registry=r)
        self.articles = Counter("defwatch_articles", "Pending entries processed, by outcome "
                                "(matched, unmatched, rejected, duplicate, failed; old: older "
                                "than events.max_age, not alerted)", ["outcome"], registry=r)
        self.page_cpu_total = Counter("defwatch_page_cpu_seconds", "CPU time of the work on "
                                      "pages in the worker processes, by stage (parse, "
                                      "prefilter, extract, match)", ["stage"], registry=r)
        self.matches = Counter("defwatch_matches", "Articles matched, per topic rule",
                               ["topic"], registry=r)
        self.events = Counter("defwatch_events_created", "Events created (first report of "
                              "something new)", registry=r)
        self.alerts = Counter("defwatch_alerts", "Alerts written to the outbox, by action",
                              ["action"], registry=r)
        self.deliveries = Counter("defwatch_deliveries", "Delivery attempts by channel and "
                                  "outcome (sent, retry, failed)", ["channel", "outcome"],
                                  registry=r)
        self.settled = Counter("defwatch_telegram_settled", "Telegram posts whose answer "
                               "never came, settled after a crash or a lost connection: "
                               "landed, absent, or reposted (could not tell; at least once)",
                               ["outcome"], registry=r)
        self.config_reload_errors = Counter("defwatch_config_reload_errors", "SIGHUP "
                                            "reloads refused", registry=r)
        self.ticks = Counter("defwatch_ticks", "Scheduler ticks completed", registry=r)
        self.last_tick = Gauge("defwatch_last_tick_timestamp_seconds", "Unix time the last "
                               "tick completed", registry=r)
        self.rules_loaded = Gauge("defwatch_rules_loaded", "Topic rules in force", registry=r)
        self.sources = Gauge("defwatch_sources", "Enabled sources", registry=r)
        info = Gauge("defwatch_build_info", "Version of the running build", ["version"],
                     registry=r)
        info.labels(__version__).set(1)
        self._backlog = _Backlog()
        r.register(self._backlog)
        self._rule_reloads = _RuleReloads()
        r.register(self._rule_reloads)

    # -- one method per thing that happened; the stages call these -----------------------

    def poll(self, source: str, outcome: PollStatus, seconds: float, *, items: int = 0,
             new: int = 0, skipped: int = 0) -> None:
        self.polls.labels(source, outcome).inc()
        if skipped:
            self.skipped_items.labels(source).inc(skipped)
        self.fetch_seconds.labels(source).observe(seconds)
        self.items.labels(source).inc(items)
        self.new_items.labels(source).inc(new)

    def article(self, outcome: ProcessOutcome, topics: Iterable[str] = ()) -> None:
        self.articles.labels(outcome).inc()
        for topic in topics:
            self.matches.labels(topic).inc()

    def page_cpu(self, stages: Iterable[tuple[str, float]]) -> None:
        for stage, seconds in stages:
            self.page_cpu_total.labels(stage).inc(seconds)

    def page_cpu_seconds(self) -> dict[str, float]:
        """CPU seconds so far by stage (what the benchmarks print)."""
        out: dict[str, float] = {}
        for metric in self.page_cpu_total.collect():
            for sample in metric.samples:
                if sample.name.endswith("_total"):
                    out[sample.labels["stage"]] = sample.value
        return out

    def event_created(self) -> None:
        self.events.inc()

    def alert(self, action: str) -> None:
        self.alerts.labels(action).inc()

    def delivery(self, channel: str, outcome: DeliveryOutcome) -> None:
        self.deliveries.labels(channel, outcome).inc()

    def telegram_settled(self, outcome: SettleOutcome) -> None:
        self.settled.labels(outcome).inc()

    def watch_rules(self, reload_errors: Callable[[], int], loaded: Callable[[], int]) -> None:
        """Read the rule holder's own counts whenever /metrics is scraped."""
        self._rule_reloads.read = reload_errors
        self.rules_loaded.set_function(lambda: float(loaded()))

    def set_backlog(self, backlog: Mapping[str, Mapping[str, int]]) -> None:
        self._backlog.snapshot = backlog

    def group_channels(self, prefixes: Iterable[str]) -> None:
        """Channels named `<prefix><id>` (one per subscribed chat) share one backlog label."""
        self._backlog.prefixes = tuple(prefixes)

    def exposition(self) -> bytes:
        return generate_latest(self.registry)
