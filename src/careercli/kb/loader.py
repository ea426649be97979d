"""Reading a knowledge base file safely and validating it into models.

The YAML is read with PyYAML's safe loader (the C one when available), refusing what a
plain ``safe_load`` lets through: duplicate keys (PyYAML keeps the last silently),
aliases (nested ones expand to billions of nodes once walked), files over a size cap and
absurd nesting. Every problem becomes a :class:`~careercli.kb.errors.KBError` whose
message is one line.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from careercli.kb.errors import DataFileError, ValidationFailed
from careercli.kb.models import KnowledgeBase
from careercli.kb.paths import read_bytes
from careercli.text import normalise

MAX_DEPTH = 32
MAX_DIGITS = 30  # characters in one YAML integer (our largest bound has 10 digits)

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """Safe loader that rejects aliases and duplicate keys, naming the line."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                "anchors and aliases (&name / *name) are not allowed; write the value out",
                node.start_mark,
            )
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[tuple[str, str], yaml.Node] = {}
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = (key_node.tag, key_node.value)
                if key in seen:
                    first = seen[key].start_mark.line + 1
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        f"duplicate key {key_node.value!r} (first on line {first})",
                        key_node.start_mark,
                    )
                seen[key] = key_node
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        """YAML 1.1 integers, except its surprises: ``190:00`` (base 60, read as 11400)
        and numbers too long to be a figure of ours."""
        value = str(node.value)
        if len(value) > MAX_DIGITS:
            raise yaml.constructor.ConstructorError(
                None, None, f"number with {len(value)} digits is too large", node.start_mark
            )
        if ":" in value:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"{value!r} is a base-60 number in YAML 1.1 (it would read as "
                f"{super().construct_yaml_int(node)}); quote it or write the number",
                node.start_mark,
            )
        digits = value.lstrip("+-")
        if len(digits) > 1 and digits[0] == "0" and digits[1] not in "xXbB":
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"{value!r} is an octal number in YAML 1.1 (it would read as "
                f"{super().construct_yaml_int(node)}); drop the leading zero or quote it",
                node.start_mark,
            )
        return super().construct_yaml_int(node)  # type: ignore[no-any-return]

    def construct_yaml_float(self, node: yaml.ScalarNode) -> float:
        if ":" in str(node.value):
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"{node.value!r} is a base-60 number in YAML 1.1; quote it or write the number",
                node.start_mark,
            )
        return super().construct_yaml_float(node)  # type: ignore[no-any-return]


_StrictLoader.add_constructor("tag:yaml.org,2002:int", _StrictLoader.construct_yaml_int)
_StrictLoader.add_constructor("tag:yaml.org,2002:float", _StrictLoader.construct_yaml_float)


def _yaml_message(path: Path, err: yaml.YAMLError) -> str:
    if isinstance(err, yaml.MarkedYAMLError) and err.problem_mark is not None:
        mark = err.problem_mark
        problem = err.problem or "invalid YAML"
        context = f" ({err.context})" if err.context else ""
        return f"{path}:{mark.line + 1}:{mark.column + 1}: {problem}{context}"
    if isinstance(err, yaml.reader.ReaderError):
        return f"{path}: not a YAML text file (byte {err.position}: {err.reason})"
    first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    return f"{path}: {first}"


