"""General career guidance (``careercli guide``): skill priorities by career stage and the
sources' advice blocks (importance scale, progression factors, action items...)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from careercli.kb.catalog import Catalog
from careercli.query.refs import SourceRef, source_refs

if TYPE_CHECKING:
    from careercli.kb.models import CareerStage, TextBlock


@dataclass(frozen=True)
class Guide:
    stages: list[CareerStage]
    blocks: list[TextBlock]
    sources: dict[str, SourceRef]


def guide(catalog: Catalog, topic: str | None = None) -> Guide:
    """Every stage and block, or those whose heading or name holds every word of ``topic``."""
    stages, blocks = list(catalog.stages), list(catalog.guidance)
    if topic:
        words = topic.casefold().split()

        def fits(text: str | None) -> bool:
            return text is not None and all(w in text.casefold() for w in words)

        stages = [s for s in stages if fits(s.name)]
        blocks = [b for b in blocks if fits(b.heading)]
    return Guide(stages, blocks, source_refs(catalog))
