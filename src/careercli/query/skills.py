"""What the knowledge base says about one skill, and the skills listing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from careercli.kb.catalog import Catalog
from careercli.kb.shapes import TIERS, Tier

if TYPE_CHECKING:
    from careercli.kb.models import Skill


@dataclass(frozen=True)
class RoleNeed:
    role: str
    title: str
    tier: Tier
    groups: tuple[str, ...]


@dataclass(frozen=True)
class ListingCount:
    role: str
    title: str
    label: str
    count: int
    sample_size: int
    source: str


@dataclass(frozen=True)
class PhaseLink:
    role: str
    title: str
    roadmap: str
    phase: str


@dataclass(frozen=True)
class SkillDetail:
    skill: Skill
    needed_by: list[RoleNeed]
    listings: list[ListingCount]
    companions: list[tuple[str, int]]  # (skill id, roles needing both)
    taught_in: list[PhaseLink]
    industries: list[str]


def skill_detail(catalog: Catalog, skill_id: str, companions: int = 8) -> SkillDetail:
    skill = catalog.skill(skill_id)
    needs = [
        RoleNeed(role, catalog.role_title(role), TIERS[tier], tuple(groups))
        for role, tier, groups in catalog.needs_of_skill(skill_id)
    ]
    needs.sort(key=lambda n: (TIERS.index(n.tier), n.title))
    listings = [
        ListingCount(role, catalog.role_title(role), label, count, sample, source)
        for role, label, count, sample, source in catalog.listings_of_skill(skill_id)
    ]
    listings.sort(key=lambda c: (-c.count / c.sample_size, c.title))
    taught = [
        PhaseLink(role, catalog.role_title(role), roadmap, phase)
        for role, roadmap, phase in catalog.phases_of_skill(skill_id)
    ]
    industries = [i.name for i in catalog.industries if skill_id in i.skills]
    return SkillDetail(
        skill, needs, listings, catalog.companions(skill_id, companions), taught, industries
    )


def skill_json(catalog: Catalog, detail: SkillDetail) -> dict[str, object]:
    data: dict[str, object] = detail.skill.model_dump(mode="json")
    data["needed_by"] = [
        {"role": n.role, "title": n.title, "tier": n.tier, "groups": list(n.groups)}
        for n in detail.needed_by
    ]
    data["listing_frequencies"] = [
        {
            "role": c.role,
            "label": c.label,
            "count": c.count,
            "sample_size": c.sample_size,
            "source": c.source,
            "year": catalog.source_year(c.source),
        }
        for c in detail.listings
    ]
    data["often_with"] = [
        {"skill": s, "name": catalog.skill_name(s), "roles": n} for s, n in detail.companions
    ]
    data["taught_in"] = [
        {"role": p.role, "roadmap": p.roadmap, "phase": p.phase} for p in detail.taught_in
    ]
    data["industries"] = detail.industries
    return data


@dataclass(frozen=True)
class SkillRow:
    skill: Skill
    roles: int
    essential_for: int


def skill_rows(catalog: Catalog, category: str | None = None) -> list[SkillRow]:
    """Skills with how many roles need them, most needed first."""
    counts = catalog.skill_counts()
    rows = [
        SkillRow(s, *counts.get(s.id, (0, 0)))
        for s in catalog.skills()
        if category is None or s.category == category
    ]
    rows.sort(key=lambda r: (-r.roles, -r.essential_for, r.skill.name.casefold()))
    return rows
