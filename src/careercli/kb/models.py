"""Pydantic models of the knowledge base (``data/roles.yaml``).

Models hold data and its validation only, no other methods: a warm lookup reads records
of them (:mod:`careercli.kb.records`), which have the fields and nothing else.

Every model forbids unknown fields and is strict, so a typo (``titel:``) or a YAML 1.1
surprise (``NO`` read as ``False``) is an error naming its location instead of a silent
change. Figures (salaries, listing counts, durations) carry the id of the source they
come from; the source carries its year.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from careercli.kb.shapes import (
    LEVELS,
    TIERS,
    Level,
    SkillCategory,
    SkillGroupName,
    Tier,
    Track,
    Unit,
)
from careercli.text import SAFE_TEXT_PATTERN, control_message, unsafe_at

__all__ = ["LEVELS", "TIERS", "Level", "SkillCategory", "Tier", "Track", "Unit"]

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9+#.-]*$", max_length=80)]
MAX_TEXT = 4000  # characters in one text field; the longest in the bundled KB is 402


def _no_controls(text: str) -> str:
    """Text is shown on terminals: an escape sequence in it would drive the terminal."""
    at = unsafe_at(text)
    if at is not None:
        raise ValueError(control_message(text, at))
    return text


Text = Annotated[
    str,
    StringConstraints(min_length=1, max_length=MAX_TEXT, strip_whitespace=True),
    AfterValidator(_no_controls),
    Field(json_schema_extra={"pattern": SAFE_TEXT_PATTERN}),
]

# Bounds keep every number storable (SQLite integers) and plausible.
Count = Annotated[int, Field(ge=0, le=1_000_000_000)]
Money = Annotated[int, Field(ge=0, le=100_000_000)]
Span = Annotated[int, Field(ge=0, le=1000)]
Year = Annotated[int, Field(ge=1900, le=2100)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class Source(Model):
    """A seed document. ``year`` is the year its figures refer to, when it says.

    ``short`` is a few words to name it in narrow columns (``AiPathly 2024``);
    ``license`` the licence its facts are used under, as a page's footer names it
    (``CC BY 4.0``), when the source asks to be credited so.
    """

    id: Id
    title: Text
    short: Text | None = None
    publisher: Text | None = None
    published: Annotated[datetime.date | None, Field(strict=False)] = None
    year: Year | None = None
    file: Text
    note: Text | None = None
    license: Text | None = None


class Skill(Model):
    """A skill. ``broader`` (LLM Fine-tuning is part of LLMs) and ``implies`` (spaCy is a
    Python library, so a role asking for it asks for Python) are the KB's own curation,
    never a source's claim: lookups that use them say so."""

    id: Id
    name: Text
    aliases: list[Text] = []
    category: SkillCategory
    description: Text | None = None
    subtopics: list[Text] = []
    sources: list[Id] = []
    broader: list[Id] = []
    implies: list[Id] = []


class Duration(Model):
    """A span of time as a seed states it: ``3-6 months``, ``24+ months``, ``Weeks 1-8``."""

    min: Span
    max: Span | None = None
    unit: Unit
    open_ended: bool = False

    @model_validator(mode="after")
    def _ordered(self) -> Duration:
        if self.max is not None and self.max < self.min:
            raise ValueError(f"max ({self.max}) is below min ({self.min})")
        return self


class SkillGroup(Model):
    """One line of a role's skill list, e.g. *Deployment: FastAPI, Docker, Kubernetes*.

    ``text`` is the line as the source wrote it; ``heading`` the source's heading over it
    (provenance); ``group`` the KB's curated group name (:data:`SKILL_GROUPS`), which reads
    the same across roles. ``phrase`` is the source's words that decided ``tier`` (*"is
    essential"*, *"as a secondary language"*), when the source says.
    """

    tier: Tier
    group: SkillGroupName | None = None
    heading: Text | None = None
    text: Text
    phrase: Text | None = None
    skills: list[Id] = Field(min_length=1)
    source: Id


class LabelledSkills(Model):
    """A name as the seed wrote it (``C++/Rust``) and the skill ids it stands for."""

    label: Text
    skills: list[Id] = []
    note: Text | None = None


class StackGroup(Model):
    group: Text | None = None
    items: list[LabelledSkills] = Field(min_length=1)
    source: Id


class FrequencyItem(Model):
    label: Text
    skills: list[Id] = []
    count: Count


class FrequencyTable(Model):
    """How many of ``sample_size`` job listings asked for each skill."""

    sample_size: Annotated[int, Field(gt=0, le=1_000_000_000)]
    items: list[FrequencyItem] = Field(min_length=1)
    source: Id

    @model_validator(mode="after")
    def _counts_within_sample(self) -> FrequencyTable:
        for item in self.items:
            if item.count > self.sample_size:
                raise ValueError(
                    f"{item.label!r}: count {item.count} exceeds sample size {self.sample_size}"
                )
        return self


class TextBlock(Model):
    """A heading and its points, kept as the seed wrote them."""

    heading: Text | None = None
    text: Text | None = None
    items: list[Text] = []
    source: Id


class Qualification(Model):
    education: Text | None = None
    experience: Duration | None = None
    text: Text
    source: Id


