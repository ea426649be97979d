"""Issue 11 (hardening II): one test per finding of the attack report, then fuzzing.

Text from a file never drives the terminal; a damaged cache heals; an edit is never
answered from the old cache; bytes, encodings, closed or full streams, odd profile files
and odd environments each give an answer or one line, never a traceback or a hang.
"""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from careercli.cli import app
from tests.conftest import MINI, Run

EXE = Path(sys.executable).parent / "careercli"
ESC_CLIPBOARD = "\x1b]52;c;ZXZpbA==\x07\x1b[2J"


def write(tmp_path: Path, text: str, name: str = "kb.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def one_error(err: str) -> None:
    assert err.startswith("careercli: error: ") and err.count("\n") == 1, err


def no_controls(text: str) -> None:
    """No C0 or C1 control character but newline (and tab)."""
    bad = [c for c in text if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0]
    assert not bad, bad


def cache_file(hermetic: Path, data: Path) -> Path:
    from careercli.kb.store import open_catalog

    catalog = open_catalog(data)
    assert catalog.cache_file is not None
    catalog.close()
    return Path(catalog.cache_file)


# --- 1. escape sequences -------------------------------------------------------------------


def test_validate_reports_control_characters_with_their_location(run: Run, tmp_path: Path) -> None:
    text = MINI.read_text().replace("Builds production ML systems.", "Builds\\e[2J systems.")
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        text.replace("summary: Builds\\e[2J systems.", 'summary: "Builds\\e[2J systems."')
    )
    result = run("validate", str(bad))
    assert result.exit_code == 1
    assert "roles[0].summary: control character U+001B (escape) at character 7" in result.stderr
    assert result.stdout == ""


def test_a_forged_cache_row_with_escapes_never_reaches_the_terminal(
    run: Run, hermetic: Path
) -> None:
    """The cache is written by careercli from validated YAML; a row forged behind its back
    may hold anything, and the page still shows it only as text."""
    db = cache_file(hermetic, MINI)
    with sqlite3.connect(db) as conn:
        (raw,) = conn.execute("SELECT json FROM roles WHERE id = 'data-engineer'").fetchone()
        role = json.loads(raw)
        role["summary"] = f"Pipelines{ESC_CLIPBOARD}\x9b31m"
        conn.execute("UPDATE roles SET json = ? WHERE id = 'data-engineer'", (json.dumps(role),))
    for args in (("role", "Data Engineer"), ("role", "Data Engineer", "--json")):
        result = run(*args, data=MINI)
        assert result.exit_code == 0
        no_controls(result.stdout)
        assert "Pipelines" in result.stdout
    assert "\\u009b31m" in run("role", "Data Engineer", "--json", data=MINI).stdout


def test_the_terminal_page_keeps_its_styles_but_not_a_files_escapes() -> None:
    from rich.console import Console
    from rich.text import Text

    from careercli.terminal import Scrubbed

    console = Console(force_terminal=True, color_system="standard", width=60)
    with console.capture() as captured:
        console.print(Scrubbed(Text(f"Data {ESC_CLIPBOARD}Engineer\x9b2J", style="bold")))
    out = captured.get()
    assert "\x1b[1m" in out  # Rich's bold
    assert "]52;" in out and "\x1b]52" not in out and "\x1b[2J" not in out and "\x9b" not in out


def test_profile_show_prints_unknown_ids_without_their_escapes(run: Run, hermetic: Path) -> None:
    home = hermetic / "home"
    home.mkdir()
    skills = ["python", "\x1b]52;c;SGVsbG8=\x1b\\", "x\x9b31m"]
    (home / "profile.json").write_text(json.dumps({"version": 1, "skills": skills}))
    result = run("profile", "show", data=MINI)
    assert result.exit_code == 0
    no_controls(result.stdout)
    assert "Not in this knowledge base: ?]52;c;SGVsbG8=?\\, x?31m" in result.stdout
    as_json = run("profile", "show", "--json", data=MINI).stdout
    no_controls(as_json)
    assert json.loads(as_json)["unknown_skills"] == skills[1:]


