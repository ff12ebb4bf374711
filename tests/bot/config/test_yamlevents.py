"""The rule files read with libyaml give what ruamel's loader gives: the same values and
the same line for every key and item; what libyaml's reader does not build (anchors,
tags, unusual numbers, errors) is read by ruamel's, as before."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml.comments import CommentedMap

from bot.config import yamlevents
from bot.config.options import BUNDLED_RULES
from bot.config.yamlevents import load_yaml_fast
from bot.config.yamlfile import LinedList, LinedMap, YamlSyntaxError, line_of, load_yaml, plain


def _paths(node: Any, at: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """Every key and item path of a document."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*at, key)
            yield from _paths(value, (*at, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield (*at, i)
            yield from _paths(value, (*at, i))


def _typed(node: Any) -> Any:
    """plain(node) with each scalar's type and repr, so 1, 1.0 and True differ."""
    if isinstance(node, dict):
        return {k: _typed(v) for k, v in plain(node).items()}
    if isinstance(node, list):
        return [_typed(v) for v in node]
    return (type(plain(node)).__name__, repr(plain(node)))


def _same(path: Path) -> Any:
    fast, slow = load_yaml_fast(path), load_yaml(path)
    assert _typed(fast) == _typed(slow)
    for at in _paths(slow):
        assert line_of(fast, at) == line_of(slow, at), at
    return fast


@pytest.mark.parametrize("path", sorted(BUNDLED_RULES.rglob("*.yaml")),
                         ids=lambda p: p.relative_to(BUNDLED_RULES).as_posix())
def test_every_bundled_rule_file_reads_alike_and_fast(path: Path) -> None:
    doc = _same(path)
    assert doc is None or isinstance(doc, (LinedMap, LinedList))  # not left to ruamel


TEXTS = {
    "block": "id: t\nterms:\n  a:\n    - India\n    -   Japan\n  b: [x,\n      y]\n",
    "nested items": "ex:\n  - title: a\n    text: |\n      one\n      two\n  -\n    title: b\n",
    "scalars": "a: 1\nb: -2\nc: 2.5\nd: true\ne: False\nf: null\ng: ~\nh:\ni: no\nj: on\n"
               "k: 'quoted: yes'\nl: \"x\\ty\"\nm: >\n  folded\n  text\n\nn: 0\n",
    "flow": "{a: [1, {b: c}], d: [], e: {}}\n",
    "comments": "# head\na: b  # tail\n\n\nc:\n  - d # x\n",
    "empty": "",
    "unicode": "भारत: [जापान, 日本]\n日豪: 協定\n",
}


@pytest.mark.parametrize("name", TEXTS)
def test_texts_read_alike(name: str, tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(TEXTS[name], encoding="utf-8")
    doc = _same(path)
    assert not isinstance(doc, CommentedMap)


@pytest.mark.parametrize("text", [
    "a: &x [1]\nb: *x\n",  # anchors and aliases
    "a: !!str 3\n",  # tags
    "base: &b {x: 1}\nc:\n  <<: *b\n",  # merge keys
    "a: 010\nb: 1_000\nc: 0x1f\nd: 1e3\ne: .inf\nf: +1\ng: 2024-01-01\n",  # other numbers
    "%YAML 1.1\n---\na: yes\n",  # a YAML 1.1 document: "yes" is true there
    "a: 1\n---\nb: 2\n",  # two documents
    "a: 1\na: 2\n",  # a duplicate key
    "? [a, b]\n: c\n",  # a complex key
    "a: [1\n",  # a syntax error
    "a:\n\tb: 1\n",  # a tab
])
def test_what_reads_otherwise_is_left_to_ruamel(text: str, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    left: list[Path] = []

    def ruamel(p: Path) -> Any:
        left.append(p)
        return load_yaml(p)

    monkeypatch.setattr(yamlevents, "load_yaml", ruamel)
    try:
        expected: Any = load_yaml(path)
    except YamlSyntaxError as exc:
        with pytest.raises(YamlSyntaxError) as raised:
            load_yaml_fast(path)
        assert str(raised.value) == str(exc)
    else:
        assert _typed(load_yaml_fast(path)) == _typed(expected)
    assert left == [path]


def test_nesting_past_the_limit_is_left_to_ruamel(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("a: " + "[" * 100 + "]" * 100 + "\n", encoding="utf-8")
    with pytest.raises(YamlSyntaxError, match="nested more than"):
        load_yaml_fast(path)
