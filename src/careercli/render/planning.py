"""Renderings of ``match`` and ``path``: fit scores, skills to add, pay steps."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from careercli.query.matching import WEIGHTS, Fit, best_next
from careercli.render.common import (
    Citations,
    figure_text,
    joined,
    plain,
    section,
    stage_text,
    table,
)
from careercli.render.format import duration_label, level_label, phase_label, signed_money

if TYPE_CHECKING:  # what a fit page needs is not what a path page needs
    from careercli.query.timing import WayIn
    from careercli.query.transition import PayStep, PhaseGroup, Transition

MISSING_SHOWN = 3


def render_fits(fits: list[Fit], have: frozenset[str]) -> RenderableType:
    t = table(
        "Role", "Fit", "Essentials you have", "Missing (most important first)",
        min_widths=(14, 4, 10, 16),
    )  # fmt: skip
    starred = False
    for f in fits:
        missing = [
            f.names[s] + ("*" if s in f.implied else "") + (" (begun)" if s in f.partial else "")
            for s in f.missing_first
        ]
        starred = starred or any(s in f.implied for s in f.missing_first[:MISSING_SHOWN])
        shown = ", ".join(missing[:MISSING_SHOWN])
        if len(missing) > MISSING_SHOWN:
            shown += f" (+{len(missing) - MISSING_SHOWN} more)"
        t.add_row(
            Text(f.title, style="bold"),
            f"{f.score:.0f}%",
            f"{f.essential_have} of {f.essential_total}",
            plain(shown or "none", "" if shown else "green"),
        )
    weights = ", ".join(f"{tier} {w}" for tier, w in WEIGHTS.items())
    note = Text(
        f"Fit: how much of the role you already have, its skills weighed by tier ({weights}). "
        "Missing: essentials first, then the skills job listings ask for most.",
        style="dim",
    )
    parts: list[RenderableType] = [t, note]
    if starred:
        parts.append(
            Text(
                "* not named by the role: implied by a skill it names (the KB's own curation)",
                style="dim",
            )
        )
    nxt = best_next(fits[0]) if fits else None
    if nxt is not None:
        skill, score = nxt
        parts.append(
            Text.assemble(
                "One skill that raises the best fit most: ",
                (fits[0].names[skill], "bold"),
                f" ({fits[0].title}: {fits[0].score:.0f}% to {score:.0f}%)",
            )
        )
    implied = [
        f"{f.title}: {f.names[s]} (via {f.names[f.implied[s]]})"
        for f in fits
        for s in f.covered
        if s in f.implied
    ]
    if implied:
        parts.append(
            Text(
                "Counted as implied by a skill the role names (the KB's own curation, not a "
                "source's): " + "; ".join(implied),
                style="dim",
            )
        )
    return Group(*parts)


def time_phrase(t: Transition, mark: Callable[[str], str]) -> str:
    """``9-12 months (ML background: Data Scientist needs Machine Learning) [1]``, or
    ``from zero: 14-20 months (Complete beginner) [1]``: the time for this start when a
    source states one, else the time from zero, labelled so."""
    sw = t.switch
    if not sw.ways:
        return "the sources give no time for this role"
    why = ""
    if sw.because:
        who = f"{t.from_title} needs" if t.start_from == "role" else "your profile has"
        why = f": {who} {', '.join(t.names[s] for s in sw.because)}"
    times = "; ".join(f"{duration_label(w.duration)} ({way_label(w)}{why}) {mark(w.source)}"
                      for w in sw.ways)  # fmt: skip
    if not sw.from_zero:
        return times
    if t.start_from == "nothing":
        return f"from zero: {times}"
    return f"no source states a time for this move; from zero: {times}"


def way_label(w: WayIn) -> str:
    """``ML background``, or ``Learning Path roadmap`` (and how its time was read)."""
    if not w.roadmap:
        return w.what
    return f"{w.what} roadmap" + ("" if w.stated else ", end of its last phase")


def others_phrase(t: Transition, mark: Callable[[str], str]) -> str:
    """The role's other stated times (timelines first, then whole roadmaps), cited once
    at the end when one source states them all."""
    others = sorted(t.switch.others, key=lambda w: w.roadmap)
    one = len({w.source for w in others}) == 1
    text = "; ".join(
        f"{way_label(w)}: {duration_label(w.duration)}" + ("" if one else f" {mark(w.source)}")
        for w in others
    )
    return f"{text} {mark(others[0].source)}" if one else text


def group_title(g: PhaseGroup) -> str:
    """``Phase 2: Frameworks (weeks 9-14)``; another role's phase says whose it is (a
    group of a phase)."""
    when = phase_label(g.duration, g.timing)
    title = (g.phase or "") + (f" ({when})" if when else "")
    return f"{g.role}'s {g.roadmap} › {title}" if g.role else title


def headed_groups(t: Transition) -> list[tuple[str, str | None, list[PhaseGroup]]]:
    """The phase groups under their headings, in learning order: each of the target's
    roadmaps (and its source), then other roles' roadmaps, then what no phase teaches."""
    out: list[tuple[str, str | None, list[PhaseGroup]]] = []
    for g in t.steps:
        if g.phase is None:
            head, source = "Not in any roadmap phase", None
        elif g.role is not None:
            head, source = "In other roles' roadmaps", None
        else:
            head, source = g.roadmap or "", g.source
        if out and out[-1][:2] == (head, source):
            out[-1][2].append(g)
        else:
            out.append((head, source, [g]))
    return out


