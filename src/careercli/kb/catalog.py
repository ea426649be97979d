"""The knowledge base as a catalog: lookups that read only what they need.

A :class:`Catalog` sits on a SQLite database built by :mod:`careercli.kb.store` from a
validated KB (a cache file, or an in-memory one). Entries come back as records
(:mod:`careercli.kb.records`): read-only objects with the fields of the Pydantic models
the loader validated, read without Pydantic.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

from careercli.kb.records import decode
from careercli.kb.shapes import TIERS, Tier
from careercli.text import normalise

if TYPE_CHECKING:
    from typing import TypeVar

    from careercli.kb.models import (
        CareerStage,
        CareerTrack,
        Industry,
        Role,
        SalaryFamily,
        Skill,
        Source,
        TextBlock,
    )

    M = TypeVar("M", Role, Skill)


class Catalog:
    """Read access to one knowledge base. Ids it hands out always resolve."""

    def __init__(self, conn: sqlite3.Connection, cache_file: str | None = None) -> None:
        self._db = conn
        self.cache_file = cache_file  # the cache file it reads, if any (not in memory)
        self._roles: dict[str, Role] = {}
        self._skills: dict[str, Skill] = {}
        self._names: dict[tuple[str, str], str] = {}
        self._kbs: dict[str, str] | None = None  # role -> its KB label, read on first use

    def close(self) -> None:
        self._db.close()

    def _rows(self, sql: str, args: Sequence[Any] = ()) -> list[Any]:
        return self._db.execute(sql, args).fetchall()

    def _meta(self, key: str) -> Any:
        """A value the build stored as JSON, its objects read as records."""
        (value,) = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return decode(value)

    # --- entries ---------------------------------------------------------------------

    def _entry(self, table: str, memo: dict[str, M], entry_id: str) -> M:
        """One role or skill, read from its row once and kept."""
        entry = memo.get(entry_id)
        if entry is None:
            row = self._db.execute(
                f"SELECT json FROM {table} WHERE id = ?",
                (entry_id,),
            ).fetchone()
            if row is None:
                raise KeyError(entry_id)
            entry = memo[entry_id] = decode(row[0])
        return entry

    def role(self, role_id: str) -> Role:
        return self._entry("roles", self._roles, role_id)

    def skill(self, skill_id: str) -> Skill:
        return self._entry("skills", self._skills, skill_id)

    def has_skill(self, skill_id: str) -> bool:
        return (
            self._db.execute("SELECT 1 FROM skills WHERE id = ?", (skill_id,)).fetchone()
            is not None
        )

    def has_role(self, role_id: str) -> bool:
        return (
            self._db.execute("SELECT 1 FROM roles WHERE id = ?", (role_id,)).fetchone() is not None
        )

    def split_known(self, skill_ids: Iterable[str]) -> tuple[list[str], list[str]]:
        """(ids this KB has, ids it does not), each in the given order."""
        ids = list(skill_ids)
        known = {r[0] for r in self._rows(
            "SELECT id FROM skills WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )}  # fmt: skip
        return [i for i in ids if i in known], [i for i in ids if i not in known]

    def counts(self) -> dict[str, int]:
        """How many entries of each kind the KB holds, counted when it was validated."""
        counts: dict[str, int] = self._meta("counts").model_dump()
        return counts

    @cached_property
    def sources(self) -> dict[str, Source]:
        return {s.id: s for s in self._meta("sources")}

    @cached_property
    def families(self) -> dict[str, SalaryFamily]:
        return {f.id: f for f in self._meta("salary_families")}

    @cached_property
    def tracks(self) -> list[CareerTrack]:
        return list(self._meta("career_tracks"))

    @cached_property
    def stages(self) -> list[CareerStage]:
        return list(self._meta("career_stages"))

    @cached_property
    def industries(self) -> list[Industry]:
        return list(self._meta("industries"))

    @cached_property
    def guidance(self) -> list[TextBlock]:
        return list(self._meta("guidance"))

    @cached_property
    def merge(self) -> dict[str, Any] | None:
        """Of several KBs merged: ``kbs`` ({label, path} in order), ``shared_skills`` (skills
        two KBs define, merged into one) and ``clashing_titles`` (roles told apart by their
        KB's label); None for one KB."""
        (value,) = self._db.execute("SELECT value FROM meta WHERE key = 'merge'").fetchone()
        merged: dict[str, Any] | None = json.loads(value)
        return merged

    def role_kb(self, role_id: str) -> str | None:
        """The label of the KB the role comes from, when several are loaded (else None)."""
        if self.merge is None:
            return None
        if self._kbs is None:  # one query for every role (only with several KBs loaded)
            self._kbs = dict(self._rows("SELECT id, kb FROM roles"))
        return self._kbs.get(role_id)

    # --- names -----------------------------------------------------------------------

    def _name(self, kind: str, entry_id: str) -> str:
        key = (kind, entry_id)
        name = self._names.get(key)
        if name is None:
            row = self._db.execute(
                "SELECT name FROM names WHERE kind = ? AND id = ? AND is_primary = 1", key
            ).fetchone()
            if row is None:
                raise KeyError(entry_id)
            name = self._names[key] = row[0]
        return name

    def preload_names(self, kind: str, ids: Iterable[str]) -> None:
        """Fetch many names in one query (a role view names dozens of skills)."""
        wanted = [i for i in dict.fromkeys(ids) if (kind, i) not in self._names]
        if not wanted:
            return
        rows = self._rows(
            "SELECT id, name FROM names WHERE kind = ? AND is_primary = 1 "
            "AND id IN (SELECT value FROM json_each(?))",
            (kind, json.dumps(wanted)),
        )
        self._names.update({(kind, i): name for i, name in rows})

    def role_title(self, role_id: str) -> str:
        return self._name("role", role_id)

    def skill_name(self, skill_id: str) -> str:
        return self._name("skill", skill_id)

    def names(self, kind: str) -> list[tuple[str, str, list[str]]]:
        """(id, primary name, other names) of every role or skill, in file order."""
        table = "roles" if kind == "role" else "skills"
        out: dict[str, tuple[str, str, list[str]]] = {}
        rows = self._rows(
            f"SELECT n.id, n.name, n.is_primary FROM names n JOIN {table} t ON t.id = n.id "
            "WHERE n.kind = ? ORDER BY t.pos",
            (kind,),
        )
        for entry_id, name, primary in rows:
            if primary:
                out[entry_id] = (entry_id, name, out.get(entry_id, ("", "", []))[2])
            else:
                out.setdefault(entry_id, (entry_id, "", []))[2].append(name)
        return list(out.values())

    def name_table(self, kind: str) -> tuple[list[str], list[str]]:
        """Each role's or skill's distinct normalised names, flat: (ids, names), in file order.

        ``names[k]`` is a name of ``ids[k]``; one row, stored at build time, so the name
        resolution steps that scan every name (a typo) read one value per kind.
        """
        ids, norms = self._db.execute(
            "SELECT ids, norms FROM name_lists WHERE kind = ?", (kind,)
        ).fetchone()
        return json.loads(ids), json.loads(norms)

    def aliases(self, kind: str, entry_id: str) -> list[str]:
        """The names of an entry other than its primary one and its id, in file order."""
        rows = self._rows(
            "SELECT name FROM names WHERE kind = ? AND id = ? AND is_primary = 0 ORDER BY rowid",
            (kind, entry_id),
        )
        return [r[0] for r in rows if r[0] != entry_id]

    def ids_named(self, kind: str, text: str) -> list[str]:
        """Entries with a name equal to ``text`` ignoring case, else ignoring punctuation."""
        for column, value in (("folded", text.casefold()), ("norm", normalise(text))):
            # No DISTINCT: with it SQLite walks the (kind, id) index over every name.
            rows = self._rows(
                f"SELECT id FROM names WHERE kind = ? AND {column} = ?",
                (kind, value),
            )
            if rows:
                return list(dict.fromkeys(r[0] for r in rows))
        return []

    def names_starting(self, kind: str, prefix: str, limit: int = 200) -> list[str]:
        """Primary names starting with ``prefix`` (any case), for shell completion."""
        folded = prefix.casefold()
        # A range rather than substr(), so that the (kind, folded) index serves it.
        rows = self._rows(
            "SELECT name FROM names WHERE kind = ? AND is_primary = 1 "
            "AND folded >= ? AND folded < ? ORDER BY name LIMIT ?",
            (kind, folded, folded + "\U0010ffff", limit),
        )
        return [r[0] for r in rows]

    # --- sources ---------------------------------------------------------------------

    def source_year(self, source_id: str) -> int | None:
        source = self.sources[source_id]
        # ``published`` is a date in a model and its ISO text in a record.
        return source.year or (int(str(source.published)[:4]) if source.published else None)

    # --- indexes ---------------------------------------------------------------------

    def children(self, role_id: str) -> list[str]:
        """Roles whose ``parent`` is ``role_id``."""
        return [
            r[0]
            for r in self._rows("SELECT id FROM roles WHERE parent = ? ORDER BY pos", (role_id,))
        ]

    def source_uses(self) -> dict[str, dict[str, Any]]:
        """For each source id: the titles of the roles citing it (in file order) and how
        many pay figures and listing counts it gives (two indexed scans of small tables)."""
        uses: dict[str, dict[str, Any]] = {
            sid: {"roles": [], "pay": 0, "listings": 0} for sid in self.sources
        }
        for sid, title in self._rows(
            "SELECT j.value, r.title FROM roles r, json_each(r.sources) j ORDER BY r.pos"
        ):
            if sid in uses:
                uses[sid]["roles"].append(title)
        counts = (
            ("pay", "SELECT source, COUNT(*) FROM pay GROUP BY source"),
            # a listing item may name two skills (PyTorch/TensorFlow): count it once
            ("listings", "SELECT source, COUNT(DISTINCT role || char(0) || label || char(0) "
                         "|| sample) FROM listings GROUP BY source"),
        )  # fmt: skip
        for key, sql in counts:
            for sid, n in self._rows(sql):
                if sid in uses:
                    uses[sid][key] = n
        return uses

    def role_summaries(
        self,
        track: str | None = None,
        families: Iterable[str] | None = None,
        with_roadmap: bool = False,
        by: str = "track",
        limit: int | None = None,
    ) -> tuple[list[dict[str, Any]], int]:
        """Light rows for listings, and how many there are in all (``limit`` or not).

        Rows hold id, title, track, family, n_skills, sources, has_roadmap, totals (each
        roadmap's total time, as Duration records), named_only and kb (the label of the
        KB it comes from, when several are loaded, else None); filtered by track,
        salary family ids and having a roadmap; ordered by track then title
        (``by="track"``), by title, or as in the file (``by="file"``). Indexed, so a
        screenful of a large KB reads little.
        """
        keys = (
            "id", "title", "track", "family", "n_skills", "sources", "has_roadmap", "totals",
            "named_only", "kb",
        )  # fmt: skip
        where, args = ["1"], []
        if track is not None:
            where.append("track = ?")
            args.append(track)
        if families is not None:
            where.append("family IN (SELECT value FROM json_each(?))")
            args.append(json.dumps(sorted(families)))
        if with_roadmap:
            where.append("has_roadmap = 1")
        cond = " AND ".join(where)
        order = {"track": "track_pos, folded", "title": "folded", "file": "pos"}[by]
        rows = self._rows(
            f"SELECT {', '.join(keys)} FROM roles WHERE {cond} ORDER BY {order} LIMIT ?",
            [*args, -1 if limit is None else limit],
        )
        (total,) = self._db.execute(f"SELECT COUNT(*) FROM roles WHERE {cond}", args).fetchone()
        out = [dict(zip(keys, row, strict=True)) for row in rows]
        for row in out:
            row["sources"] = json.loads(row["sources"])
            row["has_roadmap"] = bool(row["has_roadmap"])
            row["named_only"] = bool(row["named_only"])
            row["totals"] = decode(row["totals"])
        return out, total

    COMMON_FLOOR = 100  # a skill this many roles name may still tell roles apart

    def overlaps(self, role_id: str, limit: int) -> list[tuple[str, int, int]]:
        """(role id, skills shared, its skill count) of the roles sharing the most skills
        with ``role_id`` relative to both lists (Jaccard), best first.

        A skill more than half of a large KB's roles name (O*NET rates the same 68
        elements for every occupation) tells no role apart: it is left out of what is
        shared, which also keeps the join small (a lookup of one role, not of them all).
        """
        common = max(self.COMMON_FLOOR, self.counts().get("roles", 0) // 2)
        rows = self._rows(
            "SELECT b.role, COUNT(*) AS shared, r.n_skills FROM role_skills a "
            "JOIN skills s ON s.id = a.skill AND s.n_roles <= ? "
            "JOIN role_skills b ON b.skill = a.skill AND b.role != a.role "
            "JOIN roles r INDEXED BY roles_heads ON r.id = b.role "
            "WHERE a.role = ? GROUP BY b.role "
            "ORDER BY CAST(shared AS REAL) / (r.n_skills + "
            "(SELECT n_skills FROM roles WHERE id = ?) - shared) DESC, r.pos LIMIT ?",
            (common, role_id, role_id, limit),
        )
        return [(role, shared, n) for role, shared, n in rows]

    def title_words(self) -> list[tuple[str, frozenset[str]]]:
        """(id, :func:`careercli.text.title_words` of its title) of every role naming
        skills whose title has two such words or more, in file order (stored at build)."""
        rows = self._rows("SELECT role, words FROM title_words ORDER BY rowid")
        return [(role, frozenset(words.split(" "))) for role, words in rows]

    def role_needs(self, role_id: str) -> dict[str, tuple[Tier, str | None]]:
        """skill -> (tier, via): what the role names, then what those imply (``via`` is the
        skill implying it, by the KB's curation)."""
        rows = self._rows(
            "SELECT skill, tier, via FROM role_skills WHERE role = ? ORDER BY via IS NOT NULL",
            (role_id,),
        )
        return {skill: (TIERS[tier], via) for skill, tier, via in rows}

    def role_skill_ids(self, role_id: str) -> list[str]:
        """Every skill the role names, in the order of the index."""
        return [
            r[0] for r in self._rows("SELECT skill FROM role_skills WHERE role = ?", (role_id,))
        ]

    def needs_of_skill(
        self, skill_id: str, limit: int | None = None
    ) -> tuple[list[tuple[str, str, str | None, int, list[str], str | None]], int]:
        """(role id, title, KB label, tier index, groups, via) of the roles that name the
        skill, or name a skill implying it (``via``): the first ``limit`` (None: all) in
        the page's order (named before implied, by tier, title, then file order), and how
        many there are in all. The label is the role's KB of several loaded (else None),
        as :meth:`role_kb` gives it.

        Sorted and cut here: a skill O*NET rates is needed by hundreds of roles, and a
        page shows 30. Titles compare as code points in SQLite as in Python.
        """
        rows = self._rows(
            "SELECT rs.role, r.title, r.kb, rs.tier, rs.groups, rs.via FROM role_skills rs "
            "JOIN roles r INDEXED BY roles_heads ON r.id = rs.role WHERE rs.skill = ? "
            "ORDER BY rs.via IS NOT NULL, rs.tier, r.title, r.pos LIMIT ?",
            (skill_id, -1 if limit is None else limit),
        )
        total = len(rows)
        if limit is not None and total == limit:
            total = self._rows("SELECT COUNT(*) FROM role_skills WHERE skill = ?", (skill_id,))[0][
                0
            ]
        return [(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5]) for r in rows], total

    def companions(self, skill_id: str, limit: int) -> list[tuple[str, int]]:
        """Skills named by the most roles that also name ``skill_id``, leaving out those
        more than half of a large KB's roles name (see :meth:`overlaps`): they go with
        every skill, so they say nothing of this one (and none for such a skill itself)."""
        common = max(self.COMMON_FLOOR, self.counts().get("roles", 0) // 2)
        row = self._db.execute("SELECT n_roles FROM skills WHERE id = ?", (skill_id,)).fetchone()
        if row is None or (row[0] or 0) > common:  # it goes with every skill: none stand out
            return []
        rows = self._rows(
            "SELECT b.skill, COUNT(*) AS n FROM role_skills a JOIN role_skills b "
            "ON a.role = b.role AND b.skill != a.skill "
            "JOIN skills k ON k.id = b.skill AND k.n_roles <= ? "
            "JOIN names s ON s.kind = 'skill' "
            "AND s.id = b.skill AND s.is_primary = 1 WHERE a.skill = ? "
            "GROUP BY b.skill ORDER BY n DESC, s.folded LIMIT ?",
            (common, skill_id, limit),
        )
        return [(r[0], r[1]) for r in rows]

    def listings_of_skill(self, skill_id: str) -> list[tuple[str, str, int, int, str]]:
        """(role id, label, count, sample size, source) where listings counted the skill."""
        return [tuple(r) for r in self._rows(
            "SELECT role, label, count, sample, source FROM listings WHERE skill = ?", (skill_id,)
        )]  # fmt: skip

    def listing_counts(self, skill_ids: Iterable[str]) -> dict[str, int]:
        """skill -> how many of the job listings the KB's sources counted ask for it (over
        every role's listing tables; a skill two labels of one table name counts once, at
        the higher count). Skills no listing names are left out."""
        rows = self._rows(
            "SELECT skill, SUM(n) FROM (SELECT skill, MAX(count) AS n FROM listings "
            "WHERE skill IN (SELECT value FROM json_each(?)) "
            "GROUP BY skill, role, source, sample) GROUP BY skill",
            (json.dumps(sorted(set(skill_ids))),),
        )
        return {skill: n for skill, n in rows}

    def phases_of_skill(self, skill_id: str) -> list[tuple[str, str, str]]:
        """(role id, roadmap, phase) of roadmap phases that teach the skill."""
        return [tuple(r) for r in self._rows(
            "SELECT role, roadmap, phase FROM phase_skills WHERE skill = ?", (skill_id,)
        )]  # fmt: skip

    def skill_summaries(
        self, category: str | None = None, limit: int | None = None
    ) -> tuple[list[tuple[str, str, str, list[str], int, int]], int]:
        """(id, name, category, aliases, roles naming it, roles it is essential for) of the
        skills (of one category), most needed first, and how many there are in all.

        The counts are stored and indexed in that order, so a screenful of 13,500 skills
        reads a screenful of rows, and no skill's JSON."""
        where = "WHERE category = ?" if category else ""
        args: list[Any] = [category] if category else []
        rows = self._rows(
            f"SELECT id, name, category, aliases, n_roles, n_essential FROM skills {where} "
            "ORDER BY n_roles DESC, n_essential DESC, folded LIMIT ?",
            [*args, -1 if limit is None else limit],
        )
        (total,) = self._db.execute(f"SELECT COUNT(*) FROM skills {where}", args).fetchone()
        return [(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5]) for r in rows], total

    _PAY = "level, kind, min, max, open_ended, currency, region, source, via, label, note"

    def pay(self, role_id: str) -> list[dict[str, Any]]:
        """The role's pay figures (its own and its family's), by level, source and kind."""
        rows = self._rows(
            f"SELECT {self._PAY} FROM pay WHERE role = ? ORDER BY level_pos, source, kind",
            (role_id,),
        )
        return [self._figure(r) for r in rows]

    def pay_at(
        self, level: str, limit: int | None = None
    ) -> tuple[list[tuple[str, dict[str, Any]]], int]:
        """(role title, figure) of every role's figures at ``level``, highest first (the
        first ``limit``), and how many there are in all."""
        rows = self._rows(
            f"SELECT title, {self._PAY} FROM pay WHERE level = ? "
            "ORDER BY high DESC, low DESC, title, source, kind LIMIT ?",
            (level, -1 if limit is None else limit),
        )
        (total,) = self._db.execute("SELECT COUNT(*) FROM pay WHERE level = ?", (level,)).fetchone()
        return [(r[0], self._figure(r[1:])) for r in rows], total

    @staticmethod
    def _figure(row: Sequence[Any]) -> dict[str, Any]:
        keys = [k.strip() for k in Catalog._PAY.split(",")]
        figure = dict(zip(keys, row, strict=True))
        figure["open_ended"] = bool(figure["open_ended"])
        return figure

    def best_fits(
        self, shares: Mapping[str, float], weights: Sequence[int], limit: int | None
    ) -> list[str]:
        """The roles naming a skill of ``shares`` (skill -> the share of its weight it
        counts for), best fit first, at most ``limit``.

        A role's fit is the weight of its skills in ``shares`` (``weights`` by tier,
        essential first, times the share) over the weight of all its skills, as
        ``100.0 * held / total``; ties go to fewest essentials not held in full, then the
        title, then the id. Ranked in SQLite, so only the rows shown reach Python.
        """
        rows = self._rows(
            """
            WITH have AS (SELECT key AS skill, value AS share FROM json_each(?)),
            got AS (
                SELECT rs.role,
                    SUM(CASE rs.tier WHEN 0 THEN ? WHEN 1 THEN ? ELSE ? END * h.share) AS held,
                    SUM(rs.tier = 0 AND h.share >= 1) AS full_e
                FROM have h JOIN role_skills rs ON rs.skill = h.skill GROUP BY rs.role
            ),
            fits AS (
                SELECT r.id, r.folded, r.n_essential - g.full_e AS missing,
                    ? * r.n_essential + ? * r.n_important + ? * r.n_useful AS total, g.held
                FROM got g JOIN roles r INDEXED BY roles_heads ON r.id = g.role
            )
            SELECT id FROM fits
            ORDER BY CASE WHEN total > 0 THEN 100.0 * held / total ELSE 0.0 END DESC,
                missing, folded, id
            LIMIT ?
            """,
            (
                json.dumps(dict(sorted(shares.items()))),
                *weights,
                *weights,
                -1 if limit is None else limit,
            ),
        )
        return [r[0] for r in rows]

    def fewest_essentials(self, skip: Iterable[str], limit: int | None) -> list[str]:
        """Roles with skills, not in ``skip``, by fewest essential skills, then title."""
        rows = self._rows(
            "SELECT id FROM roles WHERE n_skills > 0 "
            "AND id NOT IN (SELECT value FROM json_each(?)) "
            "ORDER BY n_essential, folded LIMIT ?",
            (json.dumps(sorted(set(skip))), -1 if limit is None else limit),
        )
        return [r[0] for r in rows]

    def search(
        self, match: str, weights: Sequence[float], limit: int, exact: str = ""
    ) -> list[tuple[str, str, str, float, list[str]]]:
        """(kind, id, title, score, one highlighted text per search column), best first.

        An entry titled ``exact`` (any case) comes first, then bm25's ranking (ties in the
        KB's order).
        The score is bm25's, higher for a better match. ``match`` is an FTS5 query;
        ``weights`` (one per column of :data:`careercli.kb.store.SEARCH_COLUMNS`) weigh
        bm25's ranking. Matched words are
        marked ``\x01...\x02`` (control characters never stored in a KB's text).
        """
        marked = ", ".join(
            f"highlight(search, {3 + i}, char(1), char(2))" for i in range(len(weights))
        )
        # FTS5 ranks with bm25 from its index alone when the order is its own ``rank``
        # (ties in row order: the KB's order); the entry named ``exact`` is looked up apart.
        rank = f"bm25(0, 0, 0, {', '.join(str(float(w)) for w in weights)})"
        select = f"SELECT kind, id, title, -rank, {marked} FROM search WHERE search MATCH ? "
        named = (
            self._rows(
                select + "AND rank MATCH ? AND rowid IN "
                "(SELECT rowid FROM search_titles WHERE folded = ?) ORDER BY rank",
                (match, rank, exact.casefold()),
            )
            if exact
            else []
        )
        ranked = self._rows(
            select + "AND rank MATCH ? ORDER BY rank LIMIT ?", (match, rank, limit + len(named))
        )
        seen = {(r[0], r[1]) for r in named}
        rows = [*named, *(r for r in ranked if (r[0], r[1]) not in seen)][:limit]
        return [(r[0], r[1], r[2], r[3], list(r[4:])) for r in rows]
