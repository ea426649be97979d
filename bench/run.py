"""Measure careercli commands against bench/reference.py, side by side (issue 5).

Targets are ratios, not absolute times, because only a ratio measured in the same run on
the same machine means anything: each round runs careercli and the reference (the order
flips every round), and a command's time ratio is the median of the per-round ratios.
Peak memory is the child's own ``ru_maxrss`` from ``os.wait4``.

Every command of the CLI is measured (see ``COMMANDS``; ``--commands`` picks a subset),
with names read from the KB being measured. Runs share one temporary ``CAREERCLI_HOME``
whose profile holds one skill before anything is measured, so the user's own profile is
never read or written.

``--cold`` adds ``role`` with an empty cache every round, against a process that only
parses the KB with ``yaml.load(..., Loader=CSafeLoader)``.

Prints a Markdown table (for bench/RESULTS.md) or, with ``--json``, the raw figures.
Exits 0 whether targets pass or not (this is a measurement) and 1 when a command fails.

Examples::

    python bench/run.py
    python bench/run.py --kb bench/out/esco.yaml --rounds 5 --cold
    python bench/run.py --rounds 3 --commands "role,profile add,roles (piped)"
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
REFERENCE = HERE / "reference.py"

TIME_TARGET = 1.15  # careercli median wall time at most this times the reference's
RSS_TARGET = 1.3  # careercli median peak RSS at most this times the reference's
COLD_TARGET = 1.5  # first run on a KB at most this times a bare yaml.load of it
COLD_RSS_TARGET = 1.5  # ... and its peak RSS at most this times the bare parse's (issue 11)
TYPO_TARGET_MS = 200.0  # a typo'd lookup at most this much slower than the exact one

COMMANDS = (
    "role", "skill", "compare", "roadmap", "roadmap --format markdown", "roadmap (tracks)",
    "roles", "skills", "salary", "salary ROLE", "match", "path", "search", "industry",
    "industry NAME", "validate", "schema", "profile add", "profile show", "profile remove",
    "profile path", "--help", "complete",
)  # fmt: skip
# Listings page on a terminal (a screenful and "N more"); into a pipe they print every row,
# which grows with the KB by design. Measured both ways: as a user sees them on an 80x24
# terminal (FORCE_COLOR makes Rich treat /dev/null as one), and piped.
LISTINGS = ("roadmap (tracks)", "roles", "skills", "salary")
TERMINAL = {"FORCE_COLOR": "1", "LINES": "24", "COLUMNS": "80"}
# No label may hold a comma (--commands splits on them) or a | (it would split a cell of
# the Markdown table).
PIPED = tuple(f"{c} (piped)" for c in LISTINGS)
# A misspelt name (resolved fuzzily, after the exact and the words steps miss), measured
# against the exact lookup of the same entry rather than the reference (issue 11).
TYPOS = ("role (typo)", "skill (typo)")
ALL = (*COMMANDS, *PIPED, *TYPOS)
assert not any("," in c or "|" in c for c in ALL), "a label holds a ',' or a '|'"
COMPLETE_VAR = "_CAREERCLI_COMPLETE"  # Typer: f"_{prog_name}_COMPLETE".upper()
YAML_ONLY = "import sys, yaml; yaml.load(open(sys.argv[1], 'rb'), Loader=yaml.CSafeLoader)"

Env = dict[str, str]
Invocation = tuple[list[str], Env]


@dataclass
class Run:
    ms: float
    rss_kib: int


@dataclass
class Command:
    """One careercli invocation to measure: its arguments and any extra environment."""

    label: str
    args: list[str]
    env: Env = field(default_factory=dict)
    expect: str | None = None  # a line the output must hold, else the row gets a warning
    # careercli arguments run (checked, not measured) before every run of this one:
    # ``profile remove`` needs a skill in the profile to remove each time.
    before: list[str] = field(default_factory=list)
    # careercli arguments of the run this one is measured against instead of the reference
    # (a typo'd lookup against the exact one); its output must be the same.
    exact: list[str] | None = None

    def shown(self) -> str:
        """The command as one would type it (completion shows its environment)."""
        words = [f"{k}={_quote(v)}" for k, v in self.env.items()]
        return " ".join([*words, "careercli", *(_quote(a) for a in self.args)])


@dataclass
class Result:
    """The runs of one command and of what it is compared against."""

    label: str
    shown: str
    against: str
    time_target: float | None
    rss_target: float | None
    careercli: list[Run] = field(default_factory=list)
    reference: list[Run] = field(default_factory=list)
    error: str | None = None
    warning: str | None = None
    before: str | None = None  # run, unmeasured, ahead of every careercli run
    extra_target_ms: float | None = None  # a limit on ``extra_ms`` (typo rows)

    @property
    def extra_ms(self) -> float:
        """Median of per-round differences careercli - reference, in ms."""
        pairs = zip(self.careercli, self.reference, strict=True)
        return statistics.median(c.ms - r.ms for c, r in pairs)

    @property
    def ratio(self) -> float:
        """Median of per-round ratios: the two runs of a round share the machine's mood."""
        pairs = zip(self.careercli, self.reference, strict=True)
        return statistics.median(c.ms / r.ms for c, r in pairs)

    @property
    def rss_ratio(self) -> float:
        return _median_kib(self.careercli) / _median_kib(self.reference)

    @property
    def verdict(self) -> str:
        if self.error:
            return "ERROR"
        misses = []
        if self.time_target is not None and self.ratio > self.time_target:
            misses.append("time")
        if self.extra_target_ms is not None and self.extra_ms > self.extra_target_ms:
            misses.append("time")
        if self.rss_target is not None and self.rss_ratio > self.rss_target:
            misses.append("RSS")
        return f"FAIL ({', '.join(misses)})" if misses else "PASS"

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "command": self.label,
            "shown": self.shown,
            "against": self.against,
            "before": self.before,
            "time_target": self.time_target,
            "rss_target": self.rss_target,
            "extra_target_ms": self.extra_target_ms,
            "error": self.error,
            "warning": self.warning,
            "careercli_ms": [round(r.ms, 2) for r in self.careercli],
            "reference_ms": [round(r.ms, 2) for r in self.reference],
            "careercli_rss_kib": [r.rss_kib for r in self.careercli],
            "reference_rss_kib": [r.rss_kib for r in self.reference],
        }
        if not self.error:
            out |= {
                "careercli_median_ms": round(_median_ms(self.careercli), 2),
                "reference_median_ms": round(_median_ms(self.reference), 2),
                "time_ratio": round(self.ratio, 3),
                "extra_ms": round(self.extra_ms, 2),
                "rss_ratio": round(self.rss_ratio, 3),
                "result": self.verdict,
            }
        return out


