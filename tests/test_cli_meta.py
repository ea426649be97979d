"""The app as a whole: help with examples, version, packaging, streams and signals."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import sysconfig
import time
import venv
import zipfile
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

import pytest
import typer

from careercli.cli import app
from tests.conftest import Run

ROOT = Path(__file__).resolve().parents[1]


def command_names() -> list[list[str]]:
    group = typer.main.get_command(app)
    names: list[list[str]] = []
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        sub = getattr(cmd, "commands", None)
        if sub:
            names += [[name, s] for s in sub]
        else:
            names.append([name])
    return names


def test_every_command_is_listed() -> None:
    flat = {" ".join(n) for n in command_names()}
    assert flat >= {
        "role", "compare", "skill", "roadmap", "roles", "skills", "match", "path", "salary",
        "search", "industry", "validate", "schema", "profile add", "profile remove",
        "profile show", "profile path",
    }  # fmt: skip


HELP_PAGES = [[], ["profile"], *command_names()]
TYPE_NAMES = re.compile(r"<\w|\blist\[|\bint range\b|x[<>]=|\[default:|\[required\]")


def _examples(page: str) -> list[str]:
    """The lines of the page's Examples section."""
    _, _, rest = page.partition("\nExamples:\n")
    return [line for line in rest.split("\n\n")[0].splitlines() if line.strip()]


@pytest.mark.parametrize("args", HELP_PAGES, ids=lambda a: " ".join(a) or "careercli")
def test_every_help_page_has_examples_no_python_types_and_fits_40_columns(
    run: Run, args: list[str]
) -> None:
    wide = run(*args, "--help")
    assert wide.exit_code == 0 and wide.stderr == ""
    assert "Usage:\n  careercli" in wide.stdout
    examples = _examples(wide.stdout)
    assert examples and all(line.startswith("  careercli ") for line in examples), examples
    assert all(" ".join(args) in line for line in examples), examples  # about this command
    assert not TYPE_NAMES.search(wide.stdout), TYPE_NAMES.search(wide.stdout)
    narrow = run(*args, "--help", width=40)
    assert narrow.exit_code == 0
    lines = narrow.stdout.splitlines()
    assert max(map(len, lines)) <= 40, [line for line in lines if len(line) > 40]
    # No word broken: every word at 40 columns is a word of the page at 100 columns.
    assert set(narrow.stdout.split()) - {"\\"} <= set(wide.stdout.split())


def test_help_groups_commands_in_panels_from_one_table(run: Run) -> None:
    from careercli.cli import HELP_PANELS

    page = run("--help").stdout
    heads = [line for line in page.splitlines() if line.endswith(":") and not line[0].isspace()]
    assert heads[:5] == ["Usage:", "Explore:", "Plan:", "Data:", "Options:"], heads
    placed = {n for names in HELP_PANELS.values() for n in names}
    assert {n[0] for n in command_names()} <= placed  # no command left in a "Commands" panel
    for panel, names in HELP_PANELS.items():
        body = page.split(f"\n{panel}:\n")[1].split("\n\n")[0]
        listed = [line.split()[0] for line in body.splitlines() if not line.startswith("    ")]
        assert listed == [n for n in names if n in {c[0] for c in command_names()}], panel


def test_help_gives_plain_names_and_ranges_in_words(run: Run) -> None:
    page = run("match", "--help").stdout
    assert "--top N" in page and "How many roles to show (1 to 100,000; default 10)." in page
    assert "[SKILL]..." in page and "-h, --help" in page
    assert "--data FILE" in run("--help").stdout
    assert "--level LEVEL" in run("salary", "--help").stdout


@pytest.mark.parametrize("args", [["--help"], [], ["role", "-h"], ["profile"]])
def test_help_into_a_closed_pipe_exits_141_quietly(args: list[str]) -> None:
    """``careercli --help | head -1``: as ``roles | head -1`` does (see entry.py)."""
    proc = _cli(*args)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read()
    assert (proc.wait(timeout=60), err) == (141, "")


