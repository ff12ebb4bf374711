"""`cache:`: where compiled rule sets are kept between starts, or `off`."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config.options import load_config


def test_the_default_is_under_the_users_cache_folder(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert load_config(None).cache == tmp_path / "xdg" / "defwatch"
    # a relative XDG_CACHE_HOME is to be ignored (the XDG spec): then ~/.cache
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert load_config(None).cache == tmp_path / "home" / ".cache" / "defwatch"


@pytest.mark.parametrize(("value", "expected"), [
    ("off", None), ("Off", None), ("false", None),
    ("cache", "here/cache"), ("/var/cache/defwatch", "/var/cache/defwatch"),
])
def test_a_path_beside_the_config_or_off(tmp_path: Path, value: str,
                                         expected: str | None) -> None:
    (tmp_path / "here").mkdir()
    path = tmp_path / "here" / "defwatch.yaml"
    path.write_text(f"cache: {value}\n")
    want = None if expected is None else tmp_path / expected  # an absolute one stays
    assert load_config(str(path)).cache == want