def _depth(data: Any) -> int:
    """Nesting depth, walked without recursion so a hostile file cannot exhaust the stack."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, level = stack.pop()
        deepest = max(deepest, level)
        if level > MAX_DEPTH:
            return level
        if isinstance(value, dict):
            stack.extend((v, level + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, level + 1) for v in value)
    return deepest


def parse_yaml(raw: bytes, path: Path) -> Any:
    """Parse YAML bytes with the strict safe loader; ``path`` names the file in errors."""
    if not raw.strip():
        raise DataFileError(f"{path}: file is empty")
    try:
        data = yaml.load(raw, Loader=_StrictLoader)
    except yaml.YAMLError as err:
        raise DataFileError(_yaml_message(path, err)) from None
    except RecursionError:
        raise DataFileError(f"{path}: nesting is too deep") from None
    except (ValueError, OverflowError) as err:  # e.g. a date like 2024-13-45
        raise DataFileError(f"{path}: invalid value: {err}") from None
    if data is None:
        raise DataFileError(f"{path}: file holds no data (only comments?)")
    if _depth(data) > MAX_DEPTH:
        raise DataFileError(f"{path}: nesting is deeper than {MAX_DEPTH} levels")
    return data


def read_yaml(path: Path) -> Any:
    """Parse ``path`` as YAML with the strict safe loader; raise DataFileError on any problem."""
    return parse_yaml(read_bytes(path), path)


def _loc(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out or "(top level)"


def format_validation_error(err: ValidationError) -> list[str]:
    """One ``location: message`` line per error, e.g. ``roles[3].salaries[0].max: ...``.

    Unknown fields come first, with the field they were probably meant to be: a typo
    (``titel:``) also makes the real field missing, and that error says less.
    """
    items = [
        (tuple(p for p in item["loc"] if p not in _UNION_TAGS), item)
        for item in err.errors(include_url=False)
    ]
    missing: dict[tuple[int | str, ...], list[str]] = {}
    for loc, item in items:
        if item["type"] == "missing" and loc and isinstance(loc[-1], str):
            missing.setdefault(loc[:-1], []).append(loc[-1])
    unknown, other = [], []
    for loc, item in items:
        if item["type"] == "extra_forbidden" and loc and isinstance(loc[-1], str):
            unknown.append(f"{_loc(loc)}: unknown field{_meant(loc, missing)}")
        else:
            other.append(f"{_loc(loc)}: {item['msg'].removeprefix('Value error, ')}")
    return unknown + other


def _meant(loc: tuple[int | str, ...], missing: dict[tuple[int | str, ...], list[str]]) -> str:
    """``; did you mean 'title'?``: a missing field beside it, else any field there."""
    import difflib

    typed = str(loc[-1])
    for pool in (missing.get(loc[:-1], []), _fields_at(loc[:-1])):
        close = difflib.get_close_matches(typed, pool, n=1, cutoff=0.6)
        if close:
            return f"; did you mean {close[0]!r}?"
    return ""


def _fields_at(loc: tuple[int | str, ...]) -> list[str]:
    """The field names of the model found at ``loc`` in a KnowledgeBase (empty if none)."""
    import typing

    model: type[BaseModel] | None = KnowledgeBase
    for part in loc:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part) if model is not None else None
        if field is None:
            return []
        model = None
        todo = [field.annotation]
        while todo:
            hint = todo.pop()
            if isinstance(hint, type) and issubclass(hint, BaseModel):
                model = hint
                break
            todo.extend(typing.get_args(hint))
        if model is None:
            return []
    return list(model.model_fields) if model is not None else []


# Pydantic puts the union member's type in the location; users never wrote those.
_UNION_TAGS = {"int", "str", "none", "date", "function-after[_ordered(), Duration]"}


_REFS = {
    "source": "sources",
    "sources": "sources",
    "skills": "skills",
    "broader": "skills",
    "background": "skills",
    "implies": "skills",
    "role": "roles",
    "parent": "roles",
    "salary_family": "salary_families",
}


def _walk(model: BaseModel, path: str) -> Iterator[tuple[str, str, str]]:
    """Yield (location, collection, id) for every reference held in ``model``."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        here = f"{path}.{name}" if path else name
        collection = _REFS.get(name)
        if collection and isinstance(value, str):
            yield here, collection, value
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if collection and isinstance(item, str):
                    yield f"{here}[{i}]", collection, item
                elif isinstance(item, BaseModel):
                    yield from _walk(item, f"{here}[{i}]")
        elif isinstance(value, BaseModel):
            yield from _walk(value, here)


def check_references(kb: KnowledgeBase) -> list[str]:
    """Dangling references, duplicate ids and names shared by two entries, one line each."""
    problems: list[str] = []
    ids: dict[str, set[str]] = {}
    for collection in ("sources", "skills", "roles", "salary_families"):
        seen: dict[str, int] = {}
        for i, entry in enumerate(getattr(kb, collection)):
            if entry.id in seen:
                problems.append(
                    f"{collection}[{i}].id: duplicate id {entry.id!r} "
                    f"(also {collection}[{seen[entry.id]}])"
                )
            seen.setdefault(entry.id, i)
        ids[collection] = set(seen)
    for collection in ("career_tracks", "career_stages", "industries"):
        seen = {}
        for i, entry in enumerate(getattr(kb, collection)):
            if entry.id in seen:
                problems.append(f"{collection}[{i}].id: duplicate id {entry.id!r}")
            seen.setdefault(entry.id, i)

    singular = {"sources": "source", "skills": "skill", "roles": "role"}
    singular["salary_families"] = "salary family"
    for location, collection, ref in _walk(kb, ""):
        if ref not in ids[collection]:
            problems.append(f"{location}: unknown {singular[collection]} {ref!r}")

    for collection, label in (("roles", "title"), ("skills", "name")):
        owners: dict[str, str] = {}
        for i, entry in enumerate(getattr(kb, collection)):
            names = [(f"{collection}[{i}].{label}", getattr(entry, label))]
            names += [(f"{collection}[{i}].aliases[{j}]", a) for j, a in enumerate(entry.aliases)]
            names.append((f"{collection}[{i}].id", entry.id))
            # The forms name lookup compares: any case, and without punctuation.
            for location, name in names:
                for key in dict.fromkeys((name.casefold(), normalise(name))):
                    owner = owners.get(key)
                    if owner is not None and owner != entry.id:
                        problems.append(f"{location}: {name!r} is already a name of {owner!r}")
                        break
                    owners[key] = entry.id
    return problems


def validate_data(data: Any) -> KnowledgeBase:
    """Validate parsed YAML into a KnowledgeBase; raise ValidationFailed listing every error."""
    if not isinstance(data, dict):
        kind = type(data).__name__
        raise ValidationFailed(
            f"the top level must be a mapping (sources:, skills:, roles: ...), not a {kind}"
        )
    try:
        kb = KnowledgeBase.model_validate(data)
    except ValidationError as err:
        lines = format_validation_error(err)
        raise ValidationFailed(f"{len(lines)} error(s) in the knowledge base", lines) from None
    problems = check_references(kb)
    if problems:
        raise ValidationFailed(f"{len(problems)} error(s) in the knowledge base", problems)
    return kb


def load_kb(path: Path, raw: bytes | None = None) -> KnowledgeBase:
    """Read and validate the knowledge base at ``path`` (or its already-read ``raw`` bytes)."""
    data = parse_yaml(read_bytes(path) if raw is None else raw, path)
    try:
        return validate_data(data)
    except ValidationFailed as err:
        err.message = f"{path}: {err.message}"
        err.path = str(path)
        raise
