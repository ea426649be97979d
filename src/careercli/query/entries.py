"""The KB entry types that query results hand on (a role, its roadmaps, a career track).

Views type what they draw with these names, so that they depend on the query layer only;
at run time the entries are records read from the cache (:mod:`careercli.kb.records`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from careercli.kb.models import (
        CareerStage,
        CareerTrack,
        Duration,
        Industry,
        Roadmap,
        Role,
        Skill,
        Stage,
        TextBlock,
    )

__all__ = [
    "CareerStage", "CareerTrack", "Duration", "Industry", "Roadmap", "Role", "Skill", "Stage",
    "TextBlock",
]  # fmt: skip
