"""Salary ranges as bars on one scale (``careercli salary``)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from careercli.query.salary import PayFigure
from careercli.render.format import amount, level_label, money, provenance, qualifier

LABEL_MIN = 10


def render_board(rows: list[tuple[str, PayFigure]], width: int) -> RenderableType:
    scale = max(f.high for _, f in rows) or 1
    bar_width = max(LABEL_MIN, width - 2)
    lines: list[RenderableType] = [
        Text(
            f"Scale: $0 to {money(scale)} across {bar_width} characters; ▶ open-ended", style="dim"
        )
    ]
    for title, f in rows:
        head = Text(title, style="bold")
        head.append(f" · {level_label(f.level)} · ")
        head.append(amount(f), style="bold")
        covers = qualifier(f)
        if covers:
            head.append(f" ({covers})")
        head.append(f" [{provenance(f)}]", style="dim")
        lines.append(head)
        lines.append(_bar(f, scale, bar_width))
    return Group(*lines)


def _bar(f: PayFigure, scale: int, width: int) -> Text:
    width -= 1  # room for the open-ended marker at the far right
    start = round(width * f.low / scale)
    if f.kind == "range" and f.max is not None and f.max != f.min:
        end = max(start + 1, round(width * f.high / scale))
        body = "━" * (end - start)
    else:
        body = "●"
    text = Text(" " * min(start, width - 1))
    text.append(body, style="cyan")
    if f.open_ended:
        text.append("▶", style="cyan")
    text.truncate(width + 1)
    return text
