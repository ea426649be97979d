"""Small building blocks shared by the renderers. Text from YAML is always ``Text``."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from careercli.render.format import amount, duration_label, qualifier, source_label

if TYPE_CHECKING:
    from careercli.query.entries import Stage, TextBlock
    from careercli.query.refs import SourceRef
    from careercli.query.salary import PayFigure

HAVE = "✓"


def heading(title: str) -> Text:
    return Text(title, style="bold underline")


def section(title: str, body: RenderableType, first: bool = False) -> Group:
    """A titled block with a blank line before it (none when it opens the output)."""
    head = [] if first else [Text("")]
    return Group(*head, heading(title), Padding(body, (0, 0, 0, 1), expand=False))


def bullets(items: Iterable[str]) -> Table:
    """A bulleted list whose wrapped lines hang under the text, not the bullet."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for item in items:
        grid.add_row("•", Text(item))
    return grid


def blocks(items: Iterable[TextBlock], cites: Citations, headed: bool = True) -> Group:
    """Text blocks as the source wrote them: heading (and citation), paragraph, points."""
    out: list[RenderableType] = []
    for block in items:
        if headed and block.heading:
            out.append(
                Text.assemble((block.heading, "bold"), (" " + cites.mark(block.source), "dim"))
            )
        elif not headed:
            out.append(Text(cites.mark(block.source), style="dim"))
        if block.text:
            out.append(Text(block.text))
        if block.items:
            out.append(bullets(block.items))
    return Group(*out)


Cell = Text | str


class Pageable(Protocol):
    """What a long listing offers a pager: its rows, a renderable of the first few, and
    every row as plain lines no wider than ``width``."""

    @property
    def rows(self) -> Sequence[object]: ...

    @property
    def total(self) -> int: ...

    def head(self, n: int) -> RenderableType: ...

    def plain_lines(self, width: int) -> Iterator[str]: ...

    def lines_of(self, n: int, width: int) -> int:
        """Lines the first ``n`` rows take as plain text at ``width``, footers included."""
        ...


def _text(cell: Cell) -> Text:
    return cell if isinstance(cell, Text) else Text(cell)


def _plain(cell: Cell) -> str:
    return cell.plain if isinstance(cell, Text) else cell


def _cells(text: str) -> int:
    """Terminal cells ``text`` takes (ASCII, the usual case, is one a character)."""
    return len(text) if text.isascii() else cell_len(text)


def _widest_line(text: str) -> int:
    """Terminal cells of the widest of ``text``'s lines."""
    return max(map(_cells, text.split("\n"))) if "\n" in text else _cells(text)


def _longest_word(text: str) -> int:
    """Terminal cells of ``text``'s longest word (0 without one)."""
    words = text.split()
    if not words:
        return 0
    return max(map(len, words)) if text.isascii() else max(map(cell_len, words))


HANG = 2  # the further lines of a wrapped title in a compact listing's first column
CARD_HANG = 4  # ... of a card's title (its facts are indented by 2)


class Hanging:
    """Text whose wrapped lines after the first are indented, so that a title running
    on is not read as the next row."""

    def __init__(self, text: Text, indent: int = HANG) -> None:
        self.text, self.indent = text, indent

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        plain = self.text.plain
        whole = max(map(_cells, plain.split("\n")))
        longest = max(map(_cells, plain.split()), default=0)
        return Measurement(min(whole, longest + self.indent), whole).clamp(
            max_width=options.max_width
        )

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines = self.text.wrap(console, options.max_width)
        if len(lines) <= 1:
            yield self.text
            return
        first = lines[0]
        rest = self.text[len(first.plain) :]
        rest = rest[len(rest.plain) - len(rest.plain.lstrip()) :]
        yield first
        yield Padding(rest, (0, 0, 0, self.indent), expand=False)


def _empty(cell: Cell) -> bool:
    return _plain(cell).strip() in ("", "-")


