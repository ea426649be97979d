"""The user's profile: the skills they have (with a level), the role they aim at, and the
dated history of every change, kept in one JSON file.

A profile in an older format is migrated in place on first use (atomically, a copy of
the old file kept beside it); one written by a newer careercli is refused, not rewritten.

Writes are atomic (temp file in the same directory, fsync, ``os.replace``) and serialised
by a lock on a separate ``.lock`` file, so concurrent ``profile add`` runs lose nothing.
A file that cannot be parsed is reported and never overwritten.
"""

from __future__ import annotations

import datetime
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, get_args

from careercli.files import BadHome, NotRegularFile, atomic_write, expand_user, read_regular

HOME_ENV = "CAREERCLI_HOME"
FILE_NAME = "profile.json"
LOCK_TIMEOUT = 10.0
VERSION = 2  # the profile format this careercli reads and writes (1: a list of skill ids)
MAX_BYTES = 4 * 1024 * 1024
MAX_HISTORY = 100_000  # events kept; the oldest are dropped past this (years of use)

Level = Literal["awareness", "working", "practitioner", "expert"]
LEVELS: tuple[Level, ...] = get_args(Level)
DEFAULT_LEVEL: Level = "working"
# How much of a skill a level counts for in match, path and progress: a job asks for a
# skill at working level or above, so that is "having" it; awareness is a start.
LEVEL_WEIGHT: dict[str, float] = {
    "awareness": 0.25, "working": 1.0, "practitioner": 1.0, "expert": 1.0,
}  # fmt: skip
HAS_IT = frozenset({"working", "practitioner", "expert"})  # levels that count as having it

Action = Literal["add", "level", "remove", "target", "untarget", "migrate"]
ACTIONS: tuple[Action, ...] = get_args(Action)


def today() -> datetime.date:
    """Today's date where the user is (the date every change is recorded under)."""
    return datetime.date.today()


class ProfileError(Exception):
    """The profile cannot be read or written; the message is one line naming the path."""


class NewerProfile(ValueError):
    """The profile was written by a newer careercli, in a format this one cannot know."""

    def __init__(self, version: int) -> None:
        super().__init__(version)
        self.version = version


@dataclass(frozen=True)
class Held:
    """A skill in the profile: its level and the day it was first added (None for a skill
    saved by careercli before levels, when the day was not recorded)."""

    level: Level = DEFAULT_LEVEL
    since: datetime.date | None = None


