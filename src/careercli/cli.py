"""The Typer commands: parse, call one query, print a renderable or JSON once.

This is the one place that turns domain errors into exit codes (see ``_Group.invoke``).
"""

from __future__ import annotations

import contextlib
import datetime
import os
import shlex
import sqlite3
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.metadata import version as _pkg_version
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, get_args

import typer
from typer.core import TyperCommand, TyperGroup
from typer.exceptions import Abort

from careercli.kb.errors import KBError, ValidationFailed
from careercli.kb.paths import DATA_ENV
from careercli.kb.shapes import SKILL_CATEGORIES, TRACKS, LevelName
from careercli.profile import DEFAULT_LEVEL, ProfileError
from careercli.profile import LEVELS as PROFILE_LEVELS
from careercli.query.resolve import EmptyName, ResolveError

if TYPE_CHECKING:
    from careercli.kb.catalog import Catalog

from careercli.terminal import (
    ExitStatus,
    error_line,
    note_line,
    print_bytes,
    print_json,
    print_pageable,
    print_renderable,
    print_text,
    screen_rows,
)
from careercli.text import one_line


class UsageProblem(Exception):
    """Arguments that cannot work together; exit 2 with a one-line message."""


class DamagedCache(Exception):
    """A command failed on what it read from the cache: discard it, answer from the YAML."""

    def __init__(self, deleted: bool) -> None:
        super().__init__(deleted)
        self.deleted = deleted  # else the second try builds in memory


class _Help:
    """gh-like help pages that fit 40 columns (see careercli.help), printed by the help
    option itself so that a closed pipe exits as an answer's does (141, stderr empty)."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from careercli.help import help_text

        top = isinstance(self, TyperGroup) and ctx.parent is None
        formatter.write(help_text(self, ctx, HELP_PANELS if top else None))

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.callback = _show_help
            option.help = "Show this help."
        return option


def _show_help(ctx: Any, param: Any, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        _print_help(ctx.get_help())
        ctx.exit()


def _print_help(text: str) -> None:
    from careercli.terminal import print_drawn

    try:
        print_drawn(text + "\n")
    except BrokenPipeError:
        try:
            code = _pipe_closed()
        except BrokenPipeError:  # SIGPIPE's own, raised a moment after the failed write
            code = _pipe_closed()
        raise typer.Exit(code) from None


def _no_pager_first(words: list[str]) -> list[str]:
    """``--no-pager`` anywhere before ``--`` moved to the front, where the root option is
    (``careercli role MLE --no-pager`` works as ``careercli --no-pager role MLE``)."""
    end = words.index("--") if "--" in words else len(words)
    if "--no-pager" not in words[:end]:
        return words
    rest = [w for i, w in enumerate(words) if i >= end or w != "--no-pager"]
    return ["--no-pager", *rest]


class _Group(_Help, TyperGroup):
    retrying = False  # the second try, after a damaged cache
    fresh_only = False  # ... that could not be deleted: build in memory

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Run, turning Typer's usage errors (boxed, several lines) into one line, exit 2.

        Bare ``careercli`` still prints the help (Typer raises it as a usage error). A run
        that fails on a damaged cache runs once more from the YAML.
        """
        from careercli.terminal import use_plain_fallbacks

        use_plain_fallbacks()
        kwargs["standalone_mode"] = False
        given = kwargs.get("args")
        if given is None:
            given = args[0] if args else sys.argv[1:]
            args = args[1:]
        kwargs["args"] = _no_pager_first(list(given))
        try:
            try:
                code = super().main(*args, **kwargs)
            except DamagedCache as damaged:
                note_line("the cache was damaged: it was discarded, the answer is from the YAML")
                _Group.retrying, _Group.fresh_only = True, not damaged.deleted
                code = super().main(*args, **kwargs)
        except typer.TyperException as err:  # click's usage and other errors
            if type(err).__name__ == "NoArgsIsHelpError":  # bare careercli: help, success
                try:
                    _print_help(err.format_message())
                except typer.Exit as closed:
                    sys.exit(closed.exit_code)
                sys.exit(ExitStatus.OK)
            ctx = getattr(err, "ctx", None)
            usage = err.exit_code == ExitStatus.USAGE and ctx is not None
            hint = f" (see '{ctx.command_path} --help')" if ctx is not None and usage else ""
            message = err.format_message().replace("Value error, ", "")
            error_line((message.rstrip(".") if usage else message) + hint)
            sys.exit(err.exit_code)
        except Abort:
            code = ExitStatus.INTERRUPTED
        except BrokenPipeError:  # while Typer printed help or usage, before invoke
            code = _pipe_closed()
        finally:
            _Group.retrying = _Group.fresh_only = False
        if code == ExitStatus.INTERRUPTED:
            # Typer turns a Ctrl-C while parsing or running into a silent exit 130.
            note_line("interrupted")
        sys.exit(code if isinstance(code, int) else 0)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """The subcommand; its words must be text (a file name needs not be)."""
        name, command, rest = super().resolve_command(ctx, args)
        if name != "validate":
            for word in rest:
                _check_text(word)
        return name, command, rest

    def invoke(self, ctx: Any) -> Any:  # click's Context, which Typer does not export
        from careercli.files import BadHome
        from careercli.terminal import OutputError

        try:
            return super().invoke(ctx)
        except KBError as err:
            error_line(_kb_error_line(err))
            raise typer.Exit(ExitStatus.ERROR) from None
        except EmptyName as err:
            error_line(err.message)
            raise typer.Exit(ExitStatus.USAGE) from None
        except ResolveError as err:
            error_line(err.message)
            raise typer.Exit(ExitStatus.ERROR) from None
        except ProfileError as err:
            error_line(str(err))
            raise typer.Exit(ExitStatus.ERROR) from None
        except (UsageProblem, BadHome) as err:
            error_line(str(err))
            raise typer.Exit(ExitStatus.USAGE) from None
        except BrokenPipeError:
            raise typer.Exit(_pipe_closed()) from None
        except OutputError as err:
            error_line(str(err))
            raise typer.Exit(ExitStatus.ERROR) from None
        except (
            sqlite3.Error, LookupError, ValueError, TypeError, AttributeError, ArithmeticError,
            RecursionError,
        ) as err:  # fmt: skip
            # Anything else read from a cache file (a damaged page, a forged row, a wrong
            # table) means the cache cannot be trusted: main runs again from the YAML.
            state = ctx.obj
            if isinstance(state, State) and not _Group.retrying and not state.wrote:
                deleted = state.discard_cache()
                if deleted is not None:
                    raise DamagedCache(deleted) from err
            raise


class _Command(_Help, TyperCommand):
    pass


