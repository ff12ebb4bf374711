"""The `defwatch` command line: one module per command family.

The console script imports this package and calls `main`, which loads the command line
only then. A worker process started with `spawn` runs the script's imports again (as
`__mp_main__`) before its first task; with `bot.cli.main` there, each worker of `once`
loaded the configuration's models and pydantic for nothing (~0.1 s of CPU).
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    from bot.cli.main import main as run  # noqa: PLC0415 (see the module's doc)

    return run(argv)
