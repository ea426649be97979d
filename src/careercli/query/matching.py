"""Which roles fit a set of skills, and what each still lacks."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from careercli.kb.catalog import Catalog
from careercli.kb.shapes import TIERS, Tier
from careercli.query.roles import by_name, skill_names

WEIGHTS: dict[Tier, int] = {"essential": 3, "important": 2, "useful": 1}
TOP = WEIGHTS["essential"]


@dataclass(frozen=True)
class Fit:
    role: str
    title: str
    got: int  # the weight of your skills in the role
    total: int  # the weight of all its skills
    uses: int  # how many of your skills the role names
    given: int  # how many skills you gave
    covered: list[str]
    missing: dict[Tier, list[str]]
    essential_total: int
    names: dict[str, str]  # skill id -> name, for every skill above
    implied: dict[str, str] = field(default_factory=dict)  # skill -> the role's skill implying it

    @property
    def coverage(self) -> float:
        """0..100: how much of the role you have (its skills weighed by tier)."""
        return 100.0 * self.got / self.total if self.total else 0.0

    @property
    def needs(self) -> float:
        """0..100: how much of what you know the role needs (100: all of it, essential)."""
        return 100.0 * self.got / (TOP * self.given) if self.given else 0.0

    @property
    def score(self) -> float:
        return fit_score(self.got, self.total, self.given)

    @property
    def missing_essential(self) -> list[str]:
        return self.missing.get("essential", [])

    @property
    def essential_have(self) -> int:
        return self.essential_total - len(self.missing_essential)


def best_next(f: Fit) -> tuple[str, float] | None:
    """The one missing skill that would raise this fit most, and the fit it would give;
    None when none would raise it (a useful skill can lower the share of what you know
    that the role needs). Among equals, the first by tier, then by name."""
    best: tuple[str, float] | None = None
    for tier in TIERS:
        for skill in f.missing.get(tier, []):
            score = fit_score(f.got + WEIGHTS[tier], f.total, f.given + 1)
            if score > f.score and (best is None or score > best[1]):
                best = (skill, score)
    return best


def fit_score(got: int, total: int, given: int) -> float:
    """0..100: the mean of coverage and needs (see :class:`Fit`).

    Coverage alone buries a role that lists 47 skills under any short list; needs alone
    prefers long lists. Computed as one division of integers, so that equal fractions give
    equal floats and ties fall to the tie-breaks.
    """
    if not total:
        return 0.0
    if not given:
        return 50.0 * got / total
    return 50.0 * got * (total + TOP * given) / (TOP * given * total)


def fit(catalog: Catalog, role_id: str, have: Iterable[str]) -> Fit:
    """How well ``have`` (known skill ids) fits one role, essential skills weighing most."""
    owned = set(have)
    role = catalog.role(role_id)
    needs = catalog.role_needs(role_id)  # what it names, then what those imply
    tiers: dict[str, Tier] = {s: t for s, (t, _) in needs.items()}
    implied = {s: via for s, (_, via) in needs.items() if via is not None}
    names = skill_names(catalog, [*tiers, *implied.values()])
    total = sum(WEIGHTS[t] for t in tiers.values())
    got = sum(WEIGHTS[t] for s, t in tiers.items() if s in owned)
    missing: dict[Tier, list[str]] = {}
    for tier in TIERS:
        lacking = [s for s, t in tiers.items() if t == tier and s not in owned]
        if lacking:
            missing[tier] = by_name(lacking, names)
    covered = by_name((s for s in tiers if s in owned), names)
    essential = sum(t == "essential" for t in tiers.values())
    return Fit(
        role.id, role.title, got, total, len(covered), len(owned), covered, missing, essential,
        names, implied,
    )  # fmt: skip


def rank_roles(catalog: Catalog, have: Iterable[str], top: int | None = None) -> list[Fit]:
    """Roles by fit, then by fewest missing essential skills, then title.

    Scores come from per-role tier counts of the roles naming one of your skills (one
    aggregate query); every other role fits 0, so those that fill the list come from SQLite
    in the tie-break order. Only the roles shown are read in full.
    """
    owned = set(have)
    weights = [WEIGHTS[t] for t in TIERS]
    ranked = []
    for role_id, title, counts, got in catalog.coverage(owned):
        total = sum(w * n for w, n in zip(weights, counts, strict=True))
        covered = sum(w * n for w, n in zip(weights, got, strict=True))
        missing = counts[0] - got[0]
        ranked.append((-fit_score(covered, total, len(owned)), missing, title.casefold(), role_id))
    ranked.sort()
    ids = [role_id for *_, role_id in ranked[:top]]
    if top is None or len(ids) < top:  # the rest fit 0: fewest essentials missing first
        rest = None if top is None else top - len(ids)
        ids += catalog.fewest_essentials(ids, rest)
    return [fit(catalog, role_id, owned) for role_id in ids]


@dataclass(frozen=True)
class ProfileSummary:
    """The saved profile as this KB sees it: known skills by name, unknown ids, best fits."""

    known: list[str]  # in the profile's order
    unknown: list[str]
    names: dict[str, str]
    fits: list[Fit]


def profile_summary(catalog: Catalog, saved: Iterable[str], top: int = 3) -> ProfileSummary:
    known, unknown = catalog.split_known(saved)
    names = skill_names(catalog, known)
    fits = rank_roles(catalog, known, top) if known else []
    return ProfileSummary(known, unknown, names, fits)
