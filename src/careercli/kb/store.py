"""The knowledge base cache: a SQLite file per validated KB, read lazily by the catalog.

Parsing YAML and validating the whole KB costs seconds on a large file, so it is done
once: the result goes into ``kb-<key>.sqlite`` in the cache directory, where ``key`` is a
hash of the YAML's bytes and of the code that validates and stores it (see ``_salt``). A
row per role and per skill (their JSON) plus index tables let one lookup read only what it
needs.

The cache is disposable: a corrupt, stale or unwritable one is rebuilt or bypassed (an
in-memory database), never fatal. A small pointer file per KB path remembers the key for
the file's size, times and inode, so a warm run does not even hash the YAML; when the
file's content changes, the cache of its old content is deleted.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import re
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careercli.files import atomic_write, expand_user, read_regular
from careercli.kb.catalog import Catalog
from careercli.kb.paths import read_bytes
from careercli.kb.shapes import LEVELS, TIERS, TRACKS, roadmap_total, skill_tiers
from careercli.text import normalise, title_words

if TYPE_CHECKING:  # only a build needs the models (and Pydantic)
    from careercli.kb.merge import Merged
    from careercli.kb.models import KnowledgeBase, Role, TextBlock

CACHE_ENV = "CAREERCLI_CACHE"
LAYOUT = 19  # bump when the tables below change

# The searchable text of an entry, one FTS5 column per kind of field (query.search weighs
# them); a column holding several pieces (topics, aliases) has one piece per line.
SEARCH_COLUMNS = (
    "name", "alias", "focus", "summary", "skills", "topic", "subtopic", "responsibility",
    "requirement", "text", "key_skill", "primary_role", "section", "resource",
)  # fmt: skip

_SEARCH_ALL = ", ".join(("kind", "id", "title", *SEARCH_COLUMNS))

_DDL = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE roles(
    id TEXT PRIMARY KEY, pos INTEGER, title TEXT, track TEXT, family TEXT, parent TEXT,
    n_skills INTEGER, sources TEXT, has_roadmap INTEGER,
    n_essential INTEGER, n_important INTEGER, n_useful INTEGER,
    track_pos INTEGER, folded TEXT,  -- the roles listing's order
    totals TEXT,  -- each roadmap's total time (JSON), for listings
    named_only INTEGER,  -- a title the sources name without describing it
    kb TEXT,  -- of several KBs, the label of the one it comes from (else NULL)
    json TEXT NOT NULL);  -- last: a scan reading the columns before it skips its pages
-- what a join from skills to the roles naming them reads of each (the rows themselves,
-- their JSON included, are kilobytes apart): queries name it with INDEXED BY, since the
-- planner prefers the primary key's own index, which leaves every row to be read
CREATE INDEX roles_heads ON roles(id, pos, n_skills, n_essential, n_important, n_useful,
    title, folded, kb);
CREATE INDEX roles_parent ON roles(parent);
CREATE INDEX roles_listing ON roles(track_pos, folded);
CREATE INDEX roles_titles ON roles(has_roadmap, folded);
CREATE TABLE skills(id TEXT PRIMARY KEY, pos INTEGER, name TEXT, category TEXT,
    aliases TEXT, n_roles INTEGER, n_essential INTEGER, folded TEXT, json TEXT NOT NULL);
-- the skills listing's order: a screenful of 13,500 skills reads a screenful of rows
CREATE INDEX skills_rank ON skills(n_roles DESC, n_essential DESC, folded);
CREATE INDEX skills_category_rank ON skills(category, n_roles DESC, n_essential DESC, folded);
CREATE TABLE names(kind TEXT, id TEXT, name TEXT, folded TEXT, norm TEXT, is_primary INTEGER);
CREATE INDEX names_folded ON names(kind, folded);
CREATE INDEX names_norm ON names(kind, norm);
CREATE INDEX names_id ON names(kind, id);
-- per kind, each entry's distinct normalised names in file order, flat (two JSON lists of
-- the same length, the ids and the names): what a typo lookup scans, read in one row
CREATE TABLE name_lists(kind TEXT PRIMARY KEY, ids TEXT, norms TEXT);
-- each skill a role names, and those its skills imply (via: the skill that implies it,
-- by the KB's own broader/implies curation; NULL when the role names it itself)
CREATE TABLE role_skills(role TEXT, skill TEXT, tier INTEGER, groups TEXT, via TEXT);
-- covering what a fit (match), the nearest roles and a skill's page read of the roles
-- naming a skill
CREATE INDEX role_skills_skill ON role_skills(skill, role, tier, via, groups);
CREATE INDEX role_skills_role ON role_skills(role);
CREATE TABLE listings(role TEXT, skill TEXT, label TEXT, count INTEGER, sample INTEGER,
    source TEXT);
CREATE INDEX listings_skill ON listings(skill);
-- every pay figure of a role: its own, then its salary family's (via = the family's name)
CREATE TABLE pay(role TEXT, title TEXT, level TEXT, level_pos INTEGER, kind TEXT,
    min INTEGER, max INTEGER, open_ended INTEGER, currency TEXT, region TEXT, source TEXT,
    via TEXT, label TEXT, note TEXT, low INTEGER, high INTEGER);
CREATE INDEX pay_role ON pay(role);
CREATE INDEX pay_board ON pay(level, high DESC, low DESC, title, source, kind);
CREATE INDEX roles_family ON roles(family);
-- of each role naming skills whose title has two words or more that say what it is
-- (text.title_words), those words, in file order: what near-twins by name are read from
CREATE TABLE title_words(role TEXT, words TEXT);
CREATE TABLE phase_skills(role TEXT, roadmap TEXT, phase TEXT, skill TEXT);
CREATE INDEX phase_skills_skill ON phase_skills(skill);
CREATE VIRTUAL TABLE search USING fts5(kind UNINDEXED, id UNINDEXED, title UNINDEXED,
    {columns}, tokenize = "porter unicode61 tokenchars '+#'");
-- each search row's title, folded, under the same rowid: finds the entry named exactly
-- what was searched without reading the title of every match
CREATE TABLE search_titles(folded TEXT);
CREATE INDEX search_titles_folded ON search_titles(folded);
""".format(columns=", ".join(SEARCH_COLUMNS))

