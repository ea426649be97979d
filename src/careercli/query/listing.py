"""The roles listing with its filters."""

from __future__ import annotations

from careercli.kb.models import Industry, Role
from careercli.query.catalog import Catalog

TRACK_ORDER = ("technical", "specialized", "business", "leadership", None)


def list_roles(catalog: Catalog, track: str | None = None, family: str | None = None) -> list[Role]:
    """Roles filtered by track and pay family (id or name, any case), by track then title."""
    rows = list(catalog.kb.roles)
    if track:
        rows = [r for r in rows if r.track == track.casefold()]
    if family:
        key = family.casefold()
        ids = {f.id for f in catalog.kb.salary_families if key in (f.id, f.name.casefold())}
        rows = [r for r in rows if r.salary_family in ids]
    rows.sort(key=lambda r: (TRACK_ORDER.index(r.track), r.title.casefold()))
    return rows


def industry_json(industry: Industry) -> dict[str, object]:
    return industry.model_dump(mode="json")
