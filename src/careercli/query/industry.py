"""Industry applications (``careercli industry``): the list, or one resolved by name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from careercli.kb.catalog import Catalog
from careercli.query.refs import SourceRef, source_refs
from careercli.query.resolve import Candidate, ListIndex, resolve

if TYPE_CHECKING:
    from careercli.kb.models import Industry


@dataclass(frozen=True)
class Industries:
    industries: list[Industry]
    sources: dict[str, SourceRef]


def industries(catalog: Catalog, name: str | None = None) -> Industries:
    """Every industry, or the one ``name`` resolves to (a ResolveError if none does)."""
    found = list(catalog.industries)
    if name is not None:
        index = ListIndex([Candidate(i.id, i.name, tuple(i.aliases)) for i in found])
        wanted = resolve(name, index, "industry").id
        found = [i for i in found if i.id == wanted]
    return Industries(found, source_refs(catalog))
