"""What every taxonomy importer shares: ids, names that stay unique, the skill ids of the
bundled KB, validating and writing the KB file.

The output is deterministic: the same download gives the same bytes (lists are sorted by
the taxonomy's own codes, nothing holds the time of the run).
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from careercli.files import atomic_write
from careercli.importers.tables import ImportProblem
from careercli.kb.errors import KBError
from careercli.kb.paths import MAX_BYTES
from careercli.text import normalise as _normalise
from careercli.text import scrub

normalise = functools.lru_cache(maxsize=1 << 18)(_normalise)

# (step, done, total): an importer reports its progress through this; the CLI draws it.
Progress = Callable[[str, int, int], None]

_NOT_ID = re.compile(r"[^a-z0-9+#.]+")
_ABBREVIATION = re.compile(r"\b([A-Z][A-Z0-9+#]{1,9})$")


def slug(name: str) -> str:
    """A readable id from a name: ``PyTorch`` -> ``pytorch``, ``Microsoft Excel`` ->
    ``microsoft-excel``, ``C++`` -> ``cpp`` (as the bundled KB writes it)."""
    text = name.casefold().replace("c++", "cpp")
    out = _NOT_ID.sub("-", text).strip("-.")[:80].strip("-.")
    return out or "x"


def clean(text: str | None) -> str | None:
    """Text as the KB may hold it: control characters shown as ``?``, trimmed; None if empty."""
    if text is None:
        return None
    out = scrub(text.replace("\r", "")).strip()
    return out or None


def name_forms(name: str) -> list[str]:
    """The forms of a taxonomy's name to look up among the bundled KB's skill names:
    the name, the name without a trailing ``software``, and a trailing abbreviation
    (``Structured query language SQL`` -> ``SQL``; ``Amazon Web Services AWS software``
    -> ``AWS``)."""
    forms = [name]
    short = re.sub(r"\s+software$", "", name, flags=re.IGNORECASE)
    if short != name and short:
        forms.append(short)
    found = _ABBREVIATION.search(short)
    if found and found.group(1) != short:
        forms.append(found.group(1))
    return forms


def curated_skill_ids() -> dict[str, str]:
    """The bundled KB's skill ids by normalised name and alias, so that an imported skill
    with the same name (PyTorch, Python, SQL) gets the same id and is one skill when the
    two KBs are read together. Empty when the bundled KB cannot be read."""
    from careercli.kb.loader import read_yaml
    from careercli.kb.paths import bundled_data_path

    try:
        data = read_yaml(bundled_data_path())
    except (KBError, OSError):
        return {}
    index: dict[str, str] = {}
    for skill in data.get("skills", []) if isinstance(data, dict) else []:
        if not isinstance(skill, dict) or not isinstance(skill.get("id"), str):
            continue
        for name in [skill.get("name"), *skill.get("aliases", [])]:
            if isinstance(name, str):
                index.setdefault(normalise(name), skill["id"])
    return index


class Names:
    """Names and ids handed out in one collection, each once (the KB's rule: no name or
    alias is shared by two entries, in any case, with or without punctuation)."""

    def __init__(self) -> None:
        self.owner: dict[str, str] = {}

    def free(self, name: str, owner: str) -> bool:
        return all(self.owner.get(key, owner) == owner for key in self._keys(name))

    def claim(self, name: str, owner: str) -> bool:
        """Give ``name`` to ``owner`` unless another entry has it; whether it did."""
        if not self.free(name, owner):
            return False
        for key in self._keys(name):
            self.owner[key] = owner
        return True

    @staticmethod
    def _keys(name: str) -> list[str]:
        return list(dict.fromkeys((name.casefold(), normalise(name))))


def unique_aliases(candidates: Mapping[str, Iterable[str]], taken: Names) -> dict[str, list[str]]:
    """Each entry's aliases, keeping only those no other entry also claims: a name given
    to several entries (``Analyst``) would find none of them, so it is left out of all.
    ``taken`` holds the entries' own titles and ids already."""
    claims: dict[str, set[str]] = {}
    for owner, names in candidates.items():
        for name in names:
            claims.setdefault(normalise(name), set()).add(owner)
    out: dict[str, list[str]] = {}
    for owner in sorted(candidates):
        kept: list[str] = []
        for name in candidates[owner]:
            key = normalise(name)
            if not key or len(claims[key]) > 1 or not taken.free(name, owner):
                continue
            if taken.claim(name, owner):
                kept.append(name)
        out[owner] = kept
    return out


