"""How far along a role the profile is (``careercli progress``) and what to learn next
(``careercli next``), from the profile's skills, levels and dated history."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from careercli.kb.catalog import Catalog
from careercli.kb.shapes import skill_tiers
from careercli.query.matching import fit
from careercli.query.names import skill_names
from careercli.query.refs import SourceRef, source_refs
from careercli.query.roles import Progress, progress
from careercli.query.transition import ToAdd, transition

if TYPE_CHECKING:
    from careercli.profile import Event, Profile

ACTIVITY_WEEKS = 12  # weeks the activity strip shows by default


@dataclass(frozen=True)
class PhaseDone:
    roadmap: str
    name: str
    skills: list[str]  # names, in the phase's order
    have: list[str]  # names of those the profile holds at working level or above
    source: str
    skill_ids: list[str] = field(default_factory=list)  # the ids of ``skills``

    @property
    def done(self) -> bool:
        return bool(self.skills) and len(self.have) == len(self.skills)


@dataclass(frozen=True)
class Change:
    """One dated change of a skill the profile holds now."""

    date: datetime.date
    skill: str  # its id
    name: str
    level: str | None
    for_role: bool  # the role needs it


def reached(profile: Profile) -> list[Event]:
    """For each skill the profile holds now at working level or above, the change that
    last took it there from below (or from nothing): when it was done, once a skill."""
    from careercli.profile import HAS_IT

    level: dict[str, str | None] = {}
    done: dict[str, Event] = {}
    for e in profile.history:
        if e.skill is None:
            continue
        before = level.get(e.skill)
        level[e.skill] = e.level if e.action in ("add", "level") else None
        if level[e.skill] in HAS_IT and before not in HAS_IT:
            done[e.skill] = e
    return sorted(
        (e for s, e in done.items() if profile.level(s) in HAS_IT),
        key=lambda e: (e.date, e.skill or ""),
    )


@dataclass(frozen=True)
class ProgressReport:
    role_id: str
    title: str
    overall: Progress
    levels: Counter[str]  # the role's skills in the profile, by level
    phases: list[PhaseDone]
    this_month: list[Change]  # skills added or raised to working level this month
    activity: dict[datetime.date, int]  # changes a day, over the days shown
    first_day: datetime.date  # the first day of the strip (a Monday)
    today: datetime.date
    sources: dict[str, SourceRef]


def progress_report(
    catalog: Catalog,
    role_id: str,
    profile: Profile,
    held: frozenset[str],
    today: datetime.date,
    weeks: int = ACTIVITY_WEEKS,
) -> ProgressReport:
    """The role's progress for ``held`` (the profile's skills at working level or above)."""

    role = catalog.role(role_id)
    tiers = skill_tiers(role)
    needed = set(tiers) | {s for m in role.roadmaps for p in m.phases for s in p.skills}
    names = skill_names(catalog, [*needed, *(s for s in profile.held if catalog.has_skill(s))])
    phases = [
        PhaseDone(
            roadmap=m.name,
            name=p.name,
            skills=[names[s] for s in p.skills],
            have=[names[s] for s in p.skills if s in held],
            source=m.source,
            skill_ids=list(p.skills),
        )
        for m in role.roadmaps[:1]
        for p in m.phases
    ]
    month = today.replace(day=1)
    this_month = [
        Change(e.date, sid, names.get(sid, sid), e.level, sid in needed)
        for e in reached(profile)
        if (sid := e.skill or "") and month <= e.date <= today
    ]
    first_day = today - datetime.timedelta(days=today.weekday() + 7 * (weeks - 1))
    activity: dict[datetime.date, int] = {}
    for e in profile.history:
        if first_day <= e.date <= today and e.action != "migrate":
            activity[e.date] = activity.get(e.date, 0) + 1
    levels: Counter[str] = Counter(h.level for s, h in profile.held.items() if s in needed)
    return ProgressReport(
        role_id=role_id,
        title=role.title,
        overall=progress(tiers, held),
        levels=levels,
        phases=phases,
        this_month=this_month,
        activity=activity,
        first_day=first_day,
        today=today,
        sources=source_refs(catalog),
    )


@dataclass(frozen=True)
class NextSkill:
    """A skill to learn next, and why: the phase teaching it, the essentials it closes,
    how much it raises the fit."""

    skill: str
    name: str
    tier: str
    phase: str | None  # "Roadmap › Phase"
    phase_role: str | None  # the role whose roadmap that is, when not this one's
    source: str | None  # the source of that roadmap
    listings: int
    essentials_missing: int  # essentials the profile still lacks (this one among them)
    fit_before: float
    fit_after: float
    level: str | None  # the profile's level of it, when below working


@dataclass(frozen=True)
class NextSteps:
    role_id: str
    title: str
    skills: list[NextSkill]
    left: int  # skills to learn in all
    named: int  # skills the role names (0: the sources only name the role)
    sources: dict[str, SourceRef]


def next_skills(
    catalog: Catalog,
    role_id: str,
    profile: Profile,
    held: frozenset[str],
    top: int,
) -> NextSteps:
    """The first ``top`` skills of the role's learning order (the phase that teaches them,
    then importance, then listing frequency) that the profile lacks at working level."""

    way = transition(catalog, role_id, have=held)
    partial = {s: w for s, w in profile.partial().items() if catalog.has_skill(s)}
    owned = held | set(partial)
    base = fit(catalog, role_id, owned, partial=partial)
    missing_essentials = len(base.missing_essential) + sum(
        1 for a in way.to_add if a.tier == "essential" and a.skill in partial
    )
    source = {a.skill: g.source for g in way.steps for a in g.skills}
    out = []
    for add in way.to_add[:top]:
        why = _why(catalog, role_id, add, owned, partial, base.score, missing_essentials)
        if add.skill in partial:
            why = replace(why, level=profile.level(add.skill))
        out.append(replace(why, source=source.get(add.skill)))
    named = len(way.to_add) + len(way.carry_over)
    return NextSteps(role_id, way.to_title, out, len(way.to_add), named, source_refs(catalog))


def _why(
    catalog: Catalog,
    role_id: str,
    add: ToAdd,
    owned: set[str] | frozenset[str],
    partial: dict[str, float],
    before: float,
    missing_essentials: int,
) -> NextSkill:
    rest = {s: w for s, w in partial.items() if s != add.skill}
    after = fit(catalog, role_id, {*owned, add.skill}, partial=rest).score
    return NextSkill(
        skill=add.skill,
        name=add.name,
        tier=add.tier,
        phase=add.phase,
        phase_role=add.phase_role,
        source=None,
        listings=add.listings,
        essentials_missing=missing_essentials,
        fit_before=before,
        fit_after=after,
        level=None,
    )
