"""Durations (`30s`, `10m`, `2h`, `7d`) and sizes (`512KiB`, `15MiB`) as written in config."""

from __future__ import annotations

import re

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$")
_DURATION_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(B|KB|KiB|MB|MiB|GB|GiB)?\s*$")
_SIZE_UNITS = {"B": 1, "KB": 1000, "KiB": 1024, "MB": 1000**2, "MiB": 1024**2,
               "GB": 1000**3, "GiB": 1024**3}


def parse_duration(value: str | float) -> float:
    """Seconds from `90`, `30s`, `10m`, `2h`, `7d`; a bare number means seconds."""
    if isinstance(value, int | float):
        return float(value)
    m = _DURATION.match(value)
    if not m:
        raise ValueError(f"not a duration: {value!r} (write e.g. 30s, 10m, 2h)")
    return float(m.group(1)) * _DURATION_UNITS[m.group(2) or "s"]


def parse_size(value: str | int) -> int:
    """Bytes from `1024`, `512KiB`, `15MiB`; a bare number means bytes."""
    if isinstance(value, int):
        return value
    m = _SIZE.match(value)
    if not m:
        raise ValueError(f"not a size: {value!r} (write e.g. 512KiB, 15MiB)")
    return int(float(m.group(1)) * _SIZE_UNITS[m.group(2) or "B"])
