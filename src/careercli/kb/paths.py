"""Where the knowledge base lives (a wheel, a source checkout, ``--data``) and reading it."""

from __future__ import annotations

import os
import stat
from importlib import resources
from pathlib import Path

from careercli.files import expand_user
from careercli.kb.errors import DataFileError

DATA_ENV = "CAREERCLI_DATA"  # read by the CLI's --data option
MAX_BYTES = 32 * 1024 * 1024


def _packaged(name: str, in_checkout: str) -> Path:
    """A file the wheel carries in ``careercli/data`` (hatch ``force-include``); an editable
    install does not see force-included files, so fall back to the source tree."""
    packaged = resources.files("careercli").joinpath("data", name)
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / in_checkout


def bundled_schema_path() -> Path:
    """The JSON Schema of the models, as committed (a test keeps it current)."""
    return _packaged("schema.json", "schema.json")


def bundled_data_path() -> Path:
    """The packaged ``roles.yaml``.

    See :func:`_packaged`.
    """
    return _packaged("roles.yaml", "data/roles.yaml")


def data_path(explicit: str | os.PathLike[str] | None = None, given_by: str = "--data") -> Path:
    """The KB to use: the one given (``--data`` or ``$CAREERCLI_DATA``, which ``given_by``
    names in errors), else the bundled one."""
    if explicit:
        return expand_user(os.fspath(explicit), given_by)
    return bundled_data_path()


def data_paths(
    explicit: list[str] | tuple[str, ...] | None = None, given_by: str = "--data"
) -> list[Path]:
    """The KBs to use, in order: those given (``--data``, repeated, or ``$CAREERCLI_DATA``,
    a path list split like ``PATH``), else the bundled one. The same file given twice is
    used once."""
    if not explicit:
        return [bundled_data_path()]
    paths = [expand_user(os.fspath(p), given_by) for p in explicit]
    unique: dict[Path, Path] = {}
    for p in paths:
        try:
            unique.setdefault(p.resolve(), p)
        except (OSError, RuntimeError, ValueError):
            unique.setdefault(p, p)
    return list(unique.values())


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing directories, missing files and files over the cap."""
    try:
        if path.is_dir():
            raise DataFileError(f"{path}: is a directory, not a YAML file")
        if not stat.S_ISREG(path.stat().st_mode):
            raise DataFileError(f"{path}: not a regular file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DataFileError(
                f"{path}: file is {size / 2**20:.1f} MiB; the limit is {MAX_BYTES // 2**20} MiB"
            )
        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise DataFileError(f"{path}: file grew past the {MAX_BYTES // 2**20} MiB limit")
        return raw
    except FileNotFoundError:
        raise DataFileError(f"{path}: no such file") from None
    except PermissionError:
        raise DataFileError(f"{path}: permission denied") from None
    except OSError as err:
        raise DataFileError(f"{path}: cannot read ({err.strerror or err})") from None
    except ValueError:  # a NUL byte or a lone surrogate in the name
        raise DataFileError(f"{path!r}: not a usable file name") from None
