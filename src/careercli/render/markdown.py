"""Markdown checklists: the roadmap (``careercli roadmap ROLE --format markdown``) and the
way from one role to another (``careercli path FROM TO --format markdown``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careercli.query.roles import RoleDetail
from careercli.render.common import Citations
from careercli.render.format import (
    duration_label,
    phase_label,
    progress_text,
    source_label,
    total_label,
)
from careercli.render.planning import group_title, headed_groups, others_phrase, time_phrase
from careercli.text import one_line

if TYPE_CHECKING:
    from careercli.query.transition import Transition


def roadmap_markdown(detail: RoleDetail) -> str:
    """The roadmap as a Markdown checklist, ticked where the profile has a phase's skills."""
    role = detail.role
    lines = [f"# Roadmap: {role.title}", ""]
    if detail.progress is not None:
        lines += [f"Your progress: {progress_text(detail.progress)}.", ""]
    for roadmap, total in detail.totals:
        lines.append(f"## {roadmap.name}")
        lines.append("")
        lines.append(
            f"Source: {source_label(detail.sources[roadmap.source])}"
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
        ref = detail.sources[tl.source]
        lines.append(f"- {tl.label}: {duration_label(tl.duration)} ({source_label(ref)})")
    return "\n".join(one_line(line) for line in lines).rstrip() + "\n"


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
        lines += ["You have every skill the role names.", ""]
    if cites.cited:
        lines += ["## Sources", ""]
        lines += [f"- [{n}] {source_label(t.sources[sid])}" for n, sid in enumerate(cites.cited, 1)]
    return "\n".join(one_line(line) for line in lines).rstrip() + "\n"
