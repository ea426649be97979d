"""Hermetic test setup: temp profile home and cache, fixed width, no colour.

Building a KB's cache costs a Pydantic validation of the whole file, so the caches of the
bundled KB and of ``mini.yaml`` are built once per test run (per xdist worker) and copied
into each test's own cache directory; tests marked ``empty_cache`` start with none.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from careercli.cli import app

MINI = Path(__file__).parent / "data" / "mini.yaml"
WIDTH = 100

Run = Callable[..., Result]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "empty_cache: start the test with no KB cache built")


@pytest.fixture(scope="session")
def built_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache directory holding the bundled KB's and mini.yaml's caches, built once."""
    from careercli.kb.paths import bundled_data_path
    from careercli.kb.store import open_catalog

    folder = tmp_path_factory.mktemp("built-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CAREERCLI_CACHE", str(folder))
        for path in (bundled_data_path(), MINI):
            open_catalog(path)
    return folder


@pytest.fixture(autouse=True)
def hermetic(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    cache = tmp_path / "cache"
    if request.node.get_closest_marker("empty_cache") is None:
        shutil.copytree(request.getfixturevalue("built_cache"), cache)
    monkeypatch.setenv("CAREERCLI_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("CAREERCLI_CACHE", str(cache))
    monkeypatch.delenv("CAREERCLI_DATA", raising=False)
    monkeypatch.setenv("COLUMNS", str(WIDTH))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return tmp_path


@pytest.fixture
def run() -> Run:
    """Invoke the app in-process: ``run("role", "MLE", data=MINI, width=40)``.

    Exceptions other than the app's own exits propagate, so a crash fails the test with
    its traceback rather than hiding in the output.
    """

    def invoke(*args: str, data: Path | None = None, width: int = WIDTH, **env: str) -> Result:
        argv = (["--data", str(data)] if data else []) + list(args)
        runner = CliRunner()
        return runner.invoke(app, argv, env={"COLUMNS": str(width), **env}, catch_exceptions=False)

    return invoke


@pytest.fixture
def mini() -> Path:
    return MINI
