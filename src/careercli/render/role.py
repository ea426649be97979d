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
    HAVE,
    Citations,
    Clipped,
    bar,
    blocks,
    bullets,
    figure_text,
    joined,
    plain,
    section,
    skill_names,
    stage_text,
    table,
)
from careercli.render.format import (
    amount,
    duration_label,
    level_label,
    phase_label,
    progress_text,
    shell_word,
    total_label,
)
from careercli.text import normalise

if TYPE_CHECKING:
    from careercli.query.entries import Role


def render_role(detail: RoleDetail, full: bool = False) -> RenderableType:
    """The role at a glance (one screen of 80x32), or with ``full`` every section the KB
    holds for it."""
    return _full_page(detail) if full else _glance(detail)


GLANCE_ESSENTIALS_LINES = 2  # lines of essential skill names before "+N more"
GLANCE_RELATED = 4  # related roles on the glance page
GLANCE_SUMMARY = 160  # characters of the one-line summary


def _glance(detail: RoleDetail) -> RenderableType:
    """What the role is, what it pays, how long the way in takes, its essential skills,
    its nearest roles and where each fact comes from: the questions a first look asks."""
    role = detail.role
    cites = Citations(detail.sources)
    parts: list[RenderableType] = [title_lines(detail, cites)]
    if detail.pay:
        pay = _glance_pay(detail, cites)
        parts.append(
            section("Pay (USD a year, US market)" if _us(detail) else "Pay (USD a year)", pay)
        )
    else:
        parts.append(Group(Text(""), Text.assemble(("Pay  ", "bold"), (NO_PAY, "dim"))))
    facts = Table.grid(padding=(0, 2, 0, 0))
    facts.add_column(no_wrap=True, style="bold")
    facts.add_column(overflow="fold")
    facts.add_row("Time to get in", glance_time(detail, cites))
    tiers = detail.by_tier(detail.tiers)
    if tiers:
        essential = tiers.get("essential", [])
        if essential:
            names = [_owned(detail, s) for s in essential]
            sources = [g.source for g in role.skills if g.tier == "essential"]
            facts.add_row(
                f"Essential ({len(essential)})",
                Clipped(names, GLANCE_ESSENTIALS_LINES, cites.mark(*sources) if sources else ""),
            )
        rest = [f"{len(ids)} {tier}" for tier, ids in tiers.items() if tier != "essential"]
        if rest:
            facts.add_row("Also needed", Text(", ".join(rest) + " (--full lists them)"))
    if detail.progress is not None:
        facts.add_row("Your progress", progress_text(detail.progress))
    parts.append(Group(Text(""), facts))
    related = _glance_related(detail)
    if related is not None:
        parts.append(section("Related roles", related))
    footer = cites.footer()
    if footer is not None:
        parts.append(footer)
    # the shortest name that finds the role, so the hint stays on one line
    title = shell_word(detail.handle or role.title)
    more = "Every section: --full"
    if detail.totals:
        more += f" · the phases: careercli roadmap {title}"
    parts.append(Text(more, style="dim"))
    return Group(*parts)


def _us(detail: RoleDetail) -> bool:
    return all(f.region == "US" for f in detail.pay)  # where the sources say US market


def title_lines(detail: RoleDetail, cites: Citations) -> RenderableType:
    """Title; track, pay family and other names; one line of what the role is."""
    role = detail.role
    lines: list[RenderableType] = [
        Text(role.title, style="bold cyan"),
        *_facts(detail, GLANCE_ALIASES),
    ]
    about = role.summary or role.primary_focus
    if role.named_only:
        line = Text(NAMED_ONLY, style="italic")
        if role.sources:
            line.append(" " + cites.mark(*role.sources), style="dim")
        lines.append(line)
        if detail.mentions:
            m = detail.mentions[0]
            where = f"{m.name} track, {stage_text(m.stage)}" if m.stage else f"{m.name} industry"
            more = (
                f" (+{len(detail.mentions) - 1} more in --full)" if len(detail.mentions) > 1 else ""
            )
            lines.append(
                Text.assemble(
                    ("Named in: ", "bold"), where, " ", (cites.mark(m.source), "dim"), (more, "dim")
                )
            )
    elif about:
        line = Text(first_sentence(about, GLANCE_SUMMARY))
        if role.sources:
            line.append(" " + cites.mark(role.sources[0]), style="dim")
        lines.append(line)
    return Group(*lines)