class Listing:
    """Rows under a header, as a table when it fits, else as one card per row.

    Rich squeezes a table that is wider than the terminal until words break mid-way or
    columns vanish; below the table's readable width each row becomes a title line and
    a wrapped ``Column: value · Column: value`` line instead. :meth:`plain_lines` gives the
    same two layouts as plain text, line by line, for a pipe or a very long listing (Rich
    would measure every cell of every row first). Cells may be plain strings, made into
    Rich text only when drawn.

    A ``compact`` listing leaves out the columns empty in every row shown, keeps each
    first-column title on one line when the width allows (the other columns wrap first),
    and hangs a title's further lines. ``legend`` explains a mark a title may carry: its
    line is shown under the rows when one of them carries it.
    """

    def __init__(
        self,
        columns: Sequence[str],
        min_widths: Sequence[int] = (),
        total: int | None = None,
        compact: bool = False,
        legend: Mapping[str, str] | None = None,
    ) -> None:
        self.columns = list(columns)
        self.min_widths = list(min_widths)
        self.rows: list[list[Cell]] = []
        self._total = total
        self.compact = compact
        self.legend = dict(legend or {})
        self._trimmed = False  # the empty columns are already left out
        self._grid: tuple[list[list[Cell]], int, list[list[str]]] | None = None

    @property
    def total(self) -> int:
        """How many rows the listing has in all (it may hold only the first few)."""
        return len(self.rows) if self._total is None else max(self._total, len(self.rows))

    def add_row(self, *cells: Cell) -> None:
        self.rows.append(list(cells))

    def head(self, n: int) -> Listing:
        """The first ``n`` rows only."""
        out = Listing(self.columns, self.min_widths, compact=self.compact, legend=self.legend)
        out.rows = self.rows[:n]
        return out

    def _shown(self) -> Listing:
        """This listing as drawn: when compact, without the columns empty in every row."""
        if not self.compact or self._trimmed:
            return self
        keep = [
            i
            for i in range(len(self.columns))
            if i == 0 or any(i < len(r) and not _empty(r[i]) for r in self.rows)
        ]
        widths = [self.min_widths[i] if i < len(self.min_widths) else 0 for i in keep]
        out = Listing([self.columns[i] for i in keep], widths, self._total, True, self.legend)
        out.rows = [[r[i] for i in keep if i < len(r)] for r in self.rows]
        out._trimmed = True
        return out

    def _legend_lines(self) -> list[str]:
        titles = [_plain(r[0]) for r in self.rows if r]
        return [
            f"{mark} {text}" for mark, text in self.legend.items() if any(mark in t for t in titles)
        ]

    def _plain_rows_text(self) -> list[list[str]]:
        """Each row's cells as plain text, worked out once for the several passes over a
        long listing (rows may be added or replaced until it is drawn)."""
        grid = self._grid
        if grid is None or grid[0] is not self.rows or grid[1] != len(self.rows):
            grid = (self.rows, len(self.rows), [[_plain(c) for c in r] for r in self.rows])
            self._grid = grid
        return grid[2]

    def _fit_widths(self, width: int, floor: list[int] | None = None) -> list[int]:
        """Each column's width in ``width`` (the readable width fits in it): as wide as its
        widest cell, the widest column that can still wrap at its words narrowed first, as
        Rich does; a compact listing narrows its titles last."""
        floor = floor or self._word_widths()
        widths = self._widths()
        while sum(widths) + 2 * (len(widths) - 1) > width:
            wrapping = [k for k in range(len(widths)) if widths[k] > floor[k]]
            if not wrapping:
                break
            if self.compact:
                wrapping = [k for k in wrapping if k] or wrapping
            widths[max(wrapping, key=widths.__getitem__)] -= 1
        return widths

    def _table_widths(self, width: int) -> list[int] | None:
        """The column widths Rich's table gives these rows in ``width``, from the plain
        cells (Rich measures every cell of every row to find them): each column as wide as
        its widest line, the widest ones narrowed first by Rich's own rule, none below its
        minimum. None when they would not fit, for Rich's last resort to decide."""
        last = len(self.columns) - 1
        pads = [(i > 0) + (i < last) for i in range(len(self.columns))]
        most = [min(_cells(c) + p, width) for c, p in zip(self.columns, pads, strict=True)]
        for row in self._plain_rows_text():
            for i, cell in enumerate(row):
                most[i] = max(most[i], min(_widest_line(cell) + pads[i], width))
        least = [
            self.min_widths[i] + pads[i] if i < len(self.min_widths) else 0
            for i in range(len(self.columns))
        ]
        widths = [max(m, lo) or 1 for m, lo in zip(most, least, strict=True)]
        if sum(widths) > width:
            widths = Table._collapse_widths(widths, [True] * len(widths), width)
            widths = [max(w, lo) if w else 0 for w, lo in zip(widths, least, strict=True)]
        if sum(widths) > width:
            return None
        return [w - p for w, p in zip(widths, pads, strict=True)]

    def _table(self, width: int) -> Table:
        t = Table(box=None, pad_edge=False, expand=False, header_style="bold dim")
        fitted = self._fit_widths(width) if self.compact else self._table_widths(width)
        for i, name in enumerate(self.columns):
            least = self.min_widths[i] if i < len(self.min_widths) else None
            exact = fitted[i] if fitted else None
            t.add_column(name, overflow="fold", min_width=least, width=exact)
        for row in self.rows:
            cells: list[RenderableType] = [_text(c) for c in row]
            if self.compact and cells:
                cells[0] = Hanging(_text(row[0]))
            t.add_row(*cells)
        return t

    def _cards(self) -> Group:
        cards: list[RenderableType] = []
        for row in self.rows:
            title = _text(row[0]).copy()
            title.stylize("bold")
            facts = Text()
            for name, cell in zip(self.columns[1:], row[1:], strict=False):
                if _plain(cell).strip() in ("", "-"):
                    continue
                if facts:
                    facts.append(" · ", style="dim")
                if name:
                    facts.append(f"{name}: ", style="dim")
                value = _text(cell).copy()
                value.plain = value.plain.replace("\n", "; ")
                facts.append(value)
            cards.append(Hanging(title, CARD_HANG) if self.compact else title)
            if facts:
                cards.append(Padding(facts, (0, 0, 0, 2), expand=False))
        return Group(*cards)

    def _widths(self) -> list[int]:
        """Each column as wide as its widest cell (a line of one)."""
        widths = [_cells(c) for c in self.columns]
        for row in self._plain_rows_text():
            for i, cell in enumerate(row):
                widths[i] = max(widths[i], _widest_line(cell))
        return widths

    def lines_of(self, n: int, width: int) -> int:
        return sum(1 for _ in self.head(n).plain_lines(width))

    def plain_lines(self, width: int) -> Iterator[str]:
        """The rows as plain text: aligned columns, each cell wrapped within its column,
        when every word fits; else cards. No line is wider than ``width``."""
        if self.compact and not self._trimmed:
            yield from self._shown().plain_lines(width)
            return
        yield from self._plain_rows(width)
        for i, line in enumerate(self._legend_lines()):
            yield from [""] if i == 0 else []
            yield from textwrap.wrap(line, width, break_on_hyphens=False, subsequent_indent="  ")

    def _plain_rows(self, width: int) -> Iterator[str]:
        floor = self._word_widths()
        if sum(floor) + 2 * (len(floor) - 1) > width:
            yield from self._plain_cards(width)
            return
        widths = self._fit_widths(width, floor)
        hang = HANG if self.compact else 0
        for n, cells in enumerate([self.columns, *self._plain_rows_text()]):
            pairs = list(zip(cells, widths, strict=False))
            if all(_cells(c) <= w and "\n" not in c for c, w in pairs):
                yield "  ".join(c.ljust(w) for c, w in pairs).rstrip()
                continue  # one line: no cell wraps (most rows of a long listing)
            parts = [
                [c] if _cells(c) <= w and "\n" not in c else wrap(c, w, hang if k == 0 and n else 0)
                for k, (c, w) in enumerate(zip(cells, widths, strict=False))
            ]
            for k in range(max(map(len, parts))):
                line = "  ".join(
                    (p[k] if k < len(p) else "").ljust(w)
                    for p, w in zip(parts, widths, strict=False)
                )
                yield line.rstrip()

    def _plain_cards(self, width: int) -> Iterator[str]:
        hang = " " * (CARD_HANG if self.compact else 0)
        for row in self.rows:
            yield from textwrap.wrap(_plain(row[0]), width, subsequent_indent=hang) or [""]
            facts = [
                (f"{name}: " if name else "") + _plain(cell).replace("\n", "; ")
                for name, cell in zip(self.columns[1:], row[1:], strict=False)
                if _plain(cell).strip() not in ("", "-")
            ]
            if facts:
                yield from textwrap.wrap(" · ".join(facts), width, initial_indent="  ",
                                         subsequent_indent="  ")  # fmt: skip

    def _word_widths(self) -> list[int]:
        """Each column's narrowest width with no word broken (at least its minimum)."""
        widths = []
        grid = self._plain_rows_text()
        for i, name in enumerate(self.columns):
            cells = [row[i] for row in grid if i < len(row)] + [name]
            longest = max(map(_longest_word, cells), default=0)
            floor = self.min_widths[i] if i < len(self.min_widths) else 0
            hang = HANG if self.compact and i == 0 and len(self.rows) else 0
            widths.append(max(longest + hang, floor))
        return widths

    def readable_width(self) -> int:
        """Narrowest width at which no word breaks: each column as wide as its longest word."""
        if self.compact and not self._trimmed:
            return self._shown().readable_width()
        widths = self._word_widths()
        return sum(widths) + 2 * (len(widths) - 1)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        shown = self._shown()
        # A few columns of slack: Rich's own fitting can need slightly more than this sum.
        if shown.readable_width() + 3 <= options.max_width:
            yield shown._table(options.max_width)
        else:
            yield shown._cards()
        for i, line in enumerate(shown._legend_lines()):
            yield from [Text("")] if i == 0 else []
            yield Hanging(Text(line, style="dim"))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        # From the plain cells, as the table would measure them (each column from its
        # longest word to its widest line, two cells between columns), without building
        # the table only to measure it and then again to draw it.
        shown = self._shown()
        floor = shown._word_widths()  # each at least its column's minimum
        gaps = 2 * (len(floor) - 1)
        least, most = sum(floor) + gaps, sum(map(max, shown._widths(), floor)) + gaps
        return Measurement(least, max(most, least + 3)).clamp(max_width=options.max_width)


