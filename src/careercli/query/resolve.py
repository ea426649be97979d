"""Turning what a user typed into a role or skill id.

Order: the alias table and exact names (case-insensitive, and ignoring punctuation), then
a name that contains every word typed when exactly one does, then fuzzy matching with a
cutoff. Short queries never go fuzzy (``ML`` must not pick a long title), and when two
candidates are about equally close the user is asked instead of guessed for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any, Protocol

from careercli.kb.catalog import Catalog
from careercli.text import normalise

FUZZY_CUTOFF = 80.0
AMBIGUITY_MARGIN = 4.0
MIN_FUZZY_LENGTH = 4
SUGGESTIONS = 4
SUGGEST_CUTOFF = 65.0
SHORT_QUERY = 6  # shorter queries get no partial matching in suggestions
SHORT_WORD_CUTOFF = 70.0  # ... but are compared with each word of a name
GENERIC_WORD = 3  # a single word in more names than this is too generic to pick one


class ResolveError(LookupError):
    """Base for resolution failures; ``str()`` is the one-line message."""

    def __init__(self, message: str, suggestions: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.suggestions = list(suggestions)


class EmptyName(ResolveError):
    """Nothing was typed (a usage error)."""


class UnknownName(ResolveError):
    """Nothing is close enough."""


class AmbiguousName(ResolveError):
    """Two or more candidates fit about equally well."""


@dataclass(frozen=True)
class Candidate:
    id: str
    name: str
    aliases: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases, self.id)

    @cached_property
    def norms(self) -> tuple[str, ...]:
        """Every name normalised, once."""
        return tuple(dict.fromkeys(normalise(n) for n in self.names()))


@dataclass(frozen=True)
class NameTable:
    """Every normalised name of a kind as one flat list, for the steps that scan them all.

    ``norms[k]`` is a name of the entry with id ``owners[k]``; entries come in their
    order (the file's), each entry's names together. ``entry`` gives the candidate of an
    id, built only for the few ids a step picks, so a scan of 13,500 skills creates no
    object per skill and runs in list comprehensions and rapidfuzz's C loops.
    """

    norms: list[str]
    owners: list[str]
    entry: Callable[[str], Candidate]

    @classmethod
    def of(cls, candidates: Sequence[Candidate]) -> NameTable:
        pairs = [(c.id, n) for c in candidates for n in c.norms]
        by_id = {c.id: c for c in reversed(candidates)}  # the first of an id, as before
        return cls([n for _, n in pairs], [i for i, _ in pairs], by_id.__getitem__)

    def ids(self) -> list[str]:
        """Every entry's id, in order."""
        return list(dict.fromkeys(self.owners))


class NameIndex(Protocol):
    """Where names come from: an exact lookup, and every name for the slower steps."""

    def exact(self, text: str) -> list[Candidate]: ...

    def table(self) -> NameTable: ...


class ListIndex:
    """A name index over a list held in memory (industries, tests)."""

    def __init__(self, candidates: Sequence[Candidate]) -> None:
        self._candidates = candidates

    def exact(self, text: str) -> list[Candidate]:
        folded = text.casefold()
        found = [c for c in self._candidates if folded in {n.casefold() for n in c.names()}]
        if not found:
            key = normalise(text)
            found = [c for c in self._candidates if key in {normalise(n) for n in c.names()}]
        return found

    def candidates(self) -> Sequence[Candidate]:
        return self._candidates

    def table(self) -> NameTable:
        return NameTable.of(self._candidates)


class CatalogIndex:
    """Role or skill names of a catalog; the exact step is one indexed query."""

    def __init__(self, catalog: Catalog, kind: str) -> None:
        self._catalog = catalog
        self._kind = kind
        self._table: NameTable | None = None

    def _name(self, entry_id: str) -> str:
        if self._kind == "role":
            return self._catalog.role_title(entry_id)
        return self._catalog.skill_name(entry_id)

    def exact(self, text: str) -> list[Candidate]:
        return [Candidate(i, self._name(i)) for i in self._catalog.ids_named(self._kind, text)]

    def table(self) -> NameTable:
        """The names as the build stored them, flat and normalised: one row to read."""
        if self._table is None:
            ids, norms = self._catalog.name_table(self._kind)
            self._table = NameTable(norms, ids, cache(self._entry))
        return self._table

    def _entry(self, entry_id: str) -> Candidate:
        aliases = tuple(self._catalog.aliases(self._kind, entry_id))
        return Candidate(entry_id, self._name(entry_id), aliases)


@dataclass(frozen=True)
class Resolution:
    id: str
    name: str
    how: str  # "exact", "words" or "fuzzy"

    @property
    def guessed(self) -> bool:
        return self.how != "exact"


SHORT_LIST = 8  # a kind with this few names lists them all when nothing is close


def _did_you_mean(names: Iterable[str], table: NameTable | None = None) -> str:
    names = list(names)
    if names:
        return f"; did you mean: {', '.join(names)}?"
    if table is not None and 0 < len(ids := table.ids()) <= SHORT_LIST:
        return f"; choose from: {', '.join(table.entry(i).name for i in ids)}"
    return ""


def resolve(query: str, index: NameIndex, kind: str) -> Resolution:
    """Resolve ``query`` to one candidate or raise a ResolveError subclass."""
    text = " ".join(query.split())
    key = normalise(text)
    if not key:
        what = "is empty" if not text else "has no letters or digits"
        raise EmptyName(f"{kind} name {what}")

    exact = {c.id: c for c in index.exact(text)}
    if len(exact) == 1:
        (found,) = exact.values()
        return Resolution(found.id, found.name, "exact")
    if len(exact) > 1:
        raise AmbiguousName(
            f"{text!r} names more than one {kind}" + _did_you_mean(c.name for c in exact.values()),
            [c.name for c in exact.values()],
        )

    table = index.table()
    if len(key) < MIN_FUZZY_LENGTH:
        suggestions = suggest(key, table)
        hint = _did_you_mean(suggestions, table)
        raise UnknownName(f"no {kind} is named {text!r}{hint}", suggestions)

    containing = [table.entry(i) for i in _containing(key.split(), table)]
    # One generic word in many names (``learning``, ``engineer``) is no name: list them
    # rather than take the one name that happens to start with it.
    generic = len(key.split()) == 1 and len(containing) > GENERIC_WORD
    if len(containing) > 1 and not generic:
        starting = _starting(key, {c.id for c in containing}, table)
        if len(starting) == 1:
            containing = [table.entry(starting[0])]
    if len(containing) == 1:
        return Resolution(containing[0].id, containing[0].name, "words")
    if len(containing) > 1:
        raise _fits_several(text, kind, containing)

    ranked = _rank(key, table)
    if ranked and ranked[0][1] >= FUZZY_CUTOFF:
        best, score = ranked[0]
        close = [c for c, s in ranked[1:] if s >= FUZZY_CUTOFF and score - s < AMBIGUITY_MARGIN]
        if not close:
            return Resolution(best.id, best.name, "fuzzy")
        names = [best.name, *(c.name for c in close)]
        raise AmbiguousName(
            f"{text!r} is about as close to several {kind}s" + _did_you_mean(names), names
        )

    near = [table.entry(i) for i in _containing_near(key.split(), table)]
    if len(near) == 1:  # every word typed, a typo or two inside: ``computer vison``
        return Resolution(near[0].id, near[0].name, "fuzzy")
    if len(near) > 1:
        raise _fits_several(text, kind, near)

    suggestions = suggest(key, table)
    hint = _did_you_mean(suggestions, table)
    raise UnknownName(f"no {kind} matches {text!r}{hint}", suggestions)


def _fits_several(text: str, kind: str, candidates: list[Candidate]) -> AmbiguousName:
    names = sorted((c.name for c in candidates), key=len)
    shown = names[:SUGGESTIONS] + (
        [f"and {len(names) - SUGGESTIONS} more"] if len(names) > SUGGESTIONS else []
    )
    return AmbiguousName(f"{text!r} fits more than one {kind}" + _did_you_mean(shown), names)


def _containing_near(words: list[str], table: NameTable) -> list[str]:
    """Ids of the entries with a name holding, for each word typed, a word it starts or a
    word within a typo of it (``vison`` for *vision*; words of 4 letters or more)."""
    from rapidfuzz import fuzz, process

    tokens = sorted({t for n in table.norms for t in n.split()})
    close: list[set[str]] = []
    for w in words:
        near = {t for t in tokens if t.startswith(w)}
        if len(w) >= MIN_FUZZY_LENGTH:
            hits = process.extract(w, tokens, scorer=fuzz.ratio, limit=None,
                                   score_cutoff=FUZZY_CUTOFF)  # fmt: skip
            near |= {t for t, _, _ in hits}
        if not near:
            return []
        close.append(near)
    owners = [
        table.owners[k]
        for k, n in enumerate(table.norms)
        if all(not set(n.split()).isdisjoint(c) for c in close)
    ]
    return list(dict.fromkeys(owners))


def _containing(words: list[str], table: NameTable) -> list[str]:
    """Ids of the entries with a name that has every word of ``words`` (see _has_words).

    A word that starts a word of a name is in the name, so plain substring tests (C
    speed) narrow the names first and only those left are split into words.
    """
    found: Iterable[int] = range(len(table.norms))
    for w in sorted(words, key=len, reverse=True):  # the longest word rules out most
        found = [k for k in found if w in table.norms[k]]
    return list(dict.fromkeys(table.owners[k] for k in found if _has_words(words, table.norms[k])))


def _starting(key: str, ids: set[str], table: NameTable) -> list[str]:
    """Those of ``ids`` with a name starting with ``key``."""
    starts = [k for k, n in enumerate(table.norms) if n.startswith(key)]
    return list(dict.fromkeys(table.owners[k] for k in starts if table.owners[k] in ids))


def _has_words(words: list[str], norm: str) -> bool:
    """Every typed word starts some word of ``norm`` (``data eng`` fits *data engineer*)."""
    tokens = norm.split()
    return all(any(t.startswith(w) for t in tokens) for w in words)


def _best_per_candidate(
    key: str, table: NameTable, scorers: Sequence[Any], cutoff: float
) -> list[tuple[Candidate, float]]:
    from rapidfuzz import process

    found = []
    for scorer in scorers:
        hits = process.extract(key, table.norms, scorer=scorer, limit=None, score_cutoff=cutoff)
        found.append([(table.entry(table.owners[i]), float(score)) for _, score, i in hits])
    return _merge(*found)


def _rank(key: str, table: NameTable) -> list[tuple[Candidate, float]]:
    """Candidates close to ``key`` (typos, word order), closest first."""
    from rapidfuzz import fuzz

    return _best_per_candidate(key, table, [fuzz.token_sort_ratio], FUZZY_CUTOFF - 10)


def suggest(key: str, table: NameTable, limit: int = SUGGESTIONS) -> list[str]:
    """The nearest few names, for a "did you mean" line; generous, but not random.

    WRatio's partial matching lets a short query score high against any long name that
    contains a few of its letters (``nope`` in *Developer*), so a short query is compared
    with whole names and with each word of them (``helth`` suggests *Healthcare AI*).
    """
    from rapidfuzz import fuzz

    if len(key) >= SHORT_QUERY:
        scorers = [fuzz.token_sort_ratio, fuzz.WRatio]
        ranked = _best_per_candidate(key, table, scorers, SUGGEST_CUTOFF)
    else:
        whole = _best_per_candidate(key, table, [fuzz.token_sort_ratio], SUGGEST_CUTOFF)
        ranked = _merge(whole, _best_word(key, table))
    return [c.name for c, _ in ranked[:limit]]


def _best_word(key: str, table: NameTable) -> list[tuple[Candidate, float]]:
    """Candidates having a word close to ``key`` as a whole word (``ratio``, not partial)."""
    from rapidfuzz import fuzz, process

    words: list[str] = []
    owners: list[str] = []
    for n, owner in zip(table.norms, table.owners, strict=True):
        for w in n.split():
            words.append(w)
            owners.append(owner)
    hits = process.extract(
        key, words, scorer=fuzz.ratio, limit=None, score_cutoff=SHORT_WORD_CUTOFF
    )
    return _merge([(table.entry(owners[i]), float(score)) for _, score, i in hits])


def _merge(*lists: list[tuple[Candidate, float]]) -> list[tuple[Candidate, float]]:
    """Each candidate once, at its best score; best first, then by name."""
    best: dict[str, tuple[Candidate, float]] = {}
    for pairs in lists:
        for c, score in pairs:
            if c.id not in best or best[c.id][1] < score:
                best[c.id] = (c, score)
    return sorted(best.values(), key=lambda cs: (-cs[1], cs[0].name))


def resolve_choice(text: str, choices: Sequence[str], kind: str) -> Resolution:
    """One of a few fixed names (a track, a skill category) by the same policy as any
    other name: exact, then a prefix or the words typed (``tech``), then a typo."""
    return resolve(text, ListIndex([Candidate(c, c) for c in choices]), kind)
