"""YAML loading that keeps line numbers, so every error can point at FILE:LINE."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from watchers import DefwatchError

# A loader of one YAML file: load_yaml, or bot/config/yamlevents.py's faster one
YamlLoad = Callable[[Path], Any]


class YamlSyntaxError(DefwatchError):
    def __init__(self, file: str, line: int, message: str) -> None:
        super().__init__(f"{file}:{line}: {message}")
        self.file = file
        self.line = line
        self.message = message


# Anchors and aliases let a few hundred bytes stand for billions of values ("billion
# laughs"); everything downstream walks the expanded tree. No real file comes near this.
MAX_VALUES = 1_000_000
# ruamel composes recursively and runs out of stack near 300 levels (a raw RecursionError);
# no rule or config file needs a tenth of this.
MAX_DEPTH = 64


def load_yaml(path: Path) -> Any:
    """Parse a file into ruamel's commented containers (which remember line numbers)."""
    yaml = YAML(typ="rt")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise YamlSyntaxError(str(path), 1, f"cannot read: {exc}") from exc
    too_deep = f"YAML nested more than {MAX_DEPTH} levels deep"
    try:
        doc = yaml.load(text)
    except MarkedYAMLError as exc:
        problem = str(exc.problem or exc)
        # An unclosed quote or bracket is found further down: point at where it opened.
        unclosed = any(w in problem for w in ("end of stream", "<stream end>", "expected ','"))
        mark = (exc.context_mark if unclosed else None) or exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise YamlSyntaxError(str(path), line, explain_yaml(problem)) from exc
    except RecursionError:
        raise YamlSyntaxError(str(path), _deep_line(text), too_deep) from None
    values, depth = _size(doc, MAX_VALUES)
    if values > MAX_VALUES:
        raise YamlSyntaxError(str(path), 1, f"YAML aliases expand this file to more than "
                                            f"{MAX_VALUES:,} values")
    if depth > MAX_DEPTH:
        raise YamlSyntaxError(str(path), _deep_line(text), too_deep)
    return doc


# The YAML parser's words for common slips, and what they usually mean.
_EXPLAINED = (
    ("found character '\\t'", "a tab character: YAML indents with spaces only"),
    ("expected <block end>", "the indentation does not line up: keys (and `- ` items) of "
                             "one block must start in the same column, and nothing may "
                             "follow a quoted value on its line"),
    ("mapping values are not allowed here", "a colon where none can be: put a value "
                                            "containing ': ' in quotes (\"a: b\"), or "
                                            "check the indentation of this line"),
    ("could not find expected ':'", "a line without its colon (key: value), or a quote "
                                    "that is not closed"),
    ("found unexpected end of stream", "a quote opened here is never closed"),
    ("expected ',' or ']'", "a [list] opened here is not closed with ] (or lacks a comma)"),
    ("expected ',' or '}'", "a {mapping} opened here is not closed with } (or lacks a comma)"),
    ("found duplicate key", "a key written twice in one mapping: keep one"),
    ("found undefined alias", "a value starting with * names an anchor (&name) that is "
                              "not defined: put the value in quotes"),
    ("that cannot start any token", "this character cannot start a plain value: put the "
                                    "value in quotes"),
)


def explain_yaml(problem: str) -> str:
    """The parser's message, led by what it usually means in plain words."""
    for words, meaning in _EXPLAINED:
        if words in problem:
            return f"YAML syntax: {meaning} (the parser says: {problem})"
    return f"YAML syntax: {problem}"


def _size(doc: Any, limit: int) -> tuple[int, int]:
    """Values in the tree, aliases expanded (counting stops past `limit`), and its depth."""
    stack = [(doc, 0)]
    seen = deepest = 0
    while stack and seen <= limit:
        node, depth = stack.pop()
        seen += 1
        deepest = max(deepest, depth)
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node)
    return seen, deepest


def _deep_line(text: str) -> int:
    """1-based line where nesting first goes past MAX_DEPTH: flow brackets plus block
    indentation levels, read roughly (quotes are not parsed); 1 when never."""
    flow = 0
    indents: list[int] = []
    for number, line in enumerate(text.splitlines(), 1):
        content = line.lstrip(" ")
        if content and not content.startswith("#") and flow == 0:
            width = len(line) - len(content)
            while indents and indents[-1] >= width:
                indents.pop()
            indents.append(width)
        for char in content:
            flow += (char in "[{") - (char in "]}")
            if flow + len(indents) > MAX_DEPTH + 1:
                return number
    return 1


class LinedMap(dict[Any, Any]):
    """A mapping that knows the 0-based line of each of its keys, as ruamel's does
    (built by bot/config/yamlevents.py)."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[Any, int] = {}

    def at(self, key: str | int) -> tuple[int, Any] | None:
        """The line of a key and its value, if it is one."""
        return (self.lines[key], self[key]) if key in self else None


class LinedList(list[Any]):
    """A sequence that knows the 0-based line of each of its items."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[int] = []

    def at(self, index: str | int) -> tuple[int, Any] | None:
        """The line of an item and the item, if there is one at index."""
        if isinstance(index, int) and 0 <= index < len(self):
            return self.lines[index], self[index]
        return None


def line_of(node: Any, path: Sequence[str | int] = ()) -> int:
    """1-based line of the deepest key/item along `path` that exists; 1 when unknown."""
    line = 1
    for part in path:
        if isinstance(node, CommentedMap) and part in node:
            line = node.lc.key(part)[0] + 1
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and part < len(node):
            line = node.lc.item(part)[0] + 1
            node = node[part]
        elif isinstance(node, (LinedMap, LinedList)) and (found := node.at(part)):
            line, node = found[0] + 1, found[1]
        else:
            break
    return line


def plain(node: Any) -> Any:
    """ruamel containers and scalars as plain dicts, lists and builtins."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    # ruamel's scalar subclasses (ScalarFloat, ScalarBoolean…) become the builtin; bool
    # comes before int because bool is an int.
    for builtin in (str, bool, int, float):
        if isinstance(node, builtin):
            return builtin(node)
    return node