# The panels of ``careercli --help``: a new command is one more name here.
HELP_PANELS: dict[str, tuple[str, ...]] = {
    "Explore": (
        "role", "roles", "skill", "skills", "compare", "salary", "search", "industry", "guide",
        "roadmap", "sources",
    ),
    "Plan": ("match", "path", "plan", "progress", "next", "profile"),
    "Data": ("validate", "schema", "import"),
}  # fmt: skip


def _pipe_closed() -> int:
    """The reader went away (| head): stop quietly; nothing more can be written."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return ExitStatus.BROKEN_PIPE


def _check_text(word: str) -> None:
    """A usage error unless ``word`` is text (not bytes that are not UTF-8)."""
    try:
        word.encode("utf-8")
    except UnicodeEncodeError:
        try:
            shown = word.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:
            shown = word.encode("utf-8", "backslashreplace").decode("utf-8")
        raise UsageProblem(f"argument '{shown}' is not valid UTF-8 text") from None


def _kb_error_line(err: KBError) -> str:
    if isinstance(err, ValidationFailed) and err.lines and err.path:
        if len(err.lines) == 1:
            return f"{err.path}: {err.lines[0]}"
        hint = f"run 'careercli validate {err.path}' for all"
        return f"{err.message}; first: {err.lines[0]} ({hint})"
    return err.message


app = typer.Typer(
    cls=_Group,
    name="careercli",
    help=(
        "Explore AI and ML careers: what a role is, the skills it needs, what it pays "
        "(with source and year) and how long the way in takes.\n\n"
        "Examples:\n"
        '  careercli role "ML Engineer"\n'
        "  careercli roles --track technical\n"
        "  careercli match python sql statistics\n"
        '  careercli path "Data Scientist" MLE'
    ),
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=True,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


@dataclass
class State:
    data: list[str] | None = None
    use_cache: bool = True
    given_by: str = "--data"  # or the environment variable, for messages
    wrote: bool = False  # the command saved something: never run it twice
    _catalog: Catalog | None = field(default=None, repr=False)

    def catalog(self) -> Catalog:
        from careercli.kb.paths import data_paths
        from careercli.kb.store import open_catalog
        from careercli.terminal import slow_work_status

        if self._catalog is None:
            self._catalog = open_catalog(
                data_paths(self.data, self.given_by),
                self.use_cache and not _Group.fresh_only,
                lambda: slow_work_status("Reading the knowledge base (cached for next time)"),
            )
        return self._catalog

    def discard_cache(self) -> bool | None:
        """Delete the cache file the catalog was read from: whether that worked, or None
        when it read none (in memory, or not opened yet)."""
        from careercli.kb.store import discard

        return None if self._catalog is None else discard(self._catalog)


def _state(ctx: typer.Context) -> State:
    root = ctx.find_root()
    obj = root.obj
    if not isinstance(obj, State):
        # Shell completion parses without running the root callback: take its options here.
        data = root.params.get("data")
        if data and os.environ.get(DATA_ENV):
            data = _path_list(os.environ[DATA_ENV])
        obj = State(data=list(data) if data else None, use_cache=not root.params.get("no_cache"))
        root.obj = obj
    return obj


def _path_list(value: str) -> list[str] | None:
    """``$CAREERCLI_DATA`` split at ``os.pathsep``; empty entries (``a.yaml:``) skipped."""
    return [part for part in value.split(os.pathsep) if part.strip()] or None


def _version(value: bool) -> None:
    if value:
        print_text(f"careercli {_pkg_version('careercli')}\n")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    data: Annotated[
        list[str] | None,
        typer.Option(
            "--data",
            envvar=DATA_ENV,
            metavar="FILE",
            help="Knowledge base YAML to use instead of the bundled one; repeat it to use "
            "several as one (the variable: a list, like PATH).",
            show_default=False,
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option("--no-cache", help="Read the YAML afresh, without the cache."),
    ] = False,
    no_pager: Annotated[
        bool,
        typer.Option(
            "--no-pager",
            help="Print long pages straight to the terminal, not through $PAGER (less).",
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    source = ctx.get_parameter_source("data")
    given_by = DATA_ENV if source is not None and source.name == "ENVIRONMENT" else "--data"
    if given_by == DATA_ENV:  # a path list like PATH (click would split it at spaces)
        data = _path_list(os.environ.get(DATA_ENV, ""))
    if data is not None and any(not d.strip() for d in data):
        raise UsageProblem("--data names no file: give the path of a YAML knowledge base")
    ctx.obj = State(data=list(data) if data else None, use_cache=not no_cache, given_by=given_by)
    from careercli.terminal import PAGING

    PAGING["on"] = not no_pager


JsonFlag = Annotated[bool, typer.Option("--json", help="Print plain JSON (stable keys).")]
FormatOption = Annotated[
    Literal["text", "markdown"],
    typer.Option(
        "--format",
        metavar="FORMAT",
        case_sensitive=False,
        help="text, or markdown to paste into notes or an issue.",
    ),
]


def _one_output(as_json: bool, fmt: str) -> None:
    """--json and --format markdown together are a usage error, not a silent choice."""
    if as_json and fmt == "markdown":
        raise UsageProblem("--json and --format markdown ask for two outputs: give one")


AllFlag = Annotated[
    bool, typer.Option("--all", help="On a terminal, every row, not just a screenful.")
]
MAX_ROWS = 100_000  # the bound of --top and --limit (SQLite takes 64-bit numbers only)
OVERVIEW_ROLES = 12  # roles with a roadmap listed under the career tracks on a terminal


@app.command()
def validate(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(
            metavar="[FILE]",
            help="YAML file to check (default: the KB in use).",
            show_default=False,
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Check a knowledge base file and summarise it; list every error otherwise.

    A file whose exact bytes this version already validated (its cache) is not validated
    again.

    Examples:
      careercli validate
      careercli validate data/roles.yaml
    """
    from careercli.kb.paths import data_paths
    from careercli.render.json_shapes import validation_json

    state = _state(ctx)
    targets = [str(path)] if path else [str(p) for p in data_paths(state.data, state.given_by)]
    shown = os.pathsep.join(targets)
    try:
        checked = State(data=targets, use_cache=state.use_cache, given_by=state.given_by)
        ctx.find_root().obj = checked  # so that a damaged cache of it is discarded
        catalog = checked.catalog()
        counts, merge = catalog.counts(), catalog.merge
    except KBError as err:
        if as_json:
            print_json(validation_json(shown, None, err.lines or [err.message]))
        else:
            error_line(err.message)
            for line in err.lines:
                sys.stderr.write(f"  {one_line(line)}\n")
        raise typer.Exit(ExitStatus.ERROR) from None
    if as_json:
        print_json(validation_json(shown, counts, [], merge))
        return
    from careercli.render.summary import render_summary

    print_renderable(render_summary(shown, counts, merge))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the knowledge base, for editors that check YAML.

    Examples:
      careercli schema > schema.json
    """
    from careercli.kb.paths import bundled_schema_path

    try:  # the copy shipped with this version (a test keeps it equal to the models')
        text = bundled_schema_path().read_text(encoding="utf-8")
    except OSError:
        import json

        from careercli.kb.models import KnowledgeBase

        text = json.dumps(KnowledgeBase.model_json_schema(), indent=2) + "\n"
    print_text(text)


def _resolve(ctx: typer.Context, name: str, kind: str) -> str:
    """Resolve a role or skill name to its id, saying on stderr when it was a guess."""
    ids, guesses = _resolve_all(ctx, [name], kind)
    _announce(guesses)
    return ids[0]


def _resolve_all(ctx: typer.Context, names: list[str], kind: str) -> tuple[list[str], list[str]]:
    """Every name's id, and a note per guess: the caller prints the notes (``_announce``)
    once nothing can fail any more, so a failure is the only line on stderr."""
    from careercli.query.resolve import CatalogIndex, resolve

    index = CatalogIndex(_state(ctx).catalog(), kind)
    found = [resolve(name, index, kind) for name in names]
    guesses = [
        f"{name.strip()!r} taken as {kind} {hit.name!r}"
        for name, hit in zip(names, found, strict=True)
        if hit.guessed
    ]
    return [hit.id for hit in found], guesses


def _announce(notes: list[str]) -> None:
    for note in notes:
        note_line(note)


def _complete_role(ctx: typer.Context, incomplete: str) -> list[str]:
    return _complete(ctx, incomplete, "role")


def _complete_skill(ctx: typer.Context, incomplete: str) -> list[str]:
    return _complete(ctx, incomplete, "skill")


def _complete(ctx: typer.Context, incomplete: str, kind: str) -> list[str]:
    """Names starting with (or else containing) what was typed; silent on any problem."""
    try:
        catalog = _state(ctx).catalog()
        starts = catalog.names_starting(kind, incomplete)
        if starts:
            return starts
        low = incomplete.casefold()
        return [name for _, name, _ in catalog.names(kind) if low in name.casefold()]
    except Exception:  # completion must never print a traceback into the shell
        return []


RoleName = Annotated[
    str,
    typer.Argument(
        metavar="ROLE",
        help="Role title or alias; typos are forgiven.",
        autocompletion=_complete_role,
        show_default=False,
    ),
]


@app.command()
def role(
    ctx: typer.Context,
    name: RoleName,
    full: Annotated[
        bool, typer.Option("--full", help="Every section the sources give for the role.")
    ] = False,
    fmt: FormatOption = "text",
    as_json: JsonFlag = False,
) -> None:
    """Show one role at a glance: pay, time to get in, essential skills, related roles.

    One screen (80x32) per role; --full shows every section the sources give, and a page
    taller than the terminal goes through $PAGER (less).

    Examples:
      careercli role "ML Engineer"
      careercli role MLE --full
      careercli role MLE --format markdown > mle.md
    """
    from careercli.query.roles import role_detail

    _one_output(as_json, fmt)
    catalog = _state(ctx).catalog()
    detail = role_detail(catalog, _resolve(ctx, name, "role"), _have(ctx))
    if as_json:
        from careercli.render.json_shapes import role_json

        print_json(role_json(detail))
    elif fmt == "markdown":
        from careercli.render.markdown import role_markdown

        print_text(role_markdown(detail))
    else:
        from careercli.render.role import render_role

        print_renderable(render_role(detail, full))


def _have(ctx: typer.Context) -> frozenset[str] | None:
    """The profile's skills known to this KB that it holds at working level or above (a
    skill at awareness level is not yet had); None when there are none or the profile
    cannot be read."""
    return _held(ctx) or None


def _width() -> int:
    from careercli.terminal import stdout_console

    return stdout_console().width


SkillName = Annotated[
    str,
    typer.Argument(
        metavar="SKILL",
        help="Skill name or alias (pytorch, k8s, sklearn); typos are forgiven.",
        autocompletion=_complete_skill,
        show_default=False,
    ),
]


@app.command()
def skill(
    ctx: typer.Context,
    name: SkillName,
    show_all: Annotated[
        bool, typer.Option("--all", help="Every role that needs it, not just the first 30.")
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """Show a skill: the roles that need it and how much, how often listings ask for it.

    Examples:
      careercli skill pytorch
      careercli skill k8s --json
      careercli skill python --all
    """
    from careercli.query.skills import SKILL_ROLES, skill_detail

    catalog = _state(ctx).catalog()
    limit = None if show_all or as_json else SKILL_ROLES
    detail = skill_detail(catalog, _resolve(ctx, name, "skill"), roles=limit)
    if as_json:
        from careercli.render.json_shapes import skill_json

        print_json(skill_json(detail))
        return
    from careercli.render.skill import render_skill

    print_renderable(render_skill(detail, _have(ctx) or frozenset()))


@app.command()
def compare(
    ctx: typer.Context,
    names: Annotated[
        list[str],
        typer.Argument(
            metavar="ROLE...",
            help="Two or more role names.",
            autocompletion=_complete_role,
            show_default=False,
        ),
    ],
    fmt: FormatOption = "text",
    as_json: JsonFlag = False,
) -> None:
    """Compare roles side by side: pay by level, time to get in, skills, overlap.

    Examples:
      careercli compare "Data Scientist" "ML Engineer"
      careercli compare MLE "NLP Engineer" "AI Engineer"
      careercli compare "Data Scientist" MLE --format markdown > compare.md
    """
    _one_output(as_json, fmt)
    if len(names) < 2:
        raise UsageProblem(
            'compare needs two or more roles, e.g. careercli compare "Data Scientist" MLE'
        )
    from careercli.query.compare import compare as compare_roles

    catalog = _state(ctx).catalog()
    found, notes = _resolve_all(ctx, names, "role")
    ids: list[str] = []
    for name, role_id in zip(names, found, strict=True):
        if role_id in ids:
            notes.append(f"{name.strip()!r} names {catalog.role_title(role_id)}, already compared")
        else:
            ids.append(role_id)
    if len(ids) < 2:
        raise UsageProblem(f"those names are all {catalog.role_title(ids[0])}: name another role")
    _announce(notes)
    comp = compare_roles(catalog, ids, _have(ctx))
    if as_json:
        from careercli.render.json_shapes import comparison_json

        print_json(comparison_json(comp))
        return
    if fmt == "markdown":
        from careercli.render.compare import comparison_markdown

        print_text(comparison_markdown(comp))
        return
    from careercli.render.compare import render_comparison

    print_renderable(render_comparison(comp, _width()))


@app.command()
def roadmap(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(
            metavar="[ROLE]",
            help="Role to show the learning path of; without it, the career tracks.",
            autocompletion=_complete_role,
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = "text",
    show_all: AllFlag = False,
    as_json: JsonFlag = False,
) -> None:
    """Show the phases to a role, with durations and topics, or the career tracks.

    Examples:
      careercli roadmap
      careercli roadmap "NLP Engineer"
      careercli roadmap MLE --format markdown > plan.md
    """
    _one_output(as_json, fmt)
    catalog = _state(ctx).catalog()
    if name is None:
        if fmt == "markdown":
            raise UsageProblem("--format markdown needs a role, e.g. careercli roadmap MLE")
        from careercli.query.roadmap import overview

        bounded = not as_json and screen_rows(show_all) is not None
        ov = overview(catalog, OVERVIEW_ROLES if bounded else None)
        if as_json:
            from careercli.render.json_shapes import overview_json

            print_json(overview_json(ov))
            return
        from careercli.render.roadmap import render_overview

        print_renderable(render_overview(ov))
        return
    from careercli.query.roles import role_detail

    detail = role_detail(catalog, _resolve(ctx, name, "role"), _have(ctx), whole=False)
    if as_json:
        from careercli.render.json_shapes import roadmap_json

        print_json(roadmap_json(detail))
    elif fmt == "markdown":
        from careercli.render.markdown import roadmap_markdown

        print_text(roadmap_markdown(detail))
    else:
        from careercli.render.roadmap import render_roadmap

        print_renderable(render_roadmap(detail))


def _choice(kind: str, choices: tuple[str, ...]) -> Any:
    """A callback taking any unambiguous short name or typo of one of ``choices``."""

    def pick(value: str | None) -> str | None:
        if value is None:
            return None
        from careercli.query.resolve import resolve_choice

        try:
            found = resolve_choice(value, choices, kind)
        except ResolveError as err:
            raise typer.BadParameter(err.message) from None
        if found.how == "fuzzy":  # a short name is what these are for: no note
            note_line(f"{value.strip()!r} taken as {kind} {found.name!r}")
        return found.id

    return pick


TrackOption = Annotated[
    str | None,
    typer.Option(
        "--track",
        metavar="TRACK",
        help=f"The career track: {', '.join(TRACKS)} (a short name will do).",
        callback=_choice("track", TRACKS),
        show_default=False,
    ),
]


@app.command()
def roles(
    ctx: typer.Context,
    track: TrackOption = None,
    family: Annotated[
        str | None,
        typer.Option("--family", metavar="FAMILY", help="Pay family, e.g. 'ML Engineering'."),
    ] = None,
    show_all: AllFlag = False,
    as_json: JsonFlag = False,
) -> None:
    """List roles, by track then title.

    Examples:
      careercli roles
      careercli roles --track specialized
      careercli roles --family "ML Engineering"
    """
    from careercli.query.listing import list_roles

    catalog = _state(ctx).catalog()
    rows, total = list_roles(catalog, track, family, None if as_json else screen_rows(show_all))
    if not rows:
        error_line("no role matches those filters")
        raise typer.Exit(ExitStatus.ERROR)
    if as_json:
        from careercli.render.json_shapes import role_rows_json

        print_json(role_rows_json(rows))
        return
    from careercli.render.listing import render_roles

    command = "careercli roles" + (f" --track {track}" if track else "")
    command += f" --family {shlex.quote(family)}" if family else ""
    print_pageable(render_roles(rows, total), "roles", command, show_all)


@app.command()
def skills(
    ctx: typer.Context,
    category: Annotated[
        str | None,
        typer.Option(
            "--category",
            metavar="CATEGORY",
            help=f"The kind of skill: {', '.join(SKILL_CATEGORIES)}.",
            callback=_choice("category", SKILL_CATEGORIES),
            show_default=False,
        ),
    ] = None,
    show_all: AllFlag = False,
    as_json: JsonFlag = False,
) -> None:
    """List skills, most needed first, with how many roles need them.

    Examples:
      careercli skills
      careercli skills --category framework
    """
    from careercli.query.skills import skill_rows

    catalog = _state(ctx).catalog()
    rows, total = skill_rows(catalog, category, None if as_json else screen_rows(show_all))
    if not rows:
        error_line("no skill matches that category")
        raise typer.Exit(ExitStatus.ERROR)
    if as_json:
        from careercli.render.json_shapes import skill_rows_json

        print_json(skill_rows_json(rows))
        return
    from careercli.render.skill import render_skill_rows

    command = "careercli skills" + (f" --category {category}" if category else "")
    listing = render_skill_rows(rows, total, _have(ctx) or frozenset())
    print_pageable(listing, "skills", command, show_all)


def _held(ctx: typer.Context) -> frozenset[str]:
    """The profile's skills known to this KB that it holds at working level or above."""
    from careercli.profile import HAS_IT, ProfileError, load_profile

    try:
        profile = load_profile()
    except ProfileError as err:
        note_line(f"warning: {err}")
        return frozenset()
    held = [s for s, h in profile.held.items() if h.level in HAS_IT]
    known, _ = _state(ctx).catalog().split_known(held)
    return frozenset(known)


