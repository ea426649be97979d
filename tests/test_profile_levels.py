"""Profile format 2: skills with levels, a target role, every change dated; a format-1
profile migrates in place with nothing lost; a newer one is refused and left as it is."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from careercli.profile import VERSION, Profile
from tests.conftest import Run

DAY = datetime.date(2026, 12, 2)


@pytest.fixture
def on_day(monkeypatch: pytest.MonkeyPatch) -> datetime.date:
    monkeypatch.setattr("careercli.profile.today", lambda: DAY)
    return DAY


def _file(home: Path) -> Path:
    return home / "home" / "profile.json"


def test_a_version_1_profile_migrates_in_place_keeping_a_copy(
    run: Run, mini: Path, hermetic: Path, on_day: datetime.date
) -> None:
    path = _file(hermetic)
    path.parent.mkdir(parents=True)
    old = b'{"version": 1, "skills": ["python", "sql", "gone-from-the-kb"]}\n'
    path.write_bytes(old)
    result = run("profile", "show", "--json", data=mini)  # a read migrates too
    assert result.exit_code == 0, result.stderr
    saved = json.loads(path.read_text())
    assert saved["version"] == VERSION
    # nothing lost: every id kept (even one this KB no longer has), at the default level
    assert saved["skills"] == {
        s: {"level": "working", "since": None} for s in ("gone-from-the-kb", "python", "sql")
    }
    assert saved["history"] == [{"date": "2026-12-02", "action": "migrate"}]
    assert (path.parent / "profile.json.v1").read_bytes() == old
    again = run("profile", "show", "--json", data=mini)
    assert json.loads(again.stdout)["skills"] == json.loads(result.stdout)["skills"]
    assert json.loads(path.read_text()) == saved  # migrated once


def test_a_read_only_version_1_profile_is_read_as_it_is(
    run: Run, mini: Path, hermetic: Path
) -> None:
    path = _file(hermetic)
    path.parent.mkdir(parents=True)
    path.write_text('{"version": 1, "skills": ["python"]}')
    path.chmod(0o444)
    result = run("match", "--json", data=mini)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["skills"] == ["python"]
    assert path.read_text() == '{"version": 1, "skills": ["python"]}'


def test_levels_are_saved_and_changed_with_the_day(
    run: Run, mini: Path, hermetic: Path, on_day: datetime.date
) -> None:
    assert run("profile", "add", "python", data=mini).stdout == "added: Python (1 in profile)\n"
    out = run("profile", "add", "python", "sql", "--level", "expert", data=mini).stdout
    assert out == "added at expert level: SQL; now at expert level: Python (2 in profile)\n"
    saved = json.loads(_file(hermetic).read_text())
    assert saved["skills"]["python"] == {"level": "expert", "since": "2026-12-02"}
    assert [e["action"] for e in saved["history"]] == ["add", "add", "level"]
    bad = run("profile", "add", "python", "--level", "guru", data=mini)
    assert bad.exit_code == 2 and "awareness, working, practitioner, expert" in bad.stderr
    short = run("profile", "add", "sql", "--level", "aware", data=mini)  # a short name
    assert short.exit_code == 0 and "now at awareness level: SQL" in short.stdout
    # adding again without --level keeps the level saved
    again = run("profile", "add", "sql", "python", data=mini)
    assert again.stdout == "already in profile: Python, SQL (2 in profile)\n"
    assert json.loads(_file(hermetic).read_text())["skills"]["sql"]["level"] == "awareness"


def test_target_is_saved_shown_and_cleared(
    run: Run, mini: Path, hermetic: Path, on_day: datetime.date
) -> None:
    assert run("profile", "target", data=mini).stdout.startswith("no target role set")
    assert run("profile", "target", "MLE", data=mini).stdout == (
        "target: Machine Learning Engineer\n"
    )
    assert run("profile", "target", data=mini).stdout == "target: Machine Learning Engineer\n"
    saved = json.loads(_file(hermetic).read_text())
    assert saved["target"] == "machine-learning-engineer"
    assert saved["history"][-1] == {
        "date": "2026-12-02", "action": "target", "role": "machine-learning-engineer",
    }  # fmt: skip
    unknown = run("profile", "target", "basket weaver", data=mini)
    assert unknown.exit_code == 1 and unknown.stderr.count("\n") == 1
    assert json.loads(_file(hermetic).read_text()) == saved  # untouched by the failure
    assert run("profile", "target", "--clear", data=mini).stdout == "target cleared\n"
    assert json.loads(_file(hermetic).read_text())["target"] is None


@pytest.mark.parametrize(
    "text",
    [
        '{"version": 2, "skills": {"python": {"level": "guru", "since": null}}}',
        '{"version": 2, "skills": {"python": {"level": "working", "since": "yesterday"}}}',
        '{"version": 2, "skills": ["python"]}',
        '{"version": 2, "skills": {}, "history": [{"date": "2026-01-01", "action": "dance"}]}',
        '{"version": 2, "skills": {}, "target": 7}',
        '{"version": 0, "skills": []}',
    ],
)
def test_a_profile_with_a_wrong_field_is_invalid_and_left_alone(
    run: Run, mini: Path, hermetic: Path, text: str
) -> None:
    path = _file(hermetic)
    path.parent.mkdir(parents=True)
    path.write_text(text)
    result = run("profile", "add", "sql", data=mini)
    assert result.exit_code == 1 and "is not valid; it was left as it is" in result.stderr
    assert path.read_text() == text


def test_the_format_round_trips() -> None:
    p = Profile().with_skills(["python"], "practitioner", DAY).with_target("mle", DAY)
    p = p.without(["python"], DAY + datetime.timedelta(days=1))
    assert Profile.from_json(json.loads(p.to_json())) == p


def test_migrating_through_a_write_keeps_the_migrate_event(
    run: Run, mini: Path, hermetic: Path, on_day: datetime.date
) -> None:
    path = _file(hermetic)
    path.parent.mkdir(parents=True)
    path.write_text('{"version": 1, "skills": ["sql"]}')
    assert run("profile", "add", "python", data=mini).exit_code == 0
    history = json.loads(path.read_text())["history"]
    assert [e["action"] for e in history] == ["migrate", "add"]


def test_a_long_history_never_makes_a_profile_too_big_to_read(
    run: Run, mini: Path, hermetic: Path
) -> None:
    from careercli.profile import MAX_BYTES

    path = _file(hermetic)
    path.parent.mkdir(parents=True)
    event = {"date": "2026-01-01", "action": "level", "skill": "python", "level": "working"}
    data = {"version": 2, "skills": {"python": {"level": "working", "since": None}},
            "target": None, "history": [event]}  # fmt: skip
    one = len(json.dumps(data, indent=2))
    per_event = len(json.dumps(data | {"history": [event] * 2}, indent=2)) - one
    data["history"] = [event] * ((MAX_BYTES - one - 200) // per_event)  # just under the cap
    path.write_text(json.dumps(data, indent=2))
    assert path.stat().st_size < MAX_BYTES
    for _ in range(3):
        assert (
            run("profile", "add", "sql", "pytorch", "--level", "expert", data=mini).exit_code == 0
        )
        assert run("profile", "add", "sql", "--level", "awareness", data=mini).exit_code == 0
    assert path.stat().st_size <= MAX_BYTES
    assert run("profile", "show", data=mini).exit_code == 0  # still readable
    saved = json.loads(path.read_text())
    assert saved["history"][-1]["level"] == "awareness"  # the newest kept, the oldest dropped


def test_a_key_given_twice_is_invalid_and_left_alone(run: Run, mini: Path, hermetic: Path) -> None:
    path = _file(hermetic)
    path.parent.mkdir(parents=True)
    text = (
        '{"version": 2, "skills": {"python": {"level": "expert", "since": null}, '
        '"python": {"level": "working", "since": null}}}'
    )
    path.write_text(text)
    result = run("profile", "add", "sql", data=mini)
    assert result.exit_code == 1 and "is not valid" in result.stderr
    assert path.read_text() == text


def test_next_and_progress_on_a_role_the_sources_only_name(run: Run) -> None:
    run("profile", "add", "python")
    for command in ("next", "progress"):
        out = run(command, "Data Analyst", width=80).stdout
        assert "The sources name no skills for Data Analyst." in out, command
        assert "0/0" not in out and "every skill" not in out
