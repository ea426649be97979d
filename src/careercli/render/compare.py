"""Roles side by side (``careercli compare``); panels stack on narrow terminals."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from careercli.query.compare import Comparison
from careercli.query.roles import RoleDetail
from careercli.query.salary import pay_by_level
from careercli.render.common import (
    figure_text,
    joined,
    plain,
    section,
    skill_names,
    sources_section,
    table,
)
from careercli.render.format import (
    cite,
    duration_label,
    level_label,
    progress_text,
    provenance,
    way_in_label,
)

PANEL_MIN_WIDTH = 34


def render_comparison(comp: Comparison, width: int) -> RenderableType:
    panels = [_panel(comp, d) for d in comp.details]
    n = len(panels)
    if width >= PANEL_MIN_WIDTH * n:
        grid = Table.grid(expand=True, padding=(0, 1))
        for _ in panels:
            grid.add_column(ratio=1)
        grid.add_row(*panels)
        body: RenderableType = grid
    else:
        body = Group(*panels)
    have = comp.details[0].have
    shared = (
        joined([skill_names([s], comp.names, have) for s in comp.shared])
        if comp.shared
        else Text("none")
    )
    overlap = Group(
        *(
            Text.assemble(
                (f"{o.a_title} ↔ {o.b_title}: ", "bold"),
                f"{o.pct}% ({o.shared} of {o.union} skills)",
            )
            for o in comp.overlaps
        )
    )
    return Group(
        body,
        section("Skills both need" if n == 2 else "Skills all of them need", shared),
        section("Skill overlap", overlap),
        section("Pay by level (USD a year)", _pay(comp)),
        sources_section(comp.sources, comp.cited),
    )


def _panel(comp: Comparison, d: RoleDetail) -> Panel:
    role = d.role
    lines: list[RenderableType] = []
    facts = [
        f
        for f in (role.track and f"{role.track} track", d.family and f"{d.family} pay family")
        if f
    ]
    if facts:
        lines.append(Text(" · ".join(facts), style="dim"))
    if role.primary_focus or role.summary:
        lines.append(plain(role.primary_focus or role.summary))
    if d.progress is not None:
        lines.append(Text(f"Your progress: {progress_text(d.progress)}", style="green"))
    unique = comp.unique[role.id]
    for tier, ids in d.by_tier(unique).items():
        line = Text(f"Only here, {tier}: ", style="bold")
        line.append(skill_names(ids, comp.names, d.have))
        lines.append(line)
    if not unique:
        lines.append(Text("No skills of its own: the others name them all.", style="dim"))
    times = comp.time[role.id]
    if times:
        line = Text("Time to get in: ", style="bold")
        line.append(
            "; ".join(f"{way_in_label(w)} ({w.what}) {cite(comp.sources[w.source])}" for w in times)
        )
        lines.append(line)
    for q in role.qualifications:
        line = Text("Education: ", style="bold")
        line.append(q.education or q.text)
        if q.experience:
            line.append(f"; {duration_label(q.experience)} experience")
        lines.append(line)
    return Panel(Group(*lines), title=Text(role.title, style="bold cyan"), title_align="left")


def _pay(comp: Comparison) -> RenderableType:
    """Levels down, a column per role; each figure cites its source by a number that the
    lines under the table spell out (a full citation in every cell made rows five deep)."""
    levels = comp.levels
    if not levels:
        return Text("None of the sources give pay for these roles.")
    t = table(
        "Level", *(d.role.title for d in comp.details), min_widths=(8,) + (10,) * len(comp.details)
    )
    notes: dict[str, int] = {}
    for level in levels:
        cells = []
        for d in comp.details:
            figs = pay_by_level(d.pay).get(level, [])
            parts = []
            for f in figs:
                n = notes.setdefault(provenance(f), len(notes) + 1)
                parts.append(figure_text(f) + Text(f" [{n}]", style="dim"))
            cells.append(joined(parts, sep="\n") if parts else Text("-", style="dim"))
        t.add_row(Text(level_label(level), style="bold"), *cells)
    legend = Table.grid(padding=(0, 1, 0, 0))  # wrapped lines hang under the text
    legend.add_column(no_wrap=True, style="dim")
    legend.add_column(style="dim")
    for cited, n in notes.items():
        legend.add_row(f"[{n}]", Text(cited))
    return Group(t, legend)
