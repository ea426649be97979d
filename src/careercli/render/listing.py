"""The roles table (``careercli roles``)."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text

from careercli.kb.models import Role
from careercli.query.catalog import Catalog, role_skill_tiers
from careercli.render.common import plain, table


def render_roles(catalog: Catalog, roles: list[Role]) -> RenderableType:
    t = table("Role", "Track", "Pay family", "Skills", "Sources", min_widths=(16, 8))
    for r in roles:
        family = catalog.families[r.salary_family].name if r.salary_family else ""
        t.add_row(
            Text(r.title, style="bold"),
            plain(r.track or "-"),
            plain(family),
            str(len(role_skill_tiers(r))),
            plain(", ".join(catalog.sources[s].short or s for s in r.sources)),
        )
    return t
