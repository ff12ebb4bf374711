"""Polling N loopback feeds (default 1,000): defwatch's poller beside the `reader` library.

One process serves the feeds from several loopback addresses (127.0.0.1, 127.0.0.2, …, one
HTTP server each, so per-host limits mean something) and counts requests in flight per
host. Each client runs in its own process, so its peak RSS is its own:

- defwatch: Poller.poll_due over a SQLite store (claims, conditional GET, feed parsing,
  entry de-duplication, adaptive next-due) — the production polling path;
- reader: make_reader() + update_feeds(workers=N, scheduled=False) (pip-installed on first
  use; --no-reader skips it).

Two cycles each: the first fetches every feed, the second finds them unchanged, where
conditional requests should turn (nearly) all of them into 304s. Figures are printed,
not asserted.

    .venv/bin/python bench/bench_poll.py [--feeds 1000] [--hosts 8] [--per-host 4]
        [--concurrency 32] [--items 20] [--latency 0.05] [--no-reader] [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from email.utils import formatdate
from importlib.metadata import version
from pathlib import Path
from typing import Any

from bot.demo.loopback import LocalHTTPServer, QuietHandler
from bot.pipeline.poll import Poller
from bot.store import open_database
from bot.store import sources as source_rows
from bot.store.db import utcnow
from watchers.fetch.http import Fetcher
from watchers.models import FetchSettings, Source

HERE = Path(__file__).resolve()
# reader vendors a feedparser that imports `sgmllib`, which its metadata does not pull in.
READER_PINS = ("reader>=3.20,<4", "sgmllib3k>=1.0,<2")
LAST_MODIFIED = formatdate(1_700_000_000, usegmt=True)


# -- the feed server (its own process) ------------------------------------------------

class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.in_flight: Counter[str] = Counter()
        self.max_in_flight: Counter[str] = Counter()
        self.status: Counter[int] = Counter()

    def snapshot(self, reset: bool) -> dict[str, Any]:
        with self.lock:
            out = {"max_in_flight": dict(self.max_in_flight),
                   "status": {str(k): v for k, v in self.status.items()}}
            if reset:
                self.max_in_flight.clear()
                self.status.clear()
        return out


def feed_body(n: int, items: int, host: str) -> bytes:
    entries = "".join(
        f"<item><title>Feed {n} story {i}: ministers discuss cooperation</title>"
        f"<link>http://{host}/news/{n}/{i}.html</link><guid>feed-{n}-{i}</guid>"
        f"<pubDate>{formatdate(1_700_000_000 - 3600 * i, usegmt=True)}</pubDate>"
        f"<description>Paragraph {i} of feed {n}, long enough to look like a summary of "
        "a news story with a few sentences in it.</description></item>" for i in range(items))
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>Feed {n}</title><link>http://{host}/</link>{entries}</channel></rss>"
            ).encode()


def make_handler(stats: Stats, items: int, latency: float) -> type[QuietHandler]:
    class Handler(QuietHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            address = self.connection.getsockname()  # this server's own address
            host = f"{address[0]}:{address[1]}"
            if self.path.startswith("/_stats"):
                self._send(200, json.dumps(stats.snapshot("reset" in self.path)).encode(), {},
                           count=False)
                return
            with stats.lock:
                stats.in_flight[host] += 1
                stats.max_in_flight[host] = max(stats.max_in_flight[host],
                                                stats.in_flight[host])
            try:
                time.sleep(latency)  # a network and a server that take their time
                self._feed(host)
            finally:
                with stats.lock:
                    stats.in_flight[host] -= 1

        def _feed(self, host: str) -> None:
            name = self.path.rsplit("/", 1)[-1]
            if not (self.path.startswith("/feed/") and name.removesuffix(".xml").isdigit()):
                self._send(404, b"not found", {})
                return
            n = int(name.removesuffix(".xml"))
            etag = f'"feed-{n}-v1"'
            headers = {"ETag": etag, "Last-Modified": LAST_MODIFIED,
                       "Content-Type": "application/rss+xml"}
            if self.headers.get("If-None-Match") == etag or (
                    self.headers.get("If-None-Match") is None
                    and self.headers.get("If-Modified-Since") == LAST_MODIFIED):
                self._send(304, b"", headers)
            else:
                self._send(200, feed_body(n, items, host), headers)

        def _send(self, status: int, body: bytes, headers: dict[str, str], *,
                  count: bool = True) -> None:
            if count:
                with stats.lock:
                    stats.status[status] += 1
            self.reply(status, body, headers)

    return Handler


def serve(hosts: int, items: int, latency: float) -> None:
    """Print one `host:port` per line, then serve until stdin closes."""
    stats = Stats()
    servers = []
    for i in range(hosts):
        try:
            server = LocalHTTPServer(make_handler(stats, items, latency),
                                     host=f"127.0.0.{i + 1}")
        except OSError:  # no 127/8 beyond 127.0.0.1 here: fewer hosts
            break
        servers.append(server.start())
    for server in servers:
        print(f"{server.host}:{server.port}", flush=True)
    print("ready", flush=True)
    sys.stdin.read()
    for server in servers:
        server.stop()


# -- the clients (each in its own process) ----------------------------------------------

def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


async def run_defwatch(urls: list[str], args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    db = open_database(f"sqlite:///{tmp}/defwatch.db")
    with db.engine.begin() as conn:
        source_rows.sync_sources(conn, [Source(id=f"feed-{i}", kind="rss", url=u)
                                        for i, u in enumerate(urls)], utcnow())
    settings = FetchSettings(per_host_concurrency=args.per_host, per_host_delay_s=0,
                             timeout_s=120, allow_private=True)
    out: dict[str, Any] = {"rss_start_mb": peak_rss_mb()}
    async with Fetcher(settings) as fetcher:
        poller = Poller(db, fetcher, concurrency=args.concurrency)
        for cycle in (1, 2):
            started = time.perf_counter()
            outcomes = await poller.poll_due(everything=True)
            out[f"cycle{cycle}_s"] = time.perf_counter() - started
            out[f"cycle{cycle}_outcomes"] = dict(Counter(o.status for o in outcomes))
    db.close()
    out["rss_peak_mb"] = peak_rss_mb()
    return out


def run_reader(urls: list[str], args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    from reader import make_reader  # noqa: PLC0415 - installed by ensure_reader(), bench only

    reader = make_reader(str(tmp / "reader.sqlite"))
    for url in urls:
        reader.add_feed(url)
    out: dict[str, Any] = {"rss_start_mb": peak_rss_mb(), "version": version("reader")}
    for cycle in (1, 2):
        started = time.perf_counter()
        reader.update_feeds(workers=args.concurrency, scheduled=False)  # every feed, now
        out[f"cycle{cycle}_s"] = time.perf_counter() - started
    reader.close()
    out["rss_peak_mb"] = peak_rss_mb()
    return out


def client(name: str, args: argparse.Namespace) -> None:
    urls = json.loads(sys.stdin.read())
    with tempfile.TemporaryDirectory(prefix=f"bench-poll-{name}-") as tmp:
        result = (asyncio.run(run_defwatch(urls, args, Path(tmp))) if name == "defwatch"
                  else run_reader(urls, args, Path(tmp)))
    print(json.dumps(result))


# -- orchestration ------------------------------------------------------------------------

def stats(host: str, *, reset: bool) -> dict[str, Any]:
    url = f"http://{host}/_stats{'?reset' if reset else ''}"
    with urllib.request.urlopen(url, timeout=30) as r:
        return dict(json.loads(r.read()))


def measure(name: str, urls: list[str], hosts: list[str], args: argparse.Namespace,
            ) -> dict[str, Any]:
    """Run one client, reading the server's counters after each of its two cycles."""
    stats(hosts[0], reset=True)
    cmd = [sys.executable, str(HERE), "--client", name, *sys.argv[1:]]
    env = {**os.environ, "DEFWATCH_LOG_FORMAT": "json"}
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=env)
    out, _ = proc.communicate(json.dumps(urls), timeout=3600)
    if proc.returncode != 0:
        raise SystemExit(f"{name} client failed ({proc.returncode})")
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    result["server"] = stats(hosts[0], reset=True)
    return result


