"""Counts that say what a knowledge base holds."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from careercli.kb.models import KnowledgeBase


def summarise(kb: KnowledgeBase) -> dict[str, int]:
    """Entry counts by kind, in a stable order."""
    return {
        "sources": len(kb.sources),
        "roles": len(kb.roles),
        "skills": len(kb.skills),
        "salaries": sum(len(r.salaries) for r in kb.roles)
        + sum(len(f.levels) for f in kb.salary_families),
        "listing_frequencies": sum(len(t.items) for r in kb.roles for t in r.listing_frequencies),
        "roadmaps": sum(len(r.roadmaps) for r in kb.roles),
        "roadmap_phases": sum(len(m.phases) for r in kb.roles for m in r.roadmaps),
        "career_tracks": len(kb.career_tracks),
        "industries": len(kb.industries),
    }
