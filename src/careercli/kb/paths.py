"""Where the bundled knowledge base lives, in a wheel and in a source checkout."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

DATA_ENV = "CAREERCLI_DATA"  # read by the CLI's --data option


def bundled_data_path() -> Path:
    """The packaged ``roles.yaml``.

    A wheel carries it as ``careercli/data/roles.yaml`` (hatch ``force-include``); an
    editable install does not see force-included files, so fall back to the source tree.
    """
    packaged = resources.files("careercli").joinpath("data", "roles.yaml")
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / "data" / "roles.yaml"


def data_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The KB to use: the one given (``--data`` or ``$CAREERCLI_DATA``), else the bundled one."""
    if explicit:
        return Path(explicit).expanduser()
    return bundled_data_path()
