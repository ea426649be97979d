"""Full-text search over roles, skills, roadmap topics, responsibilities and industries.

SQLite does the work: an FTS5 index with the ``porter`` tokenizer (``monitoring`` finds
*monitors*, ``scaling`` finds *scale* but not *Scala*), every query word required
somewhere in an entry, ranked by ``bm25()`` with a weight per kind of field. Only when
nothing matches do the words also match as the start of a word (``pytor`` finds
*PyTorch*).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from careercli.kb.catalog import Catalog
from careercli.kb.store import SEARCH_COLUMNS

_WORD = re.compile(r"[\w+#]+")

# How much a match in each kind of field counts (bm25 column weights).
FIELD_WEIGHT = {
    "name": 6.0,
    "alias": 5.0,
    "focus": 3.0,
    "summary": 2.0,
    "skills": 2.0,
    "topic": 2.0,
    "subtopic": 2.0,
    "key_skill": 2.0,
    "primary_role": 2.0,
    "responsibility": 1.0,
    "requirement": 1.0,
    "text": 1.0,
    "section": 1.0,
    "resource": 1.5,
}
WHERE_SHOWN = 3  # matched pieces of text kept per hit


@dataclass(frozen=True)
class Match:
    field: str  # title (a role's), name, alias, topic, ...
    text: str  # the whole piece of text, as the KB has it
    first: int  # index of its first matched word, counting words split at spaces


@dataclass(frozen=True)
class Hit:
    kind: str  # role, skill, industry
    id: str
    name: str
    score: float  # bm25's, higher is better
    where: list[Match]  # the most telling first
    kb: str | None = None  # a role's, of several KBs loaded: the one it comes from


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _match(terms: list[str], prefix: bool) -> str:
    star = "*" if prefix else ""
    return " ".join('"' + t.replace('"', '""') + '"' + star for t in terms)


def search(catalog: Catalog, text: str, limit: int = 20) -> list[Hit]:
    """Entries holding every word of ``text`` in some form, best first (one named
    ``text`` leads)."""
    terms = list(dict.fromkeys(words(text)))
    if not terms:
        return []
    weights = [FIELD_WEIGHT[c] for c in SEARCH_COLUMNS]
    exact = " ".join(text.split())
    rows = catalog.search(_match(terms, prefix=False), weights, limit, exact)
    if not rows:
        rows = catalog.search(_match(terms, prefix=True), weights, limit, exact)
    return [
        Hit(kind, id_, name, score, _where(kind, marked),
            catalog.role_kb(id_) if kind == "role" else None)
        for kind, id_, name, score, marked in rows
    ]  # fmt: skip


def _where(kind: str, marked: list[str]) -> list[Match]:
    """The matched pieces: those holding the most query words first, then by field weight."""
    pieces = []
    for column, text in zip(SEARCH_COLUMNS, marked, strict=True):
        for piece in text.split("\n"):
            if "\x01" in piece:
                first = next(i for i, t in enumerate(piece.split(" ")) if "\x01" in t)
                clean = piece.replace("\x01", "").replace("\x02", "")
                field = "title" if (kind, column) == ("role", "name") else column
                match = Match(field.replace("_", " "), clean, first)
                pieces.append((-_matched_words(piece), -FIELD_WEIGHT[column], match))
    pieces.sort(key=lambda p: p[:2])
    return [match for *_, match in pieces[:WHERE_SHOWN]]


_MARKED = re.compile("\x01([^\x02]*)\x02")


def _matched_words(piece: str) -> int:
    """How many different words FTS5 marked in ``piece`` (it marks a run of them once)."""
    return len({w for run in _MARKED.findall(piece) for w in words(run)})


def nearest_names(catalog: Catalog, text: str, limit: int = 4) -> list[str]:
    """Role and skill names close to ``text``, for when a search finds nothing
    (``machne learning`` suggests *Machine Learning*)."""
    from careercli.query.resolve import CatalogIndex, suggest
    from careercli.text import normalise

    key = normalise(text)
    if not key:
        return []
    found: list[str] = []
    for kind in ("skill", "role"):
        found += suggest(key, CatalogIndex(catalog, kind).table(), limit)
    return list(dict.fromkeys(found))[:limit]
