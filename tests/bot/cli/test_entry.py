"""The console script's entry point loads nothing but itself: worker processes started
with `spawn` import the script again, and pay for whatever it imports."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

# a fresh interpreter: this one has imported the command line long before
SCRIPT = """
import sys
from {module} import {name}
print(*sorted(m for m in ('bot.cli.main', 'bot.config.options', 'pydantic', 'bot.service.app')
              if m in sys.modules))
"""


def test_the_console_script_imports_no_command_until_it_runs() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    module, name = scripts["defwatch"].split(":")
    out = subprocess.run([sys.executable, "-c", SCRIPT.format(module=module, name=name)],
                         capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.split() == []


def test_the_entry_point_runs_the_command_line() -> None:
    out = subprocess.run([sys.executable, "-c", "import sys; from bot.cli import main; "
                          "sys.exit(main(['--version']))"],
                         capture_output=True, text=True, timeout=120, check=False)
    assert (out.returncode, out.stdout.split()[0]) == (0, "defwatch")
