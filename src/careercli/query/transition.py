"""What moving from one role (or the profile's skills) to another takes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from careercli.kb.catalog import Catalog
from careercli.kb.shapes import LEVELS, TIERS, Level, Tier, skill_tiers
from careercli.query.names import by_name, skill_names
from careercli.query.refs import SourceRef, source_refs
from careercli.query.salary import PayFigure, role_pay
from careercli.query.timing import WayIn, ways_in

if TYPE_CHECKING:
    from careercli.kb.models import CareerTrack, Duration, Role


@dataclass(frozen=True)
class ToAdd:
    skill: str
    name: str
    tier: Tier
    phase: str | None  # "Roadmap › Phase" that covers it, where linked
    phase_role: str | None = None  # the role whose roadmap that is, when not the target's
    listings: int = 0  # job listings the KB counted asking for it


@dataclass(frozen=True)
class PhaseGroup:
    """The skills to add that one roadmap phase teaches (``phase`` None: no phase does)."""

    roadmap: str | None
    phase: str | None
    role: str | None  # the title of the role whose roadmap it is, when not the target's
    duration: Duration | None
    timing: str  # how to read ``duration`` (the roadmap's ``timing``)
    source: str | None
    skills: list[ToAdd]

    def by_tier(self) -> list[tuple[Tier, list[str]]]:
        """The skills' names by tier, most important tier first (each in group order)."""
        out: list[tuple[Tier, list[str]]] = []
        for tier in TIERS:
            found = [a.name for a in self.skills if a.tier == tier]
            if found:
                out.append((tier, found))
        return out


@dataclass(frozen=True)
class SwitchTime:
    """How long the move takes: the timelines for this start, else the time from zero."""

    ways: list[WayIn]
    from_zero: bool  # no source times this start: ``ways`` are the times from zero
    because: list[str]  # the background skills (ids) the start has, when a timeline applies
    others: list[WayIn]  # the role's other stated times (other starts, paces, roadmaps)


@dataclass(frozen=True)
class PayStep:
    level: Level
    source: str
    from_figures: list[PayFigure]
    to_figures: list[PayFigure]
    change: tuple[int, int] | None  # (low, high) change when one source ranges both


@dataclass(frozen=True)
class Transition:
    from_role: str | None
    from_title: str | None
    to_role: str
    to_title: str
    to_add: list[ToAdd]  # in learning order: the groups of ``steps`` one after the other
    steps: list[PhaseGroup]
    carry_over: list[str]
    pay: list[PayStep]
    time: list[WayIn]
    switch: SwitchTime
    tracks: list[CareerTrack]
    names: dict[str, str]  # skill id -> name, for every skill above
    sources: dict[str, SourceRef]
    # where the skills you have come from: "role" (the FROM role's), "profile" (yours,
    # as FROM names no skills, or there is no FROM) or "nothing" (neither has any)
    start_from: str = "role"


def transition(
    catalog: Catalog, to_role: str, from_role: str | None = None, have: frozenset[str] = frozenset()
) -> Transition:
    """What moving to ``to_role`` takes: from ``from_role``'s skills, or ``have`` (the
    profile's) when there is no FROM or the sources name no skills for it (a role they
    only name), saying which."""
    target = catalog.role(to_role)
    start_role = catalog.role(from_role) if from_role else None
    start = set(skill_tiers(start_role)) if start_role else set()
    start_from = "role"
    background = set()  # what the start is known to have, for a timeline's background
    if start and from_role:
        needs = catalog.role_needs(from_role)
        background = {s for s, (tier, _) in needs.items() if tier != "useful"}
    if not start:
        start = set(have)
        background = set(start)
        start_from = "profile" if start else "nothing"
    tiers = skill_tiers(target)
    names = skill_names(catalog, tiers)
    listings = catalog.listing_counts(s for s in tiers if s not in start)
    steps = _phase_groups(catalog, target, tiers, start, names, listings)
    carry = by_name((s for s in tiers if s in start), names)
    pay = _pay_steps(catalog, from_role, to_role) if from_role else []
    tracks = [t for t in catalog.tracks if _links(t, from_role, to_role)]
    ways = ways_in(target)
    switch = _switch_time(ways, background)
    names.update(skill_names(catalog, switch.because))
    return Transition(
        from_role, start_role.title if start_role else None, to_role, target.title,
        [a for g in steps for a in g.skills], steps, carry, pay, ways, switch, tracks, names,
        source_refs(catalog), start_from,
    )  # fmt: skip


