"""The `defwatch` command: the operator contract of DESIGN.md."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from bot import __version__
from bot.config.options import BUNDLED_RULES, Config, load_config, load_sources
from bot.errors import ConfigError, DefwatchError, RuleError
from bot.ops.logs import setup_logging

log = logging.getLogger("defwatch")


def _setup_logging(level: int) -> None:
    # JSON lines when stderr is not a terminal; DEFWATCH_LOG_FORMAT=json|text overrides.
    fmt = os.environ.get("DEFWATCH_LOG_FORMAT", "").lower()
    setup_logging(level, "json" if fmt == "json" else "text" if fmt == "text" else "auto")


def _out(text: str) -> None:
    print(text)


def cmd_run(args: argparse.Namespace) -> int:
    from bot.service.serve import run_service

    return asyncio.run(run_service(load_config(args.config)))


ONCE_ROUNDS = 100  # `once` repeats the cycle while it finds work left, at most this often
ONCE_WAIT = 60.0  # seconds `once` waits for retries due soon (a 429's retry_after) at the end


def cmd_once(args: argparse.Namespace) -> int:
    from datetime import timedelta

    from bot.pipeline.cpu_pool import CpuPool

    config = load_config(args.config)
    # The workers start (spawn, imports, ~0.5 s of CPU each) now, on the other core,
    # while this process imports the rest and opens the store, and are ready when the
    # first fetched page is handed over instead of making it wait for them.
    pool = CpuPool(config.workers)
    pool.start()
    from bot.pipeline.dispatch import DispatchReport
    from bot.service.app import App, CycleReport

    async def once(config: Config) -> str:
        async with App(config, pool=pool) as app:
            report = await app.cycle(everything=True)
            # A cycle takes work in batches (500 pages, 200 deliveries): go on until what
            # this run found is done, so `once` leaves nothing pending it could finish.
            for _ in range(ONCE_ROUNDS):
                more = await app.cycle()
                if not (more.processed or more.alerts or more.delivered.sent):
                    break
                sent = report.delivered
                report = CycleReport(
                    report.polls + more.polls, report.processed + more.processed,
                    report.alerts + more.alerts,
                    DispatchReport(sent.sent + more.delivered.sent,
                                   sent.retried + more.delivered.retried,
                                   sent.failed + more.delivered.failed))
            # Retries due within a minute (Telegram's retry_after, a short backoff) are
            # waited for: a cron job's alert should not wait for the next run.
            late, left = await app.dispatcher.flush(timedelta(seconds=ONCE_WAIT))
            sent = report.delivered
            report = CycleReport(report.polls, report.processed, report.alerts,
                                 DispatchReport(sent.sent + late.sent,
                                                sent.retried + late.retried,
                                                sent.failed + late.failed))
            if left:
                first = left[0]
                log.warning("%d %s still waiting, the next at %s UTC on %s (%s); "
                            "the next `defwatch once` or `defwatch run` sends them",
                            len(left), "delivery" if len(left) == 1 else "deliveries",
                            first.next_try.isoformat(sep=" ", timespec="seconds"),
                            first.channel, first.last_error or "backoff")
            return report.line()

    try:
        log.info("%s", asyncio.run(once(config)))
    finally:
        pool.close()  # the App closed it, unless it could not start (broken rules, say)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from bot.demo.run import run_demo

    if args.serve is not None:
        return _serve_demo(args)
    started = time.perf_counter()
    report = asyncio.run(run_demo(["console:telegram" if args.telegram else "console"]))
    print(f"demo: {report.line()} in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    return 0 if report.alerts else 1


def _serve_demo(args: argparse.Namespace) -> int:
    import signal

    from bot.demo.run import serve_demo

    def ready(url: str) -> None:
        print(f"demo archive: {url}  (Ctrl-C stops it)", flush=True)

    async def serve() -> int:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        channel = "console:telegram" if args.telegram else "console"
        return await serve_demo(stop, port=args.serve, channels=[channel], ready=ready)

    return 0 if asyncio.run(serve()) else 1


def _rules_path(args: argparse.Namespace) -> Path:
    return Path(args.path) if args.path else BUNDLED_RULES


def cmd_rules_check(args: argparse.Namespace) -> int:
    from bot.rules.tooling import cmd_check

    return cmd_check(_rules_path(args), _out)


def cmd_rules_test(args: argparse.Namespace) -> int:
    from bot.rules.tooling import cmd_test

    return cmd_test(_rules_path(args), _out)


def cmd_rules_explain(args: argparse.Namespace) -> int:
    from bot.cli.rules import load_page
    from bot.rules.tooling import cmd_explain

    config = load_config(args.config)
    title, text = asyncio.run(load_page(config, file=args.file, url=args.url))
    rules = Path(args.rules) if args.rules else config.rules
    return cmd_explain(rules, args.rule, title, text, _out)


def cmd_rules_backtest(args: argparse.Namespace) -> int:
    from datetime import timedelta

    from bot.cli.rules import backtest, render
    from bot.config.units import parse_duration
    from bot.rules import load_ruleset
    from bot.store import open_database
    from bot.store.articles import articles_since
    from bot.store.db import utcnow

    config = load_config(args.config)
    ruleset = load_ruleset(Path(args.path) if args.path else config.rules)
    since = utcnow() - timedelta(seconds=parse_duration(args.since))
    db = open_database(config.database)
    try:
        with db.engine.begin() as conn:
            stored = articles_since(conn, since)
    finally:
        db.close()
    render(backtest(ruleset, stored), since, ruleset.version, _out)
    return 0


def cmd_sources_check(args: argparse.Namespace) -> int:
    from bot.cli.source_admin import check_sources

    config = load_config(args.config)
    return asyncio.run(check_sources(config, load_sources(config), _out))


def cmd_sources_enable(args: argparse.Namespace) -> int:
    from bot.cli.source_admin import enable_source

    return enable_source(load_config(args.config), args.id, _out)


def cmd_status(args: argparse.Namespace) -> int:
    from bot.cli.status import print_status

    return print_status(load_config(args.config), _out, show_all=args.all)


def cmd_backup(args: argparse.Namespace) -> int:
    from bot.store.backup import backup_sqlite

    copied = backup_sqlite(load_config(args.config).database, Path(args.file))
    _out(f"backed up {copied.source} to {copied.target} ({copied.pages} pages, "
         f"{copied.size} bytes)")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="defwatch", description=(
        "Watch news sites and ministry feeds for bilateral defence statements."))
    parser.add_argument("--version", action="version", version=f"defwatch {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True)

    def with_config(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("-c", "--config", help="config file (default: $DEFWATCH_CONFIG, "
                       "then ./defwatch.yaml, else built-in defaults)")
        return p

    with_config(sub.add_parser("run", help="the service")).set_defaults(func=cmd_run)
    with_config(sub.add_parser("once", help="poll every source once, deliver, exit")
                ).set_defaults(func=cmd_once)
    demo = sub.add_parser("demo", help="offline demo on a loopback corpus")
    demo.add_argument("--telegram", action="store_true",
                      help="show alerts as the HTML a Telegram chat would receive")
    demo.add_argument("--serve", nargs="?", type=int, const=0, metavar="PORT",
                      help="then keep the demo's web archive up on 127.0.0.1 (PORT, default "
                           "any free one) and print its URL")
    demo.set_defaults(func=cmd_demo)
    status = with_config(sub.add_parser("status", help="sources, errors, pending deliveries"))
    status.add_argument("--all", action="store_true",
                        help="list every source, not only those that need attention")
    status.set_defaults(func=cmd_status)

    backup = with_config(sub.add_parser(
        "backup", help="copy the live SQLite database consistently (no sqlite3 program needed)"))
    backup.add_argument("file", help="the copy to write (must not exist)")
    backup.set_defaults(func=cmd_backup)

    rules = sub.add_parser("rules", help="validate, test and explain rule files")
    rsub = rules.add_subparsers(dest="rules_command", required=True)
    for name, func, text in (("check", cmd_rules_check, "validate rule files"),
                             ("test", cmd_rules_test, "run the examples in rule files")):
        p = rsub.add_parser(name, help=text)
        p.add_argument("path", nargs="?", help="rules folder, or one rule file read with "
                       "its folder's lexicon/ and groups/ (default: the bundled rules)")
        p.set_defaults(func=func)
    back = with_config(rsub.add_parser(
        "backtest", help="preview what edited rules would change over stored articles"))
    back.add_argument("path", nargs="?", help="rules folder or one rule file (default: the "
                      "configured rules)")
    back.add_argument("--since", default="7d", help="how far back to look (e.g. 7d, 12h)")
    back.set_defaults(func=cmd_rules_backtest)
    explain = with_config(rsub.add_parser("explain", help="why a page matches a rule"))
    explain.add_argument("rule")
    explain.add_argument("--rules", metavar="PATH", help="rules folder or one rule file "
                         "(default: the configured rules)")
    src = explain.add_mutually_exclusive_group(required=True)
    src.add_argument("--file", help="an HTML or text file")
    src.add_argument("--url", help="a page to fetch")
    explain.set_defaults(func=cmd_rules_explain)

    sources = sub.add_parser("sources", help="source tools")
    ssub = sources.add_subparsers(dest="sources_command", required=True)
    with_config(ssub.add_parser("check", help="fetch each source once and report")
                ).set_defaults(func=cmd_sources_check)
    enable = with_config(ssub.add_parser(
        "enable", help="re-enable a source disabled after repeated failures"))
    enable.add_argument("id", help="the source id")
    enable.set_defaults(func=cmd_sources_enable)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    quiet = args.command in ("demo", "rules", "status")
    _setup_logging(logging.DEBUG if args.verbose else
                   logging.WARNING if quiet else logging.INFO)
    try:
        return int(args.func(args))
    except RuleError as exc:
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
        return 1
    except ConfigError as exc:
        if len(exc.problems) > 1:
            print(f"defwatch: {len(exc.problems)} errors in the configuration:", file=sys.stderr)
        for line in exc.problems:
            print(line if len(exc.problems) > 1 else f"defwatch: error: {line}",
                  file=sys.stderr)
        return 2
    except DefwatchError as exc:
        print(f"defwatch: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
