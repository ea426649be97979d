"""Full-text search over roles, skills, roadmap topics, responsibilities and industries."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from careercli.query.catalog import Catalog

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


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _fields(catalog: Catalog) -> Iterator[tuple[str, str, str, str, str]]:
    """(kind, id, name, field, text) for every searchable piece of text."""
    for r in catalog.kb.roles:
        yield "role", r.id, r.title, "title", r.title
        for a in r.aliases:
            yield "role", r.id, r.title, "alias", a
        if r.primary_focus:
            yield "role", r.id, r.title, "focus", r.primary_focus
        if r.summary:
            yield "role", r.id, r.title, "summary", r.summary
        for g in r.skills:
            yield "role", r.id, r.title, "skills", g.text
        for b in r.responsibilities:
            for item in b.items:
                yield "role", r.id, r.title, "responsibility", item
            if b.text:
                yield "role", r.id, r.title, "responsibility", b.text
        for b in r.requirements:
            for item in b.items:
                yield "role", r.id, r.title, "requirement", item
            if b.text:
                yield "role", r.id, r.title, "requirement", b.text
        for m in r.roadmaps:
            for p in m.phases:
                for t in p.topics:
                    yield "role", r.id, r.title, "topic", f"{m.name} › {p.name}: {t}"
    for s in catalog.kb.skills:
        yield "skill", s.id, s.name, "name", s.name
        for a in s.aliases:
            yield "skill", s.id, s.name, "alias", a
        for t in s.subtopics:
            yield "skill", s.id, s.name, "subtopic", t
        if s.description:
            yield "skill", s.id, s.name, "text", s.description
    for i in catalog.kb.industries:
        yield "industry", i.id, i.name, "name", i.name
        for k in i.key_skills:
            yield "industry", i.id, i.name, "key skill", k
        for t in i.topics:
            yield "industry", i.id, i.name, "topic", t
        for pr in i.primary_roles:
            yield "industry", i.id, i.name, "primary role", pr.name


def search(catalog: Catalog, text: str, limit: int = 20) -> list[Hit]:
    """Entries matching every word of ``text`` (prefix match), best first.

    Each field adds its weight per query word it contains; a whole-phrase match doubles it.
    """
    terms = words(text)
    if not terms:
        return []
    phrase = " ".join(terms)
    hits: dict[tuple[str, str], Hit] = {}
    seen_terms: dict[tuple[str, str], set[str]] = {}
    for kind, id_, name, fld, value in _fields(catalog):
        tokens = words(value)
        matched = {t for t in terms if any(tok.startswith(t) for tok in tokens)}
        if not matched:
            continue
        key = (kind, id_)
        hit = hits.setdefault(key, Hit(kind, id_, name))
        weight = FIELD_WEIGHT[fld] * len(matched)
        if phrase in " ".join(tokens):
            weight *= 2
        hit.score += weight
        seen_terms.setdefault(key, set()).update(matched)
        if len(hit.where) < 3 and (fld, value) not in hit.where:
            hit.where.append((fld, value))
    found = [h for k, h in hits.items() if seen_terms[k] == set(terms)]
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
