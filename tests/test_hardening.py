"""Whatever is typed or fed in, careercli answers or fails with one line: never a traceback."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from careercli.cli import app
from careercli.kb.paths import bundled_data_path
from careercli.query.resolve import Candidate, ListIndex, ResolveError, resolve

BUNDLED = bundled_data_path()
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# Text a user might type, including markup, control characters and very long strings.
names = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        ["", " ", "[bold]MLE[/bold]", "[", "\x1b[31m", "ML\nEngineer", "🤖", "a" * 5000]
    ),
    st.text(alphabet="[]/\\*?\"'`$%{}()\t\r\n\x00", max_size=20),
)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory, built_cache: Path) -> dict[str, str]:
    base = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(built_cache, base / "cache")
    return {
        "CAREERCLI_CACHE": str(base / "cache"),
        "CAREERCLI_HOME": str(base / "home"),
        "COLUMNS": "80",
        "NO_COLOR": "1",
    }


def invoke(env: dict[str, str], *args: str) -> tuple[int, str, str]:
    """Run in-process; anything but the app's own exit fails the test with its traceback."""
    result = CliRunner().invoke(app, list(args), env=env, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def assert_clean(code: int, out: str, err: str) -> None:
    """An answer on stdout, or one error line on stderr (a usage error may add usage)."""
    if code == 0:
        assert out
    else:
        assert out == "" or code == 2
        lines = err.splitlines()
        assert len(lines) == 1 or "Usage:" in err, err
        assert err.startswith("careercli: error: "), err


@FUZZ
@given(name=names)
def test_role_skill_roadmap_never_crash(env: dict[str, str], name: str) -> None:
    for command in ("role", "skill", "roadmap"):
        assert_clean(*invoke(env, command, name))


@FUZZ
@given(a=names, b=names)
def test_compare_and_path_never_crash(env: dict[str, str], a: str, b: str) -> None:
    assert_clean(*invoke(env, "compare", a, b))
    assert_clean(*invoke(env, "path", a, b))


@FUZZ
@given(words=st.lists(names, min_size=1, max_size=4))
def test_match_and_search_never_crash(env: dict[str, str], words: list[str]) -> None:
    code, _, err = invoke(env, "match", *words)
    assert code in (0, 1, 2)
    assert code == 0 or err.startswith("careercli: ")
    assert_clean(*invoke(env, "search", " ".join(words)))


CANDIDATES = ListIndex(
    [
        Candidate("machine-learning-engineer", "Machine Learning Engineer", ("MLE",)),
        Candidate("data-engineer", "Data Engineer"),
        Candidate("analytics-data-engineer", "Analytics / Data Engineer"),
    ]
)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=40))
def test_resolution_never_raises_anything_but_its_own_errors(text: str) -> None:
    try:
        found = resolve(text, CANDIDATES, "role")
    except ResolveError as err:
        assert "\n" not in err.message
    else:
        assert found.id in {c.id for c in CANDIDATES.candidates()}


def damage(text: str, rng: random.Random) -> str:
    lines = text.splitlines()
    i = rng.randrange(len(lines))
    kind = rng.choice(["drop", "indent", "colon", "dup", "quote", "tab"])
    line = lines[i]
    if kind == "drop":
        del lines[i]
    elif kind == "indent":
        lines[i] = " " + line if rng.random() < 0.5 else line[1:]
    elif kind == "colon":
        lines[i] = line.replace(":", "", 1)
    elif kind == "dup":
        lines.insert(i, line)
    elif kind == "quote":
        cut = rng.randrange(len(line) + 1)
        lines[i] = line[:cut] + rng.choice("\"'") + line[cut:]
    else:
        cut = rng.randrange(len(line) + 1)
        lines[i] = line[:cut] + "\t" + line[cut:]
    return "\n".join(lines) + "\n"


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(0, 2**32 - 1))
def test_damaged_kb_fails_cleanly_and_no_command_runs_on_it(
    env: dict[str, str], tmp_path: Path, seed: int
) -> None:
    path = tmp_path / f"kb-{seed}.yaml"
    path.write_text(damage(BUNDLED.read_text(), random.Random(seed)))
    code, _, err = invoke(env, "validate", str(path))
    assert (code, err == "") in ((0, True), (1, False))
    role_code, role_out, role_err = invoke(env, "--data", str(path), "roles")
    if code != 0:
        assert err.startswith("careercli: error: ")
        assert (role_code, role_out) == (1, "")
        assert role_err.startswith("careercli: error: ") and role_err.count("\n") == 1
    else:
        assert role_code == 0


@settings(max_examples=60, deadline=None)
@given(have=st.sets(st.sampled_from(
    ["python", "sql", "pytorch", "kubernetes", "statistics", "spark", "airflow", "dbt", "nope"]
)))  # fmt: skip
def test_match_ranks_by_fit_then_essentials_missing_then_title(have: set[str]) -> None:
    from careercli.kb.store import open_catalog
    from careercli.query.matching import fit, rank_roles

    catalog = open_catalog(Path(__file__).parent / "data" / "mini.yaml", use_cache=False)
    known = have - {"nope"}  # rank_roles takes known ids, as the commands give it
    ranked = rank_roles(catalog, known)
    # every role with skills, each fit worked out from the role itself, in the stated order
    every = [fit(catalog, r["id"], known) for r in catalog.role_summaries()[0] if r["n_skills"]]
    expected = sorted(every, key=lambda f: (-f.score, len(f.missing_essential), f.title.casefold()))
    assert [f.role for f in ranked] == [f.role for f in expected] and len(ranked) == 4
    assert [f.score for f in ranked] == [f.score for f in expected]
    top2 = rank_roles(catalog, known, 2)
    assert [(f.role, f.score) for f in top2] == [(f.role, f.score) for f in ranked[:2]]
    for f in ranked:
        assert 0.0 <= f.score <= 100.0


def test_equal_fits_are_equal_floats_so_ties_fall_to_the_tie_breaks() -> None:
    """5 of 10 and 3 of 6 are both half fits: one division of integers, so equal floats
    and the title tie-break runs."""
    from careercli.query.matching import fit_score

    assert fit_score(5, 10) == fit_score(3, 6) == 50.0
    assert fit_score(0, 10) == 0.0 and fit_score(0, 0) == 0.0 and fit_score(6, 6) == 100.0
