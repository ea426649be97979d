"""Pay figures as a chart on one labelled axis (``careercli salary``).

One line per figure: ``Role · level [n]``, the amount, then the figure drawn against an
axis whose ticks are labelled in dollars and which starts near the lowest figure shown.
A range is a bar, a median or average a point, an "up to" a ceiling mark, and an
open-ended figure ends in an arrow. Below a readable width each figure takes two lines:
its label, then the amount and the bar.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.text import Text

from careercli.query.salary import PayBoard, PayFigure
from careercli.render.common import Citations, wrap
from careercli.render.format import amount, level_label, qualifier

WIDE_MIN = 72  # below this, each figure's label sits on its own line above its bar
BAR_MIN = 16  # the narrowest bar worth drawing
BAR_MAX = 100
GAP = "  "

RANGE, POINT, CEILING, OPEN = "━", "●", "┤", "▶"
GLYPHS = {"range": RANGE, "median": POINT, "average": POINT, "up-to": CEILING}
LEGEND = {RANGE: "range", POINT: "median or average", CEILING: "up to", OPEN: "open-ended"}

# Steps between ticks, in dollars: 1, 2, 2.5 and 5 times a power of ten, from $1K.
NICE_STEPS = [int(m * 10**e) for e in range(3, 16) for m in (1, 2, 2.5, 5)]


TICK_SPACING = 4  # the fewest cells between two ticks


@dataclass(frozen=True)
class Axis:
    """Where amounts fall on a bar ``plot`` cells long (one more cell is kept for the
    open-ended arrow): a tick every ``step`` dollars, a label on every ``every``-th."""

    start: int
    end: int
    step: int
    plot: int
    every: int = 1

    def at(self, value: int) -> int:
        return round((value - self.start) * (self.plot - 1) / (self.end - self.start))

    @property
    def ticks(self) -> list[int]:
        return list(range(self.start, self.end + 1, self.step))

    @property
    def labelled(self) -> list[int]:
        return [v for v in self.ticks if v % (self.step * self.every) == 0]


def tick_label(value: int) -> str:
    """``$0``, ``$150K``, ``$2.5K``, ``$1M``, ``$1.5M``."""
    if value >= 1_000_000:
        return f"${value / 1_000_000:g}M"
    if value % 1000 == 0:
        return f"${value // 1000}K" if value else "$0"
    return f"${value / 1000:g}K"


def axis_for(low: int, high: int, bar: int) -> Axis:
    """The finest round axis from just below ``low`` to just above ``high`` on ``bar``
    cells: ticks at least :data:`TICK_SPACING` apart, labels on every tick or every
    other one, two blanks apart at least."""
    plot = bar - 1
    for step in NICE_STEPS:
        start = low // step * step
        end = max(-(-high // step) * step, start + step)
        if (plot - 1) * step / (end - start) < TICK_SPACING:
            continue
        for every in (1, 2):
            axis = Axis(start, end, step, plot, every)
            if len(axis.labelled) > 1 and _tick_labels(axis, bar) is not None:
                return axis
    return Axis(low, max(high, low + 1), max(high - low, 1), plot)  # an axis of two ticks


def _tick_labels(axis: Axis, bar: int) -> str | None:
    """The labels, each centred over its tick (the first kept inside the bar; the last
    left out when it would stick out of it); None when two would come closer than two
    blanks or fewer than two are left."""
    cells = [" "] * bar
    end, shown = -2, 0
    values = axis.labelled
    for value in values:
        label = tick_label(value)
        start = max(0, axis.at(value) - len(label) // 2)
        if start + len(label) > bar and value == values[-1] and shown > 1:
            break
        if start < end + 2 or start + len(label) > bar:
            return None
        cells[start : start + len(label)] = label
        end, shown = start + len(label), shown + 1
    return "".join(cells).rstrip() if shown > 1 else None


class Board:
    """The pay chart, pageable like a :class:`~careercli.render.common.Listing`: a
    screenful of rows on a terminal, every row as plain text into a pipe."""

    def __init__(self, board: PayBoard, width: int, level: str | None = None) -> None:
        self.board = board
        self.width = width
        self.level = level  # the one level every row is at, when the page asked for one

    @property
    def rows(self) -> Sequence[tuple[str, PayFigure]]:
        return self.board.rows

    @property
    def total(self) -> int:
        return self.board.total

    def head(self, n: int) -> RenderableType:
        cites = Citations(self.board.sources)
        lines = _lines(self.board, self.rows[:n], self.width, cites, self.level)
        footer = cites.footer()
        return Group(*lines, *([footer] if footer else []))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.head(len(self.rows))

    def plain_lines(self, width: int) -> Iterator[str]:
        return self._plain(self.rows, width)

    def lines_of(self, n: int, width: int) -> int:
        return sum(1 for _ in self._plain(self.rows[:n], width))

    def _plain(self, rows: Sequence[tuple[str, PayFigure]], width: int) -> Iterator[str]:
        cites = Citations(self.board.sources)
        for line in _lines(self.board, rows, width, cites, self.level):
            yield from wrap(line.plain, width)
        if cites.cited:
            yield ""
            yield "Sources"
            for text in cites.lines():
                yield from textwrap.wrap(text, width, initial_indent=" ", subsequent_indent=" ")


def _label(title: str, f: PayFigure, mark: str, covers: bool = True) -> Text:
    """``Role · level [n]``, with what the figure covers when ``covers``."""
    text = Text(title, style="bold")
    text.append(f" · {level_label(f.level)}")
    extra = qualifier(f) if covers else None
    if extra:
        text.append(f" ({extra})")
    text.append(f" {mark}", style="dim")
    return text


def _names(
    rows: Sequence[tuple[str, PayFigure]],
    marks: list[str],
    label_width: int,
    aliases: dict[str, list[str]],
) -> dict[str, str]:
    """Each role's name on the chart, one for all its rows: short enough that every row's
    ``Role · level [n]`` fits ``label_width``."""
    names: dict[str, str] = {}
    for (title, f), mark in zip(rows, marks, strict=True):
        room = label_width - (len(_label(title, f, mark, covers=False)) - len(title))
        short = _short_name(title, room, aliases.get(title, ()))
        names[title] = min(names.get(title, title), short, key=len)
    return names


def _short_name(title: str, room: int, aliases: Sequence[str]) -> str:
    """``title`` if it fits ``room`` cells, else the role's longest alias that fits and
    ends in the same word (ML Engineer, not Junior DS, for Machine Learning Engineer),
    else the title cut at a word."""
    if len(title) <= room:
        return title
    last = title.split()[-1].casefold() if title.split() else ""
    fits = [
        a for a in aliases if len(a) <= room and a.split()[-1:] and a.split()[-1].casefold() == last
    ]
    return max(fits, key=len) if fits else _cut(title, room)


def _cut(title: str, room: int) -> str:
    """``title`` shortened to ``room`` cells at a word, ending in an ellipsis."""
    if room <= 1:
        return "…"[:room]
    cut = title[: room - 1]
    if " " in cut and not title[room - 1 : room].isspace():
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ·&/,-") + "…"


def _lines(
    board: PayBoard,
    rows: Sequence[tuple[str, PayFigure]],
    width: int,
    cites: Citations,
    level: str | None,
) -> list[Text]:
    what = f"{level_label(level)} pay" if level else "Pay"
    lines = [Text(f"{what[0].upper()}{what[1:]}, USD a year", style="bold")]
    if rows:
        lines += _chart(rows, width, cites, board.aliases)
    if board.no_pay:
        what = f"no {level_label(level)} pay figures" if level else "no pay figures"
        lines += [Text(""), Text(f"{what} in the sources: {', '.join(board.no_pay)}")]
    return lines


def _chart(
    rows: Sequence[tuple[str, PayFigure]],
    width: int,
    cites: Citations,
    aliases: dict[str, list[str]],
) -> list[Text]:
    """The legend, the axis and a line per figure (two below :data:`WIDE_MIN`)."""
    marks = [cites.mark(f.source) for _, f in rows]  # numbered top to bottom
    amounts = [amount(f) for _, f in rows]
    amount_width = max(map(len, amounts))
    wide = width >= WIDE_MIN
    label_width = 0
    names: dict[str, str] = {}
    if wide:
        pairs = list(zip(rows, marks, strict=True))
        full = max(len(_label(t, f, m)) for (t, f), m in pairs)
        short = max(len(_label(t, f, m, covers=False)) for (t, f), m in pairs)
        room = width - amount_width - 2 * len(GAP)
        most = room - max(BAR_MIN, room * 2 // 5)
        label_width = min(full if full <= most else short, most)
        names = _names(rows, marks, label_width, aliases)
        # the column as wide as its labels are once shortened
        label_width = max(
            whole if (whole := len(_label(names[t], f, m))) <= label_width
            else len(_label(names[t], f, m, covers=False))
            for (t, f), m in pairs
        )  # fmt: skip
        bar = min(BAR_MAX, room - label_width)
        indent = label_width + len(GAP) + amount_width + len(GAP)
    else:
        bar = max(BAR_MIN // 2, width - 2 * len(GAP) - amount_width)
        indent = 2 * len(GAP) + amount_width
    figures = [f for _, f in rows]
    low, high = min(f.low for f in figures), max(f.high for f in figures)
    axis = axis_for(low, high, bar)
    drawn = {GLYPHS[f.kind] for f in figures} | {OPEN for f in figures if f.open_ended}
    legend = "  ".join(f"{g} {name}" for g, name in LEGEND.items() if g in drawn)
    lines = [Text(legend, style="dim")]
    lines += [Text(" " * indent + row, style="dim") for row in _axis_rows(axis, bar)]
    for (title, f), mark, text in zip(rows, marks, amounts, strict=True):
        figure = Text(text.ljust(amount_width), style="bold")
        figure.append(GAP)
        figure.append_text(_bar(f, axis, bar))
        if not wide:  # the label, then the figure under it
            lines += [_label(title, f, mark), Text(GAP) + figure]
            continue
        inline = len(_label(names[title], f, mark)) <= label_width
        line = _label(names[title], f, mark, inline)
        line.pad_right(label_width - len(line) + len(GAP))
        lines.append(line + figure)
        covers = qualifier(f)
        if covers and not inline:  # what the figure covers, under its label
            lines += [Text("    " + part, style="dim") for part in wrap(covers, width - 4)]
    return lines


def _axis_rows(axis: Axis, bar: int) -> list[str]:
    """The tick labels and, under them, the ruler with the ticks."""
    ruler = ["─"] * axis.plot
    for value in axis.ticks:
        ruler[axis.at(value)] = "┼" if value in axis.labelled else "┬"
    return [_tick_labels(axis, bar) or "", "".join(ruler)]


def _bar(f: PayFigure, axis: Axis, width: int) -> Text:
    cells = [" "] * width
    low, high = axis.at(f.low), axis.at(f.high)
    if f.kind == "range":
        if f.open_ended and f.max is None:
            high = axis.plot - 1  # "$400K+": from its floor on, off the axis
        cells[low : high + 1] = RANGE * (high - low + 1)
    else:
        cells[low] = GLYPHS[f.kind]
    if f.open_ended:
        cells[min(high + 1, width - 1)] = OPEN
    return Text("".join(cells).rstrip(), style="cyan")
