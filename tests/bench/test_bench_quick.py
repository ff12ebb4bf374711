"""The benchmarks run in small sizes on every test run, so they cannot rot; the figures
they print are read by people (bench/README.md), not asserted.

Each script is its own test, with a time limit that follows what the machine gives it:
a script needs about CPU_BUDGET_S of one core, and on a machine running more processes
than it has cores each gets a share of one, so the wall-clock limit is the budget over
the worst share seen while it ran (the load average, sampled as the test waits). A
script that spins uses its CPU budget and is stopped by the kernel whatever the load
(RLIMIT_CPU); one that hangs still meets the wall-clock limit."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.run_all import BENCHES

ROOT = Path(__file__).resolve().parents[2]
# Seconds of CPU each script's own process may use in quick mode: about three times what
# it used on the 2-core machine bench/README.md describes (its worker and server
# processes have budgets of their own, as RLIMIT_CPU is per process).
CPU_BUDGET_S = 240
WALL_FLOOR_S = 600  # the limit on an idle machine (was the one limit for all scripts)
EXPECT = {  # what each script prints when it got to the end
    "bench_matcher.py": "MB/s",
    "bench_events.py": "per article",
    "bench_placing.py": "ms CPU a page; decisions",
    "eval_corpus.py": "clustering (pairwise)",
    "bench_poll.py": "feeds/s",
    "bench_e2e.py": "articles/s per core",
    "bench_peer.py": "the peer's pages/s",
    "bench_latency.py": "time to alert",
    "bench_memory.py": "peak RSS during the cycle",
    "bench_telegram.py": "settling a lost answer",
    "bench_archive.py": "(archive p95 answer time)",
}


def wall_limit_s(load: float, cores: int) -> float:
    """The wall-clock limit at a load average: the floor, times how many processes share
    each core beyond the first."""
    return WALL_FLOOR_S * max(1.0, load / max(1, cores))


def test_the_limit_grows_with_the_load() -> None:
    assert wall_limit_s(0.3, 2) == WALL_FLOOR_S
    assert wall_limit_s(2.0, 2) == WALL_FLOOR_S
    assert wall_limit_s(10.0, 2) == 5 * WALL_FLOOR_S
    assert set(EXPECT) == set(BENCHES)  # a script added, renamed or dropped says so here


@pytest.mark.parametrize("script", sorted(BENCHES))
def test_every_benchmark_runs_in_quick_mode(script: str) -> None:
    cores = os.cpu_count() or 1
    proc = subprocess.Popen([sys.executable, str(ROOT / "bench" / "run_all.py"), "--quick",
                             script], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    # before run_all.py starts any script (its imports take longer than this): they
    # inherit the cap, each process its own
    resource.prlimit(proc.pid, resource.RLIMIT_CPU, (CPU_BUDGET_S, CPU_BUDGET_S))
    started = time.monotonic()
    load = os.getloadavg()[0]
    while True:
        try:
            out, _ = proc.communicate(timeout=15)  # waits for the script, or 15 s
            break
        except subprocess.TimeoutExpired:
            load = max(load, os.getloadavg()[0])
            if time.monotonic() - started > wall_limit_s(load, cores):
                proc.kill()
                out, _ = proc.communicate()
                pytest.fail(f"{script} ran over {wall_limit_s(load, cores):.0f} s at load "
                            f"{load:.1f} on {cores} cores:\n{out[-3000:]}")
    assert proc.returncode == 0, out[-4000:]
    assert EXPECT[script] in out, out[-2000:]