Progress = Callable[[], contextlib.AbstractContextManager[object]]


def cache_dir() -> Path:
    env = os.environ.get(CACHE_ENV)
    if env:
        return expand_user(env, CACHE_ENV)
    from platformdirs import user_cache_path

    return user_cache_path("careercli", appauthor=False)


def _salt() -> str:
    """What else the cache depends on: the code that validates and stores the KB.

    That is every module of ``careercli.kb`` (models, loader rules, table layout),
    ``careercli.text`` (name normalisation) and Pydantic's version, read from the bytes of
    its ``version.py`` (importing Pydantic would cost more than the rest of a warm
    lookup). Not the package version: reading it is as slow, and the code's own bytes are
    a stricter key.
    """
    h = hashlib.sha256(str(LAYOUT).encode())
    spec = importlib.util.find_spec("pydantic")
    if spec is not None and spec.origin is not None:
        with contextlib.suppress(OSError):
            h.update(Path(spec.origin).with_name("version.py").read_bytes())
    here = Path(__file__).parent
    for module in [*sorted(here.glob("*.py")), here.parent / "text.py"]:  # text: normalise
        h.update(module.read_bytes())
    return h.hexdigest()[:24]


def _fingerprint(path: Path) -> list[int] | None:
    """What identifies this version of the file without reading it (ctime can't be faked)."""
    try:
        st = path.stat()
    except (OSError, ValueError):  # ValueError: a NUL or a lone surrogate in the name
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def open_catalog(
    path: Path | Sequence[Path], use_cache: bool = True, progress: Progress | None = None
) -> Catalog:
    """The catalog of the KB at ``path`` (or of several KBs, merged in the order given):
    from the cache when it is fresh, else built.

    Any problem with the YAML raises a KBError (the file is never cached then); any
    problem with the cache only means building in memory. Several KBs are cached as one,
    under a key made of every file's content, so a warm lookup costs what one KB's does.
    """
    paths = [path] if isinstance(path, Path) else list(path)
    salt = _salt()
    folder = cache_dir()
    where = "\0".join(str(p.absolute()) for p in paths)
    pointer = folder / f"path-{_digest(where)[:20]}.json"
    saved = _read_pointer(pointer) if use_cache else None
    now = _fingerprints(paths)
    if saved is not None and now is not None and saved["salt"] == salt and saved["file"] == now:
        db = folder / f"kb-{saved['key']}.sqlite"
        conn = _open_db(db, saved["key"])
        if conn is not None:
            return Catalog(conn, str(db))
    before = _fingerprints(paths)
    raws = [read_bytes(p) for p in paths]
    # The pointer may only vouch for the bytes just read: not if a file changed meanwhile.
    seen = before if before == _fingerprints(paths) else None
    if len(paths) == 1:
        key = _digest(salt + "\0", raws[0])
    else:
        key = _digest(salt + "\0" + "\0".join(_digest("", raw) for raw in raws))
    if use_cache:
        db = folder / f"kb-{key}.sqlite"
        conn = _open_db(db, key)
        if conn is not None:
            _remember(pointer, saved, seen, key, salt)
            return Catalog(conn, str(db))
    from careercli.kb.loader import load_kb  # YAML, Pydantic: only to build a cache

    with progress() if progress else contextlib.nullcontext():
        merged: Merged | None = None
        if len(paths) == 1:
            kb = load_kb(paths[0], raws[0])
        else:
            from careercli.kb.merge import merge

            merged = merge([(p, load_kb(p, raw)) for p, raw in zip(paths, raws, strict=True)])
            kb = merged.kb
        if use_cache:
            built = _build_file(kb, folder, key, merged)
            if built is not None:
                _remember(pointer, saved, seen, key, salt)
                return Catalog(built, str(folder / f"kb-{key}.sqlite"))
        conn = sqlite3.connect(":memory:")
        build(conn, kb, key, merged)
        return Catalog(conn)


