"""Pay figures of a role, each with its source and year, never merged across sources.

A role's figures are its own ``salaries`` plus, when it belongs to a salary family, that
family's levels (labelled *via* the family).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from careercli.kb.catalog import Catalog
from careercli.kb.shapes import LEVELS, Level

if TYPE_CHECKING:
    from careercli.kb.models import Role, Salary


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
        **fields,
    )


def _own(catalog: Catalog, s: Salary) -> PayFigure:
    return _figure(
        catalog,
        s.source,
        level=s.level,
        kind=s.kind,
        min=s.min,
        max=s.max,
        open_ended=s.open_ended,
        currency=s.currency,
        region=s.region,
        label=s.label,
        note=s.note,
    )


def _family(catalog: Catalog, family_id: str, level: Level | None = None) -> list[PayFigure]:
    family = catalog.families[family_id]
    return [
        _figure(
            catalog,
            family.source,
            level=lv.level,
            kind="range",
            min=lv.min,
            max=lv.max,
            open_ended=lv.open_ended,
            currency=family.currency,
            region=family.region,
            via=family.name,
        )
        for lv in family.levels
        if level is None or lv.level == level
    ]


def role_pay(catalog: Catalog, role: Role) -> list[PayFigure]:
    """Every pay figure for ``role``, ordered by level, then source."""
    figures = [_own(catalog, s) for s in role.salaries]
    if role.salary_family:
        figures += _family(catalog, role.salary_family)
    figures.sort(key=lambda f: (LEVELS.index(f.level), f.source, f.kind))
    return figures


def pay_by_level(figures: list[PayFigure]) -> dict[Level, list[PayFigure]]:
    """Figures grouped by level, levels in career order."""
    grouped: dict[Level, list[PayFigure]] = {}
    for f in sorted(figures, key=lambda f: LEVELS.index(f.level)):
        grouped.setdefault(f.level, []).append(f)
    return grouped


def salary_board(
    catalog: Catalog, role_ids: list[str] | None, level: Level | None
) -> list[tuple[str, PayFigure]]:
    """(role title, figure) rows: the given roles' figures, or every role's at ``level``.

    Without roles the rows are ranked by the figure's top amount, highest first, and read
    from indexed tables without reading any role.
    """
    if role_ids:
        roles = [catalog.role(r) for r in role_ids]
        return [
            (role.title, f)
            for role in roles
            for f in role_pay(catalog, role)
            if level is None or f.level == level
        ]
    wanted: Level = level or "mid"
    rows = [(title, _own(catalog, s)) for _, title, s in catalog.salaries_at(wanted)]
    rows += [
        (title, f)
        for _, title, family in catalog.family_members()
        for f in _family(catalog, family, wanted)
    ]
    rows.sort(key=lambda tf: (-tf[1].high, -tf[1].low, tf[0], tf[1].source, tf[1].kind))
    return rows
