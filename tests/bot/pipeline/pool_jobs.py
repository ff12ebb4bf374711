"""Tasks for the worker-pool tests: module-level, so spawned workers can import them."""

from __future__ import annotations

import os
import time
from pathlib import Path

WAIT_S = 60.0


def wait_for_go(arg: tuple[str, int]) -> int:
    """Say "started" (a file named after this worker's pid), then wait for the test's
    "go" file: the test decides when the task ends, and which worker to kill meanwhile."""
    folder, n = Path(arg[0]), arg[1]
    (folder / f"started-{os.getpid()}-{n}").touch()
    deadline = time.monotonic() + WAIT_S
    while not (folder / "go").exists():
        if time.monotonic() > deadline:
            raise TimeoutError("the test never said go")
        time.sleep(0.01)
    return n * 2