class CommandFailed(Exception):
    """A measured process exited non-zero; the message says which and why."""


def _quote(arg: str) -> str:
    return arg if re.fullmatch(r"[\w+#./=-]+", arg) else "'" + arg.replace("'", "'\\''") + "'"


def _median_ms(runs: list[Run]) -> float:
    return statistics.median(r.ms for r in runs)


def _median_kib(runs: list[Run]) -> float:
    return statistics.median(r.rss_kib for r in runs)


# --- running --------------------------------------------------------------------------


def spawn(argv: list[str], env: Env, stderr: Path) -> tuple[int, Run]:
    """Run ``argv`` with stdout discarded; its exit code, wall time and peak RSS.

    stderr goes to a file (empty when all is well) so that a failure can be shown as it
    happened rather than by a rerun that may pass.

    ``os.wait4`` gives this child's own rusage, where ``getrusage(RUSAGE_CHILDREN)`` would
    give the largest of every child so far. The clock covers spawn to reap, as a shell sees.
    Caveat: Linux starts a child's ``ru_maxrss`` at the spawning process's peak (exec keeps
    the old address space's high-water mark), so this process must stay small; ``main``
    checks that it did.
    """
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, str(stderr), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
    ]
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, env, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    return os.waitstatus_to_exitcode(status), Run(elapsed, usage.ru_maxrss)


