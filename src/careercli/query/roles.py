"""Everything ``careercli role`` (and ``roadmap ROLE``) shows about one role."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from careercli.kb.catalog import Catalog
from careercli.kb.shapes import TIERS, Tier, roadmap_total, skill_tiers
from careercli.query.names import skill_names
from careercli.query.refs import SourceRef, source_refs
from careercli.query.salary import PayFigure, role_pay
from careercli.text import pct, title_words

if TYPE_CHECKING:
    from careercli.kb.models import Duration, Roadmap, Role, Stage


@dataclass(frozen=True)
class Progress:
    """How much of a role's skills a profile already has."""

    essential_have: int
    essential_total: int
    all_have: int
    all_total: int


@dataclass(frozen=True)
class Link:
    kind: str  # parent, specialization, related
    name: str
    role: str | None
    note: str | None


@dataclass(frozen=True)
class Twin:
    """A role close to this one by the skills both name (computed, not a source's claim)."""

    id: str
    title: str
    kind: str  # "name" (a near-twin title: Data Scientist (ML)) or "skills" (overlap)
    share: int  # percent of the two roles' skills together that both name
    shared: list[str]  # skill names
    only_here: list[str]
    only_there: list[str]


TWINS = 3  # roles shown as nearest by skills


@dataclass(frozen=True)
class Mention:
    """Where a source names the role outside its own entry: a career track's stage, an
    industry's primary roles."""

    kind: str  # "track" or "industry"
    name: str  # the track's or the industry's name
    stage: Stage | None  # the track's stage naming it
    note: str | None
    source: str


def mentions(catalog: Catalog, role_id: str) -> list[Mention]:
    found = []
    for track in catalog.tracks:
        for stage in track.stages:
            for link in stage.roles:
                if link.role == role_id:
                    found.append(Mention("track", track.name, stage, link.note, track.source))
    for industry in catalog.industries:
        for link in industry.primary_roles:
            if link.role == role_id:
                found.append(Mention("industry", industry.name, None, link.note, industry.source))
    return found


@dataclass(frozen=True)
class RoleDetail:
    role: Role
    tiers: dict[str, Tier]  # each skill at its highest tier
    skill_names: dict[str, str]  # every skill the role names (its groups and phases)
    family: str | None  # the salary family's name
    pay: list[PayFigure]
    totals: list[tuple[Roadmap, Duration | None]]
    links: list[Link]
    sources: dict[str, SourceRef]  # what the page cites
    have: frozenset[str] = field(default_factory=frozenset)
    progress: Progress | None = None
    twins: list[Twin] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    handle: str = ""  # the shortest name that finds this role alone (for a command hint)

    def by_tier(self, ids: Iterable[str]) -> dict[Tier, list[str]]:
        """``ids`` (skills of this role) grouped by their tier here, tiers in order."""
        grouped: dict[Tier, list[str]] = {t: [] for t in TIERS}
        for s in ids:
            grouped[self.tiers[s]].append(s)
        return {t: group for t, group in grouped.items() if group}


def progress(tiers: dict[str, Tier], have: Iterable[str]) -> Progress:
    owned = set(have)
    essential = [s for s, t in tiers.items() if t == "essential"]
    return Progress(
        essential_have=sum(s in owned for s in essential),
        essential_total=len(essential),
        all_have=sum(s in owned for s in tiers),
        all_total=len(tiers),
    )


def role_links(catalog: Catalog, role: Role) -> list[Link]:
    links: list[Link] = []
    if role.parent:
        links.append(Link("parent", catalog.role_title(role.parent), role.parent, None))
    for kind, items in (("specialization", role.specializations), ("related", role.related)):
        for item in items:
            name = catalog.role_title(item.role) if item.role else item.name
            links.append(Link(kind, name, item.role, item.note))
    known = {link.role for link in links if link.role}
    for child in catalog.children(role.id):
        if child not in known:
            links.append(Link("specialization", catalog.role_title(child), child, None))
    return links


def _name_twins(catalog: Catalog, role: Role) -> list[str]:
    """Roles naming skills whose title is this one's with words added or dropped (two
    words at least, :func:`careercli.text.title_words`), in file order."""
    mine = title_words(role.title)
    if len(mine) < 2:
        return []
    return [
        other
        for other, theirs in catalog.title_words()
        if other != role.id and (mine <= theirs or theirs <= mine)
    ]


def twins(catalog: Catalog, role: Role, tiers: dict[str, Tier], limit: int = TWINS) -> list[Twin]:
    """Near-twins by title (every one), then the roles sharing most of this role's skills,
    each with what the two share and what only one names. Computed, not a source's claim."""
    by_name = _name_twins(catalog, role)[:limit]
    overlaps = catalog.overlaps(role.id, limit + len(by_name))
    by_skills = [(other, "skills") for other, _, _ in overlaps if other not in by_name][:limit]
    mine = set(catalog.role_skill_ids(role.id)) or set(tiers)  # implied ones too, as theirs
    out = []
    for other, kind in [*((o, "name") for o in by_name), *by_skills]:
        theirs = set(catalog.role_skill_ids(other))
        names = skill_names(catalog, mine | theirs)
        both = mine & theirs
        out.append(
            Twin(
                id=other,
                title=catalog.role_title(other),
                kind=kind,
                share=pct(len(both), len(mine | theirs)),
                shared=sorted((names[s] for s in both), key=str.casefold),
                only_here=sorted((names[s] for s in mine - theirs), key=str.casefold),
                only_there=sorted((names[s] for s in theirs - mine), key=str.casefold),
            )
        )
    return out


def role_detail(
    catalog: Catalog, role_id: str, have: Iterable[str] | None = None, whole: bool = True
) -> RoleDetail:
    """What a role's pages show. ``whole=False`` leaves out what only the role page
    draws (links, nearest roles, mentions, the short name), for compare and roadmap:
    on a large KB the nearest roles are most of the lookup's cost."""
    role = catalog.role(role_id)
    tiers = skill_tiers(role)
    phase_skills = (s for m in role.roadmaps for p in m.phases for s in p.skills)
    owned = frozenset(have or ())
    return RoleDetail(
        role=role,
        tiers=tiers,
        skill_names=skill_names(catalog, [*tiers, *phase_skills]),
        family=catalog.families[role.salary_family].name if role.salary_family else None,
        pay=role_pay(catalog, role),
        totals=[(m, roadmap_total(m)) for m in role.roadmaps],
        links=role_links(catalog, role) if whole else [],
        sources=source_refs(catalog),
        have=owned,
        progress=progress(tiers, owned) if have is not None and tiers else None,  # none of 0/0
        twins=twins(catalog, role, tiers) if tiers and whole else [],
        mentions=mentions(catalog, role_id) if whole else [],
        handle=handle(catalog, role) if whole else role.title,
    )


def handle(catalog: Catalog, role: Role) -> str:
    """The shortest of the title and aliases that names this role and no other."""
    for name in sorted(role.aliases, key=len):
        if len(name) < len(role.title) and catalog.ids_named("role", name) == [role.id]:
            return name
    return role.title


def skills_by_tier(role: Role) -> dict[Tier, list[int]]:
    """Indexes into ``role.skills`` grouped by tier, tiers in importance order."""
    grouped: dict[Tier, list[int]] = {t: [] for t in TIERS}
    for i, group in enumerate(role.skills):
        grouped[group.tier].append(i)
    return {t: idx for t, idx in grouped.items() if idx}
