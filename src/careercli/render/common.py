"""Small building blocks shared by the renderers. Text from YAML is always ``Text``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

HAVE = "✓"


def heading(title: str) -> Text:
    return Text(title, style="bold underline")


def section(title: str, body: RenderableType) -> Group:
    """A titled block with a blank line before it."""
    return Group(Text(""), heading(title), Padding(body, (0, 0, 0, 1), expand=False))


def bullets(items: Iterable[str]) -> Table:
    """A bulleted list whose wrapped lines hang under the text, not the bullet."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for item in items:
        grid.add_row("•", Text(item))
    return grid


def table(*columns: str, min_widths: Sequence[int] = ()) -> Table:
    """A borderless table with a header, cells folding instead of being cut."""
    t = Table(box=None, pad_edge=False, expand=False, header_style="bold dim")
    for i, name in enumerate(columns):
        width = min_widths[i] if i < len(min_widths) else None
        t.add_column(name, overflow="fold", min_width=width)
    return t


def plain(text: str | None, style: str = "") -> Text:
    return Text(text or "", style=style)


def joined(parts: Iterable[Text | str], sep: str = ", ") -> Text:
    out = Text()
    for i, part in enumerate(parts):
        if i:
            out.append(sep)
        out.append(part if isinstance(part, Text) else Text(part))
    return out


def skill_names(ids: Iterable[str], name: Callable[[str], str], have: frozenset[str]) -> Text:
    """Skill names joined by commas, owned ones marked with a check and styled green."""
    parts = []
    for sid in ids:
        if sid in have:
            parts.append(Text(f"{name(sid)} {HAVE}", style="green"))
        else:
            parts.append(Text(name(sid)))
    return joined(parts)


def bar(value: float, total: float, width: int = 10) -> Text:
    """A proportional bar of block characters."""
    filled = round(width * value / total) if total else 0
    return Text("█" * filled + "·" * (width - filled), style="cyan")


def pct_text(have: int, total: int) -> str:
    pct = round(100 * have / total) if total else 0
    return f"{have}/{total} ({pct}%)"
