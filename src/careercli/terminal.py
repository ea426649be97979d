"""The terminal around a command: output consoles, JSON output, error lines, exit codes.

Colour follows Rich's detection (off when stdout is not a terminal, with ``NO_COLOR`` or
``TERM=dumb``); width follows the terminal or ``COLUMNS``.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import shlex
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment

from careercli.text import UNSAFE_CODES, one_line, scrub

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


class OutputError(Exception):
    """The answer cannot be written (a full disk, a closed stdout); one-line message."""


def _stdout() -> Any:
    if sys.stdout is None:  # started with stdout closed (>&-)
        raise OutputError("cannot write the answer: standard output is closed")
    return sys.stdout


@contextlib.contextmanager
def _writing() -> Iterator[None]:
    """Write errors other than a closed pipe (handled as 141) become an OutputError."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as err:
        raise OutputError(f"cannot write the answer: {err.strerror or err}") from None


def _dimension(name: str) -> int | None:
    """``COLUMNS`` or ``LINES`` when it is a positive number; otherwise the terminal's size
    (Rich would take ``COLUMNS=0`` as a width of 0 and print nothing)."""
    value = os.environ.get(name)
    if value is None or (value.isdigit() and int(value) > 0):
        return None  # Rich reads it, or asks the terminal
    for fd in (1, 2, 0):
        with contextlib.suppress(OSError, ValueError):
            size = os.get_terminal_size(fd)
            return size.columns if name == "COLUMNS" else size.lines
    return 80 if name == "COLUMNS" else 25


def stdout_console() -> Console:
    """The answer's console. ``NO_COLOR`` turns off every escape code, bold included."""
    plain = bool(os.environ.get("NO_COLOR"))
    return _AnswerConsole(
        highlight=False,
        emoji=False,
        color_system=None if plain else "auto",
        width=_dimension("COLUMNS"),
        height=_dimension("LINES"),
    )


class Scrubbed:
    """A renderable whose text has no control characters left: Rich keeps ESC and C1
    characters from a file's text, which would drive the terminal (clear it, set its
    title, write the clipboard). Rich's own control segments and styles are kept."""

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.renderable, options):
            if segment.control is None:
                clean = scrub(segment.text)
                if clean is not segment.text:
                    segment = Segment(clean, segment.style)
            yield segment


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


@contextlib.contextmanager
def import_progress() -> Iterator[Callable[[str, int, int], None] | None]:
    """A progress bar on stderr for a long import, only when stderr is a terminal: the
    callback takes (step, done, total). None when there is no terminal to draw on."""
    console = Console(stderr=True)
    if not console.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   console=console, transient=True)  # fmt: skip
    task = bar.add_task("Importing", total=None)

    def step(what: str, done: int, total: int) -> None:
        bar.update(task, description=what, completed=done, total=total)

    with bar:
        yield step


PAGING = {"on": True}  # ``careercli --no-pager`` turns it off for the run
DEFAULT_PAGER = "less"
LESS_FLAGS = "FRX"  # quit if one screen, keep colours, leave the page on the screen


def pager_command() -> list[str] | None:
    """``$PAGER`` split into words (as git does: ``less`` by default, ``cat`` or an empty
    value for none); None when paging is off."""
    if not PAGING["on"] or os.environ.get("TERM") == "dumb":  # an editor's shell buffer
        return None
    value = os.environ.get("CAREERCLI_PAGER", os.environ.get("PAGER", DEFAULT_PAGER))
    try:
        words = shlex.split(value)
    except ValueError:
        note_line(f"$PAGER {value!r} cannot be read as a command; the page is printed as it is")
        return None
    if not words or words == ["cat"]:
        return None
    return words


def _page(text: str, command: list[str]) -> bool:
    """``text`` through the pager; False when it cannot be started (then it is printed)."""
    env = dict(os.environ)
    env.setdefault("LESS", LESS_FLAGS)  # the user's own LESS wins, as with git
    env.setdefault("LV", "-c")
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        proc = subprocess.Popen(command, stdin=subprocess.PIPE, env=env)
    except OSError as err:
        note_line(f"the pager {command[0]!r} cannot start ({err.strerror or err}); printed instead")
        return False
    assert proc.stdin is not None
    with contextlib.suppress(BrokenPipeError, OSError):  # the user quit the pager early
        proc.stdin.write(text.encode(encoding, "careercli-plain"))
        proc.stdin.close()
    while True:
        try:
            code = proc.wait()
        except KeyboardInterrupt:  # Ctrl-C is the pager's to handle, as with git
            continue
        if code > 0:  # it may not have shown the page: say so (a signal is the user's)
            note_line(f"the pager {command[0]!r} exited with status {code}")
        return True


