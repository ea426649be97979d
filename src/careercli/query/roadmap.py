"""Roadmaps: a role's phases, and the career tracks between roles."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from careercli.kb.catalog import Catalog
from careercli.query.refs import SourceRef, source_refs

if TYPE_CHECKING:
    from careercli.kb.models import CareerTrack, Duration


@dataclass(frozen=True)
class Overview:
    tracks: list[CareerTrack]
    with_roadmap: list[tuple[str, str, list[Duration]]]  # (id, title, totals) of roles with one
    roles_with_roadmap: int  # how many in all (with_roadmap may be the first few)
    sources: dict[str, SourceRef]


def overview(catalog: Catalog, limit: int | None = None) -> Overview:
    summaries, total = catalog.role_summaries(with_roadmap=True, by="title", limit=limit)
    roles = [(r["id"], r["title"], r["totals"]) for r in summaries]
    return Overview(list(catalog.tracks), roles, total, source_refs(catalog))
