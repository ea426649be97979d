"""How long a roadmap takes, read the way its source states the phases."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from careercli.kb.shapes import roadmap_total

if TYPE_CHECKING:
    from careercli.kb.models import Duration, Role


@dataclass(frozen=True)
class WayIn:
    """One answer to "how long does it take", with where it comes from."""

    what: str  # the roadmap's name or the timeline's starting point
    duration: Duration
    source: str
    stated: bool  # False when read off the end of the last phase
    roadmap: bool = False  # a whole roadmap's time (else a timeline by starting point)
    from_zero: bool = False  # a timeline for starting with none of the role's skills
    background: tuple[str, ...] = ()  # skills the timeline's starting point has


def ways_in(role: Role) -> list[WayIn]:
    """Roadmap totals, then the source's own timelines by starting point."""
    out = [
        WayIn(m.name, t, m.source, m.total is not None, roadmap=True)
        for m in role.roadmaps
        if (t := roadmap_total(m)) is not None
    ]
    out += [
        WayIn(tl.label, tl.duration, tl.source, True, False, tl.from_zero, tuple(tl.background))
        for tl in role.timelines
    ]
    return out