def _partial(skills: Iterable[str]) -> dict[str, float]:
    """The share of its weight each profile skill below working level counts for."""
    from careercli.profile import load_profile

    wanted = set(skills)
    return {s: w for s, w in load_profile().partial().items() if s in wanted}


def _profile_skills(ctx: typer.Context, what: str) -> frozenset[str]:
    """The saved profile's skills, or a usage error saying how to add some."""
    from careercli.profile import load_profile

    known, _ = _state(ctx).catalog().split_known(load_profile().skills)
    owned = frozenset(known)
    if not owned:
        raise UsageProblem(
            f"{what} needs skills: name some, or save yours with careercli profile add python sql"
        )
    return owned


def _split_names(ctx: typer.Context, names: list[str]) -> list[str]:
    """``"python, sql"`` as two names, unless the whole is itself a name (an alias such as
    *Extract, Transform, Load*)."""
    out: list[str] = []
    catalog = _state(ctx).catalog()
    for name in names:
        if "," in name and not catalog.ids_named("skill", name):
            out += [part for part in (p.strip() for p in name.split(",")) if part]
        else:
            out.append(name)
    return out


def _resolve_skills(
    ctx: typer.Context,
    names: list[str],
    skipped: set[str] | None = None,
    none_found: str = "none of those skills is in the knowledge base",
    required: bool = True,
) -> frozenset[str]:
    """Resolve each name (comma-separated lists too). Unknown ones are left out, added to
    ``skipped`` and named on stderr, a line each, when others resolve; when none does,
    the one error line names them all (``none_found``: why) and the command exits 1."""
    found: set[str] = set()
    problems: list[str] = []
    for name in _split_names(ctx, names):
        try:
            found.add(_resolve(ctx, name, "skill"))
        except ResolveError as err:
            problems.append(err.message)
            if skipped is not None:
                skipped.add(name)
    if not found and required:
        error_line(f"{none_found}: {'; '.join(problems)}" if problems else none_found)
        raise typer.Exit(ExitStatus.ERROR)
    for message in problems:
        note_line(f"skipped: {message}")
    return frozenset(found)


