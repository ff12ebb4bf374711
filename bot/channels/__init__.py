"""Where alerts go. The registry below is the whole list: a channel spec in config
maps to one class by its scheme, and any spec with `://` is an Apprise URL.

    console                      plain text on stdout
    console:telegram             the Telegram HTML of each alert on stdout (no token needed)
    jsonl:PATH                   one JSON object per alert (the machine-readable contract)
    telegram:@chan[?topics=a,b]  a Telegram channel or chat (needs telegram.token)
    slack://…, mailto://…, json://…   any Apprise URL
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bot.channels.base import Channel, ChannelFamily, accepts
from bot.channels.console import ConsoleChannel
from bot.channels.jsonl import JsonlChannel
from bot.errors import ConfigError

if TYPE_CHECKING:
    from bot.channels.telegram.sender import TelegramSender

__all__ = ["Channel", "ChannelFamily", "ChannelSetup", "accepts", "build_channels"]


@dataclass(frozen=True)
class ChannelSetup:
    """What a channel factory may need besides its spec."""

    base: Path  # relative paths are relative to the config file
    telegram: TelegramSender | None = None


def _console(spec: str, arg: str, setup: ChannelSetup) -> Channel:
    if arg not in ("", "text", "telegram"):
        raise ConfigError(f"{spec}: expected console, console:text or console:telegram",
                          key="channels")
    return ConsoleChannel(spec, style="telegram" if arg == "telegram" else "text")


def _jsonl(spec: str, arg: str, setup: ChannelSetup) -> Channel:
    if not arg:
        raise ConfigError("jsonl needs a path, e.g. jsonl:alerts.jsonl", key="channels")
    path = Path(arg).expanduser()
    return JsonlChannel(spec, path if path.is_absolute() else setup.base / path)


def _telegram(spec: str, arg: str, setup: ChannelSetup) -> Channel:
    # python-telegram-bot (1 s to import) only when a Telegram channel is configured.
    from bot.channels.telegram.channel import TelegramChannel, parse_spec  # noqa: PLC0415

    chat, topics = parse_spec(arg)
    if setup.telegram is None:
        raise ConfigError(f"{spec}: a Telegram channel needs a bot token: set "
                          "TELEGRAM_BOT_TOKEN or telegram.token", key="channels")
    return TelegramChannel(f"telegram:{chat}", chat, setup.telegram, topics=topics)


def _apprise(spec: str, setup: ChannelSetup) -> Channel:
    # Apprise (0.15 s to import, with its plugins' dependencies) only when one is used.
    from bot.channels.apprise import AppriseChannel  # noqa: PLC0415

    return AppriseChannel(spec)


REGISTRY: dict[str, Callable[[str, str, ChannelSetup], Channel]] = {
    "console": _console,
    "jsonl": _jsonl,
    "telegram": _telegram,
}


def build_channels(specs: list[str], base: Path, *,
                   telegram: TelegramSender | None = None) -> dict[str, Channel]:
    """One channel per spec, keyed by its name (which names its deliveries in the store:
    the spec itself, except `telegram:<chat>` without options and a digest for Apprise
    URLs, which hold secrets)."""
    setup = ChannelSetup(base=base, telegram=telegram)
    out: dict[str, Channel] = {}
    for spec in specs:
        if "://" in spec:
            channel = _apprise(spec, setup)
        else:
            scheme, _, arg = spec.partition(":")
            factory = REGISTRY.get(scheme)
            if factory is None:
                known = ", ".join(sorted(REGISTRY))
                # Only the scheme is shown: a mistyped Apprise URL holds its secret after it.
                shown = f"{scheme[:12]}:…" if arg else f"{spec[:6]}…"
                raise ConfigError(f"unknown channel {shown!r} (known: {known}, or an Apprise "
                                  "URL such as slack://… or mailto://…)", key="channels")
            channel = factory(spec, arg, setup)
        if channel.name in out:
            raise ConfigError(f"channel {channel.name!r} is configured twice", key="channels")
        out[channel.name] = channel
    return out
