"""The one-screen view of a role (``careercli role``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from careercli.query.roles import RoleDetail, Twin, skills_by_tier
from careercli.query.salary import PayFigure, pay_by_level
from careercli.render.common import (
    bar,
    blocks,
    bullets,
    figure_text,
    joined,
    plain,
    section,
    skill_names,
    sources_section,
    stage_text,
    table,
)
from careercli.render.format import (
    cite,
    duration_label,
    level_label,
    phase_label,
    progress_text,
    provenance,
    total_label,
)
from careercli.text import normalise

if TYPE_CHECKING:
    from careercli.query.entries import Role


def render_role(detail: RoleDetail, full: bool = False) -> RenderableType:
    """The role's page; ``full`` adds every other section the KB holds for it."""
    role = detail.role
    refs = detail.sources
    parts: list[RenderableType] = [_header(detail)]
    if detail.progress is not None:
        parts.append(Text.assemble(("Your progress: ", "bold"), progress_text(detail.progress)))
    if role.skills:
        parts.append(section("Skills by importance", _skills(detail)))
    if full and role.skills:
        parts.append(section("Skill lines as the sources wrote them", _skill_lines(detail)))
    if full and role.requirements:
        parts.append(section("Requirements", blocks(role.requirements, refs)))
    if full and role.stack:  # the default view already names these skills by tier
        parts.append(section("Languages, frameworks and tools", _stack(role)))
    for freq in role.listing_frequencies:
        title = (
            f"How often job listings ask ({freq.sample_size} listings) {cite(refs[freq.source])}"
        )
        t = table("Skill", "Listings", "", min_widths=(10, 8))
        for item in freq.items:
            t.add_row(
                plain(item.label),
                f"{item.count}/{freq.sample_size}",
                bar(item.count, freq.sample_size),
            )
        parts.append(section(title, t))
    if detail.pay:
        pay: RenderableType = pay_table(detail.pay)
        notes = [f"{level_label(f.level)}: {f.note}" for f in detail.pay if f.note]
        if full and notes:
            pay = Group(pay, Text("Notes", style="bold"), bullets(notes))
        us = all(f.region == "US" for f in detail.pay)  # where the sources say US market
        parts.append(section("Pay (USD a year, US market)" if us else "Pay (USD a year)", pay))
    else:
        parts.append(section("Pay", Text(NO_PAY, style="dim")))
    if role.qualifications:
        parts.append(section("Qualifications and experience", _qualifications(detail, full)))
    responsibilities = [i for b in role.responsibilities for i in b.items] + [
        b.text for b in role.responsibilities if b.text
    ]
    if full and role.responsibilities:
        parts.append(section("Responsibilities", blocks(role.responsibilities, refs)))
    elif responsibilities:
        parts.append(section("Daily responsibilities", bullets(responsibilities)))
    way_in = _way_in(detail)
    parts.append(
        section("The way in", way_in if way_in is not None else Text(NO_ROADMAP, style="dim"))
    )
    if full:
        for title, held in (
            ("Soft skills", role.soft_skills),
            ("Challenges", role.challenges),
            ("Market demand", role.market_demand),
            ("Where it is used", role.industries),
        ):
            if held:
                parts.append(section(title, blocks(held, refs)))
        if role.resources:
            parts.append(section("Courses and resources", _resources(detail)))
        for block in role.sections:
            parts.append(section(block.heading or "More", blocks([block], refs, headed=False)))
    if detail.links or detail.twins:
        lines: list[RenderableType] = []
        share = {t.id: t.share for t in detail.twins}
        for link in detail.links:
            line = Text(link.name, style="bold" if link.role else "")
            line.append(f" ({link.kind})", style="dim")
            if link.note:
                line.append(f": {link.note}")
            if link.role in share:
                line.append(f" ({share[link.role]}% of skills in common)", style="dim")
            lines.append(line)
        stated = {link.role for link in detail.links}
        lines += [_twin(t, full) for t in detail.twins if t.id not in stated]
        parts.append(section("Related roles", Group(*lines)))
    parts.append(sources_section(refs, detail.cited, notes=full))
    return Group(*parts)


