"""Environment values, each also readable from a file: `NAME_FILE=/run/secrets/name`.

Docker and Podman secrets arrive as files, so a token need not sit in the container's
environment (where `docker inspect` and /proc show it). The file's content is the value,
without its final newline.
"""

from __future__ import annotations

import os
from pathlib import Path

from bot.errors import ConfigError

__all__ = ["env_value"]


def env_value(name: str) -> str | None:
    """$NAME, else the content of the file $NAME_FILE names, else None."""
    value = os.environ.get(name)
    file = os.environ.get(f"{name}_FILE")
    if not file:
        return value
    if value:
        raise ConfigError(f"set {name} or {name}_FILE, not both")
    try:
        text = Path(file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ConfigError(f"{name}_FILE: cannot read {file}: {reason}") from exc
    return text.removesuffix("\n").removesuffix("\r") or None