def _fingerprints(paths: list[Path]) -> Any:
    """One file's fingerprint (as a single KB's pointer has always held), or the list of
    every file's; None if any file cannot be looked at."""
    if len(paths) == 1:
        return _fingerprint(paths[0])
    prints = [_fingerprint(p) for p in paths]
    return None if any(p is None for p in prints) else prints


def discard(catalog: Catalog) -> bool | None:
    """Close ``catalog`` and delete the cache file it was read from (damaged, or forged),
    so that the next open builds it again from the YAML: whether the file is gone, or
    None when the catalog read no file."""
    if catalog.cache_file is None:
        return None
    with contextlib.suppress(sqlite3.Error):
        catalog.close()
    try:
        Path(catalog.cache_file).unlink(missing_ok=True)
    except OSError:
        return False
    return True


def _digest(text: str, raw: bytes = b"") -> str:
    h = hashlib.sha256(text.encode("utf-8", "surrogatepass"))  # a path may hold any byte
    h.update(raw)
    return h.hexdigest()


def _read_pointer(pointer: Path) -> dict[str, Any] | None:
    """The pointer file's ``salt``, ``file`` (a fingerprint or None) and ``key``, if sound.

    The key names a file this module may open and delete, so it must be a bare digest.
    """
    try:
        saved = json.loads(read_regular(pointer, 1 << 16))
    except (OSError, ValueError, RecursionError):
        return None
    if (
        isinstance(saved, dict)
        and isinstance(saved.get("salt"), str)
        and isinstance(saved.get("key"), str)
        and re.fullmatch(r"[0-9a-f]{64}", saved["key"])
    ):
        return saved
    return None


def _open_db(db: Path, key: str) -> sqlite3.Connection | None:
    """A read-only connection to a cache file that holds ``key``; None if unusable."""
    if not db.is_file():
        return None
    conn = None
    try:
        conn = sqlite3.connect(db.absolute().as_uri() + "?mode=ro", uri=True)
        row = conn.execute("SELECT value FROM meta WHERE key = 'key'").fetchone()
        if row is not None and row[0] == key:
            return conn
    except (sqlite3.Error, ValueError):  # ValueError: text that is not UTF-8
        pass  # corrupt: the rebuild replaces it
    if conn is not None:
        conn.close()
    return None


TRUST_AFTER_NS = 2_000_000_000


