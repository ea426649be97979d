"""A dated plan (``careercli plan``): on the terminal, as a Markdown checklist, as iCalendar."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text

from careercli.render.common import HAVE, Citations, table
from careercli.render.format import duration_label, phase_label, source_label
from careercli.text import one_line

if TYPE_CHECKING:
    from careercli.query.plan import Plan

BACKGROUND_WORDS = {"beginner": "a complete beginner", "ml": "an ML background",
                    "full-time": "full-time study"}  # fmt: skip


def amount(value: float, unit: str) -> str:
    """``9 months``, ``2.4 months``, ``1 week``: a length in the plan's unit."""
    text = f"{value:.0f}" if abs(value - round(value)) < 0.05 else f"{value:.1f}"
    return f"{text} {unit[:-1] if text == '1' else unit}"


def day(d: datetime.date) -> str:
    return d.isoformat()


def pace_lines(plan: Plan, cites: Citations) -> list[str]:
    """What the dates rest on: the roadmap, the bound of each range, the background's
    timeline (and that the scaling is careercli's), the time the profile saves."""
    lines = [
        f"{plan.roadmap} {cites.mark(plan.source)}: each phase planned at the upper end of "
        "the source's range."
    ]
    if plan.timeline is not None:
        tl = plan.timeline
        lines.append(
            f"Paced for {BACKGROUND_WORDS.get(plan.background or '', plan.background)}: the "
            f"source gives {duration_label(tl.duration)} for “{tl.label}” "
            f"{cites.mark(tl.source)}, as a total only; careercli scaled the phases to it."
        )
    elif plan.background is not None:
        lines.append(
            f"The sources state no timeline for {BACKGROUND_WORDS[plan.background]} for this "
            "role: the dates follow its roadmap."
        )
    done = [p.name for p in plan.phases if p.done]
    if done:
        lines.append(
            f"Done already (your profile has every skill they teach): {', '.join(done)}; "
            f"{amount(plan.saved, plan.unit)} sooner."
        )
    return lines


def render_plan(plan: Plan) -> RenderableType:
    cites = Citations(plan.sources)
    head = Text(f"Plan: {plan.role_title}", style="bold cyan")
    span = Text(
        f"From {day(plan.start)} to {day(plan.last_day)} ({amount(plan.total, plan.unit)})",
        style="bold",
    )
    notes = [Text(line, style="dim") for line in pace_lines(plan, cites)]
    t = table("Phase", "Source says", "Takes", "Start", "End", "Skills",
              min_widths=(12, 8, 6, 10, 10, 6))  # fmt: skip
    for p in plan.phases:
        name = Text(p.name, style="bold")
        skills = f"{len(p.have)} of {len(p.skills)}" if p.skills else "-"
        if p.done:
            name.append(f" {HAVE}", style="green")
            t.add_row(name, phase_label(p.duration, plan.timing), "done", "-", "-", skills)
            continue
        t.add_row(name, phase_label(p.duration, plan.timing), amount(p.length, plan.unit),
                  day(p.start), day(p.last_day), skills)  # fmt: skip
    parts: list[RenderableType] = [head, span, *notes, Text(""), t]
    footer = cites.footer()
    if footer is not None:
        parts.append(footer)
    parts.append(
        Text("As a checklist: --format markdown · in a calendar: --format ics", style="dim")
    )
    return Group(*parts)


def plan_markdown(plan: Plan) -> str:
    """The plan as a Markdown checklist with dates: a heading per phase, a box per skill,
    ticked where the profile has it."""
    from careercli.render.markdown import with_sources

    cites = Citations(plan.sources)
    lines = [f"# Plan: {plan.role_title}", ""]
    span = f"From {day(plan.start)} to {day(plan.last_day)} ({amount(plan.total, plan.unit)})."
    lines += [span, ""]
    lines += [line for text in pace_lines(plan, cites) for line in (text, "")]
    for p in plan.phases:
        when = phase_label(p.duration, plan.timing)
        said = f" (the source: {when})" if when else ""
        if p.done:
            lines.append(f"## {p.name}: done{said}")
        else:
            lines.append(f"## {p.name}: {day(p.start)} to {day(p.last_day)}{said}")
        lines.append("")
        have = set(p.have)
        lines += [f"- [{'x' if s in have else ' '}] {s}" for s in p.skills]
        lines.append("")
    return with_sources(lines, cites)


def plan_ics(plan: Plan, stamp: datetime.date) -> bytes:
    """One all-day event per phase still to do (DTEND is the day after its last day, as
    iCalendar counts), importable into any calendar; the same plan gives the same bytes."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//careercli//plan//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"careercli plan: {one_line(plan.role_title)}")
    source = source_label(plan.sources[plan.source])
    for i, p in enumerate(plan.phases, 1):
        if p.done:
            continue
        event = Event()
        event.add("uid", f"{plan.role_id}-{plan.start.isoformat()}-phase-{i}@careercli")
        event.add("dtstamp", datetime.datetime.combine(stamp, datetime.time(), datetime.UTC))
        event.add("summary", one_line(f"{plan.role_title}: {p.name}"))
        event.add("dtstart", p.start)
        event.add("dtend", max(p.end, p.start + datetime.timedelta(days=1)))
        when = phase_label(p.duration, plan.timing)
        text = [f"{plan.roadmap}, {p.name}" + (f" ({when} in the source)" if when else "")]
        if p.skills:
            text.append("Skills: " + ", ".join(p.skills))
        text.append(f"Source: {source}")
        event.add("description", one_line(" · ".join(text)))
        event.add("transp", "TRANSPARENT")  # a plan, not a busy time
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data