@app.command()
def match(
    ctx: typer.Context,
    skill_names: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[SKILL]...",
            help="Skills you have (default: your profile's).",
            autocompletion=_complete_skill,
            show_default=False,
        ),
    ] = None,
    top: Annotated[
        int, typer.Option("--top", min=1, max=MAX_ROWS, metavar="N", help="How many roles to show.")
    ] = 10,
    as_json: JsonFlag = False,
) -> None:
    """Rank roles by how well your skills fit them.

    Fit is how much of the role you already have: the share of all its skills, each
    weighed by its tier (essential 3, important 2, useful 1). Missing skills come most
    important first: essentials, then those job listings ask for most.

    Examples:
      careercli match python sql statistics
      careercli match --top 3
    """
    from careercli.query.matching import rank_roles

    catalog = _state(ctx).catalog()
    partial: dict[str, float] = {}  # skills named here count whole
    if skill_names:
        have = _resolve_skills(ctx, skill_names)
    else:
        have = _profile_skills(ctx, "match")
        partial = _partial(have)  # a skill at awareness level counts a quarter
    fits = rank_roles(catalog, have, top, partial)
    if as_json:
        from careercli.render.json_shapes import match_json

        print_json(match_json(have, fits))
        return
    from careercli.render.planning import render_fits

    print_renderable(render_fits(fits, have))


