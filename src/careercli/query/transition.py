"""What moving from one role (or the profile's skills) to another takes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from careercli.kb.catalog import Catalog
from careercli.kb.shapes import LEVELS, TIERS, Level, Tier, skill_tiers
from careercli.query.refs import SourceRef, source_refs
from careercli.query.roles import by_name, skill_names
from careercli.query.salary import PayFigure, role_pay
from careercli.query.timing import WayIn, ways_in

if TYPE_CHECKING:
    from careercli.kb.models import CareerTrack


@dataclass(frozen=True)
class ToAdd:
    skill: str
    name: str
    tier: Tier
    phase: str | None  # "Roadmap › Phase" that covers it, where linked
    phase_role: str | None = None  # the role whose roadmap that is, when not the target's


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
    to_add: list[ToAdd]
    carry_over: list[str]
    pay: list[PayStep]
    time: list[WayIn]
    tracks: list[CareerTrack]
    names: dict[str, str]  # skill id -> name, for every skill above
    sources: dict[str, SourceRef]
    # where the skills you have come from: "role" (the FROM role's), "profile" (yours,
    # as FROM names no skills, or there is no FROM) or "nothing" (neither has any)
    start_from: str = "role"

    @property
    def cited(self) -> list[str]:
        return list(
            dict.fromkeys(
                [
                    *(step.source for step in self.pay),
                    *(w.source for w in self.time),
                    *(track.source for track in self.tracks),
                ]
            )
        )


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
    if not start:
        start = set(have)
        start_from = "profile" if start else "nothing"
    tiers = skill_tiers(target)
    names = skill_names(catalog, tiers)
    phases: dict[str, tuple[str, str | None]] = {}
    for roadmap in target.roadmaps:
        for phase in roadmap.phases:
            for sid in phase.skills:
                phases.setdefault(sid, (f"{roadmap.name} › {phase.name}", None))
    for sid in tiers:  # else a phase of another role's roadmap that teaches it
        if sid not in phases:
            for role_id, roadmap_name, phase_name in catalog.phases_of_skill(sid)[:1]:
                phases[sid] = (f"{roadmap_name} › {phase_name}", catalog.role_title(role_id))
    ordered = sorted(tiers.items(), key=lambda st: (TIERS.index(st[1]), names[st[0]].casefold()))
    to_add = [
        ToAdd(s, names[s], t, *phases.get(s, (None, None))) for s, t in ordered if s not in start
    ]
    carry = by_name((s for s in tiers if s in start), names)
    pay = _pay_steps(catalog, from_role, to_role) if from_role else []
    tracks = [t for t in catalog.tracks if _links(t, from_role, to_role)]
    return Transition(
        from_role, start_role.title if start_role else None, to_role, target.title,
        to_add, carry, pay, ways_in(target), tracks, names, source_refs(catalog), start_from,
    )  # fmt: skip


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