def check(argv: list[str], env: Env, shown: str) -> str:
    """Run once with output captured; raise CommandFailed on a non-zero exit, else stdout.

    Measured runs discard their output, so this is where a broken command shows why.
    """
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise CommandFailed(f"{shown} exited {done.returncode}: {' / '.join(tail) or 'no output'}")
    return done.stdout


def measure(
    result: Result,
    careercli: Callable[[], Invocation],
    reference: Invocation,
    rounds: int,
    warmup: int,
    stderr: Path,
) -> None:
    """Fill ``result`` with ``rounds`` pairs of runs after ``warmup`` unrecorded pairs.

    ``careercli`` is called before each of its runs so that a cold measurement can hand
    every run a fresh cache directory.
    """
    for i in range(warmup + rounds):
        order = ("careercli", "reference") if i % 2 == 0 else ("reference", "careercli")
        for who in order:
            argv, env = careercli() if who == "careercli" else reference
            code, run = spawn(argv, env, stderr)
            if code != 0:
                shown = result.shown if who == "careercli" else " ".join(argv)
                tail = stderr.read_text(errors="replace").strip().splitlines()[-3:]
                raise CommandFailed(
                    f"{shown} exited {code} in round {i + 1}: {' / '.join(tail) or 'no output'}"
                )
            if i >= warmup:
                (result.careercli if who == "careercli" else result.reference).append(run)


def warm(
    cmd: Command,
    invocation: Invocation,
    reference: Invocation,
    rounds: int,
    warmup: int,
    stderr: Path,
) -> Result:
    """``cmd`` against the reference, after one checked run that also fills the cache.

    ``cmd.before`` (with the same executable and environment) runs ahead of every run.
    A command with ``exact`` is measured against that careercli run instead (``reference``
    is then that run), with a limit on the extra time rather than on the ratios.
    """
    argv, env = invocation
    if cmd.exact is None:
        against = "python bench/reference.py"
        result = Result(cmd.label, cmd.shown(), against, TIME_TARGET, RSS_TARGET)
    else:
        against = Command(cmd.label, cmd.exact, cmd.env).shown()
        result = Result(cmd.label, cmd.shown(), against, None, None)
        result.extra_target_ms = TYPO_TARGET_MS
    before = [argv[0], *cmd.before]
    if cmd.before:
        result.before = " ".join(["careercli", *(_quote(a) for a in cmd.before)])

    def prepared() -> Invocation:
        if result.before:
            check(before, env, result.before)
        return invocation

    try:
        out = check(*prepared(), result.shown)
        if not out.strip():
            result.warning = "printed nothing on stdout"
        elif cmd.expect and cmd.expect not in out.splitlines():
            result.warning = f"output does not list {cmd.expect!r}"
        elif cmd.exact is not None and out != check(*reference, result.against):
            result.warning = "the misspelt name found another entry than the exact one"
        measure(result, prepared, reference, rounds, warmup, stderr)
    except CommandFailed as err:
        result.error = str(err)
    return result


def cold(
    cmd: Command,
    fresh_cache: Callable[[], Invocation],
    yaml_only: Invocation,
    rounds: int,
    warmup: int,
    stderr: Path,
) -> Result:
    """``cmd`` with an empty cache every run, against a bare ``yaml.load`` of the KB."""
    against = "yaml.load(CSafeLoader)"
    result = Result("role (cold)", cmd.shown(), against, COLD_TARGET, COLD_RSS_TARGET)
    try:
        check(*fresh_cache(), result.shown)
        measure(result, fresh_cache, yaml_only, rounds, warmup, stderr)
    except CommandFailed as err:
        result.error = str(err)
    return result


# --- what to run ----------------------------------------------------------------------


_SEVERAL = re.compile(r"'(?P<name>.+?)' names more than one role; did you mean: (?P<opts>.+)\?$")