# --- 2. a damaged cache ----------------------------------------------------------------------


def _damage(db: Path, how: str) -> None:
    conn = sqlite3.connect(db)
    if how == "page":
        (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'roles'").fetchone()
        (size,) = conn.execute("PRAGMA page_size").fetchone()
        conn.close()
        raw = bytearray(db.read_bytes())
        raw[(root - 1) * size + 8 : root * size] = b"\xab" * (size - 8)
        db.write_bytes(bytes(raw))
        return
    if how == "schema":
        conn.executescript("DROP TABLE roles; CREATE TABLE roles(x);")
    elif how == "meta-only":
        tables = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search%'"
        ).fetchall()
        for (name,) in tables:
            if name != "meta":
                conn.execute(f"DROP TABLE {name}")
        conn.execute("DROP TABLE search")
    elif how == "forged-row":
        (raw,) = conn.execute("SELECT json FROM roles WHERE id = 'data-engineer'").fetchone()
        role = json.loads(raw)
        role["salaries"][0]["level"] = "bogus"
        conn.execute("UPDATE roles SET json = ? WHERE id = 'data-engineer'", (json.dumps(role),))
    elif how == "deep-json":
        deep = '{"x": ' + "[" * 200_000 + "]" * 200_000 + "}"
        conn.execute("UPDATE roles SET json = ? WHERE id = 'data-engineer'", (deep,))
    elif how == "huge-pay":
        conn.execute("UPDATE pay SET min = 1e308, max = 1.7e308, low = 1e308, high = 1.7e308")
    elif how == "zero-sample":
        conn.execute("UPDATE listings SET sample = 0")
    elif how == "meta-not-json":
        conn.execute("UPDATE meta SET value = '{not json' WHERE key = 'sources'")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "how",
    ["page", "schema", "meta-only", "forged-row", "meta-not-json", "deep-json"],
)  # fmt: skip
@pytest.mark.parametrize(
    "args",
    [("role", "Data Engineer"), ("salary",), ("search", "spark"), ("match", "sql"),
     ("skill", "python")],
)  # fmt: skip
def test_a_damaged_cache_is_discarded_and_the_answer_comes_from_the_yaml(
    run: Run, hermetic: Path, how: str, args: tuple[str, ...]
) -> None:
    """A forged row that reads well is served as it is (the cache is careercli's own
    file); one that breaks a page (an unknown level) counts as damage."""
    expected = run(*args, data=MINI).stdout
    _damage(cache_file(hermetic, MINI), how)
    first = run(*args, data=MINI)
    assert (first.exit_code, first.stdout) == (0, expected)
    assert first.stderr in ("", "careercli: the cache was damaged: it was discarded, the answer "
                            "is from the YAML\n")  # fmt: skip
    again = run(*args, data=MINI)  # healed: rebuilt once, no note
    assert (again.exit_code, again.stdout, again.stderr) == (0, expected, "")


@pytest.mark.parametrize(
    ("how", "args"),
    [("huge-pay", ("salary", "--level", "entry")), ("zero-sample", ("skill", "python"))],
)
def test_forged_figures_that_break_a_page_count_as_damage(
    run: Run, hermetic: Path, how: str, args: tuple[str, ...]
) -> None:
    expected = run(*args, data=MINI).stdout
    _damage(cache_file(hermetic, MINI), how)
    first = run(*args, data=MINI)
    assert (first.exit_code, first.stdout) == (0, expected)
    assert first.stderr.startswith("careercli: the cache was damaged")


def test_a_damaged_cache_that_cannot_be_deleted_still_gives_the_answer(
    run: Run, hermetic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = run("role", "Data Engineer", data=MINI).stdout
    _damage(cache_file(hermetic, MINI), "page")
    real_unlink = Path.unlink

    def refuse(self: Path, missing_ok: bool = False) -> None:
        if self.name.startswith("kb-"):
            raise PermissionError("read-only")
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", refuse)
    result = run("role", "Data Engineer", data=MINI)
    assert (result.exit_code, result.stdout) == (0, expected)
    assert result.stderr.count("\n") == 1


def test_a_pointer_file_that_is_deep_json_is_ignored(run: Run, hermetic: Path) -> None:
    expected = run("role", "MLE", data=MINI).stdout
    for pointer in (hermetic / "cache").glob("path-*.json"):
        pointer.write_text("[" * 60_000)
    result = run("role", "MLE", data=MINI)
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected, "")


