"""How long a roadmap takes, read the way its source states the phases."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from careercli.kb.records import Record

if TYPE_CHECKING:
    from careercli.kb.models import Duration, Roadmap, Role


def roadmap_total(roadmap: Roadmap) -> Duration | None:
    """The whole roadmap's time.

    A total the source states wins. Otherwise, for ``elapsed`` timing the last phase's
    range is the total (its range is time since the start); for ``span`` timing the end
    of the last phase is.
    """
    if roadmap.total is not None:
        return roadmap.total
    timed = [p.duration for p in roadmap.phases if p.duration is not None]
    if not timed:
        return None
    last = timed[-1]
    if roadmap.timing == "elapsed":
        return last
    end = last.max if last.max is not None else last.min
    total: Duration = Record(  # type: ignore[assignment]  # a Duration's fields, as records have
        min=end, max=None, unit=last.unit, open_ended=last.open_ended
    )
    return total


@dataclass(frozen=True)
class WayIn:
    """One answer to "how long does it take", with where it comes from."""

    what: str  # the roadmap's name or the timeline's starting point
    duration: Duration
    source: str
    stated: bool  # False when read off the end of the last phase


def ways_in(role: Role) -> list[WayIn]:
    """Roadmap totals, then the source's own timelines by starting point."""
    out = [
        WayIn(m.name, t, m.source, m.total is not None)
        for m in role.roadmaps
        if (t := roadmap_total(m)) is not None
    ]
    out += [WayIn(tl.label, tl.duration, tl.source, True) for tl in role.timelines]
    return out