def first_sentence(text: str, limit: int) -> str:
    """The text's first sentence, cut at a word with ``…`` when longer than ``limit``."""
    text = " ".join(text.split())
    for i, ch in enumerate(text):
        if ch in ".!?" and (i + 1 == len(text) or text[i + 1] == " ") and i > 20:
            text = text[: i + 1]
            break
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def _owned(detail: RoleDetail, skill_id: str) -> Text:
    name = detail.skill_names[skill_id]
    if skill_id in detail.have:
        return Text(f"{name} {HAVE}", style="green")
    return Text(name)


PayRows = dict[tuple[str, str | None], dict[str, list[PayFigure]]]


def pay_rows(detail: RoleDetail) -> tuple[list[str], PayRows]:
    """The levels with a figure (in career order), and per (source, family) the figures
    at each level: one row per source, so sources that disagree sit one above the other."""
    grouped = pay_by_level(detail.pay)
    rows: PayRows = {}
    for level, figs in grouped.items():
        for f in figs:
            rows.setdefault((f.source, f.via), {}).setdefault(level, []).append(f)
    return list(grouped), rows


def pay_notes(detail: RoleDetail, cites: Citations, worded: str) -> list[str]:
    """What the pay rows need said: the family a source's figures are for, and where the
    source's own words for a level are (``worded``), when a figure has them."""
    families = {(f.source, f.via) for f in detail.pay if f.via}
    notes = [
        f"{cites.mark(source)} for the {via} family"
        for source, via in sorted(families, key=lambda k: cites.number(k[0]))
    ]
    if any(f.label for f in detail.pay):
        notes.append(worded)
    return notes


def _glance_pay(detail: RoleDetail, cites: Citations) -> RenderableType:
    """Levels across, one row per source; the source's words for a level are in --full."""
    levels, rows = pay_rows(detail)
    t = table("Source", *(level_label(lv) for lv in levels), min_widths=(6,))
    for (source, _via), cells in rows.items():
        row: list[Text | str] = [Text(cites.mark(source), style="dim")]
        for level in levels:
            figs = cells.get(level, [])
            row.append("\n".join(amount(f) + ("*" if f.label else "") for f in figs) or "-")
        t.add_row(*row)
    notes = pay_notes(detail, cites, "* the level in the source's words: --full")
    if not notes:
        return t
    return Group(t, Text(" · ".join(notes), style="dim"))


def glance_time(detail: RoleDetail, cites: Citations) -> Text:
    """From zero: each roadmap's total (end of its last phase when the source states
    none) and each timeline the sources give, cited."""
    out = Text()
    for roadmap, total in detail.totals:
        if total is None:
            continue
        if out:
            out.append("\n")
        out.append(duration_label(total), style="bold")
        how = "as stated" if roadmap.total is not None else "end of its last phase"
        out.append(f" from zero ({roadmap.name}, {how}) ")
        out.append(cites.mark(roadmap.source), style="dim")
    timelines = detail.role.timelines
    if timelines:
        if out:
            out.append("\n")
        out.append("by background: " if len(timelines) > 1 else "")
        for i, tl in enumerate(timelines):
            out.append(", " if i else "")
            out.append(duration_label(tl.duration), style="bold")
            out.append(f" ({tl.label.lower() if tl.label[1:2].islower() else tl.label})")
        out.append(" " + cites.mark(*(tl.source for tl in timelines)), style="dim")
    if not out:
        out.append(NO_ROADMAP, style="dim")
    return out


def _glance_related(detail: RoleDetail) -> RenderableType | None:
    lines = related_lines(detail)
    if not lines:
        return None
    shown: list[RenderableType] = list(lines[:GLANCE_RELATED])
    if len(lines) > GLANCE_RELATED:
        shown.append(Text(f"+{len(lines) - GLANCE_RELATED} more in --full", style="dim"))
    return Group(*shown)


