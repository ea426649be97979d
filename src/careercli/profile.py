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

from careercli.files import atomic_write

HOME_ENV = "CAREERCLI_HOME"
FILE_NAME = "profile.json"
LOCK_TIMEOUT = 10.0


class ProfileError(Exception):
    """The profile cannot be read or written; the message is one line naming the path."""


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
        return Path(home).expanduser() / FILE_NAME
    from platformdirs import user_data_path

    return user_data_path("careercli", appauthor=False) / FILE_NAME


def load_profile(path: Path | None = None) -> Profile:
    """The saved profile, or an empty one when none was saved yet."""
    path = path or profile_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Profile()
    except OSError as err:
        raise ProfileError(f"cannot read profile {path}: {err.strerror or err}") from None
    try:
        return Profile.from_json(json.loads(raw))
    except (ValueError, RecursionError):
        raise ProfileError(
            f"profile {path} is not valid; it was left as it is (fix or remove it)"
        ) from None


def update_profile(change: Callable[[Profile], Profile], path: Path | None = None) -> Profile:
    """Apply ``change`` to the saved profile under the lock and save it atomically."""
    from filelock import FileLock, Timeout

    path = path or profile_path()
    try:
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
