"""The profile: saved skills, progress marks, atomic locked writes, corrupt files kept."""

from __future__ import annotations

import datetime
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Run


def profile_file(home: Path) -> Path:
    return home / "home" / "profile.json"


def test_add_show_remove_and_path(
    run: Run, mini: Path, hermetic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("careercli.profile.today", lambda: datetime.date(2026, 12, 2))
    result = run("profile", "add", "python", "k8s", "pytroch", data=mini)
    assert result.exit_code == 0
    assert result.stdout == "added: Kubernetes, PyTorch, Python (3 in profile)\n"
    assert "'pytroch' taken as skill 'PyTorch'" in result.stderr
    saved = json.loads(profile_file(hermetic).read_text())
    held = {"level": "working", "since": "2026-12-02"}
    assert saved == {
        "version": 2,
        "skills": {"kubernetes": held, "python": held, "pytorch": held},
        "target": None,
        "history": [
            {"date": "2026-12-02", "action": "add", "skill": s, "level": "working"}
            for s in ("kubernetes", "python", "pytorch")
        ],
    }

    show = run("profile", "show", "--json", data=mini)
    data = json.loads(show.stdout)
    assert data["skills"] == ["kubernetes", "python", "pytorch"]
    assert data["best_fits"][0]["role"] == "machine-learning-engineer"

    removed = run("profile", "remove", "kubernetes", data=mini)
    assert removed.stdout == "removed: Kubernetes (2 left)\n"
    assert run("profile", "path").stdout == f"{profile_file(hermetic)}\n"


def test_adding_only_unknown_skills_saves_nothing(run: Run, mini: Path, hermetic: Path) -> None:
    result = run("profile", "add", "basket weaving", data=mini)
    assert result.exit_code == 1
    assert "nothing saved" in result.stderr
    assert not profile_file(hermetic).exists()


def test_role_roadmap_compare_mark_profile_skills(run: Run, mini: Path) -> None:
    run("profile", "add", "python", "pytorch", data=mini)
    role = run("role", "MLE", data=mini)
    assert "Your progress   essential 2/2 (100%), all skills 2/5 (40%)" in role.stdout
    assert "Python ✓" in role.stdout
    roadmap = run("roadmap", "MLE", data=mini)
    assert "Foundation (by 6-9 months) ✓" in roadmap.stdout
    md = run("roadmap", "MLE", "--format", "markdown", data=mini).stdout
    assert "- [x] Python" in md and "- [ ] Kubernetes" in md
    assert "Topics: Python, Basic ML" in md and "- [ ] Python" not in md  # one item each
    assert md.startswith("# Roadmap: Machine Learning Engineer\n")
    compare = run("compare", "MLE", "Data Scientist", data=mini, width=120)
    assert re.search(r"\nYour progress +essential 2/2 \(100%\) +essential 1/3 \(33%\)\n",
                     compare.stdout)  # fmt: skip
    assert "Python ✓, PyTorch ✓" in compare.stdout


def test_match_and_path_use_the_profile(run: Run, mini: Path) -> None:
    run("profile", "add", "sql", data=mini)
    match = json.loads(run("match", "--json", data=mini).stdout)
    assert match["skills"] == ["sql"]
    assert match["roles"][0]["role"] == "analytics-data-engineer"
    path = json.loads(run("path", "Data Engineer", "--json", data=mini).stdout)
    assert path["skills_carried_over"] == ["sql"]


def test_corrupt_profile_is_reported_and_left_untouched(
    run: Run, mini: Path, hermetic: Path
) -> None:
    target = profile_file(hermetic)
    target.parent.mkdir(parents=True)
    target.write_text('{"skills": ["python", ')
    before = target.read_bytes()
    result = run("profile", "add", "sql", data=mini)
    assert result.exit_code == 1
    assert result.stderr == (
        f"careercli: error: profile {target} is not valid; it was left as it is "
        "(fix or remove it)\n"
    )
    assert target.read_bytes() == before
    role = run("role", "MLE", data=mini)  # read commands still answer, with a warning
    assert role.exit_code == 0 and "warning: profile" in role.stderr
    assert target.read_bytes() == before


def test_profile_with_wrong_shape_is_corrupt_too(run: Run, mini: Path, hermetic: Path) -> None:
    target = profile_file(hermetic)
    target.parent.mkdir(parents=True)
    target.write_text('{"skills": "python"}')
    result = run("profile", "remove", "python", data=mini)
    assert result.exit_code == 1 and "is not valid" in result.stderr
    assert target.read_text() == '{"skills": "python"}'


def _cli(home: Path, cache: Path, *args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "CAREERCLI_HOME": str(home), "CAREERCLI_CACHE": str(cache)}
    return subprocess.Popen(
        [sys.executable, "-m", "careercli", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_ten_concurrent_adds_lose_nothing(tmp_path: Path, mini: Path) -> None:
    skills = ["python", "sql", "pytorch", "kubernetes", "statistics", "spark", "airflow", "dbt"]
    home, cache = tmp_path / "h", tmp_path / "c"
    # Build the cache first so the ten runs race on the profile, not on the cache.
    _cli(home, cache, "--data", str(mini), "skills").communicate()
    procs = [
        _cli(home, cache, "--data", str(mini), "profile", "add", skills[i % len(skills)])
        for i in range(10)
    ]
    for p in procs:
        _, err = p.communicate(timeout=60)
        assert p.returncode == 0, err
    saved = json.loads((home / "profile.json").read_text())
    assert sorted(saved["skills"]) == sorted(skills)
    assert not list(home.glob(".profile.json.*"))  # no temp files left behind


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_read_only_profile_dir_gives_a_clear_message(run: Run, mini: Path, hermetic: Path) -> None:
    home = hermetic / "home"
    home.mkdir()
    home.chmod(0o500)
    try:
        result = run("profile", "add", "python", data=mini)
    finally:
        home.chmod(0o700)
    assert result.exit_code == 1
    assert "permission denied" in result.stderr


def test_profile_home_that_is_a_file_gives_a_clear_message(
    run: Run, mini: Path, hermetic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = hermetic / "blocker"
    blocker.write_text("not a directory")
    monkeypatch.setenv("CAREERCLI_HOME", str(blocker / "home"))
    result = run("profile", "add", "python", data=mini)
    assert result.exit_code == 1
    assert result.stderr.startswith("careercli: error: cannot write profile")
    assert result.stderr.count("\n") == 1


def test_corrupt_profile_in_a_real_process_is_left_untouched(tmp_path: Path, mini: Path) -> None:
    home, cache = tmp_path / "h", tmp_path / "c"
    home.mkdir()
    (home / "profile.json").write_bytes(b"\x00\xff garbage")
    proc = _cli(home, cache, "--data", str(mini), "profile", "add", "python")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1 and out == b""
    assert err.decode().startswith("careercli: error: profile ")
    assert (home / "profile.json").read_bytes() == b"\x00\xff garbage"


def test_deeply_nested_profile_is_reported_not_a_traceback(
    run: Run, mini: Path, hermetic: Path
) -> None:
    target = profile_file(hermetic)
    target.parent.mkdir(parents=True)
    target.write_text("[" * 100_000 + "]" * 100_000)
    result = run("profile", "show", data=mini)
    assert result.exit_code == 1 and "is not valid" in result.stderr


def test_remove_a_saved_skill_this_kb_does_not_know(run: Run, mini: Path, hermetic: Path) -> None:
    target = profile_file(hermetic)
    target.parent.mkdir(parents=True)
    target.write_text('{"version": 1, "skills": ["cobol", "python"]}')
    result = run("profile", "remove", "cobol", data=mini)
    assert (result.exit_code, result.stdout) == (0, "removed: cobol (1 left)\n")


def test_adding_a_skill_twice_says_so(run: Run, mini: Path) -> None:
    run("profile", "add", "python", data=mini)
    result = run("profile", "add", "python", "sql", data=mini)
    assert result.stdout == "added: SQL; already in profile: Python (2 in profile)\n"


def test_a_partial_add_saves_the_known_names_and_fails(run: Run, mini: Path) -> None:
    """``profile add python foobar``: python saved, foobar named on stderr, exit 1."""
    result = run("profile", "add", "python", "foobar", data=mini)
    assert result.exit_code == 1
    assert result.stdout == "added: Python (1 in profile)\n"
    assert result.stderr.startswith("careercli: skipped: no skill matches 'foobar'")
    again = run("profile", "remove", "python", "foobar", data=mini)
    assert again.exit_code == 1 and again.stdout == "removed: Python (0 left)\n"


def test_comma_separated_names_are_a_list(run: Run, mini: Path) -> None:
    result = run("profile", "add", "python, sql", "spark", data=mini)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("added: ") and "(3 in profile)" in result.stdout
