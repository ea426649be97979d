"""Renderings of ``match`` and ``path``: fit scores, skills to add, pay steps."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from careercli.query.matching import WEIGHTS, Fit, best_next
from careercli.query.transition import Transition
from careercli.render.common import (
    bullets,
    figure_text,
    joined,
    plain,
    section,
    sources_section,
    stage_text,
    table,
)
from careercli.render.format import cite, level_label, signed_money, source_short, way_in_label

MISSING_SHOWN = 3


def render_fits(fits: list[Fit], have: frozenset[str]) -> RenderableType:
    t = table(
        "Role", "Fit", "Essentials you have", "Missing (most important first)",
        min_widths=(14, 4, 10, 16),
    )  # fmt: skip
    for f in fits:
        missing = [f.names[s] for s in f.missing_first]
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


def render_transition(t: Transition) -> RenderableType:
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
    if t.to_add:
        tb = table("Tier", "Skill to add", "Covered in", min_widths=(9, 12, 10))
        for add in t.to_add:
            where = plain(add.phase or "no roadmap in the sources")
            if add.phase_role:
                where.append(f" ({add.phase_role}'s roadmap)", style="dim")
            tb.add_row(Text(add.tier, style="bold"), plain(add.name), where)
        parts.append(section(f"Skills to add ({len(t.to_add)})", tb))
    else:
        parts.append(
            section(
                "Skills to add", Text("None: you have every skill the role names.", style="green")
            )
        )
    parts.append(
        section(
            f"Skills that carry over ({len(t.carry_over)})",
            joined(t.names[s] for s in t.carry_over) if t.carry_over else Text("none"),
        )
    )
    if t.from_role:
        if t.pay:
            tb = table("Level", "Source", "From", "To", "Change", min_widths=(8, 10, 10, 10))
            for step in t.pay:
                change = "-"
                if step.change:
                    lo, hi = step.change
                    change = (
                        signed_money(lo)
                        if lo == hi
                        else f"{signed_money(lo)} to {signed_money(hi)}"
                    )
                ref = t.sources[step.source]
                tb.add_row(
                    Text(level_label(step.level), style="bold"),
                    plain(source_short(ref)),
                    joined([figure_text(f) for f in step.from_figures], "\n") or plain("-"),
                    joined([figure_text(f) for f in step.to_figures], "\n") or plain("-"),
                    change,
                )
            parts.append(section("Pay by level (USD a year; change only within one source)", tb))
        else:
            parts.append(section("Pay", Text("The sources give no pay for these roles.")))
    if t.time:
        ways = [f"{w.what}: {way_in_label(w)} {cite(t.sources[w.source])}" for w in t.time]
        parts.append(section("Time to get in", bullets(ways)))
    if t.tracks:
        lines: list[RenderableType] = []
        for track in t.tracks:
            line = Text(track.name, style="bold")
            line.append(" " + cite(t.sources[track.source]), style="dim")
            lines.append(line)
            stages = " → ".join(stage_text(s) for s in track.stages)
            lines.append(Padding(Text(stages), (0, 0, 0, 2), expand=False))
        parts.append(section("Career tracks that link them", Group(*lines)))
    if t.cited:
        parts.append(sources_section(t.sources, t.cited))
    return Group(*parts)