def print_renderable(renderable: RenderableType) -> None:
    """Print to stdout; into a pipe or file without the spaces Rich pads lines with; on a
    terminal through the pager when the page is taller than the screen.

    (Not with ``FORCE_COLOR``: escape codes then follow the padding.)"""
    renderable = Scrubbed(renderable)
    console = stdout_console()
    with _writing():
        if console.is_terminal:
            _stdout()
            command = pager_command()
            if command is None:
                console.print(renderable)
                return
            with console.capture() as captured:
                console.print(renderable)
            text = captured.get()
            if text.count("\n") < console.height or not _page(text, command):
                _stdout().write(text)
                _stdout().flush()
            return
        with console.capture() as captured:
            console.print(renderable)
        text = captured.get()
        out = _stdout()
        out.write("\n".join(line.rstrip(" ") for line in text.split("\n")))
        out.flush()


def print_drawn(text: str) -> None:
    """Text drawn by a :func:`stdout_console` (escape codes only on a terminal), as it is."""
    out = _stdout()
    with _writing():
        out.write(text)
        out.flush()


def print_text(text: str) -> None:
    """Text as it is (Markdown, a message), minus control characters but tab and newline."""
    out = _stdout()
    with _writing():
        out.write(scrub(text))
        out.flush()


def print_bytes(data: bytes) -> None:
    """Bytes exactly as made (an iCalendar file: CRLF lines, UTF-8), to a pipe or file."""
    out = _stdout()
    with _writing():
        out.flush()
        out.buffer.write(data)
        out.buffer.flush()


def print_lines(lines: Iterable[str]) -> None:
    """Plain lines to stdout as they come (a long listing into a pipe)."""
    out = _stdout()
    with _writing():
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
    # The most rows whose plain layout (which wraps as the drawn one does, at a fraction
    # of Rich's cost) fits, so that Rich draws once; the loop below is for a difference.
    while room > 1 and listing.lines_of(room, console.width) > budget:
        room -= 1
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


# JSON escapes only C0 itself; the other unsafe characters become escapes too.
_C1_ESCAPES = {c: f"\\u{c:04x}" for c in UNSAFE_CODES if c >= 0x20}


def print_json(data: Any) -> None:
    """JSON on stdout: UTF-8 text, or ASCII escapes where stdout cannot encode it; control
    characters are always escapes, never raw."""
    out = _stdout()
    encoding = (getattr(out, "encoding", None) or "utf-8").lower().replace("_", "-")
    text = json.dumps(data, indent=2, ensure_ascii=not encoding.startswith("utf"))
    with _writing():
        out.write(text.translate(_C1_ESCAPES) + "\n")
        out.flush()


def error_line(message: str) -> None:
    """One line on stderr, never wrapped, styled or carrying escape codes from a file."""
    sys.stderr.write(f"careercli: error: {_bounded(one_line(message))}\n")


def note_line(message: str) -> None:
    sys.stderr.write(f"careercli: {_bounded(one_line(message))}\n")


MAX_MESSAGE = 400  # characters of a message line (a 5,000-digit number, a 1 MB name)


def _bounded(message: str) -> str:
    return message if len(message) <= MAX_MESSAGE else message[: MAX_MESSAGE - 1] + "…"


# What a symbol careercli draws (or a source's text holds) becomes on a terminal whose
# encoding lacks it (PYTHONIOENCODING=ascii, latin-1, a legacy console); letters lose
# their accents; anything else becomes "?".
_PLAIN = {
    "·": "-", "•": "*", "…": "...", "›": ">", "→": "->", "←": "<-", "↔": "<->", "━": "=",
    "─": "-", "│": "|", "█": "#", "▓": "#", "▒": "+", "░": ".", "▶": ">", "●": "*",
    "┬": "+", "┼": "+", "┤": "|",
    "○": "o", "✓": "+", "✗": "x", "⭐": "*", "—": "--", "–": "-", "‘": "'", "’": "'",
    "“": '"', "”": '"', "×": "x", "≥": ">=", "≤": "<=", "±": "+/-", "€": "EUR",
    "£": "GBP", "\u00a0": " ",
}  # fmt: skip


def _plain_fallback(err: UnicodeError) -> tuple[str, int]:
    if not isinstance(err, UnicodeEncodeError):
        raise err
    import unicodedata

    out = []
    for char in err.object[err.start : err.end]:
        plain = _PLAIN.get(char)
        if plain is None:
            plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
        out.append(plain or "?")
    return "".join(out), err.end


codecs.register_error("careercli-plain", _plain_fallback)


def use_plain_fallbacks() -> None:
    """Write what stdout's and stderr's encodings lack as plain ASCII, never a crash."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="careercli-plain")  # type: ignore[union-attr]
