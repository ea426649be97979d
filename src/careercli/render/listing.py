"""The roles table (``careercli roles``)."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from careercli.render.common import Listing, table
from careercli.render.format import duration_label


def render_roles(roles: list[dict[str, Any]], total: int) -> Listing:
    """The roles listing (``roles`` may be the first ``total``)."""
    t = table("Role", "Track", "Pay family", "Skills", "Way in", min_widths=(16, 8), total=total)
    for r in roles:
        way_in = duration_label(r["way_in"]) if r["way_in"] else "-"
        title = Text(r["title"], style="bold")
        t.add_row(title, r["track"] or "-", r["family_name"] or "", str(r["n_skills"]), way_in)
    return t
