"""`careercli plan`: a role's roadmap on the calendar, at the pace of a background a source
states, done phases moved out of the way; as a checklist and as iCalendar."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from icalendar import Calendar

from careercli.query.plan import add_months, after
from tests.conftest import Run

DAY = datetime.date(2026, 12, 2)


@pytest.fixture(autouse=True)
def on_day(monkeypatch: pytest.MonkeyPatch) -> datetime.date:
    monkeypatch.setattr("careercli.profile.today", lambda: DAY)
    return DAY


def _plan(run: Run, *args: str, data: Path | None = None) -> dict[str, object]:
    result = run("plan", *args, "--json", data=data)
    assert result.exit_code == 0, result.stderr
    data_: dict[str, object] = json.loads(result.stdout)
    return data_


def _dates(plan: dict[str, object]) -> list[tuple[str, str]]:
    phases = plan["phases"]
    assert isinstance(phases, list)
    return [(p["start"], p["last_day"]) for p in phases]


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        ("2024-01-31", 1, "2024-02-29"),  # a leap year's February
        ("2023-01-31", 1, "2023-02-28"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2026-08-31", 6, "2027-02-28"),
        ("2026-12-15", 1, "2027-01-15"),  # across the year
    ],
)
def test_whole_months_keep_to_the_calendar(start: str, months: int, end: str) -> None:
    assert add_months(datetime.date.fromisoformat(start), months).isoformat() == end


def test_weeks_are_days_and_part_months_are_days() -> None:
    assert after(DAY, 8, "weeks") == DAY + datetime.timedelta(days=56)
    assert after(datetime.date(2027, 1, 1), 1.5, "months") == datetime.date(2027, 2, 16)


def test_each_phase_from_the_start_at_the_upper_end_of_its_range(run: Run, mini: Path) -> None:
    plan = _plan(run, "MLE", "--start", "2024-01-31", data=mini)
    # Foundation by 6-9 months, Core Skills by 9-15: 9 months, then 6 more, each from
    # the start date (so a month's end does not drift: Jan 31 -> Oct 31 -> Apr 30); a
    # phase's last day is the day before the next one starts
    assert _dates(plan) == [("2024-01-31", "2024-10-30"), ("2024-10-31", "2025-04-29")]
    assert plan["last_day"] == "2025-04-29" and plan["total"] == 15 and plan["unit"] == "months"
    assert plan["planned_at"] == "the upper end of each range"
    assert plan["source"] == "guide-a" and plan["source_file"] == "a.txt"


def test_a_leap_day_start(run: Run, mini: Path) -> None:
    plan = _plan(run, "MLE", "--start", "2024-02-29", data=mini)
    assert _dates(plan) == [("2024-02-29", "2024-11-28"), ("2024-11-29", "2025-05-28")]


def test_the_default_start_is_today(run: Run, mini: Path) -> None:
    assert _dates(_plan(run, "MLE", data=mini))[0][0] == DAY.isoformat()


def test_phases_the_profile_covers_are_done_and_the_rest_move_earlier(run: Run, mini: Path) -> None:
    assert run("profile", "add", "python", data=mini).exit_code == 0
    plan = _plan(run, "MLE", "--start", "2027-01-01", data=mini)
    phases = plan["phases"]
    assert isinstance(phases, list)
    assert [p["done"] for p in phases] == [True, False]
    assert phases[0]["start"] is None and phases[0]["last_day"] is None
    assert phases[1]["start"] == "2027-01-01" and phases[1]["last_day"] == "2027-06-30"
    assert phases[0]["skills"] == [{"skill": "python", "name": "Python", "have": True}]
    assert plan["saved"] == 9
    page = " ".join(run("plan", "MLE", "--start", "2027-01-01", data=mini).stdout.split())
    assert (
        "Done already (your profile has every skill they teach): Foundation; 9 months sooner."
        in page
    )
    # a skill at awareness level does not make a phase done
    run("profile", "add", "python", "--level", "awareness", data=mini)
    plan = _plan(run, "MLE", data=mini)
    assert [p["done"] for p in plan["phases"]] == [False, False]  # type: ignore[union-attr]


def test_a_background_timeline_scales_the_phases_and_says_so(run: Run) -> None:
    plan = _plan(run, "ML & AI Engineer", "--background", "ml", "--start", "2027-01-01")
    scaled = plan["scaled_to"]
    assert isinstance(scaled, dict)
    assert scaled["label"] == "ML background" and scaled["scaled_by"] == "careercli"
    assert scaled["duration"]["max"] == 12 and plan["unit"] == "months"
    assert plan["last_day"] == "2027-12-31"  # the 40-week plan scaled to 12 months
    page = " ".join(run("plan", "ML & AI Engineer", "--background", "ml", width=80).stdout.split())
    assert (
        "the source gives 9-12 months for “ML background” [1], as a total only; "
        "careercli scaled the phases to it" in page
    )
    # seed 003's own key is understood too
    same = _plan(run, "ML & AI Engineer", "--background", "ml_background", "--start", "2027-01-01")
    assert same == plan


def test_a_background_the_role_has_no_timeline_for_is_said(run: Run, mini: Path) -> None:
    result = run("plan", "MLE", "--background", "beginner", data=mini)
    assert result.exit_code == 0
    assert "The sources state no timeline for a complete beginner for this role" in " ".join(
        result.stdout.split()
    )


def test_the_target_role_is_the_default(run: Run, mini: Path) -> None:
    none = run("plan", data=mini)
    assert none.exit_code == 2
    assert (
        "plan needs a role: name one, or set your target with careercli profile target"
        in none.stderr
    )
    run("profile", "target", "MLE", data=mini)
    assert _plan(run, data=mini)["role"] == "machine-learning-engineer"


def test_a_role_without_a_roadmap_points_to_the_nearest_with_one(run: Run, mini: Path) -> None:
    result = run("plan", "Data Engineer", data=mini)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "no roadmap with phase times for Data Engineer; the nearest role with one is" in (
        result.stderr
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--start", "2027-02-30"], "--start '2027-02-30' is not a date: give it as YYYY-MM-DD"),
        (["--start", "next monday"], "is not a date"),
        (["--start", "20270101"], "give it as YYYY-MM-DD"),
        (["--start", "2027-W01-1"], "give it as YYYY-MM-DD"),
        (["--background", "guru"], "choose from: beginner, ml, full-time"),
        (["--format", "ics", "--json"], "--json and --format ics ask for two outputs"),
        (["--start", "9999-12-01"], "past the year 9999"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    run: Run, mini: Path, args: list[str], message: str
) -> None:
    result = run("plan", "MLE", *args, data=mini)
    assert result.exit_code == 2, result.stdout
    assert result.stderr.count("\n") == 1 and message in result.stderr


def test_the_ics_is_one_event_per_phase_to_do_and_parses_back(run: Run, mini: Path) -> None:
    run("profile", "add", "python", data=mini)
    result = run("plan", "MLE", "--start", "2027-01-31", "--format", "ics", data=mini)
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"BEGIN:VCALENDAR\r\n")
    cal = Calendar.from_ical(result.stdout_bytes)
    events = cal.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Machine Learning Engineer: Core Skills"]
    event = events[0]
    assert event.decoded("DTSTART") == datetime.date(2027, 1, 31)
    assert event.decoded("DTEND") == datetime.date(2027, 7, 31)
    assert "Source: Guide A, 2025" in str(event["DESCRIPTION"])
    again = run("plan", "MLE", "--start", "2027-01-31", "--format", "ics", data=mini)
    assert again.stdout_bytes == result.stdout_bytes  # the same plan, the same bytes


def test_the_markdown_is_a_dated_checklist(run: Run, mini: Path) -> None:
    run("profile", "add", "python", data=mini)
    md = run("plan", "MLE", "--start", "2027-01-01", "--format", "markdown", data=mini).stdout
    assert md.startswith("# Plan: Machine Learning Engineer\n")
    assert "## Foundation: done (the source: by 6-9 months)\n\n- [x] Python\n" in md
    assert "## Core Skills: 2027-01-01 to 2027-06-30 (the source: by 9-15 months)" in md
    assert "- [ ] Kubernetes" in md and md.rstrip().endswith("- [1] Guide A, 2025")
