"""Roadmaps: a role's phases, and the career tracks between roles."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from careercli.kb.catalog import Catalog
from careercli.query.roles import RoleDetail
from careercli.query.timing import roadmap_total

if TYPE_CHECKING:
    from careercli.kb.models import CareerTrack, Duration, Role


@dataclass(frozen=True)
class Overview:
    tracks: list[CareerTrack]
    with_roadmap: list[tuple[Role, list[Duration]]]  # roles that have one, with totals


def overview(catalog: Catalog) -> Overview:
    roles = []
    summaries = [r for r in catalog.role_summaries() if r["has_roadmap"]]
    for summary in sorted(summaries, key=lambda r: str(r["title"]).casefold()):
        role = catalog.role(summary["id"])
        totals = [t for t in (roadmap_total(m) for m in role.roadmaps) if t is not None]
        roles.append((role, totals))
    return Overview(list(catalog.tracks), roles)


def overview_json(ov: Overview) -> dict[str, object]:
    return {
        "career_tracks": [t.model_dump(mode="json") for t in ov.tracks],
        "roles_with_roadmap": [
            {"id": r.id, "title": r.title, "totals": [t.model_dump(mode="json") for t in totals]}
            for r, totals in ov.with_roadmap
        ],
    }


def roadmap_json(catalog: Catalog, detail: RoleDetail) -> dict[str, object]:
    role = detail.role
    return {
        "role": role.id,
        "title": role.title,
        "roadmaps": [
            {
                **m.model_dump(mode="json"),
                "computed_total": t.model_dump(mode="json") if t else None,
                "year": catalog.source_year(m.source),
            }
            for m, t in detail.totals
        ],
        "timelines": [tl.model_dump(mode="json") for tl in role.timelines],
        "progression": [s.model_dump(mode="json") for s in role.progression],
        "progress": detail.progress.as_json() if detail.progress else None,
        "have": sorted(detail.have),
    }
