"""The terminal around a command: output consoles, JSON output, error lines, exit codes.

Colour follows Rich's detection (off when stdout is not a terminal, with ``NO_COLOR`` or
``TERM=dumb``); width follows the terminal or ``COLUMNS``.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import threading
from collections.abc import Iterable, Iterator
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from rich.console import Console, RenderableType

from careercli.text import one_line

if TYPE_CHECKING:
    from careercli.render.common import Pageable


class ExitStatus(IntEnum):
    OK = 0
    ERROR = 1  # not found, bad data file, nothing to show
    USAGE = 2  # wrong arguments (also what click uses)
    INTERRUPTED = 130
    BROKEN_PIPE = 141


class _AnswerConsole(Console):
    def on_broken_pipe(self) -> None:
        # Rich would exit 1 here; let the CLI's one handler give the usual 141.
        self.quiet = True
        raise BrokenPipeError


def stdout_console() -> Console:
    """The answer's console. ``NO_COLOR`` turns off every escape code, bold included."""
    plain = bool(os.environ.get("NO_COLOR"))
    return _AnswerConsole(highlight=False, emoji=False, color_system=None if plain else "auto")


@contextlib.contextmanager
def slow_work_status(message: str, delay: float = 0.5) -> Iterator[None]:
    """A spinner on stderr, shown only on a terminal and only once ``delay`` has passed."""
    console = Console(stderr=True)
    if not console.is_terminal:
        yield
        return
    status = console.status(message)
    timer = threading.Timer(delay, status.start)
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        timer.join()  # a start already under way must finish before the stop
        status.stop()


def print_renderable(renderable: RenderableType) -> None:
    """Print to stdout; into a pipe or file without the spaces Rich pads lines with.

    (Not with ``FORCE_COLOR``: escape codes then follow the padding.)"""
    console = stdout_console()
    if console.is_terminal:
        console.print(renderable)
        return
    with console.capture() as captured:
        console.print(renderable)
    text = captured.get()
    console.file.write("\n".join(line.rstrip(" ") for line in text.split("\n")))
    console.file.flush()


def print_lines(lines: Iterable[str]) -> None:
    """Plain lines to stdout as they come (a long listing into a pipe)."""
    out = sys.stdout
    for line in lines:
        out.write(one_line(line) + "\n")
    out.flush()


SCREEN_RESERVED = 4  # lines a bounded listing leaves for its header, footer and prompt
SCREEN_MIN_ROWS = 5


def screen_rows(show_all: bool = False) -> int | None:
    """How many rows a listing shows at most: a screenful on a terminal (unless
    ``show_all``), else every row (None)."""
    console = stdout_console()
    if console.is_terminal and not show_all:
        return max(SCREEN_MIN_ROWS, console.height - SCREEN_RESERVED)
    return None


def print_pageable(listing: Pageable, what: str, command: str, show_all: bool) -> None:
    """A listing: on a terminal, the rows that fit the screen and a line saying how many
    more and how to see them; into a pipe (or with ``show_all``), every row as plain text.

    ``listing.total`` counts every row; a listing on a terminal may hold only the first
    :func:`screen_rows`."""
    budget = screen_rows(show_all)
    console = stdout_console()
    if budget is None:
        print_lines(listing.plain_lines(console.width))
        return
    from rich.console import Group
    from rich.segment import Segment, Segments
    from rich.text import Text

    from careercli.render.format import more_line

    room = min(budget, len(listing.rows))
    drawn = console.render_lines(listing.head(room), pad=False)
    while room > 1 and len(drawn) > budget:  # wrapped rows: scale, then step down
        room = min(room - 1, max(1, room * budget // len(drawn)))
        drawn = console.render_lines(listing.head(room), pad=False)
    # Print the lines drawn to measure, rather than drawing the table once more.
    page: list[RenderableType] = [Segments(s for line in drawn for s in (*line, Segment.line()))]
    hidden = listing.total - room
    if hidden > 0:
        page.append(Text(more_line(hidden, what, command), style="dim"))
    print_renderable(Group(*page))


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def error_line(message: str) -> None:
    """One line on stderr, never wrapped, styled or carrying escape codes from a file."""
    sys.stderr.write(f"careercli: error: {one_line(message)}\n")


def note_line(message: str) -> None:
    sys.stderr.write(f"careercli: {one_line(message)}\n")
