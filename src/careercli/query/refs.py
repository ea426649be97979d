"""What a view needs to cite a source: every figure on a page names its document and year."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from careercli.kb.catalog import Catalog

if TYPE_CHECKING:
    from careercli.kb.models import Source


@dataclass(frozen=True)
class SourceRef:
    id: str
    title: str
    short: str  # a few words for narrow columns (the title when the KB gives none)
    year: int | None  # the year its figures refer to, else the year it was published
    file: str  # the seed document it was curated from
    entry: Source = field(repr=False, compare=False)  # all the KB says of it, for --json


def source_refs(catalog: Catalog) -> dict[str, SourceRef]:
    """Every source of the KB (a handful: they are read with the KB's metadata)."""
    return {
        sid: SourceRef(sid, s.title, s.short or s.title, catalog.source_year(sid), s.file, s)
        for sid, s in catalog.sources.items()
    }
