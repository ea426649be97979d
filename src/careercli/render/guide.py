"""The guide view (``careercli guide``)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from careercli.query.guide import Guide
from careercli.render.common import Citations, blocks, plain, section, table
from careercli.render.format import duration_label


def render_guide(found: Guide) -> RenderableType:
    parts: list[RenderableType] = []
    cites = Citations(found.sources)
    if found.stages:
        first = found.stages[0]
        title = f"Skill priorities by career stage {cites.mark(first.source)}"
        t = table("Stage", "Essential", "Important", "Useful", "How", min_widths=(8, 10, 10, 8, 8))
        for stage in found.stages:
            name = Text(stage.name, style="bold")
            if stage.years:
                name.append(f"\n{duration_label(stage.years)}", style="dim")
            t.add_row(
                name,
                plain(", ".join(stage.essential)),
                plain(", ".join(stage.important)),
                plain(", ".join(stage.useful)),
                plain(stage.approach),
            )
        parts.append(section(title, t, first=True))
    for block in found.blocks:
        parts.append(
            section(
                block.heading or "Guidance",
                blocks([block], cites, headed=False),
                first=not parts,
            )
        )
    footer = cites.footer()
    if footer is not None:
        parts.append(footer)
    return Group(*parts)
