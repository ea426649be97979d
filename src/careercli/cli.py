"""The Typer commands: parse, call one query, print a renderable or JSON once.

This is the one place that turns domain errors into exit codes (see ``_Group.invoke``).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from importlib.metadata import version as _pkg_version
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from careercli.kb.errors import KBError, ValidationFailed
from careercli.kb.paths import DATA_ENV
from careercli.query.resolve import EmptyName, ResolveError
from careercli.terminal import ExitStatus, error_line, note_line, print_json, print_renderable


class UsageProblem(Exception):
    """Arguments that cannot work together; exit 2 with a one-line message."""


class _Group(TyperGroup):
    def invoke(self, ctx: typer.Context) -> Any:
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
        except UsageProblem as err:
            error_line(str(err))
            raise typer.Exit(ExitStatus.USAGE) from None
        except KeyboardInterrupt:
            sys.stderr.write("careercli: interrupted\n")
            raise typer.Exit(ExitStatus.INTERRUPTED) from None


def _kb_error_line(err: KBError) -> str:
    if isinstance(err, ValidationFailed) and err.lines:
        if len(err.lines) == 1:
            return f"{err.message.split(': ')[0]}: {err.lines[0]}"
        return f"{err.message}; first: {err.lines[0]} (run 'careercli validate' for all)"
    return err.message


app = typer.Typer(
    cls=_Group,
    name="careercli",
    help=(
        "Explore AI and ML careers: what a role is, the skills it needs, what it pays "
        "(with source and year) and how long the way in takes.\n\n"
        'Example: careercli role "ML Engineer"'
    ),
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=True,
    rich_markup_mode="rich",
)


@dataclass
class State:
    data: Path | None = None
    _catalog: Any = field(default=None, repr=False)

    def catalog(self) -> Any:
        from careercli.kb.loader import load_kb
        from careercli.kb.paths import data_path
        from careercli.query.catalog import Catalog

        if self._catalog is None:
            self._catalog = Catalog(load_kb(data_path(self.data)))
        return self._catalog


def _state(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    if not isinstance(obj, State):
        obj = State()
        ctx.find_root().obj = obj
    return obj


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"careercli {_pkg_version('careercli')}\n")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            envvar=DATA_ENV,
            help="Knowledge base YAML to use instead of the bundled one.",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    ctx.obj = State(data=data)


JsonFlag = Annotated[bool, typer.Option("--json", help="Print plain JSON (stable keys).")]


@app.command()
def validate(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(help="YAML file to check (default: the KB in use).", show_default=False),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Check a knowledge base file and summarise it; list every error otherwise.

    Example: careercli validate data/roles.yaml
    """
    from careercli.kb.loader import load_kb
    from careercli.kb.paths import data_path
    from careercli.query.summary import summarise

    target = path or data_path(_state(ctx).data)
    try:
        kb = load_kb(target)
    except ValidationFailed as err:
        if as_json:
            print_json({"path": str(target), "valid": False, "errors": err.lines})
        else:
            error_line(err.message)
            for line in err.lines:
                sys.stderr.write(f"  {line}\n")
        raise typer.Exit(ExitStatus.ERROR) from None
    counts = summarise(kb)
    if as_json:
        print_json({"path": str(target), "valid": True, "counts": counts})
        return
    from careercli.render.summary import render_summary

    print_renderable(render_summary(str(target), counts))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the knowledge base, for editors that check YAML.

    Example: careercli schema > schema.json
    """
    import json

    from careercli.kb.models import KnowledgeBase

    sys.stdout.write(json.dumps(KnowledgeBase.model_json_schema(), indent=2) + "\n")


def _resolve(ctx: typer.Context, name: str, kind: str) -> str:
    """Resolve a role or skill name to its id, saying on stderr when it was a guess."""
    from careercli.query.resolve import resolve
    from careercli.query.roles import role_candidates, skill_candidates

    catalog = _state(ctx).catalog()
    candidates = role_candidates(catalog) if kind == "role" else skill_candidates(catalog)
    found = resolve(name, candidates, kind)
    if found.guessed:
        note_line(f"{name.strip()!r} taken as {kind} {found.name!r}")
    return found.id


def _complete_role(ctx: typer.Context, incomplete: str) -> list[str]:
    return _complete(ctx, incomplete, "role")


def _complete_skill(ctx: typer.Context, incomplete: str) -> list[str]:
    return _complete(ctx, incomplete, "skill")


def _complete(ctx: typer.Context, incomplete: str, kind: str) -> list[str]:
    """Names starting with (or else containing) what was typed; silent on any problem."""
    try:
        catalog = _state(ctx).catalog()
    except Exception:
        return []
    names = (
        [r.title for r in catalog.kb.roles]
        if kind == "role"
        else [s.name for s in catalog.kb.skills]
    )
    low = incomplete.casefold()
    starts = [n for n in names if n.casefold().startswith(low)]
    return starts or [n for n in names if low in n.casefold()]


RoleName = Annotated[
    str,
    typer.Argument(
        help="Role title or alias; typos are forgiven.",
        autocompletion=_complete_role,
        show_default=False,
    ),
]


@app.command()
def role(ctx: typer.Context, name: RoleName, as_json: JsonFlag = False) -> None:
    """Show one role: skills by importance, pay by level with sources, the way in.

    Example: careercli role "ML Engineer"
    """
    from careercli.query.roles import role_detail, role_json

    catalog = _state(ctx).catalog()
    detail = role_detail(catalog, _resolve(ctx, name, "role"))
    if as_json:
        print_json(role_json(catalog, detail))
        return
    from careercli.render.role import render_role

    print_renderable(render_role(catalog, detail))


def main() -> None:
    """Console-script entry point: run the app, quietly handling a closed pipe."""
    try:
        app()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(ExitStatus.BROKEN_PIPE)