def wrap(text: str, width: int, hang: int = 0) -> list[str]:
    """``text`` wrapped at words to ``width`` (a word longer than that is cut), the lines
    after the first of each paragraph indented by ``hang``."""
    return [
        line
        for part in text.split("\n")
        for line in textwrap.wrap(part, width, break_on_hyphens=False, subsequent_indent=" " * hang)
        or [""]
    ]


def table(
    *columns: str,
    min_widths: Sequence[int] = (),
    total: int | None = None,
    compact: bool = False,
    legend: Mapping[str, str] | None = None,
) -> Listing:
    """A borderless table with a header that turns into cards when too narrow (see
    :class:`Listing` for ``compact`` and ``legend``)."""
    return Listing(columns, min_widths, total, compact, legend)


def plain(text: str | None, style: str = "") -> Text:
    return Text(text or "", style=style)


def joined(parts: Iterable[Text | str], sep: str = ", ") -> Text:
    out = Text()
    for i, part in enumerate(parts):
        if i:
            out.append(sep)
        out.append(part if isinstance(part, Text) else Text(part))
    return out


def skill_names(ids: Iterable[str], names: Mapping[str, str], have: frozenset[str]) -> Text:
    """Skill names joined by commas, owned ones marked with a check and styled green."""
    parts = []
    for sid in ids:
        if sid in have:
            parts.append(Text(f"{names[sid]} {HAVE}", style="green"))
        else:
            parts.append(Text(names[sid]))
    return joined(parts)