NO_PAY = "The sources give no pay figure for this role."
NAMED_ONLY = (
    "The sources only name this role; they do not describe it. The related roles below are "
    "the nearest they describe."
)
NO_ROADMAP = "The sources give no roadmap or timeline for this role."


TWIN_NAMES = 6  # skill names shown per list of a twin in the full view


def _twin(twin: Twin, full: bool) -> RenderableType:
    """``Data Scientist (ML) (a near-twin by title): 7% of skills in common; only here: ...``,
    and in the full view what the two share and what only one names."""
    line = Text(twin.title, style="bold")
    how = "a near-twin by title" if twin.kind == "name" else "similar by skills"
    line.append(f" ({how})", style="dim")
    line.append(f": {twin.share}% of skills in common")
    if not full and twin.kind == "name" and twin.only_here:
        more = f" +{len(twin.only_here) - 3}" if len(twin.only_here) > 3 else ""
        line.append(f"; only here: {', '.join(twin.only_here[:3])}{more}")
    if not full:
        return line
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column(overflow="fold")
    for label, names in (("both", twin.shared), ("only here", twin.only_here),
                         ("only there", twin.only_there)):  # fmt: skip
        if names:
            shown = ", ".join(names[:TWIN_NAMES])
            more = f" +{len(names) - TWIN_NAMES} more" if len(names) > TWIN_NAMES else ""
            grid.add_row(f"  {label}:", Text(shown + more))
    return Group(line, grid)


def _skill_lines(detail: RoleDetail) -> RenderableType:
    """Each skill line in the source's words (the words deciding its tier in bold), then
    the curated skills it counts as."""
    rows = table("Tier", "The source's words", "Counted as", min_widths=(9, 16, 12))
    for group in detail.role.skills:
        words = Text(group.text)
        if group.heading:  # the source's heading over the line
            words = Text.assemble((f"{group.heading}: ", "dim"), group.text)
        names = ", ".join(detail.skill_names[s] for s in group.skills)
        # the source's words that decided the tier, in bold (after the line if elsewhere)
        if group.phrase and not words.highlight_words([group.phrase], "bold", case_sensitive=False):
            words.append(f" (“{group.phrase}”)", style="bold")
        rows.add_row(group.tier, words, names)
    return rows


def _resources(detail: RoleDetail) -> RenderableType:
    lines = []
    for r in detail.role.resources:
        line = Text(r.title, style="bold")
        if r.provider:
            line.append(f" ({r.provider})")
        line.append(f" · {r.kind}", style="dim")
        if r.note:
            line.append(f": {r.note}")
        line.append(" " + cite(detail.sources[r.source]), style="dim")
        lines.append(line)
    return Group(*lines)


def _header(detail: RoleDetail) -> RenderableType:
    role = detail.role
    title = Text(role.title, style="bold cyan")
    facts = []
    if role.track:
        facts.append(f"{role.track} track")
    if detail.family:
        facts.append(f"{detail.family} pay family")
    if role.aliases:
        facts.append("also: " + ", ".join(role.aliases))
    lines: list[RenderableType] = [title]
    if facts:
        lines.append(Text(" · ".join(facts), style="dim"))
    described = [cite(detail.sources[s]) for s in role.sources if s in detail.sources]
    if described:
        label = "Named by " if role.named_only else "Described by "
        lines.append(Text(label + " ".join(described), style="dim"))
    if role.summary:
        lines.append(plain(role.summary))
    if role.primary_focus:
        lines.append(Text.assemble(("Primary focus: ", "bold"), role.primary_focus))
    if role.named_only:
        lines.append(Text(NAMED_ONLY, style="italic"))
    if detail.mentions:
        named = []
        for m in detail.mentions:
            where = f"{m.name} track, {stage_text(m.stage)}" if m.stage else f"{m.name} industry"
            named.append(
                where + (f" ({m.note})" if m.note else "") + " " + cite(detail.sources[m.source])
            )
        lines.append(Text.assemble(("Named in: ", "bold"), "; ".join(named)))
    return Group(*lines)


