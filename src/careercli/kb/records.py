"""Read-only entries rebuilt from the cache, without importing Pydantic.

The cache holds the JSON of entries that passed validation when it was built, and a
*plan*: for each model class, which of its fields hold another model, a list of them or
a date. A :class:`Record` has the same attributes as the model it was dumped from, the
model's methods (through :data:`careercli.kb.shapes.BEHAVIOUR`) and ``model_dump``, so the
query and render layers cannot tell the two apart; they are typed against the models.

Pydantic and the schema's classes are imported only to validate, which a warm lookup
never does.
"""

from __future__ import annotations

import datetime
from typing import Any, Literal

from careercli.kb.shapes import BEHAVIOUR

# class name -> {field: ("model" | "list" | "date", nested class name or None)}
Plan = dict[str, dict[str, tuple[str, str | None]]]


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
        return hash((type(self).__name__, *sorted(self.__dict__.items())))

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{type(self).__name__}({fields})"

    def model_dump(self, mode: Literal["json"] = "json") -> dict[str, Any]:
        """The fields as JSON data, as the model's ``model_dump(mode="json")`` gives them.

        Only JSON mode: a record has no Python-mode dump that would differ from it.
        """
        if mode != "json":
            raise ValueError(f"records dump only as JSON, not {mode!r}")
        return {k: _dump(v) for k, v in self.__dict__.items()}


def _dump(value: Any) -> Any:
    if isinstance(value, Record):
        return value.model_dump()
    if isinstance(value, list):
        return [_dump(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


_classes: dict[str, type[Record]] = {}


def record_class(name: str) -> type[Record]:
    """The record class standing for model class ``name`` (made once, with its methods)."""
    cls = _classes.get(name)
    if cls is None:
        bases = (Record, BEHAVIOUR[name]) if name in BEHAVIOUR else (Record,)
        cls = _classes[name] = type(name, bases, {"__slots__": ()})
    return cls


def make(name: str, **fields: Any) -> Any:
    """A record of model class ``name``; typed ``Any`` so callers may declare the model."""
    return record_class(name)(**fields)


class Rebuilder:
    """Turns JSON back into records, following the plan the cache was built with."""

    def __init__(self, plan: Plan) -> None:
        self._plan = plan

    def build(self, name: str, data: dict[str, Any]) -> Any:
        """A record of class ``name`` from a model's ``model_dump(mode="json")``."""
        values = dict(data)
        for field, (kind, sub) in self._plan.get(name, {}).items():
            value = values.get(field)
            if value is None:
                continue
            if kind == "list":
                values[field] = [self.build(sub or "", item) for item in value]
            elif kind == "model":
                values[field] = self.build(sub or "", value)
            else:
                values[field] = datetime.date.fromisoformat(value)
        return record_class(name)(**values)
