"""Rendering of ``careercli validate``."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text


def render_summary(path: str, counts: dict[str, int]) -> RenderableType:
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(justify="right")
    for name, count in counts.items():
        table.add_row(name.replace("_", " "), str(count))
    head = Text.assemble(("valid: ", "green bold"), Text(path, overflow="fold"))
    return Group(head, table)