@dataclass(frozen=True)
class Event:
    """One dated change of the profile."""

    date: datetime.date
    action: Action
    skill: str | None = None
    level: Level | None = None
    role: str | None = None

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"date": self.date.isoformat(), "action": self.action}
        for key in ("skill", "level", "role"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        return data


@dataclass(frozen=True)
class Profile:
    """The saved profile: skills with levels, a target role, and the dated history of
    every change. Parsed by hand, strictly: anything unexpected makes the file invalid,
    and an invalid file is never overwritten."""

    held: dict[str, Held] = field(default_factory=dict)
    target: str | None = None
    history: list[Event] = field(default_factory=list)
    version: int = VERSION  # the version the file had when read (older ones migrate)

    @property
    def skills(self) -> list[str]:
        """The skill ids, sorted."""
        return sorted(self.held)

    def partial(self) -> dict[str, float]:
        """Each skill held below working level, and the share of its weight it counts for."""
        return {s: LEVEL_WEIGHT[h.level] for s, h in self.held.items() if LEVEL_WEIGHT[h.level] < 1}

    def level(self, skill_id: str) -> Level | None:
        held = self.held.get(skill_id)
        return held.level if held else None

    @classmethod
    def from_json(cls, data: Any) -> Profile:
        """The profile in ``data`` (version 1 read as version 2 in memory); ValueError
        unless it has exactly an expected shape."""
        if not isinstance(data, dict):
            raise ValueError("not a profile object")
        version = data.get("version", 1)
        if type(version) is not int or version < 1:
            raise ValueError("wrong version")
        if version > VERSION:
            raise NewerProfile(version)
        if version == 1:
            return cls._from_v1(data)
        if set(data) - {"version", "skills", "target", "history"}:
            raise ValueError("unknown fields")
        skills, target, history = (
            data.get("skills", {}),
            data.get("target"),
            data.get("history", []),
        )
        if not isinstance(skills, dict) or not isinstance(history, list):
            raise ValueError("wrong field types")
        if target is not None and not isinstance(target, str):
            raise ValueError("target must be a role id")
        held = {}
        for sid, entry in skills.items():
            if not isinstance(entry, dict) or set(entry) - {"level", "since"}:
                raise ValueError("a skill must be {level, since}")
            since = entry.get("since")
            held[sid] = Held(_level(entry.get("level", DEFAULT_LEVEL)),
                             None if since is None else _date(since))  # fmt: skip
        return cls(held, target, [_event(e) for e in history], version)

    @classmethod
    def _from_v1(cls, data: dict[str, Any]) -> Profile:
        if set(data) - {"version", "skills"}:
            raise ValueError("not a profile object")
        skills = data.get("skills", [])
        if not isinstance(skills, list) or not all(isinstance(s, str) for s in skills):
            raise ValueError("skills must be strings")
        return cls({s: Held() for s in sorted(set(skills))}, None, [], 1)

    def to_json(self) -> str:
        data = {
            "version": VERSION,
            "skills": {
                sid: {"level": h.level, "since": h.since.isoformat() if h.since else None}
                for sid, h in sorted(self.held.items())
            },
            "target": self.target,
            "history": [e.to_data() for e in self.history[-MAX_HISTORY:]],
        }
        return json.dumps(data, indent=2)

    def migrated(self, on: datetime.date) -> Profile:
        """This profile in the current format, the migration recorded (nothing dropped)."""
        if self.version == VERSION:
            return self
        return replace(self, version=VERSION,
                       history=[*self.history, Event(on, "migrate")])  # fmt: skip

    def with_skills(
        self,
        skill_ids: Iterable[str],
        level: Level = DEFAULT_LEVEL,
        on: datetime.date | None = None,
    ) -> Profile:
        """The skills added at ``level`` (a skill already held changes level), dated."""
        on = on or today()
        base = self.migrated(on)
        held, events = dict(base.held), list(base.history)
        for sid in skill_ids:
            old = held.get(sid)
            if old is None:
                held[sid] = Held(level, on)
                events.append(Event(on, "add", sid, level))
            elif old.level != level:
                held[sid] = replace(old, level=level)
                events.append(Event(on, "level", sid, level))
        return replace(base, held=held, history=events)

    def without(self, skill_ids: Iterable[str], on: datetime.date | None = None) -> Profile:
        on = on or today()
        base = self.migrated(on)
        drop = set(skill_ids) & set(base.held)
        held = {s: h for s, h in base.held.items() if s not in drop}
        events = [*base.history, *(Event(on, "remove", s) for s in sorted(drop))]
        return replace(base, held=held, history=events)

    def with_target(self, role_id: str | None, on: datetime.date | None = None) -> Profile:
        on = on or today()
        base = self.migrated(on)
        if role_id == base.target:
            return base
        event = Event(on, "target", role=role_id) if role_id else Event(on, "untarget")
        return replace(base, target=role_id, history=[*base.history, event])


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refusing a key given twice (the next write would drop one)."""
    data = dict(pairs)
    if len(data) != len(pairs):
        raise ValueError("a key is given twice")
    return data


def encoded(profile: Profile) -> bytes:
    """The file's bytes, the oldest history dropped until they fit under the size this
    careercli reads (so a write never makes a profile it would then refuse)."""
    data = (profile.to_json() + "\n").encode()
    while len(data) > MAX_BYTES and profile.history:
        keep = len(profile.history) * 9 // 10  # the newest nine tenths
        profile = replace(profile, history=profile.history[len(profile.history) - keep :])
        data = (profile.to_json() + "\n").encode()
    return data


def _level(value: Any) -> Level:
    if value not in LEVELS:
        raise ValueError("unknown level")
    level: Level = value
    return level


def _date(value: Any) -> datetime.date:
    if not isinstance(value, str):
        raise ValueError("a date must be YYYY-MM-DD")
    return datetime.date.fromisoformat(value)


def _event(data: Any) -> Event:
    if not isinstance(data, dict) or set(data) - {"date", "action", "skill", "level", "role"}:
        raise ValueError("not an event")
    action = data.get("action")
    if action not in ACTIONS:
        raise ValueError("unknown action")
    for key in ("skill", "role"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise ValueError(f"{key} must be an id")
    level = data.get("level")
    return Event(_date(data.get("date")), action, data.get("skill"),
                 None if level is None else _level(level), data.get("role"))  # fmt: skip


def profile_path() -> Path:
    """``$CAREERCLI_HOME/profile.json``, else the user data directory's."""
    home = os.environ.get(HOME_ENV)
    if home:
        try:
            return expand_user(home, HOME_ENV) / FILE_NAME
        except BadHome as err:
            raise ProfileError(str(err)) from None
    from platformdirs import user_data_path

    return user_data_path("careercli", appauthor=False) / FILE_NAME


def load_profile(path: Path | None = None) -> Profile:
    """The saved profile, or an empty one when none was saved yet. A profile in an older
    format is migrated in place (when it cannot be written, it is used as read)."""
    path = path or profile_path()
    profile = _read_profile(path)
    if profile.version < VERSION:
        try:
            return update_profile(lambda p: p, path)
        except ProfileError:
            return profile.migrated(today())
    return profile


def _read_profile(path: Path) -> Profile:
    try:
        raw = read_regular(path, MAX_BYTES)
    except FileNotFoundError:
        return Profile()
    except NotRegularFile:
        raise ProfileError(f"profile {path} is not a regular file; it was left alone") from None
    except OSError as err:
        raise ProfileError(f"cannot read profile {path}: {err.strerror or err}") from None
    if len(raw) > MAX_BYTES:
        raise ProfileError(f"profile {path} is over {MAX_BYTES // 2**20} MiB; it was left alone")
    try:
        return Profile.from_json(json.loads(raw, object_pairs_hook=_no_duplicate_keys))
    except NewerProfile as err:
        raise ProfileError(
            f"profile {path} is version {err.version}, written by a newer careercli; "
            f"this one reads version {VERSION}, so it was left as it is (upgrade careercli)"
        ) from None
    except (ValueError, RecursionError):
        raise ProfileError(
            f"profile {path} is not valid; it was left as it is (fix or remove it)"
        ) from None


def _writable_target(path: Path) -> Path:
    """Where a write of the profile at ``path`` goes: through a symlink (a dotfiles repo)
    to its target, and never over a profile made read-only."""
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        return target
    if not mode & 0o200:  # checked by mode, so that root too leaves it alone
        raise ProfileError(f"profile {target} is read-only; it was left as it is")
    return target


def update_profile(change: Callable[[Profile], Profile], path: Path | None = None) -> Profile:
    """Apply ``change`` to the saved profile under the lock and save it atomically."""
    from filelock import FileLock, Timeout

    path = path or profile_path()
    try:
        path = _writable_target(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(path) + ".lock", timeout=LOCK_TIMEOUT)
        with lock:
            old = _read_profile(path)
            new = change(old).migrated(today())
            if old.version < VERSION and path.exists():  # keep the old file as it was
                backup = path.with_name(f"{path.name}.v{old.version}")
                atomic_write(backup, read_regular(path, MAX_BYTES))
            atomic_write(path, encoded(new))
            return new
    except Timeout:
        raise ProfileError(f"profile {path} is locked by another careercli; try again") from None
    except PermissionError:
        raise ProfileError(f"cannot write profile in {path.parent}: permission denied") from None
    except OSError as err:
        raise ProfileError(f"cannot write profile {path}: {err.strerror or err}") from None
