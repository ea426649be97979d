"""Whole pages: the human output of every command at 80 columns on the bundled KB.

A change to any page shows in review as a diff of ``__snapshots__/test_pages.ambr``;
after an intended change, ``python -m pytest tests/test_pages.py --snapshot-update``.
"""

from __future__ import annotations

import datetime

import pytest
from syrupy.assertion import SnapshotAssertion

from careercli.kb.paths import bundled_data_path
from tests.conftest import Run

PAGES = {
    "role": ["role", "ML Engineer"],
    "role-ambiguous-alias": ["role", "CTO"],
    "role-full": ["role", "RL Researcher", "--full"],
    "role-no-pay-no-roadmap": ["role", "Data Engineer"],
    "role-named-only": ["role", "Data Analyst"],
    "skill": ["skill", "pytorch"],
    "compare": ["compare", "Data Scientist", "MLE"],
    "compare-three": ["compare", "Data Scientist", "MLE", "Data Engineer"],
    "compare-markdown": ["compare", "Data Scientist", "MLE", "--format", "markdown"],
    "roadmap": ["roadmap", "NLP Engineer"],
    "roadmap-markdown": ["roadmap", "MLE", "--format", "markdown"],
    "role-markdown": ["role", "MLE", "--format", "markdown"],
    "roadmap-tracks": ["roadmap"],
    "roles": ["roles"],
    "roles-track": ["roles", "--track", "specialized"],
    "skills": ["skills"],
    "skills-category": ["skills", "--category", "framework"],
    "match": ["match", "python", "sql", "statistics"],
    "path": ["path", "Data Scientist", "ML Engineer"],
    "path-ml-background": ["path", "Data Scientist", "ML & AI Engineer"],
    "path-from-zero": ["path", "AI Product Manager", "ML & AI Engineer"],
    "path-markdown": ["path", "Data Scientist", "ML & AI Engineer", "--format", "markdown"],
    "salary": ["salary", "--level", "senior"],
    "salary-roles": ["salary", "Data Scientist", "MLE"],
    "salary-roles-no-pay": ["salary", "RL Researcher", "NLP Engineer", "AI Engineer"],
    "salary-overall": ["salary", "--level", "overall"],
    "search": ["search", "model monitoring"],
    "industry-list": ["industry"],
    "industry": ["industry", "healthcare"],
    "validate": ["validate"],
    "guide": ["guide"],
    "guide-topic": ["guide", "timeline"],
    "plan": ["plan", "ML Engineer", "--start", "2027-01-04"],
    "next": ["next", "ML Engineer"],
    "plan-background": ["plan", "ML & AI Engineer", "--background", "ml", "--start", "2027-01-04"],
    "sources": ["sources"],
    "help": ["--help"],
    "help-role": ["role", "--help"],
    "help-match": ["match", "--help"],
}


@pytest.mark.parametrize("name", PAGES)
def test_page(run: Run, snapshot: SnapshotAssertion, name: str) -> None:
    result = run(*PAGES[name], width=80)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    page = result.stdout.replace(str(bundled_data_path()), "<bundled KB>")
    assert page == snapshot


PROFILE_PAGES = {
    "profile-add": ["profile", "add", "python", "sql", "pytorch"],
    "profile-show": ["profile", "show"],
    "profile-remove": ["profile", "remove", "sql"],
    "role-with-progress": ["role", "MLE"],
    "roadmap-with-progress": ["roadmap", "MLE"],
    "match-profile": ["match"],
    "path-profile": ["path", "NLP Engineer"],
}


def test_pages_with_a_profile(
    run: Run, snapshot: SnapshotAssertion, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One profile, built and used in order, each page snapshotted (on a fixed day: a
    page counting the changes since the first names its date)."""
    monkeypatch.setattr("careercli.profile.today", lambda: datetime.date(2026, 12, 2))
    for name, args in PROFILE_PAGES.items():
        result = run(*args, width=80)
        assert result.exit_code == 0, (name, result.stderr)
        assert result.stdout == snapshot(name=name)


# Several KBs as one (the bundled one beside tests/data/second.yaml): whose each role is.
SEVERAL_PAGES = {
    "several-skill": ["skill", "pytorch"],
    "several-role": ["role", "Machine Learning Engineer (second)"],
    "several-compare": ["compare", "MLE", "Data Scientists"],
    "several-search": ["search", "scikit"],
    "several-roles": ["roles", "--track", "specialized"],
    "several-validate": ["validate"],
}


@pytest.mark.parametrize("name", SEVERAL_PAGES)
def test_several_kbs_page(run: Run, snapshot: SnapshotAssertion, name: str) -> None:
    from pathlib import Path

    second = Path(__file__).parent / "data" / "second.yaml"
    kbs = ["--data", str(bundled_data_path()), "--data", str(second)]
    result = run(*kbs, *SEVERAL_PAGES[name], width=80)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    page = result.stdout.replace(str(bundled_data_path()), "<bundled KB>")
    assert page.replace(str(second), "<second KB>") == snapshot
