"""Rebuilding already-validated models from their JSON without validating again.

The cache holds data that passed validation when it was built; re-validating it on every
run would make Pydantic build the core schema of the whole model tree (tens of ms).
``model_construct`` skips that, but only one level deep, so this walks the nesting.
"""

from __future__ import annotations

import datetime
import types
import typing
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

# How to rebuild a field: a nested model, a list of them, or a date from ISO text.
_Plan = dict[str, tuple[str, Any]]


@cache
def _plan(cls: type[BaseModel]) -> _Plan:
    plan: _Plan = {}
    for name, info in cls.model_fields.items():
        kind = _kind(info.annotation)
        if kind is not None:
            plan[name] = kind
    return plan


def _kind(annotation: Any) -> tuple[str, Any] | None:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            if arg is not type(None):
                return _kind(arg)
        return None
    if origin is typing.Annotated:
        return _kind(typing.get_args(annotation)[0])
    if origin is list:
        (item,) = typing.get_args(annotation)
        if isinstance(item, type) and issubclass(item, BaseModel):
            return ("list", item)
        return None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return ("model", annotation)
    if annotation is datetime.date:
        return ("date", None)
    return None


def construct(cls: type[M], data: dict[str, Any]) -> M:
    """``cls`` from a ``model_dump(mode="json")`` of a valid instance, without validation."""
    values = dict(data)
    for name, (kind, sub) in _plan(cls).items():
        value = values.get(name)
        if value is None:
            continue
        if kind == "list":
            values[name] = [construct(sub, item) for item in value]
        elif kind == "model":
            values[name] = construct(sub, value)
        else:
            values[name] = datetime.date.fromisoformat(value)
    return cls.model_construct(**values)
