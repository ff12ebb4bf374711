"""`defwatch run` as a child process, the way a supervisor runs it, for the ops tests.

Logs go to a file (JSON lines: stderr is not a terminal), the bound HTTP port is read from
the `http listening` line, and every wait polls a condition until a deadline, pausing in
`Popen.wait` so a service that dies is noticed at once.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from prometheus_client.parser import text_string_to_metric_families

PROJECT = Path(__file__).resolve().parents[2]


class ServiceProcess:
    def __init__(self, config: Path, *, env: dict[str, str] | None = None) -> None:
        self.config = config
        self.workdir = config.parent
        self.log_path = self.workdir / "defwatch.log"
        self._env = {**os.environ, "DEFWATCH_LOG_FORMAT": "json", "PYTHONUNBUFFERED": "1",
                     **(env or {})}
        for name in ("DEFWATCH_CONFIG", "DEFWATCH_DATABASE_URL", "TELEGRAM_BOT_TOKEN"):
            self._env.pop(name, None)
        path = [str(PROJECT), *filter(None, [self._env.get("PYTHONPATH")])]
        self._env["PYTHONPATH"] = os.pathsep.join(path)
        self.proc: subprocess.Popen[bytes] | None = None
        self.port = 0

    def start(self) -> Self:
        with self.log_path.open("wb") as log, (self.workdir / "stdout.txt").open("wb") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "bot.cli", "run", "-c", str(self.config)],
                cwd=self.workdir, env=self._env, stdout=out, stderr=log,
                stdin=subprocess.DEVNULL)
        try:
            line = self.wait_for_log(lambda r: r["message"].startswith("http listening"))
        except BaseException:
            self.__exit__(None, None, None)
            raise
        self.port = int(line["port"])
        return self

    # -- waiting --------------------------------------------------------------------------

    def wait_until(self, what: str, check: Callable[[], Any], timeout: float = 60.0) -> Any:
        """Poll `check` until it returns something truthy; fail with the log if it never
        does or the service exits first."""
        assert self.proc is not None
        deadline = time.monotonic() + timeout
        while True:
            value = check()
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}\n{self.log_tail()}")
            try:
                code = self.proc.wait(timeout=0.1)
            except subprocess.TimeoutExpired:
                continue
            raise AssertionError(f"service exited ({code}) while waiting for {what}\n"
                                 f"{self.log_tail()}")

    def wait_for_log(self, match: Callable[[dict[str, Any]], bool],
                     timeout: float = 60.0) -> dict[str, Any]:
        def found() -> dict[str, Any] | None:
            return next((r for r in self.log_records() if match(r)), None)
        result: dict[str, Any] = self.wait_until("a log line", found, timeout)
        return result

    def log_records(self) -> list[dict[str, Any]]:
        """Every complete log line, parsed; a line that is not JSON fails the test."""
        text = self.log_path.read_text(encoding="utf-8")
        lines = text.splitlines()[: text.count("\n")]
        records = []
        for line in filter(str.strip, lines):
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError:
                raise AssertionError(f"not a JSON log line: {line!r}\n{text}") from None
        return records

    def log_tail(self, n: int = 40) -> str:
        return "\n".join(self.log_path.read_text(encoding="utf-8").splitlines()[-n:])

    # -- the HTTP endpoint ------------------------------------------------------------------

    def get(self, path: str) -> tuple[int, bytes]:
        url = f"http://127.0.0.1:{self.port}{path}"
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return int(response.status), bytes(response.read())
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def metric(self, name: str, **labels: str) -> float:
        """The value of one sample on /metrics (0.0 when absent)."""
        status, body = self.get("/metrics")
        assert status == 200
        for family in text_string_to_metric_families(body.decode()):
            for sample in family.samples:
                if sample.name == name and all(sample.labels.get(k) == v
                                               for k, v in labels.items()):
                    return float(sample.value)
        return 0.0

    # -- stopping ---------------------------------------------------------------------------

    def signal(self, sig: signal.Signals) -> None:
        assert self.proc is not None
        self.proc.send_signal(sig)

    def stop(self, timeout: float = 40.0) -> int:
        """SIGTERM and the exit code."""
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError(f"no exit {timeout:.0f}s after SIGTERM\n{self.log_tail()}"
                                 ) from None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