def _remember(
    pointer: Path, saved: dict[str, Any] | None, seen: list[Any] | None, key: str, salt: str
) -> None:
    """Point this KB path at cache ``key``, and delete the cache of its previous content.

    The fingerprint ``seen`` (a list of them, of several KBs) lets the next run skip
    hashing, but not for a file changed (its ctime) in the last two seconds: on
    filesystems with 1-second timestamps a second edit in that second could keep the same
    fingerprint (the content hash still finds the cache then).

    One cache file per KB path and version of this code: without the deletion every edit
    of a large KB would leave a file of its size behind. Another path with the same old
    content just rebuilds; so does this path when its old content comes back (a branch
    switch).
    """
    # The change time, which no tool can set back (``touch -d``, ``tar``, ``cp -p`` restore
    # only the modification time): an edit after this run changes it, even in one second.
    prints = [] if seen is None else seen if isinstance(seen[0], list) else [seen]
    newest = max((max(p[1], p[2]) for p in prints), default=0)
    trusted = seen is not None and time.time_ns() - newest >= TRUST_AFTER_NS
    with contextlib.suppress(OSError):
        record = {"salt": salt, "file": seen if trusted else None, "key": key}
        atomic_write(pointer, json.dumps(record).encode())
        # Only a cache this code built: another install sharing the folder keeps its own.
        if saved is not None and saved["salt"] == salt and saved["key"] != key:
            (pointer.parent / f"kb-{saved['key']}.sqlite").unlink(missing_ok=True)


def _build_file(
    kb: KnowledgeBase, folder: Path, key: str, merged: Merged | None = None
) -> sqlite3.Connection | None:
    """Build the cache file next to its final name and move it in place atomically."""
    tmp: str | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _sweep(folder)
        fd, tmp = tempfile.mkstemp(prefix=".kb-", suffix=".sqlite", dir=folder)
        os.close(fd)
        with contextlib.closing(sqlite3.connect(tmp)) as conn:
            build(conn, kb, key, merged)
        final = folder / f"kb-{key}.sqlite"
        os.replace(tmp, final)
        tmp = None
        return _open_db(final, key)
    except (OSError, sqlite3.Error):
        return None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


ORPHAN_AGE_S = 3600  # a temp build this old was left by a killed run, not one under way
UNUSED_AGE_S = 30 * 86400  # a cache no pointer names, not read for this long, is deleted


def _sweep(folder: Path) -> None:
    """Delete temp builds (and their journals) left by runs killed mid-build, and caches no
    KB path points at that nothing has read for 30 days.

    Those are left by an upgrade of careercli (a new version of this code builds its own
    cache of each KB, and only deletes a cache its own version built) and by KB files
    since moved or deleted: an imported O*NET KB's cache is 77 MB. Only a pointer of
    this version read in the last 30 days protects its cache: an old version's pointer
    of a path this version never opens, or a pointer of a deleted KB, would keep it
    forever. A cache's last read is its access time (updated once a day on the usual
    ``relatime`` mounts); a cache deleted too soon (a ``noatime`` mount, another install
    sharing the folder and path) is only built again. So is one another run moved in
    under the same name between the look and the deletion (the same content, which that
    run still has open): POSIX cannot delete a name only if it is still the file looked
    at. Pointers to a cache that is gone, unused for 30 days, go too. Run only before a
    build, the slow path.
    """
    now = time.time()
    for leftover in folder.glob(".kb-*.sqlite*"):
        with contextlib.suppress(OSError):
            if leftover.lstat().st_mtime < now - ORPHAN_AGE_S:
                leftover.unlink()
    salt, named = _salt(), set()
    for pointer in folder.glob("path-*.json"):
        if not re.fullmatch(r"path-[0-9a-f]{20}\.json", pointer.name):
            continue  # not a name this module writes: the folder may be any folder
        with contextlib.suppress(OSError):
            unused = _unused_since(pointer.lstat(), now)  # before reading it sets the atime
            saved = _read_pointer(pointer)
            if saved is None or not (folder / f"kb-{saved['key']}.sqlite").exists():
                if unused:
                    pointer.unlink()
            elif saved["salt"] == salt and not unused:  # a KB path used this month
                named.add(saved["key"])
    for cache in folder.glob("kb-*.sqlite"):
        if not re.fullmatch(r"kb-[0-9a-f]{64}\.sqlite", cache.name) or cache.name[3:-7] in named:
            continue
        with contextlib.suppress(OSError):
            if _unused_since(cache.lstat(), now):
                cache.unlink()