@app.command()
def path(
    ctx: typer.Context,
    names: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[[FROM] TO]",
            help="Two roles, from and to; one, to start from your profile; none, from your "
            "profile to your target (profile target).",
            autocompletion=_complete_role,
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = "text",
    as_json: JsonFlag = False,
) -> None:
    """What moving to a role takes: the time, skills to add in learning order, pay.

    Examples:
      careercli path "Data Scientist" "ML Engineer"
      careercli path MLE
      careercli path
      careercli path "Data Scientist" MLE --format markdown > plan.md
    """
    from careercli.query.transition import transition

    _one_output(as_json, fmt)
    names = names or []
    if len(names) > 2:
        raise UsageProblem("path takes at most two roles: careercli path [FROM] TO")
    catalog = _state(ctx).catalog()
    if names:
        ids, notes = _resolve_all(ctx, names, "role")
    else:
        ids, notes = [_target_or(ctx, None, "path")], []
    if len(ids) == 2 and ids[0] == ids[1]:
        raise UsageProblem(
            f"{names[0]!r} and {names[1]!r} are the same role ({catalog.role_title(ids[0])}): "
            "name the role you move from and the one you move to"
        )
    _announce(notes)
    if len(ids) == 2:
        result = transition(catalog, ids[1], from_role=ids[0], have=_have(ctx) or frozenset())
    else:
        _profile_skills(ctx, "path without FROM")  # a usage error when it has none
        result = transition(catalog, ids[0], have=_held(ctx))
    if as_json:
        from careercli.render.json_shapes import transition_json

        print_json(transition_json(result))
        return
    if fmt == "markdown":
        from careercli.render.markdown import transition_markdown

        print_text(transition_markdown(result))
        return
    from careercli.render.planning import render_transition

    print_renderable(render_transition(result))


BACKGROUND_ALIASES = {  # seed 003's own keys for the three backgrounds
    "complete_beginner": "beginner", "ml_background": "ml", "full_time_accelerated": "full-time",
}  # fmt: skip


def _background(value: str | None) -> str | None:
    if value is None:
        return None
    from careercli.query.plan import BACKGROUNDS

    key = value.strip().casefold().replace(" ", "_")
    try:
        found: str = _choice("background", BACKGROUNDS)(BACKGROUND_ALIASES.get(key, value))
    except typer.BadParameter as err:
        raise UsageProblem(f"--background: {err.message}") from None
    return found


def _start_date(value: str | None) -> datetime.date | None:
    """YYYY-MM-DD only (Python would also take 20270101 and 2027-W01-1)."""
    if value is None:
        return None
    try:
        text = value.strip()
        if not (len(text) == 10 and text[4] == text[7] == "-"):
            raise ValueError(text)
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise UsageProblem(
            f"--start {one_line(value)!r} is not a date: give it as YYYY-MM-DD, e.g. 2027-01-15"
        ) from None


TargetRole = Annotated[
    str | None,
    typer.Argument(
        metavar="[ROLE]",
        help="The role (default: your target, see profile target).",
        autocompletion=_complete_role,
        show_default=False,
    ),
]


def _target_or(ctx: typer.Context, name: str | None, command: str) -> str:
    """The role named, else the profile's target; a usage error when there is neither."""
    if name is not None:
        return _resolve(ctx, name, "role")
    from careercli.profile import load_profile

    target = load_profile().target
    if target is None:
        raise UsageProblem(
            f"{command} needs a role: name one, or set your target with "
            "careercli profile target ROLE"
        )
    if not _state(ctx).catalog().has_role(target):
        raise UsageProblem(
            f"your target role {target!r} is not in this knowledge base: name a role, or set "
            "another with careercli profile target ROLE"
        )
    return target


