"""Readers for the files in deploy/, shared by the deploy tests."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from bot.service.serve import IN_FLIGHT_S, SHUTDOWN_FLUSH_S

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
DOCKERFILE = DEPLOY / "Dockerfile"
STOP_BUDGET_S = IN_FLIGHT_S + SHUTDOWN_FLUSH_S + 5  # what a supervisor must wait at least


def instructions(path: Path) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    out: list[tuple[str, str]] = []
    text = re.sub(r"\\\n", " ", "\n".join(
        line for line in path.read_text().splitlines() if not line.lstrip().startswith("#")))
    for line in text.splitlines():
        if line.strip():
            word, _, rest = line.strip().partition(" ")
            out.append((word.upper(), " ".join(rest.split())))
    return out


def final_stage() -> list[tuple[str, str]]:
    steps = instructions(DOCKERFILE)
    last_from = max(i for i, (word, _) in enumerate(steps) if word == "FROM")
    return steps[last_from:]


def healthcheck_command(test: list[str]) -> list[str]:
    assert test[0] in ("CMD", "CMD-SHELL") and test[1] == "python"
    return test[1:]


def duration_s(text: str) -> float:
    match = re.fullmatch(r"(\d+)(ms|s|m|min)?", text.strip())
    assert match, text
    value, unit = float(match.group(1)), match.group(2) or "s"
    return value * {"ms": 0.001, "s": 1, "m": 60, "min": 60}[unit]


def image_healthcheck() -> list[str]:
    """The exec form of the runtime stage's HEALTHCHECK CMD."""
    command: list[str] = json.loads(dict(final_stage())["HEALTHCHECK"].split(" CMD ", 1)[1])
    return command


def compose() -> dict[str, Any]:
    doc: dict[str, Any] = YAML(typ="safe").load((DEPLOY / "compose.yaml").read_text())
    return doc