def ensure_reader() -> bool:
    if all(importlib.util.find_spec(m) is not None for m in ("reader", "sgmllib")):
        return True
    print(f"installing {' '.join(READER_PINS)} into {sys.prefix} (bench only)", flush=True)
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", *READER_PINS],
                          check=False)
    return done.returncode == 0


def report(name: str, r: dict[str, Any], feeds: int, limit: str) -> None:
    status = r["server"]["status"]
    total = sum(status.values())
    not_modified = status.get("304", 0)
    in_flight = r["server"]["max_in_flight"]
    print(f"{name:<14} cycle 1 {r['cycle1_s']:6.2f}s {feeds / r['cycle1_s']:7.0f} feeds/s   "
          f"cycle 2 {r['cycle2_s']:6.2f}s {feeds / r['cycle2_s']:7.0f} feeds/s   "
          f"peak RSS {r['rss_peak_mb']:5.0f} MB (after imports {r['rss_start_mb']:.0f} MB)")
    print(f"{'':<14} requests {total} (304: {not_modified}, {not_modified / feeds:.0%} of the "
          f"second cycle); max in flight per host {max(in_flight.values(), default=0)} "
          f"({limit})")
    if "cycle1_outcomes" in r:
        print(f"{'':<14} outcomes: cycle 1 {r['cycle1_outcomes']}, cycle 2 "
              f"{r['cycle2_outcomes']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--hosts", type=int, default=8)
    parser.add_argument("--items", type=int, default=20, help="items per feed")
    parser.add_argument("--latency", type=float, default=0.05,
                        help="seconds the server takes per feed request")
    parser.add_argument("--per-host", type=int, default=4, help="defwatch per-host limit")
    parser.add_argument("--concurrency", type=int, default=32,
                        help="defwatch poll workers / reader update workers")
    parser.add_argument("--no-reader", action="store_true")
    parser.add_argument("--quick", action="store_true", help="100 feeds, 2 hosts, no reader")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--client", choices=["defwatch", "reader"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.quick:
        args.feeds, args.hosts, args.no_reader = 100, 2, True
    if args.serve:
        serve(args.hosts, args.items, args.latency)
        return 0
    if args.client:
        client(args.client, args)
        return 0
    with_reader = not args.no_reader and ensure_reader()
    server = subprocess.Popen([sys.executable, str(HERE), "--serve", *sys.argv[1:]],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert server.stdout is not None and server.stdin is not None
    hosts = []
    while (line := server.stdout.readline().strip()) != "ready":
        hosts.append(line)
    try:
        urls = [f"http://{hosts[n % len(hosts)]}/feed/{n}.xml" for n in range(args.feeds)]
        print(f"{args.feeds} feeds x {args.items} items on {len(hosts)} loopback hosts, "
              f"{args.latency * 1000:.0f} ms per response; {os.cpu_count()} CPUs; "
              f"concurrency {args.concurrency}")
        report("defwatch", measure("defwatch", urls, hosts, args), args.feeds,
               f"limit {args.per_host}")
        if with_reader:
            r = measure("reader", urls, hosts, args)
            report(f"reader {r['version']}", r, args.feeds, "no per-host limit")
    finally:
        server.stdin.close()
        server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
