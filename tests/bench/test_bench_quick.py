"""The benchmarks run in small sizes on every test run, so they cannot rot; the figures
they print are read by people (bench/README.md), not asserted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_benchmark_runs_in_quick_mode() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run_all.py"), "--quick"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "MB/s" in done.stdout
    assert "per article" in done.stdout
    assert "clustering (pairwise)" in done.stdout
    assert "articles/s per core" in done.stdout  # bench_e2e.py
    assert "the peer's pages/s" in done.stdout  # bench_peer.py
    assert "ms CPU a page; decisions" in done.stdout  # bench_placing.py
    assert "time to alert" in done.stdout  # bench_latency.py
    assert "peak RSS during the cycle" in done.stdout  # bench_memory.py
    assert "settling a lost answer" in done.stdout  # bench_telegram.py
    assert "(archive p95 answer time)" in done.stdout  # bench_archive.py
