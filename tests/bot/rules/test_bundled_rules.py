"""The rules that come with defwatch: rules/ in a checkout, the wheel's copy once installed.

rules/ stays the one source; pyproject.toml's data-files carry it into a wheel under
share/defwatch/rules, and bot.config.bundled_rules finds that copy through the installed
distribution's file list.
"""

from __future__ import annotations

import importlib.metadata
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from bot.config.options import BUNDLED_RULES, RULES_DATA_DIR, bundled_rules

ROOT = Path(__file__).resolve().parents[3]


def _packaged() -> dict[str, str]:
    """Each file the data-files table takes from rules/, and where it installs it."""
    table = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for dest, patterns in table["tool"]["setuptools"]["data-files"].items():
        for pattern in patterns:
            for path in ROOT.glob(pattern):
                out[path.relative_to(ROOT).as_posix()] = f"{dest}/{path.name}"
    return out


def test_every_file_of_rules_goes_into_the_wheel_where_the_loader_looks() -> None:
    files = {p.relative_to(ROOT).as_posix() for p in (ROOT / "rules").rglob("*")
             if p.is_file() and not p.name.startswith(".")}
    packaged = _packaged()
    assert set(packaged) == files, "add a data-files entry for each new folder of rules/"
    for source, installed in packaged.items():
        assert installed == RULES_DATA_DIR + source.removeprefix("rules")


def test_a_checkout_uses_its_own_rules() -> None:
    assert bundled_rules(ROOT) == ROOT / "rules" == BUNDLED_RULES


def test_an_install_uses_the_copy_its_wheel_put_under_the_prefix(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "lib" / "site-packages"
    rules = tmp_path / RULES_DATA_DIR
    (site / "bot").mkdir(parents=True)
    (rules / "lexicon").mkdir(parents=True)
    (rules / "sources.yaml").write_text("sources: []\n", encoding="utf-8")
    info = site / "defwatch_probe-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: defwatch-probe\n"
                                   "Version: 1.0\n", encoding="utf-8")
    # pip records data files relative to site-packages, as it does for a real wheel
    (info / "RECORD").write_text(f"bot/config/options.py,,\n../../{RULES_DATA_DIR}/sources.yaml,,\n"
                                 f"../../{RULES_DATA_DIR}/lexicon/people.yaml,,\n",
                                 encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    assert bundled_rules(site, "defwatch-probe") == rules.resolve()


def test_without_a_checkout_or_an_install_the_missing_path_is_named(tmp_path: Path) -> None:
    assert bundled_rules(tmp_path, "defwatch-not-installed") == tmp_path / "rules"


def _setuptools_builds_offline() -> bool:
    try:
        major = int(importlib.metadata.version("setuptools").split(".")[0])
    except importlib.metadata.PackageNotFoundError:
        return False
    return major >= 77  # what pyproject's build-system asks for


@pytest.mark.skipif(not _setuptools_builds_offline(),
                    reason="building a wheel offline needs setuptools>=77 in this environment")
def test_the_wheel_carries_the_rules(tmp_path: Path) -> None:
    # Built from a copy: setuptools leaves a build/ folder beside the sources it builds.
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    for name in ("bot", "watchers", "rules"):
        shutil.copytree(ROOT / name, src / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "--no-index", "-q", "-w", str(tmp_path), str(src)], check=True)
    [wheel] = tmp_path.glob("defwatch-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    data = f"{wheel.name.split('-py')[0]}.data/data/"
    for source, installed in _packaged().items():
        assert data + installed in names, source