@app.command()
def plan(
    ctx: typer.Context,
    name: TargetRole = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--start",
            metavar="DATE",
            help="First day, YYYY-MM-DD (default today).",
            show_default=False,
        ),
    ] = None,
    background: Annotated[
        str | None,
        typer.Option(
            "--background",
            metavar="BACKGROUND",
            help="Where you start: beginner, ml or full-time, for the timeline a source "
            "states for it (seed 003's complete_beginner, ml_background, "
            "full_time_accelerated).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        Literal["text", "markdown", "ics"],
        typer.Option(
            "--format",
            metavar="FORMAT",
            case_sensitive=False,
            help="text; markdown for a dated checklist; ics for a calendar (one event a phase).",
        ),
    ] = "text",
    as_json: JsonFlag = False,
) -> None:
    """Lay a role's roadmap on the calendar: each phase's start and end date.

    Phases your profile already covers are marked done and the rest move earlier; with
    --background the dates follow the timeline a source states for that start.

    Examples:
      careercli plan "ML Engineer" --start 2027-01-04
      careercli plan "ML & AI Engineer" --background ml
      careercli plan MLE --format ics > mle.ics
    """
    from careercli.profile import today
    from careercli.query.plan import BeyondCalendar, NoRoadmap, make_plan

    if as_json and fmt != "text":
        raise UsageProblem(f"--json and --format {fmt} ask for two outputs: give one")
    first = _start_date(start) or today()
    chosen = _background(background)
    role_id = _target_or(ctx, name, "plan")
    try:
        result = make_plan(_state(ctx).catalog(), role_id, first, chosen, _held(ctx))
    except NoRoadmap as err:
        from careercli.render.format import shell_word

        hint = (
            f"; the nearest role with one is {err.nearest[1]} "
            f"(careercli plan {shell_word(err.nearest[1])})"
            if err.nearest
            else ""
        )
        error_line(f"the sources give no roadmap with phase times for {err.title}{hint}")
        raise typer.Exit(ExitStatus.ERROR) from None
    except BeyondCalendar:
        raise UsageProblem("that start date puts the plan past the year 9999") from None
    if as_json:
        from careercli.render.json_shapes import plan_json

        print_json(plan_json(result))
    elif fmt == "markdown":
        from careercli.render.plan import plan_markdown

        print_text(plan_markdown(result))
    elif fmt == "ics":
        from careercli.render.plan import plan_ics

        print_bytes(plan_ics(result, today()))
    else:
        from careercli.render.plan import render_plan

        print_renderable(render_plan(result))


@app.command()
def progress(
    ctx: typer.Context,
    name: TargetRole = None,
    weeks: Annotated[
        int,
        typer.Option(
            "--weeks",
            metavar="N",
            min=1,
            max=520,
            help="Weeks of activity to show (1 to 520; default 12).",
        ),
    ] = 12,
    as_json: JsonFlag = False,
) -> None:
    """Show how far along a role you are: each phase, skills done this month, activity.

    From your profile: its skills at working level or above count as had, and its dated
    history draws the activity strip (a week a column, like a contribution graph).

    Examples:
      careercli progress
      careercli progress "ML Engineer" --weeks 26
      careercli progress --json
    """
    from careercli.profile import load_profile, today
    from careercli.query.progress import progress_report

    role_id = _target_or(ctx, name, "progress")
    report = progress_report(
        _state(ctx).catalog(), role_id, load_profile(), _held(ctx), today(), weeks
    )
    if as_json:
        from careercli.render.json_shapes import progress_report_json

        print_json(progress_report_json(report))
        return
    from careercli.render.progress import render_progress

    print_renderable(render_progress(report))


NEXT_SKILLS = 5  # skills `next` shows by default


@app.command("next")
def next_(
    ctx: typer.Context,
    name: TargetRole = None,
    top: Annotated[
        int,
        typer.Option(
            "--top", metavar="N", min=1, max=MAX_ROWS, help="How many skills to show (default 5)."
        ),
    ] = NEXT_SKILLS,
    as_json: JsonFlag = False,
) -> None:
    """The few skills to learn next for a role, in learning order, each with why.

    Learning order is the phase that teaches a skill, then its importance, then how often
    job listings ask for it; why gives the phase, the essentials it closes and the fit.

    Examples:
      careercli next
      careercli next "ML Engineer" --top 3
    """
    from careercli.profile import load_profile
    from careercli.query.progress import next_skills

    role_id = _target_or(ctx, name, "next")
    steps = next_skills(_state(ctx).catalog(), role_id, load_profile(), _held(ctx), top)
    if as_json:
        from careercli.render.json_shapes import next_json

        print_json(next_json(steps))
        return
    from careercli.render.progress import render_next

    print_renderable(render_next(steps))


@app.command()
def salary(
    ctx: typer.Context,
    names: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[ROLE]...",
            help="Roles (default: all).",
            autocompletion=_complete_role,
            show_default=False,
        ),
    ] = None,
    level: Annotated[
        LevelName | None,
        typer.Option(
            "--level",
            metavar="LEVEL",
            case_sensitive=False,
            help=(
                f"The career level: {', '.join(get_args(LevelName)[:-1])}, or overall "
                "(figures a source ties to no level)."
            ),
        ),
    ] = None,
    show_all: AllFlag = False,
    as_json: JsonFlag = False,
) -> None:
    """Pay as a chart on one dollar axis: ranges as bars, medians as points, each cited.

    Without roles, every role at one level (default mid), highest first.

    Examples:
      careercli salary
      careercli salary --level senior
      careercli salary "Data Scientist" MLE
    """
    from careercli.kb.shapes import parse_level
    from careercli.query.salary import salary_board
    from careercli.render.format import level_label

    wanted = parse_level(level) if level else None
    catalog = _state(ctx).catalog()
    ids: list[str] | None = None
    if names:
        ids, notes = _resolve_all(ctx, names, "role")
        _announce(notes)
    page = None if (ids or as_json) else screen_rows(show_all)
    board = salary_board(catalog, ids, wanted if (ids or wanted) else "mid", page)
    if not board.rows:
        what = f"{level_label(wanted)} pay" if wanted else "pay"
        whom = ", ".join(board.no_pay) if ids else "any role"
        error_line(f"the sources give no {what} for {whom}")
        raise typer.Exit(ExitStatus.ERROR)
    if as_json:
        from careercli.render.json_shapes import salary_json

        print_json(salary_json(board.rows))
        return
    from careercli.render.salary import Board

    chart = Board(board, _width(), wanted if (wanted or not ids) else None)
    if ids:
        print_renderable(chart)
        return
    command = f"careercli salary --level {level_label(wanted or 'mid')}"
    print_pageable(chart, "figures", command, show_all)


@app.command()
def search(
    ctx: typer.Context,
    text: Annotated[
        str, typer.Argument(metavar="WORDS", help="Words to look for.", show_default=False)
    ],
    limit: Annotated[
        int, typer.Option("--limit", min=1, max=MAX_ROWS, metavar="N", help="Most hits to show.")
    ] = 20,
    as_json: JsonFlag = False,
) -> None:
    """Search roles, skills, roadmap topics, responsibilities and industries.

    Examples:
      careercli search "model monitoring"
      careercli search rag --limit 5
    """
    from careercli.query.search import search as run_search
    from careercli.query.search import words

    if not words(text):
        raise UsageProblem("search needs a word to look for")
    hits = run_search(_state(ctx).catalog(), text, limit)
    if not hits:
        from careercli.query.search import nearest_names

        near = nearest_names(_state(ctx).catalog(), text)
        hint = f"; did you mean: {', '.join(near)}?" if near else ""
        error_line(f"nothing matches {text.strip()!r}{hint}")
        raise typer.Exit(ExitStatus.ERROR)
    if as_json:
        from careercli.render.json_shapes import hits_json

        print_json(hits_json(hits))
        return
    from careercli.render.search import render_hits

    print_renderable(render_hits(hits))


