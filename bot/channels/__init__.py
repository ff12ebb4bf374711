"""Where alerts go. The registry below is the whole list: a channel spec in config
(`console`, `jsonl:PATH`) maps to one class by its scheme."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bot.channels.base import Channel
from bot.channels.console import ConsoleChannel
from bot.channels.jsonl import JsonlChannel
from bot.errors import ConfigError

__all__ = ["Channel", "build_channels"]


def _console(spec: str, _arg: str, _base: Path) -> Channel:
    return ConsoleChannel(spec)


def _jsonl(spec: str, arg: str, base: Path) -> Channel:
    if not arg:
        raise ConfigError("jsonl needs a path, e.g. jsonl:alerts.jsonl", key="channels")
    path = Path(arg).expanduser()
    return JsonlChannel(spec, path if path.is_absolute() else base / path)


REGISTRY: dict[str, Callable[[str, str, Path], Channel]] = {
    "console": _console,
    "jsonl": _jsonl,
}


def build_channels(specs: list[str], base: Path) -> dict[str, Channel]:
    """One channel per spec, keyed by the spec as written (it names deliveries in the store)."""
    out: dict[str, Channel] = {}
    for spec in specs:
        scheme, _, arg = spec.partition(":")
        factory = REGISTRY.get(scheme)
        if factory is None:
            known = ", ".join(sorted(REGISTRY))
            raise ConfigError(f"unknown channel {spec!r} (known: {known})", key="channels")
        out[spec] = factory(spec, arg, base)
    return out
