"""Full-text search over roles, skills, roadmap topics, responsibilities and industries.

The catalog's full-text index finds the pieces of text holding any query word; ranking and
the rule that every word must match somewhere in an entry are decided here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from careercli.kb.catalog import Catalog

_WORD = re.compile(r"[\w+#]+")

# How much a match in each kind of field counts.
FIELD_WEIGHT = {
    "title": 6,
    "name": 6,
    "alias": 5,
    "focus": 3,
    "summary": 2,
    "skills": 2,
    "topic": 2,
    "subtopic": 2,
    "responsibility": 1,
    "requirement": 1,
    "text": 1,
    "key skill": 2,
    "primary role": 2,
}


@dataclass
class Hit:
    kind: str  # role, skill, industry
    id: str
    name: str
    score: float = 0.0
    where: list[tuple[str, str]] = field(default_factory=list)  # (field, matched text)
    weights: list[float] = field(default_factory=list, repr=False)  # one per matching field


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def stem(term: str) -> str:
    """A query word cut to a prefix that its other forms share: ``monitoring`` finds
    *monitor*, *monitors* and *monitored*; short words stay whole (``string``, ``ops``)."""
    for suffix in ("ing", "ed", "s"):
        if term.endswith(suffix) and not term.endswith("ss") and len(term) - len(suffix) >= 4:
            return term[: -len(suffix)]
    return term


def search(catalog: Catalog, text: str, limit: int = 20) -> list[Hit]:
    """Entries matching every word of ``text`` (prefix match, after :func:`stem`), best first.

    A field scores its weight times the square of the query words it contains, doubled for
    the whole phrase (a field holding every word beats several holding one each); an
    entry scores its best field plus a quarter of the others, so one strong match (a name)
    beats many weak ones (a long description that mentions a word often).
    """
    terms = list(dict.fromkeys(stem(w) for w in words(text)))
    if not terms:
        return []
    phrase = " ".join(terms)
    hits: dict[tuple[str, str], Hit] = {}
    seen_terms: dict[tuple[str, str], set[str]] = {}
    for kind, id_, name, fld, value in catalog.search_rows(terms):
        tokens = words(value)
        matched = {t for t in terms if any(tok.startswith(t) for tok in tokens)}
        if not matched:
            continue
        key = (kind, id_)
        hit = hits.setdefault(key, Hit(kind, id_, name))
        weight = float(FIELD_WEIGHT[fld] * len(matched) ** 2)  # all words together count most
        if phrase in " ".join(tokens):
            weight *= 2
        hit.weights.append(weight)
        hit.where.append((fld, value))
        seen_terms.setdefault(key, set()).update(matched)
    found = [h for k, h in hits.items() if seen_terms[k] == set(terms)]
    for h in found:
        ranked = sorted(zip(h.weights, h.where, strict=True), key=lambda wf: -wf[0])
        h.score = ranked[0][0] + 0.25 * sum(w for w, _ in ranked[1:])
        h.where = list(dict.fromkeys(where for _, where in ranked))[:3]
    found.sort(key=lambda h: (-h.score, h.kind, h.name.casefold()))
    return found[:limit]


def hits_json(hits: list[Hit]) -> list[dict[str, object]]:
    return [
        {
            "kind": h.kind,
            "id": h.id,
            "name": h.name,
            "score": h.score,
            "matches": [{"field": f, "text": t} for f, t in h.where],
        }
        for h in hits
    ]
