"""Salary ranges as bars on one scale (``careercli salary``)."""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.text import Text

from careercli.query.salary import PayFigure
from careercli.render.common import wrap
from careercli.render.format import amount, level_label, money, provenance, qualifier

LABEL_MIN = 10


class Board:
    """The salary bars, pageable like a :class:`~careercli.render.common.Listing`: a
    screenful of rows on a terminal, every row as plain text into a pipe."""

    def __init__(
        self, rows: list[tuple[str, PayFigure]], width: int, total: int | None = None
    ) -> None:
        self.rows = rows  # maybe only the first of ``total``
        self.width = width
        self._total = len(rows) if total is None else total

    @property
    def total(self) -> int:
        return self._total

    def head(self, n: int) -> RenderableType:
        return render_board(self.rows[:n], self.width, scale=self._scale())

    def _scale(self) -> int:
        return max(f.high for _, f in self.rows) or 1

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.head(len(self.rows))

    def plain_lines(self, width: int) -> Iterator[str]:
        for line in _lines(self.rows, width, self._scale()):
            yield from wrap(line.plain, width)


def render_board(
    rows: list[tuple[str, PayFigure]], width: int, scale: int | None = None
) -> RenderableType:
    return Group(*_lines(rows, width, scale or max(f.high for _, f in rows) or 1))


def _lines(rows: list[tuple[str, PayFigure]], width: int, scale: int) -> list[Text]:
    bar_width = max(LABEL_MIN, width - 2)
    lines = [
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
    return lines


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
