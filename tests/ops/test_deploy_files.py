"""deploy/: the compose file and the systemd unit say what they must, and the example
configuration and environment files are complete."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.config.options import Config, load_config
from tests.ops.deploy_files import (
    DEPLOY,
    DOCKERFILE,
    ROOT,
    STOP_BUDGET_S,
    compose,
    duration_s,
    healthcheck_command,
    image_healthcheck,
)

# -- example configuration and environment ---------------------------------------------------

def model_keys(model: type[Any], prefix: str = "") -> set[str]:
    keys = set()
    for name, field in model.model_fields.items():
        if name == "path":
            continue
        keys.add(prefix + name)
        annotation = field.annotation
        if isinstance(annotation, type) and hasattr(annotation, "model_fields"):
            keys |= model_keys(annotation, f"{prefix}{name}.")
    return keys


def test_the_example_config_is_valid_and_documents_every_key(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "")
    monkeypatch.delenv("DEFWATCH_DATABASE_URL", raising=False)
    path = DEPLOY / "defwatch.example.yaml"
    config = load_config(str(path))
    assert config.telegram.token is None
    text = path.read_text()
    for key in sorted(model_keys(Config)):
        leaf = key.rsplit(".", 1)[-1]
        assert re.search(rf"^\s*#?\s*{leaf}:", text, re.MULTILINE), f"{key} not documented"


def variables_read_by_the_code() -> set[str]:
    found = set()
    for path in [*ROOT.joinpath("bot").rglob("*.py"), *ROOT.joinpath("watchers").rglob("*.py")]:
        found |= set(re.findall(r"environ(?:\.get)?[\(\[]\s*\"([A-Z][A-Z0-9_]+)\"",
                                path.read_text(encoding="utf-8")))
    return found


def env_example() -> set[str]:
    text = (DEPLOY / ".env.example").read_text()
    return set(re.findall(r"^#?\s?([A-Z][A-Z0-9_]+)=", text, re.MULTILINE))


def test_env_example_lists_every_variable_the_code_and_compose_read() -> None:
    listed = env_example()
    expected = {"DEFWATCH_CONFIG", "DEFWATCH_DATABASE_URL", "TELEGRAM_BOT_TOKEN",
                "TELEGRAM_API_BASE_URL", "DEFWATCH_LOG_FORMAT"}
    assert expected <= variables_read_by_the_code() | expected
    assert variables_read_by_the_code() | expected <= listed
    in_compose = set(re.findall(r"\$\{([A-Z][A-Z0-9_]*)", (DEPLOY / "compose.yaml")
                                .read_text()))
    assert in_compose <= listed


# -- compose ------------------------------------------------------------------------------

# The Compose Specification's keys that this file may use; a typo is not silently ignored.
TOP_KEYS = {"name", "services", "volumes", "networks", "configs", "secrets"}
SERVICE_KEYS = {"build", "image", "command", "entrypoint", "restart", "environment",
                "env_file", "volumes", "ports", "healthcheck", "stop_signal",
                "stop_grace_period", "read_only", "tmpfs", "security_opt", "cap_drop",
                "logging", "profiles", "depends_on", "user", "networks", "labels"}
HEALTHCHECK_KEYS = {"test", "interval", "timeout", "retries", "start_period",
                    "start_interval", "disable"}
VOLUME_KEYS = {"type", "source", "target", "read_only", "bind", "volume", "tmpfs"}


def test_compose_file_uses_only_known_keys() -> None:
    doc = compose()
    assert set(doc) <= TOP_KEYS
    for name, service in doc["services"].items():
        assert set(service) <= SERVICE_KEYS, name
        assert set(service["healthcheck"]) <= HEALTHCHECK_KEYS, name
        for volume in service.get("volumes", []):
            assert set(volume) <= VOLUME_KEYS, name


def test_compose_file_describes_the_service_and_an_optional_postgres() -> None:
    doc = compose()
    services = doc["services"]
    assert set(services) == {"defwatch", "postgres"}
    app, pg = services["defwatch"], services["postgres"]
    assert "profiles" not in app and pg["profiles"] == ["postgres"]
    assert (DEPLOY / app["build"]["context"] / app["build"]["dockerfile"]).resolve() \
        == DOCKERFILE
    assert app["depends_on"]["postgres"] == {"condition": "service_healthy",
                                             "required": False}
    named = {v["source"] for s in services.values() for v in s.get("volumes", [])
             if v["type"] == "volume"}
    assert named == set(doc["volumes"])
    targets = {v["target"]: v for v in app["volumes"]}
    assert targets["/var/lib/defwatch"]["type"] == "volume"
    assert targets["/etc/defwatch/defwatch.yaml"]["read_only"] is True
    assert targets["/app/rules"]["read_only"] is True
    assert all(p.startswith("127.0.0.1:") for p in app["ports"])
    assert app["stop_signal"] == "SIGTERM"
    assert duration_s(app["stop_grace_period"]) >= STOP_BUDGET_S
    for service in services.values():
        assert {"test", "interval", "timeout", "retries"} <= set(service["healthcheck"])


def test_compose_and_dockerfile_share_one_healthcheck() -> None:
    in_compose = healthcheck_command(compose()["services"]["defwatch"]["healthcheck"]["test"])
    in_image = image_healthcheck()
    assert in_compose == in_image


def test_docker_compose_config_accepts_the_file(tmp_path: Path) -> None:
    docker = shutil.which("docker")
    if docker is None or subprocess.run([docker, "compose", "version"], capture_output=True,
                                        check=False).returncode != 0:
        pytest.skip("docker compose not installed")
    run = subprocess.run([docker, "compose", "-f", str(DEPLOY / "compose.yaml"),
                          "--profile", "postgres", "config", "--quiet"],
                         capture_output=True, text=True, timeout=60, check=False,
                         env={"PATH": "/usr/bin:/bin", "POSTGRES_PASSWORD": "x"})
    assert run.returncode == 0, run.stderr


# -- systemd --------------------------------------------------------------------------------

def unit() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in (DEPLOY / "defwatch.service").read_text().splitlines():
        if "=" in line and not line.startswith(("#", ";", "[")):
            key, _, value = line.partition("=")
            out.setdefault(key.strip(), []).append(value.strip())
    return out


def test_systemd_unit_is_hardened_and_stops_gracefully() -> None:
    u = {k: v[-1] for k, v in unit().items()}
    expected = {"NoNewPrivileges": "yes", "ProtectSystem": "strict", "DynamicUser": "yes",
                "StateDirectory": "defwatch", "Restart": "on-failure",
                "KillSignal": "SIGTERM", "PrivateTmp": "yes", "ProtectHome": "yes"}
    assert {k: u.get(k) for k in expected} == expected
    assert u["ExecStart"].endswith("/defwatch run")
    assert "-HUP" in u["ExecReload"]
    assert duration_s(u["TimeoutStopSec"]) >= STOP_BUDGET_S
    assert u["WorkingDirectory"] == "/var/lib/defwatch"
    # the rules cache ($XDG_CACHE_HOME/defwatch) lies in the folder systemd makes writable
    assert "XDG_CACHE_HOME=/var/cache" in unit()["Environment"]
    assert u["CacheDirectory"] == "defwatch"


def test_systemd_analyze_verifies_the_unit(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze not installed")
    script = Path(sys.executable).with_name("defwatch")
    if not script.exists():
        pytest.skip("the defwatch console script is not installed beside this python")
    text = (DEPLOY / "defwatch.service").read_text()
    copy = tmp_path / "defwatch.service"
    copy.write_text(text.replace("/opt/defwatch/bin/defwatch", str(script)))
    run = subprocess.run([analyze, "verify", str(copy)], capture_output=True, text=True,
                         timeout=60, check=False)
    problems = [line for line in (run.stdout + run.stderr).splitlines()
                if "defwatch.service" in line]
    assert problems == []
