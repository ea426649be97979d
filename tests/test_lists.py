"""Lists that fit at a glance (roles, skills) and JSON shapes that agree across commands."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from careercli.kb.models import Duration
from careercli.render.format import common_unit, duration_in
from tests.conftest import Run

DURATION_KEYS = {"min", "max", "unit", "open_ended"}
DURATION_TEXT = re.compile(r"^\d+(-\d+)?\+? (weeks?|months?|years?)$")


def _json(run: Run, *args: str, data: Path | None = None) -> Any:
    result = run(*args, "--json", data=data)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _header(out: str) -> str:
    return out.splitlines()[0]


def test_roles_leave_out_a_column_no_row_shown_fills(run: Run) -> None:
    every = run("roles").stdout
    assert "Pay family" in _header(every)
    specialized = run("roles", "--track", "specialized")
    assert specialized.exit_code == 0
    assert _header(specialized.stdout).split() == [
        "Role",
        "Track",
        "Skills",
        "Way",
        "in",
        "(months)",
    ]


def test_skills_leave_out_an_empty_column(run: Run, mini: Path) -> None:
    assert "Also" in _header(run("skills", data=mini).stdout)
    tools = run("skills", "--category", "tool", data=mini).stdout  # Airflow, dbt: no aliases
    assert _header(tools).split() == ["Skill", "Category", "Roles", "Essential", "for"]


def test_roles_keep_a_title_on_one_line_when_it_fits_and_hang_it_when_not(run: Run) -> None:
    lines = run("roles", width=100).stdout.splitlines()
    for title in ("Reinforcement Learning Engineer", "Autonomous Vehicle Engineer",
                  "ML Engineer (Recommendation Systems)"):  # fmt: skip
        assert any(line.startswith(title) for line in lines), title  # wrapped before
    narrow = run("roles", width=80).stdout.splitlines()
    at = next(i for i, line in enumerate(narrow) if line.startswith("Chief Technology Officer"))
    assert narrow[at + 1].startswith("  ") and narrow[at + 1].split()[0] in ("AI", "Focus")
    assert max(map(len, narrow)) <= 80


def test_the_way_in_column_has_one_unit(run: Run) -> None:
    out = run("roles", width=100).stdout
    assert "Way in (months)" in _header(out)
    rows = out.split("\n\n")[0].splitlines()[1:]
    assert not [r for r in rows if re.search(r"\b(weeks?|months?|years?)\b", r)]
    cto = next(r for r in rows if r.startswith("Chief Technology Officer"))
    assert cto.split()[-1] == "120+"  # 10+ years
    assert next(r for r in rows if r.startswith("ML & AI Engineer")).split()[-1] == "~9"


@pytest.mark.parametrize(
    ("duration", "unit", "shown"),
    [
        (Duration(min=12, max=18, unit="months"), "months", "12-18"),
        (Duration(min=10, unit="years", open_ended=True), "months", "120+"),
        (Duration(min=40, unit="weeks"), "months", "~9"),
        (Duration(min=6, max=12, unit="months"), "years", "~0-1"),
        (Duration(min=24, unit="months"), "years", "2"),
    ],
)
def test_a_duration_in_a_columns_unit(duration: Duration, unit: str, shown: str) -> None:
    assert duration_in(duration, unit) == shown


def test_a_columns_unit_is_the_one_most_rows_use() -> None:
    weeks = Duration(min=4, unit="weeks")
    years = Duration(min=1, unit="years")
    assert common_unit([weeks, weeks, years]) == "weeks"
    assert common_unit([weeks, years]) == "months"  # a tie
    assert common_unit([]) == "months"


def test_named_only_roles_are_marked_and_the_legend_says_what_that_means(run: Run) -> None:
    rows = _json(run, "roles")
    named = [r["title"] for r in rows if r["named_only"]]
    described = [r["title"] for r in rows if not r["named_only"]]
    assert named and described
    lines = run("roles", width=120).stdout.splitlines()
    for title in named:
        assert any(line.startswith(f"{title} *") for line in lines), title
    for title in described:
        assert not any(line.startswith(f"{title} *") for line in lines), title
    assert "* named only: the sources name this role but do not describe it" in " ".join(lines)
    family = run("roles", "--family", "ML Engineering").stdout  # no named-only role shown
    assert "named only" not in family and " *" not in family


def _walk(value: Any, path: str = "") -> Any:
    if isinstance(value, dict):
        yield path, value
        for key, item in value.items():
            yield from _walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item, f"{path}[]")
    else:
        yield path, value


JSON_COMMANDS = [
    ["roles"], ["role", "MLE", "--full"], ["compare", "MLE", "Data Scientist"], ["roadmap"],
    ["roadmap", "MLE"], ["path", "Data Scientist", "MLE"], ["guide"], ["skill", "python"],
    ["skills"], ["industry"], ["salary"],
]  # fmt: skip


@pytest.mark.parametrize("args", JSON_COMMANDS, ids=" ".join)
def test_every_duration_in_json_is_the_one_object_shape(run: Run, args: list[str]) -> None:
    data = _json(run, *args)
    for path, value in _walk(data):
        if isinstance(value, str):
            assert not DURATION_TEXT.match(value), (path, value)  # a duration as text
        elif isinstance(value, dict) and "unit" in value:
            assert set(value) == DURATION_KEYS, (path, value)


def test_roles_json_way_in_is_a_duration_object(run: Run, mini: Path) -> None:
    rows = {r["title"]: r for r in _json(run, "roles", data=mini)}
    mle = rows["Machine Learning Engineer"]
    assert mle["way_in"] == {"min": 9, "max": 15, "unit": "months", "open_ended": False}
    assert rows["Data Scientist"]["way_in"] is None and mle["named_only"] is False


def test_a_lookup_of_one_returns_the_object_a_listing_a_list(run: Run) -> None:
    one = _json(run, "industry", "healthcare")
    assert isinstance(one, dict) and one["name"] == "Healthcare AI"
    every = _json(run, "industry")
    assert isinstance(every, list) and one in every


@pytest.mark.parametrize(("lines", "rows"), [(24, 13), (12, 5), (9, 3)])
def test_a_screenful_holds_every_row_that_fits_and_no_more(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], lines: int, rows: int
) -> None:
    """On a terminal a listing shows as many rows as fit the screen (4 lines are left for
    the 'more' line and the prompt), wrapped rows included: not one fewer. Here rows take
    one line and two in turn under a header of one: 1 + 3 per pair."""
    from careercli.render.common import table
    from careercli.terminal import print_pageable

    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LINES", str(lines))
    listing = table("Name", "Notes")
    for n in range(40):
        listing.add_row(f"row {n}", "one line" if n % 2 == 0 else "first\nsecond")
    print_pageable(listing, "rows", "careercli rows", show_all=False)
    page = re.sub(r"\x1b\[[0-9;]*m", "", capsys.readouterr().out).splitlines()
    assert page[-1] == f"… {40 - rows} more rows: careercli rows --all, or careercli rows | less"
    assert [line.split()[1] for line in page[1:-1] if line.startswith("row")] == [
        str(n) for n in range(rows)
    ]
    assert len(page) - 1 <= lines - 4


def test_a_listing_draws_its_table_as_rich_would_lay_it_out_itself() -> None:
    """A listing gives its table's columns their widths from the plain cells, so that Rich
    measures no cell of a long listing: the page must be the one Rich draws when it
    measures every cell of the same table itself, at every width the table is drawn at."""
    import random

    from rich.console import Console, RenderableType
    from rich.table import Table
    from rich.text import Text

    from careercli.render.common import table

    def draw(renderable: RenderableType, width: int) -> str:
        console = Console(width=width, force_terminal=False, color_system=None)
        with console.capture() as out:
            console.print(renderable)
        return out.get()

    words = ["a", "ML", "data", "PyTorch", "engineering", "Kubernetes", "2-4", "$120k",
             "Computer Vision", "it's", "reinforcement"]  # fmt: skip
    pick = random.Random(15)
    drawn = 0
    for _ in range(120):
        columns = [pick.choice(words) for _ in range(pick.randint(2, 5))]
        least = [pick.randint(0, 14) for _ in range(pick.randint(0, len(columns)))]
        listing = table(*columns, min_widths=least)
        rich = Table(box=None, pad_edge=False, expand=False, header_style="bold dim")
        for i, name in enumerate(columns):
            rich.add_column(name, overflow="fold", min_width=least[i] if i < len(least) else None)
        for _ in range(pick.randint(1, 8)):
            cells = [" ".join(pick.choices(words, k=pick.randint(0, 6))) for _ in columns]
            if pick.random() < 0.2:
                cells[-1] = cells[-1].replace(" ", "\n", 1)
            cells = cells[: pick.randint(1, len(columns))]
            listing.add_row(*cells)
            rich.add_row(*map(Text, cells))
        for width in range(listing.readable_width() + 3, 121, 7):
            assert draw(listing, width) == draw(rich, width), (columns, listing.rows, width)
            drawn += 1
    assert drawn > 500
