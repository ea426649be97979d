"""The user's profile: the skills they have, kept in one JSON file.

Writes are atomic (temp file in the same directory, fsync, ``os.replace``) and serialised
by a lock on a separate ``.lock`` file, so concurrent ``profile add`` runs lose nothing.
A file that cannot be parsed is reported and never overwritten.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from careercli.files import BadHome, NotRegularFile, atomic_write, expand_user, read_regular

HOME_ENV = "CAREERCLI_HOME"
FILE_NAME = "profile.json"
LOCK_TIMEOUT = 10.0
VERSION = 1  # the profile format this careercli reads and writes
MAX_BYTES = 4 * 1024 * 1024


class ProfileError(Exception):
    """The profile cannot be read or written; the message is one line naming the path."""


class NewerProfile(ValueError):
    """The profile was written by a newer careercli, in a format this one cannot know."""

    def __init__(self, version: int) -> None:
        super().__init__(version)
        self.version = version


@dataclass(frozen=True)
class Profile:
    """The saved profile: skill ids. Parsed by hand: two fields don't need a model class."""

    version: int = 1
    skills: list[str] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: Any) -> Profile:
        """The profile in ``data``; ValueError unless it has exactly the expected shape."""
        if not isinstance(data, dict) or set(data) - {"version", "skills"}:
            raise ValueError("not a profile object")
        version = data.get("version", 1)
        skills = data.get("skills", [])
        if type(version) is not int or not isinstance(skills, list):
            raise ValueError("wrong field types")
        if version > VERSION:
            raise NewerProfile(version)
        if not all(isinstance(s, str) for s in skills):
            raise ValueError("skills must be strings")
        return cls(version, list(skills))

    def to_json(self) -> str:
        return json.dumps({"version": self.version, "skills": self.skills}, indent=2)

    def with_skills(self, skills: list[str]) -> Profile:
        return replace(self, skills=skills)


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
    """The saved profile, or an empty one when none was saved yet."""
    path = path or profile_path()
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
        return Profile.from_json(json.loads(raw))
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
            new = change(load_profile(path))
            atomic_write(path, (new.to_json() + "\n").encode())
            return new
    except Timeout:
        raise ProfileError(f"profile {path} is locked by another careercli; try again") from None
    except PermissionError:
        raise ProfileError(f"cannot write profile in {path.parent}: permission denied") from None
    except OSError as err:
        raise ProfileError(f"cannot write profile {path}: {err.strerror or err}") from None
