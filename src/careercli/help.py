"""The help pages (``careercli --help``, ``careercli role -h``), laid out as gh lays its own.

Typer's own pages box every section in a table of five columns, which at 40 columns cuts
option names (``--no-cac…``) and shows Python types (``<bool>``, ``<list[str]>``,
``<int range> [x>=1]``). These pages are plain sections instead: a heading, then a name
and its description side by side when both fit, else the description under the name.
Words never break; an example too long for a line goes on under a hanging indent, ended
by `` \\`` so that it can still be pasted into a shell.

The help text of a command is its docstring: paragraphs, and a paragraph starting with
``Examples:`` (or ``Example:``) whose lines are commands.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Mapping, Sequence
from typing import Any

from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from careercli.terminal import Scrubbed, stdout_console

INDENT = 2  # a section's lines under its heading
HANG = 4  # the further lines of a wrapped usage or example line
MIN_DESCRIPTION = 24  # narrower than this, a description goes under its name
OTHER_PANEL = "Commands"  # the heading of commands no panel names

_EXAMPLES = re.compile(r"^Examples?:\s*", re.IGNORECASE)
_WORD = re.compile(r"""(?:"[^"]*"|'[^']*'|\S)+""")  # a shell word, quotes kept whole


def parse_help(text: str | None) -> tuple[list[str], list[str]]:
    """The description's paragraphs (lines joined) and the example commands."""
    paragraphs: list[str] = []
    examples: list[str] = []
    for para in inspect.cleandoc(text or "").split("\n\n"):
        lines = [line.strip() for line in para.strip().splitlines() if line.strip()]
        if not lines:
            continue
        if _EXAMPLES.match(lines[0]):
            first = _EXAMPLES.sub("", lines[0])
            examples += ([first] if first else []) + lines[1:]
        else:
            paragraphs.append(" ".join(lines))
    return paragraphs, examples


def summary(command: Any) -> str:
    """A command's one-line description in a list of commands: its first paragraph."""
    if command.short_help:
        return str(command.short_help)
    paragraphs, _ = parse_help(command.help)
    return paragraphs[0] if paragraphs else ""


def _shell_lines(line: str, width: int, continued: bool) -> list[str]:
    """``line`` in lines of at most ``width`` cells, broken between shell words; the
    further lines indented by :data:`HANG`, each but the last ending with `` \\`` when
    ``continued`` (so that the whole still pastes into a shell)."""
    words = _WORD.findall(line) or [""]
    tail = 2 if continued else 0
    out: list[str] = []
    current = words[0]
    for word in words[1:]:
        room = width - tail - (HANG if out else 0)
        if cell_len(current) + 1 + cell_len(word) <= room:
            current += " " + word
        else:
            out.append(current)
            current = word
    out.append(current)
    if continued:
        out = [part + " \\" for part in out[:-1]] + out[-1:]
    return [out[0]] + [" " * HANG + part for part in out[1:]]


def _heading(title: str) -> Text:
    return Text(title + ":", style="bold")


def _indented(body: RenderableType, by: int = INDENT) -> Padding:
    return Padding(body, (0, 0, 0, by), expand=False)


def _rows(
    rows: Sequence[tuple[str, str]], width: int, name_width: int | None = None
) -> RenderableType:
    """Names and descriptions: side by side when the descriptions keep room enough,
    else each description under its name. ``name_width`` aligns several sections."""
    name_width = max([name_width or 0, *(cell_len(name) for name, _ in rows)])
    if width - INDENT - name_width - 2 >= MIN_DESCRIPTION:
        grid = Table.grid(padding=(0, 2, 0, 0))
        grid.add_column(no_wrap=True, min_width=name_width, style="bold")
        grid.add_column()
        for name, text in rows:
            grid.add_row(name, Text(text))
        return _indented(grid)
    parts: list[RenderableType] = []
    for name, text in rows:
        parts.append(_indented(Text(name, style="bold")))
        if text:
            parts.append(_indented(Text(text), INDENT + HANG))
    return Group(*parts)


def _number(n: Any) -> str:
    return f"{n:,}" if isinstance(n, int) else str(n)


def _range_words(param: Any) -> str | None:
    """``1 to 100,000``, ``at least 1``: a number option's bounds in words."""
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    if low is not None and high is not None:
        return f"{_number(low)} to {_number(high)}"
    if low is not None:
        return f"at least {_number(low)}"
    if high is not None:
        return f"at most {_number(high)}"
    return None


def _describe(param: Any) -> str:
    """An option's help, with its bounds, default and environment variable in words."""
    text = (param.help or "").strip()
    extra = []
    bounds = _range_words(param)
    if bounds:
        extra.append(bounds)
    show = getattr(param, "show_default", False)
    default = param.default
    if isinstance(show, str):
        extra.append(f"default {show}")
    elif show and not getattr(param, "is_flag", False) and default not in (None, (), []):
        extra.append(f"default {_number(default)}")
    if extra:
        words = "; ".join(extra)
        if not text:
            text = words[0].upper() + words[1:] + "."
        elif text.endswith("."):
            text = f"{text[:-1]} ({words})."
        else:
            text = f"{text} ({words})"
    envvar = param.envvar if getattr(param, "show_envvar", False) else None
    if isinstance(envvar, str):
        text += f" Also read from ${envvar}."
    return text