class Salary(Model):
    """A pay figure. ``kind`` says what it is: a range, a median, an average or a ceiling."""

    level: Level
    label: Text | None = None
    kind: Literal["range", "median", "average", "up-to"] = "range"
    min: Money | None = None
    max: Money | None = None
    open_ended: bool = False
    currency: Literal["USD"] = "USD"
    region: Text | None = None  # None: the source does not say
    period: Literal["year"] = "year"
    source: Id
    note: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Salary:
        if self.min is None and self.max is None:
            raise ValueError("a salary needs min, max or both")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min ({self.min}) is above max ({self.max})")
        if self.kind == "range" and self.min is None:
            raise ValueError("a range needs min")
        if self.kind == "up-to" and (self.max is None or self.min is not None):
            raise ValueError("an up-to figure has max only")
        if self.kind in ("median", "average") and (self.min is None or self.max is not None):
            raise ValueError(f"a {self.kind} is one amount: give it as min")
        return self


class Phase(Model):
    name: Text
    duration: Duration | None = None
    objective: Text | None = None
    topics: list[Text] = []
    skills: list[Id] = []


class Roadmap(Model):
    """Phases of a learning path.

    ``timing`` says how to read the phase durations: ``elapsed`` (time since the start by
    the end of the phase, e.g. *Core Skills (6-12 months)* after *Foundation (3-6 months)*)
    or ``span`` (the weeks the phase occupies, e.g. *Weeks 9-14*).
    """

    name: Text
    timing: Literal["elapsed", "span"] = "elapsed"
    total: Duration | None = None
    phases: list[Phase] = Field(min_length=1)
    source: Id


class Timeline(Model):
    """How long the way in takes for a given starting point (e.g. *complete beginner*).

    The KB's reading of the label, for ``path``: ``from_zero`` marks the time for someone
    starting with none of the role's skills; ``background`` lists the skills a starting
    point has (*ML background*: ``[machine-learning]``), so the timeline applies to a move
    from a role needing them. A timeline with neither (*full-time accelerated*, a pace) is
    shown, never chosen.
    """

    label: Text
    duration: Duration
    from_zero: bool = False
    background: list[Id] = []
    source: Id


class RoleLink(Model):
    """A role named by a seed; ``role`` links it when the KB has that role."""

    name: Text
    role: Id | None = None
    note: Text | None = None
    source: Id


class Stage(Model):
    name: Text
    level: Level | None = None
    years: Duration | None = None
    roles: list[RoleLink] = []
    topics: list[Text] = []


class Resource(Model):
    title: Text
    provider: Text | None = None
    kind: Literal["course", "book", "paper", "community", "dataset", "tool", "tutorial"] = "course"
    note: Text | None = None
    source: Id


class Role(Model):
    """A role. ``named_only`` marks a title the sources name (in a track, a career stage,
    an industry) without describing it: its page says what they say and which full roles
    are nearest (``related``)."""

    id: Id
    title: Text
    named_only: bool = False
    aliases: list[Text] = []
    track: Track | None = None
    salary_family: Id | None = None
    parent: Id | None = None
    summary: Text | None = None
    primary_focus: Text | None = None
    sources: list[Id] = Field(min_length=1)
    skills: list[SkillGroup] = []
    stack: list[StackGroup] = []
    listing_frequencies: list[FrequencyTable] = []
    requirements: list[TextBlock] = []
    qualifications: list[Qualification] = []
    responsibilities: list[TextBlock] = []
    salaries: list[Salary] = []
    roadmaps: list[Roadmap] = []
    timelines: list[Timeline] = []
    progression: list[Stage] = []
    specializations: list[RoleLink] = []
    related: list[RoleLink] = []
    resources: list[Resource] = []
    soft_skills: list[TextBlock] = []
    challenges: list[TextBlock] = []
    market_demand: list[TextBlock] = []
    industries: list[TextBlock] = []
    sections: list[TextBlock] = []


class FamilyLevel(Model):
    level: Level
    min: Money
    max: Money | None = None
    open_ended: bool = False

    @model_validator(mode="after")
    def _ordered(self) -> FamilyLevel:
        if self.max is not None and self.min > self.max:
            raise ValueError(f"min ({self.min}) is above max ({self.max})")
        return self


class SalaryFamily(Model):
    """A column of a salary table shared by several roles (e.g. *ML Engineering*)."""

    id: Id
    name: Text
    currency: Literal["USD"] = "USD"
    region: Text = "US"
    levels: list[FamilyLevel] = Field(min_length=1)
    source: Id


class CareerTrack(Model):
    id: Id
    name: Text
    stages: list[Stage] = Field(min_length=1)
    source: Id


class CareerStage(Model):
    id: Id
    name: Text
    years: Duration | None = None
    essential: list[Text] = []
    important: list[Text] = []
    useful: list[Text] = []
    approach: Text | None = None
    source: Id


class Industry(Model):
    id: Id
    name: Text
    aliases: list[Text] = []
    key_skills: list[Text] = []
    skills: list[Id] = []
    primary_roles: list[RoleLink] = []
    topics: list[Text] = []
    source: Id


class KnowledgeBase(Model):
    version: Literal[1] = 1
    sources: list[Source] = Field(min_length=1)
    skills: list[Skill] = []
    roles: list[Role] = []
    salary_families: list[SalaryFamily] = []
    career_tracks: list[CareerTrack] = []
    career_stages: list[CareerStage] = []
    industries: list[Industry] = []
    guidance: list[TextBlock] = []
