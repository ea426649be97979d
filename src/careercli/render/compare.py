"""Roles side by side (``careercli compare``): a table with a column per role, or one
card per role on a narrow terminal, and the same table in Markdown."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from careercli.query.compare import Comparison
from careercli.query.roles import RoleDetail
from careercli.query.salary import PayFigure, pay_by_level
from careercli.render.common import HAVE, Citations
from careercli.render.format import (
    amount,
    duration_label,
    level_label,
    pct_text,
    qualifier,
    source_label,
)

LABEL_WIDTH = 14  # "Time to get in"
COLUMN_MIN = 16  # a role's column in the table; narrower, the roles become cards
COLUMN_MAX = 40
FIRST_FEW = 4  # skills named before "+N more"


@dataclass(frozen=True)
class Line:
    """One line of a cell: its text, owned (a profile skill) or not, and the source that
    states it (cited as ``[n]`` where it is shown)."""

    text: str
    source: str | None = None
    owned: bool = False


Cell = list[Line]


def _rows(comp: Comparison) -> list[tuple[str, list[Cell]]]:
    """(row label, a cell per role), top to bottom as every layout shows them."""
    details = comp.details
    rows: list[tuple[str, list[Cell]]] = []
    for level in comp.levels:
        cells = []
        for d in details:
            figs = pay_by_level(d.pay).get(level, [])
            cells.append([Line(_figure(f), f.source) for f in figs])
        rows.append((f"{level_label(level).capitalize()} pay", cells))
    rows.append(
        (
            "Time to get in",
            [
                [Line(f"{duration_label(w.duration)} ({w.what})", w.source) for w in comp.time[rid]]
                for rid in (d.role.id for d in details)
            ],
        )
    )
    rows.append(("Essential", [_skills(comp, d, _essential(d)) for d in details]))
    rows.append(("Only here", [_skills(comp, d, _unique(comp, d), _essential(d)) for d in details]))
    rows.append(("In common", [_in_common(comp, d) for d in details]))
    if any(d.progress is not None for d in details):
        rows.append(
            (
                "Your progress",
                [
                    [Line(f"essential {pct_text(p.essential_have, p.essential_total)}")]
                    if (p := d.progress)
                    else []
                    for d in details
                ],
            )
        )
    return rows


def _figure(f: PayFigure) -> str:
    covers = qualifier(f)
    return amount(f) + (f" ({covers})" if covers else "")


def _essential(d: RoleDetail) -> list[str]:
    """The role's essential skills in the order its sources name them."""
    return [s for s, t in d.tiers.items() if t == "essential"]


def _unique(comp: Comparison, d: RoleDetail) -> list[str]:
    """The skills only this role names, the most important first, then as its sources
    order them."""
    only = set(comp.unique[d.role.id])
    return [s for ids in d.by_tier(s for s in d.tiers if s in only).values() for s in ids]


def _skills(comp: Comparison, d: RoleDetail, ids: list[str], shown: Sequence[str] = ()) -> Cell:
    """The first few skills (leaving out those ``shown`` in the row above), then
    ``+N more``; the profile's are ticked."""
    if not ids:
        return [Line("none")]
    rest = [s for s in ids if s not in shown[:FIRST_FEW]] or ids
    lines = [Line(comp.names[s], owned=s in d.have) for s in rest[:FIRST_FEW]]
    if len(ids) > len(lines):
        lines.append(Line(("+" if lines else "") + f"{len(ids) - len(lines)} more"))
    return lines


def _in_common(comp: Comparison, d: RoleDetail) -> Cell:
    """``16% with Data Engineer`` for each other role (shared skills of all the two name)."""
    rid = d.role.id
    out = []
    for o in comp.overlaps:
        if rid in (o.a, o.b):
            other = o.b_title if o.a == rid else o.a_title
            if o.union:
                out.append(Line(f"{o.pct}% with {other}"))
            else:  # neither names a skill: nothing to compare, not "100% in common"
                out.append(Line(f"no skills to compare with {other}"))
    return out


def _cell_text(cell: Cell, cites: Citations, skills: bool) -> Text:
    """Figures one to a line; skills as a comma list."""
    out = Text()
    for i, line in enumerate(cell):
        if i:
            out.append(", " if skills else "\n")
        style = "green" if line.owned else ""
        out.append(line.text + (f" {HAVE}" if line.owned else ""), style=style)
        if line.source:
            out.append(f" {cites.mark(line.source)}", style="dim")
    return out if cell else Text("-", style="dim")