def _unused_since(st: os.stat_result, now: float) -> bool:
    """Neither read nor written for UNUSED_AGE_S."""
    return max(st.st_atime, st.st_mtime) < now - UNUSED_AGE_S


def build(
    conn: sqlite3.Connection, kb: KnowledgeBase, key: str, merged: Merged | None = None
) -> None:
    """Fill an empty database with ``kb`` (``merged``: of several KBs, and how)."""
    conn.executescript(_DDL)
    meta = {
        "key": key,
        "counts": counts(kb),
        "sources": [s.model_dump(mode="json") for s in kb.sources],
        "salary_families": [f.model_dump(mode="json") for f in kb.salary_families],
        "career_tracks": [t.model_dump(mode="json") for t in kb.career_tracks],
        "career_stages": [s.model_dump(mode="json") for s in kb.career_stages],
        "industries": [i.model_dump(mode="json") for i in kb.industries],
        "guidance": [g.model_dump(mode="json") for g in kb.guidance],
        "merge": merged.report() if merged is not None else None,
    }
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [(k, v if isinstance(v, str) else json.dumps(v)) for k, v in meta.items()],
    )
    origins = merged.origins if merged is not None else {}
    conn.executemany(f"INSERT INTO roles VALUES ({','.join('?' * 18)})", _role_rows(kb, origins))
    links = _skill_links(kb)
    needs: dict[str, list[int]] = {}
    for r in kb.roles:
        for sid, (tier, _) in role_needs(r, links).items():
            need = needs.setdefault(sid, [0, 0])
            need[0] += 1
            need[1] += tier == "essential"
    conn.executemany(
        "INSERT INTO skills VALUES (?,?,?,?,?,?,?,?,?)",
        [
            (s.id, i, s.name, s.category, json.dumps(s.aliases), *needs.get(s.id, (0, 0)),
             s.name.casefold(), s.model_dump_json())
            for i, s in enumerate(kb.skills)
        ],
    )  # fmt: skip
    conn.executemany("INSERT INTO names VALUES (?,?,?,?,?,?)", _name_rows(kb))
    for kind in ("role", "skill"):
        # rowid order is the order _name_rows gave: the file's, each entry's names together
        rows = conn.execute("SELECT id, norm FROM names WHERE kind = ? ORDER BY rowid", (kind,))
        pairs = list(dict.fromkeys(rows))
        lists = (json.dumps([i for i, _ in pairs]), json.dumps([n for _, n in pairs]))
        conn.execute("INSERT INTO name_lists VALUES (?, ?, ?)", (kind, *lists))
    conn.executemany("INSERT INTO role_skills VALUES (?,?,?,?,?)", _role_skill_rows(kb, links))
    conn.executemany(
        "INSERT INTO listings VALUES (?,?,?,?,?,?)",
        [
            (r.id, sid, item.label, item.count, table.sample_size, table.source)
            for r in kb.roles
            for table in r.listing_frequencies
            for item in table.items
            for sid in dict.fromkeys(item.skills)
        ],
    )
    conn.executemany(f"INSERT INTO pay VALUES ({','.join('?' * 16)})", _pay_rows(kb))
    conn.executemany(
        "INSERT INTO phase_skills VALUES (?,?,?,?)",
        [
            (r.id, m.name, p.name, sid)
            for r in kb.roles
            for m in r.roadmaps
            for p in m.phases
            for sid in dict.fromkeys(p.skills)
        ],
    )
    conn.executemany(
        "INSERT INTO title_words VALUES (?,?)",
        [
            (r.id, " ".join(sorted(words)))
            for r in kb.roles
            if any(g.skills for g in r.skills)
            for words in [title_words(r.title)]
            if len(words) >= 2
        ],
    )
    marks = ",".join("?" * (4 + len(SEARCH_COLUMNS)))
    searchable = list(_search_rows(kb))
    conn.executemany(
        f"INSERT INTO search(rowid, {_SEARCH_ALL}) VALUES ({marks})",
        ((i, *row) for i, row in enumerate(searchable, 1)),
    )
    conn.executemany(
        "INSERT INTO search_titles(rowid, folded) VALUES (?, ?)",
        ((i, row[2].casefold()) for i, row in enumerate(searchable, 1)),
    )
    conn.commit()