def render_transition(t: Transition) -> RenderableType:
    cites = Citations(t.sources)
    start = t.from_title or "your profile"
    parts: list[RenderableType] = [
        Text.assemble(("From ", ""), (start, "bold cyan"), (" to ", ""), (t.to_title, "bold cyan"))
    ]
    if t.from_title and t.start_from != "role":
        mine = "your profile's skills" if t.start_from == "profile" else "no skills"
        parts.append(
            Text(
                f"The sources name no skills for {t.from_title}, so this starts from {mine}"
                + ("" if t.start_from == "profile" else " (save yours: careercli profile add)"),
                style="italic",
            )
        )
    parts.append(Text.assemble(("Time: ", "bold"), time_phrase(t, cites.mark)))
    if t.switch.others:
        parts.append(Text(f"Other estimates: {others_phrase(t, cites.mark)}", style="dim"))
    carry = Text.assemble(("Skills: ", "bold"), f"{len(t.to_add)} to add, ")
    carry.append(f"{len(t.carry_over)} carry over")
    if t.carry_over:
        carry.append(" (")
        carry.append(joined(t.names[s] for s in t.carry_over))
        carry.append(")")
    parts.append(carry)
    if t.to_add:
        lines: list[RenderableType] = []
        for head, source, groups in headed_groups(t):
            title = Text(head, style="bold")
            title.append(f" {cites.mark(source)}" if source else "", style="dim")
            lines.append(title)
            for g in groups:
                if g.phase is None:
                    lines.append(_tier_lines(g, 1))
                    continue
                sub = Text(group_title(g))
                sub.append(f" {cites.mark(g.source)}" if g.role and g.source else "", style="dim")
                lines += [Padding(sub, (0, 0, 0, 1)), _tier_lines(g, 2)]
        parts.append(section("Skills to add, in learning order", Group(*lines)))
    elif not t.carry_over:  # the sources only name the role: no skills to compare
        parts.append(
            section(
                "Skills to add", Text(f"The sources name no skills for {t.to_title}.", style="dim")
            )
        )
    else:
        parts.append(
            section(
                "Skills to add", Text("None: you have every skill the role names.", style="green")
            )
        )
    if t.from_role:
        parts.append(_pay(t, cites))
    if t.tracks:
        track_lines: list[RenderableType] = []
        for track in t.tracks:
            line = Text(track.name, style="bold")
            line.append(" " + cites.mark(track.source), style="dim")
            track_lines.append(line)
            stages = " → ".join(stage_text(s) for s in track.stages)
            track_lines.append(Padding(Text(stages), (0, 0, 0, 2), expand=False))
        parts.append(section("Career tracks that link them", Group(*track_lines)))
    footer = cites.footer()
    if footer is not None:
        parts.append(footer)
    return Group(*parts)


def _tier_lines(g: PhaseGroup, indent: int) -> RenderableType:
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column(overflow="fold")
    for tier, found in g.by_tier():
        grid.add_row(f"{tier}:", joined(found))
    return Padding(grid, (0, 0, 0, indent))


def _pay(t: Transition, cites: Citations) -> RenderableType:
    """One row per level: each role's figures (each cited), the change where one source
    ranges both."""
    if not t.pay:
        return section("Pay", Text("The sources give no pay for these roles."))
    tb = table("Level", t.from_title or "From", t.to_title, "Change", min_widths=(8, 10, 10, 6))
    levels: dict[str, list[PayStep]] = {}
    for step in t.pay:
        levels.setdefault(step.level, []).append(step)
    for level, steps in levels.items():
        cells = []
        for side in ("from_figures", "to_figures"):
            figures = [
                Text.assemble(figure_text(f), " ", (cites.mark(step.source), "dim"))
                for step in steps
                for f in getattr(step, side)
            ]
            cells.append(joined(figures, "\n") if figures else plain("-"))
        changes = []
        for step in steps:
            if step.change:
                lo, hi = step.change
                text = signed_money(lo) if lo == hi else f"{signed_money(lo)} to {signed_money(hi)}"
                changes.append(f"{text} {cites.mark(step.source)}")
        tb.add_row(Text(level_label(level), style="bold"), *cells, "\n".join(changes) or "-")
    return section("Pay (USD a year; a change only within one source)", tb)
