"""Entries read back from the cache: the validated JSON, as read-only attribute views.

The cache holds each entry as its model's ``model_dump(mode="json")``, written after
validation; :func:`decode` turns every JSON object in it into a :class:`Record` whose
attributes are the object's keys. Records know nothing of the schema (no class per model,
no plan): the Pydantic models in :mod:`careercli.kb.models` stay the one schema, used to
validate when a cache is built, which a warm lookup never does (defining them costs more
than the rest of the lookup). So the models hold data and validation only: behaviour
lives in functions (:func:`careercli.kb.shapes.skill_tiers`, the renderers' labels) that
read attributes, which models and records have alike. The test suite runs warm, so a
model-only call (``model_copy``) in a query or a view fails it.
"""

from __future__ import annotations

import json
from typing import Any


class Record:
    """One entry: its fields as attributes, read-only, equal when the fields are."""

    __slots__ = ("__dict__",)

    def __init__(self, **fields: Any) -> None:
        self.__dict__.update(fields)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        # Like a frozen model's: equal records hash alike; a list field makes it unhashable.
        return hash(tuple(sorted(self.__dict__.items())))

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"Record({fields})"

    def model_dump(self, mode: str = "json") -> dict[str, Any]:
        """The JSON it was read from, as the model's ``model_dump(mode="json")`` gave it."""
        if mode != "json":
            raise ValueError(f"records dump only as JSON, not {mode!r}")
        return {k: _dump(v) for k, v in self.__dict__.items()}


def _dump(value: Any) -> Any:
    if isinstance(value, Record):
        return value.model_dump()
    if isinstance(value, list):
        return [_dump(v) for v in value]
    return value


def _record(fields: dict[str, Any]) -> Record:
    return Record(**fields)


def decode(text: str | bytes) -> Any:
    """JSON text with every object read as a :class:`Record`; typed ``Any`` so callers may
    declare the model it was dumped from."""
    return json.loads(text, object_hook=_record)
