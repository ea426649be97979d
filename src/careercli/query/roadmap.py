"""Roadmaps: a role's phases, and the career tracks between roles."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from careercli.kb.catalog import Catalog
from careercli.query.refs import SourceRef, source_refs
from careercli.query.timing import roadmap_total

if TYPE_CHECKING:
    from careercli.kb.models import CareerTrack, Duration, Role


@dataclass(frozen=True)
class Overview:
    tracks: list[CareerTrack]
    with_roadmap: list[tuple[Role, list[Duration]]]  # roles that have one, with totals
    sources: dict[str, SourceRef]


def overview(catalog: Catalog) -> Overview:
    roles = []
    summaries = [r for r in catalog.role_summaries() if r["has_roadmap"]]
    for summary in sorted(summaries, key=lambda r: str(r["title"]).casefold()):
        role = catalog.role(summary["id"])
        totals = [t for t in (roadmap_total(m) for m in role.roadmaps) if t is not None]
        roles.append((role, totals))
    return Overview(list(catalog.tracks), roles, source_refs(catalog))