def _told_apart(cmd: Command, exe: str, env: Env, label: str) -> Command:
    """``cmd`` with each role name that several KBs share replaced by the title of the
    role of KB ``label`` (``Machine Learning Engineer (roles)``), found by running it."""
    args = list(cmd.args)
    for _ in range(len(args)):
        done = subprocess.run(
            [exe, *args], env=env | cmd.env, capture_output=True, text=True, check=False
        )
        found = _SEVERAL.search(done.stderr.strip())
        if done.returncode == 0 or found is None or found["name"] not in args:
            break
        mine = [o for o in found["opts"].split(", ") if o.endswith(f"({label})")]
        if not mine:
            break
        args[args.index(found["name"])] = mine[0]
    return replace(cmd, args=args)


def careercli_executable() -> str:
    """The console script of this interpreter: a pyenv/asdf shim would add a shell's time."""
    script = Path(sysconfig.get_path("scripts")) / "careercli"
    if script.is_file():
        return str(script)
    found = shutil.which("careercli")
    if found is None:
        raise SystemExit("careercli is not installed (pip install -e .)")
    return found


def byte_compile() -> str:
    """Compile careercli's modules to bytecode, as ``pip install`` does for a wheel.

    An editable install (or ``PYTHONDONTWRITEBYTECODE=1``) can leave careercli without
    ``.pyc`` files while Typer, Rich and Pydantic have theirs: every careercli run would
    then compile its own source (about 15 ms) and the ratio would measure the install,
    not the tool. Returns where the package is.
    """
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("careercli")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("careercli is not installed (pip install -e .)")
    package = next(iter(spec.submodule_search_locations))
    if not compileall.compile_dir(package, quiet=1):
        raise SystemExit(f"bench: could not byte-compile {package}")
    return package


def default_kb() -> Path:
    """The KB careercli uses without --data."""
    try:
        from careercli.kb.paths import bundled_data_path
    except ImportError:
        return HERE.parent / "data" / "roles.yaml"
    return Path(bundled_data_path())


