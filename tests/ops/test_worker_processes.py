"""`defwatch run` does its page work in worker processes (`workers:`, default one per
core) and takes them down with it on SIGTERM: exit 0, no worker left running."""

from __future__ import annotations

import signal
from pathlib import Path

from tests.loopback import LoopbackServer
from tests.ops.fixtures import serve_site
from tests.ops.service_proc import ServiceProcess
from tests.ops.test_service_process import alerts, write_config


def workers_of(pid: int) -> list[int]:
    """Child processes started by multiprocessing's spawn (not its resource tracker)."""
    out = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        out += [int(c) for c in (task / "children").read_text().split()]
    return [c for c in out if "spawn_main" in (running(c) or "")]


def running(pid: int) -> str | None:
    """The command line of a live process, None when it is gone."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return None
    return None if state == "Z" else command


def test_workers_do_the_page_work_and_end_with_the_service(loopback: LoopbackServer,
                                                           tmp_path: Path) -> None:
    config = write_config(tmp_path, serve_site(loopback))
    config.write_text(config.read_text() + "workers: 2\n", encoding="utf-8")
    with ServiceProcess(config) as service:
        service.wait_until("the alert in alerts.jsonl", lambda: alerts(tmp_path))
        assert service.proc is not None
        pid = service.proc.pid
        workers = service.wait_until("two workers", lambda: (
            found if len(found := workers_of(pid)) == 2 else None))
        assert service.metric("defwatch_page_cpu_seconds_total", stage="extract") > 0
        service.signal(signal.SIGTERM)
        assert service.stop() == 0
    # the service waited for its workers: they are gone as it exits
    assert [running(pid) for pid in workers if running(pid)] == []
