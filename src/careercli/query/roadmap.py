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
    sources: dict[str, SourceRef]


def overview(catalog: Catalog) -> Overview:
    summaries = [r for r in catalog.role_summaries() if r["has_roadmap"]]
    summaries.sort(key=lambda r: str(r["title"]).casefold())
    roles = [(r["id"], r["title"], r["totals"]) for r in summaries]
    return Overview(list(catalog.tracks), roles, source_refs(catalog))
