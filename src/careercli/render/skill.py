"""The view of one skill (``careercli skill``) and the skills listing."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from careercli.query.skills import SkillDetail, SkillRow
from careercli.render.common import (
    HAVE,
    Citations,
    Listing,
    bar,
    bullets,
    joined,
    plain,
    section,
    table,
)
from careercli.render.format import shell_word


def render_skill(detail: SkillDetail, have: frozenset[str]) -> RenderableType:
    """The page, listing the roles ``detail`` holds (of ``detail.needed_total``): the
    query cut them to SKILL_ROLES unless --all."""
    skill = detail.skill
    title = Text(skill.name, style="bold cyan")
    if skill.id in have:
        title.append(f" {HAVE} in your profile", style="green")
    parts: list[RenderableType] = [title]
    cites = Citations(detail.sources)
    facts: list[str] = [skill.category]
    if skill.aliases:
        facts.append("also: " + ", ".join(skill.aliases))
    parts.append(Text(" · ".join(facts), style="dim"))
    if skill.description:
        parts.append(plain(skill.description))
    if skill.subtopics:
        parts.append(section("What to learn inside it", bullets(skill.subtopics)))
    if detail.needed_by:
        several = any(n.kb for n in detail.needed_by)  # KBs loaded: say whose each role is
        heads = ("Role", "KB", "Tier", "As") if several else ("Role", "Tier", "As")
        t = table(*heads, min_widths=(14, 4, 9) if several else (14, 9))
        for need in detail.needed_by:
            cells = [
                plain(need.title),
                Text(need.tier, style="bold"),
                plain(f"via {need.via} (curated)" if need.via else ", ".join(need.groups)),
            ]
            if several:
                cells.insert(1, plain(need.kb or ""))
            t.add_row(*cells)
        heading = f"Roles that need it ({detail.needed_total})"
        if skill.sources:
            heading += " " + cites.mark(*skill.sources)
        hidden = detail.needed_total - len(detail.needed_by)
        body: RenderableType = t
        if hidden:  # a skill O*NET rates is needed by hundreds of occupations
            roles = "role" if hidden == 1 else "roles"
            more = f"… {hidden} more {roles}: careercli skill {shell_word(skill.name)} --all"
            body = Group(t, Text(more, style="dim"))
        parts.append(section(heading, body))
    else:
        parts.append(section("Roles that need it", Text("No role in the knowledge base lists it.")))
    if detail.listings:
        t = table("Role", "Listed as", "Listings", "", min_widths=(14, 10, 8))
        for c in detail.listings:
            t.add_row(
                plain(c.title),
                plain(c.label),
                f"{c.count}/{c.sample_size}",
                bar(c.count, c.sample_size),
            )
        marks = cites.mark(*sorted({c.source for c in detail.listings}))
        parts.append(section(f"How often job listings ask for it {marks}", t))
    if detail.companions:
        parts.append(
            section(
                "Often needed together with it",
                joined(f"{c.name} ({c.roles})" for c in detail.companions),
            )
        )
    if detail.taught_in:
        parts.append(
            section(
                "Where roadmaps teach it",
                bullets(f"{p.title}: {p.roadmap} › {p.phase}" for p in detail.taught_in),
            )
        )
    if detail.industries:
        parts.append(section("Industries", joined(detail.industries)))
    footer = cites.footer()
    if footer is not None:
        parts.append(footer)
    return Group(*parts)


def render_skill_rows(rows: list[SkillRow], total: int, have: frozenset[str]) -> Listing:
    """The skills listing (``rows`` may be the first ``total``); plain strings, so that
    13,500 rows cost little (see Listing)."""
    t = table(
        "Skill", "Category", "Roles", "Essential for", "Also", min_widths=(12, 8, 5, 9),
        total=total, compact=True,
    )  # fmt: skip
    for r in rows:
        name: Text | str = r.name
        if r.id in have:
            name = Text.assemble((r.name, "bold"), (f" {HAVE}", "green"))
        t.add_row(name, r.category, str(r.roles), str(r.essential_for), ", ".join(r.aliases))
    return t
