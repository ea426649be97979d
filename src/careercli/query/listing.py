"""The roles listing with its filters."""

from __future__ import annotations

from typing import Any

from careercli.kb.catalog import Catalog
from careercli.query.resolve import UnknownName


def list_roles(
    catalog: Catalog,
    track: str | None = None,
    family: str | None = None,
    limit: int | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """Role summaries filtered by track and pay family (id or name, any case), sorted by
    track, then title (the first ``limit``), and how many match in all.

    An unknown family is an :class:`UnknownName` listing the families there are.
    """
    ids = None
    if family:
        key = family.casefold()
        families = catalog.families.values()
        ids = {f.id for f in families if key in (f.id, f.name.casefold())}
        if not ids:
            names = ", ".join(f.name for f in families) or "none in this knowledge base"
            raise UnknownName(f"no pay family is named {family!r}; families: {names}")
    rows, total = catalog.role_summaries(track, ids, limit=limit)
    for row in rows:
        row["way_in"] = row["totals"][0] if row["totals"] else None  # a Duration
        row["family_name"] = catalog.families[row["family"]].name if row["family"] else None
    return rows, total
