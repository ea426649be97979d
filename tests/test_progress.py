"""`careercli progress` and `careercli next` on the hand-made mini KB: phases done, skills
done this month, the activity strip from the profile's dated history, what to learn next."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion

from tests.conftest import Run


class Clock:
    def __init__(self) -> None:
        self.day = datetime.date(2026, 11, 27)  # a Friday

    def __call__(self) -> datetime.date:
        return self.day


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    c = Clock()
    monkeypatch.setattr("careercli.profile.today", c)
    return c


def _json(run: Run, *args: str, data: Path) -> dict[str, object]:
    result = run(*args, "--json", data=data)
    assert result.exit_code == 0, result.stderr
    out: dict[str, object] = json.loads(result.stdout)
    return out


def test_progress_counts_phases_this_month_and_days(run: Run, mini: Path, clock: Clock) -> None:
    run("profile", "add", "sql", data=mini)  # 27 Nov: last month by the time we look
    clock.day = datetime.date(2026, 12, 1)
    run("profile", "add", "python", data=mini)
    run("profile", "add", "pytorch", "--level", "awareness", data=mini)
    clock.day = datetime.date(2026, 12, 2)
    run("profile", "add", "pytorch", "--level", "practitioner", data=mini)
    run("profile", "target", "MLE", data=mini)
    report = _json(run, "progress", data=mini)
    assert report["role"] == "machine-learning-engineer"
    counts = report["progress"]
    assert isinstance(counts, dict)
    assert (counts["essential_have"], counts["essential_total"]) == (2, 2)
    assert (counts["all_have"], counts["all_total"]) == (3, 5)
    phases = report["phases"]
    assert isinstance(phases, list)
    had = [(p["phase"], [s["name"] for s in p["skills"] if s["have"]], p["done"]) for p in phases]
    assert had == [("Foundation", ["Python"], True), ("Core Skills", ["PyTorch"], False)]
    month = report["this_month"]
    assert isinstance(month, list)
    # python on the 1st, pytorch raised to practitioner on the 2nd; awareness and
    # November's SQL are not this month's skills done
    assert [(m["skill"], m["name"], m["level"], m["date"]) for m in month] == [
        ("python", "Python", "working", "2026-12-01"),
        ("pytorch", "PyTorch", "practitioner", "2026-12-02"),
    ]
    activity = report["activity"]
    assert isinstance(activity, dict)
    assert activity["changes_by_day"] == {"2026-11-27": 1, "2026-12-01": 2, "2026-12-02": 2}
    page = run("progress", data=mini, width=80).stdout
    assert "Foundation ✓" in page and "1 of 2" in page
    assert "Skills done in December 2026 (2)" in page
    assert "12 weeks to 2026-12-02: 5 changes" in page
    wed = next(line for line in page.splitlines() if line.startswith(" Wed"))
    assert wed.endswith("▒")  # two changes today, the last cell of the strip


def test_a_skill_done_this_month_counts_once(run: Run, mini: Path, clock: Clock) -> None:
    clock.day = datetime.date(2026, 12, 1)
    run("profile", "add", "sql", data=mini)
    run("profile", "add", "sql", "--level", "expert", data=mini)
    run("profile", "add", "sql", "--level", "practitioner", data=mini)  # lowered: not done again
    month = _json(run, "progress", "MLE", data=mini)["this_month"]
    assert month == [
        {"date": "2026-12-01", "skill": "sql", "name": "SQL", "level": "working", "for_role": True}
    ]


def test_an_awareness_level_is_not_having_the_skill(run: Run, mini: Path, clock: Clock) -> None:
    run("profile", "add", "python", "--level", "awareness", data=mini)
    report = _json(run, "progress", "MLE", data=mini)
    assert report["progress"]["all_have"] == 0  # type: ignore[index]
    assert report["levels"] == {"awareness": 1}


def test_next_is_in_learning_order_with_why(run: Run, mini: Path, clock: Clock) -> None:
    run("profile", "add", "python", data=mini)
    steps = _json(run, "next", "MLE", data=mini)
    nxt = steps["next"]
    assert isinstance(nxt, list)
    # Core Skills first (the next phase), essential before important; then Spark and SQL,
    # which no phase teaches (no listing asks for either: the name breaks the tie)
    assert [s["name"] for s in nxt] == ["PyTorch", "Kubernetes", "Spark", "SQL"]
    first = nxt[0]
    assert first["phase"] == "Learning Path › Core Skills" and first["source"] == "guide-a"
    assert first["essentials_missing"] == 1 and first["listings"] == 5
    # fit weighs essential 3, important 2, useful 1 (of 10): Python has 30%
    assert (first["fit_before"], first["fit_after"]) == (30.0, 60.0)
    assert nxt[1]["fit_after"] == 50.0
    top = _json(run, "next", "MLE", "--top", "1", data=mini)
    assert len(top["next"]) == 1 and top["skills_left"] == 4  # type: ignore[arg-type]
    page = " ".join(run("next", "MLE", "--top", "2", data=mini, width=80).stdout.split())
    assert "1. PyTorch (essential) taught in Learning Path › Core Skills [1]" in page
    assert "1 of the 1 essentials you lack" in page and "fit 30% → 60%" in page
    assert "2 more after these: careercli path" in page


def test_a_skill_at_awareness_level_is_still_to_learn_and_says_so(
    run: Run, mini: Path, clock: Clock
) -> None:
    run("profile", "add", "python", data=mini)
    run("profile", "add", "pytorch", "--level", "awareness", data=mini)
    first = _json(run, "next", "MLE", data=mini)["next"][0]  # type: ignore[index]
    assert first["name"] == "PyTorch" and first["your_level"] == "awareness"
    assert first["fit_before"] == pytest.approx(37.5)  # a quarter of its weight of 3


def test_every_skill_had_says_so(run: Run, mini: Path, clock: Clock) -> None:
    run("profile", "add", "python", "pytorch", "kubernetes", "sql", "spark", data=mini)
    out = run("next", "MLE", data=mini).stdout
    assert "Your profile has every skill the role names." in out


@pytest.mark.parametrize("command", ["progress", "next"])
def test_without_a_role_or_a_target_is_a_usage_error(run: Run, mini: Path, command: str) -> None:
    result = run(command, data=mini)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert f"{command} needs a role: name one, or set your target" in result.stderr


def test_a_target_this_kb_lacks_is_said(run: Run, mini: Path, hermetic: Path) -> None:
    home = hermetic / "home"
    home.mkdir()
    (home / "profile.json").write_text(
        '{"version": 2, "skills": {}, "target": "astronaut", "history": []}'
    )
    result = run("next", data=mini)
    assert result.exit_code == 2
    assert "your target role 'astronaut' is not in this knowledge base" in result.stderr


def test_progress_page_shape(run: Run, clock: Clock, snapshot: SnapshotAssertion) -> None:
    """The page at 80 columns on the bundled KB, a profile built over three days."""
    run("profile", "add", "python", "statistics")
    clock.day = datetime.date(2026, 12, 1)
    run("profile", "add", "pytorch", "docker", "--level", "practitioner")
    clock.day = datetime.date(2026, 12, 2)
    run("profile", "add", "sql", "--level", "awareness")
    run("profile", "target", "ML Engineer")
    for args in (["progress"], ["next"], ["plan", "--start", "2027-01-04"]):
        result = run(*args, width=80)
        assert result.exit_code == 0, result.stderr
        assert result.stdout == snapshot(name=" ".join(args[:1]))


def test_path_with_no_role_goes_from_the_profile_to_the_target(
    run: Run, mini: Path, clock: Clock
) -> None:
    none = run("path", data=mini)
    assert none.exit_code == 2 and "path needs a role" in none.stderr
    run("profile", "add", "python", data=mini)
    run("profile", "target", "MLE", data=mini)
    data = json.loads(run("path", "--json", data=mini).stdout)
    assert (data["to"], data["start_from"]) == ("machine-learning-engineer", "profile")
    out = run("path", data=mini).stdout
    assert out.startswith("From your profile to Machine Learning Engineer")