def _option_name(param: Any) -> str:
    """``-h, --help``, ``--top N``: how an option is typed."""
    opts = sorted(param.opts, key=lambda o: (o.startswith("--"), o))
    name = ", ".join(opts + list(param.secondary_opts))
    if not getattr(param, "is_flag", False) and not getattr(param, "count", False):
        name += f" {param.metavar or 'VALUE'}"
    return name


def _argument_name(param: Any) -> str:
    if param.metavar:
        return str(param.metavar)
    name = str(param.name).upper()
    name = name if param.required else f"[{name}]"
    return name + ("..." if param.nargs != 1 else "")


def _usage(command: Any, ctx: Any) -> str:
    parts = [ctx.command_path]
    params = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    if any(p.param_type_name == "option" for p in params):
        parts.append("[OPTIONS]")
    if hasattr(command, "list_commands"):
        parts.append("COMMAND [ARGS]...")
    parts += [_argument_name(p) for p in params if p.param_type_name == "argument"]
    return " ".join(parts)


def _panels(
    command: Any, ctx: Any, order: Mapping[str, Sequence[str]]
) -> list[tuple[str, list[tuple[str, str]]]]:
    """The subcommands under their panel headings: panels and commands in ``order``
    (the one table in cli.py), then any command it does not place."""
    found: dict[str, Any] = {}
    for name in command.list_commands(ctx):
        sub = command.get_command(ctx, name)
        if sub is not None and not getattr(sub, "hidden", False):
            found[name] = sub
    out: list[tuple[str, list[tuple[str, str]]]] = []
    placed: set[str] = set()
    for panel, names in order.items():
        rows = [(n, summary(found[n])) for n in names if n in found]
        placed.update(names)
        if rows:
            out.append((panel, rows))
    rest = [(n, summary(c)) for n, c in found.items() if n not in placed]
    if rest:
        out.append((OTHER_PANEL, rest))
    return out


def help_page(
    command: Any, ctx: Any, panels: Mapping[str, Sequence[str]] | None = None
) -> RenderableType:
    """The help of ``command`` (a Typer command or group) as one renderable, fitted to
    the console's width when drawn (see :func:`help_text`)."""
    return _Page(command, ctx, panels or {})


class _Page:
    def __init__(self, command: Any, ctx: Any, panels: Mapping[str, Sequence[str]]) -> None:
        self.command, self.ctx, self.panels = command, ctx, panels

    def __rich_console__(self, console: Console, options: Any) -> Any:
        width = options.max_width
        command, ctx = self.command, self.ctx
        paragraphs, examples = parse_help(command.help)
        parts: list[RenderableType] = []

        def section(title: str, body: RenderableType) -> None:
            if parts:
                parts.append(Text(""))
            parts.extend([_heading(title), body])

        for i, para in enumerate(paragraphs):
            if i:
                parts.append(Text(""))
            parts.append(Text(para))
        usage = _shell_lines(_usage(command, ctx), width - INDENT, continued=False)
        section("Usage", _indented(Text("\n".join(usage))))
        if hasattr(command, "list_commands"):
            panels = _panels(command, ctx, self.panels)
            widest = max((cell_len(n) for _, rows in panels for n, _ in rows), default=0)
            for panel, rows in panels:
                section(panel, _rows(rows, width, widest))
        params = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
        arguments = [p for p in params if p.param_type_name == "argument"]
        if arguments:
            rows = [(_argument_name(p), (p.help or "").strip()) for p in arguments]
            section("Arguments", _rows(rows, width))
        flags = [p for p in params if p.param_type_name == "option"]
        if flags:
            section("Options", _rows([(_option_name(p), _describe(p)) for p in flags], width))
        if examples:
            lines = [
                line
                for example in examples
                for line in _shell_lines(example, width - INDENT, continued=True)
            ]
            section("Examples", _indented(Text("\n".join(lines))))
        if hasattr(command, "list_commands"):
            more = f"Run '{ctx.command_path} COMMAND --help' for more on a command."
            section("Learn more", _indented(Text(more)))
        yield Group(*parts)


def help_text(command: Any, ctx: Any, panels: Mapping[str, Sequence[str]] | None = None) -> str:
    """The help page drawn for stdout (escape codes only on a terminal), without the
    spaces Rich pads lines with and without the last newline (click adds one)."""
    console = stdout_console()
    with console.capture() as captured:
        console.print(Scrubbed(help_page(command, ctx, panels)))
    return "\n".join(line.rstrip(" ") for line in captured.get().split("\n")).rstrip("\n")
