"""Name resolution over the cache's stored name lists answers as over the models' names.

A typo lookup scans every name of a kind; the cache stores them flat and normalised at
build time (issue 11, finding 17), so these tests hold that copy to the names themselves.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careercli.kb.loader import load_kb
from careercli.kb.paths import bundled_data_path
from careercli.kb.store import open_catalog
from careercli.query.resolve import (
    Candidate,
    CatalogIndex,
    ListIndex,
    Resolution,
    ResolveError,
    resolve,
)

KB = Path(bundled_data_path())


@pytest.fixture(scope="module")
def indexes() -> dict[str, tuple[CatalogIndex, ListIndex]]:
    kb = load_kb(KB)
    catalog = open_catalog(KB, use_cache=False)
    roles = [Candidate(r.id, r.title, tuple(r.aliases)) for r in kb.roles]
    skills = [Candidate(s.id, s.name, tuple(s.aliases)) for s in kb.skills]
    return {
        "role": (CatalogIndex(catalog, "role"), ListIndex(roles)),
        "skill": (CatalogIndex(catalog, "skill"), ListIndex(skills)),
    }


def outcome(text: str, index: CatalogIndex | ListIndex, kind: str) -> object:
    try:
        found: Resolution = resolve(text, index, kind)
    except ResolveError as err:
        return type(err).__name__, err.message, err.suggestions
    return found


def test_the_stored_lists_are_every_entrys_normalised_names(
    indexes: dict[str, tuple[CatalogIndex, ListIndex]],
) -> None:
    for stored, listed in indexes.values():
        table = stored.table()
        assert (table.owners, table.norms) == (listed.table().owners, listed.table().norms)
        for c in listed.candidates():
            entry = table.entry(c.id)  # an alias equal to the id is the id's row
            assert (entry.name, set(entry.norms)) == (c.name, set(c.norms))


def typos(names: list[str]) -> st.SearchStrategy[str]:
    """A name with a letter dropped, doubled or replaced, a prefix of it, or its words."""

    def edit(name: str, at: int, op: int, letter: str) -> str:
        i = at % max(len(name), 1)
        return [
            name[:i] + name[i + 1 :],
            name[:i] + name[i] + name[i:] if name else letter,
            name[:i] + letter + name[i + 1 :],
            name[: i + 1],
            " ".join(reversed(name.split())),
        ][op]

    letters = st.sampled_from("aeinorst ")
    return st.builds(edit, st.sampled_from(names), st.integers(0, 80), st.integers(0, 4), letters)


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_typos_resolve_the_same_from_the_cache(
    indexes: dict[str, tuple[CatalogIndex, ListIndex]], data: st.DataObject
) -> None:
    kind = data.draw(st.sampled_from(["role", "skill"]))
    stored, listed = indexes[kind]
    text = data.draw(typos([c.name for c in listed.candidates()]))
    assert outcome(text, stored, kind) == outcome(text, listed, kind)