@app.command()
def sources(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """List the source documents, what the KB takes from each, which roles cite them.

    Each with its title, year and the seed file it was curated from: the numbers [1],
    [2] on a page are defined under it; this is the whole list.

    Examples:
      careercli sources
      careercli sources --json
    """
    from careercli.query.sources import kb_sources

    found = kb_sources(_state(ctx).catalog())
    if as_json:
        from careercli.render.json_shapes import sources_json

        print_json(sources_json(found))
        return
    from careercli.render.sources import render_sources

    print_renderable(render_sources(found))


@app.command()
def industry(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(
            metavar="[INDUSTRY]", help="Industry (default: list them).", show_default=False
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Industry applications: key skills, primary roles, specialised topics.

    Examples:
      careercli industry
      careercli industry healthcare
    """
    from careercli.query.industry import industries

    found = industries(_state(ctx).catalog(), name)
    if not found.industries:
        error_line("the knowledge base lists no industries")
        raise typer.Exit(ExitStatus.ERROR)
    if as_json:
        from careercli.render.json_shapes import industries_json, industry_json

        print_json(industries_json(found) if name is None else industry_json(found))
        return
    from careercli.render.search import render_industries, render_industry_list

    if name is None:
        print_renderable(render_industry_list(found.industries))
    else:
        print_renderable(render_industries(found))


@app.command()
def guide(
    ctx: typer.Context,
    topic: Annotated[
        str | None,
        typer.Argument(
            metavar="[TOPIC]", help="Words of a heading, e.g. 'action items'.", show_default=False
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Career guidance: skill priorities by career stage, action items, success factors.

    Also the importance scale, progression factors and timeline expectations.

    Examples:
      careercli guide
      careercli guide "action items"
    """
    from careercli.query.guide import guide as find

    found = find(_state(ctx).catalog(), topic)
    if not found.stages and not found.blocks:
        what = f"matches {topic!r}" if topic else "is in the knowledge base"
        error_line(f"no guidance {what}; try careercli guide")
        raise typer.Exit(ExitStatus.ERROR)
    if as_json:
        from careercli.render.json_shapes import guide_json

        print_json(guide_json(found))
        return
    from careercli.render.guide import render_guide

    print_renderable(render_guide(found))


_level_choice = _choice("level", PROFILE_LEVELS)

profile_app = typer.Typer(
    cls=_Group,
    help=(
        "Your skills, saved, so role, roadmap, compare and match show your progress.\n\n"
        "Examples:\n  careercli profile add python sql\n  careercli profile show"
    ),
    no_args_is_help=True,
)
app.add_typer(profile_app, name="profile")


@profile_app.command("add")
def profile_add(
    ctx: typer.Context,
    skill_names: Annotated[
        list[str],
        typer.Argument(
            help="Skills you have (names or aliases; a comma-separated list works too).",
            autocompletion=_complete_skill,
            show_default=False,
            metavar="SKILL...",
        ),
    ],
    level: Annotated[
        str | None,
        typer.Option(
            "--level",
            metavar="LEVEL",
            help="How well you know them: awareness, working, practitioner or expert "
            "(default: working for a new skill; one already saved keeps its level).",
            callback=_level_choice,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Add skills to your profile, at a level (a skill already there changes level).
    Every change is dated in the profile, so progress can show over time.

    Examples:
      careercli profile add python sql "a/b testing"
      careercli profile add pytorch --level practitioner
    """
    from careercli.profile import Profile, update_profile

    skipped: set[str] = set()
    ids = _resolve_skills(ctx, skill_names, skipped, "nothing saved to your profile")
    before: dict[str, str] = {}

    def add(profile: Profile) -> Profile:
        before.update({s: h.level for s, h in profile.held.items()})
        new = sorted(ids - set(before))
        changed = profile.with_skills(new, level or DEFAULT_LEVEL)  # type: ignore[arg-type]
        if level is None:  # a skill already saved keeps its level
            return changed
        return changed.with_skills(sorted(ids & set(before)), level)  # type: ignore[arg-type]

    catalog = _state(ctx).catalog()
    catalog.preload_names("skill", ids)  # read before the write, which must not run twice
    _state(ctx).wrote = True
    new = update_profile(add)
    parts = []

    def names(group: Iterable[str]) -> str:
        return ", ".join(sorted(catalog.skill_name(s) for s in group))

    if ids - set(before):
        at = "" if level in (None, "working") else f" at {level} level"
        parts.append(f"added{at}: {names(ids - set(before))}")
    changed = {s for s in ids & set(before) if level is not None and before[s] != level}
    if changed:
        parts.append(f"now at {level} level: {names(changed)}")
    if ids & set(before) - changed:
        parts.append(f"already in profile: {names(ids & set(before) - changed)}")
    print_text("; ".join(parts) + f" ({len(new.skills)} in profile)\n")
    if skipped:  # a partial success is a failure for a script: the rest was saved
        raise typer.Exit(ExitStatus.ERROR)


@profile_app.command("remove")
def profile_remove(
    ctx: typer.Context,
    skill_names: Annotated[
        list[str],
        typer.Argument(
            metavar="SKILL...",
            help="Skills to drop.",
            autocompletion=_complete_skill,
            show_default=False,
        ),
    ],
) -> None:
    """Remove skills from your profile.

    Examples:
      careercli profile remove sql
    """
    from careercli.profile import Profile, load_profile, update_profile

    # Saved ids match directly, so skills this KB no longer has can still be removed.
    saved = set(load_profile().skills)
    direct = {n.strip().casefold() for n in skill_names} & saved
    rest = [n for n in skill_names if n.strip().casefold() not in saved]
    skipped: set[str] = set()
    none_found = "none of those skills is in your profile; nothing changed"
    resolved: frozenset[str] = frozenset()
    if rest:
        why = "nothing changed in your profile"
        resolved = _resolve_skills(ctx, rest, skipped, why, required=not direct)
    ids = direct | resolved
    removed: list[str] = []

    def remove(profile: Profile) -> Profile:
        removed.extend(s for s in profile.skills if s in ids)
        return profile.without(ids)

    if not ids & saved:
        error_line(none_found)
        raise typer.Exit(ExitStatus.ERROR)
    catalog = _state(ctx).catalog()
    known = {s: catalog.skill_name(s) for s in ids & saved if catalog.has_skill(s)}
    _state(ctx).wrote = True  # read before the write, which must not run twice
    new = update_profile(remove)
    names = sorted(known.get(s, s) for s in removed)
    print_text(f"removed: {', '.join(names)} ({len(new.skills)} left)\n")
    if skipped:
        raise typer.Exit(ExitStatus.ERROR)


def _saved_role(catalog: Catalog, role_id: str) -> str:
    """A role id the profile saved, as its title; the id itself when this KB lacks it."""
    return (
        catalog.role_title(role_id) if catalog.has_role(role_id) else f"{role_id} (not in this KB)"
    )


@profile_app.command("target")
def profile_target(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(
            help="The role you aim at (default: show the one saved).",
            autocompletion=_complete_role,
            show_default=False,
            metavar="ROLE",
        ),
    ] = None,
    clear: Annotated[bool, typer.Option("--clear", help="Forget the target role.")] = False,
) -> None:
    """Set the role you aim at: plan, progress and next use it when given no role.

    Examples:
      careercli profile target "ML Engineer"
      careercli profile target --clear
    """
    from careercli.profile import load_profile, update_profile

    if clear and name is not None:
        raise UsageProblem("give a role or --clear, not both")
    if name is None and not clear:
        saved = load_profile().target
        if saved is None:
            print_text("no target role set (careercli profile target ROLE)\n")
            return
        title = _saved_role(_state(ctx).catalog(), saved)
        print_text(f"target: {title}\n")
        return
    role_id = None if clear else _resolve(ctx, name or "", "role")
    chosen = _state(ctx).catalog().role_title(role_id) if role_id else None
    _state(ctx).wrote = True
    update_profile(lambda p: p.with_target(role_id))
    print_text(f"target: {chosen}\n" if chosen else "target cleared\n")


@profile_app.command("show")
def profile_show(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Show your skills and the roles they fit best.

    Examples:
      careercli profile show
    """
    from careercli.profile import load_profile, profile_path
    from careercli.query.matching import profile_summary

    profile = load_profile()
    catalog = _state(ctx).catalog()
    summary = profile_summary(catalog, profile.skills, partial=_partial(profile.skills))
    levels = {s: h.level for s, h in profile.held.items()}
    changes = len([e for e in profile.history if e.action != "migrate"])
    if as_json:
        from careercli.render.json_shapes import profile_json

        print_json(profile_json(str(profile_path()), summary, levels, profile.target, changes))
        return
    from careercli.render.profile import render_profile

    target = None
    if profile.target:
        known = catalog.has_role(profile.target)
        target = (
            catalog.role_title(profile.target) if known else f"{profile.target} (not in this KB)"
        )
    from careercli.profile import today

    dated = [e.date for e in profile.history if e.action != "migrate" and e.date <= today()]
    since = min(dated, default=None)
    print_renderable(render_profile(summary, levels, target, (changes, since)))


@profile_app.command("path")
def profile_where() -> None:
    """Print where the profile file lives ($CAREERCLI_HOME overrides).

    Examples:
      careercli profile path
    """
    from careercli.profile import profile_path

    print_text(f"{profile_path()}\n")


import_app = typer.Typer(
    cls=_Group,
    help=(
        "Make a knowledge base from a public taxonomy's download, offline.\n\n"
        "Examples:\n  careercli import onet db_30_0_text --output onet.yaml"
    ),
    no_args_is_help=True,
)
app.add_typer(import_app, name="import")


@import_app.command("onet")
def import_onet(
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="DIR",
            help="The unpacked O*NET database release (its Text or CSV download).",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", metavar="FILE", help="The KB file to write.", show_default=False
        ),
    ],
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
    release: Annotated[
        str | None,
        typer.Option(
            "--release",
            metavar="N.N",
            help="The release number, when the folder name (db_30_0_text) does not say.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Import an O*NET database release as a knowledge base that validates.

    Download the Text or CSV zip from https://www.onetcenter.org/database.html and unpack
    it. Occupations become roles, alternate titles aliases, skill and knowledge ratings
    skill tiers (importance 4.0+ essential, 3.0+ important, 2.5+ useful), technology
    skills skills (Hot Technology, In Demand shown), job zones the way in, tasks
    responsibilities; every fact cites the release, under CC BY 4.0. Then: careercli
    --data onet.yaml role "Data Scientists".

    Examples:
      careercli import onet db_30_0_text --output onet.yaml
      careercli import onet db_30_0_csv --output onet.yaml --force
    """
    from careercli.importers.onet import import_onet as run_import
    from careercli.terminal import import_progress

    with import_progress() as progress:
        counts = run_import(folder, output, force, release, progress)
    print_text(f"wrote {output}: {counts['roles']} roles, {counts['skills']} skills\n")


def _place_commands() -> None:
    """Every command draws careercli.help's page, listed under its panel of HELP_PANELS."""
    panel_of = {name: panel for panel, names in HELP_PANELS.items() for name in names}
    for typer_app in (app, profile_app, import_app):
        for info in typer_app.registered_commands:
            if info.cls in (None, TyperCommand):
                info.cls = _Command
            if typer_app is app and info.callback is not None:
                info.rich_help_panel = panel_of.get(info.name or info.callback.__name__)
    for group in app.registered_groups:
        group.rich_help_panel = panel_of.get(group.name or "")


_place_commands()


def _command_word(words: list[str]) -> str | None:
    """The subcommand in ``words`` (argv after the program), skipping the root options."""
    skip = False
    for word in words:
        if skip:
            skip = False
        elif word == "--data":
            skip = True
        elif not word.startswith("-"):
            return word
    return None


def _register_only(name: str | None) -> None:
    """Keep only the command being run, when it is known.

    Typer turns every registered function into a click command on each run (about a
    millisecond each, a tenth of a lookup); help, typos and completion of the command name
    itself still see them all.
    """
    commands = {(c.name or c.callback.__name__): c for c in app.registered_commands if c.callback}
    groups = {g.name: g for g in app.registered_groups}
    if name in commands:
        app.registered_commands = [commands[name]]
        app.registered_groups = []
    elif name in groups:
        app.registered_commands = []
        app.registered_groups = [groups[name]]


def main() -> None:
    """Run the app (the console script is :func:`careercli.entry.main`, which calls this)."""
    completing = os.environ.get("_CAREERCLI_COMPLETE")
    words = os.environ.get("COMP_WORDS", "").split()[1:-1] if completing else sys.argv[1:]
    _register_only(_command_word(words))
    app()