def test_app_help_and_bare_invocation(run: Run) -> None:
    result = run("--help")
    assert result.exit_code == 0 and '  careercli role "ML Engineer"' in _examples(result.stdout)
    bare = run()  # help, as gh and git do: asking what there is is not an error
    assert bare.exit_code == 0 and "Usage:" in bare.stdout and "role" in bare.stdout
    assert bare.stderr == ""
    for args in (["-h"], ["role", "-h"], ["profile", "add", "-h"]):
        short = run(*args)
        assert short.exit_code == 0 and "Usage:" in short.stdout, args


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["role"], "Missing argument 'ROLE' (see 'careercli role --help')"),
        (["role", "--bogus", "MLE"], "No such option: --bogus (see 'careercli role --help')"),
        (["match", "--top", "0", "python"], "greater than or equal to 1 (see 'careercli match"),
        (["rol", "MLE"], "Did you mean 'role', 'roles', 'profile'? (see 'careercli --help')"),
        (["role", "MLE", "extra"], "unexpected extra argument"),
        (["--data"], "Option '--data' requires an argument"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(run: Run, args: list[str], line: str) -> None:
    result = run(*args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("careercli: error: ") and result.stderr.count("\n") == 1
    assert line in result.stderr


def test_version_comes_from_package_metadata(run: Run) -> None:
    result = run("--version")
    assert (result.exit_code, result.stdout) == (0, f"careercli {version('careercli')}\n")


def test_python_dash_m_works() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "careercli", "--help"], capture_output=True, text=True, check=True
    )
    assert "Usage" in out.stdout and out.stderr == ""


def test_schema_is_json_schema_and_the_committed_copy_is_current(run: Run) -> None:
    from careercli.kb.models import KnowledgeBase

    schema = KnowledgeBase.model_json_schema()
    assert schema["title"] == "KnowledgeBase" and "roles" in schema["properties"]
    committed = (ROOT / "schema.json").read_text()
    assert json.loads(committed) == schema, (
        "regenerate: python -c 'import json; from careercli.kb.models import KnowledgeBase as K; "
        "print(json.dumps(K.model_json_schema(), indent=2))' > schema.json"
    )
    assert run("schema").stdout == committed


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's wheel, built once by this interpreter's hatchling (a test extra)."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("careercli-*.whl")
    return built


def test_wheel_ships_the_kb_and_loads_it_outside_the_repo(tmp_path: Path, wheel: Path) -> None:
    """hatch force-include silently skips a missing file: look in the wheel, then load it."""
    with zipfile.ZipFile(wheel) as zf:
        assert {"careercli/data/roles.yaml", "careercli/data/schema.json"} <= set(zf.namelist())
        assert zf.read("careercli/data/schema.json") == (ROOT / "schema.json").read_bytes()
        zf.extractall(tmp_path / "site")
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    code = (
        "from careercli.kb.paths import bundled_data_path as p; from careercli.kb.loader "
        "import load_kb; path = p(); print(path); print(len(load_kb(path).roles))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    where, count = out.stdout.split()
    assert where.startswith(str(tmp_path / "site")) and int(count) >= 24


def _cli(*args: str, env: dict[str, str] | None = None, **kw: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "careercli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
        **kw,  # type: ignore[call-overload]
    )


def test_closed_pipe_leaves_stderr_empty(tmp_path: Path, mini: Path) -> None:
    """Like ``careercli roles | head -1``: the reader is gone before the answer is written."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "careercli", "--data", str(mini), "roles"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read()
    proc.wait(timeout=60)
    assert err == b""
    assert proc.returncode == 141


def test_completion_follows_the_data_option(tmp_path: Path, mini: Path) -> None:
    env = {
        **os.environ,
        "_CAREERCLI_COMPLETE": "complete_bash",
        "COMP_WORDS": f"careercli --data {mini} role Ana",
        "COMP_CWORD": "4",
    }
    exe = Path(sys.executable).parent / "careercli"
    out = subprocess.run([str(exe)], capture_output=True, text=True, env=env)
    assert out.stdout.splitlines() == ["Analytics / Data Engineer"]


def wait_for(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    """Poll ``condition`` until it holds (a fixed sleep is too short under load)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.01)


