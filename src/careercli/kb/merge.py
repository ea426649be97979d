"""Several knowledge bases as one: each validated on its own, then merged.

Entries are concatenated in the order the files were given. The same skill id in two
KBs is one skill (the first's name, category and description; aliases, subtopics,
sources and curation of both): the importers name skills by their normalised name, so
that PyTorch of an import is PyTorch of the curated KB. Any other id in two KBs (a role,
a source, a salary family...) is an error naming both files, never an override. Roles
of two KBs sharing a name (``Data Scientist`` curated and imported) are both kept, told
apart by the KB they come from: each title gets its KB's label, and the shared name
becomes an alias of both, so that typing it lists both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from careercli.kb.errors import ValidationFailed
from careercli.kb.models import KnowledgeBase, Skill
from careercli.text import normalise

_UNIQUE = {
    "sources": "source",
    "roles": "role",
    "salary_families": "salary family",
    "career_tracks": "career track",
    "career_stages": "career stage",
    "industries": "industry",
}


@dataclass
class Merged:
    """The merged KB, the label of the KB each role comes from, and what the merge did."""

    kb: KnowledgeBase
    origins: dict[str, str]  # role id -> KB label
    kbs: list[dict[str, str]] = field(default_factory=list)  # {"label", "path"} in order
    shared_skills: int = 0
    clashing_titles: int = 0

    def report(self) -> dict[str, Any]:
        return {
            "kbs": self.kbs,
            "shared_skills": self.shared_skills,
            "clashing_titles": self.clashing_titles,
        }


def labels(paths: list[Path]) -> list[str]:
    """A short, distinct name per KB file: its stem (``roles``), numbered if two share it."""
    out: list[str] = []
    for p in paths:
        label = p.stem or p.name or "kb"
        n = 2
        while label in out:
            label = f"{p.stem}-{n}"
            n += 1
        out.append(label)
    return out


def _merge_skill(first: Skill, other: Skill) -> Skill:
    known = {normalise(n) for n in (first.name, *first.aliases, first.id)}
    aliases = list(first.aliases)
    for name in (other.name, *other.aliases):
        if normalise(name) not in known:
            aliases.append(name)
            known.add(normalise(name))

    def union(a: list[str], b: list[str]) -> list[str]:
        return list(dict.fromkeys([*a, *b]))

    return first.model_copy(
        update={
            "aliases": aliases,
            "description": first.description or other.description,
            "subtopics": union(first.subtopics, other.subtopics),
            "sources": union(first.sources, other.sources),
            "broader": union(first.broader, other.broader),
            "implies": union(first.implies, other.implies),
        }
    )


def merge(loaded: list[tuple[Path, KnowledgeBase]]) -> Merged:
    """One KB of several validated ones; a ValidationFailed naming both files on an id
    two of them define (skills excepted: those are merged)."""
    names = labels([p for p, _ in loaded])
    owner: dict[tuple[str, str], Path] = {}
    for path, kb in loaded:
        for collection, kind in _UNIQUE.items():
            for entry in getattr(kb, collection):
                first = owner.setdefault((collection, entry.id), path)
                if first != path:
                    message = (
                        f"{path}: {kind} id {entry.id!r} is also defined in {first}; "
                        "ids must be unique across the knowledge bases given"
                    )
                    err = ValidationFailed(message)
                    err.path = str(path)
                    raise err
    skills: dict[str, Skill] = {}
    shared = 0
    for _, kb in loaded:
        for s in kb.skills:
            if s.id in skills:
                skills[s.id] = _merge_skill(skills[s.id], s)
                shared += 1
            else:
                skills[s.id] = s
    origins = {r.id: label for (_, kb), label in zip(loaded, names, strict=True) for r in kb.roles}
    roles = [r for _, kb in loaded for r in kb.roles]
    # A title wins over another KB's alias (O*NET lists "Data Scientist" as an alternate
    # title of Data Scientists): the alias is dropped, so the title still names one role.
    titled: dict[str, set[str]] = {}
    for r in roles:
        titled.setdefault(normalise(r.title), set()).add(origins[r.id])
    for i, r in enumerate(roles):
        mine = {origins[r.id]}
        kept = [a for a in r.aliases if not titled.get(normalise(a), mine) - mine]
        if len(kept) != len(r.aliases):
            roles[i] = r.model_copy(update={"aliases": kept})
    # Names (title, aliases, id) of roles of another KB: a role sharing one is told apart.
    by_name: dict[str, set[str]] = {}
    for r in roles:
        for name in (r.title, *r.aliases, r.id):
            by_name.setdefault(normalise(name), set()).add(origins[r.id])
    told_apart = []
    clashing = 0
    for r in roles:
        if any(len(by_name[normalise(n)]) > 1 for n in (r.title, *r.aliases)):
            clashing += 1
            aliases = [r.title, *r.aliases]
            r = r.model_copy(update={"title": f"{r.title} ({origins[r.id]})", "aliases": aliases})
        told_apart.append(r)
    data: dict[str, Any] = {
        "sources": [s for _, kb in loaded for s in kb.sources],
        "skills": list(skills.values()),
        "roles": told_apart,
        **{
            c: [e for _, kb in loaded for e in getattr(kb, c)]
            for c in ("salary_families", "career_tracks", "career_stages", "industries", "guidance")
        },
    }
    merged = KnowledgeBase.model_construct(**data)
    kbs = [{"label": n, "path": str(p)} for (p, _), n in zip(loaded, names, strict=True)]
    return Merged(merged, origins, kbs, shared, clashing)
