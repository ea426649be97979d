"""A role's roadmap laid on the calendar (``careercli plan``): each phase's start and end
date from a start date, at the pace of the user's background where a source states one,
with the phases the profile already covers marked done and the rest moved earlier.

Phase times are read as the source gives them (``by 3-6 months`` since the start, or
``weeks 9-14``); a range is planned at its upper end, so a plan is one the source's own
figures can keep. With a background timeline (seed 003: *ML background: 9-12 months*),
the phase dates are the roadmap's, scaled to that timeline's total: the scaling is
careercli's, the source states only the total.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, get_args

from careercli.kb.catalog import Catalog
from careercli.query.refs import SourceRef, source_refs
from careercli.text import normalise

if TYPE_CHECKING:
    from careercli.kb.models import Duration, Roadmap, Role, Timeline

Background = Literal["beginner", "ml", "full-time"]
BACKGROUNDS: tuple[Background, ...] = get_args(Background)
# The timeline label each background stands for (seed 003's complete_beginner,
# ml_background and full_time_accelerated), compared normalised.
BACKGROUND_LABELS: dict[str, str] = {
    "beginner": "complete beginner",
    "ml": "ml background",
    "full-time": "full time accelerated",
}
DAYS_A_MONTH = 365.2425 / 12


@dataclass(frozen=True)
class PlannedPhase:
    name: str
    duration: Duration | None  # the phase's time as the source states it
    length: float  # in the plan's unit (the roadmap's, or the timeline's when scaled)
    start: datetime.date
    end: datetime.date
    done: bool  # every skill it teaches is in the profile (at working level or above)
    skills: list[str]  # names
    have: list[str]  # names of those in the profile
    skill_ids: tuple[str, ...] = ()  # the ids of ``skills``

    @property
    def last_day(self) -> datetime.date:
        """The phase's last day (``end`` is the day after, where the next phase starts)."""
        return max(self.start, self.end - datetime.timedelta(days=1))


@dataclass(frozen=True)
class Plan:
    role_id: str
    role_title: str
    roadmap: str  # its name
    timing: str  # how the roadmap states phase times: "elapsed" or "span"
    source: str  # the roadmap's source id
    start: datetime.date
    end: datetime.date
    unit: str  # the unit of the phase lengths
    phases: list[PlannedPhase]
    timeline: Timeline | None  # the background's timeline, when the plan is scaled to it
    background: str | None  # the background asked for
    saved: float  # time the done phases no longer take, in ``unit``
    sources: dict[str, SourceRef]

    @property
    def total(self) -> float:
        return sum(p.length for p in self.phases if not p.done)

    @property
    def last_day(self) -> datetime.date:
        """The plan's last day (``end`` is the day after)."""
        return max(self.start, self.end - datetime.timedelta(days=1))


