"""Smoke tests of the benchmark scripts in bench/: they run and their output is usable.

The scripts are run as the README says (``python bench/...``), not imported, because
that is how they are used. Nothing here asserts a time: timings belong in bench/RESULTS.md.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

from careercli.kb.loader import load_kb

REPO = Path(__file__).parents[1]
MINI = REPO / "tests" / "data" / "mini.yaml"


def bench(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=REPO, capture_output=True, text=True, timeout=120
    )


def test_scaled_copy_validates_with_every_entry_copied(tmp_path: Path) -> None:
    out = tmp_path / "x3.yaml"
    done = bench("bench/generate.py", "--scale", "3", "--input", str(MINI), "--out", str(out))
    assert done.returncode == 0, done.stderr
    original = load_kb(MINI)
    kb = load_kb(out)
    assert len(kb.roles) == 3 * len(original.roles)
    assert len(kb.skills) == 3 * len(original.skills)
    assert len(kb.sources) == 3 * len(original.sources)
    # copy 0 is the input as it was, so names picked from the input still resolve
    assert [r.title for r in kb.roles[: len(original.roles)]] == [r.title for r in original.roles]
    copy = next(r for r in kb.roles if r.id == "machine-learning-engineer-x2")
    assert copy.salary_family == "ml-engineering-x2"
    assert {s for g in copy.skills for s in g.skills} <= {s.id for s in kb.skills[-8:]}


def test_generator_is_deterministic_and_writes_no_aliases(tmp_path: Path) -> None:
    paths = [tmp_path / "a.yaml", tmp_path / "b.yaml"]
    for path in paths:
        args = ("--esco", "--roles", "30", "--skills", "135", "--out", str(path))
        done = bench("bench/generate.py", *args)
        assert done.returncode == 0, done.stderr
    text = paths[0].read_text(encoding="utf-8")
    assert text == paths[1].read_text(encoding="utf-8")
    assert not re.search(r"[&*]id\d", text)


def test_small_esco_like_kb_validates(tmp_path: Path) -> None:
    out = tmp_path / "esco.yaml"
    args = ("--esco", "--roles", "30", "--skills", "135", "--out", str(out), "--validate")
    done = bench("bench/generate.py", *args)
    assert done.returncode == 0, done.stderr
    kb = load_kb(out)
    assert (len(kb.roles), len(kb.skills)) == (30, 135)
    for role in kb.roles:
        assert 10 <= len(role.skills) <= 30
        assert all(1 <= len(g.skills) <= 4 for g in role.skills)
        assert role.salaries and role.summary and role.responsibilities
        assert len(role.roadmaps) == 1 and len(role.roadmaps[0].phases) == 3


def _rows(markdown: str) -> dict[str, list[str]]:
    rows = {}
    for line in markdown.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| ") and len(cells) == 9 and cells[0] != "command":
            rows[cells[0]] = cells
    return rows


def test_runner_prints_a_row_per_command(tmp_path: Path) -> None:
    done = bench(
        "bench/run.py",
        *("--kb", str(MINI), "--rounds", "1", "--warmup", "0", "--commands", "role,--help"),
    )
    assert done.returncode == 0, done.stderr
    rows = _rows(done.stdout)
    assert set(rows) == {"role", "--help"}
    for cells in rows.values():
        numbers = [float(c) for c in cells[1:7]]  # ms, ms, ratio, MiB, MiB, ratio
        assert all(n > 0 for n in numbers)
        assert cells[8] in ("PASS", "FAIL (time)", "FAIL (RSS)", "FAIL (time, RSS)")


def test_runner_json_and_failure_exit_code(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"  # readable by the runner, refused by careercli
    data = yaml.safe_load(MINI.read_text(encoding="utf-8"))
    data["roles"][0]["salary_family"] = "no-such-family"
    bad.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    args = ("--rounds", "1", "--warmup", "0", "--commands=--help,role", "--json")
    done = bench("bench/run.py", "--kb", str(bad), *args)
    assert done.returncode == 1
    results = {r["command"]: r for r in json.loads(done.stdout)["results"]}
    assert results["--help"]["time_ratio"] > 0 and results["--help"]["error"] is None
    assert "no-such-family" in results["role"]["error"]
    assert "role" in done.stderr


def test_runner_takes_piped_and_profile_rows() -> None:
    # a label with a comma would be split by --commands; profile remove needs its "before"
    args = ("--rounds", "1", "--warmup", "0", "--commands", "roles (piped),profile remove")
    done = bench("bench/run.py", "--kb", str(MINI), *args, "--json")
    assert done.returncode == 0, done.stderr
    results = {r["command"]: r for r in json.loads(done.stdout)["results"]}
    assert set(results) == {"roles (piped)", "profile remove"}
    assert all(r["error"] is None for r in results.values())
    assert results["profile remove"]["before"].startswith("careercli profile add ")


def test_runner_measures_typo_lookups_against_the_exact_ones() -> None:
    args = ("--rounds", "1", "--warmup", "0", "--commands", "role (typo),skill (typo)", "--json")
    done = bench("bench/run.py", "--kb", str(MINI), *args)
    assert done.returncode == 0, done.stderr
    results = {r["command"]: r for r in json.loads(done.stdout)["results"]}
    role, skill = results["role (typo)"], results["skill (typo)"]
    assert role["shown"] == "careercli role 'Machine Learing Engineer'"
    assert role["against"] == "careercli role 'Machine Learning Engineer'"
    assert skill["against"] == "careercli skill Python"
    for r in (role, skill):  # the typo found the same entry: the outputs were equal
        assert r["error"] is None and "another entry" not in (r["warning"] or "")
        assert r["extra_target_ms"] == 200.0 and isinstance(r["extra_ms"], float)


def test_lean_kb_has_more_roles_than_titles_and_validates(tmp_path: Path) -> None:
    out = tmp_path / "lean.yaml"
    args = ("--esco", "--lean", "--roles", "4300", "--skills", "20", "--out", str(out))
    done = bench("bench/generate.py", *args, "--validate")
    assert done.returncode == 0, done.stderr
    kb = load_kb(out)  # validation refuses a name shared by two roles
    assert len(kb.roles) == 4300
    assert kb.roles[4200].title.endswith(" (team 2)")
    assert sum(1 for r in kb.roles if r.skills) == 1434  # one role in three
