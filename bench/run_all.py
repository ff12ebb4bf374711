"""Run every benchmark and print its figures: `make bench` (full) or `--quick` (small
sizes, what the test suite runs so the scripts cannot rot)."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# script -> (full arguments, quick arguments)
BENCHES: dict[str, tuple[list[str], list[str]]] = {
    "bench_matcher.py": ([], ["--articles", "40", "--words", "200", "--repeat", "1"]),
    "bench_events.py": ([], ["--events", "300", "--articles", "30"]),
    "bench_placing.py": (["--one-day"], ["--one-day", "--limit", "30", "--copies", "1"]),
    # quick: one order of each kind, the dev split (the held-out split's turn is the full run)
    "eval_corpus.py": ([], ["--orders", "1", "--split", "dev"]),
    "bench_poll.py": ([], ["--quick"]),
    "bench_e2e.py": ([], ["--articles", "30", "--chrome", "4", "--feeds", "2"]),
    "bench_peer.py": ([], ["--limit", "6", "--copies", "1", "--general", "9", "--web", ""]),
    "bench_latency.py": (["--samples", "30", "--run-minutes", "6"], ["--samples", "2"]),
    "bench_memory.py": ([], ["--sources", "50", "--articles", "2000"]),
    "bench_telegram.py": ([], ["--alerts", "20", "--settles", "3"]),
    "bench_archive.py": ([], ["--events", "300", "--repeat", "1"]),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for CI")
    parser.add_argument("only", nargs="*", help="run only these scripts")
    args = parser.parse_args()
    failed = 0
    for script, (full, quick) in BENCHES.items():
        if args.only and script not in args.only:
            continue
        print(f"== {script}", flush=True)
        cmd = [sys.executable, str(HERE / script), *(quick if args.quick else full)]
        failed += subprocess.run(cmd, cwd=HERE.parent, check=False).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