def _phase_groups(
    catalog: Catalog,
    target: Role,
    tiers: dict[str, Tier],
    start: set[str],
    names: dict[str, str],
    listings: dict[str, int],
) -> list[PhaseGroup]:
    """The skills to add grouped by the phase teaching them, in learning order: the
    target's roadmaps phase by phase; then phases of other roles' roadmaps; then the
    skills no phase teaches. Within a group by tier, then listing frequency."""
    wanted = [s for s in tiers if s not in start]
    keys: list[tuple[str | None, str | None, str | None]] = []  # (roadmap, phase, role id)
    where: dict[str, tuple[str | None, str | None, str | None]] = {}
    for roadmap in target.roadmaps:
        for phase in roadmap.phases:
            keys.append((roadmap.name, phase.name, None))
            for sid in phase.skills:
                if sid in tiers:
                    where.setdefault(sid, keys[-1])
    own = len(keys)
    for sid in sorted(wanted, key=lambda s: _order(s, tiers, names, listings)):
        if sid not in where:  # else a phase of another role's roadmap that teaches it
            for role_id, roadmap_name, phase_name in catalog.phases_of_skill(sid)[:1]:
                where[sid] = (roadmap_name, phase_name, role_id)
                if where[sid] not in keys:
                    keys.append(where[sid])
    keys.append((None, None, None))
    groups = []
    for i, key in enumerate(keys):
        skills = sorted(
            (s for s in wanted if where.get(s, (None, None, None)) == key),
            key=lambda s: _order(s, tiers, names, listings),
        )
        if not skills:
            continue
        map_name, step_name, owner = key
        role = target if i < own else catalog.role(owner) if owner else None
        rm = next((m for m in role.roadmaps if m.name == map_name), None) if role else None
        step = next((p for p in rm.phases if p.name == step_name), None) if rm else None
        other = catalog.role_title(owner) if owner else None
        label = f"{map_name} › {step_name}" if step_name else None
        groups.append(
            PhaseGroup(
                map_name, step_name, other, step.duration if step else None,
                rm.timing if rm else "elapsed", rm.source if rm else None,
                [ToAdd(s, names[s], tiers[s], label, other, listings.get(s, 0)) for s in skills],
            )
        )  # fmt: skip
    return groups


def _order(
    sid: str, tiers: dict[str, Tier], names: dict[str, str], listings: dict[str, int]
) -> tuple[int, int, str]:
    return (TIERS.index(tiers[sid]), -listings.get(sid, 0), names[sid].casefold())


def _switch_time(ways: list[WayIn], background: set[str]) -> SwitchTime:
    """The timelines whose background the start has; else those from zero (a source's
    *complete beginner*, or failing that each whole roadmap). The rest are ``others``."""
    fits = [w for w in ways if w.background and set(w.background) <= background]
    because: list[str] = []
    if fits:
        because = list(dict.fromkeys(s for w in fits for s in w.background))
    else:
        fits = [w for w in ways if w.from_zero] or [w for w in ways if w.roadmap]
    others = [w for w in ways if w not in fits]
    return SwitchTime(fits, not because, because, others)


def _links(track: CareerTrack, from_role: str | None, to_role: str) -> bool:
    """The track names the target in a stage after the one naming the start (if any)."""
    stage_roles = [{r.role for r in s.roles if r.role} for s in track.stages]
    to_at = [i for i, ids in enumerate(stage_roles) if to_role in ids]
    if not to_at:
        return False
    if from_role is None:
        return True
    from_at = [i for i, ids in enumerate(stage_roles) if from_role in ids]
    return any(f < t for f in from_at for t in to_at)


def _pay_steps(catalog: Catalog, from_role: str, to_role: str) -> list[PayStep]:
    """Per level and source, both roles' figures; a change only within one source."""
    before = role_pay(catalog, catalog.role(from_role))
    after = role_pay(catalog, catalog.role(to_role))
    steps: list[PayStep] = []
    keys = sorted(
        {(f.level, f.source) for f in before} | {(f.level, f.source) for f in after},
        key=lambda k: (LEVELS.index(k[0]), k[1]),
    )
    for level, source in keys:
        a = [f for f in before if (f.level, f.source) == (level, source)]
        b = [f for f in after if (f.level, f.source) == (level, source)]
        change = None
        ranges_a = [f for f in a if f.kind == "range"]
        ranges_b = [f for f in b if f.kind == "range"]
        if len(ranges_a) == 1 and len(ranges_b) == 1:
            a_fig, b_fig = ranges_a[0], ranges_b[0]
            open_top = (a_fig.open_ended and a_fig.max is None) or (
                b_fig.open_ended and b_fig.max is None
            )
            if not open_top:  # an open-ended top has no number to subtract
                change = (b_fig.low - a_fig.low, b_fig.high - a_fig.high)
        steps.append(PayStep(level, source, a, b, change))
    return steps
