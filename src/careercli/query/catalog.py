"""Lookups by id over a validated knowledge base."""

from __future__ import annotations

from dataclasses import dataclass, field

from careercli.kb.models import (
    TIERS,
    KnowledgeBase,
    Role,
    SalaryFamily,
    Skill,
    Source,
    Tier,
)


@dataclass(frozen=True)
class Catalog:
    """The knowledge base with id indexes. Ids are guaranteed to resolve by the loader."""

    kb: KnowledgeBase
    roles: dict[str, Role] = field(init=False)
    skills: dict[str, Skill] = field(init=False)
    sources: dict[str, Source] = field(init=False)
    families: dict[str, SalaryFamily] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "roles", {r.id: r for r in self.kb.roles})
        object.__setattr__(self, "skills", {s.id: s for s in self.kb.skills})
        object.__setattr__(self, "sources", {s.id: s for s in self.kb.sources})
        object.__setattr__(self, "families", {f.id: f for f in self.kb.salary_families})

    def skill_name(self, skill_id: str) -> str:
        return self.skills[skill_id].name

    def role_title(self, role_id: str) -> str:
        return self.roles[role_id].title

    def source_label(self, source_id: str) -> str:
        """``Title (2025)``, or ``Title (year not stated)``."""
        source = self.sources[source_id]
        year = source.year or (source.published.year if source.published else None)
        return f"{source.title} ({year if year else 'year not stated'})"

    def source_year(self, source_id: str) -> int | None:
        source = self.sources[source_id]
        return source.year or (source.published.year if source.published else None)


def role_skill_tiers(role: Role) -> dict[str, Tier]:
    """Each skill the role names, at the highest tier any of its skill groups gives it."""
    tiers: dict[str, Tier] = {}
    for group in role.skills:
        for skill_id in group.skills:
            current = tiers.get(skill_id)
            if current is None or TIERS.index(group.tier) < TIERS.index(current):
                tiers[skill_id] = group.tier
    return tiers