# --- 3. stale answers on filesystems with 1-second timestamps --------------------------------


def test_an_edit_with_its_mtime_restored_is_never_answered_from_the_old_cache(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As on ext4 with 128-byte inodes, HFS+ or FAT: timestamps in whole seconds."""
    from careercli.kb import store

    real = store._fingerprint

    def coarse(path: Path) -> list[int] | None:
        found = real(path)
        return (
            None
            if found is None
            else [found[0], *(t // 10**9 * 10**9 for t in found[1:3]), found[3]]
        )

    monkeypatch.setattr(store, "_fingerprint", coarse)
    kb = tmp_path / "kb.yaml"
    old = time.time() - 3600
    for pay in ("90001", "90002", "90003"):
        kb.write_text(MINI.read_text().replace("min: 90000", f"min: {pay}"))
        os.utime(kb, (old, old))  # touch -d, tar, rsync -t, cp -p
        result = run("salary", "Data Engineer", "--json", data=kb)
        assert json.loads(result.stdout)[0]["min"] == int(pay)


# --- 4. arguments that are not UTF-8 -------------------------------------------------------------

BAD = "ml\udcffe"  # what Python makes of the byte 0xff in argv


@pytest.mark.parametrize(
    "args",
    [("role", BAD), ("skill", BAD), ("match", BAD), ("compare", BAD, "MLE"), ("path", "MLE", BAD),
     ("salary", BAD), ("roadmap", BAD), ("profile", "add", BAD), ("profile", "remove", BAD),
     ("search", BAD), ("industry", BAD), ("roles", "--family", BAD), ("role", "\ud800")],
)  # fmt: skip
def test_arguments_that_are_not_utf8_are_a_usage_error(run: Run, args: tuple[str, ...]) -> None:
    result = run(*args, data=MINI)
    assert result.exit_code == 2
    one_error(result.stderr)
    assert "is not valid UTF-8 text" in result.stderr


@pytest.mark.parametrize("name", ["kb\ud800.yaml", "kb\x00.yaml"])
def test_a_data_path_no_file_can_have_is_one_line(run: Run, name: str) -> None:
    result = run("--data", name, "role", "MLE")
    assert result.exit_code == 1
    one_error(result.stderr)


def test_the_environment_variable_is_named_when_it_gave_the_path(run: Run) -> None:
    result = run("role", "MLE", CAREERCLI_DATA="~nosuchuser-careercli/kb.yaml")
    assert result.stderr.startswith("careercli: error: CAREERCLI_DATA '~nosuchuser-careercli")


def test_a_file_name_that_is_not_utf8_is_still_a_file_name(run: Run, tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / "kb\udcff.yaml"))
    assert result.exit_code == 1
    assert "no such file" in result.stderr and result.stderr.count("\n") == 1


# --- 5. output the terminal cannot encode ------------------------------------------------------

EVERY_PAGE = [
    ("role", "MLE"), ("skill", "python"), ("compare", "MLE", "Data Scientist"),
    ("path", "Data Scientist", "MLE"), ("roadmap",), ("roadmap", "MLE"), ("roles",),
    ("skills",), ("salary",), ("search", "python"), ("industry",), ("match", "python"),
    ("profile", "show"), ("validate",), ("roadmap", "MLE", "--json"), ("role", "MLE", "--json"),
    ("roadmap", "MLE", "--format", "markdown"),
]  # fmt: skip


@pytest.mark.parametrize("charset", ["ascii", "latin-1"])
def test_every_page_prints_where_the_encoding_lacks_its_symbols(charset: str) -> None:
    runner = CliRunner(charset=charset)
    for args in EVERY_PAGE:
        result = runner.invoke(app, list(args), env={"COLUMNS": "80"}, catch_exceptions=False)
        assert result.exit_code == 0, (args, result.stderr)
        assert result.stdout_bytes.decode(charset).strip(), args
        if charset == "ascii":
            result.stdout_bytes.decode("ascii")  # nothing outside it, not even in JSON
    role = runner.invoke(app, ["role", "MLE"], env={"COLUMNS": "80"}).stdout
    assert "Machine Learning Engineer" in role and "?" not in role.splitlines()[1]


# --- 6. number options ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [("match", "python", "--top", "9223372036854775808"), ("match", "python", "--top", "0"),
     ("search", "python", "--limit", "100000000000000000000"),
     ("match", "python", "--top", "9" * 5000)],
)  # fmt: skip
def test_every_number_option_is_bounded(run: Run, args: tuple[str, ...]) -> None:
    result = run(*args, data=MINI)
    assert result.exit_code == 2
    one_error(result.stderr)
    assert "set_int_max_str_digits" not in result.stderr and len(result.stderr) <= 460


# --- 7. writing the answer fails -------------------------------------------------------------


@pytest.mark.parametrize("args", [("role", "MLE"), ("role", "MLE", "--json"), ("roles",),
                                  ("roadmap", "MLE", "--format", "markdown")])  # fmt: skip
def test_a_full_disk_or_a_closed_stdout_is_one_line_and_a_failure(
    args: tuple[str, ...], hermetic: Path
) -> None:
    words = " ".join(f"'{a}'" for a in args)
    for redirect in ("> /dev/full", ">&-"):
        proc = subprocess.run(
            ["bash", "-c", f"'{EXE}' --data '{MINI}' {words} {redirect}"],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert proc.returncode == 1, (redirect, proc.stderr)
        assert proc.stderr.startswith("careercli: error: cannot write the answer: "), proc.stderr
        assert proc.stderr.count("\n") == 1


def test_a_pipe_closed_after_the_first_bytes_exits_141(hermetic: Path) -> None:
    """``careercli skills --json | head -c 10``: the reader leaves mid-answer."""
    proc = subprocess.Popen([str(EXE), "skills", "--json"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    fcntl.fcntl(proc.stdout.fileno(), fcntl.F_SETPIPE_SZ, 4096)  # less than the answer
    assert len(proc.stdout.read(10)) == 10
    proc.stdout.close()
    assert proc.wait(timeout=60) == 141
    assert proc.stderr.read() == b""


# --- 8. COLUMNS that are not a width ---------------------------------------------------------


@pytest.mark.parametrize("columns", ["0", "-5", "abc", ""])
def test_a_columns_value_that_is_no_width_is_ignored(run: Run, columns: str) -> None:
    expected = run("role", "MLE", data=MINI, width=80).stdout
    result = run("role", "MLE", data=MINI, COLUMNS=columns)
    assert (result.exit_code, result.stdout) == (0, expected)


# --- 9, 10, 14. profile files ------------------------------------------------------------------


def test_a_fifo_where_the_profile_should_be_is_refused_without_waiting(hermetic: Path) -> None:
    home = hermetic / "home"
    home.mkdir()
    os.mkfifo(home / "profile.json")
    for args in (["profile", "show"], ["profile", "add", "python"], ["role", "MLE"]):
        proc = subprocess.run([str(EXE), "--data", str(MINI), *args], capture_output=True,
                              text=True, timeout=30)  # fmt: skip
        assert "is not a regular file" in proc.stderr, proc.stderr
        assert proc.stderr.count("\n") == 1
        assert proc.returncode == (0 if args[0] == "role" else 1)


def test_a_symlinked_profile_is_written_through_the_link(run: Run, hermetic: Path) -> None:
    dotfiles = hermetic / "dotfiles"
    dotfiles.mkdir()
    target = dotfiles / "careercli.json"
    target.write_text(json.dumps({"version": 1, "skills": ["sql"]}))
    (hermetic / "home").mkdir()
    link = hermetic / "home" / "profile.json"
    link.symlink_to(target)
    assert run("profile", "add", "python", data=MINI).exit_code == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert sorted(json.loads(target.read_text())["skills"]) == ["python", "sql"]


def test_a_read_only_profile_is_reported_and_left_alone(run: Run, hermetic: Path) -> None:
    (hermetic / "home").mkdir()
    profile = hermetic / "home" / "profile.json"
    profile.write_text(json.dumps({"version": 1, "skills": ["sql"]}))
    profile.chmod(0o444)
    before = profile.read_bytes()
    result = run("profile", "add", "python", data=MINI)
    assert result.exit_code == 1
    assert (
        result.stderr == f"careercli: error: profile {profile} is read-only; it was left as it is\n"
    )
    assert profile.read_bytes() == before


def test_a_profile_from_a_newer_careercli_is_refused_and_untouched(
    run: Run, hermetic: Path
) -> None:
    (hermetic / "home").mkdir()
    profile = hermetic / "home" / "profile.json"
    profile.write_text(
        json.dumps(
            {
                "version": 99,
                "skills": ["sql"],
            }
        )
    )
    before = profile.read_bytes()
    for args in (("profile", "add", "python"), ("profile", "show")):
        result = run(*args, data=MINI)
        assert result.exit_code == 1
        one_error(result.stderr)
        assert (
            "is version 99, written by a newer careercli; this one reads version 2" in result.stderr
        )
    assert profile.read_bytes() == before


# --- 11, 13, 16. knowledge base files and messages ---------------------------------------------


@pytest.mark.parametrize(
    ("before", "after", "message"),
    [("min: 90000, max: 120000", "min: 190:00, max: 120000",
      "'190:00' is a base-60 number in YAML 1.1 (it would read as 11400)"),
     ("min: 90000, max: 120000", "min: " + "9" * 5000 + ", max: 120000",
      "number with 5000 digits is too large"),
     ("summary: Builds production ML systems.", "summary: " + "x" * 4001,
      "roles[0].summary: String should have at most 4000 characters"),
     ("    title: Data Engineer\n", "    titel: Data Engineer\n",
      "roles[1].titel: unknown field; did you mean 'title'?"),
     ("min: 90000, max: 120000", "min: 0777, max: 120000",
      "'0777' is an octal number in YAML 1.1 (it would read as 511)"),
     ("min: 90000, max: 120000", "min: " + ":".join(["59"] * 3000) + ", max: 120000",
      "number with 8999 digits is too large")],
)  # fmt: skip
def test_yaml_surprises_and_absurd_sizes_are_errors(
    run: Run, tmp_path: Path, before: str, after: str, message: str
) -> None:
    kb = write(tmp_path, MINI.read_text().replace(before, after))
    result = run("validate", str(kb))
    assert result.exit_code == 1
    assert message in result.stderr
    assert "set_int_max_str_digits" not in result.stderr


def test_an_empty_data_option_says_so(run: Run) -> None:
    result = run("--data", "", "role", "MLE")
    assert result.exit_code == 2
    assert result.stderr == (
        "careercli: error: --data names no file: give the path of a YAML knowledge base\n"
    )


@pytest.mark.parametrize("variable", ["CAREERCLI_HOME", "CAREERCLI_CACHE", "CAREERCLI_DATA"])
def test_a_home_of_no_user_is_one_line(run: Run, variable: str) -> None:
    result = run("profile", "add", "python", **{variable: "~nosuchuser-careercli/x"})
    assert result.exit_code in (1, 2)
    assert result.stderr.startswith("careercli: error: ")
    assert "cannot expand '~' (no user 'nosuchuser-careercli')" in result.stderr
    assert result.stderr.count("\n") == 1


# --- 15. temp files of killed builds --------------------------------------------------


@pytest.mark.empty_cache
def test_temp_builds_left_by_killed_runs_are_swept(run: Run, hermetic: Path) -> None:
    cache = hermetic / "cache"
    cache.mkdir()
    old, fresh = cache / ".kb-dead.sqlite", cache / ".kb-under-way.sqlite"
    for leftover in (old, cache / ".kb-dead.sqlite-journal", fresh):
        leftover.write_bytes(b"x" * 100)
    past = time.time() - 2 * 3600
    os.utime(old, (past, past))
    os.utime(cache / ".kb-dead.sqlite-journal", (past, past))
    assert run("role", "MLE", data=MINI).exit_code == 0
    assert sorted(p.name for p in cache.glob(".kb-*")) == [".kb-under-way.sqlite"]


@pytest.mark.empty_cache
def test_caches_no_path_points_at_and_unread_for_30_days_are_swept_on_a_build(
    run: Run, hermetic: Path, tmp_path: Path
) -> None:
    """What an upgrade leaves (the old version's cache of each KB, and its pointers) goes on
    the next build; a cache this version's pointer names, or read this month, stays."""
    cache = hermetic / "cache"
    second = tmp_path / "second.yaml"
    second.write_bytes(MINI.read_bytes() + b"# another KB\n")
    assert run("role", "MLE", data=second).exit_code == 0  # a pointer and its cache
    (pointed,) = cache.glob("kb-*.sqlite")
    stale, recent, read, old_kind = (cache / f"kb-{c * 64}.sqlite" for c in "abcd")
    for other in (stale, recent, read, old_kind):
        other.write_bytes(b"x" * 100)
    old_pointer, gone_pointer, fresh_pointer = (cache / f"path-{c * 20}.json" for c in "123")
    old_pointer.write_text(json.dumps({"salt": "old version", "file": None, "key": "d" * 64}))
    gone_pointer.write_text(json.dumps({"salt": "old version", "file": None, "key": "e" * 64}))
    fresh_pointer.write_text(json.dumps({"salt": "old version", "file": None, "key": "f" * 64}))
    theirs = [cache / "kb-notes.sqlite", cache / "path-notes.json"]  # not names careercli writes
    for mine in theirs:
        mine.write_text("the user's")
    past = time.time() - 31 * 86400
    for old in (stale, pointed, old_kind, old_pointer, gone_pointer, *theirs):
        os.utime(old, (past, past))
    os.utime(read, (time.time(), past))  # written long ago, read today
    assert run("role", "MLE", data=MINI).exit_code == 0  # builds: sweeps first
    left = {p.name for p in cache.glob("kb-*.sqlite")}
    assert stale.name not in left and old_kind.name not in left
    assert {pointed.name, recent.name, read.name, "kb-notes.sqlite"} <= left
    assert len(left) == 5  # and the cache just built
    pointers = {p.name for p in cache.glob("path-*.json")}
    assert gone_pointer.name not in pointers
    assert {old_pointer.name, fresh_pointer.name, "path-notes.json"} <= pointers
    assert len(pointers) == 5  # and the two of the KBs just read


@pytest.mark.empty_cache
def test_sigterm_during_a_cold_build_leaves_no_temp_file(hermetic: Path, tmp_path: Path) -> None:
    """A build takes long enough on a big KB that SIGTERM lands in it."""
    big = tmp_path / "big.yaml"
    subprocess.run(
        [sys.executable, str(Path(__file__).parents[1] / "bench" / "generate.py"), "--esco",
         "--roles", "600", "--skills", "2500", "--out", str(big)], check=True, capture_output=True,
    )  # fmt: skip
    cache = hermetic / "cache"
    proc = subprocess.Popen([str(EXE), "--data", str(big), "roles"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)  # fmt: skip
    deadline = time.monotonic() + 60
    while not list(cache.glob(".kb-*")) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    proc.terminate()
    code = proc.wait(timeout=60)
    if code == 0:
        pytest.skip("the build finished before SIGTERM landed")
    assert code == 143
    assert list(cache.glob(".kb-*")) == []


# --- fuzzing: random bytes in every argument, random damage to the cache -------------------------

COMMANDS = [
    ["role"], ["skill"], ["match"], ["compare", "MLE"], ["path", "MLE"], ["salary"],
    ["roadmap"], ["search"], ["industry"], ["profile", "add"], ["profile", "remove"],
    ["roles", "--family"], ["skills", "--category"], ["match", "python", "--top"],
    ["guide"], ["--data"],
]  # fmt: skip
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=30)
RAW_BYTES = st.binary(max_size=20).map(lambda b: b.decode("utf-8", "surrogateescape"))
FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip


@FUZZ
@given(command=st.sampled_from(COMMANDS), word=st.one_of(ANY_TEXT, RAW_BYTES))
def test_fuzz_any_argument_gives_an_answer_or_one_line(
    run: Run, command: list[str], word: str
) -> None:
    args = [*command, word] + (["role", "MLE"] if command == ["--data"] else [])
    result = run(*args, data=None if command == ["--data"] else MINI)  # tracebacks propagate
    assert result.exit_code in (0, 1, 2)
    if result.exit_code:
        assert (
            result.stderr.startswith("careercli: error: ") or "careercli: skipped" in result.stderr
        )
    no_controls(result.stdout)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(spots=st.lists(st.tuples(st.floats(0, 1), st.binary(min_size=1, max_size=64)),
                      min_size=1, max_size=8))  # fmt: skip
def test_fuzz_random_damage_to_the_cache_never_changes_the_answer(
    run: Run, hermetic: Path, spots: list[tuple[float, bytes]]
) -> None:
    expected = [run(*args, data=MINI).stdout for args in (("role", "MLE"), ("salary",))]
    db = cache_file(hermetic, MINI)
    raw = bytearray(db.read_bytes())
    for where, junk in spots:
        at = int(where * (len(raw) - 1))
        raw[at : at + len(junk)] = junk
    db.write_bytes(bytes(raw))
    for args, answer in zip((("role", "MLE"), ("salary",)), expected, strict=True):
        result = run(*args, data=MINI)
        assert result.exit_code == 0, result.stderr
        # A byte flipped inside a row's text can't be told from data (that is by design);
        # every other damage gives the same answer as before.
        assert result.stdout == answer or result.stderr == ""


def test_a_write_then_a_damaged_cache_is_not_run_twice(run: Run, hermetic: Path) -> None:
    """profile remove saves, then reads names: a damaged cache must not make it run again
    (it would report "nothing changed" after changing the profile)."""
    assert run("profile", "add", "python", "sql", data=MINI).exit_code == 0
    with sqlite3.connect(cache_file(hermetic, MINI)) as conn:
        conn.execute("DROP TABLE skills")
    result = run("profile", "remove", "python", data=MINI)
    assert result.exit_code == 0 and result.stdout == "removed: Python (1 left)\n"
    assert json.loads(run("profile", "show", "--json", data=MINI).stdout)["skills"] == ["sql"]


def test_validate_heals_a_damaged_cache_too(run: Run, hermetic: Path) -> None:
    expected = run("validate", str(MINI)).stdout
    _damage(cache_file(hermetic, MINI), "meta-not-json")
    with sqlite3.connect(cache_file(hermetic, MINI)) as conn:
        conn.execute("UPDATE meta SET value = '{bad' WHERE key = 'counts'")
    result = run("validate", str(MINI))
    assert (result.exit_code, result.stdout) == (0, expected)


def test_bidi_overrides_never_reach_the_output(run: Run, hermetic: Path) -> None:
    (hermetic / "home").mkdir()
    (hermetic / "home" / "profile.json").write_text(
        json.dumps({"version": 1, "skills": ["python", "\u202eabc"]})
    )
    for args in (("profile", "show"), ("profile", "show", "--json")):
        out = run(*args, data=MINI).stdout
        assert "\u202e" not in out


def test_the_schema_pattern_refuses_what_validation_refuses() -> None:
    """schema.json's pattern and the validator (text.unsafe_at) agree on every character
    of the Basic Multilingual Plane's first 12,288."""
    import re

    from careercli.text import SAFE_TEXT_PATTERN, unsafe_at

    allowed = re.compile(SAFE_TEXT_PATTERN)
    for code in range(0x3000):
        char = chr(code)
        assert (allowed.match(char) is None) == (unsafe_at(char) is not None), hex(code)
