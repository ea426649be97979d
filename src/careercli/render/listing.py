"""The roles table (``careercli roles``)."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from careercli.render.common import Listing, table
from careercli.render.format import common_unit, duration_in

NAMED_ONLY = "*"  # short, so that the titles keep to one line
LEGEND = {
    NAMED_ONLY: "named only: the sources name this role but do not describe it (no "
    "skills, pay or way in); its page says where it is named."
}


def render_roles(roles: list[dict[str, Any]], total: int) -> Listing:
    """The roles listing (``roles`` may be the first ``total``): the time to get in in one
    unit for the whole column, the columns no row fills left out, named-only roles marked."""
    unit = common_unit(r["way_in"] for r in roles if r["way_in"])
    several = any(r.get("kb") for r in roles)  # KBs loaded: say whose each role is
    heads = ["Role", "Track", "Pay family", "Skills", f"Way in ({unit})"]
    if several:
        heads.insert(1, "KB")
    t = table(
        *heads, min_widths=(16, 4, 8) if several else (16, 8),
        total=total, compact=True, legend=LEGEND,
    )  # fmt: skip
    for r in roles:
        way_in = duration_in(r["way_in"], unit) if r["way_in"] else "-"
        title = Text(r["title"], style="bold")
        if r["named_only"]:
            title.append(f" {NAMED_ONLY}", style="dim")
        skills = "-" if r["named_only"] and not r["n_skills"] else str(r["n_skills"])
        cells: list[Text | str] = [title, r["track"] or "-", r["family_name"] or "", skills, way_in]
        if several:
            cells.insert(1, r["kb"] or "")
        t.add_row(*cells)
    return t
