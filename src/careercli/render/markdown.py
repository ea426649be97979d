"""Pages as Markdown to paste into notes or an issue (``--format markdown``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text

from careercli.query.roles import RoleDetail
from careercli.render.common import Citations, figure_text
from careercli.render.format import (
    duration_label,
    level_label,
    phase_label,
    progress_text,
    total_label,
)
from careercli.render.planning import group_title, headed_groups, others_phrase, time_phrase
from careercli.render.role import (
    NO_PAY,
    glance_time,
    pay_notes,
    pay_rows,
    related_lines,
    title_lines,
)
from careercli.text import one_line

if TYPE_CHECKING:
    from careercli.query.transition import Transition


def roadmap_markdown(detail: RoleDetail) -> str:
    """The roadmap as a Markdown checklist, ticked where the profile has a phase's skills."""
    role = detail.role
    cites = Citations(detail.sources)
    lines = [f"# Roadmap: {role.title}", ""]
    if detail.progress is not None:
        lines += [f"Your progress: {progress_text(detail.progress)}.", ""]
    for roadmap, total in detail.totals:
        lines.append(f"## {roadmap.name}")
        lines.append("")
        lines.append(
            f"Source: {cites.mark(roadmap.source)}"
            + (f". Total: {total_label(roadmap, total)}." if total else ".")
        )
        lines.append("")
        for phase in roadmap.phases:
            when = phase_label(phase.duration, roadmap.timing)
            lines.append(f"### {phase.name}" + (f" ({when})" if when else ""))
            if phase.objective:
                lines.append(f"_{phase.objective}_")
            lines.append("")
            if phase.skills:
                # The topics as the source wrote them; the boxes are the skills they name,
                # ticked from the profile (a topic and its skill are one item, not two).
                if phase.topics:
                    lines += [f"Topics: {', '.join(phase.topics)}", ""]
                for sid in phase.skills:
                    mark = "x" if sid in detail.have else " "
                    lines.append(f"- [{mark}] {detail.skill_names[sid]}")
            else:
                lines += [f"- [ ] {topic}" for topic in phase.topics]
            lines.append("")
    if role.timelines:
        lines += ["## Time to get in, by starting point", ""]
    for tl in role.timelines:
        lines.append(f"- {tl.label}: {duration_label(tl.duration)} {cites.mark(tl.source)}")
    return with_sources(lines, cites)


def _cell(text: str) -> str:
    """Text for a Markdown table cell: one line, its pipes escaped."""
    return one_line(text).replace("|", "\\|")


def md_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A GitHub-flavoured Markdown table."""
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |"]
    lines.append("|" + "|".join(" --- " for _ in header) + "|")
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines


def with_sources(lines: list[str], cites: Citations) -> str:
    """The page's lines, then its numbered sources (each defined once) as a Markdown list;
    one line each, no control characters."""
    while lines and not lines[-1]:
        lines.pop()
    found = cites.lines()
    if found:
        lines += ["", "## Sources", "", *(f"- {line}" for line in found)]
    return "\n".join(one_line(line) for line in lines) + "\n"


def role_markdown(detail: RoleDetail) -> str:
    """The role at a glance as Markdown: what it is, pay per level and source, time to
    get in, skills by tier (essentials as a checklist ticked from the profile), related
    roles and the numbered sources."""
    cites = Citations(detail.sources)
    head = title_lines(detail, cites)  # title, facts, one-line summary (cited)
    first, *rest = [line.plain for line in _texts(head)]
    lines = [f"# {first}", ""]
    lines += [line for text in rest for line in (text, "")]
    if detail.progress is not None:
        lines += [f"Your progress: {progress_text(detail.progress)}.", ""]
    us = bool(detail.pay) and all(f.region == "US" for f in detail.pay)
    lines += [f"## Pay (USD a year{', US market' if us else ''})", ""]
    if detail.pay:
        levels, rows = pay_rows(detail)
        body = []
        for (source, _via), cells in rows.items():
            figures = ["; ".join(figure_text(f).plain for f in cells.get(lv, [])) for lv in levels]
            body.append([cites.mark(source), *(f or "-" for f in figures)])
        lines += md_table(["Source", *(level_label(lv) for lv in levels)], body)
        notes = pay_notes(detail, cites, "")
        lines += ["", *(f"{n}." for n in notes if n)] if any(notes) else []
    else:
        lines.append(NO_PAY)
    lines += ["", "## Time to get in", ""]
    lines += [f"- {line}" for line in glance_time(detail, cites).plain.split("\n")]
    for tier, ids in detail.by_tier(detail.tiers).items():
        lines += ["", f"## {tier.capitalize()} skills ({len(ids)})", ""]
        if tier == "essential":
            lines += [
                f"- [{'x' if s in detail.have else ' '}] {detail.skill_names[s]}" for s in ids
            ]
        else:
            lines.append(", ".join(detail.skill_names[s] for s in ids))
    related = related_lines(detail)
    if related:
        lines += ["", "## Related roles", "", *(f"- {t.plain}" for t in related)]
    return with_sources(lines, cites)


def _texts(renderable: object) -> list[Text]:
    """The lines of a group of Rich texts (the role's title lines)."""
    if isinstance(renderable, Text):
        return [renderable]
    if isinstance(renderable, Group):
        return [t for r in renderable.renderables for t in _texts(r)]
    return []


def transition_markdown(t: Transition) -> str:
    """``path`` as a checklist to paste: the time, then the skills to add as boxes under
    the phase that teaches them, in learning order; sources defined at the bottom."""
    cites = Citations(t.sources)
    start = t.from_title or "your profile"
    lines = [f"# From {start} to {t.to_title}", ""]
    lines += [f"Time: {time_phrase(t, cites.mark)}", ""]
    if t.switch.others:
        lines += [f"Other estimates: {others_phrase(t, cites.mark)}", ""]
    carried = ", ".join(t.names[s] for s in t.carry_over)
    lines += [
        f"Skills: {len(t.to_add)} to add, {len(t.carry_over)} carry over"
        + (f" ({carried})" if carried else ""),
        "",
    ]
    for head, source, groups in headed_groups(t):
        lines += [f"## {head}" + (f" {cites.mark(source)}" if source else ""), ""]
        for g in groups:
            if g.phase is not None:
                mark = f" {cites.mark(g.source)}" if g.role and g.source else ""
                lines += [f"### {group_title(g)}{mark}", ""]
            lines += [f"- [ ] {a.name} ({a.tier})" for a in g.skills]
            lines.append("")
    if not t.to_add:
        none = (
            f"The sources name no skills for {t.to_title}."
            if not t.carry_over
            else ("You have every skill the role names.")
        )
        lines += [none, ""]
    return with_sources(lines, cites)