def test_ctrl_c_exits_130_with_one_line(tmp_path: Path) -> None:
    """Ctrl-C while a command runs (here: once it asks for the catalog)."""
    ready = tmp_path / "running"
    code = (
        "import pathlib, time, careercli.cli as c\n"
        "def slow(*a, **k):\n"
        f"    pathlib.Path({str(ready)!r}).touch()\n"
        "    time.sleep(60)\n"
        "c.State.catalog = slow\n"
        "import sys; sys.argv = ['careercli', 'role', 'MLE']; c.main()\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    wait_for(ready.exists)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=10)
    assert proc.returncode == 130
    assert err == "careercli: interrupted\n"
    assert out == ""


def test_ctrl_c_while_starting_up_is_one_line_too() -> None:
    """A Ctrl-C lands in the imports when it comes in the first tenth of a second."""
    code = (
        "import builtins\n"
        "real = builtins.__import__\n"
        "def interrupted(name, *args, **kwargs):\n"
        "    if name == 'careercli.cli':\n"
        "        raise KeyboardInterrupt\n"
        "    return real(name, *args, **kwargs)\n"
        "builtins.__import__ = interrupted\n"
        "from careercli.entry import main\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (done.returncode, done.stdout, done.stderr) == (130, "", "careercli: interrupted\n")


def test_no_escape_codes_when_piped_or_no_color(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    piped = subprocess.run(
        [sys.executable, "-m", "careercli", "role", "MLE"], capture_output=True, env=env
    )
    assert piped.returncode == 0 and b"\x1b[" not in piped.stdout


def test_fresh_venv_install_from_project_files(tmp_path: Path, wheel: Path) -> None:
    """pip installs the wheel into a new venv whose console script then answers.

    Offline: the new venv sees the dependencies of the interpreter running the tests (the
    user's venv, not the base Python a ``--system-site-packages`` venv would point at)
    through a ``.pth`` line, behind its own site-packages; pip comes from there too.
    """
    target = tmp_path / "venv"
    venv.create(target, with_pip=False)
    py = target / "bin" / "python"
    site = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    outer = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(site) / "outer-env.pth").write_text("".join(f"{p}\n" for p in sorted(outer)))
    install = subprocess.run(
        [str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--force-reinstall",
         "--disable-pip-version-check", str(wheel)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert install.returncode == 0, install.stderr
    out = subprocess.run(
        [str(target / "bin" / "careercli"), "role", "ML Engineer"],
        capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
    assert (out.returncode, out.stderr) == (0, "")
    assert out.stdout.startswith("Machine Learning Engineer\n")
    where = subprocess.run(
        [str(py), "-c", "import careercli.kb.paths as p; print(p.bundled_data_path())"],
        capture_output=True, text=True, cwd=tmp_path, check=True,
    ).stdout.strip()  # fmt: skip
    assert where == f"{site}/careercli/data/roles.yaml"  # the wheel's copy, not the checkout's


@pytest.mark.parametrize(
    ("argv", "word"),
    [
        (["role", "MLE"], "role"),
        (["--data", "x.yaml", "--no-cache", "skill", "sql"], "skill"),
        (["--version"], None),
        ([], None),
    ],
)
def test_command_word_skips_root_options(argv: list[str], word: str | None) -> None:
    from careercli.cli import _command_word

    assert _command_word(argv) == word


def test_console_script_runs_a_command_and_suggests_for_a_typo(tmp_path: Path) -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "careercli", "--no-cache", "role", "MLE"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert ok.returncode == 0 and ok.stdout.startswith("Machine Learning Engineer\n")
    typo = subprocess.run(
        [sys.executable, "-m", "careercli", "rol", "MLE"], capture_output=True, text=True
    )
    assert typo.returncode == 2 and "Did you mean 'role'" in typo.stderr


def _in_a_terminal(args: list[str], env: dict[str, str]) -> bytes:
    """Run careercli with stdout on a pseudo-terminal, as a user would see it."""
    import pty

    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "careercli", *args],
        stdout=follower, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=30)
    os.close(leader)
    assert proc.returncode == 0
    return b"".join(chunks)


@pytest.mark.parametrize(
    ("extra", "coloured"),
    [({}, True), ({"NO_COLOR": "1"}, False), ({"TERM": "dumb"}, False)],
    ids=["terminal", "NO_COLOR", "TERM=dumb"],
)
def test_colour_only_on_a_real_terminal_without_opt_out(
    tmp_path: Path, extra: dict[str, str], coloured: bool
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update({"TERM": "xterm-256color", "PAGER": "cat", **extra})
    out = _in_a_terminal(["role", "MLE"], env)
    assert (b"\x1b[" in out) is coloured
    assert b"Machine Learning Engineer" in out


@pytest.mark.parametrize(
    ("width", "args"),
    [
        (40, ["role", "ML Engineer"]),
        (80, ["role", "ML Engineer"]),
        (200, ["role", "ML Engineer"]),
        (40, ["compare", "MLE", "Data Scientist", "CTO"]),
        (40, ["salary"]),
    ],
)
def test_real_process_fits_the_width(tmp_path: Path, width: int, args: list[str]) -> None:
    env = {**os.environ, "COLUMNS": str(width)}
    out = subprocess.run(
        [sys.executable, "-m", "careercli", *args], capture_output=True, text=True, env=env
    )
    assert out.returncode == 0 and out.stderr == ""
    assert max(len(line) for line in out.stdout.splitlines()) <= width


def test_shell_completion_offers_role_names(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "_CAREERCLI_COMPLETE": "complete_bash",
        "COMP_WORDS": "careercli role Data",
        "COMP_CWORD": "2",
    }
    exe = Path(sys.executable).parent / "careercli"
    out = subprocess.run([str(exe)], capture_output=True, text=True, env=env)
    assert out.stdout.splitlines()[:3] == ["Data Analyst", "Data Engineer", "Data Scientist"]
    assert out.stderr == ""


def test_a_long_listing_fits_the_screen_on_a_terminal_and_streams_whole_into_a_pipe() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update({"TERM": "dumb", "COLUMNS": "80", "LINES": "24"})
    screen = _in_a_terminal(["skills"], env).decode().replace("\r\n", "\n").splitlines()
    assert len(screen) <= 24 - 2  # leaves room for the prompt
    hidden = int(screen[-1].split()[1])
    assert screen[-1] == (
        f"… {hidden} more skills: careercli skills --all, or careercli skills | less"
    )
    everything = _in_a_terminal(["skills", "--all"], env).decode().splitlines()
    piped = subprocess.run(
        [sys.executable, "-m", "careercli", "skills"], capture_output=True, text=True, env=env
    ).stdout.splitlines()
    assert len(everything) == len(piped) > len(screen) + hidden - 1
    header = " ".join(piped[:2]).split()  # a header may wrap so that names need not
    assert header[:3] == ["Skill", "Category", "Roles"] and "Also" in header


def test_a_listing_of_two_line_rows_still_fills_the_screen() -> None:
    """Salary rows take two lines (figure and bar): the page fills the screen, not 5 rows."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update({"TERM": "dumb", "COLUMNS": "80", "LINES": "14"})
    screen = _in_a_terminal(["salary"], env).decode().replace("\r\n", "\n").splitlines()
    assert 14 - 5 <= len(screen) <= 14 - 2, screen
    tail = " ".join(line.strip() for line in screen[-2:])
    assert " more figures: careercli salary --level mid --all, or " in tail, screen
