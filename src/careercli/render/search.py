"""Search hits (``careercli search``) and the industries view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text

from careercli.query.industry import Industries
from careercli.query.search import Hit
from careercli.render.common import Citations, bullets, joined, plain, section, table
from careercli.render.format import excerpt

if TYPE_CHECKING:
    from careercli.query.entries import Industry


def render_hits(hits: list[Hit]) -> RenderableType:
    t = table("Kind", "Name", "Matched in", min_widths=(5, 12, 14))
    for h in hits:
        where = Text()
        for i, m in enumerate(h.where):
            if i:
                where.append("\n")
            where.append(f"{m.field}: ", style="dim")
            where.append(excerpt(m.text, m.first))
        name = Text(h.name, style="bold")
        if h.kb:  # of several KBs loaded, the one the role comes from
            name.append(f"\nfrom the {h.kb} KB", style="dim not bold")
        t.add_row(h.kind, name, where)
    return t


def render_industries(found: Industries) -> RenderableType:
    parts: list[RenderableType] = []
    cites = Citations(found.sources)
    for n, i in enumerate(found.industries):
        if n:
            parts.append(Text(""))
        parts.append(Text.assemble((i.name, "bold cyan"), (" " + cites.mark(i.source), "dim")))
        if i.key_skills:
            parts.append(section("Key skills", joined(plain(k) for k in i.key_skills)))
        if i.primary_roles:
            parts.append(
                section(
                    "Primary roles",
                    joined(plain(r.name, "bold" if r.role else "") for r in i.primary_roles),
                )
            )
        if i.topics:
            parts.append(section("Specialized topics", bullets(i.topics)))
    footer = cites.footer()
    if footer is not None:
        parts.append(footer)
    return Group(*parts)


def render_industry_list(industries: list[Industry]) -> RenderableType:
    t = table("Industry", "Primary roles", min_widths=(14, 14))
    for i in industries:
        t.add_row(Text(i.name, style="bold"), plain(", ".join(r.name for r in i.primary_roles)))
    return t