class Clipped:
    """Names joined by commas in at most ``lines`` lines of the width it is given, then
    ``… +N more``: a long list at a glance, at any terminal width."""

    def __init__(self, names: Sequence[Text], lines: int, mark: str = "") -> None:
        self.names = list(names)
        self.lines = lines
        self.mark = mark  # a citation after the list

    def _fit(self, width: int) -> Text:
        names, lines = self.names, self.lines
        for shown in range(len(names), 0, -1):
            more = f"… +{len(names) - shown} more" if shown < len(names) else ""
            more = f"{more} {self.mark}".strip()
            if _lines_needed([n.plain for n in names[:shown]], more, width) <= lines:
                break
        else:
            shown = 0
        out = joined(names[:shown])
        if shown < len(names):
            out.append((", " if shown else "") + f"… +{len(names) - shown} more", style="dim")
        if self.mark:
            out.append(" " + self.mark, style="dim")
        return out

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self._fit(options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        whole = cell_len(", ".join(n.plain for n in self.names) + " " + self.mark)
        return Measurement(min(20, whole), whole).clamp(max_width=options.max_width)


def _lines_needed(items: Sequence[str], more: str, width: int) -> int:
    """Lines the items take joined by ``, `` and wrapped at words (as Rich wraps)."""
    text = ", ".join([*items, more] if more else items)
    return len(textwrap.wrap(text, max(width, 1), break_on_hyphens=False)) or 1


def bar(value: float, total: float, width: int = 10) -> Text:
    """A proportional bar of block characters."""
    filled = round(width * value / total) if total else 0
    return Text("█" * filled + "·" * (width - filled), style="cyan")


def figure_text(f: PayFigure) -> Text:
    """``median $168,018 (15+ years experience)``: the amount and what it covers."""
    text = Text(amount(f))
    covers = qualifier(f)
    if covers:
        text.append(f" ({covers})", style="dim")
    return text


def stage_years(stage: Stage) -> str | None:
    """``1-2 years`` for a career stage, unless its name already says (``Year 1-2: ...``)."""
    if stage.years and not any(ch.isdigit() for ch in stage.name):
        return duration_label(stage.years)
    return None


def stage_text(stage: Stage) -> str:
    """``Entry Level (1-2 years)``, or the name alone when it states its years."""
    years = stage_years(stage)
    return f"{stage.name} ({years})" if years else stage.name


class Citations:
    """The one citation style of every page: ``[1]`` where a fact is shown, and a footer
    under the page that defines each number once (title and year; the seed file names
    are for ``--json`` and ``careercli sources``).

    Numbers follow the order a page first cites its sources, so build the page in the
    order it is shown (or :meth:`use` the ids first) and the footer last.
    """

    def __init__(self, refs: Mapping[str, SourceRef]) -> None:
        self.refs = refs
        self._numbers: dict[str, int] = {}

    def use(self, source_ids: Iterable[str]) -> None:
        """Number these sources now, in this order (those already numbered keep theirs)."""
        for sid in source_ids:
            self.number(sid)

    def number(self, source_id: str) -> int:
        return self._numbers.setdefault(source_id, len(self._numbers) + 1)

    def mark(self, *source_ids: str) -> str:
        """``[1]``, or ``[1][3]`` for a fact several sources state."""
        return "".join(f"[{self.number(s)}]" for s in dict.fromkeys(source_ids))

    @property
    def cited(self) -> list[str]:
        """The source ids cited so far, in number order."""
        return list(self._numbers)

    def lines(self) -> list[str]:
        """``[1] Title, 2025``: the footer as plain lines (Markdown, plain text)."""
        return [f"[{n}] {source_label(self.refs[sid])}" for sid, n in self._numbers.items()]

    def footer(self, notes: bool = False) -> Group | None:
        """``Sources`` with one line per number; with ``notes``, also each source's
        publisher, date and what the KB notes of it. None when nothing was cited."""
        if not self._numbers:
            return None
        lines: list[RenderableType] = []
        for sid, n in self._numbers.items():
            ref = self.refs[sid]
            lines.append(Text.assemble((f"[{n}] ", "bold"), source_label(ref)))
            if notes:
                about = [str(x) for x in (ref.entry.publisher, ref.entry.published) if x]
                if ref.entry.note:
                    about.append(ref.entry.note)
                if about:
                    lines.append(Padding(Text(" · ".join(about), style="dim"), (0, 0, 0, 4)))
        return section("Sources", Group(*lines))
