"""The sources of the knowledge base (``careercli sources``)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from careercli.query.sources import SourceUse
from careercli.render.common import Clipped
from careercli.render.format import source_label

SOURCE_ROLE_LINES = 2  # lines of role titles under a source before "+N more"


def covers(use: SourceUse) -> str:
    """``18 roles, 60 pay figures, 3 career tracks``: what the KB takes from a source."""
    parts = []
    for n, one, many in (
        (len(use.roles), "role", "roles"),
        (use.pay, "pay figure", "pay figures"),
        (use.listings, "listing count", "listing counts"),
        (len(use.tracks), "career track", "career tracks"),
        (len(use.industries), "industry", "industries"),
        (use.guidance, "block of guidance", "blocks of guidance"),
    ):
        if n:
            parts.append(f"{n} {one if n == 1 else many}")
    return ", ".join(parts) or "no figure or entry of its own"


def render_sources(found: list[SourceUse]) -> RenderableType:
    parts: list[RenderableType] = [
        Text(f"Sources of the knowledge base ({len(found)})", style="bold cyan")
    ]
    for use in found:
        ref = use.ref
        facts = Table.grid(padding=(0, 1, 0, 0))
        facts.add_column(no_wrap=True, style="dim", min_width=8)
        facts.add_column(overflow="fold")
        about = [str(x) for x in (ref.entry.published,) if x]
        if ref.entry.note:
            about.append(ref.entry.note)
        if about:
            facts.add_row("About", Text(" · ".join(about)))
        facts.add_row("Covers", Text(covers(use)))
        if use.roles:
            names = [Text(t) for t in use.roles]
            facts.add_row("Cited by", Clipped(names, SOURCE_ROLE_LINES))
        facts.add_row("File", Text(ref.file))
        parts += [Text(""), Text(source_label(ref), style="bold"), Padding(facts, (0, 0, 0, 1))]
    return Group(*parts)
