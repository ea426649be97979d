"""What moving from one role (or the profile's skills) to another takes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from careercli.kb.catalog import Catalog
from careercli.kb.shapes import LEVELS, TIERS, Level, Tier
from careercli.query.salary import PayFigure, role_pay
from careercli.query.timing import WayIn, ways_in

if TYPE_CHECKING:
    from careercli.kb.models import CareerTrack


@dataclass(frozen=True)
class ToAdd:
    skill: str
    tier: Tier
    phase: str | None  # "Roadmap › Phase" of the target that covers it, where linked


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
    to_role: str
    to_add: list[ToAdd]
    carry_over: list[str]
    pay: list[PayStep]
    time: list[WayIn]
    tracks: list[CareerTrack]


def transition(
    catalog: Catalog, to_role: str, from_role: str | None = None, have: frozenset[str] = frozenset()
) -> Transition:
    target = catalog.role(to_role)
    start = set(catalog.role(from_role).tiers()) if from_role else set(have)
    tiers = target.tiers()
    phases: dict[str, str] = {}
    for roadmap in target.roadmaps:
        for phase in roadmap.phases:
            for sid in phase.skills:
                phases.setdefault(sid, f"{roadmap.name} › {phase.name}")
    to_add = [
        ToAdd(s, t, phases.get(s))
        for s, t in sorted(
            tiers.items(), key=lambda st: (TIERS.index(st[1]), catalog.skill_name(st[0]).casefold())
        )
        if s not in start
    ]
    carry = sorted((s for s in tiers if s in start), key=lambda s: catalog.skill_name(s).casefold())
    pay = _pay_steps(catalog, from_role, to_role) if from_role else []
    time = ways_in(target)
    tracks = [t for t in catalog.tracks if _links(t, from_role, to_role)]
    return Transition(from_role, to_role, to_add, carry, pay, time, tracks)


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


def transition_json(catalog: Catalog, t: Transition) -> dict[str, object]:
    return {
        "from": t.from_role,
        "to": t.to_role,
        "skills_to_add": [
            {
                "skill": a.skill,
                "name": catalog.skill_name(a.skill),
                "tier": a.tier,
                "phase": a.phase,
            }
            for a in t.to_add
        ],
        "skills_carried_over": t.carry_over,
        "pay": [
            {
                "level": p.level,
                "source": p.source,
                "year": catalog.source_year(p.source),
                "from": [f.as_json() for f in p.from_figures],
                "to": [f.as_json() for f in p.to_figures],
                "change": {"low": p.change[0], "high": p.change[1]} if p.change else None,
            }
            for p in t.pay
        ],
        "time": [w.as_json(catalog.source_year(w.source)) for w in t.time],
        "career_tracks": [tr.id for tr in t.tracks],
    }
