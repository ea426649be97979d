"""The roadmap as a Markdown checklist (``careercli roadmap ROLE --format markdown``)."""

from __future__ import annotations

from careercli.query.roles import RoleDetail
from careercli.render.format import (
    duration_label,
    phase_label,
    progress_text,
    source_label,
    total_label,
)
from careercli.text import one_line


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
