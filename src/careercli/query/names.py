"""Skill names for many ids at once, and ids in name order: what most pages need of names
(apart from the role page's own module, so a page that fits or plans imports only this)."""

from __future__ import annotations

from collections.abc import Iterable

from careercli.kb.catalog import Catalog


def skill_names(catalog: Catalog, ids: Iterable[str]) -> dict[str, str]:
    """id -> name of each skill, read in one query."""
    wanted = list(dict.fromkeys(ids))
    catalog.preload_names("skill", wanted)
    return {s: catalog.skill_name(s) for s in wanted}


def by_name(ids: Iterable[str], names: dict[str, str]) -> list[str]:
    """Skill ids sorted by their names, ignoring case."""
    return sorted(ids, key=lambda s: names[s].casefold())
