"""The yardstick careercli commands are measured against (issue 5).

A hello-world Typer app that validates one small Pydantic model and prints 20 rows of it
as a Rich table. It pays the same fixed costs every careercli command pays (starting
Python, importing Typer, Rich and Pydantic, building a Pydantic validator, rendering a
table) and nothing else, so a ratio near 1 means careercli adds little on top of its
stack. Keep it minimal and honest: making it slower would flatter careercli.

Run: ``python bench/reference.py``.
"""

from __future__ import annotations

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.table import Table

app = typer.Typer()


class Job(BaseModel):
    """One row: a few fields of the kinds a KB entry has (text, number, flag)."""

    id: int
    title: str
    level: str
    salary: int
    remote: bool


@app.command()
def main() -> None:
    """Validate 20 rows and print them as a table."""
    rows = [
        Job.model_validate(
            {
                "id": i,
                "title": f"Engineer {i}",
                "level": "senior" if i % 2 else "mid",
                "salary": 100_000 + 1_000 * i,
                "remote": i % 3 == 0,
            }
        )
        for i in range(20)
    ]
    table = Table(title="Jobs")
    for name in Job.model_fields:
        table.add_column(name)
    for row in rows:
        table.add_row(str(row.id), row.title, row.level, f"{row.salary:,}", str(row.remote))
    Console().print(table)


if __name__ == "__main__":
    app()
