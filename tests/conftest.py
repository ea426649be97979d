"""Hermetic test setup: temp profile home and cache, fixed width, no colour."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from careercli.cli import app

MINI = Path(__file__).parent / "data" / "mini.yaml"

Run = Callable[..., Result]


@pytest.fixture(autouse=True)
def hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CAREERCLI_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("CAREERCLI_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("CAREERCLI_DATA", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return tmp_path


@pytest.fixture
def run() -> Run:
    """Invoke the app in-process: ``run("role", "MLE", data=MINI, width=40)``."""

    def invoke(*args: str, data: Path | None = None, width: int = 100, **env: str) -> Result:
        argv = (["--data", str(data)] if data else []) + list(args)
        runner = CliRunner()
        return runner.invoke(app, argv, env={"COLUMNS": str(width), **env}, catch_exceptions=False)

    return invoke


@pytest.fixture
def mini() -> Path:
    return MINI
