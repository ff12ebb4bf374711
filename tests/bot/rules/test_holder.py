"""Hot reload: a good edit takes effect, a broken one is logged with FILE:LINE and the
rules in force keep matching."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest

from bot.config.options import BUNDLED_RULES
from bot.rules.holder import RulesHolder

TEXT = ("Defence Minister Rajnath Singh spoke with Japanese Defence Minister Nakatani Gen "
        "about naval cooperation between India and Japan.")


def touch_later(path: Path) -> None:
    """Move the mtime forward so the change is seen even within the clock's resolution."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(BUNDLED_RULES, target)
    return target


def test_broken_edit_keeps_old_rules_and_names_file_and_line(
        rules: Path, caplog: pytest.LogCaptureFixture) -> None:
    holder = RulesHolder(rules)
    before = holder.current.match_text("Talks", TEXT).rule_ids
    assert "india-japan" in before
    path = rules / "india-japan.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("require:"))
    end = next(i for i in range(at + 1, len(lines) + 1)
               if i == len(lines) or (lines[i] and not lines[i].startswith(" ")))
    lines[at:end] = ["require: india and jpan"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    touch_later(path)
    with caplog.at_level(logging.ERROR, logger="defwatch.rules"):
        assert holder.reload_if_changed() is False
    assert holder.reload_errors == 1
    assert f"india-japan.yaml:{at + 1}: require:" in caplog.text
    assert "jpan" in caplog.text
    assert holder.current.match_text("Talks", TEXT).rule_ids == before


def test_yaml_syntax_error_is_located(rules: Path, caplog: pytest.LogCaptureFixture) -> None:
    holder = RulesHolder(rules)
    path = rules / "malabar.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "terms: [unclosed\n", encoding="utf-8")
    touch_later(path)
    with caplog.at_level(logging.ERROR, logger="defwatch.rules"):
        assert holder.reload_if_changed() is False
    assert "malabar.yaml:" in caplog.text
    assert "malabar" in holder.current.rules


def test_good_edit_takes_effect(rules: Path) -> None:
    holder = RulesHolder(rules)
    old_version = holder.current.version
    (rules / "malabar.yaml").unlink()
    assert holder.reload_if_changed() is True
    assert "malabar" not in holder.current.rules
    assert holder.current.version != old_version
    assert holder.reload_if_changed() is False, "no change, no reload"
