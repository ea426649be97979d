"""Pay figures of a role, each with its source and year, never merged across sources.

A role's figures are its own ``salaries`` plus, when it belongs to a salary family, that
family's levels (labelled *via* the family).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from careercli.kb.catalog import Catalog
from careercli.kb.shapes import LEVELS, Level
from careercli.query.refs import SourceRef, source_refs

if TYPE_CHECKING:
    from careercli.kb.models import Role


@dataclass(frozen=True)
class PayFigure:
    level: Level
    kind: str  # range, median, average, up-to
    min: int | None
    max: int | None
    open_ended: bool
    currency: str
    region: str | None
    source: str
    source_title: str
    source_short: str
    year: int | None
    via: str | None = None  # the salary family's name, when the figure is the family's
    label: str | None = None
    note: str | None = None
    source_file: str = ""  # the seed document the source was curated from (for --json)

    @property
    def low(self) -> int:
        """The lowest amount the figure states (for sorting and bar scales)."""
        return self.min if self.min is not None else (self.max or 0)

    @property
    def high(self) -> int:
        return self.max if self.max is not None else (self.min or 0)


def _figure(catalog: Catalog, source_id: str, **fields: Any) -> PayFigure:
    """A figure with its source's title and year attached, so neither can be left off."""
    src = catalog.sources[source_id]
    return PayFigure(
        source=source_id,
        source_title=src.title,
        source_short=src.short or src.title,
        year=catalog.source_year(source_id),
        source_file=src.file,
        **fields,
    )


def _from_row(catalog: Catalog, row: dict[str, Any]) -> PayFigure:
    fields = dict(row)
    if not all(isinstance(fields[k], int | None) for k in ("min", "max")):
        raise ValueError(f"a pay figure of {fields['source']!r} is not in whole dollars")
    return _figure(catalog, fields.pop("source"), **fields)


def role_pay(catalog: Catalog, role: Role) -> list[PayFigure]:
    """Every pay figure for ``role`` (its own and its family's), ordered by level, then
    source (the cache stores them so, see ``kb.store._pay_rows``)."""
    return [_from_row(catalog, row) for row in catalog.pay(role.id)]


def pay_by_level(figures: list[PayFigure]) -> dict[Level, list[PayFigure]]:
    """Figures grouped by level, levels in career order."""
    grouped: dict[Level, list[PayFigure]] = {}
    for f in sorted(figures, key=lambda f: LEVELS.index(f.level)):
        grouped.setdefault(f.level, []).append(f)
    return grouped


@dataclass(frozen=True)
class PayBoard:
    """The answer of ``careercli salary``: (role title, figure) rows, how many rows there
    are in all (``rows`` may hold only the first few), the roles asked for that the
    sources give no figures for (at the level asked), and the sources to cite."""

    rows: list[tuple[str, PayFigure]]
    total: int
    no_pay: list[str]
    sources: dict[str, SourceRef]
    aliases: dict[str, list[str]]  # role title -> its other names, to shorten a label


def _aliases(catalog: Catalog, titles: list[str]) -> dict[str, list[str]]:
    return {
        t: [a for rid in catalog.ids_named("role", t) for a in catalog.aliases("role", rid)]
        for t in dict.fromkeys(titles)
    }


def salary_board(
    catalog: Catalog,
    role_ids: list[str] | None,
    level: Level | None,
    limit: int | None = None,
) -> PayBoard:
    """The given roles' figures (each role once, in the order given), or every role's at
    ``level`` (the first ``limit``).

    Without roles the rows are ranked by the figure's top amount, highest first, from an
    index, so a screenful reads a screenful of rows.
    """
    refs = source_refs(catalog)
    rows: list[tuple[str, PayFigure]] = []
    if role_ids:
        no_pay: list[str] = []
        for role in (catalog.role(r) for r in dict.fromkeys(role_ids)):
            figures = [f for f in role_pay(catalog, role) if level is None or f.level == level]
            rows += [(role.title, f) for f in figures]
            if not figures:
                no_pay.append(role.title)
        return PayBoard(rows, len(rows), no_pay, refs, _aliases(catalog, [t for t, _ in rows]))
    found, total = catalog.pay_at(level or "mid", limit)
    rows = [(title, _from_row(catalog, row)) for title, row in found]
    return PayBoard(rows, total, [], refs, _aliases(catalog, [t for t, _ in rows]))
