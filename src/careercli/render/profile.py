"""The profile view (``careercli profile show``)."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from careercli.profile import DEFAULT_LEVEL, LEVELS
from careercli.query.matching import ProfileSummary
from careercli.render.common import joined, section


def render_profile(
    summary: ProfileSummary,
    levels: Mapping[str, str] | None = None,
    target: str | None = None,
    history: tuple[int, datetime.date | None] = (0, None),
) -> RenderableType:
    """The skills by level (strongest first), the target role, how many dated changes,
    and the best fits."""
    known, unknown, fits = summary.known, summary.unknown, summary.fits
    levels = levels or {}
    if not known and not unknown:
        return Text("Your profile is empty. Add skills: careercli profile add python sql")
    by_level = Table.grid(padding=(0, 1, 0, 0))
    by_level.add_column(no_wrap=True, style="dim")
    by_level.add_column(overflow="fold")
    for level in reversed(LEVELS):
        ids = [s for s in known if levels.get(s, DEFAULT_LEVEL) == level]
        if ids:
            names = sorted((summary.names[s] for s in ids), key=str.casefold)
            by_level.add_row(f"{level}:", joined(names))
    parts: list[RenderableType] = [section(f"Your skills ({len(known)})", by_level, first=True)]
    if target:
        parts.append(Text.assemble(("Target: ", "bold"), target,
                                   (" (careercli progress, careercli next)", "dim")))  # fmt: skip
    changes, since = history
    if changes:
        when = f" since {since.isoformat()}" if since else ""
        parts.append(Text(f"{changes} dated change{'s' * (changes != 1)}{when}", style="dim"))
    if unknown:
        parts.append(Text(f"Not in this knowledge base: {', '.join(unknown)}", style="yellow"))
    if fits:
        lines = [Text.assemble((f.title, "bold"), f": {f.score:.0f}% fit") for f in fits]
        parts.append(section("Best fits (careercli match for more)", Group(*lines)))
    return Group(*parts)
