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


# What may follow a stem for a word to count as another form of the query word.
ENDINGS = frozenset({"", "e", "s", "es", "ed", "ing", "er", "ers"})


def stem(term: str) -> str:
    """The base form of a query word: ``monitoring`` -> ``monitor``, ``technologies`` ->
    ``technology``; short words stay whole (``string``, ``ops``)."""
    if term.endswith("ies") and len(term) > 5:
        return term[:-3] + "y"
    for suffix in ("ing", "ed", "es", "s"):
        if term.endswith(suffix) and not term.endswith("ss") and len(term) - len(suffix) >= 4:
            return term[: -len(suffix)]
    return term


def matches(term: str, token: str) -> bool:
    """``token`` starts with the query word, or is another form of it: its stem plus a
    usual ending (``monitoring`` finds *monitor* and *monitors*, not *Scala* for
    ``scaling`` nor *services* for ``serving``)."""
    if token.startswith(term):
        return True
    base = stem(term)
    if base == term:
        return False
    if base.endswith("y") and term.endswith("ies"):  # technologies ~ technology
        return token.startswith(base)
    return token.startswith(base) and token[len(base) :] in ENDINGS


def _fts_prefix(term: str) -> str:
    """A prefix the index can look up that every form :func:`matches` accepts shares."""
    base = stem(term)
    return term[:-3] if base.endswith("y") and term.endswith("ies") else base


def search(catalog: Catalog, text: str, limit: int = 20) -> list[Hit]:
    """Entries matching every word of ``text`` (a prefix or another form, see :func:`matches`),
    best first.

    A field scores its weight times the square of the query words it contains, doubled for
    the whole phrase (a field holding every word beats several holding one each); an
    entry scores its best field plus a quarter of the others, so one strong match (a name)
    beats many weak ones (a long description that mentions a word often).
    """
    terms = list(dict.fromkeys(words(text)))
    if not terms:
        return []
    phrase = " ".join(stem(t) for t in terms)
    hits: dict[tuple[str, str], Hit] = {}
    seen_terms: dict[tuple[str, str], set[str]] = {}
    prefixes = list(dict.fromkeys(_fts_prefix(t) for t in terms))
    for kind, id_, name, fld, value in catalog.search_rows(prefixes):
        tokens = words(value)
        matched = {t for t in terms if any(matches(t, tok) for tok in tokens)}
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