class NoRoadmap(Exception):
    """The role has no roadmap with phase times; ``nearest`` has one (or None)."""

    def __init__(self, title: str, nearest: tuple[str, str] | None) -> None:
        super().__init__(title)
        self.title = title
        self.nearest = nearest


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` plus whole calendar months, kept within the month (Jan 31 + 1 = Feb 28/29)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class BeyondCalendar(Exception):
    """A date of the plan falls after the year 9999."""


def after(start: datetime.date, amount: float, unit: str) -> datetime.date:
    """The date ``amount`` units after ``start``: whole months by the calendar, the rest
    (and weeks) in days."""
    try:
        if unit == "weeks":
            return start + datetime.timedelta(days=round(amount * 7))
        months = round(amount * 12 if unit == "years" else amount, 6)  # 11.9999... is 12
        whole = int(months)
        return add_months(start, whole) + datetime.timedelta(
            days=round((months - whole) * DAYS_A_MONTH)
        )
    except (ValueError, OverflowError):
        raise BeyondCalendar from None


def _high(d: Duration) -> int:
    return d.max if d.max is not None else d.min


def in_months(amount: float, unit: str) -> float:
    return {"weeks": amount * 7 / DAYS_A_MONTH, "months": amount, "years": amount * 12}[unit]


def phase_lengths(roadmap: Roadmap) -> tuple[list[float], str] | None:
    """Each phase's length, planned at the upper end of its range, in the roadmap's unit;
    None unless every phase states its time in one unit."""
    times = [p.duration for p in roadmap.phases]
    if not times or any(t is None for t in times):
        return None
    durations = [t for t in times if t is not None]
    unit = durations[0].unit
    if any(t.unit != unit for t in durations):
        return None
    lengths: list[float] = []
    if roadmap.timing == "span":  # weeks 9-14: the phase spans those weeks
        lengths = [float(_high(t) - t.min + 1) for t in durations]
    else:  # by 6-12 months: the time since the start by the phase's end
        end = 0.0
        for t in durations:
            lengths.append(max(_high(t) - end, 0.0))
            end = max(end, float(_high(t)))
    return lengths, unit


def plannable(role: Role) -> Roadmap | None:
    """The role's first roadmap whose phases all state their time."""
    return next((m for m in role.roadmaps if phase_lengths(m) is not None), None)


def background_timeline(role: Role, background: str) -> Timeline | None:
    want = BACKGROUND_LABELS[background]
    return next((t for t in role.timelines if normalise(t.label) == want), None)


def make_plan(
    catalog: Catalog,
    role_id: str,
    start: datetime.date,
    background: str | None = None,
    have: frozenset[str] = frozenset(),
) -> Plan:
    """The role's plan from ``start``; NoRoadmap when it has none to plan."""
    role = catalog.role(role_id)
    roadmap = plannable(role)
    if roadmap is None:
        raise NoRoadmap(role.title, nearest_with_roadmap(catalog, role_id))
    found = phase_lengths(roadmap)
    assert found is not None
    lengths, unit = found
    timeline = background_timeline(role, background) if background else None
    if timeline is not None:  # scale the phases to the background's total
        whole = sum(lengths)
        target = float(_high(timeline.duration))
        scale = target / whole if whole else 1.0
        lengths = [x * scale for x in lengths]
        unit = timeline.duration.unit
    names = {}
    for p in roadmap.phases:
        for s in p.skills:
            names[s] = catalog.skill_name(s)
    phases: list[PlannedPhase] = []
    at = start
    saved = 0.0
    offset = 0.0
    for phase, length in zip(roadmap.phases, lengths, strict=True):
        done = bool(phase.skills) and all(s in have for s in phase.skills)
        if done:
            saved += length
            begin = end = at
        else:
            begin = at
            offset += length
            end = after(start, offset, unit)
            at = end
        phases.append(
            PlannedPhase(
                name=phase.name,
                duration=phase.duration,
                length=length,
                start=begin,
                end=end,
                done=done,
                skills=[names[s] for s in phase.skills],
                have=[names[s] for s in phase.skills if s in have],
                skill_ids=tuple(phase.skills),
            )
        )
    return Plan(
        role_id=role_id,
        role_title=role.title,
        roadmap=roadmap.name,
        timing=roadmap.timing,
        source=roadmap.source,
        start=start,
        end=at,
        unit=unit,
        phases=phases,
        timeline=timeline,
        background=background,
        saved=saved,
        sources=source_refs(catalog),
    )


def nearest_with_roadmap(catalog: Catalog, role_id: str) -> tuple[str, str] | None:
    """(id, title) of the role sharing most skills with ``role_id`` that has a roadmap to
    plan: its parent first, when it has one."""
    role = catalog.role(role_id)
    candidates = [role.parent] if role.parent else []
    candidates += [r.role for r in (*role.related, *role.specializations) if r.role]
    candidates += [other for other, _, _ in catalog.overlaps(role_id, 50)]
    for other in dict.fromkeys(c for c in candidates if c and c != role_id):
        if plannable(catalog.role(other)) is not None:
            return other, catalog.role_title(other)
    return None
