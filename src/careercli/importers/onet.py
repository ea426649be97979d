"""O*NET database release (text or CSV download) -> a careercli KB.

The mapping (the README states it too):

* occupation -> a role ``onet-15-2051-00`` (title, description as its summary);
* alternate titles (and short titles) -> aliases; a title O*NET gives to several
  occupations is left out of all of them, since an alias must find one role;
* skill and knowledge ratings -> skill lines, tier from the Importance scale (``IM``, 1-5):
  4.0 and above essential, 3.0-3.99 important, 2.5-2.99 useful, lower left out; rows marked
  ``Recommend Suppress`` = Y dropped, and an element whose rating is marked ``Not Relevant``
  = Y dropped; the line keeps the rating (``importance 4.12 of 5, level 4.50 of 7``);
* technology skills -> skill lines by flag: ``In Demand`` ones important, the others
  useful, each line saying ``Hot Technology`` / ``In Demand`` as O*NET flags them;
* related occupations -> related roles, with their tier and index as the note;
* job zone -> the way in (a qualification: education, experience, training);
* tasks -> responsibilities (core, then supplemental).

Every fact cites one source entry: the release, its date, the CC BY 4.0 attribution.
Skill ids are the bundled KB's where a name matches one of its skills' names or aliases
(``PyTorch`` -> ``pytorch``), otherwise made from the name (:func:`common.slug`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from careercli.importers.common import (
    Names,
    Progress,
    check_output,
    clean,
    curated_skill_ids,
    name_forms,
    normalise,
    slug,
    unique_aliases,
    validate_and_write,
)
from careercli.importers.tables import ImportProblem, Table, decode, header_of, read_table

CODE = "O*NET-SOC Code"
PUBLISHER = "U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)"
LICENSE = "CC BY 4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
DOWNLOAD_URL = "https://www.onetcenter.org/database.html"
ESSENTIAL, IMPORTANT, USEFUL = 4.0, 3.0, 2.5  # Importance (IM, 1-5) thresholds of the tiers
# Kept per occupation, so a full release stays well under the loader's 32 MiB cap.
MAX_ALIASES = 60
MAX_TASKS = 40


@dataclass(frozen=True)
class Kind:
    """One table of a release: the file names O*NET has used for it and its columns."""

    key: str
    names: tuple[str, ...]
    required: tuple[str, ...]


KINDS = (
    Kind("occupations", ("occupation data",), (CODE, "Title", "Description")),
    Kind(
        "ratings",
        ("skills", "knowledge", "essential skills"),
        (CODE, "Element ID", "Element Name", "Scale ID", "Data Value"),
    ),
    Kind("technology", ("technology skills", "software skills"), (CODE, "Example")),
    Kind("titles", ("alternate titles", "job titles"), (CODE, "Alternate Title")),
    Kind("related", ("related occupations",), (CODE, "Related O*NET-SOC Code", "Relatedness Tier")),
    Kind("zones", ("job zones",), (CODE, "Job Zone")),
    Kind(
        "zone_reference",
        ("job zone reference",),
        ("Job Zone", "Name", "Experience", "Education", "Job Training"),
    ),
    Kind("tasks", ("task statements",), (CODE, "Task ID", "Task")),
    Kind("elements", ("content model reference",), ("Element ID", "Element Name", "Description")),
)
_BY_NAME = {name: kind for kind in KINDS for name in kind.names}
# Element ID prefixes of the rated tables: O*NET's content model (2.A basic skills,
# 2.B cross-functional skills, 2.C knowledge).
RATED = {"2.A": "skills", "2.B": "skills", "2.C": "knowledge"}
_SOC = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
_RELEASE = re.compile(r"O\*NET[^\d]{0,3}(\d{1,2}\.\d)\b")
_FOLDER_RELEASE = re.compile(r"db_(\d{1,2})_(\d)")
_DATE = re.compile(r"^(\d{2})/(\d{4})$")


def _stem(path: Path) -> str:
    return " ".join(path.stem.casefold().replace("_", " ").split())


def find_tables(folder: Path) -> dict[str, list[Path]]:
    """The release's tables by kind, recognised by their header rows.

    A file named as one of O*NET's tables whose header lacks that table's columns is an
    error ("wrong header"); other files whose header is no known table are not used.
    Rated tables are told apart (skills, knowledge, abilities...) by their element ids.
    """
    if not folder.is_dir():
        raise ImportProblem(f"{folder}: no such directory (unpack the O*NET download first)")
    found: dict[str, list[Path]] = {}
    files = sorted(
        p for p in folder.iterdir() if p.suffix.lower() in (".txt", ".csv") and p.is_file()
    )
    for path in files:
        named = _BY_NAME.get(_stem(path))
        try:
            header = header_of(path)
        except ImportProblem:
            if named is None:
                continue  # not O*NET's (a notes file in another encoding)
            raise
        matches = [k for k in KINDS if all(c in header for c in k.required)]
        if named is not None and named not in matches:
            missing = [c for c in named.required if c not in header]
            raise ImportProblem(
                f"{path}: wrong header for O*NET's {path.stem}: no column "
                + ", ".join(repr(c) for c in missing)
            )
        if not matches:
            continue
        kind: str | None = max(matches, key=lambda k: len(k.required)).key
        if kind == "ratings":
            kind = _rated_kind(path)
        if kind is not None:
            found.setdefault(kind, []).append(path)
    for kind, paths in found.items():
        if len(paths) > 1:
            names = " and ".join(str(p.name) for p in paths)
            raise ImportProblem(f"{folder}: two files hold the same table ({kind}): {names}")
    if "occupations" not in found:
        raise ImportProblem(
            f"{folder}: no Occupation Data file (a table with columns "
            f"'{CODE}', 'Title', 'Description'); download a release from {DOWNLOAD_URL}"
        )
    return found


def _rated_kind(path: Path) -> str | None:
    """skills or knowledge by the first row's element id; None for other rated tables."""
    table = read_table(path, KINDS[1].required)
    column = table.column("Element ID")
    for _, row in table.rows[:1]:
        return RATED.get(row[column][:3])
    return None


