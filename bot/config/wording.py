"""pydantic's validation errors as a person would say them, each located at FILE:LINE.

pydantic words its errors for programmers ("Value error, …", "Input should be a valid
integer, unable to parse string as an integer", "String should match pattern '^https?://'")
and a `Path | list` field fails in both branches. Here every error becomes one
(where, key, message) in plain words, the union's shallower branch dropped.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from bot.config.yamlfile import line_of

__all__ = ["located", "plain_message"]

Loc = list[str | int]

_PLAIN = {
    "list_type": "must be a list",
    "dict_type": "must be a mapping of keys",
    "model_type": "must be a mapping of keys",
    "model_attributes_type": "must be a mapping of keys",
    "string_type": "must be text",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "path_type": "must be a path",
}
# What a field's pattern asks for, said in words.
_PATTERNS = {
    r"^[a-z0-9][a-z0-9_.-]*$": "must be lowercase letters, digits, '.', '_' or '-' "
                               "(starting with a letter or digit)",
    r"^https?://": "must be an http:// or https:// URL",
}
# A field that takes one of two shapes: what to say when the value has neither.
_EITHER = {"sources": "must be a path to a sources file or a list of sources"}


def _clean(loc: Sequence[str | int]) -> Loc:
    """The location without pydantic's union branch tags ("list[SourceConfig]", …)."""
    return [p for p in loc
            if isinstance(p, int) or ("[" not in p and not p.startswith("function-"))]


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model whose keys are valid at `loc` (the path to a mapping), if any."""
    current: type[BaseModel] | None = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        field = current.model_fields.get(part)
        current = _model_in(field.annotation) if field is not None else None
    return current


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is not None:
        for arg in typing.get_args(annotation):
            if (found := _model_in(arg)) is not None:
                return found
    return None


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _unknown_key(model: type[BaseModel], loc: Loc) -> str:
    known = _model_at(model, loc[:-1])
    if known is None:
        return "unknown key"
    names = [n for n in known.model_fields if n != "path"]  # `path` is not written by users
    close = difflib.get_close_matches(str(loc[-1]), names, n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown key{hint}; known keys: {', '.join(names)}"


_BOUNDS = {"greater_than_equal": ("at least", "ge"), "less_than_equal": ("at most", "le"),
           "greater_than": ("more than", "gt"), "less_than": ("less than", "lt")}


def plain_message(err: ErrorDetails, model: type[BaseModel], loc: Loc) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "extra_forbidden":
        return _unknown_key(model, loc)
    if kind == "value_error":  # our own validators' words, without pydantic's prefix
        return str(ctx.get("error", err["msg"]))
    if kind == "missing":
        return "is required"
    if kind == "literal_error":
        said = f"must be one of {str(ctx.get('expected', '')).replace(chr(39), '')}"
    elif kind in _BOUNDS:
        words, name = _BOUNDS[kind]
        said = f"must be {words} {ctx.get(name)}"
    elif kind == "string_pattern_mismatch":
        said = _PATTERNS.get(str(ctx.get("pattern")), "is not in the expected form")
    elif kind in _PLAIN:
        said = _PLAIN[kind]
    else:
        return str(err["msg"])
    return f"{said}, not {_short(err.get('input'))}"


def located(exc: ValidationError, name: str, doc: Any, model: type[BaseModel], *,
            at: Loc | None = None) -> list[tuple[str, str, str]]:
    """Every error of `exc` as (FILE:LINE, key, plain message), in document order.

    `doc` is the YAML node the model was validated from (None: no file, no line); `at` is
    where that node sits in the file's sources list (a sources file's item index)."""
    prefix = at or []
    errors = [(_clean(e["loc"]), e) for e in exc.errors()]
    # A union field fails in each branch; an error deeper down says what is wrong.
    deeper = {tuple(loc[:n]) for loc, _ in errors for n in range(len(loc))}
    seen: dict[tuple[str | int, ...], tuple[str, str, str]] = {}
    for loc, err in errors:
        key_loc = tuple(loc)
        if key_loc in deeper:
            continue
        if key_loc in seen:  # both branches failed at the field itself
            where, key, _ = seen[key_loc]
            seen[key_loc] = (where, key, _EITHER.get(str(loc[-1]), "has the wrong type"))
            continue
        full = [*prefix, *loc]
        key = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in full).lstrip(".")
        if prefix:
            key = f"sources{key}"
        where = f"{name}:{line_of(doc, full)}" if doc is not None else name
        seen[key_loc] = (where, key, plain_message(err, model, loc))
    return sorted(seen.values(), key=lambda p: _line(p[0]))


def _line(where: str) -> int:
    tail = where.rpartition(":")[2]
    return int(tail) if tail.isdigit() else 0