def read_kb(kb: Path) -> dict[str, Any]:
    """The KB as plain data, read once to pick names and count entries."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(kb.read_bytes(), Loader=loader)
    if not isinstance(data, dict) or not data.get("roles") or not data.get("skills"):
        raise SystemExit(f"{kb}: needs at least one role and one skill to benchmark")
    return data


def profile_seed(data: dict[str, Any]) -> str:
    """The skill the temporary profile holds before anything is measured (see main)."""
    return _skill_names(data)[0]


def _skill_names(data: dict[str, Any]) -> list[str]:
    """Up to 5 skill names: the first role's own skills first, then the KB's first."""
    names = {s["id"]: s["name"] for s in data["skills"]}
    groups = data["roles"][0].get("skills") or []
    own = [names[i] for g in groups for i in g["skills"] if i in names]
    return list(dict.fromkeys([*own, *names.values()]))[:5]


def misspell(name: str) -> str:
    """``name`` with a letter dropped from the middle of its longest word.

    Such a word starts no word of a name, so neither the exact nor the words step of
    name resolution finds it, and fuzzy matching must (``Intelligence`` -> ``Intellgence``).
    """
    words = name.split(" ")
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    words[longest] = word[: len(word) // 2] + word[len(word) // 2 + 1 :]
    return " ".join(words)


def pick_commands(data: dict[str, Any]) -> dict[str, Command]:
    """Every command, with names that exist in the KB: its first role, that role's skills.

    Names differ from KB to KB, so they are read from the file rather than hard-coded.
    The profile holds ``profile_seed`` throughout: ``profile add`` adds it again (after
    the first run, "already in profile"), and ``profile remove`` removes a second skill
    that its ``before`` run has just added, so the profile ends as it began.
    """
    roles = data["roles"]
    title: str = roles[0]["title"]
    titles = [r["title"] for r in roles[:3]]
    picked = _skill_names(data)
    extra = picked[1] if len(picked) > 1 else picked[0]  # for profile remove
    word = max(re.findall(r"[^\W_]+", title) or [title], key=len)
    completion = {
        COMPLETE_VAR: "complete_bash",
        "COMP_WORDS": f"careercli role {title[:2]}",
        "COMP_CWORD": "2",
    }
    industries = data.get("industries") or [{"name": title}]
    commands = [
        Command("role", ["role", title]),
        Command("skill", ["skill", picked[0]]),
        Command("compare", ["compare", *(titles * 3)[:3]]),
        Command("roadmap", ["roadmap", title]),
        Command("roadmap --format markdown", ["roadmap", title, "--format", "markdown"]),
        Command("roadmap (tracks)", ["roadmap"], TERMINAL),
        Command("roles", ["roles"], TERMINAL),
        Command("skills", ["skills"], TERMINAL),
        Command("salary", ["salary"], TERMINAL),
        Command("salary ROLE", ["salary", title]),
        Command("match", ["match", *picked]),
        Command("path", ["path", *(titles * 2)[:2]]),
        Command("search", ["search", word]),
        Command("industry", ["industry"]),
        Command("industry NAME", ["industry", industries[0]["name"]]),
        Command("validate", ["validate"]),
        Command("schema", ["schema"]),
        Command("profile add", ["profile", "add", picked[0]]),
        Command("profile show", ["profile", "show"]),
        Command("profile remove", ["profile", "remove", extra], before=["profile", "add", extra]),
        Command("profile path", ["profile", "path"]),
        Command("--help", ["--help"]),
        Command("complete", [], completion, expect=title),
    ]
    # the listings again without TERMINAL: stdout is then a pipe (see LISTINGS)
    commands += [Command(f"{c.label} (piped)", c.args) for c in commands if c.label in LISTINGS]
    commands += [
        Command("role (typo)", ["role", misspell(title)], exact=["role", title]),
        Command("skill (typo)", ["skill", misspell(picked[0])], exact=["skill", picked[0]]),
    ]
    found = {c.label: c for c in commands}
    assert tuple(found) == ALL, f"pick_commands and COMMANDS disagree: {set(found) ^ set(ALL)}"
    return found


def kb_commands(kb: Path) -> tuple[dict[str, Command], str, int, int]:
    """``pick_commands`` for ``kb``, ``profile_seed`` and the role and skill counts.

    They are worked out in a child process: parsing an ESCO-sized KB here would lift this
    process's peak RSS to hundreds of MiB, and every child's ru_maxrss with it (see
    ``spawn``).
    """
    argv = [sys.executable, str(Path(__file__).resolve()), "--names", str(kb)]
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(done.stderr.strip() or f"bench: cannot read {kb}")
    info = json.loads(done.stdout)
    commands = {c["label"]: Command(**c) for c in info["commands"]}
    return commands, info["seed"], info["roles"], info["skills"]


def print_names(kb: Path) -> None:
    """The child side of ``kb_commands``: JSON on stdout."""
    data = read_kb(kb)
    commands = [asdict(c) for c in pick_commands(data).values()]
    info = {
        "roles": len(data["roles"]),
        "skills": len(data["skills"]),
        "seed": profile_seed(data),
        "commands": commands,
    }
    print(json.dumps(info))


# --- output ---------------------------------------------------------------------------


def markdown(results: list[Result], meta: dict[str, Any]) -> str:
    """The table for bench/RESULTS.md, then the exact commands and any problems."""
    lines = [
        f"## careercli vs reference on `{meta['kb']}`",
        "",
        f"{meta['roles']} roles, {meta['skills']} skills; medians of {meta['rounds']} rounds "
        f"after {meta['warmup']} warm-up; Python {meta['python']}, {meta['platform']}, "
        f"{meta['cpus']} CPUs; {meta['date']}",
        "",
        "| command | careercli ms | reference ms | time ratio | careercli MiB "
        "| reference MiB | RSS ratio | targets | result |",
        "|---|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for r in results:
        if r.extra_target_ms is not None:
            targets = f"≤+{r.extra_target_ms:.0f} ms / –"
        else:
            targets = f"≤{r.time_target} / " + (f"≤{r.rss_target}" if r.rss_target else "–")
        if r.error:
            cells = [r.label, *["–"] * 6, targets, "ERROR"]
        else:
            cells = [
                r.label,
                f"{_median_ms(r.careercli):.1f}",
                f"{_median_ms(r.reference):.1f}",
                f"{r.ratio:.2f}",
                f"{_median_kib(r.careercli) / 1024:.1f}",
                f"{_median_kib(r.reference) / 1024:.1f}",
                f"{r.rss_ratio:.2f}",
                targets,
                r.verdict,
            ]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "Targets: time ratio / RSS ratio. Commands run:", ""]
    for r in results:
        after = f" (each run after `{r.before}`)" if r.before else ""
        extra = ""
        if r.extra_target_ms is not None and not r.error:
            extra = f": {r.extra_ms:+.1f} ms (median of the per-round differences)"
        lines.append(f"- {r.label}: `{r.shown}`{after} against `{r.against}`{extra}")
    problems = [f"- {r.label}: {r.error or r.warning}" for r in results if r.error or r.warning]
    if problems:
        lines += ["", "Problems:", "", *problems]
    return "\n".join(lines) + "\n"


# --- main -----------------------------------------------------------------------------


_COLLECTED = re.compile(r"Collected : (\d+)")


def instructions(argv: list[str], env: Env) -> int:
    """Instructions one run executes, counted by valgrind's callgrind: unlike wall time,
    the same for the same program and input whatever else the machine is doing."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False,
    )  # fmt: skip
    found = _COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise CommandFailed(f"valgrind {' '.join(argv)} exited {done.returncode}")
    return int(found.group(1))