def release_of(folder: Path) -> str | None:
    """``30.0`` from the folder name (``db_30_0_text``) or a Read Me file, else None."""
    match = _FOLDER_RELEASE.search(folder.resolve().name)
    if match:
        return f"{int(match.group(1))}.{match.group(2)}"
    for path in sorted(folder.iterdir()):
        if "read" in path.name.casefold() and path.suffix.lower() in (".txt", ".md", ""):
            try:
                text = decode(path, path.read_bytes()[:65536])
            except (ImportProblem, OSError):
                continue
            match = _RELEASE.search(text)
            if match:
                return match.group(1)
    return None


def attribution(release: str | None) -> str:
    """The attribution O*NET's CC BY 4.0 licence asks for."""
    db = f"O*NET {release} Database" if release else "O*NET Database"
    return (
        f"This page includes information from the {db} by the U.S. Department of Labor, "
        "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 "
        "license. O*NET® is a trademark of USDOL/ETA."
    )


@dataclass
class Rating:
    name: str
    importance: float | None = None
    level: float | None = None
    dropped: bool = False


@dataclass
class Tech:
    example: str
    commodity: str | None
    hot: bool
    in_demand: bool


@dataclass
class Release:
    """What is read from the tables, by occupation code."""

    occupations: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    ratings: dict[str, dict[str, dict[str, Rating]]] = field(default_factory=dict)
    technology: dict[str, list[Tech]] = field(default_factory=dict)
    titles: dict[str, list[str]] = field(default_factory=dict)
    related: dict[str, list[tuple[int, str, str]]] = field(default_factory=dict)
    zones: dict[str, int] = field(default_factory=dict)
    zone_reference: dict[int, dict[str, str]] = field(default_factory=dict)
    tasks: dict[str, list[tuple[str, int, str]]] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    latest: tuple[int, int] | None = None  # (year, month) of the newest Date in the files


