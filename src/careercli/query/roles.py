"""Everything ``careercli role`` shows about one role, gathered from the catalog."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from careercli.kb.catalog import Catalog
from careercli.kb.shapes import TIERS, Tier
from careercli.query.salary import PayFigure, role_pay
from careercli.query.timing import roadmap_total

if TYPE_CHECKING:
    from careercli.kb.models import Duration, Roadmap, Role, Source


@dataclass(frozen=True)
class Progress:
    """How much of a role's skills a profile already has."""

    essential_have: int
    essential_total: int
    all_have: int
    all_total: int

    @staticmethod
    def pct(have: int, total: int) -> int:
        return round(100 * have / total) if total else 0

    def as_json(self) -> dict[str, int]:
        return {
            "essential_have": self.essential_have,
            "essential_total": self.essential_total,
            "essential_pct": self.pct(self.essential_have, self.essential_total),
            "all_have": self.all_have,
            "all_total": self.all_total,
            "all_pct": self.pct(self.all_have, self.all_total),
        }


@dataclass(frozen=True)
class Link:
    kind: str  # parent, specialization, related
    name: str
    role: str | None
    note: str | None


@dataclass(frozen=True)
class RoleDetail:
    role: Role
    pay: list[PayFigure]
    totals: list[tuple[Roadmap, Duration | None]]
    links: list[Link]
    sources: list[Source]
    have: frozenset[str] = field(default_factory=frozenset)
    progress: Progress | None = None


def progress(role: Role, have: Iterable[str]) -> Progress:
    owned = set(have)
    tiers = role.tiers()
    essential = [s for s, t in tiers.items() if t == "essential"]
    return Progress(
        essential_have=sum(s in owned for s in essential),
        essential_total=len(essential),
        all_have=sum(s in owned for s in tiers),
        all_total=len(tiers),
    )


def role_links(catalog: Catalog, role: Role) -> list[Link]:
    links: list[Link] = []
    if role.parent:
        links.append(Link("parent", catalog.role_title(role.parent), role.parent, None))
    for kind, items in (("specialization", role.specializations), ("related", role.related)):
        for item in items:
            name = catalog.role_title(item.role) if item.role else item.name
            links.append(Link(kind, name, item.role, item.note))
    known = {link.role for link in links if link.role}
    for child in catalog.children(role.id):
        if child not in known:
            links.append(Link("specialization", catalog.role_title(child), child, None))
    return links


def role_detail(catalog: Catalog, role_id: str, have: Iterable[str] | None = None) -> RoleDetail:
    role = catalog.role(role_id)
    catalog.preload_names("skill", (s for g in role.skills for s in g.skills))
    owned = frozenset(have or ())
    return RoleDetail(
        role=role,
        pay=role_pay(catalog, role),
        totals=[(m, roadmap_total(m)) for m in role.roadmaps],
        links=role_links(catalog, role),
        sources=[catalog.sources[s] for s in role.sources],
        have=owned,
        progress=progress(role, owned) if have is not None else None,
    )


def skills_by_tier(role: Role) -> dict[Tier, list[int]]:
    """Indexes into ``role.skills`` grouped by tier, tiers in importance order."""
    grouped: dict[Tier, list[int]] = {t: [] for t in TIERS}
    for i, group in enumerate(role.skills):
        grouped[group.tier].append(i)
    return {t: idx for t, idx in grouped.items() if idx}


def role_json(catalog: Catalog, detail: RoleDetail) -> dict[str, object]:
    data: dict[str, object] = detail.role.model_dump(mode="json")
    data["pay"] = [f.as_json() for f in detail.pay]
    data["roadmap_totals"] = [
        {
            "roadmap": m.name,
            "total": t.model_dump(mode="json") if t else None,
            "stated_by_source": m.total is not None,
            "source": m.source,
            "year": catalog.source_year(m.source),
        }
        for m, t in detail.totals
    ]
    data["links"] = [
        {"kind": k.kind, "name": k.name, "role": k.role, "note": k.note} for k in detail.links
    ]
    data["source_details"] = [s.model_dump(mode="json") for s in detail.sources]
    data["skill_names"] = {s: catalog.skill_name(s) for g in detail.role.skills for s in g.skills}
    data["progress"] = detail.progress.as_json() if detail.progress else None
    return data
