"""The roles listing with its filters."""

from __future__ import annotations

from typing import Any

from careercli.kb.catalog import Catalog
from careercli.query.resolve import UnknownName

TRACK_ORDER = ("technical", "specialized", "business", "leadership", None)


def list_roles(
    catalog: Catalog, track: str | None = None, family: str | None = None
) -> list[dict[str, Any]]:
    """Role summaries filtered by track and pay family (id or name, any case).

    Sorted by track, then title. An unknown family is an :class:`UnknownName` listing the
    families there are.
    """
    rows = catalog.role_summaries()
    if track:
        rows = [r for r in rows if r["track"] == track.casefold()]
    if family:
        key = family.casefold()
        families = catalog.families.values()
        ids = {f.id for f in families if key in (f.id, f.name.casefold())}
        if not ids:
            names = ", ".join(f.name for f in families) or "none in this knowledge base"
            raise UnknownName(f"no pay family is named {family!r}; families: {names}")
        rows = [r for r in rows if r["family"] in ids]
    for row in rows:
        row["way_in"] = row["totals"][0] if row["totals"] else None  # a Duration
        row["family_name"] = catalog.families[row["family"]].name if row["family"] else None
    rows.sort(key=lambda r: (TRACK_ORDER.index(r["track"]), r["title"].casefold()))
    return rows
