"""What the knowledge base says about one skill, and the skills listing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from careercli.kb.catalog import Catalog
from careercli.kb.shapes import TIERS, Tier
from careercli.query.refs import SourceRef, source_refs

if TYPE_CHECKING:
    from careercli.kb.models import Skill


SKILL_ROLES = 30  # roles listed on a skill's page before "… N more" (without --all)


@dataclass(frozen=True)
class RoleNeed:
    role: str
    title: str
    tier: Tier
    groups: tuple[str, ...]
    via: str | None = None  # the role's skill implying this one (the KB's curation)
    kb: str | None = None  # of several KBs loaded, the one the role comes from


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
class Companion:
    skill: str
    name: str
    roles: int  # how many roles need both


@dataclass(frozen=True)
class SkillDetail:
    skill: Skill
    needed_by: list[RoleNeed]  # the first of them, when the page asked for a limit
    needed_total: int  # how many roles need it in all
    listings: list[ListingCount]
    companions: list[Companion]
    taught_in: list[PhaseLink]
    industries: list[str]
    sources: dict[str, SourceRef]


def skill_detail(
    catalog: Catalog, skill_id: str, companions: int = 8, roles: int | None = None
) -> SkillDetail:
    """The skill's page: ``roles`` caps the roles needing it (None: every one), named
    ones first, by tier and title: the order is defined (and sorted, in SQL) by
    :meth:`Catalog.needs_of_skill`, not here."""
    skill = catalog.skill(skill_id)
    found, total = catalog.needs_of_skill(skill_id, roles)
    # titles come with the rows (a skill O*NET rates is needed by hundreds of roles)
    catalog.preload_names("skill", (via for *_, via in found if via))
    needs = [
        RoleNeed(role, title, TIERS[tier], tuple(groups),
                 catalog.skill_name(via) if via else None, kb)
        for role, title, kb, tier, groups, via in found
    ]  # fmt: skip
    counted = catalog.listings_of_skill(skill_id)
    catalog.preload_names("role", (role for role, *_ in counted))
    listings = [
        ListingCount(role, catalog.role_title(role), label, count, sample, source)
        for role, label, count, sample, source in counted
    ]
    listings.sort(key=lambda c: (-c.count / c.sample_size, c.title))
    phases = catalog.phases_of_skill(skill_id)
    catalog.preload_names("role", (role for role, *_ in phases))
    taught = [
        PhaseLink(role, catalog.role_title(role), roadmap, phase) for role, roadmap, phase in phases
    ]
    industries = [i.name for i in catalog.industries if skill_id in i.skills]
    pairs = catalog.companions(skill_id, companions)
    catalog.preload_names("skill", (s for s, _ in pairs))
    together = [Companion(s, catalog.skill_name(s), n) for s, n in pairs]
    return SkillDetail(
        skill, needs, total, listings, together, taught, industries, source_refs(catalog)
    )


@dataclass(frozen=True)
class SkillRow:
    id: str
    name: str
    category: str
    aliases: list[str]
    roles: int
    essential_for: int


def skill_rows(
    catalog: Catalog, category: str | None = None, limit: int | None = None
) -> tuple[list[SkillRow], int]:
    """Skills with how many roles need them, most needed first (the first ``limit``), and
    how many there are in all."""
    found, total = catalog.skill_summaries(category, limit)
    return [SkillRow(*row) for row in found], total
