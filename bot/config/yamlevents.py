"""YAML read fast with libyaml (C), keeping each key's and item's line, for the rule files.

ruamel's round-trip loader (bot/config/yamlfile.py) is pure Python: it took about half
of a compile of the bundled rules. Here libyaml parses, and the document is built from
its events with every key's and item's line, as `line_of` reads them from ruamel's
containers. Only what the rule files use is built this way: mappings, sequences and
scalars that read alike in YAML 1.2 (ruamel's) and here. Anything else (an anchor or
alias, a tag, a merge key or any other plain scalar that is not plainly a string, a
number or a constant, a duplicate or complex key, a YAML directive, nesting past
MAX_DEPTH, a syntax error) makes the file be read by `load_yaml`
instead, so it gives what it always gave: the same values or the same error.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from bot.config.yamlfile import MAX_DEPTH, MAX_VALUES, LinedList, LinedMap, load_yaml

__all__ = ["load_yaml_fast"]


# ruamel's own resolver (YAML 1.2) says what a plain scalar is; a string, a constant or
# a number written plainly is built here, any other type (a date, a merge key, an octal
# or hex number ...) is left to ruamel's loader
_RESOLVER = VersionedResolver(version=None)
_TAG = "tag:yaml.org,2002:"
_CONSTANTS = {"~": None, "null": None, "Null": None, "NULL": None, "": None,
              "true": True, "True": True, "TRUE": True,
              "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")  # ruamel gives int for these
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+")  # and a float (ScalarFloat) for these
_UNREAD = object()  # what is left to ruamel's loader
_LIBYAML = getattr(yaml, "CSafeLoader", None)
_KEY = object()  # a mapping waits for a key


def _scalar(event: yaml.ScalarEvent) -> Any:
    value = event.value
    if event.anchor is not None or event.tag is not None:
        return _UNREAD
    tag = _RESOLVER.resolve(ScalarNode, value, event.implicit)
    if tag == _TAG + "str":
        return value
    if tag in (_TAG + "null", _TAG + "bool") and value in _CONSTANTS:
        return _CONSTANTS[value]
    if tag == _TAG + "int" and _INT.fullmatch(value):
        return int(value)
    return float(value) if tag == _TAG + "float" and _FLOAT.fullmatch(value) else _UNREAD


class _Builder:
    """The document, built event by event; `add` says False for what it leaves to ruamel."""

    def __init__(self) -> None:
        self.doc: Any = None
        self.open: list[Any] = []  # the containers not closed yet
        self.keys: list[Any] = []  # of each open mapping, the key read (and its line) or _KEY
        self.values = 0

    def add(self, value: Any, line: int) -> bool:
        self.values += 1
        if value is _UNREAD or self.values > MAX_VALUES:
            return False
        if not self.open:
            self.doc = value
            return True
        top = self.open[-1]
        if isinstance(top, LinedList):
            top.append(value)
            top.lines.append(line)
        elif self.keys[-1] is _KEY:
            if isinstance(value, (dict, list)) or value in top:  # a complex or duplicate key
                return False
            self.keys[-1] = (value, line)
        else:
            key, key_line = self.keys[-1]
            top[key] = value
            top.lines[key] = key_line
            self.keys[-1] = _KEY
        return True

    def start(self, container: LinedMap | LinedList, line: int) -> bool:
        if len(self.open) >= MAX_DEPTH or not self.add(container, line):
            return False
        self.open.append(container)
        self.keys.append(_KEY)
        return True

    def end(self) -> None:
        self.open.pop()
        self.keys.pop()


def _line(event: yaml.Event) -> int:
    return event.start_mark.line if event.start_mark is not None else 0  # libyaml marks all


def _build(text: str, libyaml: Any) -> Any:
    """The document of text, or _UNREAD (yaml.YAMLError on a syntax error)."""
    built = _Builder()
    documents = 0
    for event in yaml.parse(text, Loader=libyaml):
        if isinstance(event, yaml.ScalarEvent):
            done = built.add(_scalar(event), _line(event))
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            done = event.anchor is None and event.tag is None and built.start(
                LinedMap() if isinstance(event, yaml.MappingStartEvent) else LinedList(),
                _line(event))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            built.end()
            done = True
        elif isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            done = documents == 1 and event.version is None and not event.tags
        else:  # an alias is _UNREAD; the stream's and documents' ends are nothing
            done = not isinstance(event, yaml.AliasEvent)
        if not done:
            return _UNREAD
    return built.doc


def load_yaml_fast(path: Path) -> Any:
    """What `load_yaml(path)` gives, with LinedMap and LinedList for ruamel's containers
    and builtin scalars for its scalar types: built from libyaml's events when the file
    holds only what reads alike, else `load_yaml(path)` itself."""
    if _LIBYAML is None:  # PyYAML built without libyaml: no faster than ruamel's
        return load_yaml(path)
    try:
        doc = _build(path.read_text(encoding="utf-8"), _LIBYAML)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        doc = _UNREAD
    return load_yaml(path) if doc is _UNREAD else doc  # the same values, or the same error
