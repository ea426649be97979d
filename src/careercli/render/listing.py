"""The roles table (``careercli roles``)."""

from __future__ import annotations

from typing import Any

from rich.console import RenderableType
from rich.text import Text

from careercli.render.common import plain, table
from careercli.render.format import duration_label


def render_roles(roles: list[dict[str, Any]]) -> RenderableType:
    t = table("Role", "Track", "Pay family", "Skills", "Way in", min_widths=(16, 8))
    for r in roles:
        way_in = duration_label(r["way_in"]) if r["way_in"] else "-"
        t.add_row(
            Text(r["title"], style="bold"),
            plain(r["track"] or "-"),
            plain(r["family_name"] or ""),
            str(r["n_skills"]),
            plain(way_in),
        )
    return t