def _skills(detail: RoleDetail) -> RenderableType:
    """Tier headings, then one ``Group: skills`` line per group (same-named groups merged).

    A skill shows once: at its highest tier (the one match and progress count), in the
    first group that names it there; a group holding only its namesake skill shows bare.
    Lines wrap at words, so the list reads the same at 40 columns as at 200.
    """
    role, best, names = detail.role, detail.tiers, detail.skill_names
    lines: list[RenderableType] = []
    for tier, indexes in skills_by_tier(role).items():
        merged: dict[str | None, list[str]] = {}
        shown: set[str] = set()  # within a tier, a skill shows in the first group naming it
        for i in indexes:
            group = role.skills[i]
            ids = merged.setdefault(group.group, [])
            for s in group.skills:
                if s not in shown and best[s] == tier:
                    ids.append(s)
                    shown.add(s)
        merged = {name: ids for name, ids in merged.items() if ids}
        if merged:
            lines.append(Text(tier, style="bold"))
        for name, ids in merged.items():
            line = Text()
            if name and [normalise(name)] != [normalise(names[s]) for s in ids]:
                line.append(f"{name}: ", style="dim")
            line.append(skill_names(ids, names, detail.have))
            lines.append(Padding(line, (0, 0, 0, 2), expand=False))
    return Group(*lines)


def _stack(role: Role) -> RenderableType:
    lines = []
    for group in role.stack:
        labels = [item.label + (f" ({item.note})" if item.note else "") for item in group.items]
        line = Text()
        if group.group:
            line.append(f"{group.group}: ", style="bold")
        line.append(", ".join(labels))
        lines.append(line)
    return Group(*lines)


def pay_table(figures: list[PayFigure]) -> RenderableType:
    """Levels down, one column per source, so disagreeing sources sit side by side."""
    columns: list[str] = []
    for f in figures:
        if provenance(f) not in columns:
            columns.append(provenance(f))
    t = table("Level", *columns, min_widths=(9,) + (12,) * len(columns))
    for level, figs in pay_by_level(figures).items():
        cells = []
        for col in columns:
            here = [f for f in figs if provenance(f) == col]
            cells.append(joined([figure_text(f) for f in here], sep="\n"))
        t.add_row(Text(level_label(level), style="bold"), *cells)
    return t


def _qualifications(detail: RoleDetail, full: bool = False) -> RenderableType:
    lines = []
    for q in detail.role.qualifications:
        line = Text()
        # The education line only when the text does not already say it in other words
        # (the full view shows it always).
        if q.education and (
            full or not set(normalise(q.education).split()) <= set(normalise(q.text).split())
        ):
            line.append("Education: ", style="bold")
            line.append(q.education)
            line.append("\n")
        if q.experience:
            line.append("Experience: ", style="bold")
            line.append(duration_label(q.experience))
            line.append("\n")
        line.append(q.text)
        line.append(" " + cite(detail.sources[q.source]), style="dim")
        lines.append(line)
    return Group(*lines)


def _way_in(detail: RoleDetail) -> RenderableType | None:
    refs = detail.sources
    lines: list[Text] = []
    for roadmap, total in detail.totals:
        line = Text(roadmap.name, style="bold")
        line.append(" " + cite(refs[roadmap.source]), style="dim")
        line.append(": ")
        steps = [
            f"{p.name} ({phase_label(p.duration, roadmap.timing)})" if p.duration else p.name
            for p in roadmap.phases
        ]
        line.append(" → ".join(steps))
        if total is not None:
            line.append("; total ")
            line.append(total_label(roadmap, total), style="bold")
        lines.append(line)
    for tl in detail.role.timelines:
        line = Text(f"{tl.label}: ", style="bold")
        line.append(duration_label(tl.duration))
        line.append(" " + cite(refs[tl.source]), style="dim")
        lines.append(line)
    if detail.role.progression:
        stages = " → ".join(stage_text(s) for s in detail.role.progression)
        lines.append(Text.assemble(("Career stages: ", "bold"), stages))
    if not lines:
        return None
    lines.append(Text(f"See: careercli roadmap {_quote(detail.role.title)}", style="dim"))
    return Group(*lines)


def _quote(text: str) -> str:
    return f'"{text}"' if any(c in text for c in " /()&") else text
