"""The sources in force are swapped whole on reload, never edited in place."""

from __future__ import annotations

import pytest

from bot.config.sourceset import SourcesChange, SourcesHolder
from watchers import Source


def src(id_: str, url: str = "http://127.0.0.1:9/feed") -> Source:
    return Source(id=id_, kind="rss", url=url)


def test_a_swap_reports_what_changed_and_leaves_the_earlier_view_alone() -> None:
    holder = SourcesHolder([src("a"), src("b"), src("c")])
    before = holder.current
    change = holder.swap([src("b"), src("c", "http://127.0.0.1:9/other"), src("d")])
    assert change == SourcesChange(added=["d"], removed=["a"], changed=["c"])
    assert sorted(before) == ["a", "b", "c"] and before["c"] == src("c")
    assert sorted(holder.current) == ["b", "c", "d"]


def test_the_mapping_in_force_cannot_be_edited_by_its_readers() -> None:
    holder = SourcesHolder([src("a")])
    with pytest.raises(TypeError):
        holder.current["b"] = src("b")  # type: ignore[index]