def counts(kb: KnowledgeBase) -> dict[str, int]:
    """Entry counts by kind, in a stable order (what ``careercli validate`` reports)."""
    return {
        "sources": len(kb.sources),
        "roles": len(kb.roles),
        "skills": len(kb.skills),
        "salaries": sum(len(r.salaries) for r in kb.roles)
        + sum(len(f.levels) for f in kb.salary_families),
        "listing_frequencies": sum(len(t.items) for r in kb.roles for t in r.listing_frequencies),
        "roadmaps": sum(len(r.roadmaps) for r in kb.roles),
        "roadmap_phases": sum(len(m.phases) for r in kb.roles for m in r.roadmaps),
        "career_tracks": len(kb.career_tracks),
        "industries": len(kb.industries),
    }


def _skill_links(kb: KnowledgeBase) -> dict[str, list[str]]:
    """Each skill's broader and implied skills (the KB's curation), as one list."""
    return {s.id: [*s.broader, *s.implies] for s in kb.skills if s.broader or s.implies}


def role_needs(role: Role, links: dict[str, list[str]]) -> dict[str, tuple[str, str | None]]:
    """Each skill the role names at its tier, then each skill those imply (broader ones,
    transitively) at the tier of the skill implying it: skill -> (tier, via or None)."""
    needs: dict[str, tuple[str, str | None]] = {
        sid: (tier, None) for sid, tier in skill_tiers(role).items()
    }
    # The most important skill implying another gives it its tier: essential ones first.
    for sid, (tier, _) in sorted(needs.items(), key=lambda kv: TIERS.index(kv[1][0])):
        todo = list(links.get(sid, ()))
        while todo:
            implied = todo.pop(0)
            if implied not in needs:
                needs[implied] = (tier, sid)
                todo.extend(links.get(implied, ()))
    return needs


def _role_rows(kb: KnowledgeBase, origins: dict[str, str]) -> Iterator[tuple[Any, ...]]:
    """A row per role; of several KBs, the role's JSON also names its KB (``kb``)."""
    links = _skill_links(kb)
    for i, r in enumerate(kb.roles):
        tiers = [t for t, _ in role_needs(r, links).values()]
        origin = origins.get(r.id)
        text = (
            json.dumps({**r.model_dump(mode="json"), "kb": origin}, ensure_ascii=False)
            if origin
            else r.model_dump_json()
        )
        yield (
            r.id, i, r.title, r.track, r.salary_family, r.parent, len(tiers),
            json.dumps(r.sources), int(bool(r.roadmaps)),
            *(tiers.count(t) for t in TIERS), _track_pos(r.track), r.title.casefold(),
            _totals(r), int(r.named_only), origin, text,
        )  # fmt: skip


def _pay_rows(kb: KnowledgeBase) -> Iterator[tuple[Any, ...]]:
    """A role's pay figures as one row each: its own salaries, then its family's levels."""
    families = {f.id: f for f in kb.salary_families}
    for r in kb.roles:
        figures: list[tuple[Any, ...]] = [
            (s.level, s.kind, s.min, s.max, s.open_ended, s.currency, s.region, s.source, None,
             s.label, s.note)
            for s in r.salaries
        ]  # fmt: skip
        if r.salary_family:
            f = families[r.salary_family]
            figures += [
                (lv.level, "range", lv.min, lv.max, lv.open_ended, f.currency, f.region,
                 f.source, f.name, None, None)
                for lv in f.levels
            ]  # fmt: skip
        for level, kind, low_, high_, *rest in figures:
            low = low_ if low_ is not None else (high_ or 0)
            high = high_ if high_ is not None else (low_ or 0)
            yield (r.id, r.title, level, LEVELS.index(level), kind, low_, high_, *rest, low, high)


def _track_pos(track: str | None) -> int:
    return TRACKS.index(track) if track in TRACKS else len(TRACKS)


def _totals(role: Role) -> str:
    totals = (roadmap_total(m) for m in role.roadmaps)
    return json.dumps([t.model_dump(mode="json") for t in totals if t is not None])


def _name_rows(kb: KnowledgeBase) -> Iterator[tuple[str, str, str, str, str, int]]:
    for kind, entries in (("role", kb.roles), ("skill", kb.skills)):
        for e in entries:
            primary = e.title if kind == "role" else e.name  # type: ignore[union-attr]
            for name, is_primary in [(primary, 1), *((a, 0) for a in e.aliases), (e.id, 0)]:
                yield kind, e.id, name, name.casefold(), normalise(name), is_primary


