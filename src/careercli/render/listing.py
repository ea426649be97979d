"""The roles table (``careercli roles``)."""

from __future__ import annotations

from typing import Any

from rich.console import RenderableType
from rich.text import Text

from careercli.kb.catalog import Catalog
from careercli.render.common import plain, table


def render_roles(catalog: Catalog, roles: list[dict[str, Any]]) -> RenderableType:
    t = table("Role", "Track", "Pay family", "Skills", "Way in", min_widths=(16, 8))
    for r in roles:
        family = catalog.families[r["family"]].name if r["family"] else ""
        t.add_row(
            Text(r["title"], style="bold"),
            plain(r["track"] or "-"),
            plain(family),
            str(r["n_skills"]),
            plain(r["way_in"] or "-"),
        )
    return t
