"""Roadmap trees (``careercli roadmap``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text
from rich.tree import Tree

from careercli.query.roadmap import Overview
from careercli.query.roles import RoleDetail
from careercli.render.common import (
    HAVE,
    Citations,
    joined,
    plain,
    section,
    skill_names,
    stage_years,
)
from careercli.render.format import (
    duration_label,
    more_line,
    phase_label,
    progress_text,
    total_label,
)

if TYPE_CHECKING:
    from careercli.query.entries import Stage


def render_roadmap(detail: RoleDetail) -> RenderableType:
    role = detail.role
    cites = Citations(detail.sources)
    parts: list[RenderableType] = [Text(f"Roadmap: {role.title}", style="bold cyan")]
    if detail.progress is not None:
        parts.append(Text.assemble(("Your progress: ", "bold"), progress_text(detail.progress)))
    if not detail.totals and not role.timelines and not role.progression:
        parts.append(Text("The sources give no learning path for this role.", style="dim"))
    for roadmap, total in detail.totals:
        label = Text(roadmap.name, style="bold")
        label.append(" " + cites.mark(roadmap.source), style="dim")
        if total is not None:
            label.append(" total ")
            label.append(total_label(roadmap, total), style="bold")
        tree = Tree(label, guide_style="dim")
        for phase in roadmap.phases:
            head = Text(phase.name, style="bold")
            when = phase_label(phase.duration, roadmap.timing)
            if when:
                head.append(f" ({when})", style="yellow")
            if phase.skills and all(s in detail.have for s in phase.skills):
                head.append(f" {HAVE}", style="green")
            branch = tree.add(head)
            if phase.objective:
                branch.add(Text(phase.objective, style="italic"))
            for topic in phase.topics:
                branch.add(plain(topic))
            if phase.skills:
                line = Text("Skills: ", style="dim")
                line.append(skill_names(phase.skills, detail.skill_names, detail.have))
                branch.add(line)
        parts.append(Text(""))
        parts.append(tree)
    if role.timelines:
        parts.append(
            section(
                "Time to get in, by starting point",
                Group(
                    *(
                        Text.assemble(
                            (f"{tl.label}: ", "bold"),
                            duration_label(tl.duration),
                            (" " + cites.mark(tl.source), "dim"),
                        )
                        for tl in role.timelines
                    )
                ),
            )
        )
    if role.progression:
        tree = Tree(Text("Career progression", style="bold"), guide_style="dim")
        for stage in role.progression:
            branch = tree.add(_stage_head(stage))
            for topic in stage.topics:
                branch.add(plain(topic))
        parts.append(Text(""))
        parts.append(tree)
    footer = cites.footer()
    if footer is not None:
        parts.append(footer)
    return Group(*parts)


def _stage_head(stage: Stage) -> Text:
    """A career stage's name in bold, its years (unless the name states them) in yellow."""
    head = Text(stage.name, style="bold")
    years = stage_years(stage)
    if years:
        head.append(f" ({years})", style="yellow")
    return head


def render_overview(ov: Overview) -> RenderableType:
    """The career tracks, then the roles that have a roadmap (maybe only the first few)."""
    parts: list[RenderableType] = [Text("Career tracks", style="bold cyan")]
    cites = Citations(ov.sources)
    for track in ov.tracks:
        tree = Tree(
            Text.assemble((track.name, "bold"), (" " + cites.mark(track.source), "dim")),
            guide_style="dim",
        )
        for stage in track.stages:
            branch = tree.add(_stage_head(stage))
            if stage.roles and not all(r.name in stage.name for r in stage.roles):
                names = dict.fromkeys(r.name for r in stage.roles)  # one name may link two roles
                branch.add(joined(plain(n, "bold") for n in names))
            for topic in stage.topics:
                branch.add(plain(topic))
        parts += [Text(""), tree]
    if ov.with_roadmap:
        lines = []
        for _, title, totals in ov.with_roadmap:
            line = Text(title, style="bold")
            if totals:
                line.append(": " + "; ".join(duration_label(t) for t in totals))
            lines.append(line)
        hidden = ov.roles_with_roadmap - len(ov.with_roadmap)
        if hidden:
            lines.append(Text(more_line(hidden, "roles", "careercli roadmap"), style="dim"))
        parts.append(section("Roles with a roadmap (careercli roadmap ROLE)", Group(*lines)))
    footer = cites.footer()
    if footer is not None:
        parts.append(footer)
    return Group(*parts)
