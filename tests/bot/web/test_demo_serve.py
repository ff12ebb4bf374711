"""`defwatch demo --serve`: the demo corpus's archive up on loopback, its URL printed,
stopped by Ctrl-C (SIGINT) with exit 0."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


def test_demo_serve_prints_the_archive_url_and_serves_it(tmp_path: Path) -> None:
    env = {**os.environ, "DEFWATCH_LOG_FORMAT": "json"}
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "demo", "--serve"], cwd=tmp_path,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True)
    try:
        assert proc.stdout is not None
        deadline = time.monotonic() + 120
        url = ""
        while not url and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            if line.startswith("demo archive: "):
                url = line.split()[2]
        assert url.startswith("http://127.0.0.1:"), "no URL printed"
        page = httpx.get(url, timeout=10)
        assert page.status_code == 200
        assert "Japanese jets bound for Tindal" in page.text
        assert "Raksha Mantri holds telephonic conversation" in page.text
        feed = httpx.get(url + "feeds/all.atom", timeout=10)
        assert feed.text.count("<entry>") == 2
        proc.send_signal(signal.SIGINT)
        assert proc.wait(30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