def _role_skill_rows(
    kb: KnowledgeBase, links: dict[str, list[str]]
) -> Iterator[tuple[str, str, int, str, str | None]]:
    for r in kb.roles:
        groups: dict[str, list[str]] = {}
        for g in r.skills:
            for sid in g.skills:
                if g.group and g.group not in groups.setdefault(sid, []):
                    groups[sid].append(g.group)
        for sid, (tier, via) in role_needs(r, links).items():
            yield r.id, sid, TIERS.index(tier), json.dumps(groups.get(sid, [])), via


def _search_rows(kb: KnowledgeBase) -> Iterator[tuple[str, ...]]:
    """(kind, id, title, *one text per SEARCH_COLUMNS) for every role, skill and industry."""
    for kind, entry_id, title, fields in _searchable(kb):
        yield kind, entry_id, title, *("\n".join(fields.get(c, [])) for c in SEARCH_COLUMNS)


def _searchable(kb: KnowledgeBase) -> Iterator[tuple[str, str, str, dict[str, list[str]]]]:
    for r in kb.roles:
        topics = [
            f"{m.name} › {p.name}: {t}" for m in r.roadmaps for p in m.phases for t in p.topics
        ]
        yield (
            "role",
            r.id,
            r.title,
            {
                "name": [r.title],
                "alias": r.aliases,
                "focus": [r.primary_focus] if r.primary_focus else [],
                "summary": [r.summary] if r.summary else [],
                "skills": [g.text for g in r.skills],
                "responsibility": _block_text(r.responsibilities),
                "requirement": _block_text(r.requirements),
                "topic": topics,
                "section": [
                    *(f"{g.group}: {g.text}" if g.group else g.text for g in r.skills),
                    *(q.text for q in r.qualifications),
                    *(
                        f"{label}: {piece}"
                        for label, held in (
                            ("soft skills", r.soft_skills),
                            ("challenges", r.challenges),
                            ("market demand", r.market_demand),
                            ("industries", r.industries),
                        )
                        for piece in _block_text(held)
                    ),
                    *(
                        f"{b.heading}: {piece}" if b.heading else piece
                        for b in r.sections
                        for piece in _block_text([b])
                    ),
                    *(
                        f"{link.name}: {link.note}" if link.note else link.name
                        for link in (*r.related, *r.specializations)
                    ),
                    *(f"{st.name}: {', '.join(st.topics)}" for st in r.progression),
                    *(t.label for t in r.timelines),
                ],
                "resource": [
                    " · ".join(x for x in (res.title, res.provider, res.note) if x)
                    for res in r.resources
                ],
            },
        )
    for s in kb.skills:
        yield (
            "skill",
            s.id,
            s.name,
            {
                "name": [s.name],
                "alias": s.aliases,
                "subtopic": s.subtopics,
                "text": [s.description] if s.description else [],
            },
        )
    for stage in kb.career_stages:
        yield (
            "guide",
            stage.id,
            stage.name,
            {
                "name": [stage.name],
                "topic": [
                    *(f"{tier}: {item}" for tier in TIERS for item in getattr(stage, tier)),
                    *([f"approach: {stage.approach}"] if stage.approach else []),
                ],
            },
        )  # fmt: skip
    for track in kb.career_tracks:
        yield (
            "track",
            track.id,
            track.name,
            {
                "name": [track.name],
                "topic": [
                    f"{st.name}: {', '.join([*(x.name for x in st.roles), *st.topics])}"
                    for st in track.stages
                ],
            },
        )
    for i, block in enumerate(kb.guidance):
        yield (
            "guide",
            f"guidance-{i}",
            block.heading or "Guidance",
            {"name": [block.heading] if block.heading else [], "text": _block_text([block])},
        )
    for ind in kb.industries:
        yield (
            "industry",
            ind.id,
            ind.name,
            {
                "name": [ind.name],
                "key_skill": ind.key_skills,
                "topic": ind.topics,
                "primary_role": [pr.name for pr in ind.primary_roles],
            },
        )


def _block_text(blocks: list[TextBlock]) -> list[str]:
    return [piece for b in blocks for piece in (*b.items, *([b.text] if b.text else []))]
