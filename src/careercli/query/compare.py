"""Roles side by side: shared and unique skills, overlap, pay, time to get in."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from careercli.kb.catalog import Catalog
from careercli.kb.shapes import LEVELS, Level
from careercli.query.names import by_name
from careercli.query.refs import SourceRef
from careercli.query.roles import RoleDetail, role_detail
from careercli.query.timing import WayIn, ways_in


@dataclass(frozen=True)
class Overlap:
    a: str
    b: str
    a_title: str
    b_title: str
    shared: int
    union: int

    @property
    def pct(self) -> int:
        """Shared skills as a share of all skills the two roles name (Jaccard)."""
        return round(100 * self.shared / self.union) if self.union else 100


@dataclass(frozen=True)
class Comparison:
    details: list[RoleDetail]
    shared: list[str]  # skills every role names, by name
    unique: dict[str, list[str]]  # role id -> skills only that role names, by name
    overlaps: list[Overlap]
    time: dict[str, list[WayIn]]  # role id -> ways in
    levels: list[Level]  # the levels any role has pay for, in career order
    names: dict[str, str]  # skill id -> name, for every skill of every role
    sources: dict[str, SourceRef]


def compare(
    catalog: Catalog, role_ids: list[str], have: frozenset[str] | None = None
) -> Comparison:
    details = [role_detail(catalog, r, have, whole=False) for r in role_ids]
    names = {s: n for d in details for s, n in d.skill_names.items()}
    sets = {d.role.id: set(d.tiers) for d in details}
    shared = set.intersection(*sets.values()) if sets else set()
    unique = {}
    for i, r in enumerate(role_ids):
        others = set().union(*(sets[o] for j, o in enumerate(role_ids) if j != i))
        unique[r] = by_name(sets[r] - others, names)
    titles = {d.role.id: d.role.title for d in details}
    overlaps = [
        Overlap(a, b, titles[a], titles[b], len(sets[a] & sets[b]), len(sets[a] | sets[b]))
        for a, b in combinations(role_ids, 2)
    ]
    levels = sorted({f.level for d in details for f in d.pay}, key=LEVELS.index)
    time = {d.role.id: ways_in(d.role) for d in details}
    sources = details[0].sources if details else {}
    return Comparison(
        details, by_name(shared, names), unique, overlaps, time, levels, names, sources
    )
