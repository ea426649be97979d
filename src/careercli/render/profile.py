"""The profile view (``careercli profile show``)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from careercli.query.matching import ProfileSummary
from careercli.render.common import joined, section


def render_profile(summary: ProfileSummary) -> RenderableType:
    known, unknown, fits = summary.known, summary.unknown, summary.fits
    names: list[str] = sorted((summary.names[s] for s in known), key=str.casefold)
    if not known and not unknown:
        return Text("Your profile is empty. Add skills: careercli profile add python sql")
    parts: list[RenderableType] = [
        section(
            f"Your skills ({len(known)})",
            joined(names),
            first=True,
        )
    ]
    if unknown:
        parts.append(Text(f"Not in this knowledge base: {', '.join(unknown)}", style="yellow"))
    if fits:
        lines = [Text.assemble((f.title, "bold"), f": {f.score:.0f}% fit") for f in fits]
        parts.append(section("Best fits (careercli match for more)", Group(*lines)))
    return Group(*parts)