# A string written plain (unquoted) in YAML: starts with a letter, holds none of YAML's
# indicators, and is not a word YAML 1.1 reads as a boolean or null. Everything else is
# written double-quoted, escaped as JSON escapes it (a subset of YAML's escapes).
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ._()/&'+-]*")
_WORDS = frozenset({"yes", "no", "true", "false", "on", "off", "null", "y", "n", "nan", "inf"})
_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085",
                         "\ufeff": "\\ufeff"})  # fmt: skip


def scalar(value: object) -> str:
    """One scalar as YAML text that reads back as ``value`` (str, int, bool)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and not text.endswith(" ") and text.casefold() not in _WORDS:
        return text
    return json.dumps(text, ensure_ascii=False).translate(_BREAKS)


def _emit(value: Any, indent: str, out: list[str]) -> None:
    """``value`` (a dict) in block style, lists of scalars in flow style (``[a, b]``)."""
    for key, item in value.items():
        if isinstance(item, dict):
            out.append(f"{indent}{key}:\n")
            _emit(item, indent + "  ", out)
        elif isinstance(item, list):
            if not item or not isinstance(item[0], dict):
                out.append(f"{indent}{key}: [{', '.join(scalar(v) for v in item)}]\n")
                continue
            out.append(f"{indent}{key}:\n")
            for entry in item:
                lines: list[str] = []
                _emit(entry, indent + "  ", lines)
                lines[0] = f"{indent}- {lines[0][len(indent) + 2 :]}"
                out.extend(lines)
        else:
            out.append(f"{indent}{key}: {scalar(item)}\n")


def dump_kb(kb: dict[str, Any], header: str) -> bytes:
    """The KB as YAML bytes, ``header`` as comment lines on top; deterministic.

    Written by this small emitter rather than ``yaml.safe_dump``: PyYAML's representer
    spends about 20 s on a full O*NET release, this a second. Tests read the output back
    with ``yaml.safe_load`` and compare it with the data.
    """
    out = [f"# {line}".rstrip() + "\n" for line in header.splitlines()]
    out.append("\n")
    _emit(kb, "", out)
    return "".join(out).encode("utf-8")


def check_output(output: Path, force: bool) -> None:
    """Refuse to overwrite without ``force``, and a place that cannot hold a file."""
    if output.is_dir():
        raise ImportProblem(f"{output}: is a directory; give the path of the YAML file to write")
    if output.exists() and not force:
        raise ImportProblem(f"{output}: already exists; add --force to replace it")
    if not output.parent.is_dir():
        raise ImportProblem(f"{output.parent}: no such directory for the output file")


def validate_and_write(kb: dict[str, Any], header: str, output: Path, force: bool) -> bytes:
    """Validate ``kb`` with careercli's own loader, then write it atomically.

    Raises ImportProblem when it does not validate (a bug of the importer or a release
    shaped differently) or would not fit under the loader's size cap: nothing is written.
    """
    from careercli.kb.loader import validate_data

    try:
        validate_data(kb)
    except KBError as err:
        first = f"; first: {err.lines[0]}" if err.lines else ""
        raise ImportProblem(f"the imported KB does not validate: {err.message}{first}") from None
    data = dump_kb(kb, header)
    if len(data) > MAX_BYTES:
        raise ImportProblem(
            f"the imported KB is {len(data) / 2**20:.1f} MiB, over the loader's "
            f"{MAX_BYTES // 2**20} MiB limit"
        )
    check_output(output, force)
    new = not output.exists()
    try:
        atomic_write(output, data)
        if new:  # a temp file's mode is 0600; a new KB gets what the umask gives
            umask = os.umask(0)
            os.umask(umask)
            output.chmod(0o666 & ~umask)
    except OSError as err:
        raise ImportProblem(f"{output}: cannot write: {err.strerror or err}") from None
    return data