def _cells(table: Table, names: Iterable[str]) -> list[int | None]:
    return [table.header.index(n) if n in table.header else None for n in names]


def _get(row: list[str], index: int | None) -> str:
    return row[index].strip() if index is not None else ""


def _number(table: Table, line: int, column: str, text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise ImportProblem(
            f"{table.path}:{line}: malformed row: {column} {text!r} is not a number"
        ) from None


def _code(table: Table, line: int, text: str, column: str = CODE) -> str:
    if not _SOC.match(text):
        raise ImportProblem(
            f"{table.path}:{line}: malformed row: {column} {text!r} is not an O*NET-SOC code"
        )
    return text


def _note_date(release: Release, text: str) -> None:
    match = _DATE.match(text)
    if match:
        when = (int(match.group(2)), int(match.group(1)))
        if release.latest is None or when > release.latest:
            release.latest = when


def read_release(tables: dict[str, list[Path]], progress: Progress | None = None) -> Release:
    release = Release()
    order = [k.key for k in KINDS] + ["skills", "knowledge"]
    todo = [(kind, tables[kind][0]) for kind in order if kind in tables]
    for done, (kind, path) in enumerate(todo):
        if progress:
            progress(f"Reading {path.name}", done, len(todo))
        required = KINDS[1].required if kind in RATED.values() else _kind(kind).required
        table = read_table(path, required)
        _READERS[kind](release, table, kind)
    return release


def _kind(key: str) -> Kind:
    return next(k for k in KINDS if k.key == key)


def _read_occupations(release: Release, table: Table, kind: str) -> None:
    code_i, title_i, desc_i = _cells(table, (CODE, "Title", "Description"))
    first: dict[str, int] = {}
    for line, row in table.rows:
        code = _code(table, line, _get(row, code_i))
        if code in first:
            raise ImportProblem(
                f"{table.path}:{line}: malformed row: {code} appears twice "
                f"(first on line {first[code]})"
            )
        first[code] = line
        title = clean(_get(row, title_i))
        if title is None:
            raise ImportProblem(f"{table.path}:{line}: malformed row: {code} has no title")
        release.occupations[code] = (title, clean(_get(row, desc_i)))


def _read_ratings(release: Release, table: Table, kind: str) -> None:
    code_i, id_i, name_i, scale_i, value_i, sup_i, rel_i, date_i = _cells(
        table,
        (CODE, "Element ID", "Element Name", "Scale ID", "Data Value", "Recommend Suppress",
         "Not Relevant", "Date"),
    )  # fmt: skip
    for line, row in table.rows:
        element = _get(row, id_i)
        if RATED.get(element[:3]) != kind:
            continue
        code = _code(table, line, _get(row, code_i))
        scale = _get(row, scale_i)
        if scale not in ("IM", "LV"):
            continue
        value = _number(table, line, "Data Value", _get(row, value_i))
        _note_date(release, _get(row, date_i))
        by_element = release.ratings.setdefault(kind, {}).setdefault(code, {})
        rating = by_element.get(element)
        if rating is None:
            rating = by_element[element] = Rating(clean(_get(row, name_i)) or element)
        if _get(row, rel_i).upper() == "Y":
            rating.dropped = True  # O*NET: not relevant to the occupation
        if _get(row, sup_i).upper() == "Y":
            continue  # O*NET recommends suppressing this figure
        if scale == "IM":
            rating.importance = value
        else:
            rating.level = value


def _flag(text: str) -> bool:
    return text.strip().upper() in ("Y", "YES", "TRUE", "1")


def _read_technology(release: Release, table: Table, kind: str) -> None:
    code_i, ex_i, com_i, hot_i, dem_i = _cells(
        table, (CODE, "Example", "Commodity Title", "Hot Technology", "In Demand")
    )
    for line, row in table.rows:
        code = _code(table, line, _get(row, code_i))
        example = clean(_get(row, ex_i))
        if example is None:
            continue
        tech = Tech(
            example, clean(_get(row, com_i)), _flag(_get(row, hot_i)), _flag(_get(row, dem_i))
        )
        release.technology.setdefault(code, []).append(tech)


def _read_titles(release: Release, table: Table, kind: str) -> None:
    code_i, alt_i, short_i = _cells(table, (CODE, "Alternate Title", "Short Title"))
    for line, row in table.rows:
        code = _code(table, line, _get(row, code_i))
        names = release.titles.setdefault(code, [])
        for text in (_get(row, alt_i), _get(row, short_i)):
            name = clean(text)
            if name and name.casefold() != "n/a":
                names.append(name)


def _read_related(release: Release, table: Table, kind: str) -> None:
    code_i, rel_i, tier_i, index_i = _cells(
        table, (CODE, "Related O*NET-SOC Code", "Relatedness Tier", "Index")
    )
    for line, row in table.rows:
        code = _code(table, line, _get(row, code_i))
        other = _code(table, line, _get(row, rel_i), "Related O*NET-SOC Code")
        index_text = _get(row, index_i)
        index = int(_number(table, line, "Index", index_text)) if index_text else 0
        tier = clean(_get(row, tier_i)) or "related"
        release.related.setdefault(code, []).append((index, other, tier))


def _read_zones(release: Release, table: Table, kind: str) -> None:
    code_i, zone_i, date_i = _cells(table, (CODE, "Job Zone", "Date"))
    for line, row in table.rows:
        code = _code(table, line, _get(row, code_i))
        release.zones[code] = int(_number(table, line, "Job Zone", _get(row, zone_i)))
        _note_date(release, _get(row, date_i))


def _read_zone_reference(release: Release, table: Table, kind: str) -> None:
    cols = ("Job Zone", "Name", "Experience", "Education", "Job Training")
    indexes = _cells(table, cols)
    for line, row in table.rows:
        zone = int(_number(table, line, "Job Zone", _get(row, indexes[0])))
        release.zone_reference[zone] = {
            c: clean(_get(row, i)) or "" for c, i in zip(cols[1:], indexes[1:], strict=True)
        }


def _read_tasks(release: Release, table: Table, kind: str) -> None:
    code_i, id_i, task_i, type_i, date_i = _cells(
        table, (CODE, "Task ID", "Task", "Task Type", "Date")
    )
    for line, row in table.rows:
        code = _code(table, line, _get(row, code_i))
        task = clean(_get(row, task_i))
        if task is None:
            continue
        task_id = int(_number(table, line, "Task ID", _get(row, id_i)))
        kind_of = clean(_get(row, type_i)) or ""
        release.tasks.setdefault(code, []).append((kind_of, task_id, task))
        _note_date(release, _get(row, date_i))


def _read_elements(release: Release, table: Table, kind: str) -> None:
    id_i, desc_i = _cells(table, ("Element ID", "Description"))
    for _, row in table.rows:
        text = clean(_get(row, desc_i))
        if text:
            release.descriptions[_get(row, id_i)] = text


_READERS = {
    "occupations": _read_occupations,
    "skills": _read_ratings,
    "knowledge": _read_ratings,
    "technology": _read_technology,
    "titles": _read_titles,
    "related": _read_related,
    "zones": _read_zones,
    "zone_reference": _read_zone_reference,
    "tasks": _read_tasks,
    "elements": _read_elements,
}


def tier_of(importance: float) -> str | None:
    if importance >= ESSENTIAL:
        return "essential"
    if importance >= IMPORTANT:
        return "important"
    if importance >= USEFUL:
        return "useful"
    return None


_RATED_HEADING = {"skills": "O*NET Skills", "knowledge": "O*NET Knowledge"}
_RATED_CATEGORY = {"skills": "practice", "knowledge": "domain"}
_TECH_LINES = (  # (hot, in demand) -> the line's words, its tier
    ((True, True), "Hot Technology, In Demand", "important"),
    ((False, True), "In Demand", "important"),
    ((True, False), "Hot Technology", "useful"),
    ((False, False), "Technology", "useful"),
)


class _Skills:
    """The KB's skills, made as roles name them: one id per O*NET element or example."""

    def __init__(self, curated: dict[str, str], source: str) -> None:
        self.curated = curated
        self.source = source
        self.names = Names()
        self.ids: dict[tuple[str, str], str] = {}  # (kind, key) -> id
        self.kind: dict[str, tuple[str, str]] = {}  # id -> the (kind, key) it was made for
        self.entries: dict[str, dict[str, Any]] = {}

    def add(self, kind: str, key: str, name: str, description: str | None) -> str:
        """The id for O*NET's element or example ``key`` (made on first use).

        Technology examples that differ only in case or punctuation, or that name the
        same skill of the bundled KB, are one skill (the other names its aliases); two
        rated elements never share one (Mathematics the skill and the knowledge).
        """
        known = self.ids.get((kind, key))
        if known is not None:
            return known
        skill_id, shown = self._place(kind, key, name)
        entry = self.entries.get(skill_id)
        if entry is None:
            entry = {"id": skill_id, "name": shown, "category": _RATED_CATEGORY.get(kind, "tool")}
            if description:
                entry["description"] = description[:4000]
            entry["sources"] = [self.source]
            self.entries[skill_id] = entry
            self.kind[skill_id] = (kind, key)
            self.names.claim(shown, skill_id)
            self.names.claim(skill_id, skill_id)
        elif self.names.claim(name, skill_id) and normalise(name) != normalise(entry["name"]):
            entry.setdefault("aliases", []).append(name)
        self.ids[(kind, key)] = skill_id
        return skill_id

    def _shareable(self, skill_id: str, kind: str) -> bool:
        made = self.kind.get(skill_id)
        return made is None or (made[0] == kind == "technology")

    def _place(self, kind: str, key: str, name: str) -> tuple[str, str]:
        if kind == "technology":
            same = self.names.owner.get(normalise(name))
            if same is not None and self._shareable(same, kind):
                return same, name  # the same example, written differently
        forms = name_forms(name)
        for form in forms:
            curated = self.curated.get(normalise(form))
            if (
                curated is not None
                and self._shareable(curated, kind)
                and (curated in self.entries or self.names.free(name, curated))
            ):
                return curated, name
        shown = name
        if not self.names.free(name, "?"):
            shown = f"{name} ({kind.removesuffix('s')})"
        base = slug(forms[1] if len(forms) > 1 and forms[1] != forms[-1] else name)
        suffix = kind.removesuffix("s")
        numbered = (f"{base}-{n}" for n in range(2, 10_000))
        for candidate in itertools.chain((base, f"{base}-{suffix}"), numbered):
            if (
                candidate not in self.entries
                and self.names.free(candidate, candidate)
                and self.names.free(shown, candidate)
            ):
                return candidate, shown
        raise ImportProblem(f"cannot make a unique id for {name!r}")  # pragma: no cover

    def sorted(self) -> list[dict[str, Any]]:
        return [self.entries[k] for k in sorted(self.entries)]


def _rated_lines(release: Release, code: str, skills: _Skills) -> list[dict[str, Any]]:
    lines: list[tuple[float, str, dict[str, Any]]] = []
    for kind in ("skills", "knowledge"):
        for element, rating in sorted(release.ratings.get(kind, {}).get(code, {}).items()):
            if rating.dropped or rating.importance is None:
                continue
            tier = tier_of(rating.importance)
            if tier is None:
                continue
            name = rating.name
            display = name if kind == "skills" else f"{name} (knowledge)"
            skill_id = skills.add(kind, element, name, release.descriptions.get(element))
            phrase = f"importance {rating.importance:.2f} of 5"
            text = f"{display}: {phrase}"
            if rating.level is not None:
                text += f", level {rating.level:.2f} of 7"
            line: dict[str, Any] = {"tier": tier}
            if kind == "knowledge":
                line["group"] = "Domain knowledge"
            line |= {
                "heading": _RATED_HEADING[kind],
                "text": text,
                "phrase": phrase,
                "skills": [skill_id],
                "source": skills.source,
            }
            lines.append((-rating.importance, element, line))
    lines.sort(key=lambda t: (t[0], t[1]))
    return [line for _, _, line in lines]


def _tech_lines(release: Release, code: str, skills: _Skills) -> list[dict[str, Any]]:
    by_flags: dict[tuple[bool, bool], dict[str, str]] = {}
    for tech in sorted(
        release.technology.get(code, []), key=lambda t: (t.example.casefold(), t.example)
    ):
        skill_id = skills.add("technology", normalise(tech.example), tech.example, tech.commodity)
        by_flags.setdefault((tech.hot, tech.in_demand), {}).setdefault(skill_id, tech.example)
    out = []
    for flags, words, tier in _TECH_LINES:
        chosen = by_flags.get(flags)
        if not chosen:
            continue
        for chunk in _chunks(chosen, 3900 - len(words)):  # text: at most 4,000 characters
            text = f"{words}: " + ", ".join(chosen[i] for i in chunk)
            line: dict[str, Any] = {"tier": tier, "heading": "O*NET Technology Skills"}
            line["text"] = text
            if flags[1]:
                line["phrase"] = "In Demand"
            line |= {"skills": chunk, "source": skills.source}
            out.append(line)
    return out


def _chunks(names: dict[str, str], limit: int) -> list[list[str]]:
    """The ids of ``names`` in runs whose names, joined by ``, ``, fit in ``limit``."""
    runs: list[list[str]] = [[]]
    size = 0
    for skill_id, name in names.items():
        if runs[-1] and size + len(name) + 2 > limit:
            runs.append([])
            size = 0
        runs[-1].append(skill_id)
        size += len(name) + 2
    return runs


def _qualification(release: Release, code: str, source: str) -> list[dict[str, Any]]:
    zone = release.zones.get(code)
    if zone is None:
        return []
    ref = release.zone_reference.get(zone)
    if not ref:
        return [{"text": f"Job Zone {zone} (of O*NET's 5 levels of preparation)", "source": source}]
    parts = [f"Job Zone {zone}: {ref['Name']}." if ref["Name"] else f"Job Zone {zone}."]
    if ref["Experience"]:
        parts.append(f"Experience: {ref['Experience']}")
    if ref["Job Training"]:
        parts.append(f"Training: {ref['Job Training']}")
    out: dict[str, Any] = {}
    if ref["Education"]:
        out["education"] = ref["Education"][:4000]
    out |= {"text": " ".join(parts)[:4000], "source": source}
    return [out]


def _responsibilities(release: Release, code: str, source: str) -> list[dict[str, Any]]:
    tasks = sorted(release.tasks.get(code, []), key=lambda t: (t[0] != "Core", t[0], t[1]))
    tasks = tasks[:MAX_TASKS]
    blocks: dict[str, list[str]] = {}
    for kind_of, _, task in tasks:
        heading = f"Tasks ({kind_of})" if kind_of and kind_of.casefold() != "n/a" else "Tasks"
        items = blocks.setdefault(heading, [])
        if task not in items:
            items.append(task)
    return [{"heading": h, "items": items, "source": source} for h, items in blocks.items()]


def _related(release: Release, code: str, source: str) -> list[dict[str, Any]]:
    out = []
    seen = set()
    for index, other, tier in sorted(release.related.get(code, [])):
        if other in seen or other == code:
            continue
        seen.add(other)
        known = release.occupations.get(other)
        link: dict[str, Any] = {"name": known[0] if known else other}
        if known:
            link["role"] = role_id(other)
        link |= {"note": f"{tier} (index {index})" if index else tier, "source": source}
        out.append(link)
    return out


def role_id(code: str) -> str:
    """``15-2051.00`` -> ``onet-15-2051-00``."""
    return "onet-" + code.replace(".", "-")


def build_kb(
    release: Release, folder: Path, version: str | None, curated: dict[str, str]
) -> dict[str, Any]:
    """The KB dict of a release read by :func:`read_release`."""
    source_id = "onet-" + version.replace(".", "-") if version else "onet"
    when = release.latest
    name = f"O*NET {version} Database" if version else "O*NET Database"
    source: dict[str, Any] = {
        "id": source_id,
        "title": name,
        "short": f"O*NET {version}" if version else "O*NET",
        "publisher": PUBLISHER,
    }
    if when:
        source["year"] = when[0]
    source["file"] = folder.resolve().name or str(folder)
    dated = f"Release of {when[1]:02d}/{when[0]} (the latest date in its files). " if when else ""
    source["note"] = f"{dated}{attribution(version)} License: {LICENSE_URL}"
    source["license"] = LICENSE

    codes = sorted(release.occupations)
    titles = Names()
    for code in codes:
        title = release.occupations[code][0]
        if not titles.claim(title, code):  # two occupations with one title: tell them apart
            title = f"{title} ({code})"
            release.occupations[code] = (title, release.occupations[code][1])
            titles.claim(title, code)
        titles.claim(role_id(code), code)
    wanted = {c: _aliases(release, c) for c in codes}
    aliases = unique_aliases(wanted, titles)

    skills = _Skills(curated, source_id)
    roles = []
    for code in codes:
        title, description = release.occupations[code]
        role: dict[str, Any] = {"id": role_id(code), "title": title}
        if aliases[code]:
            role["aliases"] = aliases[code][:MAX_ALIASES]
        if description:
            role["summary"] = description[:4000]
        role["sources"] = [source_id]
        parts = {
            "skills": _rated_lines(release, code, skills) + _tech_lines(release, code, skills),
            "qualifications": _qualification(release, code, source_id),
            "responsibilities": _responsibilities(release, code, source_id),
            "related": _related(release, code, source_id),
        }
        role |= {k: v for k, v in parts.items() if v}
        roles.append(role)
    return {"version": 1, "sources": [source], "skills": skills.sorted(), "roles": roles}


def _aliases(release: Release, code: str) -> list[str]:
    own = normalise(release.occupations[code][0])
    out: dict[str, str] = {}
    for name in sorted(release.titles.get(code, []), key=lambda n: (n.casefold(), n)):
        key = normalise(name)
        if key and key != own and key not in out:
            out[key] = name
    return list(out.values())


def import_onet(
    folder: Path,
    output: Path,
    force: bool = False,
    version: str | None = None,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Read the release in ``folder``, write the KB at ``output``; counts of what it holds."""
    check_output(output, force)
    tables = find_tables(folder)
    release = read_release(tables, progress)
    version = version or release_of(folder)
    steps = sum(len(p) for p in tables.values())
    if progress:
        progress("Mapping occupations", steps, steps + 2)
    kb = build_kb(release, folder, version, curated_skill_ids())
    if progress:
        progress("Validating and writing", steps + 1, steps + 2)
    header = (
        f"careercli knowledge base imported from the {kb['sources'][0]['title']} "
        f"({DOWNLOAD_URL}).\n{attribution(version)}\n"
        "Made by: careercli import onet DIR --output FILE (do not edit; import again)."
    )
    validate_and_write(kb, header, output, force)
    if progress:
        progress("Done", steps + 2, steps + 2)
    return {"roles": len(kb["roles"]), "skills": len(kb["skills"])}
