"""What the knowledge base says about one skill, and the skills listing."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from careercli.kb.models import TIERS, Skill, Tier
from careercli.query.catalog import Catalog, role_skill_tiers


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
    skill = catalog.skills[skill_id]
    needs: list[RoleNeed] = []
    together: Counter[str] = Counter()
    listings: list[ListingCount] = []
    taught: list[PhaseLink] = []
    for role in catalog.kb.roles:
        tiers = role_skill_tiers(role)
        if skill_id in tiers:
            groups = tuple(
                g.group or g.text for g in role.skills if skill_id in g.skills and g.group
            )
            needs.append(RoleNeed(role.id, role.title, tiers[skill_id], groups))
            together.update(s for s in tiers if s != skill_id)
        for table in role.listing_frequencies:
            for item in table.items:
                if skill_id in item.skills:
                    listings.append(
                        ListingCount(
                            role.id,
                            role.title,
                            item.label,
                            item.count,
                            table.sample_size,
                            table.source,
                        )
                    )
        for roadmap in role.roadmaps:
            for phase in roadmap.phases:
                if skill_id in phase.skills:
                    taught.append(PhaseLink(role.id, role.title, roadmap.name, phase.name))
    needs.sort(key=lambda n: (TIERS.index(n.tier), n.title))
    listings.sort(key=lambda c: (-c.count / c.sample_size, c.title))
    ranked = sorted(together.items(), key=lambda kv: (-kv[1], catalog.skill_name(kv[0])))
    industries = [i.name for i in catalog.kb.industries if skill_id in i.skills]
    return SkillDetail(skill, needs, listings, ranked[:companions], taught, industries)


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
    counts: Counter[str] = Counter()
    essential: Counter[str] = Counter()
    for role in catalog.kb.roles:
        for sid, tier in role_skill_tiers(role).items():
            counts[sid] += 1
            essential[sid] += tier == "essential"
    rows = [
        SkillRow(s, counts[s.id], essential[s.id])
        for s in catalog.kb.skills
        if category is None or s.category == category
    ]
    rows.sort(key=lambda r: (-r.roles, -r.essential_for, r.skill.name.casefold()))
    return rows
