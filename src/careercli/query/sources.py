"""Where the knowledge base's facts come from (``careercli sources``)."""

from __future__ import annotations

from dataclasses import dataclass

from careercli.kb.catalog import Catalog
from careercli.query.refs import SourceRef, source_refs


@dataclass(frozen=True)
class SourceUse:
    """One source document: what the KB takes from it and which roles cite it."""

    ref: SourceRef
    roles: list[str]  # titles of the roles whose entry cites it, in file order
    pay: int  # pay figures it gives
    listings: int  # listing counts (how often job listings ask for a skill)
    tracks: list[str]  # career tracks it states
    industries: list[str]  # industries it describes
    guidance: int  # blocks of general guidance


def kb_sources(catalog: Catalog) -> list[SourceUse]:
    """Every source of the KB, in the order the KB lists them."""
    uses = catalog.source_uses()
    guidance: dict[str, int] = {}
    for block in catalog.guidance:
        guidance[block.source] = guidance.get(block.source, 0) + 1
    return [
        SourceUse(
            ref=ref,
            roles=uses[sid]["roles"],
            pay=uses[sid]["pay"],
            listings=uses[sid]["listings"],
            tracks=[t.name for t in catalog.tracks if t.source == sid],
            industries=[i.name for i in catalog.industries if i.source == sid],
            guidance=guidance.get(sid, 0),
        )
        for sid, ref in source_refs(catalog).items()
    ]
