"""Turning what a user typed into a role or skill id.

Order: the alias table and exact names (case-insensitive, and ignoring punctuation), then
a name that contains every word typed when exactly one does, then fuzzy matching with a
cutoff. Short queries never go fuzzy (``ML`` must not pick a long title), and when two
candidates are about equally close the user is asked instead of guessed for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
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


class NameIndex(Protocol):
    """Where names come from: an exact lookup, and every candidate for the slower steps."""

    def exact(self, text: str) -> list[Candidate]: ...

    def candidates(self) -> Sequence[Candidate]: ...


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


class CatalogIndex:
    """Role or skill names of a catalog; the exact step is one indexed query."""

    def __init__(self, catalog: Catalog, kind: str) -> None:
        self._catalog = catalog
        self._kind = kind
        self._all: list[Candidate] | None = None

    def _name(self, entry_id: str) -> str:
        if self._kind == "role":
            return self._catalog.role_title(entry_id)
        return self._catalog.skill_name(entry_id)

    def exact(self, text: str) -> list[Candidate]:
        return [Candidate(i, self._name(i)) for i in self._catalog.ids_named(self._kind, text)]

    def candidates(self) -> Sequence[Candidate]:
        if self._all is None:
            self._all = [
                Candidate(i, name, tuple(n for n in others if n != i))
                for i, name, others in self._catalog.names(self._kind)
            ]
        return self._all


@dataclass(frozen=True)
class Resolution:
    id: str
    name: str
    how: str  # "exact", "words" or "fuzzy"

    @property
    def guessed(self) -> bool:
        return self.how != "exact"


SHORT_LIST = 8  # a kind with this few names lists them all when nothing is close


def _did_you_mean(names: Iterable[str], candidates: Sequence[Candidate] = ()) -> str:
    names = list(names)
    if names:
        return f"; did you mean: {', '.join(names)}?"
    if 0 < len(candidates) <= SHORT_LIST:
        return f"; choose from: {', '.join(c.name for c in candidates)}"
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

    candidates = index.candidates()
    if len(key) < MIN_FUZZY_LENGTH:
        suggestions = suggest(key, candidates)
        hint = _did_you_mean(suggestions, candidates)
        raise UnknownName(f"no {kind} is named {text!r}{hint}", suggestions)

    words = key.split()
    containing = [c for c in candidates if any(_has_words(words, n) for n in c.norms)]
    if len(containing) > 1:
        starting = [c for c in containing if any(n.startswith(key) for n in c.norms)]
        if len(starting) == 1:
            containing = starting
    if len(containing) == 1:
        return Resolution(containing[0].id, containing[0].name, "words")
    if len(containing) > 1:
        names = sorted((c.name for c in containing), key=len)
        shown = names[:SUGGESTIONS] + (
            [f"and {len(names) - SUGGESTIONS} more"] if len(names) > SUGGESTIONS else []
        )
        raise AmbiguousName(f"{text!r} fits more than one {kind}" + _did_you_mean(shown), names)

    ranked = _rank(key, candidates)
    if ranked and ranked[0][1] >= FUZZY_CUTOFF:
        best, score = ranked[0]
        close = [c for c, s in ranked[1:] if s >= FUZZY_CUTOFF and score - s < AMBIGUITY_MARGIN]
        if not close:
            return Resolution(best.id, best.name, "fuzzy")
        names = [best.name, *(c.name for c in close)]
        raise AmbiguousName(
            f"{text!r} is about as close to several {kind}s" + _did_you_mean(names), names
        )

    suggestions = suggest(key, candidates)
    hint = _did_you_mean(suggestions, candidates)
    raise UnknownName(f"no {kind} matches {text!r}{hint}", suggestions)


def _has_words(words: list[str], norm: str) -> bool:
    """Every typed word starts some word of ``norm`` (``data eng`` fits *data engineer*)."""
    tokens = norm.split()
    return all(any(t.startswith(w) for t in tokens) for w in words)


def _flat(candidates: Sequence[Candidate]) -> tuple[list[str], list[Candidate]]:
    """Every normalised name, and the candidate each belongs to, for C-speed scoring."""
    norms: list[str] = []
    owners: list[Candidate] = []
    for c in candidates:
        for n in c.norms:
            norms.append(n)
            owners.append(c)
    return norms, owners


def _best_per_candidate(
    key: str, candidates: Sequence[Candidate], scorers: Sequence[Any], cutoff: float
) -> list[tuple[Candidate, float]]:
    from rapidfuzz import process

    norms, owners = _flat(candidates)
    found = []
    for scorer in scorers:
        hits = process.extract(key, norms, scorer=scorer, limit=None, score_cutoff=cutoff)
        found.append([(owners[i], float(score)) for _, score, i in hits])
    return _merge(*found)


def _rank(key: str, candidates: Sequence[Candidate]) -> list[tuple[Candidate, float]]:
    """Candidates close to ``key`` (typos, word order), closest first."""
    from rapidfuzz import fuzz

    return _best_per_candidate(key, candidates, [fuzz.token_sort_ratio], FUZZY_CUTOFF - 10)


def suggest(key: str, candidates: Sequence[Candidate], limit: int = SUGGESTIONS) -> list[str]:
    """The nearest few names, for a "did you mean" line; generous, but not random.

    WRatio's partial matching lets a short query score high against any long name that
    contains a few of its letters (``nope`` in *Developer*), so a short query is compared
    with whole names and with each word of them (``helth`` suggests *Healthcare AI*).
    """
    from rapidfuzz import fuzz

    if len(key) >= SHORT_QUERY:
        scorers = [fuzz.token_sort_ratio, fuzz.WRatio]
        ranked = _best_per_candidate(key, candidates, scorers, SUGGEST_CUTOFF)
    else:
        whole = _best_per_candidate(key, candidates, [fuzz.token_sort_ratio], SUGGEST_CUTOFF)
        ranked = _merge(whole, _best_word(key, candidates))
    return [c.name for c, _ in ranked[:limit]]


def _best_word(key: str, candidates: Sequence[Candidate]) -> list[tuple[Candidate, float]]:
    """Candidates having a word close to ``key`` as a whole word (``ratio``, not partial)."""
    from rapidfuzz import fuzz, process

    words: list[str] = []
    owners: list[Candidate] = []
    for c in candidates:
        for n in c.norms:
            for w in n.split():
                words.append(w)
                owners.append(c)
    hits = process.extract(
        key, words, scorer=fuzz.ratio, limit=None, score_cutoff=SHORT_WORD_CUTOFF
    )
    return _merge([(owners[i], float(score)) for _, score, i in hits])


def _merge(*lists: list[tuple[Candidate, float]]) -> list[tuple[Candidate, float]]:
    """Each candidate once, at its best score; best first, then by name."""
    best: dict[str, tuple[Candidate, float]] = {}
    for pairs in lists:
        for c, score in pairs:
            if c.id not in best or best[c.id][1] < score:
                best[c.id] = (c, score)
    return sorted(best.values(), key=lambda cs: (-cs[1], cs[0].name))