def count_instructions(commands: list[Command], exe: str, env: Env, reference: Invocation) -> int:
    """``--instructions``: a Markdown table of instruction counts, careercli's against the
    reference's, each command after one checked (cache-filling) run."""
    if shutil.which("valgrind") is None:
        print("bench: --instructions needs valgrind (apt install valgrind)", file=sys.stderr)
        return 1
    ref = instructions(*reference)
    lines = [
        "| command | careercli M instructions | reference M instructions | ratio |",
        "|---|---:|---:|---:|",
    ]
    failed = 0
    for cmd in commands:
        if cmd.exact is not None:
            continue  # typo rows compare two careercli runs' times
        print(f"counting {cmd.label} ...", file=sys.stderr)
        invocation = ([exe, *cmd.args], env | cmd.env)
        try:
            check(*invocation, cmd.shown())
            n = instructions(*invocation)
        except CommandFailed as err:
            print(f"bench: {cmd.label}: {err}", file=sys.stderr)
            failed = 1
            continue
        lines.append(f"| {cmd.label} | {n / 1e6:.0f} | {ref / 1e6:.0f} | {n / ref:.2f} |")
    print("\n".join(lines))
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=11, help="measured pairs (default 11)")
    parser.add_argument("--warmup", type=int, default=2, help="unrecorded pairs (default 2)")
    parser.add_argument("--kb", type=Path, default=None, help="KB file (default: bundled)")
    parser.add_argument(
        "--commands",
        default=",".join(ALL),
        help="comma-separated subset of the row labels (default: all; empty: none, for --cold)",
    )
    parser.add_argument("--cold", action="store_true", help="also role with an empty cache")
    parser.add_argument(
        "--also",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="another KB loaded with --kb as one catalogue (repeatable; commands from --kb)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="count instructions under valgrind (callgrind), one warm run each, instead of "
        "timing: the same figures on a busy machine",
    )
    parser.add_argument("--names", type=Path, help=argparse.SUPPRESS)  # see kb_commands
    args = parser.parse_args(argv)
    if args.names:
        print_names(args.names)
        return 0
    if args.rounds < 1 or args.warmup < 0:
        parser.error("--rounds must be at least 1 and --warmup at least 0")
    wanted = [c.strip() for c in args.commands.split(",") if c.strip()]
    unknown = [c for c in wanted if c not in ALL]
    if unknown:
        parser.error(f"unknown command(s) {', '.join(unknown)}; choose from {','.join(ALL)}")
    if args.cold and args.also:
        parser.error("--cold measures one KB against its own yaml.load: leave out --also")
    if not wanted and not args.cold:
        parser.error("nothing to measure: give --commands or --cold")

    kb = (args.kb or default_kb()).resolve()
    also = [p.resolve() for p in args.also]
    for path in (kb, *also):
        if not path.is_file():
            parser.error(f"{path}: no such file")
    exe = careercli_executable()
    byte_compile()
    commands, seed, n_roles, n_skills = kb_commands(kb)
    shown_kbs = [str(p.relative_to(Path.cwd()) if p.is_relative_to(Path.cwd()) else p)
                 for p in (kb, *also)]  # fmt: skip
    meta = {
        "kb": " + ".join(shown_kbs),
        "roles": n_roles,
        "skills": n_skills,
        "rounds": args.rounds,
        "warmup": args.warmup,
        "python": platform.python_version(),
        "platform": platform.system(),
        "cpus": os.cpu_count(),
        "date": time.strftime("%Y-%m-%d"),
        "careercli": exe,
    }

    strip = {COMPLETE_VAR, "COMP_WORDS", "COMP_CWORD"}
    base = {k: v for k, v in os.environ.items() if k not in strip} | {"COLUMNS": "100"}
    reference: Invocation = ([sys.executable, str(REFERENCE)], base)
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="careercli-bench-") as tmp:
        root = Path(tmp)
        warm_env = base | {
            "CAREERCLI_DATA": os.pathsep.join(str(p) for p in (kb, *also)),  # one catalogue
            "CAREERCLI_CACHE": str(root / "cache"),  # kept: every run after the first is warm
            "CAREERCLI_HOME": str(root / "home"),
        }
        try:
            check(*reference, "python bench/reference.py")
        except CommandFailed as err:
            print(f"bench: {err}", file=sys.stderr)
            return 1
        try:  # the same profile whichever commands are measured (role, match, ... read it)
            check([exe, "profile", "add", seed], warm_env, f"careercli profile add {_quote(seed)}")
        except CommandFailed as err:  # each command then shows its own error, if any
            print(f"bench: could not fill the profile: {err}", file=sys.stderr)
        stderr = root / "stderr"
        if also:  # a title another KB shares is told apart: take the one of --kb's role
            commands = {k: _told_apart(c, exe, warm_env, kb.stem) for k, c in commands.items()}
        if args.instructions:
            return count_instructions([commands[c] for c in wanted], exe, warm_env, reference)
        for cmd in (commands[c] for c in wanted):
            print(f"measuring {cmd.label} ...", file=sys.stderr)
            invocation = ([exe, *cmd.args], warm_env | cmd.env)
            against = reference if cmd.exact is None else ([exe, *cmd.exact], invocation[1])
            results.append(warm(cmd, invocation, against, args.rounds, args.warmup, stderr))
        if args.cold:
            print("measuring role (cold) ...", file=sys.stderr)
            role = commands["role"]

            def fresh_cache() -> Invocation:
                """A cache directory that does not exist yet (the last one is deleted)."""
                shutil.rmtree(root / "cold", ignore_errors=True)
                cache = str(root / "cold" / "cache")
                return [exe, *role.args], warm_env | {"CAREERCLI_CACHE": cache}

            yaml_only: Invocation = ([sys.executable, "-c", YAML_ONLY, str(kb)], base)
            results.append(cold(role, fresh_cache, yaml_only, args.rounds, args.warmup, stderr))

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    meta["runner_rss_kib"] = own
    for r in results:
        for who, runs in (("careercli", r.careercli), (r.against, r.reference)):
            if any(x.rss_kib <= own for x in runs):
                note = f"{who}'s peak RSS is the runner's own ({own / 1024:.1f} MiB), see spawn()"
                r.warning = f"{r.warning}; {note}" if r.warning else note
        if r.error:
            print(f"bench: {r.label}: {r.error}", file=sys.stderr)
    if args.json:
        print(json.dumps({"meta": meta, "results": [r.as_json() for r in results]}, indent=2))
    else:
        print(markdown(results, meta), end="")
    return 1 if any(r.error for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
