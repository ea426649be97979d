"""Progress over time (``careercli progress``) and what to learn next (``careercli next``)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.text import Text

from careercli.render.common import HAVE, Citations, bar, section, table
from careercli.render.format import progress_text, shell_word

if TYPE_CHECKING:
    from careercli.query.progress import NextSteps, ProgressReport

# An activity cell: no change that day, then 1, 2, 3, 4 or more changes. The glyphs get
# denser as the colour gets stronger, so the strip reads without colour too.
CELLS = [("·", "dim"), ("░", "green"), ("▒", "green"), ("▓", "bold green"), ("█", "bold green")]
DAYS = ("Mon", "", "Wed", "", "Fri", "", "Sun")


class ActivityStrip:
    """A week a column, Monday to Sunday down, like a contribution graph; each month named
    over the first week ending in it that has room. As many of the latest weeks as the
    width holds."""

    INDENT = 4  # "Mon "

    def __init__(self, report: ProgressReport) -> None:
        self.report = report

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        report = self.report
        weeks = (report.today - report.first_day).days // 7 + 1
        weeks = max(1, min(weeks, (options.max_width - self.INDENT - 3) // 2))
        first = report.today - datetime.timedelta(days=report.today.weekday() + 7 * (weeks - 1))
        head = [" "] * (self.INDENT + 2 * weeks + 3)
        previous, free = None, 0
        for w in range(weeks):
            sunday = first + datetime.timedelta(days=7 * w + 6)
            at = self.INDENT + 2 * w
            if sunday.month != previous and at >= free:
                label = sunday.strftime("%b")
                head[at : at + len(label)] = label
                free = at + len(label) + 1
                previous = sunday.month
        total = sum(n for d, n in report.activity.items() if d >= first)
        yield Text(f"{weeks} weeks to {report.today.isoformat()}: {total} change"
                   + "s" * (total != 1))  # fmt: skip
        yield Text("".join(head).rstrip(), style="dim")
        for d in range(7):
            line = Text(DAYS[d].ljust(self.INDENT), style="dim")
            for w in range(weeks):
                day = first + datetime.timedelta(days=7 * w + d)
                if day > report.today:
                    break
                glyph, style = CELLS[min(report.activity.get(day, 0), len(CELLS) - 1)]
                line.append(glyph, style=style)
                line.append(" ")
            line.rstrip()
            yield line
        legend = Text("less ", style="dim")
        for glyph, style in CELLS:
            legend.append(glyph, style=style)
        legend.append(" more: changes to your profile a day", style="dim")
        yield legend


def render_progress(report: ProgressReport) -> RenderableType:
    cites = Citations(report.sources)
    parts: list[RenderableType] = [Text(f"Progress: {report.title}", style="bold cyan")]
    if not report.overall.all_total:
        parts.append(Text(f"The sources name no skills for {report.title}.", style="dim"))
    else:
        parts.append(Text(progress_text(report.overall)))
    if report.levels:
        from careercli.profile import LEVELS

        levels = ", ".join(
            f"{report.levels[lv]} at {lv} level" for lv in LEVELS if report.levels[lv]
        )
        parts.append(Text(f"Of its skills in your profile: {levels}", style="dim"))
    if report.phases:
        first = report.phases[0]
        t = table("Phase", "", "Skills", min_widths=(12, 10, 6))
        for p in report.phases:
            name = Text(p.name, style="bold")
            if p.done:
                name.append(f" {HAVE}", style="green")
            count = f"{len(p.have)} of {len(p.skills)}" if p.skills else "-"
            t.add_row(name, bar(len(p.have), len(p.skills)) if p.skills else "", count)
        parts.append(section(f"{first.roadmap} {cites.mark(first.source)}", t))
    else:
        parts.append(Text("The sources give no roadmap for this role.", style="dim"))
    month = report.today.strftime("%B %Y")
    if report.this_month:
        lines = Text()
        for i, c in enumerate(report.this_month):
            lines.append(", " if i else "")
            lines.append(c.name, style="bold" if c.for_role else "")
            lines.append(f" ({c.level}, {c.date.strftime('%d %b')})", style="dim")
        parts.append(section(f"Skills done in {month} ({len(report.this_month)})", lines))
    else:
        parts.append(section(f"Skills done in {month}", Text("none yet", style="dim")))
    parts.append(section("Activity", ActivityStrip(report)))
    footer = cites.footer()
    if footer is not None:
        parts.append(footer)
    return Group(*parts)


def render_next(steps: NextSteps) -> RenderableType:
    cites = Citations(steps.sources)
    head = Text(f"Next for {steps.title}", style="bold cyan")
    if not steps.skills and not steps.named:
        return Group(head, Text(f"The sources name no skills for {steps.title}.", style="dim"))
    if not steps.skills:
        return Group(head, Text("Your profile has every skill the role names.", style="green"))
    items: list[RenderableType] = []
    for n, s in enumerate(steps.skills, 1):
        name = Text.assemble((f"{n}. ", "dim"), (s.name, "bold"), (f" ({s.tier})", "dim"))
        if s.level:
            name.append(f" · you: {s.level}", style="yellow")
        why = Text()
        if s.phase:
            where = f"{s.phase_role}'s {s.phase}" if s.phase_role else s.phase
            why.append(f"taught in {where}")
            if s.source:
                why.append(" " + cites.mark(s.source), style="dim")
        else:
            why.append("in no roadmap phase")
        if s.tier == "essential":
            why.append(f" · 1 of the {s.essentials_missing} essentials you lack")
        if s.listings:
            why.append(f" · asked in {s.listings} job listings")
        why.append(f" · fit {s.fit_before:.0f}% → {s.fit_after:.0f}%")
        items += [name, Padding(why, (0, 0, 0, 3))]
    more = steps.left - len(steps.skills)
    tail = [Text(f"{more} more after these: careercli path {shell_word(steps.title)}", style="dim")]
    order = "In learning order: the phase that teaches them, then importance, then how often "
    parts: list[RenderableType] = [head, Text(order + "job listings ask.", style="dim"), *items]
    if more > 0:
        parts += tail
    footer = cites.footer()
    if footer is not None:
        parts.append(footer)
    return Group(*parts)