def related_lines(detail: RoleDetail, notes: bool = False) -> list[Text]:
    """The roles the sources link to this one (with the source's note, when ``notes``),
    then the nearest by skills: one line each, one wording on every page."""
    return [line for line, _ in _related(detail, notes)]


def _related(detail: RoleDetail, notes: bool) -> list[tuple[Text, Twin | None]]:
    share = {t.id: t.share for t in detail.twins}
    out: list[tuple[Text, Twin | None]] = []
    for link in detail.links:
        line = Text(link.name, style="bold" if link.role else "")
        line.append(f" · {link.kind}", style="dim")
        if link.role in share:
            line.append(f" · {share[link.role]}% of skills shared", style="dim")
        if notes and link.note:
            line.append(f": {link.note}")
        out.append((line, None))
    stated = {link.role for link in detail.links}
    for twin in detail.twins:
        if twin.id in stated:
            continue
        how = "near-twin by title" if twin.kind == "name" else "similar by skills"
        line = Text(twin.title, style="bold")
        line.append(f" · {how} · {twin.share}% of skills shared", style="dim")
        out.append((line, twin))
    return out


def _full_page(detail: RoleDetail) -> RenderableType:
    """Every section the KB holds for the role."""
    full = True
    role = detail.role
    cites = Citations(detail.sources)
    parts: list[RenderableType] = [_header(detail, cites)]
    if detail.progress is not None:
        parts.append(Text.assemble(("Your progress: ", "bold"), progress_text(detail.progress)))
    if role.skills:
        parts.append(section("Skills by importance", _skills(detail)))
    if full and role.skills:
        parts.append(section("Skill lines as the sources wrote them", _skill_lines(detail)))
    if full and role.requirements:
        parts.append(section("Requirements", blocks(role.requirements, cites)))
    if full and role.stack:  # the default view already names these skills by tier
        parts.append(section("Languages, frameworks and tools", _stack(role)))
    for freq in role.listing_frequencies:
        title = (
            f"How often job listings ask ({freq.sample_size} listings) {cites.mark(freq.source)}"
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
        pay: RenderableType = pay_table(detail.pay, cites)
        notes = [f"{level_label(f.level)}: {f.note}" for f in detail.pay if f.note]
        if full and notes:
            pay = Group(pay, Text("Notes", style="bold"), bullets(notes))
        us = all(f.region == "US" for f in detail.pay)  # where the sources say US market
        parts.append(section("Pay (USD a year, US market)" if us else "Pay (USD a year)", pay))
    else:
        parts.append(section("Pay", Text(NO_PAY, style="dim")))
    if role.qualifications:
        parts.append(section("Qualifications and experience", _qualifications(detail, cites, full)))
    responsibilities = [i for b in role.responsibilities for i in b.items] + [
        b.text for b in role.responsibilities if b.text
    ]
    if full and role.responsibilities:
        parts.append(section("Responsibilities", blocks(role.responsibilities, cites)))
    elif responsibilities:
        parts.append(section("Daily responsibilities", bullets(responsibilities)))
    way_in = _way_in(detail, cites)
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
                parts.append(section(title, blocks(held, cites)))
        if role.resources:
            parts.append(section("Courses and resources", _resources(detail, cites)))
        for block in role.sections:
            parts.append(section(block.heading or "More", blocks([block], cites, headed=False)))
    related = _related(detail, notes=True)
    if related:
        lines: list[RenderableType] = []
        for line, twin in related:
            lines.append(line if twin is None else Group(line, _twin_detail(twin)))
        parts.append(section("Related roles", Group(*lines)))
    footer = cites.footer(notes=True)
    if footer is not None:
        parts.append(footer)
    return Group(*parts)


NO_PAY = "The sources give no pay figure for this role."
NAMED_ONLY = (
    "The sources only name this role; they do not describe it. The related roles below are "
    "the nearest they describe."
)
NO_ROADMAP = "The sources give no roadmap or timeline for this role."


TWIN_NAMES = 6  # skill names shown per list of a twin in the full view


def _twin_detail(twin: Twin) -> RenderableType:
    """What a role and its twin both name, and what only one of them names."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column(overflow="fold")
    for label, names in (("both", twin.shared), ("only here", twin.only_here),
                         ("only there", twin.only_there)):  # fmt: skip
        if names:
            shown = ", ".join(names[:TWIN_NAMES])
            more = f" +{len(names) - TWIN_NAMES} more" if len(names) > TWIN_NAMES else ""
            grid.add_row(f"  {label}:", Text(shown + more))
    return grid


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


def _resources(detail: RoleDetail, cites: Citations) -> RenderableType:
    lines = []
    for r in detail.role.resources:
        line = Text(r.title, style="bold")
        if r.provider:
            line.append(f" ({r.provider})")
        line.append(f" · {r.kind}", style="dim")
        if r.note:
            line.append(f": {r.note}")
        line.append(" " + cites.mark(r.source), style="dim")
        lines.append(line)
    return Group(*lines)


GLANCE_ALIASES = 4  # other names on the glance page (an O*NET title has up to 60)


def _facts(detail: RoleDetail, aliases: int | None = None) -> list[Text]:
    """``technical track · ML Engineering pay family · also: MLE``, when any is known;
    the first ``aliases`` other names, when given, then how many more."""
    role = detail.role
    facts = []
    kb = getattr(role, "kb", None)  # of several KBs loaded, the one it comes from
    if kb:
        facts.append(f"from the {kb} KB")
    if role.track:
        facts.append(f"{role.track} track")
    if detail.family:
        facts.append(f"{detail.family} pay family")
    if role.aliases:
        shown = role.aliases if aliases is None else role.aliases[:aliases]
        more = len(role.aliases) - len(shown)
        facts.append("also: " + ", ".join(shown) + (f" (+{more} more in --full)" if more else ""))
    return [Text(" · ".join(facts), style="dim")] if facts else []


def _header(detail: RoleDetail, cites: Citations) -> RenderableType:
    role = detail.role
    lines: list[RenderableType] = [Text(role.title, style="bold cyan"), *_facts(detail)]
    described = [s for s in role.sources if s in detail.sources]
    if described:
        label = "Named by " if role.named_only else "Described by "
        lines.append(Text(label + cites.mark(*described), style="dim"))
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
            named.append(where + (f" ({m.note})" if m.note else "") + " " + cites.mark(m.source))
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


def pay_table(figures: list[PayFigure], cites: Citations) -> RenderableType:
    """Levels down, one column per source (and family), so disagreeing sources sit side
    by side."""
    columns: dict[tuple[str, str | None], str] = {}
    for f in figures:
        if (f.source, f.via) not in columns:
            family = f" {f.via} family" if f.via else ""
            columns[(f.source, f.via)] = f"{cites.mark(f.source)}{family}"
    t = table("Level", *columns.values(), min_widths=(9,) + (12,) * len(columns))
    for level, figs in pay_by_level(figures).items():
        cells = []
        for col in columns:
            here = [f for f in figs if (f.source, f.via) == col]
            cells.append(joined([figure_text(f) for f in here], sep="\n"))
        t.add_row(Text(level_label(level), style="bold"), *cells)
    return t


def _qualifications(detail: RoleDetail, cites: Citations, full: bool = False) -> RenderableType:
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
        line.append(" " + cites.mark(q.source), style="dim")
        lines.append(line)
    return Group(*lines)


def _way_in(detail: RoleDetail, cites: Citations) -> RenderableType | None:
    lines: list[Text] = []
    for roadmap, total in detail.totals:
        line = Text(roadmap.name, style="bold")
        line.append(" " + cites.mark(roadmap.source), style="dim")
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
        line.append(" " + cites.mark(tl.source), style="dim")
        lines.append(line)
    if detail.role.progression:
        stages = " → ".join(stage_text(s) for s in detail.role.progression)
        lines.append(Text.assemble(("Career stages: ", "bold"), stages))
    if not lines:
        return None
    lines.append(Text(f"See: careercli roadmap {shell_word(detail.role.title)}", style="dim"))
    return Group(*lines)
