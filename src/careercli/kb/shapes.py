"""The KB's vocabulary and the behaviour of its entries, without Pydantic.

The Pydantic models in :mod:`careercli.kb.models` validate a KB once, when its cache is
built; a warm lookup reads :mod:`careercli.kb.records` instead and never imports
Pydantic (importing it and defining the schema's classes would cost more than the rest
of the lookup). Both get their methods from the mixins here, so a role or a duration
behaves the same whichever way it was made.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol

Tier = Literal["essential", "important", "useful"]
TIERS: tuple[Tier, ...] = ("essential", "important", "useful")
Track = Literal["technical", "specialized", "business", "leadership"]
Level = Literal["entry", "mid", "senior", "staff", "principal", "director", "any"]
LEVELS: tuple[Level, ...] = ("entry", "mid", "senior", "staff", "principal", "director", "any")
Unit = Literal["weeks", "months", "years"]


# A level as users name it: ``any`` in the KB marks a figure the source ties to no level.
LevelName = Literal["entry", "mid", "senior", "staff", "principal", "director", "overall"]


def level_name(level: str) -> str:
    """A level as shown (and as :data:`LevelName` has it)."""
    return "overall" if level == "any" else level


def parse_level(name: str) -> Level | None:
    """The KB's level for a name users type (``overall`` or ``any``, any case)."""
    folded = name.casefold()
    return next((lv for lv in LEVELS if folded in (lv, level_name(lv))), None)


SkillCategory = Literal[
    "language",
    "framework",
    "library",
    "platform",
    "tool",
    "concept",
    "math",
    "practice",
    "domain",
    "soft-skill",
    "business",
]


class _Span(Protocol):
    @property
    def min(self) -> int: ...
    @property
    def max(self) -> int | None: ...
    @property
    def unit(self) -> str: ...
    @property
    def open_ended(self) -> bool: ...


class _Group(Protocol):
    @property
    def tier(self) -> Tier: ...
    @property
    def skills(self) -> Sequence[str]: ...


class _Grouped(Protocol):
    @property
    def skills(self) -> Sequence[_Group]: ...


class DurationBehaviour:
    """A span of time as a seed states it: ``3-6 months``, ``24+ months``, ``Weeks 1-8``."""

    def label(self: _Span) -> str:
        if self.max is None or self.max == self.min:
            text = f"{self.min}"
        else:
            text = f"{self.min}-{self.max}"
        if self.open_ended:
            text += "+"
        unit = self.unit
        if self.min == 1 and self.max in (None, 1) and not self.open_ended:
            unit = unit[:-1]
        return f"{text} {unit}"


class RoleBehaviour:
    def tiers(self: _Grouped) -> dict[str, Tier]:
        """Each skill the role names, at the highest tier any of its skill groups gives it."""
        best: dict[str, Tier] = {}
        for group in self.skills:
            for skill_id in group.skills:
                current = best.get(skill_id)
                if current is None or TIERS.index(group.tier) < TIERS.index(current):
                    best[skill_id] = group.tier
        return best


# What each model class does beyond holding its fields, by class name (records use it).
BEHAVIOUR: dict[str, type] = {"Duration": DurationBehaviour, "Role": RoleBehaviour}
