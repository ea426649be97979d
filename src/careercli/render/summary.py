"""Rendering of ``careercli validate``."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text


def render_summary(
    path: str, counts: dict[str, int], merge: dict[str, Any] | None = None
) -> RenderableType:
    """The counts; of several KBs merged, the KBs (label: file) and what merging did."""
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(justify="right")
    for name, count in counts.items():
        table.add_row(name.replace("_", " "), str(count))
    head = Text.assemble(("valid: ", "green bold"), Text(path, overflow="fold"))
    if merge is None:
        return Group(head, table)
    lines: list[RenderableType] = [head]
    for kb in merge["kbs"]:
        lines.append(Text.assemble(("  kb ", "dim"), (kb["label"], "bold"), f": {kb['path']}"))
    lines.append(table)
    shared = merge["shared_skills"]
    lines.append(Text(f"merged: {shared} skill{'' if shared == 1 else 's'} shared by id"))
    if merge["clashing_titles"]:
        lines.append(
            Text(
                f"told apart: {merge['clashing_titles']} roles sharing a name with a role of "
                "another KB (their titles carry their KB's label)"
            )
        )
    return Group(*lines)
