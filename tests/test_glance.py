"""`careercli role NAME` at a glance: every role's page fits 80x32, still answers the first
questions, and a page taller than the terminal goes through the pager."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from careercli.kb.paths import bundled_data_path
from careercli.kb.store import open_catalog
from tests.conftest import Run

SCREEN = (80, 32)


def _role_titles() -> list[str]:
    return sorted(name for _, name, _ in open_catalog(bundled_data_path()).names("role"))


def test_every_role_fits_80_by_32(run: Run) -> None:
    too_tall = {}
    for title in _role_titles():
        result = run("role", title, width=SCREEN[0])
        assert result.exit_code == 0, (title, result.stderr)
        lines = result.stdout.splitlines()
        assert max(map(len, lines)) <= SCREEN[0], title
        if len(lines) > SCREEN[1]:
            too_tall[title] = len(lines)
    assert not too_tall


def test_a_profile_adds_its_progress_and_still_fits(run: Run) -> None:
    assert run("profile", "add", "python", "pytorch", "docker", "sql").exit_code == 0
    for title in ("Machine Learning Engineer", "ML & AI Engineer", "Data Scientist"):
        out = run("role", title, width=80).stdout
        assert "Your progress" in out and "Python ✓" in out
        assert len(out.splitlines()) <= SCREEN[1], title


def test_the_glance_answers_the_first_questions(run: Run) -> None:
    out = run("role", "ML Engineer", width=80).stdout
    lines = out.splitlines()
    assert lines[0] == "Machine Learning Engineer"
    assert lines[2].startswith("Production ML systems") and lines[2].endswith("[1]")
    pay = out[out.index("Pay (USD a year") : out.index("Time to get in")]
    # per level and source: both sources' figures, each row cited, never averaged
    assert "entry" in pay and "director" in pay and "$100K-$140K" in pay and "$115,599" in pay
    assert "[2]" in pay and "[3]" in pay
    assert "Time to get in  15-24 months from zero" in out
    essential = out[out.index("Essential (") :].split("\n")
    assert "… +" in essential[0] + essential[1], "the first few essentials, then +N more"
    assert "Related roles" in out and "% of skills shared" in out
    assert "seed file" not in out and "year not stated" not in out
    # every section the glance leaves out is in --full
    full = run("role", "ML Engineer", "--full", width=80).stdout
    for section in ("Skills by importance", "Qualifications and experience",
                    "Responsibilities", "The way in", "Named in:"):  # fmt: skip
        assert section in full and section not in out, section
    assert "median $168,018 (15+ years experience)" in " ".join(full.split())


def test_a_role_without_pay_or_roadmap_says_so(run: Run) -> None:
    out = " ".join(run("role", "Data Engineer", width=80).stdout.split())
    assert "The sources give no pay figure for this role." in out
    assert "The sources give no roadmap or timeline for this role." in out


def test_every_timeline_by_background_is_one_cited_line(run: Run) -> None:
    out = " ".join(run("role", "ML & AI Engineer", width=80).stdout.split())
    assert (
        "by background: 14-20 months (complete beginner), 9-12 months (ML background), "
        "8-10 months (full-time accelerated) [1]"
    ) in out


def _in_a_terminal(args: list[str], tmp_path: Path, lines: int, **env: str) -> tuple[str, str]:
    """Run careercli on a pseudo-terminal with a pager that records what it was given;
    return (what the terminal showed, what the pager got)."""
    got = tmp_path / "paged.txt"
    pager = tmp_path / "pager.sh"
    pager.write_text(f'#!/bin/sh\necho "LESS=$LESS" > {got}\ncat >> {got}\n')
    pager.chmod(0o755)
    full_env = {**os.environ, "COLUMNS": "80", "LINES": str(lines), "PAGER": str(pager), **env}
    full_env.pop("LESS", None)
    main, child = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "careercli", *args],
        stdin=child, stdout=child, stderr=child, env=full_env,
    )  # fmt: skip
    os.close(child)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    assert proc.wait(timeout=60) == 0, shown
    os.close(main)
    return shown.decode(), got.read_text() if got.exists() else ""


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_a_page_taller_than_the_terminal_goes_through_the_pager(
    tmp_path: Path, hermetic: Path
) -> None:
    shown, paged = _in_a_terminal(["role", "MLE", "--full"], tmp_path, lines=20)
    assert paged.startswith("LESS=FRX\n") and "Machine Learning Engineer" in paged
    assert "Machine Learning Engineer" not in shown
    # one screen is printed as it is; --no-pager and PAGER=cat print a long page too
    for args, env, lines in (
        (["role", "MLE"], {}, 60),
        (["--no-pager", "role", "MLE", "--full"], {}, 20),
        (["role", "MLE", "--full", "--no-pager"], {}, 20),  # after the command too
        (["role", "MLE", "--full"], {"PAGER": "cat"}, 20),
    ):
        shown, paged = _in_a_terminal(args, _fresh(tmp_path), lines, **env)
        assert paged == "" and "Machine Learning Engineer" in shown, (args, env)


def _fresh(tmp_path: Path) -> Path:
    n = len(list(tmp_path.glob("run-*")))
    folder = tmp_path / f"run-{n}"
    folder.mkdir()
    return folder


def test_role_as_markdown_to_paste_into_notes(run: Run) -> None:
    assert run("profile", "add", "python").exit_code == 0
    result = run("role", "MLE", "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    md = result.stdout
    assert md.startswith("# Machine Learning Engineer\n")
    table = [line for line in md.splitlines() if line.startswith("|")]
    assert table[0] == "| Source | entry | mid | senior | principal | director |"
    assert set(table[1]) <= {"|", " ", "-"}
    assert any(row.startswith("| [2] | median $115,599 (entry-level)") for row in table)
    assert "- [x] Python\n" in md and "- [ ] PyTorch\n" in md
    cited = set(re.findall(r"\[(\d)\]", md.split("## Sources")[0]))
    defined = set(re.findall(r"^- \[(\d)\] ", md.split("## Sources")[1], flags=re.M))
    assert cited == defined == {"1", "2", "3"}
    both = run("role", "MLE", "--format", "markdown", "--json")
    assert both.exit_code == 2 and "give one" in both.stderr


def test_two_roles_naming_no_skills_have_nothing_in_common(run: Run) -> None:
    out = " ".join(run("compare", "AI Architect", "Head of AI", width=80).stdout.split())
    assert "100%" not in out and "no skills to compare" in out


def test_a_path_to_a_role_the_sources_only_name(run: Run) -> None:
    out = " ".join(run("path", "Data Scientist", "Head of AI", width=80).stdout.split())
    assert "The sources name no skills for Head of AI." in out
    assert "you have every skill" not in out


def test_a_named_only_role_has_no_empty_progress_line(run: Run) -> None:
    run("profile", "add", "python")
    assert "Your progress" not in run("role", "AI Architect", width=80).stdout
    assert "Your progress" in run("role", "Data Scientist", width=80).stdout


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["match", ""], "none of those skills is in the knowledge base: skill name is empty"),
        (["match", "foo", "bar"], "no skill is named 'foo'; no skill is named 'bar'"),
        (["profile", "add", "qwertz"], "nothing saved to your profile: no skill matches 'qwertz'"),
        (
            ["profile", "remove", "qwertz"],
            "nothing changed in your profile: no skill matches 'qwertz'",
        ),
    ],
)
def test_names_that_all_fail_are_one_error_line(run: Run, args: list[str], line: str) -> None:
    result = run(*args)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and line in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
@pytest.mark.parametrize(
    ("pager", "said"),
    [
        ("no-such-pager-here", "cannot start"),
        ('"unterminated', "cannot be read as a command"),
    ],
)
def test_a_pager_that_cannot_run_is_said_and_the_page_printed(
    tmp_path: Path, hermetic: Path, pager: str, said: str
) -> None:
    shown, _ = _in_a_terminal(["role", "MLE", "--full"], tmp_path, lines=20, PAGER=pager)
    assert said in shown and "Machine Learning Engineer" in shown
