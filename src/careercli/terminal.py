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
from typing import Any

from rich.console import Console, RenderableType

from careercli.text import one_line


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


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def error_line(message: str) -> None:
    """One line on stderr, never wrapped, styled or carrying escape codes from a file."""
    sys.stderr.write(f"careercli: error: {one_line(message)}\n")


def note_line(message: str) -> None:
    sys.stderr.write(f"careercli: {one_line(message)}\n")
