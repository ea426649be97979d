"""Roles side by side: shared and unique skills, overlap, pay, time to get in."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from careercli.kb.catalog import Catalog
from careercli.kb.shapes import Tier
from careercli.query.roles import RoleDetail, role_detail
from careercli.query.timing import WayIn, ways_in


@dataclass(frozen=True)
class Overlap:
    a: str
    b: str
    shared: int
    union: int

    @property
    def pct(self) -> int:
        """Shared skills as a share of all skills the two roles name (Jaccard)."""
        return round(100 * self.shared / self.union) if self.union else 100


@dataclass(frozen=True)
class Comparison:
    details: list[RoleDetail]
    tiers: dict[str, dict[str, Tier]]  # role id -> skill id -> tier
    shared: list[str]  # skills every role names
    unique: dict[str, list[str]]  # role id -> skills only that role names
    overlaps: list[Overlap]

    def time_to_get_in(self, role_id: str) -> list[WayIn]:
        detail = next(d for d in self.details if d.role.id == role_id)
        return ways_in(detail.role)


def compare(
    catalog: Catalog, role_ids: list[str], have: frozenset[str] | None = None
) -> Comparison:
    details = [role_detail(catalog, r, have) for r in role_ids]
    tiers = {r: catalog.role(r).tiers() for r in role_ids}
    sets = {r: set(t) for r, t in tiers.items()}
    shared = set.intersection(*sets.values()) if sets else set()

    def by_name(ids: set[str]) -> list[str]:
        return sorted(ids, key=lambda s: catalog.skill_name(s).casefold())

    unique = {}
    for i, r in enumerate(role_ids):
        others = set().union(*(sets[o] for j, o in enumerate(role_ids) if j != i))
        unique[r] = by_name(sets[r] - others)
    overlaps = [
        Overlap(a, b, len(sets[a] & sets[b]), len(sets[a] | sets[b]))
        for a, b in combinations(role_ids, 2)
    ]
    return Comparison(details, tiers, by_name(shared), unique, overlaps)


def comparison_json(catalog: Catalog, comp: Comparison) -> dict[str, object]:
    roles = []
    for d in comp.details:
        rid = d.role.id
        roles.append(
            {
                "id": rid,
                "title": d.role.title,
                "track": d.role.track,
                "skills": comp.tiers[rid],
                "unique_skills": comp.unique[rid],
                "pay": [f.as_json() for f in d.pay],
                "time_to_get_in": [
                    w.as_json(catalog.source_year(w.source)) for w in comp.time_to_get_in(rid)
                ],
                "qualifications": [q.model_dump(mode="json") for q in d.role.qualifications],
                "progress": d.progress.as_json() if d.progress else None,
            }
        )
    return {
        "roles": roles,
        "shared_skills": comp.shared,
        "overlap": [
            {"a": o.a, "b": o.b, "shared": o.shared, "union": o.union, "pct": o.pct}
            for o in comp.overlaps
        ],
    }
