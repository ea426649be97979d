"""The KB's vocabulary (tiers, levels, tracks, categories), without Pydantic.

Warm lookups read records (:mod:`careercli.kb.records`), not the Pydantic models, so what
both need (the Literals the models are typed with, reading a role's tiers) lives here.
"""

from __future__ import annotations

from typing import Any, Literal, get_args

Tier = Literal["essential", "important", "useful"]
TIERS: tuple[Tier, ...] = ("essential", "important", "useful")
Track = Literal["technical", "specialized", "business", "leadership"]
TRACKS: tuple[Track, ...] = ("technical", "specialized", "business", "leadership")
Level = Literal["entry", "mid", "senior", "staff", "principal", "director", "any"]
LEVELS: tuple[Level, ...] = ("entry", "mid", "senior", "staff", "principal", "director", "any")
Unit = Literal["weeks", "months", "years"]


# A level as users name it: ``any`` in the KB marks a figure the source ties to no level.
LevelName = Literal["entry", "mid", "senior", "staff", "principal", "director", "overall"]


def parse_level(name: LevelName) -> Level:
    """The KB's level for a level as users name it (``overall`` is the KB's ``any``)."""
    return "any" if name == "overall" else name


SkillCategory = Literal[
    "language",
    "framework",
    "library",
    "platform",
    "tool",
    "concept",
    "math",
    "practice",
    "domain",
    "soft-skill",
    "business",
]
SKILL_CATEGORIES: tuple[str, ...] = get_args(SkillCategory)


# The curated names of skill groups, the same across roles (a source's own heading is kept
# beside it as provenance, in ``SkillGroup.heading``).
SkillGroupName = Literal[
    "Languages",
    "Maths and statistics",
    "ML foundations",
    "Deep learning",
    "Language and vision",
    "Reinforcement learning",
    "Frameworks and libraries",
    "Data engineering",
    "MLOps and deployment",
    "Cloud and infrastructure",
    "Software engineering",
    "Research",
    "Domain knowledge",
    "Product and business",
    "People skills",
]
SKILL_GROUPS: tuple[str, ...] = get_args(SkillGroupName)


def skill_tiers(role: Any) -> dict[str, Tier]:
    """Each skill a role names, at the highest tier its skill groups give it, where a
    tier the source's words decide (a group with a ``phrase``: *"differentiates
    candidates"*) wins over one a line without such words was given by default (a summary
    table's row): the default only places skills no worded line names.

    ``role`` is a :class:`careercli.kb.models.Role` or a record of one.
    """
    best: dict[str, Tier] = {}
    worded: set[str] = set()
    for group in role.skills:
        if getattr(group, "phrase", None):
            worded.update(group.skills)
    for group in role.skills:
        decided = bool(getattr(group, "phrase", None))
        for skill_id in group.skills:
            if skill_id in worded and not decided:
                continue
            current = best.get(skill_id)
            if current is None or TIERS.index(group.tier) < TIERS.index(current):
                best[skill_id] = group.tier
    return best


def roadmap_total(roadmap: Any) -> Any:
    """The whole roadmap's time, a Duration (or a record of one), or None.

    A total the source states wins. Otherwise, for ``elapsed`` timing the last phase's
    range is the total (its range is time since the start); for ``span`` timing the end
    of the last phase is. Stored with each role when the cache is built, so listings
    never read the roles themselves.
    """
    from careercli.kb.records import Record

    if roadmap.total is not None:
        return roadmap.total
    timed = [p.duration for p in roadmap.phases if p.duration is not None]
    if not timed:
        return None
    last = timed[-1]
    if roadmap.timing == "elapsed":
        return last
    end = last.max if last.max is not None else last.min
    return Record(min=end, max=None, unit=last.unit, open_ended=last.open_ended)
