"""Every ``--json`` shape, in one place: plain data with stable keys, from query results."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from careercli.query.search import Hit


def hits_json(hits: list[Hit]) -> list[dict[str, object]]:
    return [
        {
            "kind": h.kind,
            "id": h.id,
            "name": h.name,
            "score": round(h.score, 3),
            "matches": [{"field": f, "text": t} for f, t in h.where],
        }
        for h in hits
    ]