def _is_list(label: str) -> bool:
    return label in ("Essential", "Only here")


def render_comparison(comp: Comparison, width: int) -> RenderableType:
    n = len(comp.details)
    rows = _rows(comp)
    cites = Citations(comp.sources)
    body: RenderableType
    if width >= LABEL_WIDTH + n * (COLUMN_MIN + 2):
        body = _table(comp, rows, cites, width)
    else:
        body = _cards(comp, rows, cites)
    parts: list[RenderableType] = [body]
    shared = _shared(comp)
    if shared is not None:
        parts += [Text(""), shared]
    footer = cites.footer()
    if footer:
        parts.append(footer)
    return Group(*parts)


def _table(
    comp: Comparison, rows: list[tuple[str, list[Cell]]], cites: Citations, width: int
) -> Table:
    n = len(comp.details)
    t = Table(
        box=None,
        pad_edge=False,
        expand=True,
        width=min(width, LABEL_WIDTH + n * (COLUMN_MAX + 2)),
        header_style="bold",
        padding=(0, 1, 0, 1),
    )
    t.add_column("", no_wrap=True, width=LABEL_WIDTH, style="dim")
    for d in comp.details:
        head = Text(d.role.title)
        kb = getattr(d.role, "kb", None)  # of several KBs loaded, the one it comes from
        if kb:
            head.append(f"\nfrom the {kb} KB", style="dim not bold")
        t.add_column(head, ratio=1, overflow="fold", min_width=COLUMN_MIN)
    for label, cells in rows:  # numbered row by row, left to right
        t.add_row(label, *(_cell_text(c, cites, _is_list(label)) for c in cells))
    return t


def _cards(comp: Comparison, rows: list[tuple[str, list[Cell]]], cites: Citations) -> Group:
    cards: list[RenderableType] = []
    for i, d in enumerate(comp.details):  # numbered role by role
        if i:
            cards.append(Text(""))
        card = Text(d.role.title, style="bold")
        kb = getattr(d.role, "kb", None)
        if kb:
            card.append(f" · from the {kb} KB", style="dim not bold")
        cards.append(card)
        grid = Table.grid(padding=(0, 1, 0, 0))
        grid.add_column(no_wrap=True, style="dim")
        grid.add_column(overflow="fold")
        for label, cells in rows:
            if cells[i]:
                grid.add_row(label, _cell_text(cells[i], cites, _is_list(label)))
        cards.append(Padding(grid, (0, 0, 0, 2)))
    return Group(*cards)


def _shared(comp: Comparison) -> Text | None:
    """``All of them need: Python, SQL`` (ticked where the profile has them)."""
    have = comp.details[0].have if comp.details else frozenset()
    head = "Both need: " if len(comp.details) == 2 else "All of them need: "
    out = Text(head, style="bold")
    if not comp.shared:
        out.append("no skill in common")
        return out
    for i, s in enumerate(comp.shared):
        if i:
            out.append(", ")
        owned = s in have
        out.append(comp.names[s] + (f" {HAVE}" if owned else ""), style="green" if owned else "")
    return out


# --- Markdown -------------------------------------------------------------------------

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\|*_`[]<>#"})


def _md(text: str) -> str:
    """Text from the KB, safe in a Markdown table cell (no pipe, markup or line break)."""
    return " ".join(text.translate(_MD_SPECIAL).split())


def comparison_markdown(comp: Comparison) -> str:
    """The comparison as a Markdown table (a column per role), sources listed under it."""
    cites = Citations(comp.sources)
    titles = [_md(d.role.title) for d in comp.details]
    lines = [
        f"# Compare: {', '.join(titles)}",
        "",
        "| | " + " | ".join(titles) + " |",
        "|---|" + "---|" * len(titles),
    ]
    for label, cells in _rows(comp):
        row = []
        for cell in cells:
            parts = [
                _md(line.text + (f" {HAVE}" if line.owned else ""))
                + (f" {cites.mark(line.source)}" if line.source else "")
                for line in cell
            ]
            row.append(("; " if not _is_list(label) else ", ").join(parts) or "-")
        lines.append(f"| {label} | " + " | ".join(row) + " |")
    shared = _shared(comp)
    if shared is not None:
        head, _, rest = shared.plain.partition(": ")
        lines += ["", f"**{head}:** {_md(rest)}"]
    if cites.cited:
        lines += ["", "## Sources", ""]
        lines += [
            f"- [{cites.number(s)}] {_md(source_label(comp.sources[s]))}" for s in cites.cited
        ]
    return "\n".join(lines) + "\n"
