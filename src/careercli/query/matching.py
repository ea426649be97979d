"""Which roles fit a set of skills, and what each still lacks."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from careercli.kb.catalog import Catalog
from careercli.kb.shapes import TIERS, Tier
from careercli.query.names import by_name, skill_names

WEIGHTS: dict[Tier, int] = {"essential": 3, "important": 2, "useful": 1}

FIT_MEANS = (
    "how much of the role you already have: the share of all the skills it needs, each "
    "weighed by its tier (essential 3, important 2, useful 1), so essentials dominate and "
    "one common skill is never a strong fit"
)
MISSING_ORDER = (
    "tier (essential first), then how many job listings the KB counted ask for the skill, "
    "then how many of the roles shown need it"
)


@dataclass(frozen=True)
class Fit:
    role: str
    title: str
    got: float  # the weight of your skills in the role (a skill at awareness level counts less)
    total: int  # the weight of all its skills
    covered: list[str]
    # the skills you lack by tier, each tier most important first (see :func:`importance`)
    missing: dict[Tier, list[str]]
    essential_total: int
    names: dict[str, str]  # skill id -> name, for every skill above
    implied: dict[str, str] = field(default_factory=dict)  # skill -> the role's skill implying it
    # skills you have below working level -> the share of their weight they count for;
    # they count in ``got`` but are still missing (to learn)
    partial: dict[str, float] = field(default_factory=dict)

    @property
    def score(self) -> float:
        """0..100: the fit (:data:`FIT_MEANS`)."""
        return fit_score(self.got, self.total)

    @property
    def missing_first(self) -> list[str]:
        """Every skill you lack, most important first: tier, then the order within it."""
        return [s for tier in TIERS for s in self.missing.get(tier, [])]

    @property
    def missing_essential(self) -> list[str]:
        return self.missing.get("essential", [])

    @property
    def essential_have(self) -> int:
        return self.essential_total - len(self.missing_essential)


def fit_score(got: float, total: int) -> float:
    """0..100: the weight of the role's skills you have over the weight of all of them."""
    return 100.0 * got / total if total else 0.0


def best_next(f: Fit) -> tuple[str, float] | None:
    """The one missing skill that would raise this fit most, and the fit it would give;
    None when nothing is missing. A skill adds its tier's weight (less what it already
    counts for at a low level), so this is the most important missing skill of the
    highest tier, a skill not yet started before one at awareness level."""
    best: tuple[float, str] | None = None
    for tier in TIERS:
        for skill in f.missing.get(tier, []):
            gain = WEIGHTS[tier] * (1 - f.partial.get(skill, 0.0))
            if best is None or gain > best[0]:
                best = (gain, skill)
    if best is None:
        return None
    return best[1], fit_score(f.got + best[0], f.total)


@dataclass(frozen=True)
class Demand:
    """How much a skill is asked for, the order of a missing list within a tier."""

    listings: Mapping[str, int]  # skill -> job listings the KB counted asking for it
    shown: Mapping[str, int] = field(default_factory=dict)  # skill -> roles shown needing it

    def key(self, skill: str, name: str) -> tuple[int, int, str]:
        return (-self.listings.get(skill, 0), -self.shown.get(skill, 0), name.casefold())


def importance(skills: Iterable[str], names: Mapping[str, str], demand: Demand) -> list[str]:
    """Skills (of one tier) by listing frequency, then by how many of the roles shown need
    them; the name only breaks what is still a tie."""
    return sorted(skills, key=lambda s: demand.key(s, names[s]))


def fit(
    catalog: Catalog,
    role_id: str,
    have: Iterable[str],
    demand: Demand | None = None,
    needs: Mapping[str, tuple[Tier, str | None]] | None = None,
    partial: Mapping[str, float] | None = None,
) -> Fit:
    """How well ``have`` (known skill ids) fits one role, essential skills weighing most;
    a skill in ``partial`` counts for that share of its weight (a profile's level)."""
    owned = set(have)
    if needs is None:
        needs = catalog.role_needs(role_id)  # what it names, then what those imply
    tiers: dict[str, Tier] = {s: t for s, (t, _) in needs.items()}
    implied = {s: via for s, (_, via) in needs.items() if via is not None}
    names = skill_names(catalog, [*tiers, *implied.values()])
    if demand is None:
        demand = Demand(catalog.listing_counts(tiers))
    total = sum(WEIGHTS[t] for t in tiers.values())
    part = {s: w for s, w in (partial or {}).items() if w < 1}
    got = sum(WEIGHTS[t] * part.get(s, 1.0) for s, t in tiers.items() if s in owned)
    owned -= set(part)  # what is only begun is had in part, and still to learn
    missing: dict[Tier, list[str]] = {}
    for tier in TIERS:
        lacking = [s for s, t in tiers.items() if t == tier and s not in owned]
        if lacking:
            missing[tier] = importance(lacking, names, demand)
    covered = by_name((s for s in tiers if s in owned), names)
    essential = sum(t == "essential" for t in tiers.values())
    begun = {s: w for s, w in part.items() if s in tiers}
    return Fit(
        role_id,
        catalog.role_title(role_id),
        got,
        total,
        covered,
        missing,
        essential,
        names,
        implied,
        begun,
    )


def rank_roles(
    catalog: Catalog,
    have: Iterable[str],
    top: int | None = None,
    partial: Mapping[str, float] | None = None,
) -> list[Fit]:
    """Roles by fit, then by fewest missing essential skills, then title; a skill in
    ``partial`` counts for that share of its weight.

    SQLite ranks the roles naming one of your skills (see ``Catalog.best_fits``); every
    other role fits 0, so those that fill the list come from SQLite in the tie-break
    order. Only the roles shown are read in full; their missing skills are ordered by
    tier, listing frequency, then how many of the roles shown need them.
    """
    owned = set(have)
    shares = {s: (partial or {}).get(s, 1.0) for s in owned}
    ids = catalog.best_fits(shares, [WEIGHTS[t] for t in TIERS], top)
    if top is None or len(ids) < top:  # the rest fit 0: fewest essentials missing first
        rest = None if top is None else top - len(ids)
        ids += catalog.fewest_essentials(ids, rest)
    needs = {role_id: catalog.role_needs(role_id) for role_id in ids}
    shown = Counter(s for n in needs.values() for s in n if s not in owned)
    demand = Demand(catalog.listing_counts(shown), shown)
    return [fit(catalog, role_id, owned, demand, needs[role_id], partial) for role_id in ids]


@dataclass(frozen=True)
class ProfileSummary:
    """The saved profile as this KB sees it: known skills by name, unknown ids, best fits."""

    known: list[str]  # in the profile's order
    unknown: list[str]
    names: dict[str, str]
    fits: list[Fit]


def profile_summary(
    catalog: Catalog,
    saved: Iterable[str],
    top: int = 3,
    partial: Mapping[str, float] | None = None,
) -> ProfileSummary:
    known, unknown = catalog.split_known(saved)
    names = skill_names(catalog, known)
    fits = rank_roles(catalog, known, top, partial) if known else []
    return ProfileSummary(known, unknown, names, fits)
