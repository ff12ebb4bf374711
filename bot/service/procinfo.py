"""What identifies a running process, and whether one still runs (Linux /proc).

A pid alone is not enough: pids are reused, so a process is its pid and its start time
(field 22 of /proc/<pid>/stat, clock ticks since boot). And a pid means something only
in its own PID namespace on the same boot: two containers on one machine may share a
host name and both run pid 1. `pid_space()` names that namespace; pids are compared
only between processes that share it. Elsewhere (no /proc) it is None and nothing is
judged by pid.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

__all__ = ["host_name", "pid_space", "process_start", "running"]

PROC = Path("/proc")


def host_name() -> str:
    return socket.gethostname()


def pid_space(proc: Path = PROC) -> str | None:
    """This boot and this process's PID namespace, e.g. `<boot id>/pid:[4026531836]`."""
    try:
        boot = (proc / "sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
        namespace = (proc / "self/ns/pid").readlink()
    except OSError:
        return None
    return f"{boot}/{namespace}"


def _stat(pid: int, proc: Path) -> list[str] | None:
    """The fields of /proc/<pid>/stat after the command name (field 3 on); None when
    the process is gone or hidden."""
    try:
        text = (proc / str(pid) / "stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    # The command name is in parentheses and may itself hold spaces and parentheses.
    return text[text.rfind(")") + 2:].split()


def process_start(pid: int, proc: Path = PROC) -> int | None:
    fields = _stat(pid, proc)
    if fields is None or len(fields) < 20:
        return None
    return int(fields[19])  # field 22, starttime


def running(pid: int, start: int | None, proc: Path = PROC) -> bool:
    """Whether process `pid` of this PID namespace runs and, when `start` is given, is
    the process that started then rather than a later one given the same pid."""
    if pid <= 0:  # 0 and negative pids would name process groups
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, as another user
    fields = _stat(pid, proc)
    if fields is None:
        return True  # it exists but /proc hides it (hidepid): it cannot be told apart
    if fields[0] in ("Z", "X"):  # killed, not yet waited for: it does no more work
        return False
    return start is None or len(fields) < 20 or int(fields[19]) == start
